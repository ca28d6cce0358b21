"""Answer reviews kept in the database (classroom mode, issue #19): every answer a student checks
against a map, with the review they saw, for them and for their teacher.

The folder library keeps its attempts in ``.argmap/answers.jsonl``
(:class:`argmap.services.review.AttemptStore`); :class:`AnswerReviews` has the same ``record`` and
``history`` so the Answer page keeps attempts in either without knowing which. Each method is one
transaction as the signed-in user, so row-level security (``migrations/0004_answer_reviews.sql``)
lets a student read only their own reviews and a teacher only their classes'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from psycopg.types.json import Jsonb

from argmap.errors import ClassroomError
from argmap.review import Criterion, Finding, Review
from argmap.services.review import Attempt
from argmap.store import check_name
from argmap.stores.postgres import transaction


@dataclass(frozen=True)
class KeptReview:
    """One answer as its student had it reviewed: the text, when, against which version of the map,
    and the checks they saw (marks, rubric, findings, the map's points covered and missed)."""

    id: int
    when: datetime
    map_version: int
    answer: str
    marks: float
    out_of: int
    words: int
    limit: int
    rubric: tuple[Criterion, ...]
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    findings: tuple[Finding, ...]
    submitted: bool

    @classmethod
    def from_row(cls, row: tuple[Any, ...], submitted: bool) -> KeptReview:
        number, when, version, answer, marks, out_of, words, review = row
        return cls(
            int(number),
            when,
            int(version),
            answer,
            float(marks),
            int(out_of),
            int(words),
            int(review["limit"]),
            tuple(Criterion(r["criterion"], float(r["marks"]), int(r["out_of"])) for r in review["rubric"]),
            tuple(review["covered"]),
            tuple(review["missing"]),
            tuple(Finding(f["code"], f["message"], f.get("node")) for f in review["findings"]),
            submitted,
        )


_COLUMNS = "r.id, r.created_at, r.map_version, r.answer, r.marks, r.out_of, r.words, r.review"


class AnswerReviews:
    """The answer reviews one signed-in user may keep and read."""

    def __init__(self, url: str, user_id: int, clock: Callable[[], datetime]):
        self.url = url
        self.user_id = int(user_id)
        self.clock = clock

    def record(self, map_name: str, review: Review, when: datetime | None = None) -> Attempt:
        """Keep the review of your answer to ``map_name`` (against its current version).
        Raises ClassroomError when you cannot see that map."""
        bare = check_name(map_name)
        moment = when or self.clock()
        with transaction(self.url, self.user_id) as connection:
            row = connection.execute(
                "SELECT id, version FROM maps WHERE name = %s AND deleted_at IS NULL", [bare]
            ).fetchone()
            if row is None:
                raise ClassroomError(f"no map named {bare!r} that you can see")
            connection.execute(
                "INSERT INTO answer_reviews (map_id, student_id, map_version, answer, marks, out_of,"
                " words, review, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    row[0],
                    self.user_id,
                    row[1],
                    review.answer.text,
                    Decimal(str(review.marks)),
                    review.out_of,
                    review.words,
                    Jsonb(review.to_json()),
                    moment,
                ],
            )
        return Attempt(moment, review.marks, review.out_of, review.words, review.answer.text)

    def history(self, map_name: str) -> list[Attempt]:
        """Your reviewed answers to ``map_name``, oldest first (none when you cannot see it)."""
        with transaction(self.url, self.user_id) as connection:
            rows = connection.execute(
                "SELECT r.created_at, r.marks, r.out_of, r.words, r.answer FROM answer_reviews r"
                " JOIN maps m ON m.id = r.map_id WHERE m.name = %s AND m.deleted_at IS NULL"
                " AND r.student_id = %s ORDER BY r.created_at, r.id",
                [check_name(map_name), self.user_id],
            ).fetchall()
        return [
            Attempt(when, float(marks), int(out_of), words, answer)
            for when, marks, out_of, words, answer in rows
        ]

    def for_submission(self, submission_id: int) -> KeptReview | None:
        """The answer review that goes with a submission: the one frozen when it was submitted,
        else (not submitted yet, or submitted with no answer then) its student's latest on the
        submission's map; None when they have reviewed no answer. Raises ClassroomError when you
        cannot see the submission."""
        with transaction(self.url, self.user_id) as connection:
            found = connection.execute(
                "SELECT map_id, student_id, answer_review_id FROM submissions WHERE id = %s", [submission_id]
            ).fetchone()
            if found is None:
                raise ClassroomError(f"no submission {submission_id} that you can see")
            map_id, student_id, frozen = found
            if frozen is not None:
                row = connection.execute(
                    f"SELECT {_COLUMNS} FROM answer_reviews r WHERE r.id = %s", [frozen]
                ).fetchone()
            else:
                row = connection.execute(
                    f"SELECT {_COLUMNS} FROM answer_reviews r WHERE r.map_id = %s AND r.student_id = %s"
                    " ORDER BY r.created_at DESC, r.id DESC LIMIT 1",
                    [map_id, student_id],
                ).fetchone()
        return KeptReview.from_row(row, frozen is not None) if row else None


__all__ = ["AnswerReviews", "KeptReview"]
