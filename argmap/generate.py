"""Synthetic argument maps of any size, for benchmarks and tests.

Real maps are few and small (the seed map has about fifty nodes), yet the renderer, the analysis
and the outline builders must stay quick on maps of thousands. :func:`generate_map` makes a valid
map of exactly ``nodes`` nodes that looks like a real one: one thesis, a little context, claims and
counterpoints at several depths, rebuttals under counterpoints, evidence with a basis and sources,
recommendations that answer counterpoints or advance claims, 5–12 dimension tags that children
mostly inherit from their parents, and readable sentences. The same ``(nodes, seed)`` always gives
the same map, so benchmark figures can be compared run to run and tests can name a seed.

It uses only :mod:`random.Random` seeded by the caller and never the global random state, so it
is deterministic across runs and does not disturb other code.
"""

from __future__ import annotations

import random

from argmap.model import ArgumentMap, Basis, Directive, Kind, Node, RelationType, Source, Vocabulary

#: Dimension tag -> (topic phrase, concrete mechanism phrases). Phrases fill the sentence templates.
DIMENSIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "defence": (
        "defence co-operation",
        ("joint production of spares", "military exercises", "licensed manufacture"),
    ),
    "nuclear-energy": (
        "civil nuclear energy",
        ("new reactor units", "fuel supply contracts", "a nuclear liability deal"),
    ),
    "economy": (
        "trade and investment",
        ("a rupee-rouble payment channel", "an investment treaty", "a trade target"),
    ),
    "energy": ("energy security", ("discounted crude purchases", "LNG contracts", "stakes in oil fields")),
    "space": (
        "space co-operation",
        ("astronaut training", "satellite navigation links", "joint launch missions"),
    ),
    "counter-terrorism": (
        "counter-terrorism",
        ("intelligence sharing", "joint working groups", "a shared terror list"),
    ),
    "strategic": (
        "strategic balance",
        ("summit-level dialogue", "a 2+2 ministerial format", "backing in the UN"),
    ),
    "multilateral": ("multilateral forums", ("BRICS coordination", "SCO membership", "G20 positions")),
    "connectivity": (
        "connectivity",
        ("the North-South Transport Corridor", "the Chennai-Vladivostok route", "Arctic shipping"),
    ),
    "technology": (
        "technology transfer",
        ("co-development of missiles", "semiconductor research", "cyber norms"),
    ),
    "culture": ("people-to-people ties", ("student exchanges", "film co-productions", "tourism visas")),
    "climate": (
        "climate and Arctic issues",
        ("polar research stations", "green hydrogen pilots", "forest carbon projects"),
    ),
}

_ACTORS = ("India", "Russia", "New Delhi", "Moscow", "Both governments", "Indian industry", "Russian firms")

_TEMPLATES: dict[Kind, tuple[str, ...]] = {
    Kind.CLAIM: (
        "{actor} gains from {topic} because {mechanism} keeps the partnership practical.",
        "Deeper {topic} through {mechanism} gives the relationship a stable core.",
        "Progress on {mechanism} shows that {topic} still delivers for both sides.",
        "{actor} relies on {topic}; {mechanism} keep that reliance durable.",
    ),
    Kind.COUNTERPOINT: (
        "Delays in {mechanism} weaken confidence in {topic}.",
        "{actor} is hedging, so {topic} may matter less than it once did.",
        "Sanctions and payment problems stall {mechanism} and strain {topic}.",
        "Closer ties with rival partners make {topic} look less central to {actor}.",
    ),
    Kind.REBUTTAL: (
        "The delays are procedural; {mechanism} has continued despite them.",
        "Hedging is normal diplomacy, and {topic} has survived it before.",
        "Workarounds such as {mechanism} have already eased the problem.",
        "{actor} still chooses {topic} when the stakes are highest.",
    ),
    Kind.EVIDENCE: (
        "Official figures show {mechanism} grew steadily over the last five years.",
        "A joint statement at the last summit committed both sides to {mechanism}.",
        "Analysts point to {mechanism} as the clearest sign of {topic}.",
        "In one recent case, {mechanism} went ahead on schedule.",
    ),
    Kind.RECOMMENDATION: (
        "Set up {mechanism} with fixed timelines to protect {topic}.",
        "Diversify {topic} by adding {mechanism} alongside existing deals.",
        "Create a standing review of {mechanism} at the annual summit.",
        "Use {mechanism} to give {topic} a commercial, not only political, base.",
    ),
    Kind.CONTEXT: (
        "The annual summit renewed attention to {topic} and to {mechanism}.",
        "Shifts in the global order have changed how {actor} sees {topic}.",
    ),
}

