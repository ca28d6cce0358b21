"""The case file for one side of a map in one format, as an :class:`~argmap.outline.model.Outline`.

A case file is what a debater carries into the round or an aspirant reads before writing: our
strongest arguments with their evidence, the other side's strongest points each with our prepared
answer (or plainly marked "no answer yet"), and the speeches of the format with their times. It is
an Outline so that the outline renderers write it to Word and Markdown: there is one DOCX writer.

Section roles (for tests and the app): ``stance``, ``own``, ``attacks``, ``conclusion`` (only for
the side defending the thesis, whose conclusion the map's is), ``speeches``.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.model import ArgumentMap, Node
from argmap.outline.model import EvidenceRef, Outline, Point, Section, SourceRef, Table
from argmap.practice.formats import Format, Side, Speech, SpeechKind
from argmap.practice.sides import answers_to, evidence_for, main_points, reasons_for, require_thesis

NO_ANSWER = "No answer yet"
_NO_ANSWER_TEXT = "the map has nothing that answers this point; prepare an answer before the round."


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
        return EvidenceRef(evidence.text, basis, tuple(numbers), evidence.id)


def side_label(argument_map: ArgumentMap, side: Side) -> str:
    """What the map calls a side's points (its vocabulary), else "Arguments for/against"."""
    vocabulary = argument_map.vocabulary
    if vocabulary is None:
        return f"Arguments {side.value}"
    return vocabulary.for_ if side is Side.FOR else vocabulary.against


def build_case(
    argument_map: ArgumentMap,
    side: Side | str,
    fmt: Format,
    strengths: Mapping[str, float],
) -> Outline:
    """The case file for ``side`` in format ``fmt``; points are ordered strongest first by
    ``strengths`` (node id -> strength, e.g. ``compute_strengths(map).strength``), ties in map order.

    Raises PracticeError when the map has no thesis.
    """
    side = Side(side)
    thesis = require_thesis(argument_map)
    sources = _Sources()
    speaker = fmt.side_name(side)

    def strongest_first(nodes: list[Node]) -> list[Node]:
        return sorted(nodes, key=lambda node: -strengths.get(node.id, 0.0))

    def argued(node: Node, sub_points: tuple[Point, ...] = ()) -> Point:
        reasons = tuple(
            Point(r.text, r.display_label, node_id=r.id) for r in reasons_for(argument_map, node.id)
        )
        return Point(
            node.text,
            node.display_label,
            sub_points=reasons + sub_points,
            evidence=tuple(sources.evidence(e) for e in evidence_for(argument_map, node.id)),
            node_id=node.id,
            strength=strengths.get(node.id),
        )

    def answered(node: Node, answer_label: str) -> tuple[Point, ...]:
        answers = strongest_first(answers_to(argument_map, node.id))
        if not answers:
            return (Point(_NO_ANSWER_TEXT, NO_ANSWER),)
        return tuple(
            Point(
                answer.text,
                f"{answer_label}: {answer.display_label}",
                evidence=tuple(sources.evidence(e) for e in evidence_for(argument_map, answer.id)),
                node_id=answer.id,
                strength=strengths.get(answer.id),
            )
            for answer in answers
        )

    def expected(node: Node) -> tuple[Point, ...]:
        """What the other side can say back to one of our arguments, each with our reply to it."""
        return tuple(
            Point(
                response.text,
                f"They may answer: {response.display_label}",
                sub_points=answered(response, "Our reply"),
                node_id=response.id,
            )
            for response in answers_to(argument_map, node.id)
        )

    own = [argued(node, expected(node)) for node in strongest_first(main_points(argument_map, side))]
    their_points = strongest_first(main_points(argument_map, side.other))
    attacks = [
        Point(
            node.text,
            node.display_label,
            sub_points=answered(node, "Our answer"),
            evidence=tuple(sources.evidence(e) for e in evidence_for(argument_map, node.id)),
            node_id=node.id,
            strength=strengths.get(node.id),
        )
        for node in their_points
    ]
    unanswered = sum(1 for node in their_points if not answers_to(argument_map, node.id))

    sections = [
        Section(
            "Motion and stance",
            role="stance",
            points=(Point(thesis.text, "Thesis", node_id=thesis.id),),
            guidance=(
                f"You are {speaker}: you argue {side.value} the thesis.",
                "Lead with the strongest argument; answer their strongest point before it settles.",
            ),
        ),
        Section(
            f"Our arguments ({side_label(argument_map, side)})",
            role="own",
            points=tuple(own),
            guidance=(
                "Strongest first. Under each: its evidence, and what they will say back with our reply.",
            ),
        ),
        Section(
            f"Their strongest points ({side_label(argument_map, side.other)}) and our answers",
            role="attacks",
            points=tuple(attacks),
            guidance=("Strongest first. Answer each in one sentence, then turn it back to our case.",),
        ),
    ]
    if side is Side.FOR and argument_map.conclusion:
        sections.append(Section("Closing line", role="conclusion", points=(Point(argument_map.conclusion),)))
    sections.append(_speeches_section(fmt, side))

    notes = []
    if unanswered:
        notes.append(
            f"{unanswered} of the other side's {len(attacks)} main points "
            f"{'has' if unanswered == 1 else 'have'} no answer yet in the map."
        )
    return Outline(
        title=f"{argument_map.title}: {fmt.name} case, {speaker} ({side.value} the thesis)",
        sections=tuple(sections),
        prompt=argument_map.question or thesis.text,
        directive=argument_map.directive.value if argument_map.directive else None,
        template=f"case-{fmt.id}",
        words=fmt.words or 0,
        minutes=round(fmt.total_minutes) if fmt.words else None,
        sources=tuple(sources.refs.values()),
        notes=tuple(notes),
        keywords=tuple(argument_map.tags),
    )


def _speeches_section(fmt: Format, side: Side) -> Section:
    written = all(speech.side is None for speech in fmt.speeches)
    columns = ("Part", "Minutes") if written else ("Speech", "Side", "Minutes", "Points of information")
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
