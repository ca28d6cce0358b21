"""The Editor's actions on one node: select, save the side panel's edit, add a point below it,
move, link, unlink, rename and delete; and the same typed or dragged on the map itself.

Each is a widget callback that calls one function of :mod:`argmap.editing` and hands the new map
to :func:`argmap.ui.state.apply`, which saves it at once.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from argmap.editing import (
    EditError,
    add_child,
    delete_node,
    fresh_id,
    link,
    parse_sources,
    parse_tags,
    rename_node,
    reparent,
    unlink,
    update_node,
)
from argmap.model import ArgumentMap, Basis, Kind
from argmap.rules import child_kinds
from argmap.skeletons import placeholder_id
from argmap.ui import state

NO_BASIS = "(none)"


def select(node_id: str) -> None:
    st.session_state[state.SELECTED] = node_id
    st.session_state.pop("confirm_delete", None)


def save_node(node_id: str, widget: str) -> None:
    opened = state.current()
    if opened is None:
        return
    node = state.node(node_id)
    kind = Kind(st.session_state[f"{widget}_kind"])
    priority = st.session_state[f"{widget}_priority"]
    fields: dict = {
        "kind": kind,
        "label": st.session_state[f"{widget}_label"].strip() or None,
        "text": st.session_state[f"{widget}_text"],
        "tags": parse_tags(st.session_state[f"{widget}_tags"]),
        "score": st.session_state[f"{widget}_score"],
        "priority": None if priority == "normal" else priority,  # normal: the default, left unset
    }
    dropped = ""
    if kind is Kind.EVIDENCE and node.kind is Kind.EVIDENCE:
        basis = st.session_state[f"{widget}_basis"]
        fields["basis"] = None if basis == NO_BASIS else Basis(basis)
        fields["sources"] = parse_sources(st.session_state[f"{widget}_sources"])
    elif kind is not Kind.EVIDENCE and (node.basis or node.sources):
        # Only evidence carries a basis and sources; say what went, since Undo brings it back.
        fields["basis"], fields["sources"] = None, []
        dropped = " Its basis and sources were removed, as only evidence has them (Undo brings them back)."
    new_map = update_node(opened.map, node_id, **fields)
    if new_map == opened.map:
        state.notify("Nothing changed.")
        return
    follow = placeholder_id(opened.map, new_map, node_id)  # a skeleton box's id takes its new words
    if follow:
        new_map, node_id = rename_node(new_map, node_id, follow), follow
    state.apply(new_map, f"edit {node_id!r}", notice=f"Saved {node_id!r}.{dropped}", select=follow)


def add_below(parent_id: str, widget: str) -> None:
    opened = state.current()
    if opened is None:
        return
    kind = Kind(st.session_state[f"{widget}_kind"])
    text = st.session_state[f"{widget}_text"].strip()
    if not text:
        raise EditError(f"write the text of the new {kind.value} first")
    new_id = fresh_id(opened.map, st.session_state[f"{widget}_label"] or text, kind.value)
    label = st.session_state[f"{widget}_label"].strip() or None
    new_map = add_child(opened.map, parent_id, kind, text, node_id=new_id, label=label)
    state.apply(
        new_map,
        f"add {kind.value} {new_id!r}",
        select=new_id,
        notice=f"Added {kind.value} {new_id!r} below {parent_id!r}.",
    )


def move(node_id: str, widget: str, keep_others: bool) -> None:
    target = st.session_state.get(widget)
    if target:
        drop(node_id, target, keep_others)


def drop_link(node_id: str, parent_id: str) -> None:
    opened = state.current()
    if opened is not None:
        state.apply(unlink(opened.map, node_id, parent_id), f"unlink {node_id!r} from {parent_id!r}")


def rename(node_id: str, widget: str) -> None:
    opened = state.current()
    if opened is None:
        return
    new_id = st.session_state.get(widget, "").strip()
    state.apply(rename_node(opened.map, node_id, new_id), f"rename {node_id!r}", select=new_id)


def delete(node_id: str) -> None:
    opened = state.current()
    if opened is None:
        return
    node = state.node(node_id)
    parent = next((p for _, p in node.parents()), None)
    with_orphans = bool(st.session_state.get("delete_orphans"))
    new_map = delete_node(opened.map, node_id, with_orphans=with_orphans)
    st.session_state.pop("confirm_delete", None)
    state.apply(
        new_map, f"delete {node_id!r}", select=parent, notice=f"Deleted {node_id!r}. Undo brings it back."
    )


def new_point_kinds(argument_map: ArgumentMap, node_id: str | None) -> dict[str, str | None]:
    """The kind a point added from the map gets: below ``node_id`` (``child``: the kind its kind
    most needs, as the add form offers first) and beside it (``sibling``: its own kind, under its
    first parent); None where none may be added (below evidence, beside the root)."""
    if node_id is None or node_id not in argument_map.node_index():
        return {"child": None, "sibling": None}
    node = argument_map.get(node_id)
    below = child_kinds(node.kind)
    return {
        "child": below[0].value if below else None,
        "sibling": node.kind.value if next(iter(node.parents()), None) else None,
    }


def add_from_map(node_id: str, place: str, text: str) -> None:
    """A point typed on the map: below ``node_id`` (``place`` child) or beside it (sibling, the
    same kind and relation under its first parent). Raises EditError where none may go."""
    opened = state.current()
    text = text.strip()
    if opened is None or not text:
        return
    node = state.node(node_id)
    if place == "sibling":
        first = next(iter(node.parents()), None)
        if first is None:
            raise EditError(
                f"{node_id!r} has no parent, so a point cannot go beside it; Tab adds one below it"
            )
        (relation, parent_id), kind = first, node.kind
    else:
        kinds = child_kinds(node.kind)
        if not kinds:
            raise EditError(f"nothing may hang below the {node.kind.value} {node_id!r}")
        relation, parent_id, kind = None, node_id, kinds[0]
    new_id = fresh_id(opened.map, text, kind.value)
    new_map = add_child(opened.map, parent_id, kind, text, relation=relation, node_id=new_id)
    state.apply(new_map, f"add {kind.value} {new_id!r}", select=new_id)


def relabel(node_id: str, label: str) -> None:
    """The label typed in place on the map; an empty one goes back to the text's start."""
    opened = state.current()
    if opened is None:
        return
    new_map = update_node(opened.map, node_id, label=label.strip() or None)
    if new_map != opened.map:
        state.apply(new_map, f"edit {node_id!r}")


