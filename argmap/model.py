"""The argument map: typed nodes, the relations between them, and the rules a map must keep.

This module is the domain. It imports nothing else of argmap but the rules it keeps
(:mod:`argmap.rules`), so storage, rendering, outlines and the UI can all depend on it and it on
none of them.

A map is a list of nodes. Each node names its parents on itself (``supports: [...]`` and
``opposes: [...]``), because that is how a person writes a map by hand; the relations, each with its
own stable id ``CHILD->PARENT``, are derived from those lists. Relations run from child to parent,
in the direction of support, as in Argdown and AIF.

Which kind may relate to which, and how, is :mod:`argmap.rules`; this module applies it.

Every rule breach is reported as a :class:`Problem` naming the node and field, and all of a map's
problems are raised together in one :class:`MapRuleError` so that ``argmap validate`` can list them.
Cycles are legal (DF-QuAD and the checks need to see them) and are reported by
:func:`argmap.graph.find_cycles`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from argmap.rules import (
    SLUG,
    SLUG_MAX,
    Kind,
    RelationType,
    allowed_parent_kinds,
    refusal,
)

SCHEMA_VERSION = 1
LABEL_MAX = 48


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


def _new_list() -> list:
    """A new empty list, the default of the list fields. A function rather than ``list``: pydantic
    reads each default factory's signature when it builds a model, and a builtin's signature is
    parsed from its text (importing ``tokenize``): about 10 ms of CPU at every start of the
    command line (208 -> 197 ms of CPU to import this module: two runs of 10 on the loaded machine)."""
    return []


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=False,
        str_strip_whitespace=True,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
    )


NonEmpty = Annotated[str, Field(min_length=1)]


class Source(_Strict):
    """Where a piece of evidence comes from. Only the title is required."""

    title: NonEmpty
    publisher: str | None = None
    date: str | None = None
    url: str | None = None


def _slug_tags(tags: list[str]) -> list[str]:
    """Tags as given, when each is a slug (a node's and the map's own alike)."""
    for tag in tags:
        if not SLUG.match(tag):
            raise ValueError(f"tag {tag!r} must be lower-case words joined by hyphens, e.g. 'nuclear-energy'")
    return tags


class Node(_Strict):
    """One box of the map: a thesis, claim, counterpoint, rebuttal, evidence, recommendation or context."""

    id: str
    kind: Kind
    supports: list[str] = Field(default_factory=_new_list)
    opposes: list[str] = Field(default_factory=_new_list)
    label: str | None = None
    text: NonEmpty
    tags: list[str] = Field(default_factory=_new_list)
    basis: Basis | None = None
    sources: list[Source] = Field(default_factory=_new_list)
    # strict: `score: yes` or `score: "0.5"` is a mistake to report, not a number to guess
    score: Annotated[float, Field(ge=0.0, le=1.0, strict=True, allow_inf_nan=False)] | None = None
    priority: Priority | None = None
    notes: str | None = None

    @field_validator("tags")
    @classmethod
    def _tags_are_slugs(cls, tags: list[str]) -> list[str]:
        return _slug_tags(tags)

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


class Vocabulary(_Strict):
    """What the map calls the two sides, e.g. convergences / irritants. Templates fall back to
    'arguments for' / 'arguments against' when a map names none."""

    for_: NonEmpty = Field(alias="for")
    against: NonEmpty


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


@dataclass(frozen=True)
class Problem:
    """One breach of the map's rules, placed at a node (and field) where there is one."""

    message: str
    node: str | None = None
    field: str | None = None
    index: int | None = None  # position of the node in the map's list, for locating it in a file