_PUBLISHERS = (
    "Ministry of External Affairs",
    "The Hindu",
    "Observer Research Foundation",
    "TASS",
    "PIB",
    "IDSA",
)

#: Relative weights of the kinds that follow the thesis and the context.
_KIND_WEIGHTS: tuple[tuple[Kind, float], ...] = (
    (Kind.CLAIM, 0.25),
    (Kind.COUNTERPOINT, 0.15),
    (Kind.REBUTTAL, 0.12),
    (Kind.EVIDENCE, 0.36),
    (Kind.RECOMMENDATION, 0.12),
)
_MAX_DEPTH = 6  # below this, trees read like real notes; deeper chains are rare in practice
_ID_PREFIX = {
    Kind.CLAIM: "claim",
    Kind.COUNTERPOINT: "counter",
    Kind.REBUTTAL: "rebuttal",
    Kind.EVIDENCE: "evidence",
    Kind.RECOMMENDATION: "rec",
    Kind.CONTEXT: "context",
}


def generate_map(nodes: int, seed: int = 0) -> ArgumentMap:
    """A valid synthetic map of exactly ``nodes`` nodes; the same arguments give the same map.

    Raises ValueError when ``nodes`` is less than 1.
    """
    if nodes < 1:
        raise ValueError(f"a map needs at least 1 node, not {nodes}")
    return _Builder(nodes, random.Random(seed)).build(seed)


