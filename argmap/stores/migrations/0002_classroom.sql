-- Classroom mode (issue #19): people, classes, assignments, submissions, comments on nodes and
-- grades, with privacy enforced by the database itself.
--
-- Every query of the app runs as a login role that is a member of ``argmap_app`` (which owns
-- nothing and is not a superuser) with the signed-in user's id set for its transaction:
--   SELECT set_config('argmap.user_id', '42', true)
-- Row-level security is enabled and forced on every table with user data. The policies for
-- ``argmap_app`` let a user see their own rows, their classes, the maps their classes publish and,
-- as a teacher, the work of their own classes' students; grades only once released. Any other role
-- that was granted the tables (the owner: migrations, ``argmap db import``, the single-user
-- library) sees every row, as it did before this migration.
--
-- The SECURITY DEFINER functions below run as the owner: they look people and classes up without
-- letting the app read the tables they search (a join code, an e-mail address).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'argmap_app') THEN
        CREATE ROLE argmap_app NOLOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO argmap_app', current_schema());
END
$$;

CREATE FUNCTION argmap_uid() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('argmap.user_id', true), '')::bigint $$;

-- True for every role but the app's: the owner keeps its full access under FORCE ROW LEVEL SECURITY.
CREATE FUNCTION argmap_is_admin() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT NOT pg_has_role(current_user, 'argmap_app', 'MEMBER') $$;