class MapRuleError(Exception):
    """A map breaks one or more rules; ``problems`` lists every one of them.

    Deliberately not a ValueError, so that pydantic lets it through unwrapped.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


class ArgumentMap(_Strict):
    """A whole map: its question, its vocabulary and its nodes in the author's order."""

    schema_: int = Field(default=SCHEMA_VERSION, alias="schema")
    title: NonEmpty
    question: str | None = None
    directive: Directive | None = None
    tags: list[str] = Field(default_factory=_new_list)
    vocabulary: Vocabulary | None = None
    conclusion: str | None = None
    #: The map's own aliases for matching answers to it, added to the field's common ones
    #: (argmap.language): a term and the other words or phrases that name it.
    aliases: dict[NonEmpty, list[NonEmpty]] | None = None
    nodes: list[Node] = Field(default_factory=_new_list)

    @field_validator("tags")
    @classmethod
    def _tags_are_slugs(cls, tags: list[str]) -> list[str]:
        return _slug_tags(tags)

    @field_validator("schema_")
    @classmethod
    def _known_schema(cls, version: int) -> int:
        if version != SCHEMA_VERSION:
            raise ValueError(
                f"schema version {version} is not supported (this argmap reads {SCHEMA_VERSION})"
            )
        return version

    @model_validator(mode="after")
    def _keep_rules(self) -> ArgumentMap:
        problems = check_rules(self)
        if problems:
            raise MapRuleError(problems)
        return self

    # -- queries -----------------------------------------------------------------------------
    def node_index(self) -> dict[str, Node]:
        return {node.id: node for node in self.nodes}

    def get(self, node_id: str) -> Node:
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

    def thesis(self) -> Node | None:
        return next((node for node in self.nodes if node.kind is Kind.THESIS), None)

    def children(self, node_id: str) -> list[tuple[Relation, Node]]:
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


def check_rules(argument_map: ArgumentMap) -> list[Problem]:
    """Every breach of the map's rules, in node order. An empty list means the map is valid."""
    problems: list[Problem] = []
    kinds: dict[str, Kind] = {}
    first_thesis: str | None = None
    for index, node in enumerate(argument_map.nodes):

        def report(message: str, field: str, node: Node = node, index: int = index) -> None:
            problems.append(Problem(message, node.id, field, index))

        if not SLUG.match(node.id) or len(node.id) > SLUG_MAX:
            report(
                f"node id {node.id!r} must be lower-case letters, digits and single hyphens "
                f"(at most {SLUG_MAX} characters), e.g. 'nuclear-energy'",
                "id",
            )
        if node.id in kinds:
            report(f"node id {node.id!r} is used more than once", "id")
        else:
            kinds[node.id] = node.kind
        if node.kind is Kind.THESIS:
            if first_thesis is None:
                first_thesis = node.id
            else:
                report(
                    f"node {node.id!r} is a second thesis; a map has at most one (the first is {first_thesis!r})",
                    "kind",
                )

    for index, node in enumerate(argument_map.nodes):

        def report(message: str, field: str, node: Node = node, index: int = index) -> None:
            problems.append(Problem(message, node.id, field, index))

        if node.kind is not Kind.EVIDENCE:
            if node.basis is not None:
                report(f"node {node.id!r} has a basis, but only evidence has one", "basis")
            if node.sources:
                report(
                    f"node {node.id!r} lists sources, but only evidence carries sources; "
                    "add an evidence node under it",
                    "sources",
                )
        seen_parents: set[str] = set()
        for relation, parent in node.parents():
            field = relation.value
            if parent == node.id:
                report(f"node {node.id!r} {field} itself", field)
                continue
            if parent in seen_parents:
                report(f"node {node.id!r} relates to {parent!r} more than once", field)
                continue
            seen_parents.add(parent)
            if parent not in kinds:
                report(f"node {node.id!r} {field} {parent!r}, which does not exist", field)
                continue
            parent_kind = kinds[parent]
            if parent_kind not in allowed_parent_kinds(node.kind, relation):
                report(refusal(node.id, node.kind, relation, parent, parent_kind), field)
    problems.sort(key=lambda p: p.index if p.index is not None else -1)
    return problems
