"""Editor page: the map drawn live; click a box to select it, edit it in the side panel, add a
point below it, move or delete it; a table for editing many nodes at once; undo and redo; filters;
the map's checks shown on the boxes and listed below the map. A map the signed-in user may not
change (classroom mode) is shown read-only, with the reason, and no way to edit it.

The parts live in :mod:`argmap.ui.editor`; every action is a widget callback that calls one
function of :mod:`argmap.editing` and hands the new map to :func:`argmap.ui.state.apply`, which
saves it at once.
"""

from __future__ import annotations

import streamlit as st

from argmap.ui import people, state
from argmap.ui.common import md, require_map
from argmap.ui.editor.canvas import CHECKS_CSS, PAGE_CSS, VIEW_TAB, filters, toolbar
from argmap.ui.editor.comments import new_comments_notice
from argmap.ui.editor.details import map_details
from argmap.ui.editor.panel import map_with_panel
from argmap.ui.editor.read_only import read_only_reason
from argmap.ui.editor.table import table_view
from argmap.ui.views import cached_checks

opened = require_map()
argument_map = opened.map
# The Editor is a workspace: narrower page margins leave the map room to fit its width.
st.html(f"<style>{PAGE_CSS}{CHECKS_CSS}</style>")
st.title(md(argument_map.title))
if argument_map.question:
    st.caption(md(argument_map.question))
read_only = read_only_reason(opened)  # classroom mode: another's work, a submitted or published map
if read_only:
    st.info(md(read_only), icon=":material/lock:")
toolbar(opened, editable=not read_only)
if not read_only:
    map_details(opened)
options = filters(argument_map)
if people.classroom_mode():  # comments on the points: the new ones named (the marks: the map's)
    new_comments_notice(opened.name, argument_map)

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
        map_with_panel(opened, options, checks, editable=not read_only)
if table_tab.open:
    with table_tab:
        table_view(opened, editable=not read_only)
