"""The case for one side of a map in one format, as an :class:`~argmap.outline.model.Outline`.

A case file is what a debater carries into the round or an aspirant reads before writing: the
motion and the burden of our side, our own arguments strongest first with their evidence (and what
the other side will say back, with our reply), then the other side's strongest arguments with our
prepared responses, how to weigh the clash, and the speeches of the format with their times and
points of information. Where the map holds no response, the case gives a prompt to prepare one
(see :mod:`argmap.practice.gaps`) and lists these gaps as work to do. It is an Outline so that the
outline renderers write it to Word and Markdown: there is one DOCX writer.

Debate formats use debate words (motion, proposition / government, opposition, burden, clash,
weighing, POIs); a written UPSC answer keeps the question's words.

Section roles (for tests and the app): ``stance``, ``own``, ``attacks``, ``weighing``,
``conclusion`` (only for the side defending the motion, whose conclusion the map's is),
``speeches``.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.graph import MapGraph, Side
from argmap.model import ArgumentMap, Node
from argmap.outline.model import EvidenceRef, Outline, Point, Section, SourceRef, Table, xml_safe
from argmap.practice.debate_formats import DebateFormat, Speech, SpeechKind
from argmap.practice.gaps import Gap, gap_summary, gaps
from argmap.practice.sides import require_thesis

#: The label of a prepared-answer slot the map cannot fill: a prompt to prepare one follows.
PREPARE = "Prepare an answer"


class _Sources:
    """Numbers the sources of the evidence cited, in order of first citation."""

    def __init__(self) -> None:
        self.refs: dict[tuple[str, str | None, str | None, str | None], SourceRef] = {}

    def evidence(self, evidence: Node) -> EvidenceRef:
        numbers = []
        for source in evidence.sources:
            key = (source.title, source.publisher, source.date, source.url)
            if key not in self.refs:
                self.refs[key] = SourceRef(len(self.refs) + 1, *key)
            numbers.append(self.refs[key].number)
        basis = evidence.basis.value if evidence.basis else None
        return EvidenceRef(xml_safe(evidence.text), basis, tuple(numbers), evidence.id)


def side_label(argument_map: ArgumentMap, side: Side) -> str:
    """What the map calls a side's points (its vocabulary), else "Arguments for/against"."""
    vocabulary = argument_map.vocabulary
    if vocabulary is None:
        return f"Arguments {side.value}"
    return vocabulary.for_ if side is Side.FOR else vocabulary.against


def is_written(fmt: DebateFormat) -> bool:
    """True for a written answer (no speaker sides), where debate words do not belong."""
    return all(speech.side is None for speech in fmt.speeches)


def case_title(argument_map: ArgumentMap, side: Side | str, fmt: DebateFormat) -> str:
    """The title of a case: the map, the side by the format's name for it, and the format."""
    side = Side(side)
    if is_written(fmt):
        return f"{argument_map.title}: {fmt.name}, {side.value} the question's claim"
    return f"{argument_map.title}: {fmt.side_name(side)} case, {fmt.name}"


