"""Every debate motion in the library, for each side and format: a usable case, a flow sheet, every
drill and a practice round. The motions are the shipped maps whose tags say ``debate``."""

from __future__ import annotations

import pytest
from conftest import ARGUMENTS

from argmap.analysis import compute_strengths
from argmap.outline.markdown import outline_to_markdown
from argmap.practice import DEBATE_FORMATS, DrillMode, Side, build_case, drill_items, flow_sheet
from argmap.practice.gaps import gaps
from argmap.practice.rounds import start_round
from argmap.store import load_path

MOTIONS = sorted(path for path in ARGUMENTS.glob("*.yaml") if "debate" in load_path(path).map.tags)


def test_the_library_ships_at_least_two_debate_motions():
    assert len(MOTIONS) >= 2


@pytest.fixture(scope="module", params=MOTIONS, ids=[path.stem for path in MOTIONS])
def motion(request):
    argument_map = load_path(request.param).map
    return argument_map, compute_strengths(argument_map).strength


@pytest.mark.parametrize("side", list(Side))
@pytest.mark.parametrize("format_id", list(DEBATE_FORMATS))
def test_each_side_gets_a_case_that_lists_every_gap_as_work_to_do(motion, side, format_id):
    argument_map, strengths = motion

    case = build_case(argument_map, side, DEBATE_FORMATS[format_id], strengths)

    text = outline_to_markdown(case)
    assert "No answer yet" not in text
    own = next(section for section in case.sections if section.role == "own")
    assert own.points, "the side's own arguments are in its case"
    ours = {point.node_id for point in own.points}
    shown = [gap for gap in gaps(argument_map, side, strengths) if gap.answers is None or gap.answers in ours]
    assert text.count("Counter-example: ") == len(shown)


@pytest.mark.parametrize("format_id", list(DEBATE_FORMATS))
def test_the_flow_sheet_has_a_row_for_every_main_argument(motion, format_id):
    argument_map, strengths = motion

    table = flow_sheet(argument_map, DEBATE_FORMATS[format_id], strengths).sections[0].table

    clashes = [row[0] for row in table.rows if row[0]]
    thesis = argument_map.thesis()
    main = [c for r, c in argument_map.children(thesis.id) if c.kind.value in ("claim", "counterpoint")]
    assert len(clashes) == len(main)


@pytest.mark.parametrize("side", list(Side))
@pytest.mark.parametrize("mode", list(DrillMode))
def test_every_drill_has_items_for_either_side(motion, side, mode):
    argument_map, strengths = motion

    assert drill_items(argument_map, mode, side, strengths)


@pytest.mark.parametrize("side", list(Side))
def test_a_round_can_be_played_from_either_side(motion, side):
    argument_map, strengths = motion

    played = start_round(argument_map, side, strengths)
    while not played.finished:
        played = played.answer(played.current.item.prompt).next()

    assert played.summary().results
