"""Editor page: the map drawn live; click a box to select it, edit it in the side panel, add a
point below it, move or delete it; a table for editing many nodes at once; undo and redo; filters;
the map's checks shown on the boxes and listed below the map.

Every action is a widget callback that calls one function of :mod:`argmap.editing` and hands the
new map to :func:`argmap.ui.state.apply`, which saves it at once.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from argmap.analysis import Check, Severity, has_errors, summary
from argmap.editing import (
    TABLE_COLUMNS,
    EditError,
    TableEdits,
    add_child,
    apply_table,
    child_kinds,
    delete_node,
    fresh_id,
    link,
    only_below,
    parse_sources,
    parse_tags,
    relation_for,
    rename_node,
    reparent,
    rows_with_edits,
    sources_text,
    table_edits,
    unlink,
    update_map,
    update_node,
)
from argmap.errors import ToolMissingError
from argmap.model import ArgumentMap, Basis, Directive, Kind, Node
from argmap.render import GROUP_BY
from argmap.ui import state
from argmap.ui.common import act, md, report, require_map, show_messages
from argmap.ui.map_component import MIN_SCALE, clickable_map
from argmap.ui.views import (
    MapView,
    cached_checks,
    cached_dot,
    cached_new_parents,
    cached_node_choices,
    cached_svg,
)
from argmap.words import counted

SEVERITY_ICON = {
    Severity.ERROR: ":material/error:",
    Severity.WARNING: ":material/warning:",
    Severity.HINT: ":material/lightbulb:",
}
NO_BASIS = "(none)"
NO_DIRECTIVE = "(none)"
DETAILS = "map_details"  # where the Map details form's errors show
VIEW_TAB = "editor_tab"  # "Map" (the default) or "Table"
CHECKS = "checks"  # the checks list's expander: open or not
DETAILS_SECTION = "details_section"  # the Map details expander: open or not
CHECKS_OPEN = "checks_open"  # set once the user opens or closes it
CHECKS_LIST = "checks_list"  # the container of the findings, for CHECKS_CSS
#: The Editor's page margins: 1.5rem at the sides instead of Streamlit's 5rem, for the map.
PAGE_CSS = "[data-testid='stMainBlockContainer'] { padding-left: 1.5rem; padding-right: 1.5rem; }"
#: The findings read as one left-aligned list: a finding with a node is a button (a click selects
#: it), whose label Streamlit centres; one without is text, in a larger type. Both alike here.
CHECKS_CSS = f"""
.st-key-{CHECKS_LIST} button, .st-key-{CHECKS_LIST} button > div {{
  justify-content: flex-start; text-align: left; }}
.st-key-{CHECKS_LIST} button p {{ text-align: left; }}
.st-key-{CHECKS_LIST} [data-testid='stMarkdown'] p {{
  font-size: 0.875rem; padding-left: 1.4rem; text-indent: -1.4rem; }}
.st-key-{CHECKS_LIST} [data-testid='stMarkdown'] p span[role='img'] {{ width: 1.4rem; text-indent: 0; }}
"""
TABLE_EDITS = "table_edits"  # map name -> the Table tab's unapplied edits (kept across tabs)
TABLE_SHOWN = "table_shown"  # (data editor key, the kept edits it was drawn with)
TABLE_ROUND = "table_round"  # bumped by Discard, for a fresh data editor


def select(node_id: str) -> None:
    st.session_state[state.SELECTED] = node_id
    st.session_state.pop("confirm_delete", None)


# -- actions (callbacks) -------------------------------------------------------------------------------


def save_node(node_id: str, widget: str) -> None:
    opened = state.current()
    if opened is None:
        return
    node = opened.map.get(node_id)
    kind = Kind(st.session_state[f"{widget}_kind"])
    fields: dict = {
        "kind": kind,
        "label": st.session_state[f"{widget}_label"].strip() or None,
        "text": st.session_state[f"{widget}_text"],
        "tags": parse_tags(st.session_state[f"{widget}_tags"]),
        "score": st.session_state[f"{widget}_score"],
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


def save_details(widget: str) -> None:
    """Save the Map details form (title, question, directive, headings, tags, conclusion)."""
    opened = state.current()
    if opened is None:
        return
    directive = st.session_state[f"{widget}_directive"]
    new_map = update_map(
        opened.map,
        title=st.session_state[f"{widget}_title"],
        question=st.session_state[f"{widget}_question"],
        directive=None if directive == NO_DIRECTIVE else directive,
        vocabulary={
            "for": st.session_state[f"{widget}_for"],
            "against": st.session_state[f"{widget}_against"],
        },
        tags=st.session_state[f"{widget}_tags"],
        conclusion=st.session_state[f"{widget}_conclusion"],
    )
    if new_map == opened.map:
        state.notify("The map details have no changes to save.")
        return
    state.apply(new_map, "edit the map details", notice="Saved the map details.")


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


def table_edits_now(opened: state.OpenMap, table_key: str) -> TableEdits:
    """The table's unapplied edits: those it was drawn with, then what was typed into it since."""
    shown_key, shown = st.session_state.get(TABLE_SHOWN, (None, {}))
    delta = st.session_state.get(table_key) or {}
    return table_edits(opened.map, shown if shown_key == table_key else {}, delta.get("edited_rows") or {})


