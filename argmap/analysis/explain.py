"""Explanations of the strengths: the thesis verdict, what a node's strength rests on, and the
balance of each dimension.

Numbers alone do not teach. A student needs one sentence saying whether the thesis holds and why,
the single node whose removal would move a given node most (what carries the argument and what
would flip it), and, for "critically examine" answers, how strong each side is in each dimension.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from argmap.analysis.strength import (
    MAX_ROUNDS,
    TOLERANCE,
    Strengths,
    aggregate,
    combine,
    compute_strengths,
    evaluate,
)
from argmap.graph import MapGraph, Side
from argmap.model import ArgumentMap, Kind, RelationType
from argmap.words import counted

#: At or above this strength the thesis "holds" (stands); DF-QuAD's neutral point.
HOLDS_AT = 0.5

#: How a strength reads to a student: the words of the first band whose floor it reaches.
STRENGTH_WORDS = (
    (0.8, "a strong point"),
    (0.6, "a fairly strong point"),
    (0.4, "an evenly balanced point"),
    (0.2, "a weak point"),
    (0.0, "a very weak point"),
)


def strength_words(value: float) -> str:
    """A strength in a student's words: ``a fairly strong point`` for 0.62 (see :data:`STRENGTH_WORDS`)."""
    return next((words for floor, words in STRENGTH_WORDS if value >= floor), STRENGTH_WORDS[-1][1])


def in_ten(value: float) -> str:
    """A strength as a student reads a score: ``about 6 in 10`` for 0.57."""
    return f"about {round(value * 10)} in 10"


@dataclass(frozen=True)
class Verdict:
    """Whether the thesis holds, with the lines for and against it and the sentence that says so.

    ``supporting`` and ``opposing`` are the thesis's direct supporters and attackers;
    ``strongest_objection`` is the strongest attacker; ``unanswered`` lists every counterpoint
    in the map that no rebuttal or recommendation answers. All fields but ``sentence`` are None or
    empty when the map has no thesis.
    """

    thesis: str | None
    strength: float | None
    holds: bool | None
    supporting: tuple[str, ...]
    opposing: tuple[str, ...]
    strongest_objection: str | None
    unanswered: tuple[str, ...]
    sentence: str


@dataclass(frozen=True)
class Influence:
    """What removing ``node`` (and with it its subtree's influence) would do to the target:
    its strength would become ``without``; ``change`` is ``without`` minus the present strength."""

    node: str
    without: float
    change: float


@dataclass(frozen=True)
class DimensionBalance:
    """One dimension (tag): the nodes tagged with it on each side of the thesis and each side's
    strength, F(strengths) over the side's topmost tagged nodes (a tagged node supporting another
    node with the same tag on the same side is already counted through it; one opposing a node
    with the tag argues on the other side, so it counts there). The thesis is on neither side."""

    tag: str
    for_strength: float
    against_strength: float
    for_nodes: tuple[str, ...]
    against_nodes: tuple[str, ...]


def side_words(argument_map: ArgumentMap) -> tuple[str, str]:
    """What the map calls the lines for and against the thesis, in lower case."""
    if argument_map.vocabulary is not None:
        return argument_map.vocabulary.for_.lower(), argument_map.vocabulary.against.lower()
    return "supporting lines", "objections"


def unanswered_counterpoints(argument_map: ArgumentMap, graph: MapGraph | None = None) -> list[str]:
    """Counterpoints (irritants) that no rebuttal or recommendation opposes, in map order."""
    graph = graph or MapGraph.of(argument_map)
    return [
        node_id
        for node_id in graph.ids
        if graph.kind[node_id] is Kind.COUNTERPOINT and not graph.answers(node_id)
    ]


