"""Each finding code on a small hand-written answer to a small hand-written map."""

from __future__ import annotations

import pytest

from argmap.model import ArgumentMap
from argmap.review import CODES, review_answer, segment


@pytest.fixture(scope="module")
def solar() -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": "Solar power",
            "question": "Solar power should lead India's energy transition. Critically examine. (150 words)",
            "directive": "critically examine",
            "nodes": [
                {
                    "id": "solar-lead",
                    "kind": "thesis",
                    "text": "Solar power should lead India's energy transition.",
                },
                {
                    "id": "cheap",
                    "kind": "claim",
                    "supports": ["solar-lead"],
                    "text": "Solar electricity has become the cheapest new source of power in India.",
                    "tags": ["economy"],
                },
                {
                    "id": "tariff-2020",
                    "kind": "evidence",
                    "supports": ["cheap"],
                    "text": "Solar auction tariffs fell below two rupees per unit in 2020.",
                    "tags": ["economy"],
                },
                {
                    "id": "jobs",
                    "kind": "claim",
                    "supports": ["solar-lead"],
                    "text": "Rooftop solar creates local jobs for electricians and installers.",
                    "tags": ["employment"],
                },
                {
                    "id": "night",
                    "kind": "counterpoint",
                    "opposes": ["solar-lead"],
                    "text": "Solar panels stop generating at night, so the grid needs costly storage.",
                    "tags": ["grid"],
                },
                {
                    "id": "batteries",
                    "kind": "rebuttal",
                    "opposes": ["night"],
                    "text": "Battery storage prices have fallen sharply and keep falling.",
                    "tags": ["grid"],
                },
                {
                    "id": "storage-mission",
                    "kind": "recommendation",
                    "supports": ["solar-lead"],
                    "text": "Fund a national battery storage mission.",
                    "tags": ["grid"],
                },
            ],
        }
    )


INTRO = "India must decarbonise its power supply, and solar power should lead that energy transition."
CHEAP = "Solar electricity is now the cheapest new source of power, with auction tariffs below two rupees per unit in 2020."
JOBS = "Rooftop solar also creates local jobs for electricians and installers."
NIGHT = "However, solar panels stop generating at night, so the grid needs costly storage."
ANSWER = "Yet battery storage prices have fallen sharply and keep falling."
FORWARD = "The government should fund a national battery storage mission."
VERDICT = "On balance, solar power should lead India's energy transition."
GOOD = [INTRO, CHEAP + " " + JOBS, NIGHT + " " + ANSWER, FORWARD, VERDICT]


def _codes(argument_map: ArgumentMap, paragraphs: list[str], words: int | None = None) -> list[str]:
    text = "\n\n".join(paragraphs)
    # Held to its own length unless told, so that only the defect under test is found.
    limit = words if words is not None else segment(text).words
    return [finding.code for finding in review_answer(argument_map, text, limit).findings]


def test_a_complete_answer_has_no_findings(solar):
    assert _codes(solar, GOOD) == []


def test_an_answer_that_opens_on_a_point_has_no_introduction(solar):
    assert "intro-missing" in _codes(solar, GOOD[1:])


def test_an_answer_that_stops_after_the_way_forward_has_no_conclusion(solar):
    assert "conclusion-missing" in _codes(solar, GOOD[:-1])


def test_an_answer_with_one_side_only_misses_the_counter_view(solar):
    assert "counter-view-missing" in _codes(solar, [INTRO, CHEAP + " " + JOBS, FORWARD, VERDICT])


def test_an_objection_raised_without_its_answer_is_named(solar):
    review = review_answer(solar, "\n\n".join([INTRO, CHEAP + " " + JOBS, NIGHT, FORWARD, VERDICT]))

    unanswered = [f for f in review.findings if f.code == "objection-unanswered"]
    assert [f.node for f in unanswered] == ["night"]
    assert "Solar panels stop generating at night" in unanswered[0].message


def test_an_answer_without_measures_misses_the_way_forward(solar):
    assert "way-forward-missing" in _codes(solar, [INTRO, CHEAP + " " + JOBS, NIGHT + " " + ANSWER, VERDICT])


