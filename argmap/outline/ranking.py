"""The map read once for an outline: children per parent, strengths, the sides of the thesis.

The sides: the thesis's supporters (claims for it: *convergences*) against its attackers
(counterpoints against it or against one of its claims: *irritants*). An irritant's answers are
the rebuttals and recommendations that oppose it; recommendations that support the thesis or a
claim are the way forward; context nodes feed the introduction. The relations are read from
one :class:`~argmap.graph.MapGraph`. Ranking is by the student's
priority (key, normal, minor), then by DF-QuAD strength from
:func:`argmap.analysis.compute_strengths`; points that tie in strength keep the one with more
evidence under it first, then the map's (the note's) order.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.analysis import compute_strengths
from argmap.analysis.explain import strength_words
from argmap.graph import MapGraph
from argmap.model import ArgumentMap, Kind, Node, Priority, RelationType

_PRIORITY_RANK = {Priority.KEY: 0, Priority.NORMAL: 1, Priority.MINOR: 2}


def unique_nodes(nodes: Iterable[Node]) -> list[Node]:
    """The nodes without repeats (a node may hang under two parents), first occurrence kept."""
    return list({node.id: node for node in reversed(list(nodes))}.values())[::-1]


class MapIndex:
    """The map read once: children per parent, strengths, the two sides of the thesis."""

    def __init__(self, argument_map: ArgumentMap):
        self.map = argument_map
        self.graph = MapGraph.of(argument_map)
        self.nodes = self.graph.node
        self.strengths = compute_strengths(argument_map, graph=self.graph)  # the map indexed once
        self.strength = self.strengths.strength
        self.thesis = argument_map.thesis()
        self.order = {node.id: position for position, node in enumerate(argument_map.nodes)}
        self._ranks: dict[str, tuple[int, float, int, int]] = {}

    def strongest_first(self, nodes: Iterable[Node]) -> list[Node]:
        """Key points first and minor ones last; within a priority the stronger first; points of
        the same strength (to two places) by the evidence under them, then in the map's order."""
        return sorted(nodes, key=self.rank)

    def rank(self, node: Node) -> tuple[int, float, int, int]:
        """The sort key of :meth:`strongest_first` (worked out once per node: an outline sorts the
        same points for several sections)."""
        key = self._ranks.get(node.id)
        if key is None:
            evidence = len(self.graph.below(node.id, (Kind.EVIDENCE,)))
            key = (
                _PRIORITY_RANK[node.priority or Priority.NORMAL],
                -round(self.strength.get(node.id, 0.0), 2),
                -evidence,
                self.order[node.id],
            )
            self._ranks[node.id] = key
        return key

    def standing(self, node: Node) -> str:
        """What ranked the node where it is, in a reader's words: ``a fairly strong point`` (0.62),
        ``a strong point, marked key`` (a key point at 0.88)."""
        words = strength_words(self.strength.get(node.id, 0.0))
        priority = node.priority or Priority.NORMAL
        return words if priority is Priority.NORMAL else f"{words}, marked {priority.value}"

    def roots(self, kind: Kind) -> list[Node]:
        return [
            node for node in self.map.nodes if node.kind is kind and not node.supports and not node.opposes
        ]

    def supporters(self) -> list[Node]:
        """Convergences: claims for the thesis (top-level claims when there is no thesis)."""
        if self.thesis is None:
            return self.roots(Kind.CLAIM)
        return self.graph.below(self.thesis.id, (Kind.CLAIM,), RelationType.SUPPORTS)

    def attackers(self) -> list[Node]:
        """Irritants: counterpoints against the thesis or against one of its claims."""
        if self.thesis is None:
            return self.roots(Kind.COUNTERPOINT)
        found = self.graph.below(self.thesis.id, (Kind.COUNTERPOINT,), RelationType.OPPOSES)
        for claim in self.supporters():
            found += self.graph.below(claim.id, (Kind.COUNTERPOINT,), RelationType.OPPOSES)
        return unique_nodes(found)

    def way_forward(self, remedies: bool = False, fallback: bool = True) -> list[Node]:
        """Recommendations for the thesis or its claims; with ``remedies``, also those that answer an
        irritant (and, with ``fallback``, when there are no others: they are the way forward then)."""
        parents = [self.thesis, *self.supporters()] if self.thesis else self.supporters()
        found = [
            r
            for p in parents
            if p
            for r in self.graph.below(p.id, (Kind.RECOMMENDATION,), RelationType.SUPPORTS)
        ]
        if remedies or (fallback and not found):
            found += [r for c in self.attackers() for r in self.graph.below(c.id, (Kind.RECOMMENDATION,))]
        return unique_nodes(found)

    def context(self) -> list[Node]:
        """Context nodes at the top: attached to the thesis or to nothing."""
        top = [node for node in self.roots(Kind.CONTEXT)]
        if self.thesis is not None:
            top += self.graph.below(self.thesis.id, (Kind.CONTEXT,))
        return sorted(unique_nodes(top), key=lambda node: self.order[node.id])


__all__ = ["MapIndex", "unique_nodes"]
