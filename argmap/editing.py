"""Edits to an argument map as pure functions, and an undo/redo history of map snapshots.

Every operation takes an :class:`~argmap.model.ArgumentMap` and returns a *new*, validated map; the
map passed in is never changed, so a snapshot kept in :class:`History` stays what it was. An edit
that would break the map's rules raises :class:`EditError` (an ArgmapError) with one sentence that
names the node, and nothing changes.

The app's Editor calls these functions and nothing else to change a map; a script can too::

    from argmap.editing import add_child, fresh_id, update_node, History

    new_id = fresh_id(m, "Russia's pivot to China")
    m2 = add_child(m, "thesis", Kind.COUNTERPOINT, "Russia's pivot to China", node_id=new_id)
    m3 = update_node(m2, new_id, tags=["strategic"])

Why validation is done here and not left to the model: a new map is assembled with
``model_copy`` (so unchanged nodes are not validated again, which keeps an edit of a 300-node map
in milliseconds) and then checked once with :func:`~argmap.model.check_rules`; a changed node is
built with ``Node.model_validate`` so its own fields are checked as in a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from argmap.errors import ArgmapError
from argmap.graph import MapGraph
from argmap.model import (
    ArgumentMap,
    Basis,
    Directive,
    Kind,
    Node,
    RelationType,
    Source,
    Vocabulary,
    check_rules,
)
from argmap.rules import (
    SLUG,
    SLUG_MAX,
    NewIds,
    allowed_parent_kinds,
    default_relation,
    refusal,
    relation_for,
    slugify,
)

#: Node fields a user edits directly (the relations change through add/reparent/link/unlink).
EDITABLE_FIELDS = ("kind", "label", "text", "tags", "basis", "sources", "score", "priority", "notes")
#: Map fields a user edits directly.
MAP_FIELDS = ("title", "question", "directive", "tags", "vocabulary", "conclusion")


class EditError(ArgmapError):
    """An edit that cannot be made: an unknown node, a forbidden relation, an invalid field."""


# -- helpers ---------------------------------------------------------------------------------------


def _node(argument_map: ArgumentMap, node_id: str) -> Node:
    try:
        return argument_map.get(node_id)
    except KeyError:
        raise EditError(f"there is no node {node_id!r} in this map") from None


def _field_message(node_id: str, exc: ValidationError) -> str:
    err = exc.errors()[0]
    field = ".".join(str(part) for part in err["loc"]) or "node"
    message = err["msg"].removeprefix("Value error, ")
    if isinstance(err.get("ctx"), dict) and isinstance(err["ctx"].get("error"), Exception):
        message = str(err["ctx"]["error"])
    return f"node {node_id!r}: {field}: {message}"


def _build_node(data: Mapping[str, Any]) -> Node:
    node_id = str(data.get("id", "?"))
    try:
        return Node.model_validate(dict(data))
    except ValidationError as exc:
        raise EditError(_field_message(node_id, exc)) from None


def _with_nodes(argument_map: ArgumentMap, nodes: list[Node], **map_fields: Any) -> ArgumentMap:
    """The map with these nodes (and map fields), checked against the map's rules."""
    candidate = argument_map.model_copy(update={"nodes": nodes, **map_fields})
    problems = check_rules(candidate)
    if problems:
        raise EditError(problems[0].message)
    return candidate


def _replace(argument_map: ArgumentMap, node_id: str, node: Node) -> list[Node]:
    return [node if existing.id == node_id else existing for existing in argument_map.nodes]


def _node_data(node: Node) -> dict[str, Any]:
    # by_alias=False: Node has no aliases, and field names are what the model takes back.
    return node.model_dump()


def _relation_error(node_id: str | None, kind: Kind, relation: RelationType, parent: Node) -> EditError:
    return EditError(refusal(node_id, kind, relation, parent.id, parent.kind))


def _usual(kind: Kind) -> RelationType:
    return default_relation(kind) or RelationType.SUPPORTS


def fresh_id(argument_map: ArgumentMap, text: str, fallback: str = "node") -> str:
    """A new node id made from ``text`` that no node of the map uses yet (``-2``, ``-3`` … added)."""
    return NewIds(node.id for node in argument_map.nodes).make(text, fallback)


