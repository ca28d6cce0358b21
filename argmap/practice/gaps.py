"""The other side's arguments a side has no answer to in the map, each with a prompt to prepare one.

A debater preparing a side needs two lists: what the map gives them to say, and what the other
side will say that the map leaves unanswered. This module finds the second. A *gap* is a point of
the other side (a main argument, a reason under one, or its answer to one of ours) that no point of
our side opposes. Instead of "no answer yet", each gap carries a prompt a debater can use: the
weakest link of that argument in the map (the support it leans on least firmly, or that it has
none), the evidence it lacks, and a counter-example slot to fill in.

Pure functions of a map and its strengths: the case file, the drills, the practice round and the
Editor (through :func:`gap_report`) all list the same gaps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from argmap.graph import POINT_KINDS, MapGraph, Side
from argmap.model import ArgumentMap, Basis, Kind, Node
from argmap.practice.debate_formats import DebateFormat
from argmap.words import DEBATE_SIDES, counted

#: Evidence that shows something happened or measures it, as against opinion or assertion.
HARD_BASES = frozenset({Basis.FACT, Basis.STATISTIC, Basis.EVENT, Basis.AGREEMENT, Basis.EXAMPLE})

#: What a side is called when no format is chosen (the Editor): the words of a debate.
DEFAULT_SIDE_NAMES = {side: DEBATE_SIDES[side.value] for side in Side}

COUNTER_EXAMPLE_SLOT = "Counter-example: ______ (a case where this did not hold, with its source)"


@dataclass(frozen=True)
class Gap:
    """One argument of the other side that our side has no answer to in the map.

    ``answers`` is the id of our point it answers (None for one of their own arguments);
    ``weakest_link`` and ``lacking`` are sentences; ``weak_support`` is the text of the support
    named as the weakest link (None when nothing supports it); ``strength`` orders gaps; ``line``
    is the whole prompt in one line, for an outline with no room for three.
    """

    node_id: str
    label: str
    text: str
    answers: str | None
    weakest_link: str
    lacking: str
    strength: float
    weak_support: str | None = None
    line: str = ""

    @property
    def prompt(self) -> tuple[str, ...]:
        """The lines a debater works from: where to attack, what to ask for, and a slot to fill."""
        return (
            f"Weakest link: {self.weakest_link}",
            f"Evidence it lacks: {self.lacking}",
            COUNTER_EXAMPLE_SLOT,
        )


def side_name(side: Side, fmt: DebateFormat | None = None) -> str:
    """What a side is called: the format's name for it (Government, Affirmative …), else
    proposition / opposition."""
    return fmt.side_name(side) if fmt is not None else DEFAULT_SIDE_NAMES[side]


def gaps(
    argument_map: ArgumentMap,
    side: Side | str,
    strengths: Mapping[str, float],
    graph: MapGraph | None = None,
) -> list[Gap]:
    """The other side's points that nothing of ``side`` answers, strongest first (ties in map order);
    ``graph``, when the caller has indexed the map already, is its :class:`MapGraph`.

    Only points reached from the thesis count (a map without a thesis has no sides, hence no gaps).
    """
    side = Side(side)
    graph = graph if graph is not None else MapGraph.of(argument_map)
    sides = graph.sides()
    index = argument_map.node_index()
    found = []
    for node in argument_map.nodes:
        if node.kind not in POINT_KINDS or sides.get(node.id) is not side.other:
            continue
        if any(sides.get(answer.id) is side for answer in graph.answers(node.id)):
            continue
        ours = [
            parent
            for _, parent in node.parents()
            if sides.get(parent) is side and index[parent].kind is not Kind.THESIS
        ]
        supports = [*graph.reasons(node.id), *graph.evidence(node.id)]
        weakest = min(supports, key=lambda support: strengths.get(support.id, 0.0), default=None)
        lacking, ask = _lacking(graph, node)
        found.append(
            Gap(
                node_id=node.id,
                label=node.display_label,
                text=node.text,
                answers=ours[0] if ours else None,
                weakest_link=_weakest_link(weakest, len(supports)),
                weak_support=weakest.text if weakest is not None else None,
                lacking=lacking,
                strength=strengths.get(node.id, 0.0),
                line=f"{_attack(weakest, len(supports))}; {ask}; counter-example: ______.",
            )
        )
    return sorted(found, key=lambda gap: -gap.strength)


def gap_summary(count: int, side: Side, fmt: DebateFormat | None = None) -> str:
    """One sentence, e.g. "The opposition has no answer to 11 government arguments." (count 0:
    "… has an answer to every … argument")."""
    mine, theirs = side_name(side, fmt).lower(), side_name(side.other, fmt).lower()
    if count == 0:
        return f"The {mine} has an answer in the map to every {theirs} argument."
    return f"The {mine} has no answer to {counted(count, theirs + ' argument')}."


@dataclass(frozen=True)
class GapReport:
    """Both sides' gaps, for a screen that lists work to do (the Editor, the Practice page)."""

    lines: tuple[str, ...]  # one summary sentence per side
    gaps: Mapping[Side, tuple[Gap, ...]]

    @property
    def total(self) -> int:
        return sum(len(found) for found in self.gaps.values())


def gap_report(
    argument_map: ArgumentMap, strengths: Mapping[str, float], fmt: DebateFormat | None = None
) -> GapReport:
    """The gaps of both sides with a summary sentence each; empty for a map without a thesis."""
    if argument_map.thesis() is None:
        return GapReport((), {Side.FOR: (), Side.AGAINST: ()})
    by_side = {side: tuple(gaps(argument_map, side, strengths)) for side in Side}
    lines = tuple(gap_summary(len(by_side[side]), side, fmt) for side in Side)
    return GapReport(lines, by_side)


def _weakest_link(weakest: Node | None, count: int) -> str:
    if weakest is None:
        return "it is asserted, not supported: nothing in the map backs it, so ask why it should hold."
    what = "its evidence" if weakest.kind is Kind.EVIDENCE else "its reason"
    if count == 1:
        return f"it rests on one support, {what} “{weakest.display_label}”; take that away and it falls."
    return f"{what} “{weakest.display_label}”, the least firm of its {count} supports in the map."


def _attack(weakest: Node | None, count: int) -> str:
    """The weakest link as an order, for the one-line prompt."""
    if weakest is None:
        return "Ask why it holds: nothing in the map backs it"
    which = "only support" if count == 1 else "least firm support"
    return f"Attack its {which}, “{weakest.display_label}”"


def _lacking(graph: MapGraph, node: Node) -> tuple[str, str]:
    """The evidence ``node`` lacks: a sentence for the full prompt, and the question to ask for
    the one-line prompt."""
    evidence = graph.evidence(node.id)
    if not evidence:
        return "the map gives it no evidence: demand a figure, a study or a real case.", "demand a figure"
    if not any(item.basis in HARD_BASES for item in evidence):
        kinds = sorted({item.basis.value if item.basis else "unstated" for item in evidence})
        return (
            f"only {' and '.join(kinds)} behind it, no fact, statistic or event: ask what was measured.",
            f"ask what was measured (only {' and '.join(kinds)})",
        )
    unsourced = [item for item in evidence if not item.sources]
    if unsourced:
        return (
            f"“{unsourced[0].display_label}” names no source: ask where it comes from.",
            f"ask the source of “{unsourced[0].display_label}”",
        )
    return (
        "nothing missing in the map, so test whether its evidence shows what it claims (cause, scale, recency).",
        "test its cause and scale",
    )