def build_case(
    argument_map: ArgumentMap,
    side: Side | str,
    fmt: DebateFormat,
    strengths: Mapping[str, float],
) -> Outline:
    """The case for ``side`` in format ``fmt``; points are ordered strongest first by
    ``strengths`` (node id -> strength, e.g. ``compute_strengths(map).strength``), ties in map order.

    Raises PracticeError when the map has no thesis.
    """
    side = Side(side)
    thesis = require_thesis(argument_map)
    sources = _Sources()
    written = is_written(fmt)
    ours, theirs = fmt.side_name(side), fmt.side_name(side.other)
    graph = MapGraph.of(argument_map)
    sides = graph.sides()
    open_gaps = {gap.node_id: gap for gap in gaps(argument_map, side, strengths)}

    def strongest_first(nodes: list[Node]) -> list[Node]:
        return sorted(nodes, key=lambda node: -strengths.get(node.id, 0.0))

    def evidence(node: Node) -> tuple[EvidenceRef, ...]:
        return tuple(sources.evidence(e) for e in graph.evidence(node.id))

    def prompt(gap: Gap) -> Point:
        return Point(
            xml_safe(f"The map has no {ours.lower()} answer to this yet."),
            PREPARE,
            sub_points=tuple(Point(xml_safe(line)) for line in gap.prompt),
        )

    def responses(node: Node, answer_label: str) -> tuple[Point, ...]:
        """Our answers to one of their points, or the prompt to prepare one."""
        answers = [a for a in strongest_first(graph.answers(node.id)) if sides.get(a.id) is side]
        if not answers:
            gap = open_gaps.get(node.id)
            return (prompt(gap),) if gap is not None else ()
        return tuple(
            Point(
                xml_safe(answer.text),
                xml_safe(f"{answer_label}: {answer.display_label}"),
                evidence=evidence(answer),
                node_id=answer.id,
                strength=strengths.get(answer.id),
            )
            for answer in answers
        )

    def argued(node: Node) -> Point:
        reasons = tuple(
            Point(xml_safe(r.text), xml_safe(r.display_label), node_id=r.id) for r in graph.reasons(node.id)
        )
        replies = tuple(
            Point(
                xml_safe(reply.text),
                xml_safe(f"{theirs} may answer: {reply.display_label}"),
                sub_points=responses(reply, "Our reply"),
                node_id=reply.id,
            )
            for reply in strongest_first(graph.answers(node.id))
        )
        return Point(
            xml_safe(node.text),
            xml_safe(node.display_label),
            sub_points=reasons + replies,
            evidence=evidence(node),
            node_id=node.id,
            strength=strengths.get(node.id),
        )

    own_nodes = strongest_first(graph.main_points(side))
    their_nodes = strongest_first(graph.main_points(side.other))
    own = tuple(argued(node) for node in own_nodes)
    attacks = tuple(
        Point(
            xml_safe(node.text),
            xml_safe(node.display_label),
            sub_points=responses(node, "Our response"),
            evidence=evidence(node),
            node_id=node.id,
            strength=strengths.get(node.id),
        )
        for node in their_nodes
    )

    motion = argument_map.question or thesis.text
    sections = [
        Section(
            "The question and our answer" if written else "Motion, side and burden",
            role="stance",
            points=_stance(motion, thesis, side, fmt),
            guidance=("Lead with the strongest argument; answer their strongest point before it settles.",),
        ),
        Section(
            f"Our arguments ({side_label(argument_map, side)})"
            if written
            else _own_title(argument_map, side, ours),
            role="own",
            points=own,
            guidance=(
                "Strongest first. Under each: its evidence, and what they will say back with our reply.",
            ),
        ),
        Section(
            f"Their strongest points ({side_label(argument_map, side.other)}) and our answers"
            if written
            else f"Clash: the {theirs.lower()}'s strongest arguments and our responses",
            role="attacks",
            points=attacks,
            guidance=("Strongest first. Answer each in one sentence, then turn it back to our case.",),
        ),
    ]
    if not written and own_nodes and their_nodes:
        sections.append(_weighing(own_nodes[0], their_nodes[0], ours, theirs))
    if side is Side.FOR and argument_map.conclusion:
        sections.append(
            Section("Closing line", role="conclusion", points=(Point(xml_safe(argument_map.conclusion)),))
        )
    sections.append(_speeches_section(fmt, side))

    notes = [_work_to_do(list(open_gaps.values()), side, fmt)] if open_gaps else []
    if not own_nodes:
        notes.append(f"The map has no {ours.lower()} arguments yet: add some before the round.")
    return Outline(
        title=xml_safe(case_title(argument_map, side, fmt)),
        sections=tuple(sections),
        prompt=xml_safe(motion),
        directive=None,
        template=f"case-{fmt.id}",
        words=fmt.words or 0,
        minutes=round(fmt.total_minutes) if fmt.words else None,
        sources=tuple(sources.refs.values()),
        notes=tuple(notes),
        keywords=tuple(xml_safe(tag) for tag in argument_map.tags),
    )