def apply_table_edits(table_key: str) -> None:
    opened = state.current()
    if opened is None:
        return
    rows, _, _ = rows_with_edits(opened.map, table_edits_now(opened, table_key))
    new_map = apply_table(opened.map, rows)
    if new_map == opened.map:
        state.notify("The table has no changes to apply.")
        return
    state.apply(new_map, "table edits", notice="Applied the table edits.")
    st.session_state.get(TABLE_EDITS, {}).pop(opened.name, None)  # in the map now (saved or stale)


def discard_table_edits() -> None:
    opened = state.current()
    if opened is None:
        return
    st.session_state.get(TABLE_EDITS, {}).pop(opened.name, None)
    st.session_state.pop(TABLE_SHOWN, None)
    st.session_state[TABLE_ROUND] = st.session_state.get(TABLE_ROUND, 0) + 1  # a fresh data editor
    state.notify("Dropped the table edits that were not applied.")


# -- the page's parts -------------------------------------------------------------------------------


def toolbar(opened: state.OpenMap) -> None:
    history = opened.history
    undo, redo, status, zoom = st.columns([1, 1, 4, 2], vertical_alignment="center")
    zoom.segmented_control(
        "Map size",
        ["Fit width", "Actual size"],
        default="Fit width",
        key="map_zoom",
        label_visibility="collapsed",
        help=(
            f"Fit width shrinks a wide map to the frame, but not below {MIN_SCALE:.0%} of its actual "
            "size, so that its text stays readable; the frame scrolls to show the rest."
        ),
    )
    for place, back, word in ((undo, True, "Undo"), (redo, False, "Redo")):
        label = state.step_label(history, back)
        place.button(
            word,
            key=word.lower(),
            icon=f":material/{word.lower()}:",
            disabled=label is None,
            help=f"{word} {label}" if label else f"Nothing to {word.lower()}",
            on_click=act(state.step, back),
            width="stretch",
        )
    saved = "not saved (see above)" if opened.stale else f"saved to `{opened.name}.yaml`"
    status.caption(
        f"{counted(len(opened.map.nodes), 'node')} · every change is {saved} · click a box on the map to select it"
    )


