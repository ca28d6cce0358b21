"""What every importer shares: the error type, the result type, and the step from a graph to a map.

Other tools' maps are graphs of statements joined by support and attack, with no idea of argmap's
kinds. :func:`assemble` turns such a graph into a valid :class:`ArgumentMap` by giving each
statement a slug id and a kind drawn from the relation structure, so that every reader only has
to say what the statements are and how they relate.

How kinds are assigned (when the source does not name them):

- The thesis is the given one if the format has an explicit root (Kialo), else the root (a node
  with no parents) with the largest tree of nodes beneath it, ties going to the earlier node.
  Other roots become claims with no parent; a node with no relations at all becomes context.
- Walking down from the thesis (then the other roots, then any cycle not yet reached), a node that
  supports its parent is a claim; one that opposes a counterpoint is a rebuttal; one that opposes
  anything else is a counterpoint. So kinds follow polarity relative to the root.
- A node whose relations no single kind can satisfy under the model's rules (e.g. it supports one
  parent and attacks another) becomes evidence where that is legal; a relation that still breaks a
  rule is dropped and named in a warning. Nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from argmap.errors import ArgmapError
from argmap.graph import Adjacency, reach, spread
from argmap.mapfile import map_from_data
from argmap.model import ArgumentMap, Kind, RelationType
from argmap.rules import SLUG, SLUG_MAX, NewIds, kind_by_polarity, may_relate, refusal, slugify


class FormatError(ArgmapError):
    """Input in another tool's format that cannot be read; the message names file, line and column."""

    def __init__(self, where: str, message: str, line: int | None = None, column: int | None = None):
        self.where, self.message, self.line, self.column = where, message, line, column
        place = where
        if line is not None:
            place += f":{line}"
            if column is not None:
                place += f":{column}"
        super().__init__(f"{place}: {message}")

    def __reduce__(self) -> tuple[Any, ...]:  # pickled whole: a read in a worker process raises it
        return (type(self), (self.where, self.message, self.line, self.column))


@dataclass(frozen=True)
class ImportResult:
    """A map read from another format, and what the reader had to guess, merge or leave out."""

    map: ArgumentMap
    warnings: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """A statement as a reader found it, before it has an id or (usually) a kind.

    ``key`` is the reader's own handle (an Argdown title, an AIF node id); ``id_hint`` is an id the
    source asked for (argmap's own exports carry one) and is kept when it is a free, valid slug.
    """

    key: str
    text: str
    label: str | None = None
    id_hint: str | None = None
    kind: Kind | None = None
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    basis: str | None = None
    sources: list[dict[str, str]] = field(default_factory=list)
    score: float | None = None


@dataclass(frozen=True)
class Edge:
    """A relation from child to parent, by the drafts' keys."""

    child: str
    parent: str
    type: RelationType


@lru_cache(maxsize=4096)  # a file repeats its tags: 20,000 "#a" slugify once
def tag_slug(text: str) -> str | None:
    """A tag made from free text (a heading, a hashtag), or None when nothing usable is left."""
    slug = slugify(text)
    return slug or None


def assemble(
    title: str,
    drafts: list[Draft],
    edges: list[Edge],
    *,
    where: str,
    warnings: list[str],
    question: str | None = None,
    conclusion: str | None = None,
    thesis_key: str | None = None,
    map_tags: list[str] | None = None,
) -> ImportResult:
    """Build a valid map from drafts and edges, assigning ids and missing kinds as documented above.

    Raises MapFileError (located at ``where``) only if the result still breaks a rule, which would
    be a bug here rather than a fault of the input.
    """
    by_key = {draft.key: draft for draft in drafts}
    order = {draft.key: index for index, draft in enumerate(drafts)}
    parents: dict[str, list[tuple[str, RelationType]]] = {draft.key: [] for draft in drafts}
    children: dict[str, list[tuple[str, RelationType]]] = {draft.key: [] for draft in drafts}
    seen_pairs: dict[tuple[str, str], RelationType] = {}
    for edge in edges:
        if edge.child not in by_key or edge.parent not in by_key:
            continue
        if edge.child == edge.parent:
            warnings.append(f"{where}: {edge.child!r} {edge.type.value} itself; that relation is left out")
            continue
        pair = (edge.child, edge.parent)
        if pair in seen_pairs:
            if seen_pairs[pair] is not edge.type:
                warnings.append(
                    f"{where}: {edge.child!r} both supports and opposes {edge.parent!r}; "
                    f"kept the first ({seen_pairs[pair].value})"
                )
            continue
        seen_pairs[pair] = edge.type
        parents[edge.child].append((edge.parent, edge.type))
        children[edge.parent].append((edge.child, edge.type))

    kinds = _assign_kinds(drafts, parents, children, order, thesis_key)
    dropped = _settle(drafts, parents, children, kinds)

    new_ids = NewIds()
    ids: dict[str, str] = {}
    for draft in drafts:  # requested ids first, so that a later slug cannot take one
        hint = draft.id_hint
        if hint and SLUG.match(hint) and len(hint) <= SLUG_MAX and hint not in new_ids.taken:
            ids[draft.key] = hint
            new_ids.reserve(hint)
    for draft in drafts:
        if draft.key not in ids:
            ids[draft.key] = new_ids.make(draft.label or draft.text, "statement")

    for child, relation, parent in dropped:
        refused = refusal(ids[child], kinds[child], relation, ids[parent], kinds[parent])
        warnings.append(f"{where}: relation {ids[child]}->{ids[parent]} left out: {refused}")
    nodes: list[dict[str, Any]] = []
    for draft in drafts:
        kind = kinds[draft.key]
        node: dict[str, Any] = {"id": ids[draft.key], "kind": kind.value}
        node["supports"] = [ids[p] for p, r in parents[draft.key] if r is RelationType.SUPPORTS]
        node["opposes"] = [ids[p] for p, r in parents[draft.key] if r is RelationType.OPPOSES]
        if draft.label and draft.label.strip():
            node["label"] = draft.label.strip()
        node["text"] = draft.text.strip() or (draft.label or draft.key)
        node["tags"] = list(dict.fromkeys(tag for tag in draft.tags if SLUG.match(tag)))
        notes = list(draft.notes)
        if kind is Kind.EVIDENCE:
            if draft.basis:
                node["basis"] = draft.basis
            node["sources"] = draft.sources
        elif draft.sources:
            notes.append("Source: " + "; ".join(source["title"] for source in draft.sources))
        if draft.score is not None:
            node["score"] = draft.score
        if notes:
            node["notes"] = "\n".join(notes)
        nodes.append(node)

    data: dict[str, Any] = {"title": title.strip() or "Imported map", "nodes": nodes}
    if question and question.strip():
        data["question"] = question.strip()
    if conclusion and conclusion.strip():
        data["conclusion"] = conclusion.strip()
    if map_tags:
        data["tags"] = [tag for tag in dict.fromkeys(map_tags) if SLUG.match(tag)]
    return ImportResult(map_from_data(data, where), warnings)


