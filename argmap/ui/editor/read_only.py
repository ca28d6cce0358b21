"""Read-only maps in classroom mode: a student's work opened by their teacher, a map its student has
submitted (frozen), a map a teacher published to the class, the shared library's maps. The Editor
shows them with their outline and comments but without any form, button or key that would change
them, and says why; the database refuses their changes too (``migrations/0002_classroom.sql``)."""

from __future__ import annotations

import streamlit as st

from argmap.model import Node
from argmap.ui import people, state
from argmap.ui.common import md


def read_only_reason(opened: state.OpenMap) -> str | None:
    """Why the signed-in user may not change the open map, in a sentence; None when they may (and
    always in the single-user folder mode)."""
    if not people.classroom_mode():
        return None
    room = people.room()
    info = room.map_info(opened.name)
    if info.mine:
        if info.locked:
            return (
                "You have submitted this map, so it is read-only: your teacher marks this version. "
                "You can still read and answer the comments on its points."
            )
        return None
    role = None
    if info.class_id is not None:
        role = next((c.role for c in room.my_classes() if c.id == info.class_id), None)
    if role == "teacher":
        return "A student's work: read-only for you. Select a point to comment on it."
    if info.visibility == "class":
        return (
            "Your teacher published this map to the class: you can read it but not change it "
            "(Duplicate it on the Library page to work on a copy)."
        )
    return "This map is not yours, so it is read-only: Duplicate it on the Library page to work on a copy."


def node_view(node: Node) -> None:
    """The selected point as text, in place of the side panel's forms."""
    parents = ", ".join(f"{rel.value} `{parent}`" for rel, parent in node.parents()) or "no parent (a root)"
    st.caption(f"{node.kind.value} · id `{node.id}` · {parents}")
    st.markdown(f"**{md(node.display_label)}**")
    if node.text != node.display_label:
        st.markdown(md(node.text))
    if node.tags:
        st.caption("tags: " + ", ".join(md(tag) for tag in node.tags))
    for source in node.sources:
        where = ", ".join(md(part) for part in (source.publisher, source.date) if part)
        st.caption(f"source: {md(source.title)}" + (f" ({where})" if where else ""))