def map_details(opened: state.OpenMap) -> None:
    """The map's own fields, which shape its outlines: the question and its directive word set the
    essay's shape, the headings name the two sides' sections, the conclusion closes it."""
    argument_map = opened.map
    widget = f"details{opened.key[:10]}"  # new widgets whenever the map changes (save, undo, reload)
    section = st.expander(
        "Map details: title, question, directive, headings",
        icon=":material/edit_note:",
        key=DETAILS_SECTION,
        on_change="rerun",
    )
    if not section.open:  # its eight fields are built only while it is open: every rerun is faster
        return
    with section, st.form(f"{widget}_form", border=False):
        left, right = st.columns(2)
        left.text_input("Title", value=argument_map.title, key=f"{widget}_title")
        left.text_area(
            "Question",
            value=argument_map.question or "",
            key=f"{widget}_question",
            height=90,
            help="As set, with its word limit, e.g. “Despite differences, India–Russia ties remain "
            "strong.” Critically examine. (250 words)",
        )
        directives = [NO_DIRECTIVE, *(directive.value for directive in Directive)]
        left.selectbox(
            "Directive",
            directives,
            index=directives.index(argument_map.directive.value if argument_map.directive else NO_DIRECTIVE),
            key=f"{widget}_directive",
            help="The question's directive word: it shapes the outlines that follow it (a counter-view "
            "for critically examine, a judgement for evaluate …).",
        )
        left.text_input(
            "Map tags (comma-separated)",
            value=", ".join(argument_map.tags),
            key=f"{widget}_tags",
            help="File the map in the library, e.g. gs-2, international relations. Nodes have their own tags.",
        )
        vocabulary = argument_map.vocabulary
        for_word, against_word = right.columns(2)
        for_word.text_input(
            "Heading for the points for",
            value=vocabulary.for_ if vocabulary else "",
            key=f"{widget}_for",
            placeholder="Arguments for",
            help="What the outlines call the points for, e.g. Convergences, Benefits, Proposition",
        )
        against_word.text_input(
            "Heading for the points against",
            value=vocabulary.against if vocabulary else "",
            key=f"{widget}_against",
            placeholder="Arguments against",
            help="What the outlines call the points against, e.g. Irritants, Challenges, Opposition",
        )
        right.text_area(
            "Conclusion", value=argument_map.conclusion or "", key=f"{widget}_conclusion", height=178
        )
        show_messages(DETAILS)  # a refusal (an empty title) shows here, beside the fields
        st.form_submit_button(
            "Save map details", type="primary", on_click=act(save_details, widget, place=DETAILS)
        )


def filters(argument_map: ArgumentMap) -> dict:
    with st.expander("View and filters", icon=":material/filter_list:"):
        one, two, three = st.columns(3)
        kinds = one.multiselect(
            "Show kinds", [kind.value for kind in Kind], key="filter_kinds", placeholder="all kinds"
        )
        # Only the tags that nodes carry: the map's own tags (gs-2, international-relations…)
        # file the map in the library and match no box.
        node_tags = list(dict.fromkeys(tag for node in argument_map.nodes for tag in node.tags))
        chosen = st.session_state.get("filter_tags")
        if chosen and any(tag not in node_tags for tag in chosen):  # a tag that an edit removed
            st.session_state["filter_tags"] = [tag for tag in chosen if tag in node_tags]
        tags = two.multiselect(
            "Show tags",
            node_tags,
            key="filter_tags",
            placeholder="all tags" if node_tags else "no node has a tag",
            disabled=not node_tags,
        )
        group_by = three.selectbox(
            "Group boxes by", list(GROUP_BY), key="group_by", help="Draw a frame around each tag or kind"
        )
        four, five, six = st.columns(3)
        focus = four.toggle(
            "Focus on the selected branch",
            key="focus",
            help="Draw only the selected node and what hangs below it",
        )
        depth = five.number_input(
            "Levels below",
            min_value=1,
            max_value=20,
            value=None,
            key="focus_depth",
            placeholder="all",
            disabled=not focus,
        )
        with six:
            evidence = st.toggle("Show evidence boxes", value=True, key="show_evidence")
            scores = st.toggle(
                "Shade by strength",
                key="show_scores",
                help="Darker boxes and thicker lines are stronger (DF-QuAD)",
            )
    return {
        "kinds": tuple(kinds),
        "tags": tuple(tags),
        "group_by": group_by,
        "focus": focus,
        "depth": depth,
        "evidence": evidence,
        "scores": scores,
        "zoom": st.session_state.get("map_zoom") or "Fit width",
    }


def draw_map(opened: state.OpenMap, selected: str | None, options: dict) -> None:
    view = MapView(
        selected=selected,
        checks=True,
        focus=selected if options["focus"] else None,
        depth=options["depth"],
        kinds=options["kinds"],
        tags=options["tags"],
        group_by=options["group_by"],
        evidence=options["evidence"],
        scores=options["scores"],
    )
    try:
        with st.spinner("Drawing the map…"):
            svg = cached_svg(opened.key, view, opened.map)
    except ToolMissingError:
        st.graphviz_chart(cached_dot(opened.key, view, opened.map), width="stretch")
        st.caption(
            "Graphviz's `dot` is not installed, so the map is drawn in the browser and boxes cannot be "
            "clicked: choose the node in the Selected node box."
        )
        return
    clickable_map(svg, f"{opened.key}:{hash(view)}", select, natural=options["zoom"] == "Actual size")
    st.caption(
        "Click a box to select it. Thick blue outline: the selected node; orange outline: a check found "
        "an error or a warning about it (hints are only listed under Checks below). Green arrows "
        "support, red dashed arrows oppose."
    )


