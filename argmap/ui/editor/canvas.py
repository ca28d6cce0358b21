"""The Editor's map area: the toolbar (undo, redo, size), the view and filter settings, the
clickable map itself and the list of the map's checks below it."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from argmap.analysis import Check, Severity, checks_summary, has_errors
from argmap.errors import ToolMissingError
from argmap.model import ArgumentMap, Kind
from argmap.render import GROUP_BY
from argmap.render.view import MapView
from argmap.ui import state
from argmap.ui.common import act, md
from argmap.ui.editor import folds
from argmap.ui.editor.actions import map_action, new_point_kinds, select
from argmap.ui.map_component import clickable_map
from argmap.ui.views import cached_dot, cached_outlined, cached_svg
from argmap.words import counted, kind_words

SEVERITY_ICON = {
    Severity.ERROR: ":material/error:",
    Severity.WARNING: ":material/warning:",
    Severity.HINT: ":material/lightbulb:",
}


VIEW_TAB = "editor_tab"  # "Map" (the default) or "Table"
CHECKS = "checks"  # the checks list's expander: open or not


CHECKS_OPEN = "checks_open"  # set once the user opens or closes it
SIDE_PANEL = "side_panel"  # the side panel's container, for PAGE_CSS
CHECKS_LIST = "checks_list"  # the container of the findings, for CHECKS_CSS
#: The Editor's page margins: 1.5rem at the sides instead of Streamlit's 5rem, for the map.
PAGE_CSS = (
    "[data-testid='stMainBlockContainer'] { padding-left: 1.5rem; padding-right: 1.5rem; }"
    # The side panel scrolls on its own beside the map, instead of pushing the map out of view.
    f".st-key-{SIDE_PANEL} {{ max-height: calc(100vh - 5rem); overflow-y: auto; position: sticky; top: 4rem; }}"
)


CHECKS_CSS = f"""
.st-key-{CHECKS_LIST} button, .st-key-{CHECKS_LIST} button > div {{
  justify-content: flex-start; text-align: left; }}
.st-key-{CHECKS_LIST} button p {{ text-align: left; }}
.st-key-{CHECKS_LIST} [data-testid='stMarkdown'] p {{
  font-size: 0.875rem; padding-left: 1.4rem; text-indent: -1.4rem; }}
.st-key-{CHECKS_LIST} [data-testid='stMarkdown'] p span[role='img'] {{ width: 1.4rem; text-indent: 0; }}
"""


def toolbar(opened: state.OpenMap, editable: bool = True) -> None:
    if not editable:
        st.caption(
            f"{counted(len(opened.map.nodes), 'node')} · read-only · click a box on the map to select it"
        )
        return
    undo, redo, status = st.columns([1, 1, 6], vertical_alignment="center")
    for place, back, word in ((undo, True, "Undo"), (redo, False, "Redo")):
        label = state.step_label(back)
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
                help="Darker boxes and thicker lines are stronger points: each is worked out from what supports and opposes it (see How is this worked out? on the Analysis page)",
            )
    return {
        "kinds": tuple(kinds),
        "tags": tuple(tags),
        "group_by": group_by,
        "focus": focus,
        "depth": depth,
        "evidence": evidence,
        "scores": scores,
    }


def draw_map(opened: state.OpenMap, selected: str | None, options: dict, editable: bool = True) -> None:
    collapsed = folds.shown_with(opened, folds.collapsed(opened), selected)
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
        collapsed=collapsed,
        comments=tuple(sorted(options.get("comments", {}).items())),
    )
    # The picture leaves out the selection and the outlines, which the map marks in the browser:
    # a click redraws nothing, and the SVG is sent only when the picture changes.
    picture_view = replace(view, selected=None, checks=False)

    def picture() -> str:
        with st.spinner("Drawing the map…"):
            return cached_svg(opened.key, picture_view, opened.map)

    try:
        clickable_map(
            picture,
            f"{opened.key}:{hash(picture_view)}",
            select,
            lambda action: act(map_action, action)(),
            map_name=opened.name,
            selected=selected,
            flagged=cached_outlined(opened.key, opened.map),
            adds=new_point_kinds(opened.map, selected),
            words={kind.value: word.lower() for kind, word in kind_words(opened.map).items()},
            editable=editable,
        )
    except ToolMissingError:
        st.graphviz_chart(cached_dot(opened.key, view, opened.map), width="stretch")
        st.caption(
            "Graphviz's `dot` is not installed, so the map is drawn in the browser and boxes cannot be "
            "clicked: choose the node in the Selected node box."
        )
        return
    if not editable:
        st.caption(
            "Click a box to select it; Space collapses or expands its branch. Green arrows support, "
            "red dashed arrows oppose."
        )
        return
    st.caption(
        "Click a box to select it; on the map, Tab adds a point below it, Enter one beside it, F2 "
        "edits its label, Space collapses or expands its branch, and a box dragged onto another moves "
        "there (? lists every shortcut). Thick "
        "blue outline: the selected node; orange outline: a check found an error or a warning about "
        "it (hints are only listed under Checks below). Green arrows support, red dashed arrows oppose."
    )


def remember_checks_open() -> None:
    st.session_state[CHECKS_OPEN] = bool(st.session_state.get(CHECKS))


def checks_list(opened: state.OpenMap, checks: list[Check]) -> None:
    # Open when the map has errors, until the user opens or closes it; its findings (a button
    # each, 160 on a 300-node map) are built only while it is open.
    section = st.expander(
        f"Checks: {checks_summary(checks)}" if checks else "Checks: none, the map is clean",
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
