"""A map read back from the parsed-map cache as plain read-only objects, without pydantic.

Importing pydantic and building the model's classes costs the command line about 0.1 s of CPU at
every start, a third of what ``dot`` itself takes on a 2,000-node map (#21). When
:mod:`argmap.map_cache` finds an entry whose header names the map file's own SHA-256 and the
SHA-256 of the JSON that follows it, that JSON is the dump of a map the model validated when the
entry was written; :func:`plain_map` reads it back into :class:`PlainMap` and :class:`PlainNode`,
which answer the same queries as :class:`argmap.model.ArgumentMap` and :class:`argmap.model.Node`
(they share :mod:`argmap.model_base`) and are all the renderer needs.

What a plain map still checks: the entry must have exactly the model's fields (an unknown or
missing one, or an unknown kind, basis, priority or directive, raises :class:`PlainMapError`), and
the map's rules (:func:`argmap.model_base.check_rules`) must hold. Anything else that is not what
the model would give (a number where text belongs) can only come from an entry written by hand
with both hashes recomputed. Everything but drawing a map reads the full model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

from argmap.model_base import (
    SCHEMA_VERSION,
    Basis,
    Directive,
    MapQueries,
    NodeQueries,
    Priority,
    check_rules,
)
from argmap.rules import Kind

_NODE_FIELDS = (
    "basis",
    "id",
    "kind",
    "label",
    "notes",
    "opposes",
    "priority",
    "score",
    "sources",
    "supports",
    "tags",
    "text",
)
_MAP_FIELDS = ("aliases", "conclusion", "directive", "nodes", "question", "tags", "title", "vocabulary")
_NODE_KEYS, _MAP_KEYS = frozenset(_NODE_FIELDS), frozenset(("schema", *_MAP_FIELDS))
_SOURCE_KEYS, _VOCABULARY_KEYS = (
    frozenset(("date", "publisher", "title", "url")),
    frozenset(("against", "for")),
)
_KINDS = {kind.value: kind for kind in Kind}  # a lookup: Kind(value) is a slower call per node


class PlainMapError(ValueError):
    """Cached data that is not the dump of a valid map."""


# Plain classes with their fields written out, not dataclasses: a dataclass compiles its methods
# when its module is imported, and this module is on the start of every `argmap render`.
class PlainSource:
    __slots__ = ("date", "publisher", "title", "url")

    def __init__(self, data: dict[str, Any]):
        _fields(data, _SOURCE_KEYS)
        self.title: str = data["title"]
        self.publisher: str | None = data["publisher"]
        self.date: str | None = data["date"]
        self.url: str | None = data["url"]


class PlainVocabulary:
    __slots__ = ("against", "for_")

    def __init__(self, data: dict[str, Any]):
        _fields(data, _VOCABULARY_KEYS)
        self.for_: str = data["for"]
        self.against: str = data["against"]


class PlainNode(NodeQueries):
    __slots__ = _NODE_FIELDS

    def __init__(self, data: dict[str, Any]):
        _fields(data, _NODE_KEYS)
        basis, priority = data["basis"], data["priority"]
        self.id: str = data["id"]
        self.kind: Kind = _KINDS[data["kind"]]
        self.supports: list[str] = data["supports"]
        self.opposes: list[str] = data["opposes"]
        self.label: str | None = data["label"]
        self.text: str = data["text"]
        self.tags: list[str] = data["tags"]
        self.basis: Basis | None = None if basis is None else Basis(basis)
        self.sources: list[PlainSource] = [PlainSource(source) for source in data["sources"]]
        self.score: float | None = data["score"]
        self.priority: Priority | None = None if priority is None else Priority(priority)
        self.notes: str | None = data["notes"]


class PlainMap(MapQueries[PlainNode]):
    __slots__ = _MAP_FIELDS

    def __init__(self, data: dict[str, Any]):
        _fields(data, _MAP_KEYS)
        if data["schema"] != SCHEMA_VERSION:
            raise PlainMapError(f"schema version is not {SCHEMA_VERSION}")
        vocabulary, directive = data["vocabulary"], data["directive"]
        self.title: str = data["title"]
        self.question: str | None = data["question"]
        self.directive: Directive | None = None if directive is None else Directive(directive)
        self.tags: list[str] = data["tags"]
        self.vocabulary: PlainVocabulary | None = None if vocabulary is None else PlainVocabulary(vocabulary)
        self.conclusion: str | None = data["conclusion"]
        self.aliases: dict[str, list[str]] | None = data["aliases"]
        self.nodes: list[PlainNode] = [PlainNode(node) for node in data["nodes"]]


def _fields(data: dict[str, Any], keys: frozenset[str]) -> None:
    """Refuse data without exactly these keys (the model's dump has every field)."""
    if data.keys() != keys:
        raise PlainMapError(f"the fields are not {', '.join(sorted(keys))}")


def plain_map(data: Any) -> PlainMap:
    """The map whose dump (``ArgumentMap.model_dump(mode="json")``) is ``data``.

    Raises :class:`PlainMapError` when ``data`` is not such a dump or the map breaks a rule.
    """
    try:
        argument_map = PlainMap(data)
    except PlainMapError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # not a dict, a bad enum value
        raise PlainMapError(f"not the dump of a map: {exc}") from None
    problems = check_rules(argument_map)
    if problems:
        raise PlainMapError(problems[0].message)
    return argument_map


if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Node

    #: What the renderer draws: a validated map, or a plain one read back from the cache.
    AnyMap: TypeAlias = ArgumentMap | PlainMap
    AnyNode: TypeAlias = Node | PlainNode


__all__ = ["PlainMap", "PlainMapError", "PlainNode", "PlainSource", "PlainVocabulary", "plain_map"]