def parse_tags(text: str) -> list[str]:
    """Tags typed as free text ("Defence, nuclear energy") as slugs, in order, without repeats."""
    tags: dict[str, None] = {}
    for part in text.replace(";", ",").split(","):
        slug = slugify(part, limit=SLUG_MAX)
        if slug:
            tags[slug] = None
    return list(tags)


def parse_sources(text: str) -> list[Source]:
    """Sources typed one per line as ``title | publisher | date | url`` (only the title needed).

    Raises EditError naming the line of a source with no title.
    """
    sources = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if not parts[0]:
            raise EditError(f"source line {number} has no title; write 'title | publisher | date | url'")
        fields = dict(zip(("title", "publisher", "date", "url"), parts, strict=False))
        sources.append(Source(**{key: value for key, value in fields.items() if value}))
    return sources


def sources_text(sources: Iterable[Source]) -> str:
    """Sources as :func:`parse_sources` reads them, one per line, trailing empty parts left out."""
    lines = []
    for source in sources:
        parts = [source.title, source.publisher or "", source.date or "", source.url or ""]
        while parts and not parts[-1]:
            parts.pop()
        lines.append(" | ".join(parts))
    return "\n".join(lines)


# -- the map itself --------------------------------------------------------------------------------


def update_map(argument_map: ArgumentMap, **fields: Any) -> ArgumentMap:
    """The map with its title, question, directive, tags, vocabulary or conclusion changed.

    Values come as a form gives them: a blank question, directive or conclusion clears it;
    ``directive`` is a :class:`~argmap.model.Directive` or its word ("critically examine");
    ``tags`` a list of slugs or free text for :func:`parse_tags`; ``vocabulary`` a
    :class:`~argmap.model.Vocabulary`, a mapping ``{"for": …, "against": …}`` (both blank: none)
    or None. Raises EditError, in one sentence, for an unknown field or a value the map file would
    refuse (an empty title, one side's word without the other's, a tag that is not a slug).
    """
    unknown = set(fields) - set(MAP_FIELDS)
    if unknown:
        raise EditError(f"cannot edit map field {sorted(unknown)[0]!r}; editable: {', '.join(MAP_FIELDS)}")
    data = argument_map.model_dump(by_alias=True, exclude={"nodes"})
    for key, value in fields.items():
        data[key] = _map_value(key, value)
    try:
        head = ArgumentMap.model_validate({**data, "nodes": []})
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(part) for part in err["loc"])
        raise EditError(f"the map's {field}: {err['msg'].removeprefix('Value error, ')}") from None
    return head.model_copy(update={"nodes": argument_map.nodes})


def _map_value(key: str, value: Any) -> Any:
    """A map field's value as the map file has it, checked with a message a user can act on."""
    if isinstance(value, str):
        value = value.strip()
    if key == "title":
        if not value:
            raise EditError("the map's title cannot be empty; write one, e.g. 'India–Russia relations'")
        return value
    if key in ("question", "conclusion"):
        return value or None
    if key == "directive":
        if not value:
            return None
        directives = [directive.value for directive in Directive]
        if str(value) not in directives:
            raise EditError(f"the map's directive must be one of: {', '.join(directives)} (or none)")
        return str(value)
    if key == "tags":
        tags = parse_tags(value) if isinstance(value, str) else list(value or [])
        for tag in tags:
            if not isinstance(tag, str) or not SLUG.match(tag) or len(tag) > SLUG_MAX:
                raise EditError(
                    f"the map's tag {tag!r} must be lower-case words joined by hyphens, e.g. 'gs-2'"
                )
        return tags
    if key == "vocabulary":
        if value is None or isinstance(value, Vocabulary):
            return value.model_dump(by_alias=True) if value is not None else None
        words = {
            side: str(value.get(side) or value.get(f"{side}_") or "").strip() for side in ("for", "against")
        }
        if not any(words.values()):
            return None
        if not all(words.values()):
            raise EditError(
                "the map's headings for the two sides need both a heading for the points for and one "
                "for the points against (e.g. Convergences and Irritants), or neither"
            )
        return words
    return value


