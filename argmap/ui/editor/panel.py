"""The Editor's side panel for the selected node: its edit form, the form that adds a point below
it, the move/link/rename section and the delete button with its confirmation; for a read-only map,
the node's text alone."""

from __future__ import annotations

import streamlit as st

from argmap.analysis import Check
from argmap.editing import SOURCE_FIELDS, EditError
from argmap.graph import MapGraph
from argmap.model import ArgumentMap, Basis, Kind, Node, Priority, Source
from argmap.rules import child_kinds, relation_for
from argmap.ui import people, state
from argmap.ui.common import act, md, messages_waiting, report
from argmap.ui.editor import folds
from argmap.ui.editor.actions import NO_BASIS, add_below, delete, drop_link, move, rename, save_node
from argmap.ui.editor.canvas import SIDE_PANEL, checks_list, draw_map
from argmap.ui.editor.comments import comment_counts, node_comments
from argmap.ui.editor.gaps import debate_gaps
from argmap.ui.editor.read_only import node_view
from argmap.ui.views import cached_new_parents, cached_node_choices
from argmap.words import counted, kind_words

SOURCE_WORDS = {"publisher": "publisher", "date": "date", "url": "URL"}
SOURCE_HINTS = {
    "title": "e.g. SIPRI Arms Transfers Database",
    "publisher": "optional",
    "date": "optional, e.g. 2021",
    "url": "optional, https://…",
}


def side_panel(opened: state.OpenMap, node: Node) -> None:
    argument_map = opened.map
    widget = f"n{opened.key[:10]}_{node.id}"  # new widgets whenever the map or the node changes
    parents = ", ".join(f"{rel.value} `{parent}`" for rel, parent in node.parents()) or "no parent (a root)"
    st.caption(f"id `{node.id}` · {parents}")
    fold_button(opened, node)

    with st.form(f"{widget}_edit", border=True):
        st.markdown("**Edit this node**")
        kinds = [kind.value for kind in Kind]
        st.selectbox("Kind", kinds, index=kinds.index(node.kind.value), key=f"{widget}_kind")
        st.text_input(
            "Label (short, for the map box)",
            value=node.label or "",
            key=f"{widget}_label",
            placeholder=node.display_label,
        )
        st.text_area("Text", value=node.text, key=f"{widget}_text", height=110)
        st.text_input("Tags (comma-separated dimensions)", value=", ".join(node.tags), key=f"{widget}_tags")
        if node.kind is Kind.EVIDENCE:
            bases = [NO_BASIS, *(basis.value for basis in Basis)]
            st.selectbox(
                "Basis",
                bases,
                index=bases.index(node.basis.value if node.basis else NO_BASIS),
                key=f"{widget}_basis",
            )
            source_fields(f"{widget}_source", node.sources)
        st.number_input(
            "Starting strength (0–1; empty: the usual for its kind)",
            min_value=0.0,
            max_value=1.0,
            step=0.05,
            value=node.score,
            key=f"{widget}_score",
            placeholder="usual",
            help="How strong the point is before what supports and opposes it is counted (see How is "
            "this worked out? on the Analysis page)",
        )
        priorities = [priority.value for priority in Priority]
        st.selectbox(
            "Priority in outlines",
            priorities,
            index=priorities.index((node.priority or Priority.NORMAL).value),
            key=f"{widget}_priority",
            help="Key points come first in an outline and minor ones last, whatever their strength",
        )
        st.form_submit_button("Save changes", type="primary", on_click=act(save_node, node.id, widget))

    allowed = child_kinds(node.kind)
    if allowed:
        add_form(argument_map, node, allowed, f"{widget}_add")

    # Its content (a box listing every possible new parent) is built only while it is open.
    moves = st.expander("Move, link or rename", key="move_section", on_change="rerun")
    if moves.open:
        with moves:
            move_section(opened, node, widget)

    if st.session_state.get("confirm_delete") == node.id:
        orphans = MapGraph.of(argument_map).only_below(node.id)
        with st.container(border=True, key="delete_confirmation"):
            st.warning(
                f"Delete {md(repr(node.display_label))} and every relation to it?", icon=":material/delete:"
            )
            if orphans:
                st.checkbox(
                    f"Also delete the {len(orphans)} points that hang only from it", key="delete_orphans"
                )
            yes, no = st.columns(2)
            yes.button("Yes, delete", key="confirm_delete_yes", type="primary", on_click=act(delete, node.id))
            no.button(
                "Cancel",
                key="confirm_delete_no",
                on_click=lambda: st.session_state.pop("confirm_delete", None),
            )
    else:
        st.button(
            "Delete node…",
            key="delete_node",
            icon=":material/delete:",
            on_click=lambda: st.session_state.update(confirm_delete=node.id),
        )


