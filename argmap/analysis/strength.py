"""DF-QuAD argument strength: how strong each node is, computed from the structure of the map.

DF-QuAD (Rago, Toni, Aurisicchio and Baroni, KR 2016) gives every node a base score τ in [0, 1]
and combines it with its children: the strengths of its attackers (children that oppose it) are
aggregated into va and those of its supporters (children that support it) into vs, both with
F(v1..vn) = 1 − Π(1 − vi) (F of nothing = 0). Then

    strength = τ − τ·(va − vs)          when va ≥ vs
    strength = τ + (1 − τ)·(vs − va)    otherwise

so a node with no children keeps its base score, and strengths are evaluated from the leaves up.
Context frames the question and is never a supporter: it does not change any strength.

Base scores: a node's own ``score`` when set, else :data:`KIND_BASE` by kind; evidence without a
score takes :data:`EVIDENCE_BASE` by basis and by whether it cites a source. Verifiable, sourced
records (statistics, facts, agreements) start highest; unsourced items start lower, because a
fact without a source is only a claim about a fact; common knowledge needs no source.

Cycles are legal in a map file. Nodes on a cycle are evaluated by iteration to a fixed point:
starting from their base scores, each round recomputes every node of the cycle from the latest
values, until no strength moves by more than ``tolerance`` or ``max_rounds`` rounds have run.
When that happens the result says ``converged=False`` and lists the nodes in ``unconverged``; their
strengths are the last round's values and must not be trusted (``argmap score`` says so).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from argmap.graph import MapGraph
from argmap.model import ArgumentMap, Basis, Kind, Node

#: Base score of a node without its own ``score``, by kind (evidence: see EVIDENCE_BASE).
KIND_BASE: dict[Kind, float] = {
    Kind.THESIS: 0.5,
    Kind.CLAIM: 0.5,
    Kind.COUNTERPOINT: 0.5,
    Kind.REBUTTAL: 0.5,
    Kind.EVIDENCE: 0.5,
    Kind.RECOMMENDATION: 0.5,
    Kind.CONTEXT: 0.5,
}

#: Evidence base score by basis: (with at least one source, without a source).
EVIDENCE_BASE: dict[Basis | None, tuple[float, float]] = {
    Basis.STATISTIC: (0.8, 0.5),
    Basis.FACT: (0.8, 0.5),
    Basis.AGREEMENT: (0.8, 0.55),
    Basis.EVENT: (0.75, 0.5),
    Basis.PUBLICATION: (0.75, 0.45),
    Basis.EXPERT_OPINION: (0.7, 0.4),
    Basis.EXAMPLE: (0.65, 0.45),
    Basis.QUOTE: (0.6, 0.35),
    Basis.COMMON_KNOWLEDGE: (0.6, 0.6),
    None: (0.6, 0.4),
}

MAX_ROUNDS = 200
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Strengths:
    """Every node's base score and DF-QuAD strength, keyed by node id.

    ``rounds`` is the number of evaluation rounds the slowest part of the map needed: 1 for a map
    without cycles (one pass from the leaves up), more when a cycle was iterated. ``cyclic`` holds
    the nodes on a cycle; ``unconverged`` those whose cycle did not settle within the round limit
    (``converged`` is False exactly when it is not empty).
    """

    base: dict[str, float]
    strength: dict[str, float]
    converged: bool
    rounds: int
    cyclic: frozenset[str] = frozenset()
    unconverged: frozenset[str] = frozenset()


def base_score(node: Node) -> float:
    """The node's base score τ: its own score, else the default for its kind (and basis, sources)."""
    if node.score is not None:
        return node.score
    if node.kind is Kind.EVIDENCE:
        with_source, without_source = EVIDENCE_BASE[node.basis]
        return with_source if node.sources else without_source
    return KIND_BASE[node.kind]


def aggregate(values: Iterable[float]) -> float:
    """F(v1..vn) = 1 − Π(1 − vi): the combined strength of a group of attackers or supporters."""
    remaining = 1.0
    for value in values:
        remaining *= 1.0 - value
    return 1.0 - remaining


def combine(base: float, attack: float, support: float) -> float:
    """DF-QuAD's combination of a base score with aggregated attack and support."""
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def compute_strengths(
    argument_map: ArgumentMap,
    *,
    max_rounds: int = MAX_ROUNDS,
    tolerance: float = TOLERANCE,
    graph: MapGraph | None = None,
) -> Strengths:
    """Base score and DF-QuAD strength of every node of the map (see the module docstring);
    ``graph``, when the caller has indexed the map already, is its :class:`MapGraph`.

    Linear in nodes plus relations for a map without cycles. Never raises for a valid map; a cycle
    that does not settle within ``max_rounds`` is reported through ``converged``/``unconverged``.
    """
    graph = graph if graph is not None else MapGraph.of(argument_map)
    base = {node.id: base_score(node) for node in argument_map.nodes}
    strength: dict[str, float] = {}
    rounds, cyclic, unconverged = evaluate(
        graph, graph.components_leaves_first(), base, strength, strength.get, max_rounds, tolerance
    )
    ordered = {node_id: strength[node_id] for node_id in graph.ids}
    return Strengths(base, ordered, not unconverged, rounds, frozenset(cyclic), frozenset(unconverged))


def evaluate(
    graph: MapGraph,
    components: list[list[str]],
    base: Mapping[str, float],
    out: dict[str, float],
    lookup: Callable[[str], float | None],
    max_rounds: int,
    tolerance: float,
    skip: str | None = None,
) -> tuple[int, set[str], set[str]]:
    """Evaluate ``components`` (leaves first) into ``out``; ``lookup`` gives a child's strength
    (from ``out`` or an earlier result). ``skip`` names a node whose influence is left out, as
    though it were removed. Returns (rounds of the slowest component, cyclic, unconverged nodes)."""

    def value_of(node_id: str) -> float:
        child_strength = lookup(node_id)
        return base[node_id] if child_strength is None else child_strength

    def strength_of(node_id: str) -> float:
        attack = aggregate(value_of(c) for c in graph.attackers(node_id) if c != skip)
        support = aggregate(value_of(c) for c in graph.supporters(node_id) if c != skip)
        return combine(base[node_id], attack, support)

    rounds = 1
    cyclic: set[str] = set()
    unconverged: set[str] = set()
    for component in components:
        if len(component) == 1:
            out[component[0]] = strength_of(component[0])
            continue
        cyclic.update(component)
        # Members start from their base scores (value_of falls back to base until set).
        used = 0
        for used in range(1, max_rounds + 1):  # noqa: B007 - the last value is the rounds used
            moved = 0.0
            for node_id in component:
                new = strength_of(node_id)
                moved = max(moved, abs(new - out.get(node_id, base[node_id])))
                out[node_id] = new
            if moved <= tolerance:
                break
        else:
            unconverged.update(component)
        rounds = max(rounds, used)
    return rounds, cyclic, unconverged
