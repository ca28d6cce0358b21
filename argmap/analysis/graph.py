"""One adjacency index of a map, built once per analysis call, and the walks the analysis needs.

``ArgumentMap.children()`` walks every node on each call, which is fine for a 50-node map and far
too slow for scoring 10,000. Everything in :mod:`argmap.analysis` therefore builds a
:class:`MapGraph` once and walks it: the strongly connected components in leaves-first order (so
strengths are evaluated from the leaves up and cycles are found in the same pass), the nodes that
reach the thesis, and the side of the thesis each node argues on.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import StrEnum

from argmap.model import ArgumentMap, Kind, RelationType


class Side(StrEnum):
    """Which way a node bears on the thesis: for it, or against it."""

    FOR = "for"
    AGAINST = "against"


@dataclass(frozen=True)
class MapGraph:
    """The map's relations indexed both ways. Node ids keep the map's order in ``ids``."""

    ids: tuple[str, ...]
    kind: dict[str, Kind]
    children: dict[str, list[tuple[str, RelationType]]]
    parents: dict[str, list[tuple[str, RelationType]]]
    thesis: str | None

    def supporters(self, node_id: str) -> list[str]:
        """Children that support the node and count for its strength: context only frames the
        question, so it is never a supporter."""
        return [
            child
            for child, relation in self.children[node_id]
            if relation is RelationType.SUPPORTS and self.kind[child] is not Kind.CONTEXT
        ]

    def attackers(self, node_id: str) -> list[str]:
        return [child for child, relation in self.children[node_id] if relation is RelationType.OPPOSES]


def build_graph(argument_map: ArgumentMap) -> MapGraph:
    """Index a (validated) map's relations. Linear in nodes plus relations."""
    ids = tuple(node.id for node in argument_map.nodes)
    children: dict[str, list[tuple[str, RelationType]]] = {node_id: [] for node_id in ids}
    parents: dict[str, list[tuple[str, RelationType]]] = {node_id: [] for node_id in ids}
    for node in argument_map.nodes:
        for relation, parent in node.parents():
            if parent in children:
                children[parent].append((node.id, relation))
                parents[node.id].append((parent, relation))
    thesis = argument_map.thesis()
    return MapGraph(
        ids=ids,
        kind={node.id: node.kind for node in argument_map.nodes},
        children=children,
        parents=parents,
        thesis=thesis.id if thesis else None,
    )


def components_leaves_first(graph: MapGraph) -> list[list[str]]:
    """The strongly connected components along child edges, each after every component below it.

    Iterative Tarjan: it emits a component only once all the components it reaches (its
    children's) are emitted, which is exactly the order DF-QuAD evaluates in. A component of more
    than one node is a cycle.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in graph.ids:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node_id, position = work.pop()
            if position == 0:
                index[node_id] = low[node_id] = counter
                counter += 1
                stack.append(node_id)
                on_stack.add(node_id)
            kids = graph.children[node_id]
            descended = False
            while position < len(kids):
                child = kids[position][0]
                position += 1
                if child not in index:
                    work.append((node_id, position))
                    work.append((child, 0))
                    descended = True
                    break
                if child in on_stack:
                    low[node_id] = min(low[node_id], index[child])
            if descended:
                continue
            if low[node_id] == index[node_id]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node_id:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node_id])
    return components


def find_cycles(argument_map: ArgumentMap, graph: MapGraph | None = None) -> list[list[str]]:
    """One cycle of relations (node ids, child to parent) for each knot of circular reasoning.

    A knot is a strongly connected component of more than one node (or a node related to itself).
    Each is reported once, as the shortest cycle through its first node in map order, however
    many cycles it holds (20,000 claims each supporting the next and the first hold 20,000, and
    listing them all took quadratic time and gigabytes). Knots come in map order. Cycles are legal
    in a map file; the analysis reports them. Linear in nodes plus relations.
    """
    graph = graph or build_graph(argument_map)
    order = {node_id: position for position, node_id in enumerate(graph.ids)}
    cycles = []
    for component in components_leaves_first(graph):
        start = min(component, key=order.__getitem__)
        if len(component) > 1 or any(parent == start for parent, _ in graph.parents[start]):
            cycles.append(_shortest_cycle(graph, start, set(component)))
    return sorted(cycles, key=lambda cycle: order[cycle[0]])


def _shortest_cycle(graph: MapGraph, start: str, knot: set[str]) -> list[str]:
    """The shortest cycle from ``start`` back to itself inside ``knot`` (breadth-first, child to parent)."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for parent, _ in graph.parents[current]:
            if parent == start:
                path = [current]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return path[::-1]
            if parent in knot and parent not in came_from:
                came_from[parent] = current
                queue.append(parent)
    raise AssertionError("a strongly connected component always holds a cycle through each member")


def cycle_text(cycle: list[str], arrow: str = " -> ", shown: int = 12) -> str:
    """A cycle as ``a -> b -> a``; a long one keeps its first and last ids and counts the rest."""
    if len(cycle) <= shown:
        return arrow.join([*cycle, cycle[0]])
    head, tail = cycle[: shown - 2], cycle[-2:]
    return arrow.join([*head, f"… {len(cycle) - shown} more …", *tail, cycle[0]])


def descendants(graph: MapGraph, node_id: str) -> set[str]:
    """Every node with a path of relations up to ``node_id`` (not the node itself unless on a cycle)."""
    seen: set[str] = set()
    queue = deque(child for child, _ in graph.children[node_id])
    while queue:
        current = queue.popleft()
        if current in seen:
            continue
        seen.add(current)
        queue.extend(child for child, _ in graph.children[current] if child not in seen)
    return seen


def sides(graph: MapGraph) -> dict[str, frozenset[Side]]:
    """For each node that reaches the thesis, the side(s) it argues on.

    Walking down from the thesis, a supporting child keeps its parent's side and an opposing child
    takes the other one, so a rebuttal of an irritant argues for the thesis. A node reached both
    ways has two sides. Context frames the question and argues on no side; nodes that do not reach
    the thesis are absent.
    """
    if graph.thesis is None:
        return {}
    found: dict[str, set[Side]] = {graph.thesis: {Side.FOR}}
    queue = deque([(graph.thesis, Side.FOR)])
    while queue:
        node_id, side = queue.popleft()
        for child, relation in graph.children[node_id]:
            if graph.kind[child] is Kind.CONTEXT:
                continue
            child_side = side if relation is RelationType.SUPPORTS else opposite(side)
            seen = found.setdefault(child, set())
            if child_side not in seen:
                seen.add(child_side)
                queue.append((child, child_side))
    return {node_id: frozenset(side_set) for node_id, side_set in found.items()}


def opposite(side: Side) -> Side:
    """The other side."""
    return Side.AGAINST if side is Side.FOR else Side.FOR
