"""The drill service without Streamlit: the items of a mode for a side, the next one due, and an
answer scored against that very item and recorded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import SEED_MAP

from argmap.practice import ProgressStore
from argmap.practice.sides import PracticeError
from argmap.services.drills import Drill
from argmap.store import Library, load_path

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def drill(library: Library) -> Drill:
    return Drill(
        ProgressStore.of_library(library), "india-russia", load_path(SEED_MAP).map, "rebuttal", "for"
    )


def test_the_answer_is_scored_against_the_item_shown_and_recorded(drill: Drill):
    shown = drill.next_due(NOW)
    assert shown is not None
    checked = drill.answer(shown.id, "Closer ties with Washington answer China, not Moscow", NOW)
    assert checked.item == shown
    assert 0.0 <= checked.score.score <= 1.0
    [review] = drill.store.history("india-russia")
    assert review.item_id == shown.id and review.score == checked.score.score


def test_an_answered_item_is_not_due_again_at_once(drill: Drill):
    shown = drill.next_due(NOW)
    assert shown is not None
    drill.answer(shown.id, "no idea", NOW)
    assert drill.next_due(NOW) != shown


def test_when_every_item_is_learnt_it_says_when_the_first_comes_back(drill: Drill):
    for item in drill.items:
        drill.answer(item.id, item.model_answer, NOW)
    assert drill.next_due(NOW + timedelta(seconds=1)) is None
    assert drill.next_due_in(NOW) > timedelta(0)


def test_an_empty_answer_is_refused_and_nothing_recorded(drill: Drill):
    shown = drill.next_due(NOW)
    assert shown is not None
    with pytest.raises(PracticeError, match="write an answer before checking it"):
        drill.answer(shown.id, "   ", NOW)
    assert drill.store.history("india-russia") == []


def test_an_item_the_map_no_longer_has_is_one_line(drill: Drill):
    with pytest.raises(PracticeError, match=r"^map 'india-russia' has no drill item 'rebuttal:gone'"):
        drill.answer("rebuttal:gone", "anything", NOW)


def test_a_side_with_nothing_to_drill_says_what_the_map_lacks(library: Library):
    thin = load_path(SEED_MAP).map
    thin = thin.model_copy(update={"nodes": [node for node in thin.nodes if node.kind.value == "thesis"]})
    with pytest.raises(PracticeError, match="nothing to drill in evidence mode"):
        Drill(ProgressStore.of_library(library), "thin", thin, "evidence", "for")
