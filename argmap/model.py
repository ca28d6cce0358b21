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

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from argmap.model_base import (
    LABEL_MAX,
    SCHEMA_VERSION,
    Basis,
    Directive,
    MapQueries,
    MapRuleError,
    NodeQueries,
    Priority,
    Problem,
    Relation,
    check_rules,
    derive_label,
)
from argmap.rules import SLUG, Kind, RelationType


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


class Node(_Strict, NodeQueries):
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


class Vocabulary(_Strict):
    """What the map calls the two sides, e.g. convergences / irritants. Templates fall back to
    'arguments for' / 'arguments against' when a map names none."""

    for_: NonEmpty = Field(alias="for")
    against: NonEmpty


class ArgumentMap(_Strict, MapQueries[Node]):
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


__all__ = [
    "LABEL_MAX",
    "SCHEMA_VERSION",
    "ArgumentMap",
    "Basis",
    "Directive",
    "Kind",
    "MapRuleError",
    "Node",
    "Priority",
    "Problem",
    "Relation",
    "RelationType",
    "Source",
    "Vocabulary",
    "check_rules",
    "derive_label",
]