# -- one node --------------------------------------------------------------------------------------


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
    node = _node(argument_map, node_id)
    data = _node_data(node)
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
    updated = _build_node(data)
    return _with_nodes(argument_map, _replace(argument_map, node_id, updated))


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
    parent = _node(argument_map, parent_id)
    if relation is None:
        chosen = relation_for(kind, parent.kind)
        if chosen is None:
            raise _relation_error(
                node_id or None, kind, default_relation(kind) or RelationType.SUPPORTS, parent
            )
    else:
        chosen = RelationType(relation)
        if kind is Kind.THESIS or parent.kind not in allowed_parent_kinds(kind, chosen):
            raise _relation_error(node_id, kind, chosen, parent)
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
    node = _build_node(data)
    nodes = list(argument_map.nodes)
    nodes.insert(_insert_position(argument_map, parent), node)
    return _with_nodes(argument_map, nodes)


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


def filtered(
    argument_map: ArgumentMap, *, kinds: Iterable[str] = (), tags: Iterable[str] = ()
) -> ArgumentMap:
    """The map restricted to nodes of the given kinds that carry one of the given tags (either
    empty: no restriction), for a filtered view. The thesis always stays, as the anchor; relations
    to hidden nodes are dropped. Hiding nodes cannot break a rule, so the result is not checked."""
    wanted_kinds, wanted_tags = set(kinds), set(tags)
    if not wanted_kinds and not wanted_tags:
        return argument_map
    shown = {
        node.id
        for node in argument_map.nodes
        if node.kind is Kind.THESIS
        or (
            (not wanted_kinds or node.kind.value in wanted_kinds)
            and (not wanted_tags or wanted_tags.intersection(node.tags))
        )
    }
    return restricted_to(argument_map, shown)


def restricted_to(argument_map: ArgumentMap, keep: Iterable[str]) -> ArgumentMap:
    """The map cut down to the nodes in ``keep``, with the relations among them; not checked, as
    a view of part of a map may leave an answer without the point it answers."""
    shown = set(keep)
    nodes = [
        node.model_copy(
            update={
                "supports": [p for p in node.supports if p in shown],
                "opposes": [p for p in node.opposes if p in shown],
            }
        )
        for node in argument_map.nodes
        if node.id in shown
    ]
    return argument_map.model_copy(update={"nodes": nodes})


def delete_node(argument_map: ArgumentMap, node_id: str, *, with_orphans: bool = False) -> ArgumentMap:
    """The map without ``node_id`` and without every relation that pointed to it.

    With ``with_orphans`` the nodes that hung only from it (:meth:`MapGraph.only_below <argmap.graph.MapGraph.only_below>`) go too; otherwise
    they stay, without that parent. Raises EditError for an unknown id.
    """
    _node(argument_map, node_id)
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
    return _with_nodes(argument_map, nodes)


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
    node = _node(argument_map, node_id)
    parent = _node(argument_map, new_parent)
    if new_parent == node_id or new_parent in MapGraph.of(argument_map).descendants(node_id):
        raise EditError(
            f"cannot move {node_id!r} under {new_parent!r}: {new_parent!r} hangs below {node_id!r}"
        )
    if node.kind is Kind.THESIS:
        raise EditError(f"node {node_id!r} is the thesis; the thesis is the root and has no parent")
    chosen = RelationType(relation) if relation is not None else relation_for(node.kind, parent.kind)
    if chosen is None or parent.kind not in allowed_parent_kinds(node.kind, chosen):
        raise _relation_error(node_id, node.kind, chosen or _usual(node.kind), parent)
    if old_parent is not None and old_parent not in (*node.supports, *node.opposes):
        raise EditError(f"node {node_id!r} does not hang from {old_parent!r}")
    keep = (
        [] if old_parent is None else [(r, p) for r, p in node.parents() if p not in (old_parent, new_parent)]
    )
    keep.append((chosen, new_parent))
    supports = [p for r, p in keep if r is RelationType.SUPPORTS]
    opposes = [p for r, p in keep if r is RelationType.OPPOSES]
    moved = node.model_copy(update={"supports": supports, "opposes": opposes})
    return _with_nodes(argument_map, _replace(argument_map, node_id, moved))


