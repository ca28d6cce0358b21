"""Classroom mode (issue #19): classes with teachers and students, assignments each student works
on in a copy of their own, comments on a map's nodes, and grades the teacher releases.

Everything a :class:`Classroom` does runs in one database transaction with the signed-in user's id
set (``argmap.user_id``), so PostgreSQL's row-level security (``migrations/0002_classroom.sql``)
decides what the user sees and changes; the checks here are the second line, there to give a
one-line reason instead of an empty answer. Times come from an injectable clock.
"""

from __future__ import annotations

import csv
import io
import math
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg

from argmap.errors import ClassroomError, StoreError
from argmap.map_diff import MapDiff, diff_maps
from argmap.mapfile import dump_map, parse_map
from argmap.model import ArgumentMap, Directive
from argmap.outline.templates import TEMPLATES
from argmap.rules import slugify
from argmap.services.answer_reviews import AnswerReviews
from argmap.skeletons import SKELETONS
from argmap.store import SUFFIX, Entry, check_name, new_map, revision_of
from argmap.stores.postgres import PostgresStore, transaction

Clock = Callable[[], datetime]
ROLES = ("teacher", "student")
STATUSES = ("not started", "in progress", "submitted", "late")
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_LENGTH = 8


@dataclass(frozen=True)
class User:
    id: int
    email: str
    name: str


@dataclass(frozen=True)
class ClassInfo:
    id: int
    name: str
    join_code: str
    role: str
    classmates_comment: bool


@dataclass(frozen=True)
class Member:
    user_id: int
    email: str
    name: str
    role: str


@dataclass(frozen=True)
class MapInfo:
    name: str
    owner_id: int | None
    class_id: int | None
    visibility: str
    locked: bool
    mine: bool


@dataclass(frozen=True)
class ListedMap:
    """A map of the library listing with whose it is (one row of :meth:`Classroom.listing`)."""

    entry: Entry
    info: MapInfo


@dataclass(frozen=True)
class Listing:
    """One page of the user's own maps and one of the other maps they may see, with how many of
    each match in all."""

    mine: list[ListedMap]
    mine_total: int
    others: list[ListedMap]
    others_total: int


@dataclass(frozen=True)
class Assignment:
    id: int
    class_id: int
    title: str
    question: str
    directive: str | None
    word_limit: int | None
    template: str
    start: str
    due_at: datetime
    allow_edits_after_submit: bool
    out_of: float
    released: bool


@dataclass(frozen=True)
class Submission:
    id: int
    assignment_id: int
    student_id: int
    map_name: str
    submitted_version: int | None
    submitted_at: datetime | None
    status: str


@dataclass(frozen=True)
class Grade:
    submission_id: int
    marks: float
    feedback: str
    released: bool


@dataclass(frozen=True)
class StudentStatus:
    student: Member
    status: str
    submission: Submission | None
    grade: Grade | None


@dataclass(frozen=True)
class Comment:
    id: int
    map_name: str
    node_id: str
    author_id: int
    author_name: str
    text: str
    parent_id: int | None
    resolved: bool
    created_at: datetime
    new: bool


def status_of(due_at: datetime, submitted_at: datetime | None, started: bool, now: datetime) -> str:
    """A student's status: submitted (on time) or late (after the due date, or not submitted once
    it has passed); in progress or not started before the due date."""
    if submitted_at is not None:
        return "submitted" if submitted_at <= due_at else "late"
    if now > due_at:
        return "late"
    return "in progress" if started else "not started"


def _one_line(text: str, what: str, limit: int) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ClassroomError(f"the {what} is empty")
    if len(cleaned) > limit:
        raise ClassroomError(f"the {what} is longer than {limit} characters")
    return cleaned


def _email(email: str) -> str:
    cleaned = email.strip()
    if "@" not in cleaned or any(c.isspace() for c in cleaned) or len(cleaned) > 320:
        raise ClassroomError(f"{email!r} is not an e-mail address")
    return cleaned


def sign_in(url: str, *, subject: str, email: str, name: str = "") -> User:
    """The user signed in with this OIDC subject (made on first sign-in, or claimed when a teacher
    added their e-mail before); call once per session and keep ``User.id``."""
    if not subject.strip():
        raise ClassroomError("the sign-in gave no subject (the provider's user id)")
    address = _email(email)
    try:
        with transaction(url) as connection:
            row = connection.execute(
                "SELECT argmap_sign_in(%s, %s, %s)", [subject, address, name.strip()[:200]]
            ).fetchone()
    except StoreError as exc:
        if "users_email" in str(exc):
            raise ClassroomError(f"{address} already belongs to another signed-in account") from None
        raise
    assert row is not None
    return User(int(row[0]), address, name.strip()[:200])