def verdict(argument_map: ArgumentMap, strengths: Strengths | None = None) -> Verdict:
    """The thesis verdict: does it hold, at what strength, on what, against what."""
    strengths = strengths or compute_strengths(argument_map)
    graph = MapGraph.of(argument_map)
    unanswered = tuple(unanswered_counterpoints(argument_map, graph))
    if graph.thesis is None:
        return Verdict(
            None, None, None, (), (), None, unanswered, "The map has no thesis, so there is nothing to judge."
        )
    thesis = graph.thesis
    value = strengths.strength[thesis]
    supporting = tuple(graph.supporters(thesis))
    opposing = tuple(graph.attackers(thesis))
    support = aggregate(strengths.strength[s] for s in supporting)
    attack = aggregate(strengths.strength[a] for a in opposing)
    for_word, against_word = side_words(argument_map)
    # "the case for (convergences: 14 points)" reads right whatever words the map's vocabulary uses
    case_for = f"the case for ({for_word}: {counted(len(supporting), 'point')})"
    case_against = f"the case against ({against_word}: {counted(len(opposing), 'point')})"
    if support > attack:
        weighing = f"{case_for} outweighs {case_against}"
    elif attack > support:
        weighing = f"{case_against} outweighs {case_for}"
    else:
        weighing = f"{case_for} and {case_against} cancel out"
    strongest = max(opposing, key=lambda a: strengths.strength[a], default=None)
    index = argument_map.node_index()
    if strongest is None:
        objection = "nothing opposes it directly"
    else:
        label = index[strongest].display_label
        objection = f"the strongest objection is “{label}” ({strength_words(strengths.strength[strongest])})"
        if strongest in unanswered:
            objection += ", still unanswered"
    holds = value >= HOLDS_AT
    sentence = (
        f"The thesis {'stands' if holds else 'does not stand'} ({in_ten(value)}): {weighing}; {objection}."
    )
    if not strengths.converged:
        sentence += " (A cycle did not settle; its strengths are approximate.)"
    return Verdict(thesis, value, holds, supporting, opposing, strongest, unanswered, sentence)


def sensitivity(
    argument_map: ArgumentMap, node_id: str, strengths: Strengths | None = None
) -> list[Influence]:
    """For one node, how its strength would change if each node below it were removed, largest
    change first (ties in map order). Only nodes with a path up to ``node_id`` can affect it.

    Removing a node removes its own relations, so its whole subtree stops counting through it.
    Only the removed node's ancestors that lie below the target are recomputed, and each of them
    by updating its attack and support products for the children that changed (not by walking
    all its children again), so a ranking for the thesis of a 10,000-node map costs about the sum
    of the path lengths. Ancestors on a cycle are re-iterated to their fixed point instead.
    Raises KeyError naming the node when the map has no such node.
    """
    graph = MapGraph.of(argument_map)
    if node_id not in graph.kind:
        raise KeyError(f"no node {node_id!r} in map {argument_map.title!r}")
    strengths = strengths or compute_strengths(argument_map)
    below = graph.descendants(node_id)
    region = below | {node_id}
    position: dict[str, int] = {}
    for number, component in enumerate(graph.components_leaves_first()):
        for member in component:
            if member in region:
                position[member] = number
    products = {member: _Products.of(graph, strengths, member) for member in region}
    present = strengths.strength[node_id]
    order = {nid: number for number, nid in enumerate(graph.ids)}
    influences: list[Influence] = []
    for removed in below:
        if removed == node_id:
            continue
        affected = sorted(_ancestors_within(graph, removed, region), key=position.__getitem__)
        if strengths.cyclic.isdisjoint(affected):
            without = _without_acyclic(graph, strengths, products, region, removed, affected)[node_id]
        else:
            without = _without_cyclic(graph, strengths, position, removed, affected)[node_id]
        # Round away the last bits of float noise, so nodes without influence tie exactly.
        change = round(without - present, 12)
        influences.append(Influence(removed, without, change))
    influences.sort(key=lambda i: (-abs(i.change), order[i.node]))
    return influences


@dataclass
class _Products:
    """Π(1 − v) over a node's attackers and over its supporters, kept as (product of the
    non-zero factors, count of zero factors) so that one factor can be divided out exactly
    even when a child's strength is 1."""

    attack: list[float]  # [product, zeros]
    support: list[float]

    @classmethod
    def of(cls, graph: MapGraph, strengths: Strengths, node_id: str) -> _Products:
        attack, support = [1.0, 0.0], [1.0, 0.0]
        for child in graph.attackers(node_id):
            _multiply(attack, 1.0 - strengths.strength[child])
        for child in graph.supporters(node_id):
            _multiply(support, 1.0 - strengths.strength[child])
        return cls(attack, support)

    def copy(self) -> _Products:
        return _Products(list(self.attack), list(self.support))

    def strength(self, base: float) -> float:
        attack = 1.0 - (0.0 if self.attack[1] else self.attack[0])
        support = 1.0 - (0.0 if self.support[1] else self.support[0])
        return combine(base, attack, support)


def _multiply(product: list[float], factor: float) -> None:
    if factor == 0.0:
        product[1] += 1
    else:
        product[0] *= factor


def _divide(product: list[float], factor: float) -> None:
    if factor == 0.0:
        product[1] -= 1
    else:
        product[0] /= factor


