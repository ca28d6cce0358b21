-- Who counts as the app in the policies: a role that has the privileges of argmap_app (USAGE),
-- the same test PostgreSQL applies to the policies written "TO argmap_app". A bare membership
-- (PostgreSQL 16 gives the role that created argmap_app one, with ADMIN but without INHERIT) left
-- such an owner matching neither the owner's policy nor the app's, so it saw no rows.
CREATE OR REPLACE FUNCTION argmap_is_admin() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT NOT pg_has_role(current_user, 'argmap_app', 'USAGE') $$;
