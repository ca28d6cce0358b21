"""The notes reader on what a note's structure says about its points, beyond single cue words:
which line can be the note's position, what a paragraph's short opening sentence announces, a
measure written as a command under any heading, a question heading with a word of trouble in it,
and a note whose answers take up the points it was first read to make (each note is small and
written for the behaviour named)."""

from __future__ import annotations

import pytest

from argmap.formats import read_text
from argmap.formats.notes.cues import names_a_problem, paragraph_lead, states_something
from argmap.model import Kind


def _map(text: str):
    return read_text(text, "notes", "note.txt").map


def _kind_of(argument_map, start: str) -> Kind:
    return next(n for n in argument_map.nodes if n.text.startswith(start)).kind


@pytest.mark.parametrize(
    "line",
    [
        "Page 34                                        Monthly Current Affairs | Economy",
        '"Tribunals have been described as a parallel judiciary." Comment. (illustrative)',
        "Critically examine the role of the Governor. Discuss",
        "Thank you! Questions?",
        "[1] Article 279A(11) provides for a mechanism to settle disputes.",
        "(2017) 10 SCC 1",
        "Should India join the pact?",
    ],
)
def test_a_line_that_only_frames_the_note_is_never_its_position(line):
    assert not states_something(line)


def test_a_sentence_stating_something_can_be_a_position():
    assert states_something("Compensation should not return in its old form.")
    assert states_something("**Tribunals are worth keeping, but only if made independent.**")
    assert states_something("India must open its ports to its neighbours first. Will it dare?")


def test_a_running_page_header_at_the_end_does_not_become_the_thesis():
    note = (
        "GST compensation\n\n"
        "Case for\n"
        "- States gave up their taxing powers when they joined GST.\n\n"
        "Conclusion\n"
        "Compensation should not return in its old form.\n\n"
        "Page 34                                        Monthly Current Affairs | Economy\n"
    )
    assert _map(note).thesis().text.startswith("Compensation should not return")


def test_a_closing_word_in_a_heading_over_many_points_names_a_topic():
    note = (
        "Puttaswamy\n\n"
        "Why the judgment matters\n"
        "+ It treats dignity as the core of the Constitution.\n"
        "+ It protects choices about food and family.\n"
        "+ It pushed Parliament to pass a data law.\n"
        "+ It gives courts a test to weigh surveillance.\n"
        "+ It shaped later cases on sexuality.\n\n"
        "Exam hook\n"
        "Puttaswamy made privacy a right the State must justify overriding.\n"
    )
    argument_map = _map(note)
    assert argument_map.thesis().text.startswith("Puttaswamy made privacy")
    assert _kind_of(argument_map, "It protects choices") is Kind.CLAIM


@pytest.mark.parametrize(
    ("lead", "kind"),
    [
        ("These gaps can be closed.", Kind.RECOMMENDATION),
        ("The way forward is clear.", Kind.RECOMMENDATION),
        ("The mission has real strengths.", Kind.CLAIM),
        ("The risks are serious.", Kind.COUNTERPOINT),
        ("India signed the pact in 2023 after ten years of talks with its partners.", None),
        ("Why this matters.", None),
    ],
)
def test_a_short_opening_sentence_announces_its_paragraph(lead, kind):
    found = paragraph_lead(lead)
    assert (found[0] if found else None) is kind


def test_a_paragraph_of_measures_opened_by_its_announcement_is_a_recommendation():
    note = (
        "Q. Can the mission secure India's supply of critical minerals?\n\n"
        "However, the gaps are large. Processing is the real choke point. Auctions drew too few bidders.\n\n"
        "These gaps can be closed. Better geological data would draw bidders. Incentives for refining "
        "would build the missing middle of the chain.\n\n"
        "Thus, the mission is a necessary start, but India must build processing along with mines.\n"
    )
    argument_map = _map(note)
    answer = next(n for n in argument_map.nodes if n.text.startswith("These gaps can be closed"))
    assert answer.kind is Kind.RECOMMENDATION
    assert answer.opposes, "the measures answer the gaps they close"


def test_a_command_under_a_heading_of_arguments_is_a_measure():
    note = (
        "Delimitation after 2026\n\n"
        "Arguments against a fresh count\n"
        "- Southern states would lose seats for controlling their population.\n"
        "- Extend the freeze for another 25 years.\n"
        "- Bringing back the old count would reward states that grew fastest.\n\n"
        "My stand\n"
        "The freeze should stay until a fairer formula is agreed.\n"
    )
    argument_map = _map(note)
    assert _kind_of(argument_map, "Extend the freeze") is Kind.RECOMMENDATION
    # a gerund opens a sentence about something, not a command
    assert _kind_of(argument_map, "Bringing back the old count") is not Kind.RECOMMENDATION


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Why it is hard", Kind.COUNTERPOINT),
        ("Why I'm not convinced", Kind.COUNTERPOINT),
        ("Why it matters", Kind.CLAIM),
    ],
)
def test_a_why_heading_takes_its_side_from_its_other_words(heading, kind):
    note = (
        "Coal and a just transition\n\n"
        f"{heading}\n"
        "- Whole districts of Jharkhand depend on mines and their transport.\n\n"
        "Conclusion\n"
        "India should phase coal down on a planned timetable.\n"
    )
    assert _kind_of(_map(note), "Whole districts") is kind


def test_answers_that_take_up_the_notes_own_points_show_those_points_are_the_other_side():
    note = (
        "Interlinking of rivers\n\n"
        "Pros\n"
        "+ Moves surplus monsoon water from flood-prone basins to drought-prone ones.\n"
        "+ Extra storage can give drinking water to towns that run dry every summer.\n\n"
        "Pros answered\n"
        "> Surplus water: basins called surplus run short in a dry year, so there is little to move.\n"
        "> Drinking water: rooftop harvesting gives towns that run dry water sooner than storage.\n\n"
        "My verdict\n"
        "Large-scale interlinking is an engineering answer to a management problem.\n"
    )
    argument_map = _map(note)
    assert _kind_of(argument_map, "Moves surplus monsoon water") is Kind.COUNTERPOINT
    answer = next(n for n in argument_map.nodes if "rooftop harvesting" in n.text)
    assert answer.kind is Kind.REBUTTAL


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Stubble burning in Punjab", Kind.COUNTERPOINT), ("India-Japan relations", Kind.CLAIM)],
)
def test_in_a_note_on_a_problem_why_it_matters_heads_its_harms(title, kind):
    note = (
        f"{title}\n\n"
        "Why it matters\n"
        "- Smoke adds to the winter smog of cities downwind.\n\n"
        "Way forward\n"
        "- Pay farmers to leave the smoke out of the winter air.\n"
    )
    argument_map = _map(note)
    assert _kind_of(argument_map, "Smoke adds") is kind


def test_a_problem_is_told_by_the_words_of_the_title():
    assert names_a_problem("STUBBLE BURNING IN PUNJAB AND HARYANA")
    assert names_a_problem("Drug abuse among the young")
    assert not names_a_problem("India-Germany relations")
    assert not names_a_problem("Digital rupee: should the RBI push it?")
