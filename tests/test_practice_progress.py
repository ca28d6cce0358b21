"""Spaced repetition of drill items: FSRS scheduling kept per map in the library's SQLite file."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from conftest import SEED_MAP
from fsrs import Rating

from argmap.practice import (
    PracticeError,
    ProgressStore,
    daily_progress,
    drill_items,
    progress_path,
    score_answer,
)
from argmap.practice.scoring import DrillScore
from argmap.store import load_path

START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def items():
    return drill_items(load_path(SEED_MAP).map, "rebuttal", "for")


@pytest.fixture
def store(library):
    return ProgressStore.of_library(library)


def _graded(item, grade: Rating) -> DrillScore:
    return DrillScore(1.0 if grade is Rating.Easy else 0.0, grade, (), (), item.model_answer)


def test_progress_lives_in_the_library_data_folder(library):
    assert progress_path(library) == library.root / ".argmap" / "progress.sqlite"


def test_intervals_grow_after_good_answers(store, items):
    item, now, intervals = items[0], START, []
    for _ in range(4):
        scheduled = store.record("india-russia", item, score_answer(item, item.answer_parts[0]), now)
        intervals.append(scheduled.interval)
        now = scheduled.due

    assert intervals == sorted(intervals)
    assert intervals[0] < intervals[-1]
    assert intervals[-1] >= timedelta(days=7)


def test_a_bad_answer_shrinks_the_interval(store, items):
    item, now = items[0], START
    for _ in range(3):
        now = store.record("india-russia", item, _graded(item, Rating.Good), now).due
    before = store.record("india-russia", item, _graded(item, Rating.Good), now)

    after = store.record("india-russia", item, score_answer(item, "no idea"), before.due)

    assert after.grade is Rating.Again
    assert after.interval < before.interval
    assert after.interval <= timedelta(hours=1)


def test_new_items_are_due_and_well_answered_ones_wait(store, items):
    store.record("india-russia", items[0], _graded(items[0], Rating.Easy), START)

    assert store.due_items("india-russia", items, START) == items[1:]
    assert items[0] in store.due_items("india-russia", items, START + timedelta(days=60))


def test_overdue_items_come_before_new_ones(store, items):
    store.record("india-russia", items[2], _graded(items[2], Rating.Again), START)

    due = store.due_items("india-russia", items, START + timedelta(hours=1))

    assert due == [items[2], items[0], items[1]]


def test_history_keeps_every_try_with_its_score_and_grade(store, items):
    store.record("india-russia", items[0], _graded(items[0], Rating.Again), START)
    store.record("india-russia", items[0], _graded(items[0], Rating.Easy), START + timedelta(minutes=5))

    history = store.history("india-russia")

    assert [(r.item_id, r.grade, r.score) for r in history] == [
        ("rebuttal:west-tilt", Rating.Again, 0.0),
        ("rebuttal:west-tilt", Rating.Easy, 1.0),
    ]
    assert history[0].reviewed_at == START


def test_reset_forgets_one_map_and_keeps_the_others(store, items):
    store.record("india-russia", items[0], _graded(items[0], Rating.Easy), START)
    store.record("other-map", items[0], _graded(items[0], Rating.Easy), START)

    assert store.reset("india-russia") == 1

    assert store.history("india-russia") == []
    assert store.due_items("india-russia", items, START) == items
    assert len(store.history("other-map")) == 1


def test_reading_progress_of_a_fresh_library_creates_no_files(library, items):
    store = ProgressStore.of_library(library)

    assert store.due_items("india-russia", items, START) == items
    assert store.history("india-russia") == []
    assert not library.data_dir.exists()


def test_progress_survives_a_new_process(library, items):
    ProgressStore.of_library(library).record("india-russia", items[0], _graded(items[0], Rating.Easy), START)

    script = (
        "import sys; from argmap.practice import ProgressStore; "
        "print(len(ProgressStore(sys.argv[1]).history('india-russia')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(progress_path(library))],
        capture_output=True,
        text=True,
        check=True,
    )

    assert out.stdout.strip() == "1"


def test_practising_never_writes_the_map_file(library, items):
    before = SEED_MAP.read_bytes()

    ProgressStore.of_library(library).record("india-russia", items[0], _graded(items[0], Rating.Good), START)

    assert SEED_MAP.read_bytes() == before


def test_a_corrupt_progress_file_is_reported_by_name(library, items):
    path = progress_path(library)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)

    with pytest.raises(PracticeError, match=r"progress\.sqlite"):
        ProgressStore(path).history("india-russia")


def test_daily_progress_gives_one_chart_point_per_day(store, items):
    store.record("india-russia", items[0], _graded(items[0], Rating.Again), START)
    store.record("india-russia", items[1], _graded(items[1], Rating.Easy), START + timedelta(minutes=3))
    store.record("india-russia", items[0], _graded(items[0], Rating.Easy), START + timedelta(days=2))

    days = daily_progress(store.history("india-russia"))

    assert [(d.day.isoformat(), d.tries, d.mean_score, d.items) for d in days] == [
        ("2025-01-06", 2, 0.5, 2),
        ("2025-01-08", 1, 1.0, 1),
    ]
