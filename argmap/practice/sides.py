"""Which side each node of a map argues for, and what answers what.

Practice is always from a side: the case file, the drills and the flow sheet all ask "whose point is
this, and what does the map say back to it?". The answer comes from the relations alone: the thesis
argues ``for``; a node that supports a parent argues for the same side as the parent, and a node that
opposes a parent argues for the other side. So a rebuttal of an irritant argues ``for`` and a
counterpoint to a convergence argues ``against``.
"""

from __future__ import annotations

from collections import deque

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Kind, Node, RelationType
from argmap.practice.formats import Side

#: Kinds that make a point (as opposed to evidence backing one, or context framing the question).
POINT_KINDS = frozenset({Kind.CLAIM, Kind.COUNTERPOINT, Kind.REBUTTAL, Kind.RECOMMENDATION})


class PracticeError(ArgmapError):
    """A map that cannot be practised as asked: no thesis, no items for a drill mode."""


def require_thesis(argument_map: ArgumentMap) -> Node:
    """The map's thesis; raises PracticeError when it has none, since sides are taken on it."""
    thesis = argument_map.thesis()
    if thesis is None:
        raise PracticeError(
            f"map {argument_map.title!r} has no thesis, so it has no sides to practise; add a thesis node"
        )
    return thesis


def sides_of(argument_map: ArgumentMap) -> dict[str, Side]:
    """The side each node reached from the thesis argues for. Nodes not connected to the thesis, and
    context, are left out. A node with several parents takes the side of the first path found
    (breadth first, in map order), so the nearest parent decides."""
    thesis = argument_map.thesis()
    if thesis is None:
        return {}
    sides = {thesis.id: Side.FOR}
    queue = deque([thesis.id])
    while queue:
        parent = queue.popleft()
        for relation, child in argument_map.children(parent):
            if child.id in sides or child.kind is Kind.CONTEXT:
                continue
            same = relation.type is RelationType.SUPPORTS
            sides[child.id] = sides[parent] if same else sides[parent].other
            queue.append(child.id)
    return sides


def answers_to(argument_map: ArgumentMap, node_id: str) -> list[Node]:
    """The points that oppose a node (counterpoints, rebuttals, recommendations), in map order."""
    return answers_index(argument_map).get(node_id, [])


def answers_index(argument_map: ArgumentMap) -> dict[str, list[Node]]:
    """:func:`answers_to` for every node at once, in one pass over the map (for callers that ask
    about many nodes of a big map)."""
    index: dict[str, list[Node]] = {}
    for node in argument_map.nodes:
        if node.kind in POINT_KINDS:
            for parent in dict.fromkeys(node.opposes):
                index.setdefault(parent, []).append(node)
    return index


def evidence_for(argument_map: ArgumentMap, node_id: str) -> list[Node]:
    """The evidence that supports a node, in map order."""
    return [
        child
        for relation, child in argument_map.children(node_id)
        if relation.type is RelationType.SUPPORTS and child.kind is Kind.EVIDENCE
    ]


def reasons_for(argument_map: ArgumentMap, node_id: str) -> list[Node]:
    """The points that support a node (its sub-claims and supporting recommendations)."""
    return [
        child
        for relation, child in argument_map.children(node_id)
        if relation.type is RelationType.SUPPORTS and child.kind in POINT_KINDS
    ]


def main_points(argument_map: ArgumentMap, side: Side | str) -> list[Node]:
    """A side's main points, in map order: the claims supporting the thesis for ``for``, the
    counterpoints opposing it for ``against``. Raises PracticeError when the map has no thesis."""
    thesis = require_thesis(argument_map)
    side = Side(side)
    wanted = (
        (RelationType.SUPPORTS, Kind.CLAIM) if side is Side.FOR else (RelationType.OPPOSES, Kind.COUNTERPOINT)
    )
    return [
        child for relation, child in argument_map.children(thesis.id) if (relation.type, child.kind) == wanted
    ]
