"""Drill progress kept per map in SQLite, scheduled by FSRS.

Why FSRS (the ``fsrs`` package) rather than SM-2: FSRS models each item's memory stability and
difficulty from the whole review history and is what Anki itself now schedules with, so an item
answered well comes back after days, then weeks, while one answered badly comes back within
minutes (its relearning step); SM-2's fixed ease factors punish one bad answer for a long time.
Fuzzing is off so that the same answers give the same schedule, which users can reason about and
tests can check.

The database is ``<library>/.argmap/progress.sqlite`` (see :func:`progress_path`), beside the maps
and never inside them: practising never writes a map file. Rows are keyed by the map's name and
the drill item's id (``MODE:NODE-ID``); a ``reviews`` table keeps every try (time, item, grade,
score) for the progress chart. Each call opens and closes its own connection, so the store can be
used from Streamlit's worker threads and by several processes one after another. Every method takes
``now`` so tests (and the chart) can simulate days passing; it defaults to the current UTC time.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from argmap.practice.drills import DrillItem
from argmap.practice.scoring import DrillScore
from argmap.practice.sides import PracticeError
from argmap.store import Library

FILE_NAME = "progress.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS cards (
    map TEXT NOT NULL,
    item TEXT NOT NULL,
    card TEXT NOT NULL,         -- fsrs.Card as JSON
    due TEXT NOT NULL,          -- ISO 8601 UTC, comparable as text
    PRIMARY KEY (map, item)
);
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    map TEXT NOT NULL,
    item TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    score REAL NOT NULL,
    grade INTEGER NOT NULL,     -- fsrs.Rating: 1 again, 2 hard, 3 good, 4 easy
    due TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_by_map ON reviews (map, reviewed_at);
CREATE TABLE IF NOT EXISTS rounds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    map TEXT NOT NULL,
    side TEXT NOT NULL,         -- for | against
    finished_at TEXT NOT NULL,
    clashes INTEGER NOT NULL,
    mean_score REAL NOT NULL,
    unprepared INTEGER NOT NULL -- clashes the map had no rebuttal for
);
"""


def progress_path(library: Library) -> Path:
    """Where a library keeps its drill progress."""
    return library.data_dir / FILE_NAME


@dataclass(frozen=True)
class Scheduled:
    """The outcome of recording a try: the grade given and when the item is due again."""

    item_id: str
    grade: Rating
    reviewed_at: datetime
    due: datetime

    @property
    def interval(self) -> timedelta:
        return self.due - self.reviewed_at


@dataclass(frozen=True)
class Review:
    """One recorded try, as the progress chart reads it."""

    item_id: str
    reviewed_at: datetime
    score: float
    grade: Rating
    due: datetime


@dataclass(frozen=True)
class DayProgress:
    """One day of practice on a map, a point of the progress chart."""

    day: date
    tries: int
    mean_score: float
    items: int  # distinct items tried that day


def daily_progress(history: Sequence[Review]) -> list[DayProgress]:
    """The tries of a history grouped by UTC day, oldest first: count, mean score, items tried."""
    days: dict[date, list[Review]] = {}
    for review in history:
        days.setdefault(review.reviewed_at.astimezone(UTC).date(), []).append(review)
    return [
        DayProgress(
            day,
            len(tries),
            round(sum(t.score for t in tries) / len(tries), 3),
            len({t.item_id for t in tries}),
        )
        for day, tries in sorted(days.items())
    ]


@dataclass(frozen=True)
class RoundRecord:
    """One finished practice round, as the progress history lists it."""

    side: str
    finished_at: datetime
    clashes: int
    mean_score: float
    unprepared: int