def link(
    argument_map: ArgumentMap, node_id: str, parent_id: str, relation: RelationType | str | None = None
) -> ArgumentMap:
    """The map with one more parent for ``node_id`` (a point that bears on two others)."""
    node = _node(argument_map, node_id)
    parent = _node(argument_map, parent_id)
    if parent_id in (*node.supports, *node.opposes):
        raise EditError(f"node {node_id!r} already hangs from {parent_id!r}")
    chosen = RelationType(relation) if relation is not None else relation_for(node.kind, parent.kind)
    if (
        chosen is None
        or node.kind is Kind.THESIS
        or parent.kind not in allowed_parent_kinds(node.kind, chosen)
    ):
        raise _relation_error(node_id, node.kind, chosen or _usual(node.kind), parent)
    field = chosen.value
    linked = node.model_copy(update={field: [*getattr(node, field), parent_id]})
    return _with_nodes(argument_map, _replace(argument_map, node_id, linked))


def unlink(argument_map: ArgumentMap, node_id: str, parent_id: str) -> ArgumentMap:
    """The map without the relation from ``node_id`` to ``parent_id``."""
    node = _node(argument_map, node_id)
    if parent_id not in (*node.supports, *node.opposes):
        raise EditError(f"node {node_id!r} does not hang from {parent_id!r}")
    unlinked = node.model_copy(
        update={
            "supports": [p for p in node.supports if p != parent_id],
            "opposes": [p for p in node.opposes if p != parent_id],
        }
    )
    return _with_nodes(argument_map, _replace(argument_map, node_id, unlinked))


def rename_node(argument_map: ArgumentMap, old_id: str, new_id: str) -> ArgumentMap:
    """The map with a node's id changed, and every relation that named it following it."""
    _node(argument_map, old_id)
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
    return _with_nodes(argument_map, nodes)


# -- many nodes at once ------------------------------------------------------------------------------

#: The columns of the table view, in order; ``id`` is the row's key and cannot be edited there.
TABLE_COLUMNS = ("id", "kind", "label", "text", "tags", "basis", "score", "priority")


def table_rows(argument_map: ArgumentMap) -> list[dict[str, Any]]:
    """One row per node for the table view: tags joined by commas, empty fields as None."""
    return [_row(node) for node in argument_map.nodes]


def _row(node: Node) -> dict[str, Any]:
    return {
        "id": node.id,
        "kind": node.kind.value,
        "label": node.label,
        "text": node.text,
        "tags": ", ".join(node.tags),
        "basis": node.basis.value if node.basis else None,
        "score": node.score,
        "priority": node.priority.value if node.priority else None,
    }


def _is_blank(value: Any) -> bool:
    # A table cell left empty arrives as None, "" or NaN (pandas); all mean "unset".
    return value is None or value == "" or (isinstance(value, float) and value != value)


def apply_table(argument_map: ArgumentMap, rows: Iterable[Mapping[str, Any]]) -> ArgumentMap:
    """The map with the edits of a table view applied: each row names a node by ``id``.

    Only the cells that differ from the node are applied, each through :func:`update_node`, so a
    kind change turns relations round as it does one node at a time. A row for an unknown id, or
    an edit that breaks a rule, raises EditError naming the node (and the table row).
    """
    result = argument_map
    for number, row in enumerate(rows, start=1):
        node_id = row.get("id")
        if not isinstance(node_id, str):
            raise EditError(f"table row {number} has no node id")
        node = _node(result, node_id)
        changes: dict[str, Any] = {}
        current = _row(node)
        for column in TABLE_COLUMNS[1:]:
            if column not in row:
                continue
            value = None if _is_blank(row[column]) else row[column]
            if value == current[column]:
                continue
            if column == "tags":
                changes["tags"] = parse_tags(value or "")
            elif column == "text" and value is None:
                raise EditError(f"node {node_id!r} (table row {number}) needs some text")
            elif column == "score" and value is not None:
                changes["score"] = float(value)
            else:
                changes[column] = value
        if changes:
            try:
                result = update_node(result, node_id, **changes)
            except EditError as exc:
                raise EditError(f"table row {number}: {exc}") from None
    return result


#: Unapplied edits of the table view, kept apart from the map until they are applied:
#: node id -> column -> (the value the cell had when it was typed, the value typed).
TableEdits = dict[str, dict[str, tuple[Any, Any]]]


