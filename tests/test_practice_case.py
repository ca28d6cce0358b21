"""Case files and flow sheets built from a map for one side and one debate or answer format."""

from __future__ import annotations

import pytest
from conftest import SEED_MAP

from argmap.analysis import compute_strengths
from argmap.graph import MapGraph
from argmap.outline.markdown import outline_to_markdown
from argmap.practice import DEBATE_FORMATS, Side
from argmap.practice.case import PREPARE, build_case
from argmap.practice.flow import UNANSWERED, flow_sheet
from argmap.store import load_path

IRRITANTS = {"west-tilt", "china-pivot", "mi35-sale"}


@pytest.fixture(scope="module")
def seed():
    return load_path(SEED_MAP).map


@pytest.fixture(scope="module")
def strengths(seed):
    return compute_strengths(seed).strength


def _section(outline, role):
    return next(section for section in outline.sections if section.role == role)


def test_the_against_case_argues_the_irritants_and_answers_the_convergences(seed, strengths):
    case = build_case(seed, "against", DEBATE_FORMATS["bp"], strengths)

    assert {point.node_id for point in _section(case, "own").points} == IRRITANTS
    convergences = {node.id for node in MapGraph.of(seed).main_points(Side.FOR)}
    assert {point.node_id for point in _section(case, "attacks").points} == convergences
    assert _section(case, "own").title == "Opposition arguments (Irritants)"


def test_the_for_case_answers_each_irritant_with_the_maps_rebuttals(seed, strengths):
    case = build_case(seed, "for", DEBATE_FORMATS["bp"], strengths)

    attacks = {point.node_id: point for point in _section(case, "attacks").points}
    assert set(attacks) == IRRITANTS
    answers = {sub.node_id for sub in attacks["west-tilt"].sub_points}
    expected = {child.id for _, child in seed.children("west-tilt") if child.kind.value != "evidence"}
    assert answers == expected


def test_points_without_an_answer_in_the_map_get_a_prompt_to_prepare_one(seed, strengths):
    case = build_case(seed, "against", DEBATE_FORMATS["bp"], strengths)

    for attack in _section(case, "attacks").points:
        slot = attack.sub_points[-1]
        assert slot.label == PREPARE
        lines = [sub.text for sub in slot.sub_points]
        assert lines[0].startswith("Weakest link: ")
        assert lines[1].startswith("Evidence it lacks: ")
        assert lines[2].startswith("Counter-example: ")
    assert not any("no answer yet" in note.lower() for note in case.notes)
    assert any(note.startswith("Work to do: the opposition has no answer to ") for note in case.notes)


def test_own_arguments_come_strongest_first_with_their_evidence(seed, strengths):
    case = build_case(seed, "for", DEBATE_FORMATS["wsdc"], strengths)

    own = _section(case, "own").points
    assert [point.strength for point in own] == sorted((point.strength for point in own), reverse=True)
    defence = next(point for point in own if point.node_id == "defence")
    assert any("SIPRI" in evidence.text for evidence in defence.evidence)
    assert all(number <= len(case.sources) for evidence in defence.evidence for number in evidence.sources)


def test_the_speeches_table_marks_our_speeches_and_the_poi_window(seed, strengths):
    case = build_case(seed, "against", DEBATE_FORMATS["bp"], strengths)

    table = _section(case, "speeches").table
    assert len(table.rows) == 8
    assert table.rows[1][1] == "Opposition (us)"
    assert table.rows[0][1] == "Government"
    assert table.rows[0][3] == "offered 1:00–6:00; protected before and after"


def test_a_debate_case_speaks_of_the_motion_and_the_burden_never_the_thesis(seed, strengths):
    for side in Side:
        text = outline_to_markdown(build_case(seed, side, DEBATE_FORMATS["wsdc"], strengths)).lower()

        assert "motion" in text and "burden" in text and "weighing" in text and "clash" in text
        assert "thesis" not in text
        assert "directive" not in text


def test_the_case_title_names_the_side_and_the_format(seed, strengths):
    case = build_case(seed, "against", DEBATE_FORMATS["ld"], strengths)

    assert case.title == "India–Russia relations: Negative case, Lincoln–Douglas"


def test_a_upsc_answer_case_carries_its_word_limit_and_time_plan(seed, strengths):
    case = build_case(seed, "for", DEBATE_FORMATS["upsc-250"], strengths)

    assert (case.words, case.minutes) == (250, 11)
    plan = _section(case, "speeches")
    assert plan.title == "Time plan"
    assert sum(float(minutes) for _, minutes in plan.table.rows) == 11
    assert _section(case, "conclusion").points[0].text == seed.conclusion


def test_formats_have_the_speech_times_of_their_rule_books():
    assert {speech.minutes for speech in DEBATE_FORMATS["bp"].speeches} == {7}
    assert DEBATE_FORMATS["bp"].speeches[0].protected == [(0, 1), (6, 7)]
    replies = [s for s in DEBATE_FORMATS["ap"].speeches if s.kind.value == "reply"]
    assert [(s.side, s.minutes) for s in replies] == [(Side.AGAINST, 4), (Side.FOR, 4)]
    assert {s.minutes for s in DEBATE_FORMATS["wsdc"].speeches} == {8, 4}
    assert DEBATE_FORMATS["wsdc"].speeches[0].poi_window == (1, 7)
    assert [s.minutes for s in DEBATE_FORMATS["ld"].speeches] == [6, 3, 7, 3, 4, 6, 3]
    assert DEBATE_FORMATS["upsc-150"].total_minutes == 7


def test_the_flow_sheet_puts_each_answer_beside_what_it_answers(seed):
    table = flow_sheet(seed, DEBATE_FORMATS["bp"]).sections[0].table

    assert table.columns == ("Clash", "PM", "LO", "DPM", "DLO", "MG", "MO", "GW", "OW")
    label = seed.get("west-tilt").display_label
    at = next(i for i, row in enumerate(table.rows) if row[2].startswith(label))
    assert table.rows[at][1:4] == ("", f"{label} [2 evidence]", seed.get("shared-rationale").display_label)
    assert table.rows[at + 1][1:4] == ("", "", seed.get("indo-pacific-engagement").display_label)
    assert table.rows[at][0].endswith("(Opposition)") and table.rows[at + 1][0] == ""


def test_the_flow_sheet_marks_unanswered_main_points_in_the_answer_column(seed):
    table = flow_sheet(seed, DEBATE_FORMATS["wsdc"]).sections[0].table

    defence = next(row for row in table.rows if row[1].startswith(seed.get("defence").display_label))
    assert defence[2] == UNANSWERED


def test_a_flow_sheet_renders_as_a_markdown_table(seed):
    text = outline_to_markdown(flow_sheet(seed, DEBATE_FORMATS["ld"]))

    assert "| Clash | AC | NC | 1AR | NR | 2AR |" in text


def test_the_app_gets_case_and_flow_documents_in_one_call(seed):
    from argmap.practice import case_document, flow_document

    assert case_document(seed, "for", "ld", "docx")[:2] == b"PK"
    assert (
        flow_document(seed, "policy", "md")
        .decode()
        .startswith("# India–Russia relations: flow sheet (Policy)")
    )
