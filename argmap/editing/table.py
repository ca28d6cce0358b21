"""Many nodes at once: the table view's rows, its unapplied edits, and applying them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from argmap.editing.common import EditError, existing_node
from argmap.editing.nodes import update_node
from argmap.editing.text import parse_tags
from argmap.model import ArgumentMap, Node

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
        node = existing_node(result, node_id)
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
