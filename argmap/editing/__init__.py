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

The package, by seam: :mod:`~argmap.editing.common` (the error, checked nodes and maps, new ids),
:mod:`~argmap.editing.text` (tags and sources as typed), :mod:`~argmap.editing.map_fields` (the map's
own fields), :mod:`~argmap.editing.nodes` (one node and its relations),
:mod:`~argmap.editing.restrict` (a map cut down for a view), :mod:`~argmap.editing.table` (the table
view) and :mod:`~argmap.editing.history` (undo and redo). Every name is imported from here.
"""

from __future__ import annotations

from argmap.editing.common import EditError, fresh_id
from argmap.editing.history import History, Step
from argmap.editing.map_fields import MAP_FIELDS, update_map
from argmap.editing.nodes import (
    EDITABLE_FIELDS,
    add_child,
    add_node,
    delete_node,
    link,
    rename_node,
    reparent,
    unlink,
    update_node,
)
from argmap.editing.restrict import filtered, restricted_to
from argmap.editing.table import (
    TABLE_COLUMNS,
    TableEdits,
    apply_table,
    rows_with_edits,
    table_edits,
    table_rows,
)
from argmap.editing.text import SOURCE_FIELDS, parse_tags, sources_from_fields

__all__ = [
    "EDITABLE_FIELDS",
    "MAP_FIELDS",
    "SOURCE_FIELDS",
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
    "parse_tags",
    "rename_node",
    "reparent",
    "restricted_to",
    "rows_with_edits",
    "sources_from_fields",
    "table_edits",
    "table_rows",
    "unlink",
    "update_map",
    "update_node",
]