def read_only_panel(opened: state.OpenMap, node: Node) -> None:
    """The side panel of a map the user may not change: the node's text, and folding its branch."""
    fold_button(opened, node)
    node_view(node)


def source_fields(prefix: str, sources: list[Source]) -> None:
    """A title, publisher, date and URL field for each source and for one more (the keys
    ``{prefix}_{n}_{field}``, n from 0; see :func:`argmap.ui.editor.actions.typed_sources`)."""
    for number, source in enumerate([*sources, None], start=1):
        with st.container(border=True):
            name = f"Source {number}" if source else ("New source" if sources else "Source")
            for field in SOURCE_FIELDS:
                st.text_input(
                    f"{name}: {SOURCE_WORDS[field]}" if field != "title" else f"{name}: title",
                    value=(getattr(source, field) or "") if source else "",
                    key=f"{prefix}_{number - 1}_{field}",
                    placeholder=SOURCE_HINTS[field],
                )


def add_form(argument_map: ArgumentMap, node: Node, allowed: list[Kind], prefix: str) -> None:
    """Add a point below ``node``: its text and Enter is enough (the kind the place needs most is
    chosen); tags (the parent's to start with), a label and, for evidence, a source in the same form."""
    words = kind_words(argument_map)

    def describe(kind_value: str) -> str:
        kind = Kind(kind_value)
        relation = relation_for(kind, node.kind)
        how = f"{relation.value if relation else '?'} it"
        return f"{words[kind]} ({kind_value}, {how})" if kind in words else f"{kind_value} ({how})"

    with st.form(prefix, border=True, clear_on_submit=True):
        st.markdown("**Add a point below it**")
        st.selectbox(
            "Kind of the new point",
            [kind.value for kind in allowed],
            key=f"{prefix}_kind",
            format_func=describe,
        )
        st.text_input("Text of the new point", key=f"{prefix}_text", placeholder="Type it, then press Enter")
        st.text_input("Label of the new point (optional)", key=f"{prefix}_label")
        st.text_input("Tags (comma-separated)", value=", ".join(node.tags), key=f"{prefix}_tags")
        if Kind.EVIDENCE in allowed:
            st.caption("For evidence, its source (more can be added once it is saved):")
            source_fields(f"{prefix}_source", [])
        st.form_submit_button("Add below", on_click=act(add_below, node.id, prefix))


def fold_button(opened: state.OpenMap, node: Node) -> None:
    """Collapse or expand the branch below the node (Space on the map does the same)."""
    ids = folds.collapsed(opened)
    if node.id in ids:
        hidden = folds.hidden_count(opened.map, ids, node.id)
        word = f"Expand its branch ({counted(hidden, 'box', 'boxes')} hidden)"
    else:
        hidden = folds.hidden_count(opened.map, (*ids, node.id), node.id)
        if not hidden:
            return  # nothing hangs below it that another branch does not show
        word = f"Collapse its branch ({counted(hidden, 'box', 'boxes')} below)"
    st.button(
        word,
        key="fold_branch",
        icon=":material/unfold_more:" if node.id in ids else ":material/unfold_less:",
        on_click=folds.toggle,
        args=(node.id,),
        help="Space on the map does the same",
        width="stretch",
    )
    if len(ids) > 1 or (ids and node.id not in ids):
        st.button("Expand every branch", key="expand_all", on_click=folds.expand_all, width="stretch")


def move_section(opened: state.OpenMap, node: Node, widget: str) -> None:
    targets = cached_new_parents(opened.key, node.id, opened.map)
    if node.kind is Kind.THESIS:
        st.caption("The thesis is the root: it cannot move.")
    elif targets:
        st.selectbox(
            "New parent",
            targets,
            key=f"{widget}_target",
            format_func=cached_node_choices(opened.key, opened.map).__getitem__,
        )
        # One under the other, full width: side by side in the narrow panel their labels were cut.
        st.button(
            "Move here",
            key="move_node",
            on_click=act(move, node.id, f"{widget}_target", False),
            help="Replace its parents with this one",
            width="stretch",
        )
        st.button(
            "Also link here",
            key="link_node",
            on_click=act(move, node.id, f"{widget}_target", True),
            help="Keep its parents and add this one",
            width="stretch",
        )
    for relation, parent in node.parents():
        st.button(
            f"Unlink from {parent} ({relation.value})",
            key=f"unlink_{parent}",
            on_click=act(drop_link, node.id, parent),
            width="stretch",
        )
    st.text_input("Node id", value=node.id, key=f"{widget}_id")
    st.button("Rename id", key="rename_node", on_click=act(rename, node.id, f"{widget}_id"), width="stretch")