CREATE TABLE users (
    id         bigserial PRIMARY KEY,
    subject    text UNIQUE,  -- the OIDC subject; NULL until a person added by e-mail signs in
    email      text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 320),
    name       text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE classes (
    id                 bigserial PRIMARY KEY,
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    join_code          text NOT NULL UNIQUE CHECK (join_code ~ '^[A-Z0-9]{6,12}$'),
    classmates_comment boolean NOT NULL DEFAULT false,  -- may students comment on published maps?
    created_by         bigint NOT NULL REFERENCES users (id),
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
    class_id  bigint NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role      text NOT NULL CHECK (role IN ('teacher', 'student')),
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (class_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- A map belongs to a user (NULL: the shared library, e.g. maps imported from a folder) and may be
-- attached to a class: published to it (visibility 'class') or a student's work for it.
ALTER TABLE maps
    ADD COLUMN owner_id bigint DEFAULT argmap_uid() REFERENCES users (id),
    ADD COLUMN class_id bigint REFERENCES classes (id) ON DELETE SET NULL,
    ADD COLUMN visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'class')),
    ADD COLUMN locked_after timestamptz,  -- no change after this time (a submission's freeze)
    ADD CONSTRAINT maps_published_in_a_class CHECK (visibility = 'private' OR class_id IS NOT NULL);
CREATE INDEX maps_owner ON maps (owner_id);
CREATE INDEX maps_class ON maps (class_id);
ALTER TABLE map_versions ADD COLUMN author_id bigint DEFAULT argmap_uid() REFERENCES users (id);

CREATE TABLE assignments (
    id                       bigserial PRIMARY KEY,
    class_id                 bigint NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    title                    text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    question                 text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
    directive                text,
    word_limit               integer CHECK (word_limit BETWEEN 1 AND 20000),
    template                 text NOT NULL,
    start                    text NOT NULL,  -- 'blank', 'skeleton:NAME' or 'map:NAME'
    start_yaml               text NOT NULL,  -- the starting map as it was when the assignment was set
    due_at                   timestamptz NOT NULL,
    allow_edits_after_submit boolean NOT NULL DEFAULT false,
    out_of                   numeric NOT NULL DEFAULT 10 CHECK (out_of > 0),
    released                 boolean NOT NULL DEFAULT false,  -- grades shown to the students
    created_by               bigint NOT NULL DEFAULT argmap_uid() REFERENCES users (id),
    created_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assignments_class ON assignments (class_id);

CREATE TABLE submissions (
    id                bigserial PRIMARY KEY,
    assignment_id     bigint NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    student_id        bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    map_id            bigint NOT NULL REFERENCES maps (id),
    started_at        timestamptz NOT NULL,
    submitted_version integer,
    submitted_at      timestamptz,
    UNIQUE (assignment_id, student_id)
);

CREATE TABLE comments (
    id         bigserial PRIMARY KEY,
    map_id     bigint NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    node_id    text NOT NULL,
    author_id  bigint NOT NULL DEFAULT argmap_uid() REFERENCES users (id),
    body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    parent_id  bigint REFERENCES comments (id) ON DELETE CASCADE,
    resolved   boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);
CREATE INDEX comments_map ON comments (map_id);

CREATE TABLE comment_reads (  -- when a user last saw a map's comments ("new" is after this)
    user_id bigint NOT NULL DEFAULT argmap_uid() REFERENCES users (id) ON DELETE CASCADE,
    map_id  bigint NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    seen_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, map_id)
);

CREATE TABLE grades (
    submission_id bigint PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
    marks         numeric NOT NULL CHECK (marks >= 0),
    feedback      text NOT NULL DEFAULT '' CHECK (length(feedback) <= 10000),
    graded_by     bigint NOT NULL DEFAULT argmap_uid() REFERENCES users (id),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Helpers the policies use. SECURITY DEFINER: they read memberships as the owner, so a policy on
-- memberships can use them without recursing into itself.
CREATE FUNCTION argmap_class_role(p_class bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ SELECT role FROM memberships WHERE class_id = p_class AND user_id = argmap_uid() $$;

CREATE FUNCTION argmap_assignment_role(p_assignment bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ SELECT m.role FROM assignments a JOIN memberships m ON m.class_id = a.class_id
          WHERE a.id = p_assignment AND m.user_id = argmap_uid() $$;

CREATE FUNCTION argmap_shares_class(p_user bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ SELECT EXISTS (SELECT 1 FROM memberships mine JOIN memberships theirs USING (class_id)
                         WHERE mine.user_id = argmap_uid() AND theirs.user_id = p_user) $$;

-- The teacher of the submission's class sees its grade; its student only once released.
CREATE FUNCTION argmap_grade_visible(p_submission bigint, p_teacher_only boolean) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ SELECT EXISTS (
              SELECT 1 FROM submissions s JOIN assignments a ON a.id = s.assignment_id
              JOIN memberships m ON m.class_id = a.class_id AND m.user_id = argmap_uid()
              WHERE s.id = p_submission
                AND (m.role = 'teacher'
                     OR (NOT p_teacher_only AND s.student_id = argmap_uid() AND a.released))) $$;

-- Who may comment on a map: its owner, a teacher of its class, and classmates on a map published
-- to the class when the class allows it. p_resolve: who may resolve (owner and teachers).
CREATE FUNCTION argmap_may_comment(p_map bigint, p_resolve boolean) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ SELECT EXISTS (
              SELECT 1 FROM maps mp LEFT JOIN classes c ON c.id = mp.class_id
              LEFT JOIN memberships m ON m.class_id = mp.class_id AND m.user_id = argmap_uid()
              WHERE mp.id = p_map AND mp.deleted_at IS NULL
                AND (mp.owner_id = argmap_uid()
                     OR m.role = 'teacher'
                     OR (NOT p_resolve AND mp.visibility = 'class' AND m.role IS NOT NULL
                         AND c.classmates_comment))) $$;

-- Sign-in: the user with this OIDC subject, else the one added by this e-mail not yet signed in,
-- else a new one. Refuses an e-mail that another signed-in account already has.
CREATE FUNCTION argmap_sign_in(p_subject text, p_email text, p_name text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
DECLARE
    found bigint;
BEGIN
    UPDATE users SET email = p_email, name = coalesce(nullif(p_name, ''), name)
        WHERE subject = p_subject RETURNING id INTO found;
    IF found IS NULL THEN
        UPDATE users SET subject = p_subject, name = coalesce(nullif(p_name, ''), name)
            WHERE lower(email) = lower(p_email) AND subject IS NULL RETURNING id INTO found;
    END IF;
    IF found IS NULL THEN
        INSERT INTO users (subject, email, name) VALUES (p_subject, p_email, coalesce(p_name, ''))
            RETURNING id INTO found;
    END IF;
    RETURN found;
END
$$;

-- The user with this e-mail, made (not yet signed in) when there is none: the CLI's --as, and a
-- teacher adding a student by e-mail.
CREATE FUNCTION argmap_user_by_email(p_email text, p_name text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
DECLARE
    found bigint;
BEGIN
    SELECT id INTO found FROM users WHERE lower(email) = lower(p_email);
    IF found IS NULL THEN
        INSERT INTO users (email, name) VALUES (p_email, coalesce(p_name, ''))
            ON CONFLICT DO NOTHING RETURNING id INTO found;
        IF found IS NULL THEN
            SELECT id INTO found FROM users WHERE lower(email) = lower(p_email);
        END IF;
    END IF;
    RETURN found;
END
$$;

CREATE FUNCTION argmap_create_class(p_name text, p_code text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
DECLARE
    made bigint;
BEGIN
    IF argmap_uid() IS NULL THEN
        RAISE EXCEPTION 'no signed-in user';
    END IF;
    INSERT INTO classes (name, join_code, created_by) VALUES (p_name, p_code, argmap_uid())
        RETURNING id INTO made;
    INSERT INTO memberships (class_id, user_id, role) VALUES (made, argmap_uid(), 'teacher');
    RETURN made;
END
$$;

-- Join by code as a student (a member already keeps their role); NULL when no class has the code.
CREATE FUNCTION argmap_join_class(p_code text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
DECLARE
    found bigint;
BEGIN
    IF argmap_uid() IS NULL THEN
        RAISE EXCEPTION 'no signed-in user';
    END IF;
    SELECT id INTO found FROM classes WHERE join_code = upper(p_code);
    IF found IS NOT NULL THEN
        INSERT INTO memberships (class_id, user_id, role) VALUES (found, argmap_uid(), 'student')
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN found;
END
$$;

-- A teacher adds a person by e-mail (made when new); NULL when the caller does not teach the class.
CREATE FUNCTION argmap_add_member(p_class bigint, p_email text, p_role text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
DECLARE
    person bigint;
BEGIN
    IF argmap_class_role(p_class) IS DISTINCT FROM 'teacher' THEN
        RETURN NULL;
    END IF;
    person := argmap_user_by_email(p_email, '');
    INSERT INTO memberships (class_id, user_id, role) VALUES (p_class, person, p_role)
        ON CONFLICT (class_id, user_id) DO UPDATE SET role = excluded.role;
    RETURN person;
END
$$;

-- Map names are unique among live maps, whoever owns them: whether a name is free, without
-- showing whose map has it.
CREATE FUNCTION argmap_map_name_taken(p_name text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ SELECT EXISTS (SELECT 1 FROM maps WHERE name = p_name AND deleted_at IS NULL) $$;

REVOKE EXECUTE ON FUNCTION argmap_sign_in(text, text, text), argmap_user_by_email(text, text),
    argmap_create_class(text, text), argmap_join_class(text), argmap_add_member(bigint, text, text),
    argmap_class_role(bigint), argmap_assignment_role(bigint), argmap_shares_class(bigint),
    argmap_grade_visible(bigint, boolean), argmap_may_comment(bigint, boolean),
    argmap_map_name_taken(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION argmap_sign_in(text, text, text), argmap_user_by_email(text, text),
    argmap_create_class(text, text), argmap_join_class(text), argmap_add_member(bigint, text, text),
    argmap_class_role(bigint), argmap_assignment_role(bigint), argmap_shares_class(bigint),
    argmap_grade_visible(bigint, boolean), argmap_may_comment(bigint, boolean),
    argmap_map_name_taken(text) TO argmap_app;

-- What the app role may do at all; the policies below narrow it to rows.
GRANT SELECT, UPDATE (name) ON users TO argmap_app;
GRANT SELECT, UPDATE (name, classmates_comment), DELETE ON classes TO argmap_app;
GRANT SELECT, DELETE ON memberships TO argmap_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON maps, assignments, comments, comment_reads, grades TO argmap_app;
GRANT SELECT, INSERT ON map_versions TO argmap_app;
GRANT SELECT, INSERT, UPDATE ON submissions TO argmap_app;
GRANT USAGE ON SEQUENCE maps_id_seq, assignments_id_seq, submissions_id_seq, comments_id_seq TO argmap_app;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['users', 'classes', 'memberships', 'maps', 'map_versions', 'assignments',
                             'submissions', 'comments', 'comment_reads', 'grades'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY owner_all ON %I USING (argmap_is_admin()) WITH CHECK (argmap_is_admin())', t);
    END LOOP;
END
$$;

CREATE POLICY app_read ON users FOR SELECT TO argmap_app
    USING (id = argmap_uid() OR argmap_shares_class(id));
CREATE POLICY app_change ON users FOR UPDATE TO argmap_app
    USING (id = argmap_uid()) WITH CHECK (id = argmap_uid());

CREATE POLICY app_read ON classes FOR SELECT TO argmap_app USING (argmap_class_role(id) IS NOT NULL);
CREATE POLICY app_change ON classes FOR UPDATE TO argmap_app
    USING (argmap_class_role(id) = 'teacher') WITH CHECK (argmap_class_role(id) = 'teacher');
CREATE POLICY app_delete ON classes FOR DELETE TO argmap_app USING (argmap_class_role(id) = 'teacher');

CREATE POLICY app_read ON memberships FOR SELECT TO argmap_app
    USING (argmap_class_role(class_id) IS NOT NULL);
CREATE POLICY app_delete ON memberships FOR DELETE TO argmap_app
    USING (user_id = argmap_uid() OR argmap_class_role(class_id) = 'teacher');

CREATE POLICY app_read ON maps FOR SELECT TO argmap_app
    USING (owner_id = argmap_uid()
           OR (owner_id IS NULL AND class_id IS NULL)
           OR argmap_class_role(class_id) = 'teacher'
           OR (visibility = 'class' AND argmap_class_role(class_id) IS NOT NULL));
CREATE POLICY app_add ON maps FOR INSERT TO argmap_app
    WITH CHECK (owner_id = argmap_uid()
                AND (class_id IS NULL OR argmap_class_role(class_id) = 'teacher'
                     OR (visibility = 'private' AND argmap_class_role(class_id) = 'student')));
CREATE POLICY app_change ON maps FOR UPDATE TO argmap_app
    USING (owner_id = argmap_uid() AND (locked_after IS NULL OR now() < locked_after))
    WITH CHECK (owner_id = argmap_uid()
                AND (class_id IS NULL OR argmap_class_role(class_id) = 'teacher'
                     OR (visibility = 'private' AND argmap_class_role(class_id) = 'student')));
CREATE POLICY app_delete ON maps FOR DELETE TO argmap_app
    USING (owner_id = argmap_uid() AND locked_after IS NULL);

-- A version is visible with its map; only a map's owner adds versions (versions never change).
CREATE POLICY app_read ON map_versions FOR SELECT TO argmap_app
    USING (EXISTS (SELECT 1 FROM maps m WHERE m.id = map_id));
CREATE POLICY app_add ON map_versions FOR INSERT TO argmap_app
    WITH CHECK (EXISTS (SELECT 1 FROM maps m WHERE m.id = map_id AND m.owner_id = argmap_uid()));

CREATE POLICY app_read ON assignments FOR SELECT TO argmap_app
    USING (argmap_class_role(class_id) IS NOT NULL);
CREATE POLICY app_teach ON assignments FOR ALL TO argmap_app
    USING (argmap_class_role(class_id) = 'teacher') WITH CHECK (argmap_class_role(class_id) = 'teacher');

CREATE POLICY app_read ON submissions FOR SELECT TO argmap_app
    USING (student_id = argmap_uid() OR argmap_assignment_role(assignment_id) = 'teacher');
CREATE POLICY app_add ON submissions FOR INSERT TO argmap_app
    WITH CHECK (student_id = argmap_uid() AND argmap_assignment_role(assignment_id) = 'student'
                AND EXISTS (SELECT 1 FROM maps m WHERE m.id = map_id AND m.owner_id = argmap_uid()));
CREATE POLICY app_change ON submissions FOR UPDATE TO argmap_app
    USING (student_id = argmap_uid()) WITH CHECK (student_id = argmap_uid());

CREATE POLICY app_read ON comments FOR SELECT TO argmap_app
    USING (EXISTS (SELECT 1 FROM maps m WHERE m.id = map_id));
CREATE POLICY app_add ON comments FOR INSERT TO argmap_app
    WITH CHECK (author_id = argmap_uid() AND argmap_may_comment(map_id, false));
CREATE POLICY app_change ON comments FOR UPDATE TO argmap_app
    USING (author_id = argmap_uid() OR argmap_may_comment(map_id, true))
    WITH CHECK (EXISTS (SELECT 1 FROM maps m WHERE m.id = map_id));
CREATE POLICY app_delete ON comments FOR DELETE TO argmap_app USING (author_id = argmap_uid());

CREATE POLICY app_own ON comment_reads FOR ALL TO argmap_app
    USING (user_id = argmap_uid()) WITH CHECK (user_id = argmap_uid());

CREATE POLICY app_read ON grades FOR SELECT TO argmap_app
    USING (argmap_grade_visible(submission_id, false));
CREATE POLICY app_teach ON grades FOR ALL TO argmap_app
    USING (argmap_grade_visible(submission_id, true)) WITH CHECK (argmap_grade_visible(submission_id, true));