def _without_acyclic(
    graph: MapGraph,
    strengths: Strengths,
    products: dict[str, _Products],
    region: set[str],
    removed: str,
    affected: list[str],
) -> dict[str, float]:
    """New strengths of ``affected`` (leaves first, none on a cycle) with ``removed`` gone."""
    touched: dict[str, _Products] = {}
    new: dict[str, float] = {}

    def push(child: str, value: float | None) -> None:
        # Replace the child's old factor in each parent's product; None means the child is gone.
        if graph.kind[child] is Kind.CONTEXT:  # context only supports, and never counts
            return
        for parent, relation in graph.parents[child]:
            if parent not in region:
                continue
            if parent not in touched:
                touched[parent] = products[parent].copy()
            product = touched[parent].attack if relation is RelationType.OPPOSES else touched[parent].support
            _divide(product, 1.0 - strengths.strength[child])
            if value is not None:
                _multiply(product, 1.0 - value)

    push(removed, None)
    for member in affected:
        new[member] = (
            touched[member].strength(strengths.base[member])
            if member in touched
            else strengths.strength[member]
        )
        push(member, new[member])
    return new


def _without_cyclic(
    graph: MapGraph, strengths: Strengths, position: dict[str, int], removed: str, affected: list[str]
) -> dict[str, float]:
    """New strengths of ``affected`` with ``removed`` gone, re-iterating cycles among them."""
    groups: dict[int, list[str]] = {}
    for member in affected:
        groups.setdefault(position[member], []).append(member)
    local: dict[str, float] = {}

    def lookup(child: str) -> float | None:
        return local.get(child, strengths.strength[child])

    evaluate(graph, list(groups.values()), strengths.base, local, lookup, MAX_ROUNDS, TOLERANCE, skip=removed)
    return local


def _ancestors_within(graph: MapGraph, start: str, region: set[str]) -> set[str]:
    found: set[str] = set()
    queue = deque(parent for parent, _ in graph.parents[start] if parent in region)
    while queue:
        current = queue.popleft()
        if current in found:
            continue
        found.add(current)
        queue.extend(
            parent for parent, _ in graph.parents[current] if parent in region and parent not in found
        )
    return found


def balance(argument_map: ArgumentMap, strengths: Strengths | None = None) -> list[DimensionBalance]:
    """Per dimension (tag, in the map's tag order), the strength of each side of the thesis.

    Nodes that do not reach the thesis, and context, belong to no side and are left out. A node on
    both sides counts on both. The thesis is what the sides argue about, not a point on either,
    so it is left out even when it carries the tag.
    """
    strengths = strengths or compute_strengths(argument_map)
    graph = MapGraph.of(argument_map)
    node_sides = {
        node_id: side_set for node_id, side_set in graph.sides_reached().items() if node_id != graph.thesis
    }
    tags_of = {node.id: node.tags for node in argument_map.nodes}
    top = _topmost_tagged(graph, node_sides, tags_of)
    result: list[DimensionBalance] = []
    for tag in argument_map.all_tags():
        members: dict[Side, list[str]] = {Side.FOR: [], Side.AGAINST: []}
        counted: dict[Side, list[str]] = {Side.FOR: [], Side.AGAINST: []}
        for node_id in graph.ids:
            if tag not in tags_of[node_id]:
                continue
            for side in node_sides.get(node_id, ()):
                members[side].append(node_id)
                if (node_id, tag, side) in top:
                    counted[side].append(node_id)
        result.append(
            DimensionBalance(
                tag,
                aggregate(strengths.strength[n] for n in counted[Side.FOR]),
                aggregate(strengths.strength[n] for n in counted[Side.AGAINST]),
                tuple(members[Side.FOR]),
                tuple(members[Side.AGAINST]),
            )
        )
    return result


def _topmost_tagged(
    graph: MapGraph, node_sides: dict[str, frozenset[Side]], tags_of: dict[str, list[str]]
) -> set[tuple[str, str, Side]]:
    """(node, tag, side) for each tagged node that no parent on the same side carrying the tag
    already counts.

    Only a parent the node supports counts it: the node's strength then adds to the parent's on
    the parent's side, so evidence tagged "defence" under a claim tagged "defence" is not counted
    twice. A node that opposes its parent argues on the other side, so a counterpoint tagged
    "economy" against a claim (or thesis) tagged "economy" counts against, on its own. Parents
    absent from ``node_sides`` (the thesis, nodes on no side) count nothing.
    """
    top: set[tuple[str, str, Side]] = set()
    for node_id, node_side_set in node_sides.items():
        for tag in tags_of[node_id]:
            for side in node_side_set:
                covered = any(
                    relation is RelationType.SUPPORTS
                    and tag in tags_of[parent]
                    and side in node_sides.get(parent, ())
                    for parent, relation in graph.parents[node_id]
                )
                if not covered:
                    top.add((node_id, tag, side))
    return top