def user_by_email(url: str, email: str, name: str = "") -> User:
    """The user with this e-mail (made, not yet signed in, when new): the CLI's ``--as``."""
    address = _email(email)
    with transaction(url) as connection:
        row = connection.execute("SELECT argmap_user_by_email(%s, %s)", [address, name]).fetchone()
        assert row is not None
    with transaction(url, int(row[0])) as connection:  # the app's role reads only itself
        stored = connection.execute("SELECT email, name FROM users WHERE id = %s", [row[0]]).fetchone()
    assert stored is not None
    return User(int(row[0]), stored[0], stored[1])


class Classroom:
    """What one signed-in user does in classroom mode; every method is one transaction as them."""

    def __init__(self, url: str, user_id: int, clock: Clock | None = None):
        self.url = url
        self.user_id = int(user_id)
        self.clock: Clock = clock or (lambda: datetime.now(UTC))

    # -- plumbing ---------------------------------------------------------------------------
    def _tx(self):  # type: ignore[no-untyped-def]
        return transaction(self.url, self.user_id)

    def library(self) -> PostgresStore:
        """The maps this user may see (own, published to their classes, their students' work as a
        teacher, the shared library), saved with this user as the author."""
        with self._tx() as connection:
            row = connection.execute("SELECT email FROM users WHERE id = %s", [self.user_id]).fetchone()
        return PostgresStore(self.url, user_id=self.user_id, author=row[0] if row else None)

    def answer_reviews(self) -> AnswerReviews:
        """The answers this user had reviewed, kept in the database (their own; a teacher's
        classes')."""
        return AnswerReviews(self.url, self.user_id, self.clock)

    @staticmethod
    def _role(connection: psycopg.Connection, class_id: int) -> str | None:
        row = connection.execute("SELECT argmap_class_role(%s)", [class_id]).fetchone()
        return row[0] if row else None

    def _need_teacher(self, connection: psycopg.Connection, class_id: int, doing: str) -> None:
        role = self._role(connection, class_id)
        if role is None:
            raise ClassroomError(f"no class {class_id} of yours")
        if role != "teacher":
            raise ClassroomError(f"only a teacher of the class can {doing}")

    def _map_id(self, connection: psycopg.Connection, name: str) -> tuple[int, int | None, int | None, str]:
        bare = check_name(name)
        row = connection.execute(
            "SELECT id, owner_id, class_id, visibility FROM maps WHERE name = %s AND deleted_at IS NULL",
            [bare],
        ).fetchone()
        if row is None:
            raise ClassroomError(f"no map named {bare!r} that you can see")
        return row

    # -- classes ----------------------------------------------------------------------------
    def create_class(self, name: str) -> ClassInfo:
        title = _one_line(name, "class name", 200)
        for _ in range(5):  # a taken code (1 in 32^8 per class) is drawn again
            code = "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))
            try:
                with self._tx() as connection:
                    row = connection.execute("SELECT argmap_create_class(%s, %s)", [title, code]).fetchone()
            except StoreError as exc:
                if "classes_join_code_key" in str(exc):
                    continue
                raise
            assert row is not None
            return ClassInfo(int(row[0]), title, code, "teacher", False)
        raise ClassroomError("could not draw a free join code; try again")

    def my_classes(self) -> list[ClassInfo]:
        with self._tx() as connection:
            rows = connection.execute(
                "SELECT c.id, c.name, c.join_code, m.role, c.classmates_comment FROM classes c"
                " JOIN memberships m ON m.class_id = c.id AND m.user_id = %s ORDER BY c.name, c.id",
                [self.user_id],
            ).fetchall()
        return [ClassInfo(*row) for row in rows]

    def class_info(self, class_id: int) -> ClassInfo:
        for info in self.my_classes():
            if info.id == class_id:
                return info
        raise ClassroomError(f"no class {class_id} of yours")

    def join(self, code: str) -> ClassInfo:
        cleaned = code.strip().upper()
        with self._tx() as connection:
            row = connection.execute("SELECT argmap_join_class(%s)", [cleaned]).fetchone()
        if row is None or row[0] is None:
            raise ClassroomError(f"no class has the join code {cleaned!r}")
        return self.class_info(int(row[0]))

    def add_member(self, class_id: int, email: str, role: str = "student") -> Member:
        if role not in ROLES:
            raise ClassroomError(f"unknown role {role!r}; choose teacher or student")
        address = _email(email)
        with self._tx() as connection:
            self._need_teacher(connection, class_id, "add people")
            row = connection.execute(
                "SELECT argmap_add_member(%s, %s, %s)", [class_id, address, role]
            ).fetchone()
            assert row is not None and row[0] is not None
            person = connection.execute("SELECT email, name FROM users WHERE id = %s", [row[0]]).fetchone()
        assert person is not None
        return Member(int(row[0]), person[0], person[1], role)

    def members(self, class_id: int) -> list[Member]:
        with self._tx() as connection:
            if self._role(connection, class_id) is None:
                raise ClassroomError(f"no class {class_id} of yours")
            rows = connection.execute(
                "SELECT u.id, u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id"
                " WHERE m.class_id = %s ORDER BY m.role = 'student', lower(coalesce(nullif(u.name, ''), u.email)), u.id",
                [class_id],
            ).fetchall()
        return [Member(*row) for row in rows]

    def set_classmates_comment(self, class_id: int, allowed: bool) -> None:
        with self._tx() as connection:
            self._need_teacher(connection, class_id, "change who may comment")
            connection.execute(
                "UPDATE classes SET classmates_comment = %s WHERE id = %s", [allowed, class_id]
            )

    # -- maps -------------------------------------------------------------------------------
    def map_info(self, name: str) -> MapInfo:
        with self._tx() as connection:
            bare = check_name(name)
            row = connection.execute(
                "SELECT owner_id, class_id, visibility, locked_after IS NOT NULL AND locked_after <= %s"
                " FROM maps WHERE name = %s AND deleted_at IS NULL",
                [self.clock(), bare],
            ).fetchone()
        if row is None:
            raise ClassroomError(f"no map named {bare!r} that you can see")
        return MapInfo(bare, row[0], row[1], row[2], bool(row[3]), row[0] == self.user_id)

    def listing(
        self, page_size: int = 50, mine_page: int = 0, others_page: int = 0, words: str = ""
    ) -> Listing:
        """A page (numbered from 0) of your own maps and one of the others you may see (the shared
        library, your classes' published maps, and as a teacher your students' work), by name,
        those with every word of ``words`` in their name, title or question; in one query, however
        many maps there are."""
        size = max(1, int(page_size))
        found_in = " AND (name || ' ' || title || ' ' || coalesce(question, '')) ILIKE %s ESCAPE '\\'"
        matching = found_in * len(words.split())
        patterns = [f"%{_literal_like(word)}%" for word in words.split()]
        rows = self._listing_rows(matching, patterns, size, max(0, mine_page), max(0, others_page))
        listing = Listing([], int(rows[0][0]), [], int(rows[0][1]))
        for (
            _,
            _,
            name,
            title,
            question,
            count,
            kinds,
            updated,
            owner,
            class_id,
            visibility,
            locked,
            mine,
        ) in rows:
            if name is None:  # no map on either page: the totals' row alone
                continue
            listed = ListedMap(
                Entry(name, Path(f"{name}{SUFFIX}"), title, question, count, dict(kinds), updated),
                MapInfo(name, owner, class_id, visibility, bool(locked), bool(mine)),
            )
            (listing.mine if mine else listing.others).append(listed)
        return listing

    def _listing_rows(
        self, matching: str, patterns: list[str], size: int, mine_page: int, others_page: int
    ) -> list[tuple[Any, ...]]:
        query = (
            "WITH visible AS (SELECT name, title, question, node_count, counts_by_kind, updated_at,"
            " owner_id, class_id, visibility, locked_after IS NOT NULL AND locked_after <= %s AS locked,"
            " owner_id IS NOT DISTINCT FROM %s AS mine FROM maps WHERE deleted_at IS NULL" + matching + "),"
            " ranked AS (SELECT *, row_number() OVER (PARTITION BY mine ORDER BY name) - 1 AS place FROM visible),"
            " totals AS (SELECT count(*) FILTER (WHERE mine), count(*) FILTER (WHERE NOT mine) FROM visible)"
            " SELECT totals.*, ranked.name, ranked.title, ranked.question, ranked.node_count,"
            " ranked.counts_by_kind, ranked.updated_at, ranked.owner_id, ranked.class_id, ranked.visibility,"
            " ranked.locked, ranked.mine FROM totals LEFT JOIN ranked"
            " ON ranked.place / %s = CASE WHEN ranked.mine THEN %s ELSE %s END"
            " ORDER BY ranked.mine DESC, ranked.name"
        )
        with self._tx() as connection:
            return connection.execute(
                query,  # type: ignore[arg-type]  # our own text; the words are parameters
                [self.clock(), self.user_id, *patterns, size, mine_page, others_page],
            ).fetchall()

    def share_map(self, name: str, class_id: int | None) -> MapInfo:
        """Publish one of your maps to a class you teach (``None``: make it private again)."""
        with self._tx() as connection:
            _, owner, _, _ = self._map_id(connection, name)
            if owner != self.user_id:
                raise ClassroomError(f"{check_name(name)} is not your map; only its owner can share it")
            if class_id is not None:
                self._need_teacher(connection, class_id, "publish maps to it")
            connection.execute(
                "UPDATE maps SET class_id = %s, visibility = %s WHERE name = %s AND deleted_at IS NULL",
                [class_id, "private" if class_id is None else "class", check_name(name)],
            )
        return self.map_info(name)

    # -- assignments ------------------------------------------------------------------------
    _ASSIGNMENT = (
        "SELECT a.id, a.class_id, a.title, a.question, a.directive, a.word_limit, a.template, a.start,"
        " a.due_at, a.allow_edits_after_submit, a.out_of, a.released FROM assignments a"
    )

    @staticmethod
    def _assignment(row: tuple[Any, ...]) -> Assignment:
        values = list(row)
        values[10] = float(values[10])
        return Assignment(*values)

    def set_assignment(
        self,
        class_id: int,
        *,
        title: str,
        question: str,
        due_at: datetime,
        directive: str | None = None,
        word_limit: int | None = None,
        template: str = "upsc-gs-250",
        start: str = "blank",
        allow_edits_after_submit: bool = False,
        out_of: float = 10,
    ) -> Assignment:
        """A new assignment (teacher only). ``start``: ``blank``, ``skeleton:NAME`` or ``map:NAME``
        (a map you can see, copied as it is now)."""
        title = _one_line(title, "assignment title", 200)
        question = _one_line(question, "question", 2000)
        if due_at.tzinfo is None:
            raise ClassroomError("the due date needs a time zone (e.g. 2026-12-09T17:00+05:30)")
        if directive is not None and directive not in {d.value for d in Directive}:
            raise ClassroomError(
                f"unknown directive {directive!r}; choose one of {', '.join(d.value for d in Directive)}"
            )
        if template not in TEMPLATES:
            raise ClassroomError(f"unknown template {template!r}; choose one of {', '.join(TEMPLATES)}")
        if word_limit is not None and not 1 <= word_limit <= 20000:
            raise ClassroomError(f"the word limit {word_limit} is not between 1 and 20000")
        if not (math.isfinite(out_of) and 0 < out_of <= 10000):
            raise ClassroomError(f"marks out of {out_of} must be above 0 and at most 10000")
        with self._tx() as connection:
            self._need_teacher(connection, class_id, "set an assignment")
            starting = self._starting_map(connection, start, title, question, directive)
            row = connection.execute(
                "INSERT INTO assignments (class_id, title, question, directive, word_limit, template,"
                " start, start_yaml, due_at, allow_edits_after_submit, out_of)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                [
                    class_id,
                    title,
                    question,
                    directive,
                    word_limit,
                    template,
                    start,
                    dump_map(starting),
                    due_at,
                    allow_edits_after_submit,
                    Decimal(str(out_of)),
                ],
            ).fetchone()
        assert row is not None
        return self.assignment(int(row[0]))

    def _starting_map(
        self, connection: psycopg.Connection, start: str, title: str, question: str, directive: str | None
    ) -> ArgumentMap:
        kind, _, name = start.partition(":")
        if start == "blank":
            base = new_map("start", title, "blank", question)
        elif kind == "skeleton" and name in SKELETONS:
            base = new_map("start", title, name, question)
        elif kind == "map" and name:
            bare = check_name(name)
            row = connection.execute(
                "SELECT yaml FROM maps WHERE name = %s AND deleted_at IS NULL", [bare]
            ).fetchone()
            if row is None:
                raise ClassroomError(f"no map named {bare!r} that you can see")
            base = parse_map(row[0], f"{bare}{SUFFIX}").model_copy(update={"question": question})
        else:
            raise ClassroomError(
                f"unknown start {start!r}; use blank, map:NAME or skeleton:NAME ({', '.join(SKELETONS)})"
            )
        if directive is not None:
            base = base.model_copy(update={"directive": Directive(directive)})
        return base

    def assignments(self, class_id: int) -> list[Assignment]:
        with self._tx() as connection:
            if self._role(connection, class_id) is None:
                raise ClassroomError(f"no class {class_id} of yours")
            rows = connection.execute(
                f"{self._ASSIGNMENT} WHERE a.class_id = %s ORDER BY a.due_at, a.id", [class_id]
            ).fetchall()
        return [self._assignment(row) for row in rows]

    def assignment(self, assignment_id: int) -> Assignment:
        with self._tx() as connection:
            return self._assignment(self._assignment_row(connection, assignment_id))

    def _assignment_row(self, connection: psycopg.Connection, assignment_id: int) -> tuple[Any, ...]:
        row = connection.execute(f"{self._ASSIGNMENT} WHERE a.id = %s", [assignment_id]).fetchone()
        if row is None:
            raise ClassroomError(f"no assignment {assignment_id} in your classes")
        return row

    def start_map(self, assignment_id: int) -> ArgumentMap:
        with self._tx() as connection:
            row = connection.execute(
                "SELECT start_yaml FROM assignments WHERE id = %s", [assignment_id]
            ).fetchone()
        if row is None:
            raise ClassroomError(f"no assignment {assignment_id} in your classes")
        return parse_map(row[0], f"assignment {assignment_id} (starting map)")

    _SUBMISSION = (
        "SELECT s.id, s.assignment_id, s.student_id, m.name, s.submitted_version, s.submitted_at,"
        " a.due_at FROM submissions s JOIN maps m ON m.id = s.map_id"
        " JOIN assignments a ON a.id = s.assignment_id"
    )

    def _submission(self, row: tuple[Any, ...]) -> Submission:
        number, assignment_id, student_id, map_name, version, submitted_at, due_at = row
        status = status_of(due_at, submitted_at, True, self.clock())
        return Submission(number, assignment_id, student_id, map_name, version, submitted_at, status)

    def my_submission(self, assignment_id: int) -> Submission | None:
        with self._tx() as connection:
            row = connection.execute(
                f"{self._SUBMISSION} WHERE s.assignment_id = %s AND s.student_id = %s",
                [assignment_id, self.user_id],
            ).fetchone()
        return self._submission(row) if row else None

    def open_assignment(self, assignment_id: int) -> Submission:
        """The student's own copy of the assignment's starting map, made on first open."""
        existing = self.my_submission(assignment_id)
        if existing is not None:
            return existing
        author = self._my_email()
        try:
            self._make_copy(assignment_id, author)
        except StoreError as exc:  # opened in another tab at the same time: that copy is the one
            if "submissions_assignment_id_student_id_key" not in str(exc):
                raise
        found = self.my_submission(assignment_id)
        assert found is not None
        return found

    def _make_copy(self, assignment_id: int, author: str | None) -> None:
        with self._tx() as connection:
            assignment = self._assignment(self._assignment_row(connection, assignment_id))
            if self._role(connection, assignment.class_id) != "student":
                raise ClassroomError("only a student of the class works on an assignment")
            start = connection.execute(
                "SELECT start_yaml FROM assignments WHERE id = %s", [assignment_id]
            ).fetchone()
            assert start is not None
            base = f"{slugify(assignment.title, 50) or 'assignment'}-{self.user_id}"
            name = self._free_name(connection, base)
            starting = parse_map(start[0], f"assignment {assignment_id} (starting map)")
            text = dump_map(starting)
            columns = PostgresStore.columns(starting, text, revision_of(text.encode("utf-8")))
            map_id = PostgresStore.insert(
                connection, name, columns, author or str(self.user_id), f"started {assignment.title}"
            )
            connection.execute("UPDATE maps SET class_id = %s WHERE id = %s", [assignment.class_id, map_id])
            connection.execute(
                "INSERT INTO submissions (assignment_id, student_id, map_id, started_at)"
                " VALUES (%s, %s, %s, %s)",
                [assignment_id, self.user_id, map_id, self.clock()],
            )

    def _my_email(self) -> str | None:
        with self._tx() as connection:
            row = connection.execute("SELECT email FROM users WHERE id = %s", [self.user_id]).fetchone()
        return row[0] if row else None

    @staticmethod
    def _free_name(connection: psycopg.Connection, base: str) -> str:
        """``base``, or ``base-2`` … when a map (anyone's) has that name: names are shared."""
        for number in range(1, 1000):
            name = base if number == 1 else f"{base}-{number}"
            taken = connection.execute("SELECT argmap_map_name_taken(%s)", [name]).fetchone()
            if taken is not None and not taken[0]:
                return name
        raise ClassroomError(f"no free map name like {base!r}")

    def submit(self, assignment_id: int) -> Submission:
        """Freeze the copy's current version as the submission, with the answer the student had
        reviewed last on it (if any). Unless the teacher allows edits after submitting (and only
        until the due date), the map can no longer be changed."""
        submission = self.my_submission(assignment_id)
        if submission is None:
            raise ClassroomError("open the assignment before submitting it")
        now = self.clock()
        with self._tx() as connection:
            assignment = self._assignment(self._assignment_row(connection, assignment_id))
            if submission.submitted_at is not None and not assignment.allow_edits_after_submit:
                raise ClassroomError("this assignment is already submitted")
            if submission.submitted_at is not None and now > assignment.due_at:
                raise ClassroomError("the due date has passed; the submitted version stays")
            row = connection.execute(
                "SELECT version FROM maps WHERE name = %s AND owner_id = %s AND deleted_at IS NULL",
                [submission.map_name, self.user_id],
            ).fetchone()
            if row is None:
                raise ClassroomError(f"your copy {submission.map_name!r} is deleted; restore it first")
            locked_after = max(now, assignment.due_at) if assignment.allow_edits_after_submit else now
            connection.execute(
                "UPDATE maps SET locked_after = %s WHERE name = %s AND owner_id = %s",
                [locked_after, submission.map_name, self.user_id],
            )
            connection.execute(  # the answer reviewed last is frozen with the map
                "UPDATE submissions SET submitted_version = %s, submitted_at = %s, answer_review_id ="
                " (SELECT r.id FROM answer_reviews r WHERE r.map_id = submissions.map_id"
                " AND r.student_id = %s ORDER BY r.created_at DESC, r.id DESC LIMIT 1) WHERE id = %s",
                [row[0], now, self.user_id, submission.id],
            )
        found = self.my_submission(assignment_id)
        assert found is not None
        return found

    def statuses(self, assignment_id: int) -> list[StudentStatus]:
        """Every student of the class with their status, submission and grade (teacher only)."""
        now = self.clock()
        with self._tx() as connection:
            assignment = self._assignment(self._assignment_row(connection, assignment_id))
            self._need_teacher(connection, assignment.class_id, "see every student's work")
            students = connection.execute(
                "SELECT u.id, u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id"
                " WHERE m.class_id = %s AND m.role = 'student' ORDER BY lower(coalesce(nullif(u.name, ''), u.email)), u.id",
                [assignment.class_id],
            ).fetchall()
            submissions = {
                row[2]: self._submission(row)
                for row in connection.execute(
                    f"{self._SUBMISSION} WHERE s.assignment_id = %s", [assignment_id]
                ).fetchall()
            }
            grades = {
                row[0]: Grade(row[0], float(row[1]), row[2], assignment.released)
                for row in connection.execute(
                    "SELECT g.submission_id, g.marks, g.feedback FROM grades g"
                    " JOIN submissions s ON s.id = g.submission_id WHERE s.assignment_id = %s",
                    [assignment_id],
                ).fetchall()
            }
        out = []
        for student in students:
            member = Member(*student)
            submission = submissions.get(member.user_id)
            status = submission.status if submission else status_of(assignment.due_at, None, False, now)
            grade = grades.get(submission.id) if submission else None
            out.append(StudentStatus(member, status, submission, grade))
        return out

    def open_submission(
        self, submission_id: int, version: int | None = None
    ) -> tuple[Submission, ArgumentMap]:
        """A submission and its map, read-only: the submitted version unless ``version`` is given
        (the latest when it was never submitted)."""
        with self._tx() as connection:
            row = connection.execute(f"{self._SUBMISSION} WHERE s.id = %s", [submission_id]).fetchone()
            if row is None:
                raise ClassroomError(f"no submission {submission_id} that you can see")
            submission = self._submission(row)
            wanted = version or submission.submitted_version
            if wanted is None:
                text = connection.execute(
                    "SELECT m.yaml FROM maps m JOIN submissions s ON s.map_id = m.id WHERE s.id = %s",
                    [submission_id],
                ).fetchone()
            else:
                text = connection.execute(
                    "SELECT v.yaml FROM map_versions v JOIN submissions s ON s.map_id = v.map_id"
                    " WHERE s.id = %s AND v.version = %s",
                    [submission_id, wanted],
                ).fetchone()
            if text is None:
                raise ClassroomError(f"submission {submission_id} has no version {wanted}")
        return submission, parse_map(text[0], f"{submission.map_name}{SUFFIX}")

    def compare_with_start(self, submission_id: int) -> MapDiff:
        """What the student changed from the assignment's starting map (submitted version, else latest)."""
        submission, argument_map = self.open_submission(submission_id)
        return diff_maps(self.start_map(submission.assignment_id), argument_map)

    # -- comments ---------------------------------------------------------------------------
    def add_comment(self, map_name: str, node_id: str, text: str, parent_id: int | None = None) -> Comment:
        body = text.strip()
        if not body:
            raise ClassroomError("the comment is empty")
        if len(body) > 5000:
            raise ClassroomError("the comment is longer than 5000 characters")
        with self._tx() as connection:
            map_id, _, _, _ = self._map_id(connection, map_name)
            allowed = connection.execute("SELECT argmap_may_comment(%s, false)", [map_id]).fetchone()
            if not (allowed and allowed[0]):
                raise ClassroomError(f"you may not comment on {check_name(map_name)}")
            yaml_text = connection.execute("SELECT yaml FROM maps WHERE id = %s", [map_id]).fetchone()
            assert yaml_text is not None
            if node_id not in parse_map(yaml_text[0], map_name).node_index():
                raise ClassroomError(f"{check_name(map_name)} has no node {node_id!r}")
            if parent_id is not None:
                parent = connection.execute(
                    "SELECT node_id FROM comments WHERE id = %s AND map_id = %s", [parent_id, map_id]
                ).fetchone()
                if parent is None:
                    raise ClassroomError(f"no comment {parent_id} on {check_name(map_name)} to answer")
            row = connection.execute(
                "INSERT INTO comments (map_id, node_id, author_id, body, parent_id, created_at)"
                " VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
                [map_id, node_id, self.user_id, body, parent_id, self.clock()],
            ).fetchone()
        assert row is not None
        return next(comment for comment in self.comments(map_name) if comment.id == row[0])

    def comments(self, map_name: str) -> list[Comment]:
        """The map's comments, oldest first; ``new``: by someone else since you last marked it seen."""
        with self._tx() as connection:
            map_id, _, _, _ = self._map_id(connection, map_name)
            seen = connection.execute(
                "SELECT seen_at FROM comment_reads WHERE map_id = %s AND user_id = %s", [map_id, self.user_id]
            ).fetchone()
            rows = connection.execute(
                "SELECT c.id, c.node_id, c.author_id, coalesce(nullif(u.name, ''), u.email, ''), c.body,"
                " c.parent_id, c.resolved, c.created_at FROM comments c"
                " LEFT JOIN users u ON u.id = c.author_id WHERE c.map_id = %s ORDER BY c.created_at, c.id",
                [map_id],
            ).fetchall()
        seen_at = seen[0] if seen else None
        bare = check_name(map_name)
        return [
            Comment(
                id,
                bare,
                node,
                author,
                author_name,
                body,
                parent,
                resolved,
                created,
                author != self.user_id and (seen_at is None or created > seen_at),
            )
            for id, node, author, author_name, body, parent, resolved, created in rows
        ]

    def mark_seen(self, map_name: str) -> None:
        with self._tx() as connection:
            map_id, _, _, _ = self._map_id(connection, map_name)
            connection.execute(
                "INSERT INTO comment_reads (user_id, map_id, seen_at) VALUES (%s, %s, %s)"
                " ON CONFLICT (user_id, map_id) DO UPDATE SET seen_at = excluded.seen_at",
                [self.user_id, map_id, self.clock()],
            )

    def resolve_comment(self, comment_id: int, resolved: bool = True) -> Comment:
        with self._tx() as connection:
            row = connection.execute(
                "UPDATE comments SET resolved = %s WHERE id = %s RETURNING map_id", [resolved, comment_id]
            ).fetchone()
            if row is None:
                raise ClassroomError(f"no comment {comment_id} you may resolve")
            name = connection.execute("SELECT name FROM maps WHERE id = %s", [row[0]]).fetchone()
        assert name is not None
        return next(comment for comment in self.comments(name[0]) if comment.id == comment_id)

    def comment_counts(self, map_name: str) -> dict[str, int]:
        """Open (unresolved) comments per node id: the mark on each box."""
        counts: dict[str, int] = {}
        for comment in self.comments(map_name):
            if not comment.resolved:
                counts[comment.node_id] = counts.get(comment.node_id, 0) + 1
        return counts

    # -- grades -----------------------------------------------------------------------------
    def set_grade(self, submission_id: int, marks: float, feedback: str = "") -> Grade:
        with self._tx() as connection:
            row = connection.execute(
                "SELECT a.class_id, a.out_of, a.released FROM submissions s"
                " JOIN assignments a ON a.id = s.assignment_id WHERE s.id = %s",
                [submission_id],
            ).fetchone()
            if row is None:
                raise ClassroomError(f"no submission {submission_id} that you can see")
            class_id, out_of, released = row
            self._need_teacher(connection, class_id, "grade")
            if not (math.isfinite(marks) and 0 <= marks <= float(out_of)):
                raise ClassroomError(f"marks {marks:g} are not between 0 and {float(out_of):g}")
            if len(feedback) > 10000:
                raise ClassroomError("the feedback is longer than 10000 characters")
            connection.execute(
                "INSERT INTO grades (submission_id, marks, feedback, graded_by, updated_at)"
                " VALUES (%s, %s, %s, %s, now()) ON CONFLICT (submission_id) DO UPDATE SET"
                " marks = excluded.marks, feedback = excluded.feedback, graded_by = excluded.graded_by,"
                " updated_at = now()",
                [submission_id, Decimal(str(marks)), feedback.strip(), self.user_id],
            )
        return Grade(submission_id, float(marks), feedback.strip(), bool(released))

    def release_grades(self, assignment_id: int) -> None:
        """Show every grade of the assignment to its student (teacher only)."""
        with self._tx() as connection:
            assignment = self._assignment(self._assignment_row(connection, assignment_id))
            self._need_teacher(connection, assignment.class_id, "release grades")
            connection.execute("UPDATE assignments SET released = true WHERE id = %s", [assignment_id])

    def my_grade(self, assignment_id: int) -> Grade | None:
        """Your grade for the assignment: None until the teacher releases the grades."""
        with self._tx() as connection:
            row = connection.execute(
                "SELECT g.submission_id, g.marks, g.feedback, a.released FROM grades g"
                " JOIN submissions s ON s.id = g.submission_id JOIN assignments a ON a.id = s.assignment_id"
                " WHERE s.assignment_id = %s AND s.student_id = %s",
                [assignment_id, self.user_id],
            ).fetchone()
        return Grade(row[0], float(row[1]), row[2], row[3]) if row else None

    def grades_csv(self, assignment_id: int) -> str:
        """The class's marks as CSV: name, email, status, marks, out_of, feedback (teacher only)."""
        assignment = self.assignment(assignment_id)
        rows = self.statuses(assignment_id)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["name", "email", "status", "marks", "out_of", "feedback"])
        for row in rows:
            marks = f"{row.grade.marks:g}" if row.grade else ""
            feedback = row.grade.feedback if row.grade else ""
            writer.writerow(
                [
                    _cell(row.student.name),
                    _cell(row.student.email),
                    row.status,
                    marks,
                    f"{assignment.out_of:g}",
                    _cell(feedback),
                ]
            )
        return out.getvalue()


def _literal_like(word: str) -> str:
    """``word`` for a LIKE pattern (ESCAPE '\\'), its ``%`` and ``_`` matching themselves."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


__all__ = [
    "STATUSES",
    "Assignment",
    "ClassInfo",
    "Classroom",
    "Comment",
    "Grade",
    "ListedMap",
    "Listing",
    "MapInfo",
    "Member",
    "StudentStatus",
    "Submission",
    "User",
    "sign_in",
    "status_of",
    "user_by_email",
]
