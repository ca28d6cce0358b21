"""A map laid out as a debate flow sheet: one column per speech, each answer beside what it answers.

Debaters "flow" a round on a sheet with a column per speech. Laid out that way before the round,
the map shows each argument's whole exchange on one row, a clash point, numbered and named in the
first column: the point in the column of the first speech
its side gives, the other side's answer in the next speech of that side to its right, the reply to
that answer further right, and so on. A main point nobody answers gets "no answer yet" in the
column where its answer should be, which is where a judge would mark it dropped.

Columns are the format's speeches without cross-examinations (questions are not flowed). A written
answer has no speeches, so it gets alternating "For" / "Against" columns, as many as the map needs.
The sheet is an :class:`~argmap.outline.model.Outline` with one table, for the outline renderers.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.graph import MapGraph, Side
from argmap.model import ArgumentMap, Node
from argmap.outline.model import Outline, Section, Table
from argmap.practice.debate_formats import DebateFormat, SpeechKind
from argmap.practice.sides import require_thesis

UNANSWERED = "— no answer yet"
CLASH = "Clash"


def flow_sheet(
    argument_map: ArgumentMap, fmt: DebateFormat, strengths: Mapping[str, float] | None = None
) -> Outline:
    """The flow sheet of a map in format ``fmt``; main points come strongest first when
    ``strengths`` is given, else in map order. Raises PracticeError when the map has no thesis."""
    require_thesis(argument_map)
    graph = MapGraph.of(argument_map)
    sides = graph.sides()
    columns = _columns(fmt, _depth(graph))
    headings = tuple(heading for heading, _ in columns)
    column_sides = [side for _, side in columns]

    def next_column(side: Side, after: int) -> int | None:
        return next((i for i in range(after + 1, len(columns)) if column_sides[i] is side), None)

    def cell(node: Node) -> str:
        count = len(graph.evidence(node.id))
        return node.display_label + (f" [{count} evidence]" if count else "")

    def thread(node: Node, column: int, seen: frozenset[str]) -> list[dict[int, str]]:
        answers = [a for a in graph.answers(node.id) if a.id not in seen]
        rows: list[dict[int, str]] = []
        for answer in answers:
            answer_side = sides.get(answer.id, sides.get(node.id, Side.FOR).other)
            target = next_column(answer_side, column)
            if target is None:  # the round is over before this answer could be given
                continue
            rows.extend(thread(answer, target, seen | {answer.id}))
        if not rows:
            rows = [{}]
        rows[0] = {column: cell(node), **rows[0]}
        return rows

    rows: list[tuple[str, ...]] = []
    clashes = 0
    for side in (Side.FOR, Side.AGAINST):
        points = graph.main_points(side)
        if strengths is not None:
            points = sorted(points, key=lambda node: -strengths.get(node.id, 0.0))
        start = column_sides.index(side)
        for point in points:
            point_rows = thread(point, start, frozenset({point.id}))
            answer_column = next_column(side.other, start)
            if len(point_rows[0]) == 1 and answer_column is not None:
                point_rows[0][answer_column] = UNANSWERED
            clashes += 1
            clash = f"{clashes}. {_clash_name(point, fmt.side_name(side))}"
            for number, row in enumerate(point_rows):
                rows.append((clash if number == 0 else "", *(row.get(i, "") for i in range(len(columns)))))

    table = Table((CLASH, *headings), tuple(rows))
    legend = tuple(
        f"{speech.short}: {speech.role} ({speech.minutes:g} min)"
        for speech in fmt.speeches
        if speech.short and speech.kind is not SpeechKind.CROSS_EXAMINATION
    )
    return Outline(
        title=f"{argument_map.title}: flow sheet ({fmt.name})",
        sections=(Section("Flow", role="flow", table=table, guidance=legend),),
        prompt=argument_map.question,
        template=f"flow-{fmt.id}",
        keywords=tuple(argument_map.tags),
    )


def _clash_name(point: Node, side_name: str) -> str:
    """A clash point's name: its dimension (first tag) where it has one, and whose argument it is."""
    dimension = point.tags[0].replace("-", " ").capitalize() if point.tags else point.display_label
    return f"{dimension} ({side_name})"


def _columns(fmt: DebateFormat, depth: int) -> list[tuple[str, Side]]:
    spoken = [
        (speech.short or speech.role, speech.side)
        for speech in fmt.speeches
        if speech.side is not None and speech.kind is not SpeechKind.CROSS_EXAMINATION
    ]
    if spoken:
        return [(heading, side) for heading, side in spoken if side is not None]
    # A written answer: enough alternating columns for the deepest exchange, after each side's opening.
    count = max(2, depth + 2)
    return [
        (("For", "Against")[i % 2] + (f" {i // 2 + 1}" if i > 1 else ""), (Side.FOR, Side.AGAINST)[i % 2])
        for i in range(count)
    ]


def _depth(graph: MapGraph) -> int:
    """The longest chain of answers below any main point (0 when nothing is answered)."""

    def depth(node: Node, seen: frozenset[str]) -> int:
        answers = [a for a in graph.answers(node.id) if a.id not in seen]
        return max((1 + depth(a, seen | {a.id}) for a in answers), default=0)

    points = graph.main_points(Side.FOR) + graph.main_points(Side.AGAINST)
    return max((depth(point, frozenset({point.id})) for point in points), default=0)