def test_a_summary_without_a_verdict_misses_the_judgement(solar):
    summary = (
        "In conclusion, solar power has cheap tariffs and jobs on one side and night-time gaps on the other."
    )
    assert "judgement-missing" in _codes(solar, [*GOOD[:-1], summary])


def test_a_verdict_is_not_asked_when_the_directive_is_explain(solar):
    explain = solar.model_copy(update={"directive": "explain"})
    summary = (
        "In conclusion, solar power has cheap tariffs and jobs on one side and night-time gaps on the other."
    )
    assert "judgement-missing" not in _codes(explain, [*GOOD[:-1], summary])


def test_answers_outside_the_usual_range_are_over_or_under_length(solar):
    text = "\n\n".join(GOOD)
    words = segment(text).words

    assert "over-length" in _codes(solar, GOOD, words=int(words / 1.3))
    assert "under-length" in _codes(solar, GOOD, words=int(words * 1.3))


def test_an_answer_about_something_else_is_off_topic(solar):
    cricket = [
        "Cricket is India's favourite sport.",
        "The league auction sells players to franchises for large sums, and young batters from small towns become stars.",
        "In conclusion, the league has made the game richer.",
    ]
    assert "off-topic" in _codes(solar, cricket)


def test_the_same_point_made_twice_is_repetition(solar):
    again = "Indeed, rooftop solar creates many local jobs for installers and electricians."
    review = review_answer(solar, "\n\n".join([INTRO, f"{JOBS} {CHEAP} {again}", *GOOD[2:]]), 60)

    assert [(f.code, f.node) for f in review.findings if f.code == "repetition"] == [("repetition", "jobs")]


def test_an_answer_without_any_fact_misses_evidence(solar):
    vague = "Solar electricity is now the cheapest new source of power."
    assert "evidence-missing" in _codes(solar, [INTRO, vague + " " + JOBS, *GOOD[2:]])


def test_every_finding_code_is_one_of_the_documented_strings():
    assert set(CODES) == {
        "intro-missing",
        "conclusion-missing",
        "counter-view-missing",
        "objection-unanswered",
        "way-forward-missing",
        "judgement-missing",
        "over-length",
        "under-length",
        "off-topic",
        "repetition",
        "evidence-missing",
    }


def test_the_rubric_adds_up_to_15_for_250_words_and_10_for_150(solar):
    long = review_answer(solar, "\n\n".join(GOOD), 250)
    short = review_answer(solar, "\n\n".join(GOOD), 150)

    assert sum(line.out_of for line in long.rubric) == long.out_of == 15
    assert sum(line.out_of for line in short.rubric) == short.out_of == 10
    assert sum(line.marks for line in long.rubric) == long.marks
    assert [line.criterion for line in long.rubric] == [
        "Introduction",
        "Structure",
        "Content from the map",
        "Dimensions covered",
        "Conclusion and way forward",
        "Word limit",
    ]


def test_the_word_limit_comes_from_the_question_then_the_option(solar):
    from argmap.services.review import limit_for

    assert limit_for(solar).words == 150
    assert limit_for(solar.model_copy(update={"question": "Critically examine."})).words == 250
    assert limit_for(solar, 200).words == 200
    assert (limit_for(solar).low, limit_for(solar).high) == (130, 170)


def test_headings_are_not_counted_as_words_or_sentences():
    answer = segment("Introduction\nIndia and Russia are old friends.\n\n## Conclusion\nThe ties hold.")

    assert answer.headings == ("Introduction", "Conclusion")
    assert answer.words == 9
    assert [s.text for s in answer.sentences] == ["India and Russia are old friends.", "The ties hold."]


def test_a_point_said_again_word_for_word_in_the_next_sentence_is_repetition(solar):
    review = review_answer(solar, "\n\n".join([INTRO, f"{CHEAP} {JOBS} {JOBS}", *GOOD[2:]]), 70)

    assert [f.node for f in review.findings if f.code == "repetition"] == ["jobs"]


def test_a_way_forward_opening_with_hence_is_not_a_conclusion(solar):
    hence = "Hence, the government should fund a national battery storage mission for solar power in India."

    assert "conclusion-missing" in _codes(solar, [*GOOD[:3], hence])
