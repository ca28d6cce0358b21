"""One graph view of a map: every question about what hangs below what, and whose side a node is on.

A map file names each node's parents on the node; this module indexes the relations both ways once
(:class:`MapGraph`, linear in nodes plus relations) and answers from the index: the nodes below a
node (:meth:`MapGraph.descendants`, :meth:`MapGraph.subtree`), what deleting a node would orphan
(:meth:`MapGraph.only_below`), the side of every node, what answers a point, the evidence and the
reasons under it, the main points of each side, and the knots of circular reasoning
(:func:`find_cycles`, one iterative Tarjan pass). Every module that walks a map asks here; the
readers of other formats, whose statements have no kinds yet, walk their own draft graphs with
:func:`reach` and :func:`spread`.

**Sides.** The thesis argues ``for``. A node that supports its parent argues on the parent's side,
and a node that opposes its parent on the other side, so a rebuttal of an irritant argues ``for``
and a counterpoint to a convergence ``against``. Context frames the question and argues on no side;
a node with no route up to the thesis is on no side either. A node with several parents can be
reached on both sides (it supports a convergence and an irritant): :meth:`MapGraph.sides_reached`
gives every side its routes put it on (the analysis shows such a node as arguing both ways and the
checks report it). Where one side must be named (whose point it is, in practice), **the nearest
route decides**: the side comes from the parent with the fewest relations between it and the
thesis, and among equally near parents from the one the node names first (its ``supports`` before
its ``opposes``, each in the file's order). :meth:`MapGraph.sides` gives that side, which is always
one of the sides reached.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Kind, Node, RelationType

#: Kinds that make a point (as opposed to evidence backing one, or context framing the question).
POINT_KINDS = frozenset({Kind.CLAIM, Kind.COUNTERPOINT, Kind.REBUTTAL, Kind.RECOMMENDATION})

#: Node id -> (neighbour id, relation) pairs: a map's children or parents, or a reader's drafts.
Adjacency = Mapping[str, Sequence[tuple[str, RelationType]]]


class Side(StrEnum):
    """Which way a node bears on the thesis, or which side a debater takes: ``for`` defends the
    thesis, ``against`` attacks it."""

    FOR = "for"
    AGAINST = "against"

    @property
    def other(self) -> Side:
        return Side.AGAINST if self is Side.FOR else Side.FOR

    def across(self, relation: RelationType) -> Side:
        """The side of a node that bears on a node of this side by ``relation``."""
        return self if relation is RelationType.SUPPORTS else self.other


class UnknownNodeError(ArgmapError):
    """A node id the map does not have."""


def reach(adjacency: Adjacency, start: str) -> set[str]:
    """Every node reached from ``start`` by following ``adjacency`` one or more times (``start``
    itself only when it lies on a cycle). Linear in the nodes and relations reached."""
    seen: set[str] = set()
    queue = deque(target for target, _ in adjacency[start])
    while queue:
        current = queue.popleft()
        if current not in seen:
            seen.add(current)
            queue.extend(target for target, _ in adjacency[current] if target not in seen)
    return seen


def spread(
    adjacency: Adjacency, starts: Iterable[str], visited: set[str]
) -> Iterator[tuple[str, RelationType, str]]:
    """Breadth first from ``starts``: each step ``(from, relation, to)`` onto a node not yet in
    ``visited``, in the adjacency's order, adding it to ``visited``. The starts are marked visited
    as the walk reaches them; a caller that labels nodes as it goes reads the label of ``from``."""
    queue: deque[str] = deque()
    for start in starts:
        visited.add(start)
        queue.append(start)
    while queue:
        current = queue.popleft()
        for target, relation in adjacency[current]:
            if target not in visited:
                visited.add(target)
                queue.append(target)
                yield current, relation, target


@dataclass(frozen=True)
class MapGraph:
    """A map's relations indexed both ways, built by :meth:`of`. ``ids`` keeps the map's order, and
    every list of children or parents is in map order (a node's parents in its own order)."""

    ids: tuple[str, ...]
    node: dict[str, Node]
    kind: dict[str, Kind]
    children: dict[str, list[tuple[str, RelationType]]]
    parents: dict[str, list[tuple[str, RelationType]]]
    thesis: str | None

    @classmethod
    def of(cls, argument_map: ArgumentMap) -> MapGraph:
        """Index a (validated) map's relations. Linear in nodes plus relations; a relation to a
        node the map lacks (in a cut-down view) is left out."""
        ids = tuple(node.id for node in argument_map.nodes)
        children: dict[str, list[tuple[str, RelationType]]] = {node_id: [] for node_id in ids}
        parents: dict[str, list[tuple[str, RelationType]]] = {node_id: [] for node_id in ids}
        for node in argument_map.nodes:
            for relation, parent in node.parents():
                if parent in children:
                    children[parent].append((node.id, relation))
                    parents[node.id].append((parent, relation))
        thesis = argument_map.thesis()
        return cls(
            ids=ids,
            node={node.id: node for node in argument_map.nodes},
            kind={node.id: node.kind for node in argument_map.nodes},
            children=children,
            parents=parents,
            thesis=thesis.id if thesis else None,
        )

    def _known(self, node_id: str) -> str:
        if node_id not in self.kind:
            raise UnknownNodeError(f"there is no node {node_id!r} in this map")
        return node_id

    def _in_map_order(self, found: set[str]) -> list[str]:
        return [node_id for node_id in self.ids if node_id in found]

    # -- below a node ------------------------------------------------------------------------
    def descendants(self, node_id: str) -> set[str]:
        """Every other node with a path of relations up to ``node_id`` (never the node itself)."""
        return reach(self.children, self._known(node_id)) - {node_id}

    def subtree(self, node_id: str) -> list[str]:
        """``node_id`` and every node below it, in map order (for focusing a view on a branch)."""
        return self._in_map_order(self.descendants(node_id) | {node_id})

    def only_below(self, node_id: str) -> list[str]:
        """The nodes below ``node_id`` that hang from nothing else, in map order: what deleting it
        would orphan. A node goes when every one of its parents goes."""
        doomed = {self._known(node_id)}
        queue = deque([node_id])
        while queue:
            for child, _ in self.children[queue.popleft()]:
                if child not in doomed and all(parent in doomed for parent, _ in self.parents[child]):
                    doomed.add(child)
                    queue.append(child)
        return self._in_map_order(doomed - {node_id})

    def supporters(self, node_id: str) -> list[str]:
        """Children that support the node and count for its strength: context only frames the
        question, so it is never a supporter."""
        return [
            child
            for child, relation in self.children[node_id]
            if relation is RelationType.SUPPORTS and self.kind[child] is not Kind.CONTEXT
        ]

    def attackers(self, node_id: str) -> list[str]:
        """Children that oppose the node."""
        return [child for child, relation in self.children[node_id] if relation is RelationType.OPPOSES]

    def below(self, node_id: str, kinds: Iterable[Kind], relation: RelationType | None = None) -> list[Node]:
        """The children of these kinds (by ``relation``, or either), in map order."""
        wanted = frozenset(kinds)
        return [
            self.node[child]
            for child, rel in self.children[self._known(node_id)]
            if self.kind[child] in wanted and (relation is None or rel is relation)
        ]

    def answers(self, node_id: str) -> list[Node]:
        """The points that oppose a node, in map order: what answers a counterpoint (its rebuttals
        and the recommendations that ease it), or the counterpoints raised against a claim."""
        return self.below(node_id, POINT_KINDS, RelationType.OPPOSES)

    def evidence(self, node_id: str) -> list[Node]:
        """The evidence that supports a node, in map order."""
        return self.below(node_id, (Kind.EVIDENCE,), RelationType.SUPPORTS)

    def reasons(self, node_id: str) -> list[Node]:
        """The points that support a node (its sub-claims and supporting recommendations)."""
        return self.below(node_id, POINT_KINDS, RelationType.SUPPORTS)

    def main_points(self, side: Side | str) -> list[Node]:
        """A side's main points, in map order: the claims supporting the thesis for ``for``, the
        counterpoints opposing it for ``against``; none when the map has no thesis."""
        if self.thesis is None:
            return []
        if Side(side) is Side.FOR:
            return self.below(self.thesis, (Kind.CLAIM,), RelationType.SUPPORTS)
        return self.below(self.thesis, (Kind.COUNTERPOINT,), RelationType.OPPOSES)

    # -- sides -------------------------------------------------------------------------------
    def sides_reached(self) -> dict[str, frozenset[Side]]:
        """For each node with a route up to the thesis, every side its routes put it on (one, or
        both for a node that argues both ways). Context and nodes off the thesis are absent."""
        if self.thesis is None:
            return {}
        found: dict[str, set[Side]] = {self.thesis: {Side.FOR}}
        queue = deque([(self.thesis, Side.FOR)])
        while queue:
            node_id, side = queue.popleft()
            for child, relation in self.children[node_id]:
                if self.kind[child] is Kind.CONTEXT:
                    continue
                child_side = side.across(relation)
                seen = found.setdefault(child, set())
                if child_side not in seen:
                    seen.add(child_side)
                    queue.append((child, child_side))
        return {node_id: frozenset(side_set) for node_id, side_set in found.items()}

    def sides(self) -> dict[str, Side]:
        """The one side each node with a route up to the thesis argues on, by the module's rule:
        the nearest route decides, and among equally near parents the one the node names first.
        Context and nodes off the thesis are absent."""
        if self.thesis is None:
            return {}
        depth = {self.thesis: 0}
        order = [self.thesis]
        for _, _, child in spread(self.children, [self.thesis], {self.thesis, *self._context()}):
            order.append(child)
        for node_id in order[1:]:
            # spread reaches a node first from one of its nearest parents, so the depths are set
            # in order; the nearest parents are those one step nearer than the node itself
            depth[node_id] = 1 + min(depth[p] for p, _ in self.parents[node_id] if p in depth)
        found = {self.thesis: Side.FOR}
        for node_id in order[1:]:
            nearest = depth[node_id] - 1
            parent, relation = next((p, r) for p, r in self.parents[node_id] if depth.get(p) == nearest)
            found[node_id] = found[parent].across(relation)
        return found

    def _context(self) -> set[str]:
        return {node_id for node_id, kind in self.kind.items() if kind is Kind.CONTEXT}

    # -- cycles ------------------------------------------------------------------------------
    def components_leaves_first(self) -> list[list[str]]:
        """The strongly connected components along child edges, each after every component below it.

        Iterative Tarjan: it emits a component only once all the components it reaches (its
        children's) are emitted, which is exactly the order DF-QuAD evaluates in. A component of
        more than one node is a cycle.
        """
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        on_stack: set[str] = set()
        stack: list[str] = []
        components: list[list[str]] = []
        counter = 0
        for root in self.ids:
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
                kids = self.children[node_id]
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

    def cycles(self) -> list[list[str]]:
        """One cycle of relations (node ids, child to parent) for each knot of circular reasoning.

        A knot is a strongly connected component of more than one node (or a node related to
        itself). Each is reported once, as the shortest cycle through its first node in map order,
        however many cycles it holds (20,000 claims each supporting the next and the first hold
        20,000, and listing them all took quadratic time and gigabytes). Knots come in map order.
        Cycles are legal in a map file; the analysis reports them. Linear in nodes plus relations.
        """
        order = {node_id: position for position, node_id in enumerate(self.ids)}
        found = []
        for component in self.components_leaves_first():
            start = min(component, key=order.__getitem__)
            if len(component) > 1 or any(parent == start for parent, _ in self.parents[start]):
                found.append(self._shortest_cycle(start, set(component)))
        return sorted(found, key=lambda cycle: order[cycle[0]])

    def _shortest_cycle(self, start: str, knot: set[str]) -> list[str]:
        """The shortest cycle from ``start`` back to itself inside ``knot`` (breadth first, child
        to parent)."""
        came_from: dict[str, str] = {}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for parent, _ in self.parents[current]:
                if parent == start:
                    path = [current]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return path[::-1]
                if parent in knot and parent not in came_from:
                    came_from[parent] = current
                    queue.append(parent)
        raise AssertionError("a strongly connected component always holds a cycle through each member")


def find_cycles(argument_map: ArgumentMap, graph: MapGraph | None = None) -> list[list[str]]:
    """:meth:`MapGraph.cycles` of a map (pass ``graph`` when one is already built)."""
    return (graph or MapGraph.of(argument_map)).cycles()


def cycle_text(cycle: list[str], arrow: str = " -> ", shown: int = 12) -> str:
    """A cycle as ``a -> b -> a``; a long one keeps its first and last ids and counts the rest."""
    if len(cycle) <= shown:
        return arrow.join([*cycle, cycle[0]])
    head, tail = cycle[: shown - 2], cycle[-2:]
    return arrow.join([*head, f"… {len(cycle) - shown} more …", *tail, cycle[0]])


__all__ = [
    "POINT_KINDS",
    "Adjacency",
    "MapGraph",
    "Side",
    "UnknownNodeError",
    "cycle_text",
    "find_cycles",
    "reach",
    "spread",
]
