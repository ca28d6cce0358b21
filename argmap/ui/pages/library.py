"""Library page: every map in the library; open, create, duplicate, rename, delete (to the trash),
restore, upload and download.

An upload is read and validated in memory and shown with its problems, each with its place in the
file; nothing is written to the library until it is valid and the user adds it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath

import streamlit as st

from argmap.errors import ArgmapError, MapFileError, StoreError
from argmap.formats import UPLOAD_LIMIT_BYTES
from argmap.model import ArgumentMap, slugify
from argmap.skeletons import SKELETONS
from argmap.store import Entry
from argmap.ui import state
from argmap.ui.common import EDITOR_PAGE, act, map_sidebar, md, show_messages
from argmap.ui.uploads import READABLE, UPLOAD_SUFFIXES, guess_format, read_upload
from argmap.words import counted


def counts_line(entry: Entry) -> str:
    parts = [f"{count} {kind}" for kind, count in entry.counts_by_kind.items() if count]
    return counted(entry.node_count, "node") + (f" ({', '.join(parts)})" if parts else "")


def when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d %b %Y, %H:%M")


def _open_and_edit(name: str) -> None:
    try:
        state.open_map(name)
    except ArgmapError as exc:
        st.error(md(str(exc)))
        return
    st.switch_page(EDITOR_PAGE)


def map_card(entry: Entry) -> None:
    with st.container(border=True, key=f"map_card_{entry.name}"):
        text, buttons = st.columns([4, 1], vertical_alignment="center")
        with text:
            st.markdown(f"**{md(entry.title)}**  \n`{entry.name}.yaml` · last changed {when(entry.modified)}")
            if entry.error:
                st.error(md(entry.error), icon=":material/error:")
            else:
                if entry.question:
                    st.caption(md(entry.question))
                st.caption(counts_line(entry))
        with buttons:
            if st.button("Open", key=f"open_{entry.name}", disabled=bool(entry.error), width="stretch"):
                _open_and_edit(entry.name)
            st.download_button(
                "Download",
                data=entry.path.read_bytes(),
                file_name=f"{entry.name}.yaml",
                mime="application/yaml",
                key=f"download_{entry.name}",
                width="stretch",
            )


def _create() -> None:
    title = st.session_state.get("new_title", "").strip()
    if not title:
        raise StoreError("give the new map a title")
    name = st.session_state.get("new_name", "").strip() or slugify(title) or "map"
    question = st.session_state.get("new_question", "").strip() or None
    loaded = state.library().create(name, title, st.session_state.get("new_skeleton", "blank"), question)
    state.open_map(loaded.name)
    st.session_state["go_to_editor"] = True


def new_map_form() -> None:
    with st.form("new_map", border=True):
        st.markdown("**New map**")
        st.text_input("Title", key="new_title", placeholder="India–China relations")
        st.text_input("Question (optional)", key="new_question", placeholder="Critically examine …")
        st.text_input(
            "File name (optional)",
            key="new_name",
            help="Letters, digits, - and _; made from the title if empty",
        )
        st.selectbox(
            "Start from",
            list(SKELETONS),
            key="new_skeleton",
            format_func=lambda name: f"{name}: {SKELETONS[name]['description']}",
        )
        st.form_submit_button("Create map", type="primary", on_click=act(_create))


def _manage(operation: str) -> None:
    lib = state.library()
    name = st.session_state.get("manage_map")
    new_name = st.session_state.get("manage_new_name", "").strip()
    opened = state.current()
    if not name:
        return
    if operation == "delete":
        trashed = lib.delete(name)
        if opened is not None and opened.name == name:
            state.close_map()
        state.notify(f"Moved {trashed.name!r} to the trash; restore it from the Trash below.")
        return
    if not new_name:
        raise StoreError(f"type a new name to {operation} {name!r}")
    if operation == "duplicate":
        lib.duplicate(name, new_name)
        state.notify(f"Copied {name!r} to {new_name!r}.")
    else:
        lib.rename(name, new_name)
        if opened is not None and opened.name == name:
            state.open_map(new_name)
        state.notify(f"Renamed {name!r} to {new_name!r}.")
    st.session_state["manage_new_name"] = ""


def manage_section(entries: list[Entry]) -> None:
    with st.container(border=True, key="manage"):
        st.markdown("**Duplicate, rename or delete**")
        # Not "Map": that is the sidebar's picker of the map the pages work on.
        st.selectbox(
            "Map to duplicate, rename or delete", [entry.name for entry in entries], key="manage_map"
        )
        st.text_input("New name", key="manage_new_name", help="For Duplicate and Rename")
        one, two, three = st.columns(3)
        one.button("Duplicate", key="duplicate", on_click=act(_manage, "duplicate"), width="stretch")
        two.button("Rename", key="rename", on_click=act(_manage, "rename"), width="stretch")
        three.button("Delete", key="delete", on_click=act(_manage, "delete"), width="stretch")


def _add_upload(argument_map: ArgumentMap) -> None:
    name = st.session_state.get("upload_name", "").strip()
    loaded = state.library().import_map(name, argument_map)
    state.open_map(loaded.name)
    state.notify(f"Added {loaded.name!r} to the library.")
    st.session_state["go_to_editor"] = True


def upload_section() -> None:
    with st.container(border=True, key="upload_box"):
        st.markdown("**Upload a map file**")
        st.caption(
            "argmap YAML, Argdown, AIF JSON, a Kialo text export or plain study notes; "
            f"at most {UPLOAD_LIMIT_BYTES // (1024 * 1024)} MB. Nothing is saved until the file reads cleanly."
        )
        upload = st.file_uploader("Map file", type=UPLOAD_SUFFIXES, key="upload")
        if upload is None:
            return
        data = upload.getvalue()
        names = list(READABLE)
        guessed = guess_format(upload.name, data)
        fmt = st.selectbox(
            "Read it as", names, index=names.index(guessed), format_func=READABLE.get, key="upload_format"
        )
        try:
            argument_map, warnings = read_upload(data, upload.name, fmt)
        except MapFileError as exc:
            st.error(f"{md(upload.name)} is not a valid map; nothing was saved.", icon=":material/error:")
            for problem in exc.problems:
                st.markdown(f"- {md(str(problem))}")
            return
        except ArgmapError as exc:
            st.error(f"{md(str(exc))}; nothing was saved.", icon=":material/error:")
            return
        st.success(f"{md(argument_map.title)}: {counted(len(argument_map.nodes), 'node')}, valid.")
        for warning in warnings:
            st.warning(md(warning))
        default = slugify(PurePath(upload.name).name.split(".")[0]) or "uploaded"
        st.text_input("Save as", value=default, key="upload_name")
        st.button("Add to library", key="upload_add", type="primary", on_click=act(_add_upload, argument_map))


def trash_section() -> None:
    trash = state.library().trash()
    with st.expander(f"Trash ({len(trash)})", expanded=False):
        if not trash:
            st.caption("Deleted maps come here and can be restored.")
        for index, entry in enumerate(trash):
            text, button = st.columns([4, 1], vertical_alignment="center")
            text.markdown(f"`{entry.name}` · deleted {when(entry.deleted)}")
            button.button("Restore", key=f"restore_{index}", on_click=act(_restore, index), width="stretch")


def _restore(index: int) -> None:
    lib = state.library()
    entry = lib.trash()[index]
    target = lib.restore(entry)
    state.notify(f"Restored {target.stem!r}.")


show_messages()
if st.session_state.pop("go_to_editor", False):
    st.switch_page(EDITOR_PAGE)
map_sidebar()
st.title("Library")
st.caption(
    "Your argument maps. Open one to edit it; every change is saved at once. "
    f"Folder: `{state.library().root}`"
)
entries = state.library().entries()
maps, side = st.columns([3, 2], gap="large")
with maps:
    if not entries:
        st.info("The library is empty: create a map or upload one.")
    for entry in entries:
        map_card(entry)
with side:
    new_map_form()
    upload_section()
    if entries:
        manage_section(entries)
    trash_section()
