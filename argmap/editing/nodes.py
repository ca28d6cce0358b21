"""Edits to one node and its relations: change its fields, add, delete, move, link, unlink, rename."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from argmap.editing.common import (
    EditError,
    build_node,
    existing_node,
    fresh_id,
    node_data,
    relation_error,
    replaced,
    usual_relation,
    with_nodes,
)
from argmap.graph import MapGraph
from argmap.model import ArgumentMap, Basis, Kind, Node, RelationType, Source
from argmap.rules import SLUG, SLUG_MAX, allowed_parent_kinds, default_relation, relation_for

#: Node fields a user edits directly (the relations change through add/reparent/link/unlink).
EDITABLE_FIELDS = ("kind", "label", "text", "tags", "basis", "sources", "score", "priority", "notes")


def update_node(argument_map: ArgumentMap, node_id: str, **fields: Any) -> ArgumentMap:
    """The map with fields of one node changed (kind, label, text, tags, basis, sources, score, notes).

    When the kind changes, each of the node's relations that the new kind cannot keep is turned
    round where the other relation fits (a claim made a counterpoint now opposes what it supported).
    Raises EditError naming the node when the result breaks a rule.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise EditError(
            f"cannot edit field {sorted(unknown)[0]!r} of node {node_id!r}; "
            "use reparent, link or unlink for relations and rename_node for the id"
        )
    node = existing_node(argument_map, node_id)
    data = node_data(node)
    data.update(fields)
    if "label" in fields and not fields["label"]:
        data["label"] = None
    if "notes" in fields and not fields["notes"]:
        data["notes"] = None
    new_kind = Kind(data["kind"])
    if new_kind is not node.kind:
        if new_kind is Kind.THESIS and (node.supports or node.opposes):
            raise EditError(
                f"node {node_id!r} cannot become the thesis while it has parents; "
                "the thesis is the root (reparent it first)"
            )
        data["supports"], data["opposes"] = _retyped_parents(argument_map, node, new_kind)
    updated = build_node(data)
    return with_nodes(argument_map, replaced(argument_map, node_id, updated))


def _retyped_parents(argument_map: ArgumentMap, node: Node, new_kind: Kind) -> tuple[list[str], list[str]]:
    index = argument_map.node_index()
    supports: list[str] = []
    opposes: list[str] = []
    for relation, parent_id in node.parents():
        parent = index.get(parent_id)
        chosen = relation
        if parent is not None and parent.kind not in allowed_parent_kinds(new_kind, relation):
            chosen = relation_for(new_kind, parent.kind) or relation
        (supports if chosen is RelationType.SUPPORTS else opposes).append(parent_id)
    return supports, opposes


def add_node(
    argument_map: ArgumentMap,
    kind: Kind | str,
    text: str,
    *,
    node_id: str | None = None,
    label: str | None = None,
    tags: Sequence[str] = (),
    basis: Basis | str | None = None,
    sources: Sequence[Source | Mapping[str, Any]] = (),
    score: float | None = None,
) -> ArgumentMap:
    """The map with a new node that has no parent (a thesis, or a context or point to attach later).

    ``node_id`` defaults to :func:`fresh_id` of the text. Raises EditError for a taken id, a second
    thesis or an invalid field.
    """
    return _insert(argument_map, None, None, Kind(kind), text, node_id, label, tags, basis, sources, score)


