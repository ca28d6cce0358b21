"""A practice round against the map: the other side's strongest arguments, one clash at a time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import ARGUMENTS

from argmap.analysis import compute_strengths
from argmap.model import ArgumentMap
from argmap.practice import DEBATE_FORMATS, PracticeError, ProgressStore
from argmap.practice.rounds import start_round
from argmap.store import load_path

MOTION = ARGUMENTS / "social-media-ban-under-16.yaml"


@pytest.fixture(scope="module")
def motion() -> ArgumentMap:
    return load_path(MOTION).map


def _round(argument_map: ArgumentMap, side: str, count: int = 5):
    return start_round(
        argument_map, side, compute_strengths(argument_map).strength, DEBATE_FORMATS["wsdc"], count
    )


def test_a_round_opens_with_the_other_sides_main_arguments_strongest_first(motion):
    played = _round(motion, "against", count=3)

    strengths = compute_strengths(motion).strength
    claims = sorted(
        (n.id for n in motion.nodes if n.kind.value == "claim" and "motion" in n.supports),
        key=lambda node_id: -strengths[node_id],
    )
    assert [clash.item.node_id for clash in played.clashes] == claims[:3]
    assert played.opponent == "Proposition"


@pytest.mark.parametrize("side", ["for", "against"])
def test_a_round_can_be_played_to_its_summary_from_either_side(motion, side):
    played = _round(motion, side)

    while not played.finished:
        played = played.answer(played.current.item.answer_parts[0]).next()

    summary = played.summary()
    assert len(summary.results) == len(played.clashes) == 5
    assert summary.mean_score > 0.5
    assert summary.sentences()[0] == f"5 clashes answered, mean score {summary.mean_score:.0%}."


def test_an_answer_gets_a_score_the_missed_terms_and_the_maps_rebuttal(motion):
    played = _round(motion, "for")
    clash = played.current

    result = played.answer("It is hard to say.").answered_current

    assert result.score.score < 0.35
    assert result.score.missing_terms
    assert clash.prepared
    answers = [
        child.text for _, child in motion.children(clash.item.node_id) if child.kind.value != "evidence"
    ]
    assert result.score.model_answer.splitlines()[0] in answers


def test_a_clash_the_map_cannot_answer_shows_the_prompt_and_counts_in_the_summary(motion):
    played = _round(motion, "against", count=2)

    played = played.answer("Haidt's evidence is correlational.").next()
    played = played.answer("No.").next()

    assert not played.clashes[0].prepared
    assert played.results[0].score.model_answer.startswith("The map has no answer to this yet.")
    assert played.summary().sentences()[-1] == (
        "2 of these arguments have no rebuttal in the map yet: write yours into the map."
    )


def test_an_empty_response_is_refused_and_the_clash_stays():
    played = _round(_two_sided(), "for")

    with pytest.raises(PracticeError, match="write a response"):
        played.answer("   ")
    with pytest.raises(PracticeError, match="answer this clash before going on"):
        played.next()


def test_a_round_with_nothing_to_answer_says_what_the_map_lacks():
    one_sided = ArgumentMap.model_validate(
        {"title": "One", "nodes": [{"id": "t", "kind": "thesis", "text": "M."}, {"id": "p", "kind": "claim", "supports": ["t"], "text": "P."}]}
    )  # fmt: skip

    with pytest.raises(PracticeError, match="has no against-side points for the for side to answer"):
        _round(one_sided, "for")


def test_a_finished_round_is_kept_in_the_progress_history(tmp_path):
    store = ProgressStore(tmp_path / "progress.sqlite")
    when = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

    store.record_round("motion", "against", 5, 0.42, 3, now=when)

    [kept] = store.rounds("motion")
    assert (kept.side, kept.finished_at, kept.clashes, kept.mean_score, kept.unprepared) == (
        "against", when, 5, 0.42, 3,
    )  # fmt: skip
    assert store.rounds("another map") == []


def _two_sided() -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": "Two",
            "nodes": [
                {"id": "t", "kind": "thesis", "text": "The motion."},
                {"id": "con", "kind": "counterpoint", "opposes": ["t"], "text": "It costs too much."},
                {
                    "id": "r",
                    "kind": "rebuttal",
                    "opposes": ["con"],
                    "text": "It pays for itself in five years.",
                },
            ],
        }
    )
