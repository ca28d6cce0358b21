"""The parts of the map's model that need no pydantic: the enumerations, derived labels, relations,
rule problems, the rules check and the queries a map and its nodes answer.

:mod:`argmap.model` builds its validated pydantic classes on these, and :mod:`argmap.model_plain`
builds plain read-only ones on the same, so that the command line can draw a map it read before
(its parsed-map cache, :mod:`argmap.map_cache`) without importing pydantic (#21). Import the names
from :mod:`argmap.model` everywhere else; it re-exports them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from argmap.rules import ALLOWED, SLUG, SLUG_MAX, Kind, RelationType, refusal

SCHEMA_VERSION = 1
LABEL_MAX = 48
_SUPPORTS, _OPPOSES = RelationType.SUPPORTS.value, RelationType.OPPOSES.value
_NONE: frozenset[Kind] = frozenset()


class Basis(StrEnum):
    FACT = "fact"
    STATISTIC = "statistic"
    EXPERT_OPINION = "expert opinion"
    EXAMPLE = "example"
    AGREEMENT = "agreement"
    EVENT = "event"
    QUOTE = "quote"
    PUBLICATION = "publication"
    COMMON_KNOWLEDGE = "common knowledge"


class Priority(StrEnum):
    """How much a point matters to the student: key points come first in an outline, minor ones
    last; strength only orders points of the same priority. Unset means normal."""

    KEY = "key"
    NORMAL = "normal"
    MINOR = "minor"


class Directive(StrEnum):
    DISCUSS = "discuss"
    CRITICALLY_EXAMINE = "critically examine"
    ANALYSE = "analyse"
    EVALUATE = "evaluate"
    COMMENT = "comment"
    EXPLAIN = "explain"


_SENTENCE_END = re.compile(r"[.;:!?] ")  # in text whose white space is single spaces


def derive_label(text: str, limit: int = LABEL_MAX) -> str:
    """A short label for the map box: the text's first sentence, cut at a word under ``limit``."""
    flat = " ".join(text.split())
    end = _SENTENCE_END.search(flat)
    first = (flat[: end.start() + 1] if end else flat).rstrip(".;:")
    if len(first) <= limit:
        return first
    cut = first[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(",;:-– ") + "…"


class Relation(NamedTuple):
    """A derived edge from child to parent. Its id, ``child->parent``, is stable and unique
    because a node may relate to a given parent only once. (A named tuple: a big map has thousands
    and they are made afresh for every drawing and analysis.)"""

    source: str
    target: str
    type: RelationType

    @property
    def id(self) -> str:
        return f"{self.source}->{self.target}"


class Problem:
    """One breach of the map's rules, placed at a node (and field) where there is one.

    A plain class, not a dataclass (nor a named tuple, whose ``index`` is a method): this module is
    on the start of every ``argmap render``, and importing dataclasses costs it several ms (#21).
    """

    __slots__ = ("field", "index", "message", "node")

    def __init__(
        self, message: str, node: str | None = None, field: str | None = None, index: int | None = None
    ):
        self.message = message
        self.node = node
        self.field = field
        self.index = index  # position of the node in the map's list, for locating it in a file

    def _key(self) -> tuple[str, str | None, str | None, int | None]:
        return (self.message, self.node, self.field, self.index)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Problem(message={self.message!r}, node={self.node!r}, field={self.field!r}, index={self.index!r})"


class MapRuleError(Exception):
    """A map breaks one or more rules; ``problems`` lists every one of them.

    Deliberately not a ValueError, so that pydantic lets it through unwrapped.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


class NodeQueries:
    """What a node answers from its fields (shared by :class:`argmap.model.Node` and
    :class:`argmap.model_plain.PlainNode`)."""

    __slots__ = ()

    if TYPE_CHECKING:
        id: str
        kind: Kind
        supports: list[str]
        opposes: list[str]
        label: str | None
        text: str
        tags: list[str]
        basis: Basis | None

    @property
    def display_label(self) -> str:
        """The label drawn in the map box: the given label, else one derived from the text."""
        return self.label if self.label else derive_label(self.text)

    def parents(self) -> Iterator[tuple[RelationType, str]]:
        """Each (relation, parent id) this node declares, in file order: supports first."""
        for parent in self.supports:
            yield RelationType.SUPPORTS, parent
        for parent in self.opposes:
            yield RelationType.OPPOSES, parent


N = TypeVar("N", bound=NodeQueries)


class MapQueries(Generic[N]):
    """What a map answers from its nodes (shared by :class:`argmap.model.ArgumentMap` and
    :class:`argmap.model_plain.PlainMap`)."""

    __slots__ = ()

    if TYPE_CHECKING:
        title: str
        tags: list[str]
        nodes: list[N]

    def node_index(self) -> dict[str, N]:
        return {node.id: node for node in self.nodes}

    def get(self, node_id: str) -> N:
        """The node with this id; raises KeyError naming it when there is none."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(f"no node {node_id!r} in map {self.title!r}")

    def relations(self) -> list[Relation]:
        """Every relation, in node order then declaration order."""
        found: list[Relation] = []
        for node in self.nodes:
            if node.supports:
                found.extend([Relation(node.id, parent, RelationType.SUPPORTS) for parent in node.supports])
            if node.opposes:
                found.extend([Relation(node.id, parent, RelationType.OPPOSES) for parent in node.opposes])
        return found

    def thesis(self) -> N | None:
        return next((node for node in self.nodes if node.kind is Kind.THESIS), None)

    def children(self, node_id: str) -> list[tuple[Relation, N]]:
        """The nodes pointing at ``node_id``, in map order, with the relation they use."""
        return [
            (Relation(node.id, node_id, relation), node)
            for node in self.nodes
            for relation, parent in node.parents()
            if parent == node_id
        ]

    def counts_by_kind(self) -> dict[str, int]:
        counts = {kind.value: 0 for kind in Kind}
        for node in self.nodes:
            counts[node.kind.value] += 1
        return counts

    def counts_by_relation(self) -> dict[str, int]:
        counts = {rel.value: 0 for rel in RelationType}
        for relation in self.relations():
            counts[relation.type.value] += 1
        return counts

    def all_tags(self) -> list[str]:
        """The map's own tags, then node tags in first-seen order, without repeats."""
        seen: dict[str, None] = dict.fromkeys(self.tags)
        for node in self.nodes:
            seen.update(dict.fromkeys(node.tags))
        return list(seen)


def check_rules(argument_map: MapQueries[Any]) -> list[Problem]:
    """Every breach of the map's rules, in node order. An empty list means the map is valid."""
    # Written for speed: every drawing of a cached map runs it (#21); no closure per node, and the
    # relations' names looked up once, not through the enumeration's `value` for every parent.
    problems: list[Problem] = []
    kinds: dict[str, Kind] = {}
    first_thesis: str | None = None
    slug = SLUG.match
    for index, node in enumerate(argument_map.nodes):
        node_id = node.id
        if not slug(node_id) or len(node_id) > SLUG_MAX:
            problems.append(
                Problem(
                    f"node id {node_id!r} must be lower-case letters, digits and single hyphens "
                    f"(at most {SLUG_MAX} characters), e.g. 'nuclear-energy'",
                    node_id,
                    "id",
                    index,
                )
            )
        if node_id in kinds:
            problems.append(Problem(f"node id {node_id!r} is used more than once", node_id, "id", index))
        else:
            kinds[node_id] = node.kind
        if node.kind is Kind.THESIS:
            if first_thesis is None:
                first_thesis = node_id
            else:
                problems.append(
                    Problem(
                        f"node {node_id!r} is a second thesis; a map has at most one (the first is {first_thesis!r})",
                        node_id,
                        "kind",
                        index,
                    )
                )

    for index, node in enumerate(argument_map.nodes):
        node_id, kind = node.id, node.kind
        if kind is not Kind.EVIDENCE:
            if node.basis is not None:
                problems.append(
                    Problem(
                        f"node {node_id!r} has a basis, but only evidence has one", node_id, "basis", index
                    )
                )
            if node.sources:
                problems.append(
                    Problem(
                        f"node {node_id!r} lists sources, but only evidence carries sources; "
                        "add an evidence node under it",
                        node_id,
                        "sources",
                        index,
                    )
                )
        if not node.supports and not node.opposes:
            continue
        seen_parents: set[str] = set()
        for relation, field, parents in (
            (RelationType.SUPPORTS, _SUPPORTS, node.supports),
            (RelationType.OPPOSES, _OPPOSES, node.opposes),
        ):
            allowed = ALLOWED.get((kind, relation), _NONE)
            for parent in parents:
                if parent == node_id:
                    problems.append(Problem(f"node {node_id!r} {field} itself", node_id, field, index))
                    continue
                if parent in seen_parents:
                    problems.append(
                        Problem(
                            f"node {node_id!r} relates to {parent!r} more than once", node_id, field, index
                        )
                    )
                    continue
                seen_parents.add(parent)
                parent_kind = kinds.get(parent)
                if parent_kind is None:
                    problems.append(
                        Problem(
                            f"node {node_id!r} {field} {parent!r}, which does not exist",
                            node_id,
                            field,
                            index,
                        )
                    )
                elif parent_kind not in allowed:
                    problems.append(
                        Problem(refusal(node_id, kind, relation, parent, parent_kind), node_id, field, index)
                    )
    problems.sort(key=lambda p: p.index if p.index is not None else -1)
    return problems