def _assign_kinds(
    drafts: list[Draft],
    parents: Adjacency,
    children: Adjacency,
    order: dict[str, int],
    thesis_key: str | None,
) -> dict[str, Kind]:
    kinds: dict[str, Kind] = {d.key: d.kind for d in drafts if d.kind is not None}
    explicit_thesis = next((key for key, kind in kinds.items() if kind is Kind.THESIS), None)
    if thesis_key is None and explicit_thesis is None:
        roots = [d.key for d in drafts if not parents[d.key] and children[d.key] and d.key not in kinds]
        best, best_size = None, 0
        for root in roots:
            size = len(reach(children, root) | {root})
            if size > best_size:
                best, best_size = root, size
        thesis_key = best
    if thesis_key is not None and explicit_thesis is None and thesis_key not in kinds:
        kinds[thesis_key] = Kind.THESIS

    starts = [thesis_key] if thesis_key else []
    starts += [d.key for d in drafts if not parents[d.key] and d.key != thesis_key]
    starts += sorted((d.key for d in drafts), key=order.__getitem__)
    assigned = set(kinds)
    for start in starts:
        if start not in kinds:
            has_relations = bool(parents[start] or children[start])
            kinds[start] = Kind.CLAIM if has_relations else Kind.CONTEXT
        for parent, relation, child in spread(children, [start], assigned):
            kinds[child] = kind_by_polarity(relation, kinds[parent])
    return kinds


_REPAIR_KINDS = (Kind.CLAIM, Kind.COUNTERPOINT, Kind.REBUTTAL, Kind.EVIDENCE)


def _breaches(
    key: str,
    kind: Kind,
    parents: Adjacency,
    children: Adjacency,
    kinds: dict[str, Kind],
) -> int:
    """How many of a node's relations (up and down) would break a rule if it had ``kind``."""
    up = sum(not may_relate(kind, r, kinds[p]) for p, r in parents[key])
    down = sum(not may_relate(kinds[c], r, kind) for c, r in children[key] if kinds[c] is not Kind.THESIS)
    return up + down


def _settle(
    drafts: list[Draft],
    parents: dict[str, list[tuple[str, RelationType]]],
    children: dict[str, list[tuple[str, RelationType]]],
    kinds: dict[str, Kind],
) -> list[tuple[str, RelationType, str]]:
    """Change inferred kinds until every relation is legal; drop (and return) what never becomes so."""
    fixed = {d.key for d in drafts if d.kind is not None}
    for _ in range(4):
        changed = False
        for draft in drafts:
            key = draft.key
            if key in fixed or kinds[key] is Kind.THESIS:
                continue
            current = _breaches(key, kinds[key], parents, children, kinds)
            if current == 0:
                continue
            best, best_breaches = kinds[key], current
            for candidate in _REPAIR_KINDS:
                breaches = _breaches(key, candidate, parents, children, kinds)
                if breaches < best_breaches:
                    best, best_breaches = candidate, breaches
            if best is not kinds[key]:
                kinds[key] = best
                changed = True
        if not changed:
            break
    dropped: list[tuple[str, RelationType, str]] = []
    for draft in drafts:
        key = draft.key
        keep = []
        for parent, relation in parents[key]:
            if kinds[key] is not Kind.THESIS and may_relate(kinds[key], relation, kinds[parent]):
                keep.append((parent, relation))
            else:
                dropped.append((key, relation, parent))
                children[parent].remove((key, relation))
        parents[key] = keep
    return dropped


_SPACES = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Text with every run of white space (line breaks included) made one space."""
    return _SPACES.sub(" ", text).strip()
