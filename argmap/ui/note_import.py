"""The Library page's note import: paste (or upload) a study note, review the draft, add it.

The draft is shown as a table of its points (kind and parent editable in place) beside the map it
draws and the reader's warnings; each edit is applied at once through
:func:`argmap.services.imports.apply_rows`, so a fix that breaks a rule of the map says so next to
the table. When the note states no position, the user is asked for the thesis. Nothing is written
to the library until the user adds the reviewed map.

Session keys: ``note_text`` (the pasted note), ``note_draft`` (the :class:`DraftImport` read),
``note_thesis`` (a typed thesis), ``note_table`` (the table's edits), ``note_name`` (save as).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from argmap.errors import ArgmapError
from argmap.formats import UPLOAD_LIMIT_BYTES, FormatError
from argmap.model import ArgumentMap
from argmap.render import RenderOptions, build_dot
from argmap.rules import slugify
from argmap.services.imports import (
    KINDS,
    DraftImport,
    apply_rows,
    draft_from_bytes,
    draft_from_text,
    table_rows,
)
from argmap.ui import state
from argmap.ui.common import act, md, show_messages
from argmap.words import counted

NOTE_TEXT = "note_text"
NOTE_UPLOAD = "note_upload"
NOTE_DRAFT = "note_draft"
NOTE_THESIS = "note_thesis"
NOTE_TABLE = "note_table"
NOTE_NAME = "note_name"
PASTED = "pasted note"


def _read_note() -> None:
    upload = st.session_state.get(NOTE_UPLOAD)
    if upload is not None:
        draft = draft_from_bytes(upload.getvalue(), upload.name, "notes", limit=UPLOAD_LIMIT_BYTES)
    else:
        text = st.session_state.get(NOTE_TEXT, "")
        if not text.strip():
            raise FormatError("the note box", "paste a note (or upload one) first")
        if len(text.encode("utf-8")) > UPLOAD_LIMIT_BYTES:
            raise FormatError("the note box", f"the note is over {UPLOAD_LIMIT_BYTES // (1024 * 1024)} MB")
        draft = draft_from_text(text, PASTED, "notes")
    st.session_state[NOTE_DRAFT] = draft
    st.session_state.pop(NOTE_TABLE, None)  # a new table, not the last note's edits
    st.session_state[NOTE_THESIS] = ""
    st.session_state[NOTE_NAME] = slugify(draft.map.title) or "imported-note"


def _add(argument_map: ArgumentMap, on_added: Callable[[str], None]) -> None:
    name = st.session_state.get(NOTE_NAME, "").strip()
    loaded = state.library().import_map(name, argument_map)
    for key in (NOTE_DRAFT, NOTE_TABLE, NOTE_THESIS):
        st.session_state.pop(key, None)
    on_added(loaded.name)


def _discard() -> None:
    for key in (NOTE_DRAFT, NOTE_TABLE, NOTE_THESIS):
        st.session_state.pop(key, None)


def note_import_section(on_added: Callable[[str], None]) -> None:
    """The import area: a box to paste a note (or a file to upload), then the review of the draft.
    ``on_added`` is called with the new map's name once it is in the library."""
    with st.container(border=True, key="note_import"):
        st.markdown("**Import study notes**")
        st.caption(
            "Paste a note as you keep it (bullets, numbered points, headings such as Challenges or "
            "Way forward, a conclusion) or upload a .txt / .md file. You review the draft before it is saved."
        )
        st.text_area("Paste a note", key=NOTE_TEXT, height=180)
        st.file_uploader("…or upload a note", type=["txt", "md"], key=NOTE_UPLOAD)
        st.button("Read the note", key="note_read", on_click=act(_read_note, place="note_import"))
        show_messages("note_import")
        draft = st.session_state.get(NOTE_DRAFT)
        if draft is not None:
            review(draft, on_added)


def review(draft: DraftImport, on_added: Callable[[str], None]) -> None:
    """The draft as an editable table beside the map it draws, its warnings, and Add to library."""
    st.markdown(f"**Draft: {md(draft.map.title)}**, {counted(len(draft.map.nodes), 'point')}")
    for warning in draft.warnings:
        st.warning(md(warning), icon=":material/warning:")
    thesis = None
    if draft.needs_thesis:
        thesis = (
            st.text_input(
                "No thesis found: what position does this note argue?",
                key=NOTE_THESIS,
                help="The points without a parent will argue for or against it",
            ).strip()
            or None
        )
    rows = table_rows(draft)
    ids = [row["id"] for row in rows]
    table, drawn = st.columns([1, 1], gap="medium")
    with table:
        edited = st.data_editor(
            pd.DataFrame(rows, columns=["line", "kind", "text", "parent", "why", "id"]),
            key=NOTE_TABLE,
            hide_index=True,
            num_rows="fixed",
            disabled=["line", "id", "why"],
            column_config={
                "line": st.column_config.NumberColumn("Line", width="small"),
                "id": st.column_config.TextColumn("Point"),
                "kind": st.column_config.SelectboxColumn("Kind", options=list(KINDS), required=True),
                "parent": st.column_config.SelectboxColumn("Parent", options=["", *ids]),
                "text": st.column_config.TextColumn("Text", width="medium"),
                "why": st.column_config.TextColumn("Why", width="medium"),
            },
        )
    fixed, error = _applied(draft, edited.to_dict("records"), thesis)
    with drawn:
        if fixed is not None:
            st.graphviz_chart(build_dot(fixed, RenderOptions()), width="stretch")
        else:
            st.error(md(error or ""), icon=":material/error:")
    name, add, discard = st.columns([3, 2, 1], vertical_alignment="bottom")
    name.text_input("Save as", key=NOTE_NAME, help="The map's file name in the library")
    missing_thesis = draft.needs_thesis and thesis is None
    add.button(
        "Add to library",
        key="note_add",
        type="primary",
        disabled=fixed is None or missing_thesis,
        help="Type the thesis first" if missing_thesis else None,
        on_click=act(_add, fixed, on_added, place="note_add"),
        width="stretch",
    )
    discard.button("Discard", key="note_discard", on_click=_discard, width="stretch")
    show_messages("note_add")


def _applied(
    draft: DraftImport, records: list[dict], thesis: str | None
) -> tuple[ArgumentMap | None, str | None]:
    try:
        return apply_rows(draft.map, records, thesis), None
    except ArgmapError as exc:
        return None, str(exc)