def remember_checks_open() -> None:
    st.session_state[CHECKS_OPEN] = bool(st.session_state.get(CHECKS))


def checks_list(opened: state.OpenMap, checks: list[Check]) -> None:
    # Open when the map has errors, until the user opens or closes it; its findings (a button
    # each, 160 on a 300-node map) are built only while it is open.
    section = st.expander(
        f"Checks: {summary(checks)}" if checks else "Checks: none, the map is clean",
        expanded=st.session_state.get(CHECKS_OPEN, has_errors(checks)),
        key=CHECKS,
        on_change=remember_checks_open,
    )
    if not section.open:
        return
    with section:
        st.caption(
            "Boxes with an error or a warning are outlined on the map; hints are only listed here. "
            "Click a finding to select its node."
        )
    with section, st.container(key=CHECKS_LIST, gap="small"):
        present = opened.map.node_index()
        for index, check in enumerate(checks):
            icon = SEVERITY_ICON[check.severity]
            if check.node and check.node in present:
                st.button(
                    md(check.message),
                    key=f"check_{index}",
                    icon=icon,
                    type="tertiary",
                    on_click=select,
                    args=(check.node,),
                )
            else:
                st.markdown(f"{icon} {md(check.message)}")


def side_panel(opened: state.OpenMap, node: Node) -> None:
    argument_map = opened.map
    widget = f"n{opened.key[:10]}_{node.id}"  # new widgets whenever the map or the node changes
    parents = ", ".join(f"{rel.value} `{parent}`" for rel, parent in node.parents()) or "no parent (a root)"
    st.caption(f"id `{node.id}` · {parents}")

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
            st.text_area(
                "Sources (one per line: title | publisher | date | url)",
                value=sources_text(node.sources),
                key=f"{widget}_sources",
                height=80,
            )
        st.number_input(
            "Base score (0–1; empty: the kind's default)",
            min_value=0.0,
            max_value=1.0,
            step=0.05,
            value=node.score,
            key=f"{widget}_score",
            placeholder="default",
        )
        st.form_submit_button("Save changes", type="primary", on_click=act(save_node, node.id, widget))

    allowed = child_kinds(node.kind)
    if allowed:
        with st.form(f"{widget}_add", border=True, clear_on_submit=True):
            st.markdown("**Add a point below it**")

            def describe(kind_value: str) -> str:
                relation = relation_for(Kind(kind_value), node.kind)
                return f"{kind_value} ({relation.value if relation else '?'} it)"

            st.selectbox(
                "Kind of the new point",
                [kind.value for kind in allowed],
                key=f"{widget}_add_kind",
                format_func=describe,
            )
            st.text_area("Text of the new point", key=f"{widget}_add_text", height=80)
            st.text_input("Label of the new point (optional)", key=f"{widget}_add_label")
            st.form_submit_button("Add below", on_click=act(add_below, node.id, f"{widget}_add"))

    # Its content (a box listing every possible new parent) is built only while it is open.
    moves = st.expander("Move, link or rename", key="move_section", on_change="rerun")
    if moves.open:
        with moves:
            move_section(opened, node, widget)

    if st.session_state.get("confirm_delete") == node.id:
        orphans = only_below(argument_map, node.id)
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


