"""Drill items from a map and the scoring of answers against the map's own model answers."""

from __future__ import annotations

import pytest
from conftest import SEED_MAP
from fsrs import Rating

from argmap.model import ArgumentMap
from argmap.practice import DEBATE_FORMATS, DrillMode, PracticeError, drill_items, grade_for, score_answer
from argmap.practice.drills import drill_notice, require_items
from argmap.practice.scoring import key_terms
from argmap.store import load_path


@pytest.fixture(scope="module")
def seed():
    return load_path(SEED_MAP).map


def _item(items, item_id):
    return next(item for item in items if item.id == item_id)


def test_rebuttal_drill_for_the_thesis_asks_the_three_irritants_with_their_answers(seed):
    items = drill_items(seed, DrillMode.REBUTTAL, "for")

    assert [item.node_id for item in items] == ["west-tilt", "china-pivot", "mi35-sale"]
    west = _item(items, "rebuttal:west-tilt")
    assert west.prompt == seed.get("west-tilt").text
    answers = [
        child.text
        for _, child in seed.children("west-tilt")
        if child.kind.value in ("rebuttal", "recommendation")
    ]
    assert west.model_answer.splitlines() == answers


def test_evidence_drill_shows_a_point_and_expects_its_evidence_with_sources(seed):
    defence = _item(drill_items(seed, "evidence", "for"), "evidence:defence")

    assert defence.prompt == seed.get("defence").text
    assert "SIPRI" in defence.model_answer
    assert "sipri" in defence.key_terms


def test_switch_drill_for_the_against_side_argues_the_convergences(seed):
    items = drill_items(seed, "switch", "against")

    assert "switch:defence" in [item.id for item in items]
    assert all(seed.get(item.node_id).kind.value == "claim" for item in items)


def test_steelman_drill_for_the_for_side_restates_the_irritants(seed):
    items = drill_items(seed, "steelman", "for")

    assert [item.node_id for item in items] == ["west-tilt", "china-pivot", "mi35-sale"]
    assert items[0].prompt == seed.get("west-tilt").display_label


def test_items_come_strongest_first_when_strengths_are_given(seed):
    strengths = {"west-tilt": 0.2, "china-pivot": 0.9, "mi35-sale": 0.5}

    items = drill_items(seed, "rebuttal", "for", strengths)

    assert [item.node_id for item in items] == ["china-pivot", "mi35-sale", "west-tilt"]


def test_a_map_without_a_thesis_cannot_be_drilled():
    thesisless = ArgumentMap.model_validate(
        {"title": "Loose notes", "nodes": [{"id": "a", "kind": "claim", "text": "A point with no thesis."}]}
    )

    with pytest.raises(PracticeError, match="no thesis"):
        drill_items(thesisless, "rebuttal")


def test_the_model_answer_itself_scores_high_and_grades_easy(seed):
    item = _item(drill_items(seed, "rebuttal", "for"), "rebuttal:west-tilt")

    result = score_answer(item, item.answer_parts[0])

    assert result.score >= 0.9
    assert result.grade is Rating.Easy
    assert result.missing_terms == ()


def test_a_paraphrase_of_one_rebuttal_scores_good(seed):
    item = _item(drill_items(seed, "rebuttal", "for"), "rebuttal:west-tilt")

    result = score_answer(
        item,
        "India moving closer to the US is a reaction to China, not a break with Moscow; "
        "India and Russia still share the strategic logic.",
    )

    assert 0.6 <= result.score < 0.95
    assert {"china", "moscow", "strategic"} <= set(result.matched_terms)


def test_an_unrelated_sentence_scores_low_and_grades_again(seed):
    item = _item(drill_items(seed, "rebuttal", "for"), "rebuttal:west-tilt")

    result = score_answer(item, "The weather in Paris is lovely this spring and the cafes are full.")

    assert result.score < 0.2
    assert result.grade is Rating.Again
    assert result.matched_terms == ()


def test_a_one_word_answer_that_happens_to_be_in_the_model_still_scores_low(seed):
    item = _item(drill_items(seed, "rebuttal", "for"), "rebuttal:west-tilt")

    assert score_answer(item, "China").score < 0.35


def test_an_empty_answer_scores_zero_and_still_shows_the_model_answer(seed):
    item = _item(drill_items(seed, "rebuttal", "for"), "rebuttal:mi35-sale")

    result = score_answer(item, "   ")

    assert result.score == 0.0
    assert result.model_answer == item.model_answer


