-- Answer reviews in classroom mode (issue #19): each answer a student has checked against a map,
-- kept with the review they saw (marks, rubric, findings, the points covered and missed), so the
-- class's teachers read it beside the submission's outline. The single-user folder library keeps
-- its answers in .argmap/answers.jsonl as before.
--
-- A review is a record: the app adds rows and never changes or deletes one (as map_versions).
-- "Submit" freezes the latest review of the student's copy with the submission
-- (submissions.answer_review_id); later answers are kept too but are not the submitted one.

CREATE TABLE answer_reviews (
    id          bigserial PRIMARY KEY,
    map_id      bigint NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    student_id  bigint NOT NULL DEFAULT argmap_uid() REFERENCES users (id) ON DELETE CASCADE,
    map_version integer NOT NULL,  -- the map's version the answer was checked against
    answer      text NOT NULL CHECK (length(answer) BETWEEN 1 AND 100000),
    marks       numeric NOT NULL CHECK (marks >= 0),
    out_of      integer NOT NULL CHECK (out_of > 0),
    words       integer NOT NULL CHECK (words >= 0),
    review      jsonb NOT NULL,  -- the review as `argmap review --json` prints it
    created_at  timestamptz NOT NULL
);
CREATE INDEX answer_reviews_map ON answer_reviews (map_id, student_id, created_at);

ALTER TABLE submissions
    ADD COLUMN answer_review_id bigint REFERENCES answer_reviews (id) ON DELETE SET NULL;

GRANT SELECT, INSERT ON answer_reviews TO argmap_app;
GRANT USAGE ON SEQUENCE answer_reviews_id_seq TO argmap_app;

ALTER TABLE answer_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE answer_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON answer_reviews USING (argmap_is_admin()) WITH CHECK (argmap_is_admin());

-- Its student reads their own; a teacher of the map's class reads the class's (never a classmate,
-- even on a map published to the class).
CREATE POLICY app_read ON answer_reviews FOR SELECT TO argmap_app
    USING (student_id = argmap_uid()
           OR EXISTS (SELECT 1 FROM maps m WHERE m.id = map_id
                      AND argmap_class_role(m.class_id) = 'teacher'));
-- A user adds reviews of their own answers, on a map they can see.
CREATE POLICY app_add ON answer_reviews FOR INSERT TO argmap_app
    WITH CHECK (student_id = argmap_uid() AND EXISTS (SELECT 1 FROM maps m WHERE m.id = map_id));

-- A student freezes only a review of their own answer on the submission's own map.
DROP POLICY app_change ON submissions;
CREATE POLICY app_change ON submissions FOR UPDATE TO argmap_app
    USING (student_id = argmap_uid())
    WITH CHECK (student_id = argmap_uid()
                AND (answer_review_id IS NULL
                     OR EXISTS (SELECT 1 FROM answer_reviews r WHERE r.id = answer_review_id
                                AND r.student_id = argmap_uid() AND r.map_id = submissions.map_id)));