def _own_title(argument_map: ArgumentMap, side: Side, ours: str) -> str:
    """ "Opposition arguments", with what the map calls them when that says more ("(Irritants)")."""
    label = side_label(argument_map, side)
    named = argument_map.vocabulary is not None and label.lower() != ours.lower()
    return f"{ours} arguments ({label})" if named else f"{ours} arguments"


def _stance(motion: str, thesis: Node, side: Side, fmt: DebateFormat) -> tuple[Point, ...]:
    if is_written(fmt):
        stance = "agrees with" if side is Side.FOR else "disputes"
        return (
            Point(xml_safe(motion), "Question"),
            Point(xml_safe(thesis.text), f"The answer {stance}"),
        )
    name = fmt.side_name(side)
    burden = (
        "show that the motion should pass: its benefits are real and outweigh its costs."
        if side is Side.FOR
        else "show that the motion should fall: its harms outweigh its benefits, or it will not work."
    )
    points = [Point(xml_safe(motion), "Motion")]
    if thesis.text.strip() != motion.strip():
        points.append(Point(xml_safe(thesis.text), "What the proposition proposes"))
    points.append(Point(f"As the {name.lower()}, {burden}", f"Burden of the {name.lower()}"))
    return tuple(points)


def _weighing(ours: Node, theirs: Node, our_name: str, their_name: str) -> Section:
    return Section(
        "Weighing",
        role="weighing",
        points=(
            Point(
                xml_safe(
                    f"Put our strongest argument, “{ours.display_label}”, against the "
                    f"{their_name.lower()}'s strongest, “{theirs.display_label}”: say why ours matters more "
                    "(how many it affects, how likely, how soon, how reversibly)."
                ),
                "The main clash",
            ),
        ),
        guidance=(
            f"Replies and last speakers weigh; they bring no new arguments for the {our_name.lower()}.",
        ),
    )


def _work_to_do(open_gaps: list[Gap], side: Side, fmt: DebateFormat) -> str:
    labels = "; ".join(gap.label for gap in open_gaps[:5])
    more = f" and {len(open_gaps) - 5} more" if len(open_gaps) > 5 else ""
    summary = gap_summary(len(open_gaps), side, fmt)
    return xml_safe(f"Work to do: {summary[0].lower()}{summary[1:-1]} ({labels}{more}).")


def _speeches_section(fmt: DebateFormat, side: Side) -> Section:
    written = is_written(fmt)
    columns = ("Part", "Minutes") if written else ("Speech", "Side", "Minutes", "POIs")
    rows: list[tuple[str, ...]] = []
    for speech in fmt.speeches:
        if written:
            rows.append((speech.role, f"{speech.minutes:g}"))
            continue
        assert speech.side is not None
        ours = " (us)" if speech.side is side else ""
        rows.append(
            (speech.role, fmt.side_name(speech.side) + ours, f"{speech.minutes:g}", _poi_text(speech))
        )
    guidance = [f"Preparation: {fmt.prep_minutes:g} minutes. {fmt.description}."]
    if any(speech.kind is SpeechKind.REPLY for speech in fmt.speeches):
        guidance.append("Replies bring no new arguments: they weigh the clash and say why your side won it.")
    return Section(
        "Time plan" if written else "Speeches",
        role="speeches",
        table=Table(columns, tuple(rows)),
        guidance=tuple(guidance),
    )


def _poi_text(speech: Speech) -> str:
    if speech.kind is SpeechKind.CROSS_EXAMINATION:
        return "questions to the previous speaker"
    if speech.poi_window is None:
        return "none"
    start, end = speech.poi_window
    return f"offered {start:g}:00–{end:g}:00; protected before and after"