def add_child(
    argument_map: ArgumentMap,
    parent_id: str,
    kind: Kind | str,
    text: str,
    *,
    relation: RelationType | str | None = None,
    node_id: str | None = None,
    label: str | None = None,
    tags: Sequence[str] | None = None,
    basis: Basis | str | None = None,
    sources: Sequence[Source | Mapping[str, Any]] = (),
    score: float | None = None,
) -> ArgumentMap:
    """The map with a new ``kind`` node below ``parent_id``, placed after the parent's last child.

    ``relation`` defaults to the one the kind takes to this parent (:func:`argmap.rules.relation_for`); a pair
    the map rules forbid (a rebuttal under a claim, a claim that opposes) raises EditError saying
    which parents the kind may have. ``tags`` default to the parent's, so a rebuttal to a defence
    irritant is filed under defence too. ``node_id`` defaults to :func:`fresh_id` of the text.
    """
    kind = Kind(kind)
    parent = existing_node(argument_map, parent_id)
    if relation is None:
        chosen = relation_for(kind, parent.kind)
        if chosen is None:
            raise relation_error(
                node_id or None, kind, default_relation(kind) or RelationType.SUPPORTS, parent
            )
    else:
        chosen = RelationType(relation)
        if kind is Kind.THESIS or parent.kind not in allowed_parent_kinds(kind, chosen):
            raise relation_error(node_id, kind, chosen, parent)
    inherited = list(parent.tags) if tags is None else list(tags)
    return _insert(argument_map, parent, chosen, kind, text, node_id, label, inherited, basis, sources, score)


def _insert(
    argument_map: ArgumentMap,
    parent: Node | None,
    relation: RelationType | None,
    kind: Kind,
    text: str,
    node_id: str | None,
    label: str | None,
    tags: Sequence[str],
    basis: Basis | str | None,
    sources: Sequence[Source | Mapping[str, Any]],
    score: float | None,
) -> ArgumentMap:
    if not text.strip():
        raise EditError(f"a new {kind.value} needs some text")
    new_id = node_id or fresh_id(argument_map, text, kind.value)
    if any(node.id == new_id for node in argument_map.nodes):
        raise EditError(f"node id {new_id!r} is already used; choose another")
    data: dict[str, Any] = {
        "id": new_id,
        "kind": kind,
        "text": text,
        "label": label or None,
        "tags": list(tags),
        "basis": basis,
        "sources": [s.model_dump() if isinstance(s, Source) else dict(s) for s in sources],
        "score": score,
    }
    if parent is not None and relation is not None:
        data[relation.value] = [parent.id]
    node = build_node(data)
    nodes = list(argument_map.nodes)
    nodes.insert(_insert_position(argument_map, parent), node)
    return with_nodes(argument_map, nodes)


def _insert_position(argument_map: ArgumentMap, parent: Node | None) -> int:
    """After the parent's last child (or the parent itself), so the file reads in outline order."""
    if parent is None:
        return len(argument_map.nodes)
    position = next(i for i, node in enumerate(argument_map.nodes) if node.id == parent.id)
    below = MapGraph.of(argument_map).descendants(parent.id)
    for index, node in enumerate(argument_map.nodes):
        if node.id in below:
            position = max(position, index)
    return position + 1


def delete_node(argument_map: ArgumentMap, node_id: str, *, with_orphans: bool = False) -> ArgumentMap:
    """The map without ``node_id`` and without every relation that pointed to it.

    With ``with_orphans`` the nodes that hung only from it (:meth:`MapGraph.only_below <argmap.graph.MapGraph.only_below>`) go too; otherwise
    they stay, without that parent. Raises EditError for an unknown id.
    """
    existing_node(argument_map, node_id)
    doomed = {node_id, *(MapGraph.of(argument_map).only_below(node_id) if with_orphans else ())}
    nodes = []
    for node in argument_map.nodes:
        if node.id in doomed:
            continue
        if any(parent in doomed for _, parent in node.parents()):
            node = node.model_copy(
                update={
                    "supports": [p for p in node.supports if p not in doomed],
                    "opposes": [p for p in node.opposes if p not in doomed],
                }
            )
        nodes.append(node)
    return with_nodes(argument_map, nodes)