def map_with_panel(opened: state.OpenMap, options: dict, checks: list[Check], editable: bool = True) -> None:
    """The Map tab: the map with its checks below it, and beside it the Selected node box over the
    side panel of the node it names (its text alone when not ``editable``).

    It runs as a fragment: a click on a box, a node chosen in the list, a fold or a finding reruns
    only the map and the panel, not the rest of the page (title, toolbar, filters, sidebar). An
    action that changes what the rest of the page shows (an edit, undo or redo: the title, the
    toolbar's undo and the node count, the checks) or leaves a message for the top of the page
    reruns the whole page."""
    _map_and_panel(opened, page_state(opened), options, checks, editable)


def page_state(opened: state.OpenMap | None) -> tuple:
    """What the page outside the map and the panel shows of the open map: its name, content,
    whether the last save was refused, and what undo and redo would do."""
    if opened is None:
        return ()
    return (opened.name, opened.key, opened.stale, state.step_label(True), state.step_label(False))


@st.fragment
def _map_and_panel(
    opened: state.OpenMap, drawn: tuple, options: dict, checks: list[Check], editable: bool
) -> None:
    # ``drawn``: page_state when the whole page last ran (a fragment's rerun gets the arguments of
    # that run). A callback of this rerun that changed it, or left a message for the top of the
    # page, needs the whole page drawn again.
    if page_state(state.current()) != drawn or messages_waiting():
        st.rerun()
    argument_map = opened.map
    if people.classroom_mode():  # the marks of the open threads, which the panel may add to
        options = {**options, "comments": comment_counts(opened.name)}
    selected = node_selected(argument_map)
    drawing, panel = st.columns([3, 1], gap="medium")
    # The map first: after an edit its new picture leaves the server before the panel is built.
    with drawing:
        draw_map(opened, selected, options, editable)
        checks_list(opened, checks)
        debate_gaps(opened)
    with panel, st.container(key=SIDE_PANEL):
        selected = node_box(opened)
        if selected and people.classroom_mode():
            node_comments(opened, selected)
        if selected:
            try:
                (side_panel if editable else read_only_panel)(opened, state.node(selected))
            except EditError as exc:
                report(exc)


#: Up to this many boxes the Selected node box lists every node. A larger map's box lists the
#: selected node, what it hangs from and what hangs below it, or what the Find box above it matches,
#: so that a run does not send (and hash) a thousand options for a click.
LISTED = 150
#: The most nodes the Find box lists.
FOUND = 50
FIND = "find_node"


def node_selected(argument_map: ArgumentMap) -> str | None:
    """The selected node: the one the session names when the map has it, else the first node."""
    ids = argument_map.node_index()
    selected = st.session_state.get(state.SELECTED)
    if selected not in ids:
        selected = st.session_state[state.SELECTED] = next(iter(ids), None)
    return selected


def node_box(opened: state.OpenMap) -> str | None:
    """The Selected node box (and, on a map of more than :data:`LISTED` boxes, the Find box)."""
    argument_map = opened.map
    choices = cached_node_choices(opened.key, argument_map)
    if len(argument_map.nodes) <= LISTED:
        ids = list(choices)
    else:
        query = st.text_input(
            "Find a node",
            key=FIND,
            placeholder="words of its label or its id, then Enter",
            help="The Selected node box below lists the nodes found (at most "
            f"{FOUND}); empty, it lists the selected node's neighbours",
        )
        ids = listed_nodes(argument_map, choices, st.session_state.get(state.SELECTED), query)
    return st.selectbox("Selected node", ids, key=state.SELECTED, format_func=choices.__getitem__)


def listed_nodes(
    argument_map: ArgumentMap, choices: dict[str, str], selected: str | None, query: str = ""
) -> list[str]:
    """The nodes the Selected node box of a large map lists, in map order: the selected one, and
    either the first :data:`FOUND` whose id or shown text contains ``query`` (any case) or, with no
    query, its parents and its children."""
    words = query.strip().casefold()
    if words:
        found = [
            node_id for node_id, shown in choices.items() if words in node_id or words in shown.casefold()
        ]
        wanted = {*found[:FOUND], selected}
    elif selected in choices:
        node = argument_map.get(selected)
        wanted = {selected, *(parent for _, parent in node.parents())}
        wanted.update(child.id for _, child in argument_map.children(selected))
    else:
        wanted = set()
    return [node_id for node_id in choices if node_id in wanted] or list(choices)[:1]