def delete_at_once(node_id: str) -> None:
    """Delete from the keyboard: no question, since Undo brings it back."""
    opened = state.current()
    if opened is None:
        return
    parent = next((p for _, p in state.node(node_id).parents()), None)
    state.apply(
        delete_node(opened.map, node_id),
        f"delete {node_id!r}",
        select=parent,
        notice=f"Deleted {node_id!r}. Undo (Ctrl+Z) brings it back.",
    )


def drop(node_id: str, target: str, keep_others: bool) -> None:
    """A box dropped on another: moved under it, or with ``keep_others`` linked to it as well.
    Refused with the map rules' own message when the kinds do not fit (EditError)."""
    opened = state.current()
    if opened is None:
        return
    if keep_others:
        state.apply(link(opened.map, node_id, target), f"link {node_id!r} to {target!r}", select=node_id)
    else:
        state.apply(
            reparent(opened.map, node_id, target), f"move {node_id!r} under {target!r}", select=node_id
        )


def map_action(action: dict[str, Any]) -> None:
    """Run what the map's keyboard or mouse asked for (see :func:`argmap.ui.map_component.clickable_map`).
    Raises EditError for a node that is gone or an edit the map rules refuse."""
    name, node = action.get("name"), str(action.get("node", ""))
    if name == "undo" or name == "redo":
        state.step(back=name == "undo")
    elif name == "add":
        add_from_map(node, str(action.get("place", "child")), str(action.get("text", "")))
    elif name == "label":
        relabel(node, str(action.get("label", "")))
    elif name == "delete":
        delete_at_once(node)
    elif name in ("move", "link"):
        drop(node, str(action.get("target", "")), keep_others=name == "link")
