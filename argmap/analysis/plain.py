"""Strengths said in plain words, for the Analysis page: which side each point argues on, and one
sentence saying what moved a point's strength ("Two pieces of evidence raise it from 0.50 to
0.90."). No method names, no "base score": the student's words, not ours.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.strength import Strengths
from argmap.graph import MapGraph
from argmap.model import Kind

_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
#: what a child of each kind is called, (one, many), when it supports its parent / opposes it
_FOR_NAMES = {
    Kind.EVIDENCE: ("piece of evidence", "pieces of evidence"),
    Kind.CLAIM: ("supporting point", "supporting points"),
    Kind.RECOMMENDATION: ("way-forward measure", "way-forward measures"),
}
_AGAINST_NAMES = {
    Kind.EVIDENCE: ("piece of evidence against it", "pieces of evidence against it"),
    Kind.COUNTERPOINT: ("objection", "objections"),
    Kind.REBUTTAL: ("answer", "answers"),
    Kind.RECOMMENDATION: ("way-forward measure", "way-forward measures"),
}
_MOVES = 0.005  # a change below this shows as no change at two decimals


@dataclass(frozen=True)
class PointStrength:
    """One row of "how strong each point is": the side it argues on (``for``, ``against``,
    ``both`` or ``neither``), where it starts, where it ends and why."""

    node: str
    side: str
    starts_at: float
    strength: float
    why: str


def _number(count: int) -> str:
    return _NUMBERS[count] if count < len(_NUMBERS) else f"{count:,}"


def _named(count: int, names: tuple[str, str]) -> str:
    return f"{_number(count)} {names[0] if count == 1 else names[1]}"


def _children(graph: MapGraph, node_id: str, attackers: bool) -> str:
    """``two pieces of evidence and one supporting point``: the node's children on one side."""
    found = graph.attackers(node_id) if attackers else graph.supporters(node_id)
    names = _AGAINST_NAMES if attackers else _FOR_NAMES
    counts: dict[tuple[str, str], int] = {}
    for child in found:
        default = (
            ("point against it", "points against it") if attackers else ("point for it", "points for it")
        )
        key = names.get(graph.kind[child], default)
        counts[key] = counts.get(key, 0) + 1
    parts = [_named(count, key) for key, count in counts.items()]
    return " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


def _verb(subject: str, plural: str, singular: str) -> str:
    return singular if subject.startswith("one ") and " and " not in subject else plural


def why(graph: MapGraph, strengths: Strengths, node_id: str) -> str:
    """One sentence on what moved the node's strength from where it started, or why it did not."""
    start, end = strengths.base[node_id], strengths.strength[node_id]
    for_it, against_it = _children(graph, node_id, False), _children(graph, node_id, True)
    if not for_it and not against_it:
        return f"Nothing in the map bears on it: it keeps its starting strength, {start:.2f}."
    if for_it and against_it:
        sentence = (
            f"{for_it} {_verb(for_it, 'raise', 'raises')} it and {against_it} "
            f"{_verb(against_it, 'lower', 'lowers')} it"
        )
        moved = (
            f"from {start:.2f} to {end:.2f} in all"
            if abs(end - start) >= _MOVES
            else f"it stays at {start:.2f}"
        )
        sentence = f"{sentence}: {moved}."
    elif abs(end - start) < _MOVES:
        movers = for_it or against_it
        sentence = f"{movers} {_verb(movers, 'leave', 'leaves')} it at {start:.2f}."
    elif for_it:
        sentence = f"{for_it} {_verb(for_it, 'raise', 'raises')} it from {start:.2f} to {end:.2f}."
    else:
        sentence = f"{against_it} {_verb(against_it, 'lower', 'lowers')} it from {start:.2f} to {end:.2f}."
    return sentence[0].upper() + sentence[1:]


def point_strengths(graph: MapGraph, strengths: Strengths) -> list[PointStrength]:
    """Every node that argues (context only frames the question), strongest first, with its side
    and the sentence that explains its strength."""
    argued = graph.sides_reached()
    rows = []
    for node_id, value in strengths.strength.items():
        if graph.kind[node_id] is Kind.CONTEXT:
            continue
        found = argued.get(node_id, frozenset())
        side = "both" if len(found) > 1 else next(iter(found)).value if found else "neither"
        rows.append(
            PointStrength(node_id, side, strengths.base[node_id], value, why(graph, strengths, node_id))
        )
    return sorted(rows, key=lambda row: -row.strength)


__all__ = ["PointStrength", "point_strengths", "why"]