class _Builder:
    """Grows the map one node at a time, each attached to an earlier node its kind may point to."""

    def __init__(self, size: int, rng: random.Random):
        self.size = size
        self.rng = rng
        self.tags = rng.sample(sorted(DIMENSIONS), rng.randint(5, min(12, len(DIMENSIONS))))
        self.nodes: list[Node] = []
        self.depth: dict[str, int] = {}
        self.tag_of: dict[str, str] = {}
        self.by_kind: dict[Kind, list[str]] = {kind: [] for kind in Kind}

    def build(self, seed: int) -> ArgumentMap:
        thesis = Node(
            id="thesis",
            kind=Kind.THESIS,
            label="The partnership remains strong",
            text="Despite differences, the partnership remains strong because its core interests still converge.",
        )
        self._add(thesis, depth=0, tag="")
        context_count = min(self.size - 1, max(1, self.size // 25)) if self.size > 1 else 0
        for _ in range(context_count):
            self._add_child(Kind.CONTEXT)
        while len(self.nodes) < self.size:
            self._add_child(self._pick_kind())
        return ArgumentMap(
            title=f"Synthetic map ({self.size} nodes, seed {seed})",
            question="Critically examine the state of the partnership despite recent differences.",
            directive=Directive.CRITICALLY_EXAMINE,
            tags=list(self.tags),
            vocabulary=Vocabulary(**{"for": "Convergences", "against": "Irritants"}),
            conclusion="The partnership endures where interests converge; managing the irritants keeps it so.",
            nodes=self.nodes,
        )

    def _pick_kind(self) -> Kind:
        kinds, weights = zip(*_KIND_WEIGHTS, strict=True)
        kind: Kind = self.rng.choices(kinds, weights)[0]
        if kind in (Kind.REBUTTAL, Kind.RECOMMENDATION) and not self._open(Kind.COUNTERPOINT):
            return Kind.COUNTERPOINT
        if kind is Kind.EVIDENCE and len(self.nodes) < 4:
            return Kind.CLAIM  # evidence needs arguments to back first
        return kind

    def _open(self, *kinds: Kind) -> list[str]:
        """Ids of nodes of these kinds shallow enough to take another child."""
        return [
            node_id for kind in kinds for node_id in self.by_kind[kind] if self.depth[node_id] < _MAX_DEPTH
        ]

    def _choose_parent(self, kind: Kind) -> tuple[RelationType, str]:
        rng = self.rng
        if kind is Kind.CONTEXT:
            return RelationType.SUPPORTS, "thesis"
        if kind is Kind.CLAIM:
            # Most claims sit directly under the thesis (the essay's body paragraphs).
            if rng.random() < 0.45:
                return RelationType.SUPPORTS, "thesis"
            return RelationType.SUPPORTS, self._pick(self._open(Kind.CLAIM, Kind.REBUTTAL), "thesis")
        if kind is Kind.COUNTERPOINT:
            if rng.random() < 0.4:
                return RelationType.OPPOSES, "thesis"
            return RelationType.OPPOSES, self._pick(self._open(Kind.CLAIM, Kind.RECOMMENDATION), "thesis")
        if kind is Kind.REBUTTAL:
            return RelationType.OPPOSES, self._pick(self._open(Kind.COUNTERPOINT), "")
        if kind is Kind.RECOMMENDATION:
            if rng.random() < 0.75:
                return RelationType.OPPOSES, self._pick(self._open(Kind.COUNTERPOINT), "")
            return RelationType.SUPPORTS, self._pick(self._open(Kind.CLAIM), "thesis")
        # Evidence: mostly backs a point; sometimes it undercuts a claim.
        parent = self._pick(
            self._open(Kind.CLAIM, Kind.COUNTERPOINT, Kind.REBUTTAL, Kind.RECOMMENDATION), "thesis"
        )
        relation = RelationType.OPPOSES if rng.random() < 0.12 else RelationType.SUPPORTS
        return relation, parent

    def _pick(self, candidates: list[str], fallback: str) -> str:
        return self.rng.choice(candidates) if candidates else fallback

    def _add_child(self, kind: Kind) -> None:
        relation, parent = self._choose_parent(kind)
        index = len(self.nodes)
        inherited = self.tag_of.get(parent, "")
        tag = inherited if inherited and self.rng.random() < 0.85 else self.rng.choice(self.tags)
        topic, mechanisms = DIMENSIONS[tag]
        mechanism = self.rng.choice(mechanisms)
        text = self.rng.choice(_TEMPLATES[kind]).format(
            actor=self.rng.choice(_ACTORS), topic=topic, mechanism=mechanism
        )
        text = text[0].upper() + text[1:]
        fields: dict = {
            "id": f"{_ID_PREFIX[kind]}-{index}",
            "kind": kind,
            "text": text,
            "supports": [parent] if relation is RelationType.SUPPORTS else [],
            "opposes": [parent] if relation is RelationType.OPPOSES else [],
        }
        if kind is not Kind.CONTEXT:
            fields["tags"] = [tag]
            if self.rng.random() < 0.6:
                fields["label"] = mechanism[0].upper() + mechanism[1:]
            if self.rng.random() < 0.2:
                fields["score"] = round(self.rng.uniform(0.3, 0.9), 2)
        if kind is Kind.EVIDENCE:
            fields["basis"] = self.rng.choice(list(Basis))
            fields["sources"] = [
                Source(
                    title=f"Report on {self.rng.choice(mechanisms)} ({2015 + self.rng.randrange(10)})",
                    publisher=self.rng.choice(_PUBLISHERS),
                )
                for _ in range(self.rng.choice((0, 1, 1, 1, 2, 2, 3)))
            ]
        self._add_second_parent(kind, relation, parent, fields)
        self._add(Node(**fields), depth=self.depth[parent] + 1, tag=tag if kind is not Kind.CONTEXT else "")

    def _add_second_parent(self, kind: Kind, relation: RelationType, parent: str, fields: dict) -> None:
        """A few claims and pieces of evidence back two points, as in real maps."""
        if kind not in (Kind.CLAIM, Kind.EVIDENCE) or relation is not RelationType.SUPPORTS:
            return
        if self.rng.random() >= 0.04:
            return
        others = [c for c in self._open(Kind.CLAIM) if c != parent]
        if others:
            fields["supports"].append(self.rng.choice(others))

    def _add(self, node: Node, depth: int, tag: str) -> None:
        self.nodes.append(node)
        self.depth[node.id] = depth
        self.tag_of[node.id] = tag
        self.by_kind[node.kind].append(node.id)