def test_key_terms_match_despite_plural_and_hyphen_differences(seed):
    item = _item(drill_items(seed, "rebuttal", "for"), "rebuttal:mi35-sale")

    result = score_answer(
        item, "The helicopter deal with Pakistan is small beside Russia's supplies to India."
    )

    assert {"helicopters", "pakistan", "russia", "india"} <= set(result.matched_terms)


def test_key_terms_put_names_and_figures_before_common_words():
    terms = key_terms(
        ["Russia supplied roughly half of the weapons bought by the Indian Army in 2016."], per_part=3
    )

    assert terms == ("indian", "army", "2016")


@pytest.mark.parametrize(
    ("score", "grade"),
    [(0.0, Rating.Again), (0.34, Rating.Again), (0.35, Rating.Hard), (0.6, Rating.Good), (0.85, Rating.Easy)],
)
def test_scores_map_to_review_grades(score, grade):
    assert grade_for(score) is grade


def _debate(*nodes: dict) -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": "Debate",
            "nodes": [
                {"id": "t", "kind": "thesis", "text": "The motion."},
                {"id": "pro", "kind": "claim", "supports": ["t"], "text": "A point for."},
                {"id": "con", "kind": "counterpoint", "opposes": ["t"], "text": "A point against."},
                *nodes,
            ],
        }
    )


def _one_sided() -> ArgumentMap:
    """A map with a motion and one point for it, and nothing against."""
    return ArgumentMap.model_validate(
        {
            "title": "One-sided",
            "nodes": [
                {"id": "t", "kind": "thesis", "text": "The motion."},
                {"id": "pro", "kind": "claim", "supports": ["t"], "text": "A point for."},
            ],
        }
    )


def _refusal(argument_map, mode, side) -> str:
    with pytest.raises(PracticeError) as refused:
        require_items(drill_items(argument_map, mode, side), argument_map, mode, side)
    return str(refused.value)


def test_the_rebuttal_drill_of_a_side_with_no_answers_asks_the_other_sides_points_with_a_prompt():
    items = drill_items(_debate(), "rebuttal", "against")

    assert [item.node_id for item in items] == ["pro"]
    assert items[0].from_map is False
    assert items[0].model_answer.splitlines()[0] == "The map has no answer to this yet."
    assert items[0].model_answer.splitlines()[1].startswith("Weakest link: it is asserted")


def test_an_unanswered_point_is_scored_on_its_weakest_link():
    backed = _debate(
        {"id": "poll", "kind": "evidence", "supports": ["pro"], "text": "A 2024 Gallup poll of 9,000 pupils."}
    )

    item = drill_items(backed, "rebuttal", "against")[0]

    assert item.answer_parts == ("A 2024 Gallup poll of 9,000 pupils.",)
    assert (
        score_answer(item, "That Gallup poll of 9,000 pupils in 2024 is one survey").score
        > score_answer(item, "I disagree").score
    )


def test_the_drill_says_in_one_sentence_how_many_points_the_side_cannot_answer(seed):
    items = drill_items(seed, "rebuttal", "against")

    notice = drill_notice(items, "against", DEBATE_FORMATS["wsdc"])

    unanswered = sum(1 for item in items if not item.from_map)
    assert unanswered > 0
    assert notice is not None
    assert notice.startswith(f"The opposition has no answer to {unanswered} proposition arguments: ")
    assert (
        drill_notice(
            drill_items(
                _debate({"id": "r", "kind": "rebuttal", "opposes": ["con"], "text": "No."}), "rebuttal", "for"
            ),
            "for",
        )
        is None
    )


def test_a_rebuttal_drill_with_nothing_to_answer_names_what_the_side_lacks():
    one_sided = _one_sided()

    assert _refusal(one_sided, "rebuttal", "for") == (
        "map 'One-sided' has no against-side points for the for side to answer, "
        "so there is nothing to drill in rebuttal mode; add one, or drill the against side"
    )
    assert "no point that has a rebuttal" in _refusal(_debate(), "rebuttal", None)


@pytest.mark.parametrize(
    ("mode", "side", "why"),
    [
        ("evidence", "for", "no for-side point with evidence under it"),
        ("evidence", "against", "no against-side point with evidence under it"),
    ],
)
def test_other_modes_name_the_side_they_lack(mode, side, why):
    assert f"has {why}, so there is nothing to drill in {mode} mode" in _refusal(_debate(), mode, side)


def test_switch_and_steelman_name_the_missing_side():
    only_for = _one_sided()

    assert "has no against-side main points (counterpoints opposing the thesis)" in _refusal(
        only_for, "switch", "for"
    )
    assert _refusal(only_for, "steelman", "for").endswith(
        "has no against-side points, so there is "
        "nothing to drill in steelman mode; add one, or drill the against side"
    )
