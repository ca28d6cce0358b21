"""Drill items made from a map: a prompt, the map's own model answer, and the terms to look for.

Four modes, each a question a debater or an aspirant is asked under time:

- ``rebuttal``: shown the other side's point, answer it (model: the map's rebuttals,
  recommendations or counterpoints that oppose it; drilled for one side, a point the map leaves
  unanswered is asked too, its model answer the prompt of :mod:`argmap.practice.gaps` and its
  score how well the answer takes on the point's weakest link);
- ``evidence``: shown a point, name its evidence (model: the evidence nodes under it);
- ``switch``: argue the other side's main point as if it were yours (model: its text and evidence);
- ``steelman``: restate the opponent's point so its authors would agree (model: its text and reasons).

An item's id is ``MODE:NODE-ID``, stable across edits of the text, so progress follows the point and
not its wording. Items are plain data: the app and the terminal drill both use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from argmap.graph import POINT_KINDS, MapGraph, Side
from argmap.model import ArgumentMap, Kind, Node
from argmap.practice.debate_formats import DebateFormat
from argmap.practice.gaps import Gap, gap_summary, gaps
from argmap.practice.scoring import key_terms
from argmap.practice.sides import PracticeError, require_thesis


class DrillMode(StrEnum):
    REBUTTAL = "rebuttal"
    EVIDENCE = "evidence"
    SWITCH = "switch"
    STEELMAN = "steelman"


INSTRUCTIONS: dict[DrillMode, str] = {
    DrillMode.REBUTTAL: "Answer this point",
    DrillMode.EVIDENCE: "Name the evidence for this point",
    DrillMode.SWITCH: "Argue this point of the other side as if it were yours",
    DrillMode.STEELMAN: "Restate this point so that the side making it would agree",
}


@dataclass(frozen=True)
class DrillItem:
    """One question of a drill.

    ``answer_parts`` are the separate model answers scored against (an answer that matches any one
    of them well scores well); ``model_answer`` is all of them, one a line, as shown after a try
    (with evidence's source titles); ``key_terms`` are the words a good answer is expected to use.
    ``from_map`` is False for a point the map has no answer to: its model answer is the prompt to
    prepare one, and its answer part the weakest link to attack.
    """

    id: str
    mode: DrillMode
    node_id: str
    prompt: str
    model_answer: str
    answer_parts: tuple[str, ...]
    key_terms: tuple[str, ...]
    from_map: bool = True

    @property
    def instruction(self) -> str:
        return INSTRUCTIONS[self.mode]


def drill_items(
    argument_map: ArgumentMap,
    mode: DrillMode | str,
    side: Side | str | None = None,
    strengths: Mapping[str, float] | None = None,
) -> list[DrillItem]:
    """The drill items of one mode, for one side (None: both sides).

    Items are ordered strongest point first when ``strengths`` is given, else in map order. A point
    with nothing to check an answer against (no answers in the map, no evidence) gives no item.
    Raises PracticeError when the map has no thesis.
    """
    mode = DrillMode(mode)
    side = Side(side) if side is not None else None
    require_thesis(argument_map)
    graph = MapGraph.of(argument_map)
    sides = graph.sides()
    nodes = _ordered(argument_map.nodes, strengths)
    items: list[DrillItem] = []
    if mode is DrillMode.REBUTTAL:
        open_gaps = {gap.node_id: gap for gap in gaps(argument_map, side, strengths or {})} if side else {}
        for node in nodes:
            if node.kind not in POINT_KINDS or (side is not None and sides.get(node.id) is not side.other):
                continue
            answers = [a for a in graph.answers(node.id) if side is None or sides.get(a.id) is side]
            if answers:
                items.append(_item(mode, node, node.text, [a.text for a in answers]))
            elif side is not None and node.id in open_gaps:
                items.append(_gap_item(node, open_gaps[node.id]))
    elif mode is DrillMode.EVIDENCE:
        for node in nodes:
            if node.kind not in POINT_KINDS | {Kind.THESIS}:
                continue
            if side is not None and sides.get(node.id) is not side:
                continue
            evidence = graph.evidence(node.id)
            if evidence:
                # Source titles are shown with the model answer but are not terms to recall.
                shown = [_evidence_text(e) for e in evidence]
                items.append(_item(mode, node, node.text, [e.text for e in evidence], shown=shown))
    elif mode is DrillMode.SWITCH:
        # The other side's main points; both sides' when no side is given.
        opponents = [side.other] if side is not None else [Side.AGAINST, Side.FOR]
        for other in opponents:
            for node in _ordered(graph.main_points(other), strengths):
                support = [e.text for e in graph.evidence(node.id)]
                items.append(_item(mode, node, node.display_label, [" ".join([node.text, *support])]))
    else:
        for node in nodes:
            if node.kind not in POINT_KINDS or node.id not in sides:
                continue
            if side is not None and sides[node.id] is not side.other:
                continue
            reasons = [r.text for r in graph.reasons(node.id)]
            items.append(_item(mode, node, node.display_label, [" ".join([node.text, *reasons])]))
    return items


def all_drill_items(
    argument_map: ArgumentMap, strengths: Mapping[str, float] | None = None
) -> list[DrillItem]:
    """Every rebuttal and evidence item of the map, from both sides: what a deck holds.

    Switch and steelman items need a side to make sense, so a side-free deck leaves them out.
    """
    return [
        *drill_items(argument_map, DrillMode.REBUTTAL, None, strengths),
        *drill_items(argument_map, DrillMode.EVIDENCE, None, strengths),
    ]


def require_items(
    items: list[DrillItem],
    argument_map: ArgumentMap,
    mode: DrillMode | str,
    side: Side | str | None = None,
) -> list[DrillItem]:
    """``items`` unchanged, or PracticeError saying what the map lacks for this mode and side (the
    ``side`` the items were drawn for; None: both sides), and whether the other side has items."""
    if items:
        return items
    mode = DrillMode(mode)
    side = Side(side) if side is not None else None
    title = f"map {argument_map.title!r}"
    if side is None:
        why = {
            DrillMode.REBUTTAL: "no point that has a rebuttal, recommendation or counterpoint answering it",
            DrillMode.EVIDENCE: "no point with evidence under it",
            DrillMode.SWITCH: "no main points on either side",
            DrillMode.STEELMAN: "no points on either side",
        }[mode]
        raise PracticeError(f"{title} has {why}, so there is nothing to drill in {mode} mode")
    mine, theirs = side.value, side.other.value
    if mode is DrillMode.REBUTTAL:
        why = f"no {theirs}-side points for the {mine} side to answer"
    elif mode is DrillMode.EVIDENCE:
        why = f"no {mine}-side point with evidence under it"
    elif mode is DrillMode.SWITCH:
        main = "counterpoints opposing the thesis" if side is Side.FOR else "claims supporting the thesis"
        why = f"no {theirs}-side main points ({main})"
    else:
        why = f"no {theirs}-side points"
    hint = (
        f"; add one, or drill the {theirs} side"
        if drill_items(argument_map, mode, side.other)
        else "; add one"
    )
    raise PracticeError(f"{title} has {why}, so there is nothing to drill in {mode} mode{hint}")


def _item(
    mode: DrillMode, node: Node, prompt: str, parts: list[str], shown: list[str] | None = None
) -> DrillItem:
    return DrillItem(
        id=f"{mode.value}:{node.id}",
        mode=mode,
        node_id=node.id,
        prompt=prompt,
        model_answer="\n".join(shown if shown is not None else parts),
        answer_parts=tuple(parts),
        key_terms=key_terms(parts),
    )


def _gap_item(node: Node, gap: Gap) -> DrillItem:
    shown = ["The map has no answer to this yet.", *gap.prompt]
    item = _item(DrillMode.REBUTTAL, node, node.text, [gap.weak_support or node.text], shown=shown)
    return replace(item, from_map=False)


def drill_notice(
    items: list[DrillItem], side: Side | str | None, fmt: DebateFormat | None = None
) -> str | None:
    """One sentence on the rebuttal items the map has no answer to, e.g. "The opposition has no
    answer to 11 government arguments: …"; None when every item has the map's answer."""
    unanswered = sum(1 for item in items if not item.from_map)
    if not unanswered or side is None:
        return None
    summary = gap_summary(unanswered, Side(side), fmt)[:-1]
    return f"{summary}: those cards show the weakest link to attack, and score your answer on it."


def _evidence_text(evidence: Node) -> str:
    titles = "; ".join(source.title for source in evidence.sources)
    return f"{evidence.text} ({titles})" if titles else evidence.text


def _ordered(nodes: Iterable[Node], strengths: Mapping[str, float] | None) -> list[Node]:
    listed = list(nodes)
    if strengths is None:
        return listed
    # sorted() is stable, so equal strengths keep map order.
    return sorted(listed, key=lambda node: -strengths.get(node.id, 0.0))