class ProgressStore:
    """The drill progress of every map of a library, in one SQLite file created on first write."""

    def __init__(self, path: Path | str, scheduler: Scheduler | None = None):
        self.path = Path(path)
        self.scheduler = scheduler or Scheduler(enable_fuzzing=False)

    @classmethod
    def of_library(cls, library: Library) -> ProgressStore:
        return cls(progress_path(library))

    # -- reading ------------------------------------------------------------------------------
    def due_items(
        self, map_name: str, items: Sequence[DrillItem], now: datetime | None = None
    ) -> list[DrillItem]:
        """The items to drill now: those due (most overdue first), then those never tried (in the
        order given). Items reviewed and not yet due are left out."""
        moment = _utc(now)
        due_at = self.schedule(map_name)
        overdue = sorted(
            (item for item in items if item.id in due_at and due_at[item.id] <= moment),
            key=lambda item: due_at[item.id],
        )
        fresh = [item for item in items if item.id not in due_at]
        return [*overdue, *fresh]

    def schedule(self, map_name: str) -> dict[str, datetime]:
        """When each item of a map that has been tried is due again."""
        with self._connect(write=False) as db:
            if db is None:
                return {}
            rows = db.execute("SELECT item, due FROM cards WHERE map = ?", (map_name,)).fetchall()
        return {item: datetime.fromisoformat(due) for item, due in rows}

    def history(self, map_name: str) -> list[Review]:
        """Every try recorded for a map, oldest first."""
        with self._connect(write=False) as db:
            if db is None:
                return []
            rows = db.execute(
                "SELECT item, reviewed_at, score, grade, due FROM reviews WHERE map = ? ORDER BY reviewed_at, id",
                (map_name,),
            ).fetchall()
        return [
            Review(item, datetime.fromisoformat(at), score, Rating(grade), datetime.fromisoformat(due))
            for item, at, score, grade, due in rows
        ]

    def rounds(self, map_name: str) -> list[RoundRecord]:
        """Every practice round finished on a map, oldest first."""
        with self._connect(write=False) as db:
            if db is None:
                return []
            rows = db.execute(
                "SELECT side, finished_at, clashes, mean_score, unprepared FROM rounds WHERE map = ? "
                "ORDER BY finished_at, id",
                (map_name,),
            ).fetchall()
        return [
            RoundRecord(side, datetime.fromisoformat(at), clashes, mean, unprepared)
            for side, at, clashes, mean, unprepared in rows
        ]

    # -- writing ------------------------------------------------------------------------------
    def record_round(
        self, map_name: str, side: str, clashes: int, mean_score: float, unprepared: int,
        now: datetime | None = None,
    ) -> RoundRecord:  # fmt: skip
        """Keep a finished round in the history (each clash is recorded with :meth:`record`)."""
        moment = _utc(now)
        with self._connect(write=True) as db:
            assert db is not None
            db.execute(
                "INSERT INTO rounds (map, side, finished_at, clashes, mean_score, unprepared) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (map_name, side, moment.isoformat(), clashes, mean_score, unprepared),
            )
        return RoundRecord(side, moment, clashes, mean_score, unprepared)

    def record(
        self, map_name: str, item: DrillItem, score: DrillScore, now: datetime | None = None
    ) -> Scheduled:
        """Record a try at an item, reschedule it by its grade, and return when it is due again."""
        moment = _utc(now)
        with self._connect(write=True) as db:
            assert db is not None
            row = db.execute(
                "SELECT card FROM cards WHERE map = ? AND item = ?", (map_name, item.id)
            ).fetchone()
            card = Card.from_json(row[0]) if row else Card(card_id=_card_id(map_name, item.id), due=moment)
            card, _ = self.scheduler.review_card(card, score.grade, moment)
            due = _utc(card.due)
            db.execute(
                "INSERT INTO cards (map, item, card, due) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (map, item) DO UPDATE SET card = excluded.card, due = excluded.due",
                (map_name, item.id, card.to_json(), due.isoformat()),
            )
            db.execute(
                "INSERT INTO reviews (map, item, reviewed_at, score, grade, due) VALUES (?, ?, ?, ?, ?, ?)",
                (map_name, item.id, moment.isoformat(), score.score, int(score.grade), due.isoformat()),
            )
        return Scheduled(item.id, score.grade, moment, due)

    def reset(self, map_name: str) -> int:
        """Forget all progress on one map (other maps keep theirs); returns the tries forgotten."""
        with self._connect(write=False) as db:
            if db is None:
                return 0
            forgotten = db.execute("DELETE FROM reviews WHERE map = ?", (map_name,)).rowcount
            db.execute("DELETE FROM cards WHERE map = ?", (map_name,))
            db.execute("DELETE FROM rounds WHERE map = ?", (map_name,))
        return forgotten

    @contextmanager
    def _connect(self, write: bool) -> Iterator[sqlite3.Connection | None]:
        """A connection in a transaction, or None when only reading and there is no file yet (so
        looking at progress never creates a data folder)."""
        if not write and not self.path.is_file():
            yield None
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise PracticeError(f"{self.path}: cannot open the progress database ({exc})") from None
        try:
            with db:
                db.executescript(_SCHEMA)
                yield db
        except sqlite3.DatabaseError as exc:
            raise PracticeError(f"{self.path}: the progress database cannot be used ({exc})") from None
        finally:
            db.close()


def _utc(moment: datetime | None) -> datetime:
    if moment is None:
        return datetime.now(UTC)
    # A naive time is taken as UTC rather than local time, so stored times never shift.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _card_id(map_name: str, item_id: str) -> int:
    # fsrs defaults the id to the clock (and sleeps a millisecond to keep ids apart); a hash is
    # stable and needs no sleep.
    return int.from_bytes(hashlib.sha256(f"{map_name}\0{item_id}".encode()).digest()[:6], "big")
