"""The Editor's Table tab: the nodes as a table, edited many at once, with the unapplied edits
kept across reruns, tabs and pages until they are applied or discarded."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from argmap.editing import TABLE_COLUMNS, TableEdits, apply_table, rows_with_edits, table_edits
from argmap.model import Basis, Kind, Priority
from argmap.ui import state
from argmap.ui.common import act
from argmap.words import counted

TABLE_EDITS = "table_edits"  # map name -> the Table tab's unapplied edits (kept across tabs)
TABLE_SHOWN = "table_shown"  # (data editor key, the kept edits it was drawn with)
TABLE_ROUND = "table_round"  # bumped by Discard, for a fresh data editor


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


def table_view(opened: state.OpenMap, editable: bool = True) -> None:
    """The nodes as a table, edited many at once and applied with "Apply table edits" (a plain
    table when not ``editable``).

    Unapplied edits are kept, not lost: Streamlit forgets a data editor's edits as soon as a run
    does not draw it (the Map tab, another page), so every run copies them into the session
    (``TABLE_EDITS``, per map) and a table drawn afresh starts with them typed in. An edit is kept
    only while its cell still holds the value it had when typed (:func:`rows_with_edits`): one whose
    node was changed in the side panel or by Undo since is dropped with a warning rather than
    written over the newer value. "Discard" drops them all.
    """
    if not editable:
        rows, _, _ = rows_with_edits(opened.map, {})
        st.dataframe(pd.DataFrame(rows, columns=list(TABLE_COLUMNS)), hide_index=True, width="stretch")
        return
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
            "score": st.column_config.NumberColumn(
                "starting strength", min_value=0.0, max_value=1.0, step=0.05
            ),
            "priority": st.column_config.SelectboxColumn("priority", options=[p.value for p in Priority]),
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