def table_view(opened: state.OpenMap) -> None:
    """The nodes as a table, edited many at once and applied with "Apply table edits".

    Unapplied edits are kept, not lost: Streamlit forgets a data editor's edits as soon as a run
    does not draw it (the Map tab, another page), so every run copies them into the session
    (``TABLE_EDITS``, per map) and a table drawn afresh starts with them typed in. An edit is kept
    only while its cell still holds the value it had when typed (:func:`rows_with_edits`): one whose
    node was changed in the side panel or by Undo since is dropped with a warning rather than
    written over the newer value. "Discard" drops them all.
    """
    st.caption(
        "Edit many nodes at once, then apply. Tags are comma-separated; ids are changed in the side "
        "panel. Edits not yet applied are kept while you look at the Map tab or another page."
    )
    table_key = f"node_table_{opened.key[:12]}_{st.session_state.get(TABLE_ROUND, 0)}"
    kept_edits = st.session_state.setdefault(TABLE_EDITS, {})
    shown_key, shown = st.session_state.get(TABLE_SHOWN, (None, {}))
    if shown_key == table_key and table_key in st.session_state:
        rows, _, _ = rows_with_edits(opened.map, shown)  # the same table as the last run drew
    else:  # drawn afresh: start with the edits kept from before
        rows, shown, dropped = rows_with_edits(opened.map, kept_edits.get(opened.name, {}))
        st.session_state[TABLE_SHOWN] = (table_key, shown)
        if dropped:
            st.warning(
                f"{counted(dropped, 'unapplied table edit')} {'was' if dropped == 1 else 'were'} dropped: "
                "the node was changed or deleted since it was typed.",
                icon=":material/warning:",
            )
    frame = pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
    st.data_editor(
        frame,
        key=table_key,
        hide_index=True,
        num_rows="fixed",
        width="stretch",
        disabled=["id"],
        column_config={
            "id": st.column_config.TextColumn("id"),
            "kind": st.column_config.SelectboxColumn("kind", options=[k.value for k in Kind], required=True),
            "label": st.column_config.TextColumn("label"),
            "text": st.column_config.TextColumn("text", width="large", required=True),
            "tags": st.column_config.TextColumn("tags"),
            "basis": st.column_config.SelectboxColumn("basis", options=[b.value for b in Basis]),
            "score": st.column_config.NumberColumn("score", min_value=0.0, max_value=1.0, step=0.05),
        },
    )
    edits = table_edits_now(opened, table_key)
    kept_edits[opened.name] = edits
    apply, discard, status = st.columns([1, 1, 3], vertical_alignment="center")
    apply.button(
        "Apply table edits",
        key="apply_table",
        type="primary",
        on_click=act(apply_table_edits, table_key),
        width="stretch",
    )
    discard.button(
        "Discard edits",
        key="discard_table",
        on_click=act(discard_table_edits),
        disabled=not edits,
        width="stretch",
    )
    cells = sum(len(changed) for changed in edits.values())
    status.caption(
        f"{counted(cells, 'unapplied edit')} in {counted(len(edits), 'row')}, kept until you apply or "
        f"discard {'it' if cells == 1 else 'them'}."
        if edits
        else "The table has no unapplied edits."
    )


# -- the page ---------------------------------------------------------------------------------------

opened = require_map()
argument_map = opened.map
# The Editor is a workspace: narrower page margins leave the map room to fit its width.
st.html(f"<style>{PAGE_CSS}{CHECKS_CSS}</style>")
st.title(md(argument_map.title))
if argument_map.question:
    st.caption(md(argument_map.question))
toolbar(opened)
map_details(opened)
options = filters(argument_map)

ids = [node.id for node in argument_map.nodes]
selected = st.session_state.get(state.SELECTED)
# Set on every run, not only to fall back: the "Selected node" box is not drawn while the Table
# tab is open, and Streamlit forgets the value of a widget that a run does not draw.
st.session_state[state.SELECTED] = selected if selected in ids else (ids[0] if ids else None)
checks = cached_checks(opened.key, argument_map)

# The tabs report which one is open (on_change="rerun"), so only its code runs: the table's
# data editor is not built on every rerun of the map, nor the map while the table is shown.
map_tab, table_tab = st.tabs(["Map", "Table"], key=VIEW_TAB, on_change="rerun")
if map_tab.open:
    with map_tab:
        drawing, panel = st.columns([3, 1], gap="medium")
        with panel:
            selected = st.selectbox(
                "Selected node",
                ids,
                key=state.SELECTED,
                format_func=cached_node_choices(opened.key, argument_map).__getitem__,
            )
            if selected:
                try:
                    side_panel(opened, argument_map.get(selected))
                except EditError as exc:
                    report(exc)
        with drawing:
            draw_map(opened, selected, options)
            checks_list(opened, checks)
if table_tab.open:
    with table_tab:
        table_view(opened)