def table_edits(
    argument_map: ArgumentMap, shown: TableEdits, edited_rows: Mapping[Any, Mapping[str, Any]]
) -> TableEdits:
    """The table view's unapplied edits: ``shown`` (those the table was drawn with, see
    :func:`rows_with_edits`), then the cells of a data editor's ``edited_rows`` (row number ->
    column -> value, rows as :func:`table_rows` gives them). A cell typed back to the map's value
    is no longer an edit; unknown rows and columns (``id``) are ignored."""
    edits = {node_id: dict(cells) for node_id, cells in shown.items()}
    current = table_rows(argument_map)
    for index, changes in edited_rows.items():
        row = int(index)
        if not 0 <= row < len(current):
            continue
        node_id = current[row]["id"]
        cells = edits.setdefault(node_id, {})
        for column, value in changes.items():
            if column not in TABLE_COLUMNS[1:]:
                continue
            was, typed = current[row][column], None if _is_blank(value) else value
            if typed == was:
                cells.pop(column, None)
            else:
                cells[column] = (was, typed)
        if not cells:
            del edits[node_id]
    return edits


def rows_with_edits(
    argument_map: ArgumentMap, edits: TableEdits
) -> tuple[list[dict[str, Any]], TableEdits, int]:
    """:func:`table_rows` with the unapplied ``edits`` typed in, for drawing the table or for
    :func:`apply_table`; also the edits kept and how many were dropped: an edit is kept only while
    its cell still holds the value it had when it was typed (not when the node was deleted or that
    field was changed elsewhere since), so that it never undoes a later change unseen."""
    rows = table_rows(argument_map)
    at = {row["id"]: row for row in rows}
    kept: TableEdits = {}
    dropped = 0
    for node_id, cells in edits.items():
        row = at.get(node_id)
        for column, (was, typed) in cells.items():
            if row is None or column not in row or row[column] != was:
                dropped += 1
                continue
            row[column] = typed
            kept.setdefault(node_id, {})[column] = (was, typed)
    return rows, kept, dropped


# -- undo and redo -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One state in the history: the map, and what the edit that made it was called."""

    map: ArgumentMap
    label: str


class History:
    """Undo and redo over snapshots of a map. Maps are never changed in place, so keeping the
    snapshot objects themselves is both cheap and safe.

    ``record`` after an ``undo`` drops the steps that had been undone, as every editor does.
    At most ``limit`` steps are kept; the oldest go first.
    """

    def __init__(self, initial: ArgumentMap, limit: int = 100):
        if limit < 2:
            raise ValueError("a history needs room for at least two steps")
        self._steps: list[Step] = [Step(initial, "opened")]
        self._at = 0
        self._limit = limit

    @property
    def current(self) -> ArgumentMap:
        return self._steps[self._at].map

    @property
    def can_undo(self) -> bool:
        return self._at > 0

    @property
    def can_redo(self) -> bool:
        return self._at < len(self._steps) - 1

    @property
    def undo_label(self) -> str | None:
        """What undo would take back, e.g. "add rebuttal 'no-sanctions'"; None when nothing."""
        return self._steps[self._at].label if self.can_undo else None

    @property
    def redo_label(self) -> str | None:
        return self._steps[self._at + 1].label if self.can_redo else None

    def record(self, argument_map: ArgumentMap, label: str) -> None:
        """Make ``argument_map`` the current state, reached by the edit called ``label``."""
        del self._steps[self._at + 1 :]
        self._steps.append(Step(argument_map, label))
        if len(self._steps) > self._limit:
            del self._steps[: len(self._steps) - self._limit]
        self._at = len(self._steps) - 1

    def undo(self) -> ArgumentMap:
        """Step back and return the map as it was; raises EditError when there is nothing to undo."""
        if not self.can_undo:
            raise EditError("there is nothing to undo")
        self._at -= 1
        return self.current

    def redo(self) -> ArgumentMap:
        """Step forward again; raises EditError when there is nothing to redo."""
        if not self.can_redo:
            raise EditError("there is nothing to redo")
        self._at += 1
        return self.current

    def __len__(self) -> int:
        return len(self._steps)


__all__ = [
    "EDITABLE_FIELDS",
    "MAP_FIELDS",
    "TABLE_COLUMNS",
    "EditError",
    "History",
    "Step",
    "TableEdits",
    "add_child",
    "add_node",
    "apply_table",
    "delete_node",
    "filtered",
    "fresh_id",
    "link",
    "parse_sources",
    "parse_tags",
    "rename_node",
    "reparent",
    "restricted_to",
    "rows_with_edits",
    "sources_text",
    "table_edits",
    "table_rows",
    "unlink",
    "update_map",
    "update_node",
]
