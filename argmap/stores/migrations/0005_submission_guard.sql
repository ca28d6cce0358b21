-- A submission is a record of what was handed in and when (issue #19). Row-level security lets a
-- student update their own submission row (to submit, or submit again while the teacher allows
-- it), but a policy cannot compare a row with its old self: this trigger does. For the app's role
-- a submission keeps its assignment, student, map and start; once submitted it stays submitted,
-- and its time and version only move forward (a later resubmission), never back; the version
-- handed in is one the map has.
CREATE FUNCTION argmap_submission_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF argmap_is_admin() THEN
        RETURN NEW;
    END IF;
    IF (NEW.id, NEW.assignment_id, NEW.student_id, NEW.map_id, NEW.started_at)
        IS DISTINCT FROM (OLD.id, OLD.assignment_id, OLD.student_id, OLD.map_id, OLD.started_at) THEN
        RAISE EXCEPTION 'a submission keeps its assignment, student, map and start'
            USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.submitted_at IS NOT NULL AND (NEW.submitted_at IS NULL OR NEW.submitted_at < OLD.submitted_at
        OR NEW.submitted_version IS NULL OR NEW.submitted_version < OLD.submitted_version) THEN
        RAISE EXCEPTION 'a submission cannot be taken back or dated earlier'
            USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.submitted_at IS NULL) <> (NEW.submitted_version IS NULL) THEN
        RAISE EXCEPTION 'a submission has both its time and its version, or neither'
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.submitted_version IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM maps m WHERE m.id = NEW.map_id AND NEW.submitted_version BETWEEN 1 AND m.version) THEN
        RAISE EXCEPTION 'the submitted version is not a version of the map'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER submission_guard BEFORE UPDATE ON submissions
    FOR EACH ROW EXECUTE FUNCTION argmap_submission_guard();
