"""The Editor's actions on one node: select, save the side panel's edit, add a point below it,
move, link, unlink, rename and delete.

Each is a widget callback that calls one function of :mod:`argmap.editing` and hands the new map
to :func:`argmap.ui.state.apply`, which saves it at once.
"""

from __future__ import annotations

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
from argmap.model import Basis, Kind
from argmap.ui import state

NO_BASIS = "(none)"


def select(node_id: str) -> None:
    st.session_state[state.SELECTED] = node_id
    st.session_state.pop("confirm_delete", None)


def save_node(node_id: str, widget: str) -> None:
    opened = state.current()
    if opened is None:
        return
    node = opened.map.get(node_id)
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
    state.apply(new_map, f"edit {node_id!r}", notice=f"Saved {node_id!r}.{dropped}")


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
    opened = state.current()
    target = st.session_state.get(widget)
    if opened is None or not target:
        return
    if keep_others:
        state.apply(link(opened.map, node_id, target), f"link {node_id!r} to {target!r}")
    else:
        state.apply(reparent(opened.map, node_id, target), f"move {node_id!r} under {target!r}")


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
    node = opened.map.get(node_id)
    parent = next((p for _, p in node.parents()), None)
    with_orphans = bool(st.session_state.get("delete_orphans"))
    new_map = delete_node(opened.map, node_id, with_orphans=with_orphans)
    st.session_state.pop("confirm_delete", None)
    state.apply(
        new_map, f"delete {node_id!r}", select=parent, notice=f"Deleted {node_id!r}. Undo brings it back."
    )