def reparent(
    argument_map: ArgumentMap,
    node_id: str,
    new_parent: str,
    relation: RelationType | str | None = None,
    *,
    old_parent: str | None = None,
) -> ArgumentMap:
    """The map with ``node_id`` moved under ``new_parent``.

    Without ``old_parent`` every current parent is replaced by the new one; with it, only that one
    relation moves (a node with several parents keeps the others). ``relation`` defaults to the one
    the node's kind takes to the new parent. Moving a node under itself or under a node below it
    would make a cycle and raises EditError, as does a pair the map rules forbid.
    """
    node = existing_node(argument_map, node_id)
    parent = existing_node(argument_map, new_parent)
    if new_parent == node_id or new_parent in MapGraph.of(argument_map).descendants(node_id):
        raise EditError(
            f"cannot move {node_id!r} under {new_parent!r}: {new_parent!r} hangs below {node_id!r}"
        )
    if node.kind is Kind.THESIS:
        raise EditError(f"node {node_id!r} is the thesis; the thesis is the root and has no parent")
    chosen = RelationType(relation) if relation is not None else relation_for(node.kind, parent.kind)
    if chosen is None or parent.kind not in allowed_parent_kinds(node.kind, chosen):
        raise relation_error(node_id, node.kind, chosen or usual_relation(node.kind), parent)
    if old_parent is not None and old_parent not in (*node.supports, *node.opposes):
        raise EditError(f"node {node_id!r} does not hang from {old_parent!r}")
    keep = (
        [] if old_parent is None else [(r, p) for r, p in node.parents() if p not in (old_parent, new_parent)]
    )
    keep.append((chosen, new_parent))
    supports = [p for r, p in keep if r is RelationType.SUPPORTS]
    opposes = [p for r, p in keep if r is RelationType.OPPOSES]
    moved = node.model_copy(update={"supports": supports, "opposes": opposes})
    return with_nodes(argument_map, replaced(argument_map, node_id, moved))


def link(
    argument_map: ArgumentMap, node_id: str, parent_id: str, relation: RelationType | str | None = None
) -> ArgumentMap:
    """The map with one more parent for ``node_id`` (a point that bears on two others)."""
    node = existing_node(argument_map, node_id)
    parent = existing_node(argument_map, parent_id)
    if parent_id in (*node.supports, *node.opposes):
        raise EditError(f"node {node_id!r} already hangs from {parent_id!r}")
    chosen = RelationType(relation) if relation is not None else relation_for(node.kind, parent.kind)
    if (
        chosen is None
        or node.kind is Kind.THESIS
        or parent.kind not in allowed_parent_kinds(node.kind, chosen)
    ):
        raise relation_error(node_id, node.kind, chosen or usual_relation(node.kind), parent)
    field = chosen.value
    linked = node.model_copy(update={field: [*getattr(node, field), parent_id]})
    return with_nodes(argument_map, replaced(argument_map, node_id, linked))


def unlink(argument_map: ArgumentMap, node_id: str, parent_id: str) -> ArgumentMap:
    """The map without the relation from ``node_id`` to ``parent_id``."""
    node = existing_node(argument_map, node_id)
    if parent_id not in (*node.supports, *node.opposes):
        raise EditError(f"node {node_id!r} does not hang from {parent_id!r}")
    unlinked = node.model_copy(
        update={
            "supports": [p for p in node.supports if p != parent_id],
            "opposes": [p for p in node.opposes if p != parent_id],
        }
    )
    return with_nodes(argument_map, replaced(argument_map, node_id, unlinked))


def rename_node(argument_map: ArgumentMap, old_id: str, new_id: str) -> ArgumentMap:
    """The map with a node's id changed, and every relation that named it following it."""
    existing_node(argument_map, old_id)
    if new_id == old_id:
        return argument_map
    if not SLUG.match(new_id) or len(new_id) > SLUG_MAX:
        raise EditError(
            f"node id {new_id!r} must be lower-case letters, digits and single hyphens "
            f"(at most {SLUG_MAX} characters), e.g. 'nuclear-energy'"
        )
    if any(node.id == new_id for node in argument_map.nodes):
        raise EditError(f"node id {new_id!r} is already used; choose another")
    nodes = []
    for node in argument_map.nodes:
        update: dict[str, Any] = {}
        if node.id == old_id:
            update["id"] = new_id
        if old_id in node.supports:
            update["supports"] = [new_id if p == old_id else p for p in node.supports]
        if old_id in node.opposes:
            update["opposes"] = [new_id if p == old_id else p for p in node.opposes]
        nodes.append(node.model_copy(update=update) if update else node)
    return with_nodes(argument_map, nodes)
