"""Classroom mode against a real PostgreSQL (one throw-away cluster per session): the teacher's and
the students' workflow through ``argmap.services.classroom``, and privacy proven against the
database itself, connected as the app's role (a member of ``argmap_app``: owns nothing, not a
superuser) with one user's id set for the transaction."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from pg_cluster import postgres_cluster, postgres_url  # noqa: F401 (fixtures)

from argmap.cli import main
from argmap.errors import ClassroomError, StoreError
from argmap.model import Node
from argmap.services.classroom import Assignment, Classroom, User, sign_in, status_of
from argmap.services.review import review_text
from argmap.stores import open_library
from argmap.stores.postgres import create_app_role, upgrade

USER_TABLES = (
    "users",
    "classes",
    "memberships",
    "maps",
    "map_versions",
    "assignments",
    "submissions",
    "comments",
    "comment_reads",
    "grades",
    "answer_reviews",
)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class School:
    owner_url: str
    url: str  # the app role's
    clock: Clock
    teacher: User
    other_teacher: User
    asha: User
    ben: User
    chen: User  # a student of the other teacher's class

    def room(self, user: User) -> Classroom:
        return Classroom(self.url, user.id, clock=self.clock)


@pytest.fixture
def school(postgres_url: str) -> School:  # noqa: F811 (the fixture)
    url = create_app_role(postgres_url, "argmap_test_app")
    people = [
        sign_in(url, subject=f"sub-{name}", email=f"{name}@school.test", name=name.title())
        for name in ("teacher", "other", "asha", "ben", "chen")
    ]
    return School(postgres_url, url, Clock(), *people)


@contextmanager
def as_user(url: str, user: User) -> Iterator[psycopg.Connection]:
    """A raw connection as the app's role with ``user``'s id set for the transaction."""
    with psycopg.connect(url) as connection:
        connection.execute("SELECT set_config('argmap.user_id', %s, true)", [str(user.id)])
        yield connection


def with_claim(room: Classroom, name: str, claim_id: str) -> None:
    store = room.library()
    loaded = store.load(name)
    thesis = next(node.id for node in loaded.map.nodes if node.kind == "thesis")
    claim = Node(id=claim_id, kind="claim", supports=[thesis], text=f"Point {claim_id}")
    store.save(name, loaded.map.model_copy(update={"nodes": [*loaded.map.nodes, claim]}), loaded.revision)


def class_with_work(school: School) -> tuple[int, int, dict[str, str]]:
    """The teacher's class with Asha and Ben, an assignment from the teacher's map, each student's
    copy with a point of their own; returns (class id, assignment id, map name by student)."""
    teacher = school.room(school.teacher)
    made = teacher.create_class("IR batch")
    school.room(school.asha).join(made.join_code.lower())
    teacher.add_member(made.id, "ben@school.test")
    teacher.library().create("ir-start", "India and Russia", "bilateral", "Discuss.")
    assignment = teacher.set_assignment(
        made.id,
        title="India–Russia ties",
        question="“Despite differences, ties remain strong.” Critically examine. (250 words)",
        directive="critically examine",
        word_limit=250,
        start="map:ir-start",
        due_at=school.clock.now + timedelta(days=7),
    )
    names = {}
    for student, point in ((school.asha, "asha-point"), (school.ben, "ben-point")):
        room = school.room(student)
        names[student.email] = room.open_assignment(assignment.id).map_name
        with_claim(room, names[student.email], point)
    return made.id, assignment.id, names


def test_a_whole_assignment_from_joining_to_released_grades(school: School):
    teacher, asha, ben = school.room(school.teacher), school.room(school.asha), school.room(school.ben)
    class_id, assignment_id, names = class_with_work(school)
    assert [(m.email, m.role) for m in teacher.members(class_id)] == [
        ("teacher@school.test", "teacher"),
        ("asha@school.test", "student"),
        ("ben@school.test", "student"),
    ]
    with pytest.raises(ClassroomError, match="only a teacher of the class can set an assignment"):
        asha.set_assignment(class_id, title="T", question="Q", due_at=school.clock.now)
    with pytest.raises(ClassroomError, match="no class has the join code 'NOPE'"):
        asha.join("nope")

    # The copy is made once, from the starting map with the assignment's question.
    copy = asha.open_assignment(assignment_id)
    assert copy.map_name == names["asha@school.test"] and copy.status == "in progress"
    assert asha.library().load(copy.map_name).map.question.startswith("“Despite differences")

    submitted = asha.submit(assignment_id)
    assert (submitted.status, submitted.submitted_version) == ("submitted", 2)
    with pytest.raises(StoreError, match="cannot be changed: it is submitted"):
        with_claim(asha, copy.map_name, "after-submit")
    with pytest.raises(ClassroomError, match="already submitted"):
        asha.submit(assignment_id)

    school.clock.now += timedelta(days=8)  # past the due date: Ben submits late
    assert ben.submit(assignment_id).status == "late"
    rows = {row.student.email: row for row in teacher.statuses(assignment_id)}
    assert [rows[e].status for e in ("asha@school.test", "ben@school.test")] == ["submitted", "late"]

    # Read-only submission and its difference with the starting map.
    _, argument_map = teacher.open_submission(submitted.id)
    assert "asha-point" in argument_map.node_index()
    assert [node.id for node in teacher.compare_with_start(submitted.id).added] == ["asha-point"]

    # Comments: a thread on a node, new for the student until seen, resolved.
    first = teacher.add_comment(copy.map_name, "asha-point", "Which agreement shows this?")
    assert asha.comment_counts(copy.map_name) == {"asha-point": 1}
    assert [c.new for c in asha.comments(copy.map_name)] == [True]
    asha.mark_seen(copy.map_name)
    school.clock.now += timedelta(minutes=1)
    answer = asha.add_comment(copy.map_name, "asha-point", "The 2019 summit.", parent_id=first.id)
    assert answer.parent_id == first.id and not answer.new
    assert [c.new for c in teacher.comments(copy.map_name)] == [False, True]
    with pytest.raises(ClassroomError, match="has no node 'ghost'"):
        teacher.add_comment(copy.map_name, "ghost", "?")
    assert teacher.resolve_comment(first.id).resolved
    assert asha.comment_counts(copy.map_name) == {"asha-point": 1}  # the answer is still open

    # Grades: hidden from the student until released for the whole assignment.
    teacher.set_grade(submitted.id, 7.5, "Good use of evidence.")
    teacher.set_grade(rows["ben@school.test"].submission.id, 5, "=SUM(A1) late")
    with pytest.raises(ClassroomError, match="not between 0 and 10"):
        teacher.set_grade(submitted.id, 11)
    assert asha.my_grade(assignment_id) is None
    with pytest.raises(ClassroomError, match="only a teacher of the class can release grades"):
        asha.release_grades(assignment_id)
    teacher.release_grades(assignment_id)
    grade = asha.my_grade(assignment_id)
    assert grade is not None and (grade.marks, grade.feedback) == (7.5, "Good use of evidence.")
    table = list(csv.reader(io.StringIO(teacher.grades_csv(assignment_id))))
    assert table == [
        ["name", "email", "status", "marks", "out_of", "feedback"],
        ["Asha", "asha@school.test", "submitted", "7.5", "10", "Good use of evidence."],
        ["Ben", "ben@school.test", "late", "5", "10", "'=SUM(A1) late"],
    ]


def essay_open_to_resubmission(teacher: Classroom, class_id: int, title: str, due_at: datetime) -> Assignment:
    """An essay set for the class that students may submit again until ``due_at``."""
    return teacher.set_assignment(
        class_id,
        title=title,
        question="Discuss.",
        start="skeleton:policy",
        template="upsc-essay",
        due_at=due_at,
        allow_edits_after_submit=True,
    )


def test_edits_after_submitting_only_when_allowed_and_before_the_due_date(school: School):
    teacher, asha = school.room(school.teacher), school.room(school.asha)
    made = teacher.create_class("Essay group")
    asha.join(made.join_code)
    for due, editable in ((timedelta(days=1), True), (timedelta(days=-1), False)):
        assignment = essay_open_to_resubmission(
            teacher, made.id, f"Essay due {due.days}", school.clock.now + due
        )
        name = asha.open_assignment(assignment.id).map_name
        asha.submit(assignment.id)
        if editable:  # before the due date: a new version, the submitted one stays frozen
            with_claim(asha, name, "later")
            assert asha.my_submission(assignment.id).submitted_version == 1  # type: ignore[union-attr]
            assert len(asha.library().history(name)) == 2
        else:  # past the due date the database refuses any change
            with pytest.raises(StoreError, match="cannot be changed"):
                with_claim(asha, name, "later")


def test_a_student_can_read_change_or_delete_nothing_of_another_students(school: School):
    teacher = school.room(school.teacher)
    _, assignment_id, names = class_with_work(school)
    bens_map = names["ben@school.test"]
    statuses = {row.student.email: row for row in teacher.statuses(assignment_id)}
    bens = statuses["ben@school.test"].submission
    assert bens is not None
    teacher.add_comment(bens_map, "ben-point", "Source?")
    teacher.set_grade(bens.id, 6, "Fine")
    teacher.release_grades(assignment_id)
    assert bens_map not in school.room(school.asha).library().names()
    with as_user(school.url, school.asha) as db:
        bens_map_id = db.execute("SELECT argmap_uid()").fetchone()  # the id is set
        assert bens_map_id == (school.asha.id,)
        for table, where in (
            ("maps", "owner_id = %(ben)s"),
            ("map_versions", "map_id IN (SELECT id FROM maps WHERE owner_id = %(ben)s)"),
            ("submissions", "student_id = %(ben)s"),
            ("comments", "true"),
            ("grades", "submission_id = %(sub)s"),
        ):
            params = {"ben": school.ben.id, "sub": bens.id}
            assert db.execute(f"SELECT * FROM {table} WHERE {where}", params).fetchall() == [], table
        for statement in (
            "UPDATE maps SET title = 'mine' WHERE owner_id = %(ben)s",
            "UPDATE maps SET deleted_at = now() WHERE owner_id = %(ben)s",
            "DELETE FROM maps WHERE owner_id = %(ben)s",
            "UPDATE comments SET body = 'gone', resolved = true",
            "DELETE FROM comments",
            "UPDATE grades SET marks = 0",
            "DELETE FROM grades",
            "UPDATE submissions SET submitted_at = NULL WHERE student_id = %(ben)s",
        ):
            assert db.execute(statement, params).rowcount == 0, statement
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            db.execute(
                "INSERT INTO comments (map_id, node_id, author_id, body, created_at)"
                " SELECT id, 'ben-point', %(ben)s, 'forged', now() FROM maps",
                {"ben": school.ben.id},
            )
    with psycopg.connect(school.owner_url) as owner:  # and nothing of Ben's changed
        row = owner.execute(
            "SELECT m.title, m.deleted_at, g.marks FROM maps m, grades g WHERE m.name = %s", [bens_map]
        ).fetchone()
        assert row is not None and row[1] is None and float(row[2]) == 6
        assert owner.execute("SELECT count(*) FROM comments").fetchone() == (1,)


def test_a_student_can_neither_take_back_nor_backdate_their_own_submission(school: School):
    """Row-level security lets a student update their own submission (to submit again while the
    teacher allows it); the database still keeps what was handed in and when."""
    teacher, asha = school.room(school.teacher), school.room(school.asha)
    made = teacher.create_class("Records")
    asha.join(made.join_code)
    assignment = essay_open_to_resubmission(teacher, made.id, "Essay", school.clock.now + timedelta(days=1))
    name = asha.open_assignment(assignment.id).map_name
    with (
        as_user(school.url, school.asha) as db,
        pytest.raises(psycopg.errors.CheckViolation, match="not a version"),
    ):
        db.execute(
            "UPDATE submissions SET submitted_at = now(), submitted_version = 9 WHERE student_id = %s",
            [school.asha.id],
        )
    handed_in = asha.submit(assignment.id)
    for change, refusal in (
        ("submitted_at = NULL, submitted_version = NULL", "taken back"),
        ("submitted_at = submitted_at - interval '2 days'", "dated earlier"),
        ("map_id = map_id + 0, started_at = started_at - interval '1 day'", "keeps its assignment"),
    ):
        with (
            as_user(school.url, school.asha) as db,
            pytest.raises(psycopg.errors.CheckViolation, match=refusal),
        ):
            db.execute(f"UPDATE submissions SET {change} WHERE student_id = %s", [school.asha.id])
    with_claim(asha, name, "later")  # and submitting again, as the teacher allows, still works
    school.clock.now += timedelta(hours=1)
    again = asha.submit(assignment.id)
    assert (handed_in.submitted_version, again.submitted_version) == (1, 2)
    assert again.submitted_at is not None and handed_in.submitted_at is not None
    assert again.submitted_at > handed_in.submitted_at


def map_id(school: School, name: str) -> int:
    with psycopg.connect(school.owner_url) as owner:
        found = owner.execute("SELECT id FROM maps WHERE name = %s", [name]).fetchone()
    assert found is not None
    return int(found[0])


def review_answer_to(room: Classroom, map_name: str, text: str) -> None:
    """``text`` reviewed against the map and kept, as the Answer page does in classroom mode."""
    review = review_text(room.library().load(map_name).map, text, "the answer")
    room.answer_reviews().record(map_name, review)


FIRST_ANSWER = "India and Russia remain close partners. Defence ties endure."
SECOND_ANSWER = (
    "Ties with Russia remain strong despite differences.\n\n"
    "Defence cooperation, nuclear energy and a shared view of a multipolar order bind them. "
    "Yet Russia's pivot to China is a challenge. Way forward: diversify trade. In conclusion, the ties endure."
)


def test_the_answer_reviewed_last_is_frozen_with_the_submission_for_the_teacher(school: School):
    teacher, asha = school.room(school.teacher), school.room(school.asha)
    _, assignment_id, names = class_with_work(school)
    mine = names["asha@school.test"]
    submission_id = asha.my_submission(assignment_id).id  # type: ignore[union-attr]
    assert teacher.answer_reviews().for_submission(submission_id) is None

    review_answer_to(asha, mine, FIRST_ANSWER)
    school.clock.now += timedelta(minutes=5)
    review_answer_to(asha, mine, SECOND_ANSWER)
    latest = teacher.answer_reviews().for_submission(submission_id)
    assert latest is not None and latest.answer == SECOND_ANSWER and not latest.submitted

    asha.submit(assignment_id)
    school.clock.now += timedelta(minutes=5)
    review_answer_to(asha, mine, FIRST_ANSWER)  # practising after submitting: kept, not submitted
    assert [attempt.answer for attempt in asha.answer_reviews().history(mine)] == [
        FIRST_ANSWER,
        SECOND_ANSWER,
        FIRST_ANSWER,
    ]
    frozen = teacher.answer_reviews().for_submission(submission_id)
    assert frozen is not None and frozen.submitted
    assert (frozen.answer, frozen.when, frozen.map_version) == (SECOND_ANSWER, latest.when, 2)
    seen = review_text(asha.library().load(mine).map, SECOND_ANSWER, "the answer")
    assert frozen.marks == seen.marks and frozen.words == seen.words
    assert [f.message for f in frozen.findings] == [f.message for f in seen.findings]
    assert [(line.criterion, line.marks) for line in frozen.rubric] == [
        (line.criterion, line.marks) for line in seen.rubric
    ]
    assert frozen.missing == seen.missing


def test_no_one_but_the_student_and_their_teacher_reads_an_answer_review(school: School):
    teacher = school.room(school.teacher)
    _, assignment_id, names = class_with_work(school)
    bens_map = names["ben@school.test"]
    ben = school.room(school.ben)
    review_answer_to(ben, bens_map, SECOND_ANSWER)
    bens = ben.submit(assignment_id)
    assert teacher.answer_reviews().for_submission(bens.id) is not None
    other = school.room(school.other_teacher)
    school.room(school.chen).join(other.create_class("Other batch").join_code)
    asha = school.room(school.asha)
    assert asha.answer_reviews().history(bens_map) == []
    for room in (asha, other):
        with pytest.raises(ClassroomError, match=f"no submission {bens.id} that you can see"):
            room.answer_reviews().for_submission(bens.id)
    own_maps = {}
    for user in (school.asha, school.other_teacher, school.chen):
        school.room(user).library().create(f"own-{user.id}", "Own")
        own_maps[user.id] = map_id(school, f"own-{user.id}")
    bens_map_id = map_id(school, bens_map)
    for user in (school.asha, school.other_teacher, school.chen):
        with as_user(school.url, user) as db:
            assert db.execute("SELECT * FROM answer_reviews").fetchall() == [], user.email
            assert (
                db.execute("SELECT * FROM submissions WHERE student_id = %s", [school.ben.id]).fetchall()
                == []
            )
            # Reviews are a record: the app's role may neither change nor delete one, anyone's.
            for statement in ("UPDATE answer_reviews SET marks = 10", "DELETE FROM answer_reviews"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege), db.transaction():
                    db.execute(statement)
            # Nor add one in Ben's name (on their own map), nor one of theirs to Ben's map.
            for student, on_map in ((school.ben, own_maps[user.id]), (user, bens_map_id)):
                refused = pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security")
                with refused, db.transaction():
                    db.execute(
                        "INSERT INTO answer_reviews (map_id, student_id, map_version, answer, marks,"
                        " out_of, words, review, created_at) VALUES (%s, %s, 1, 'forged', 10, 10, 1,"
                        " '{}', now())",
                        [on_map, student.id],
                    )
    with psycopg.connect(school.owner_url) as owner:
        bens_review = owner.execute("SELECT id FROM answer_reviews").fetchone()
    asha_copy = asha.my_submission(assignment_id)
    assert asha_copy is not None and bens_review is not None
    with (  # her submission may not take Ben's review as hers
        as_user(school.url, school.asha) as db,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"),
    ):
        db.execute(
            "UPDATE submissions SET answer_review_id = %s WHERE id = %s", [bens_review[0], asha_copy.id]
        )
    with psycopg.connect(school.owner_url) as owner:  # and Ben's review is as he left it
        rows = owner.execute("SELECT answer, student_id FROM answer_reviews").fetchall()
        assert rows == [(SECOND_ANSWER, school.ben.id)]


def test_a_teacher_sees_nothing_of_another_class_and_grades_wait_for_release(school: School):
    class_id, assignment_id, names = class_with_work(school)
    teacher = school.room(school.teacher)
    other = school.room(school.other_teacher)
    theirs = other.create_class("Other batch")
    school.room(school.chen).join(theirs.join_code)
    statuses = teacher.statuses(assignment_id)
    teacher.set_grade(statuses[0].submission.id, 8)  # type: ignore[union-attr]
    for room, what in ((other, "the other class's teacher"), (school.room(school.chen), "its student")):
        with pytest.raises(ClassroomError, match=f"no assignment {assignment_id} in your classes"):
            room.statuses(assignment_id)
        with pytest.raises(ClassroomError, match=f"no class {class_id} of yours"):
            room.members(class_id)
        assert not set(names.values()) & set(room.library().names()), what
    with as_user(school.url, school.other_teacher) as db:
        for table in ("submissions", "grades", "assignments", "comments"):
            assert db.execute(f"SELECT * FROM {table}").fetchall() == [], table
        users = {row[0] for row in db.execute("SELECT email FROM users")}
        assert users == {"other@school.test", "chen@school.test"}
    with as_user(school.url, school.asha) as db:  # unreleased: her own grade is not there
        assert db.execute("SELECT * FROM grades").fetchall() == []
    teacher.release_grades(assignment_id)
    with as_user(school.url, school.asha) as db:
        assert len(db.execute("SELECT * FROM grades").fetchall()) == 1


def test_a_published_map_is_read_by_its_class_and_commented_on_only_when_allowed(school: School):
    teacher, asha = school.room(school.teacher), school.room(school.asha)
    made = teacher.create_class("Debate club")
    asha.join(made.join_code)
    teacher.library().create("motion", "This house would ban homework", "debate", "This house would …")
    thesis = teacher.library().load("motion").map.nodes[0].id
    assert "motion" not in asha.library().names()  # private until published
    asha.library().create("mine", "Mine")
    with pytest.raises(ClassroomError, match="only a teacher of the class can publish"):
        asha.share_map("mine", made.id)
    assert teacher.share_map("motion", made.id).visibility == "class"
    assert "motion" in asha.library().names()
    assert "motion" not in school.room(school.chen).library().names()
    with pytest.raises(StoreError, match="cannot be changed"):  # read-only for the class
        with_claim(asha, "motion", "hers")
    with pytest.raises(ClassroomError, match="you may not comment on motion"):
        asha.add_comment("motion", thesis, "Nice")
    teacher.set_classmates_comment(made.id, True)
    assert asha.add_comment("motion", thesis, "What about sport?").author_name == "Asha"
    teacher.share_map("motion", None)
    assert "motion" not in asha.library().names()
    with as_user(school.url, school.asha) as db:  # its comments went private with it
        assert db.execute("SELECT count(*) FROM comments").fetchone() == (0,)


def test_the_app_role_owns_nothing_and_every_user_table_forces_row_security(school: School):
    with psycopg.connect(school.url) as db:
        role = db.execute(
            "SELECT rolsuper, rolbypassrls, pg_has_role(current_user, 'argmap_app', 'USAGE')"
            " FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        assert role == (False, False, True)
        tables = db.execute(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,"
            " pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c"
            " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'"
        ).fetchall()
        by_name = {name: flags for name, *flags in tables}
        for table in USER_TABLES:
            assert by_name[table] == [True, True, False], table
        assert not any(owned for _, _, owned in by_name.values())
        # Without a signed-in user's id the app sees no one's data.
        assert db.execute("SELECT count(*) FROM users").fetchone() == (0,)


def test_the_listing_pages_own_and_class_maps_with_whose_each_is(school: School):
    teacher, asha = school.room(school.teacher), school.room(school.asha)
    made = teacher.create_class("Listing batch")
    asha.join(made.join_code)
    for number in range(7):
        asha.library().create(f"asha-{number}", f"Asha's map {number}", question="Why do 40% vote?")
    teacher.library().create("published", "Published motion")
    teacher.share_map("published", made.id)
    teacher.library().create("private", "The teacher's own")

    first = asha.listing(page_size=3)
    assert (first.mine_total, first.others_total) == (7, 1)
    assert [row.entry.name for row in first.mine] == ["asha-0", "asha-1", "asha-2"]
    assert [(row.entry.name, row.info.mine, row.info.visibility) for row in first.others] == [
        ("published", False, "class")
    ]
    assert first.mine[0].entry.title == "Asha's map 0" and first.mine[0].info.mine
    last = asha.listing(page_size=3, mine_page=2, others_page=5)
    assert ([row.entry.name for row in last.mine], last.others) == (["asha-6"], [])
    assert last.others_total == 1  # the totals stand on a page past the end
    found = asha.listing(words="MAP 5")
    assert [row.entry.name for row in found.mine] == ["asha-5"] and found.others_total == 0
    assert asha.listing(words="40%").mine_total == 7 and asha.listing(words="4_").mine_total == 0
    assert "private" not in [row.entry.name for row in asha.listing().others]


def test_status_follows_the_due_date():
    due = datetime(2026, 12, 9, 17, tzinfo=UTC)
    before, after = due - timedelta(hours=1), due + timedelta(hours=1)
    assert status_of(due, None, False, before) == "not started"
    assert status_of(due, None, True, before) == "in progress"
    assert status_of(due, None, True, after) == "late"
    assert status_of(due, before, True, after) == "submitted"
    assert status_of(due, after, True, after) == "late"


def test_the_class_commands_run_a_class_from_the_shell(
    school: School, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    assert main(["db", "app-role", "argmap_test_app", "--database", school.owner_url]) == 0
    assert capsys.readouterr().out.startswith(
        "the app connects as argmap_test_app: database user=argmap_test_app"
    )
    url = ["--database", school.url]
    monkeypatch.setenv("ARGMAP_USER", "teacher@school.test")
    assert main(["class", "create", "GS batch", "--json", *url]) == 0
    made = json.loads(capsys.readouterr().out)
    assert main(["class", "join", made["join_code"], "--as", "asha@school.test", *url]) == 0
    assert capsys.readouterr().out == f"joined class {made['id']} 'GS batch' as a student\n"
    assert main(["class", "add", str(made["id"]), "new@school.test", *url]) == 0
    assert main(["class", "members", str(made["id"]), *url]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert [line.split("\t")[:2] for line in lines] == [
        ["teacher", "teacher@school.test"],
        ["student", "asha@school.test"],
        ["student", "new@school.test"],
    ]
    due = (school.clock.now + timedelta(days=3)).isoformat()
    assign = ["class", "assign", str(made["id"]), "--title", "Federalism", "--question", "Discuss.", *url]
    assert main([*assign, "--due", due, "--words", "150", "--template", "upsc-gs-150", "--json"]) == 0
    assignment = json.loads(capsys.readouterr().out)
    assert (assignment["word_limit"], assignment["template"]) == (150, "upsc-gs-150")
    assert main(["class", "status", str(assignment["id"]), *url]) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ["not started"] * 2
    assert main(["class", "grades-csv", str(assignment["id"]), *url]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Asha,asha@school.test,not started,,10,"
    # One-line refusals, exit 1.
    for argv, message in (
        ([*assign, "--due", "2026-12-09T17:00"], "needs its time zone"),
        (["class", "status", str(assignment["id"]), "--as", "asha@school.test", *url], "only a teacher"),
        (["class", "join", "WRONG", *url], "no class has the join code 'WRONG'"),
    ):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1, err
    monkeypatch.delenv("ARGMAP_USER")
    assert main(["class", "list", *url]) == 1
    assert "name yourself with --as EMAIL or $ARGMAP_USER" in capsys.readouterr().err


def test_an_owner_that_is_not_a_superuser_keeps_the_whole_library(postgres_cluster: str):  # noqa: F811
    """The single-user library on a managed PostgreSQL: the tables' owner is an ordinary role (here,
    as PostgreSQL 16 makes the creator of argmap_app, a member of it that does not inherit it)."""
    with psycopg.connect(postgres_cluster, autocommit=True) as admin:
        for role, options in (("argmap_app", "NOLOGIN"), ("argmap_plain_owner", "LOGIN NOINHERIT")):
            if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone() is None:
                admin.execute(f"CREATE ROLE {role} {options}")
        admin.execute("GRANT argmap_app TO argmap_plain_owner")
        admin.execute("DROP SCHEMA IF EXISTS plain_owned CASCADE")
        admin.execute("CREATE SCHEMA plain_owned AUTHORIZATION argmap_plain_owner")
    url = psycopg.conninfo.make_conninfo(
        postgres_cluster, user="argmap_plain_owner", options="-csearch_path=plain_owned"
    )
    upgrade(url)
    store = open_library(database=url)
    loaded = store.create("m", "M")
    store.save("m", loaded.map.model_copy(update={"title": "Edited"}), loaded.revision)
    assert (store.names(), len(store.history("m"))) == (["m"], 2)
    with psycopg.connect(url) as owner:
        assert owner.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone() == (
            False,
        )
