"""Library page: every map in the library; open, create, duplicate, rename, delete (to the trash),
restore, upload and download.

An upload is read and validated in memory and shown with its problems, each with its place in the
file; nothing is written to the library until it is valid and the user adds it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath
from typing import TYPE_CHECKING

import streamlit as st

from argmap.errors import ArgmapError, MapFileError, StoreError
from argmap.formats import UPLOAD_LIMIT_BYTES
from argmap.model import ArgumentMap
from argmap.rules import slugify
from argmap.skeletons import SKELETONS
from argmap.store import Entry, TrashEntry
from argmap.ui import people, state
from argmap.ui.common import EDITOR_PAGE, act, map_sidebar, md, notify, show_messages
from argmap.ui.note_import import note_import_section
from argmap.ui.uploads import READABLE, UPLOAD_SUFFIXES, guess_format, read_upload
from argmap.words import counted

if TYPE_CHECKING:  # psycopg is imported only when a database is used
    from argmap.services.classroom import Listing

GO_TO_EDITOR = "go_to_editor"
TRASH = "trash"  # the Trash expander: open or not
FIND, PAGE = "library_find", "library_page"  # the listing's search words and page, in a big library
CARDS_PER_PAGE = 20
#: Classroom mode lists the maps of a whole school's database, a page of each group at a time.
CLASS_CARDS_PER_PAGE = 50
GROUPS = ("mine", "others")  # the user's own maps, and the others they may see


def counts_line(entry: Entry) -> str:
    parts = [f"{count} {kind}" for kind, count in entry.counts_by_kind.items() if count]
    return counted(entry.node_count, "node") + (f" ({', '.join(parts)})" if parts else "")


NO_BREAK = "\u00a0"


def when(moment: datetime, seconds: bool = False) -> str:
    """``2 Dec 2026, 05:14``: no-break spaces inside the date and the time, so a narrow card wraps
    only after the comma, never between a day and its month."""
    text = moment.astimezone().strftime("%d %b %Y, %H:%M:%S" if seconds else "%d %b %Y, %H:%M")
    date, _, time = text.partition(", ")
    return f"{date.lstrip('0').replace(' ', NO_BREAK)}, {time}"


def matches(entry: Entry, words: str) -> bool:
    """True when every word typed is in the map's title, question or file name (any case)."""
    haystack = " ".join((entry.name, entry.title, entry.question or "")).casefold()
    return all(word in haystack for word in words.casefold().split())


def shown_entries(entries: list[Entry]) -> list[Entry]:
    """The cards to draw: all of a small library; of a big one, those matching the words typed
    in "Find a map", a page of CARDS_PER_PAGE at a time (hundreds of cards would make every
    run of the page slow)."""
    if len(entries) <= CARDS_PER_PAGE:
        return entries
    words = st.text_input("Find a map", key=FIND, placeholder="words from a title, question or file name")
    found = [entry for entry in entries if matches(entry, words)]
    if not found:
        st.info(f"No map matches “{md(words)}”.")
        return []
    pages = (len(found) + CARDS_PER_PAGE - 1) // CARDS_PER_PAGE
    if pages == 1:
        st.caption(f"{counted(len(found), 'map')} found")
        return found
    page = st.selectbox(
        "Page",
        range(pages),
        key=PAGE,
        format_func=lambda page: (
            f"{page * CARDS_PER_PAGE + 1}–{min(len(found), (page + 1) * CARDS_PER_PAGE)} of {len(found)}"
        ),
    )
    page = min(page or 0, pages - 1)
    return found[page * CARDS_PER_PAGE : (page + 1) * CARDS_PER_PAGE]


def _first_pages() -> None:
    """New search words: back to the first page of each group."""
    for group in GROUPS:
        st.session_state.pop(f"{PAGE}_{group}", None)


def _pages(total: int) -> int:
    return max(1, (total + CLASS_CARDS_PER_PAGE - 1) // CLASS_CARDS_PER_PAGE)


def _listing(words: str) -> Listing:
    """The page of each group the page boxes name (the last one when fewer maps match now)."""
    wanted = {group: int(st.session_state.get(f"{PAGE}_{group}") or 0) for group in GROUPS}
    listing = people.room().listing(CLASS_CARDS_PER_PAGE, wanted["mine"], wanted["others"], words)
    last = {"mine": _pages(listing.mine_total) - 1, "others": _pages(listing.others_total) - 1}
    if all(wanted[group] <= last[group] for group in GROUPS):
        return listing
    for group in GROUPS:
        st.session_state[f"{PAGE}_{group}"] = min(wanted[group], last[group])
    return people.room().listing(
        CLASS_CARDS_PER_PAGE, min(wanted["mine"], last["mine"]), min(wanted["others"], last["others"]), words
    )


def class_listing() -> None:
    """Classroom mode: "My maps", then "Class maps" (the shared library, the maps the user's
    classes publish and, for a teacher, the students' work), each a page of
    CLASS_CARDS_PER_PAGE cards, read in one query with whose each map is."""
    words = st.text_input(
        "Find a map",
        key=FIND,
        placeholder="words from a title, question or file name",
        on_change=_first_pages,
    )
    listing = _listing(words)
    taught = {info.id: info.name for info in people.room().my_classes() if info.role == "teacher"}
    for group, heading, listed, total in (
        ("mine", "My maps", listing.mine, listing.mine_total),
        ("others", "Class maps", listing.others, listing.others_total),
    ):
        st.subheader(heading)
        if not total:
            st.caption(f"No map matches “{md(words)}”." if words.split() else "None yet.")
            continue
        if total > CLASS_CARDS_PER_PAGE:
            st.selectbox(
                "Page",
                range(_pages(total)),
                key=f"{PAGE}_{group}",
                format_func=lambda page, total=total: (
                    f"{page * CLASS_CARDS_PER_PAGE + 1}–{min(total, (page + 1) * CLASS_CARDS_PER_PAGE)} of {total}"
                ),
            )
        for row in listed:
            map_card(row.entry, stored=True)
            if taught and row.info.mine:
                share_control(row.entry.name, row.info.class_id, taught)


def _open_and_edit(name: str) -> None:
    try:
        state.open_map(name)
    except ArgmapError as exc:
        st.error(md(str(exc)))
        return
    st.switch_page(EDITOR_PAGE)


def map_card(entry: Entry, stored: bool = False) -> None:
    """The map's card; ``stored``: the entry was just read from the store (a database row), so
    there is no file to check before offering its download."""
    with st.container(border=True, key=f"map_card_{entry.name}"):
        text, buttons = st.columns([4, 1], vertical_alignment="center")
        with text:
            st.markdown(
                f"**{md(entry.title)}**  \n`{entry.name}.yaml` · last changed{NO_BREAK}{when(entry.modified)}"
            )
            if entry.error:
                st.error(md(entry.error), icon=":material/error:")
            else:
                if entry.question:
                    st.caption(md(entry.question))
                st.caption(counts_line(entry))
        with buttons:
            if st.button("Open", key=f"open_{entry.name}", disabled=bool(entry.error), width="stretch"):
                _open_and_edit(entry.name)
            if not stored and not state.library().exists(entry.name):
                return  # a symbolic link or a device: listed with its warning, never read
            st.download_button(
                "Download",
                # Read when clicked, through the library (never through a link), not on every run.
                data=lambda name=entry.name: state.library().read_bytes(name),
                file_name=f"{entry.name}.yaml",
                mime="application/yaml",
                key=f"download_{entry.name}",
                width="stretch",
            )


def _share(name: str, key: str) -> None:
    people.room().share_map(name, st.session_state.get(key))
    notify(f"{name!r} is now {'shared with the class' if st.session_state.get(key) else 'yours only'}.")


def share_control(name: str, class_id: int | None, taught: dict[int, str]) -> None:
    """For a teacher's own map: publish it to one of the classes they teach, or keep it private."""
    key = f"share_{name}"
    options: list[int | None] = [None, *taught]
    st.selectbox(
        "Shared with",
        options,
        index=options.index(class_id) if class_id in options else 0,
        key=key,
        format_func=lambda option: "only me" if option is None else f"the class {taught[option]}",
        on_change=act(_share, name, key),
        help="Publish the map to a class you teach: its students see it among their class maps, read-only",
    )


def _create() -> None:
    title = st.session_state.get("new_title", "").strip()
    if not title:
        raise StoreError("give the new map a title")
    name = st.session_state.get("new_name", "").strip() or slugify(title) or "map"
    question = st.session_state.get("new_question", "").strip() or None
    loaded = state.library().create(name, title, st.session_state.get("new_skeleton", "blank"), question)
    _go_to_editor(loaded.name)


def _go_to_editor(name: str) -> None:
    """Open the map just added and go to the Editor, which says it was added."""
    state.open_map(name)
    notify(f"Added {name!r} to the library.")  # no place: shown at the top of the Editor
    st.session_state[GO_TO_EDITOR] = True


def new_map_form() -> None:
    with st.form("new_map", border=True):
        st.markdown("**New map**")
        st.text_input("Title", key="new_title", placeholder="India–China relations")
        st.text_area("Question (optional)", key="new_question", placeholder="Critically examine …", height=80)
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
        show_messages("new_map")
        st.form_submit_button("Create map", type="primary", on_click=act(_create, place="new_map"))


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
        notify(f"Moved {trashed.name!r} to the trash; restore it from the Trash below.", "manage")
        return
    if not new_name:
        raise StoreError(f"type a new name to {operation} {name!r}")
    if operation == "duplicate":
        lib.duplicate(name, new_name)
        notify(f"Copied {name!r} to {new_name!r}.", "manage")
    else:
        lib.rename(name, new_name)
        if opened is not None and opened.name == name:
            state.open_map(new_name)
        notify(f"Renamed {name!r} to {new_name!r}.", "manage")
    st.session_state["manage_new_name"] = ""


def manage_section(names: list[str]) -> None:
    with st.container(border=True, key="manage"):
        st.markdown("**Duplicate, rename or delete**")
        # Not "Map": that is the sidebar's picker of the map the pages work on.
        st.selectbox("Map to duplicate, rename or delete", names, key="manage_map")
        st.text_input("New name", key="manage_new_name", help="For Duplicate and Rename")
        show_messages("manage")
        one, two, three = st.columns(3)
        for column, operation in ((one, "duplicate"), (two, "rename"), (three, "delete")):
            column.button(
                operation.capitalize(),
                key=operation,
                on_click=act(_manage, operation, place="manage"),
                width="stretch",
            )


def _add_upload(argument_map: ArgumentMap) -> None:
    name = st.session_state.get("upload_name", "").strip()
    loaded = state.library().import_map(name, argument_map)
    _go_to_editor(loaded.name)


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
        show_messages("upload")
        st.button(
            "Add to library",
            key="upload_add",
            type="primary",
            on_click=act(_add_upload, argument_map, place="upload"),
        )


def trash_section() -> None:
    trash = state.library().trash()
    with st.expander(f"Trash ({len(trash)})", key=TRASH, on_change="rerun"):
        show_messages("trash")
        if not trash:
            st.caption("Deleted maps come here and can be restored.")
        for index, entry in enumerate(trash):
            trash_row(index, entry)


def trash_row(index: int, entry: TrashEntry) -> None:
    """A deleted map: its name, when it was deleted (to the second, so two deletions of one name
    differ), and Restore under the name typed (its old name unless that is taken)."""
    file = entry.path.name
    with st.container(border=True, key=f"trash_{index}"):
        st.markdown(f"`{entry.name}` · deleted {when(entry.deleted, seconds=True)}")
        show_messages(f"trash_{file}")
        name, button = st.columns([3, 2], vertical_alignment="bottom")
        name.text_input(
            "Restore as",
            value=entry.name,
            key=f"restore_name_{file}",
            help="The name to bring it back under; change it when a map of that name exists",
        )
        button.button(
            "Restore",
            key=f"restore_{index}",
            on_click=act(_restore, file, place=f"trash_{file}"),
            width="stretch",
        )


def _restore(file: str) -> None:
    lib = state.library()
    entry = next((entry for entry in lib.trash() if entry.path.name == file), None)
    if entry is None:
        raise StoreError(f"{file} is no longer in the trash")
    new_name = st.session_state.get(f"restore_name_{file}", "").strip() or entry.name
    target = lib.restore(entry, new_name)
    st.session_state[TRASH] = True  # kept open, so its notice shows, though its label changes
    if target.stem == entry.name:
        notify(f"Restored {entry.name!r}.", "trash")
    else:
        notify(f"Restored {entry.name!r} as {target.stem!r}.", "trash")


if st.session_state.pop(GO_TO_EDITOR, False):
    # Before show_messages: the notice of the map just added is the Editor's to show.
    st.switch_page(EDITOR_PAGE)
show_messages()
map_sidebar()
st.title("Library")
st.caption(
    "Your argument maps. Open one to edit it; every change is saved at once. "
    f"Kept in `{state.library().where}`"
)
maps, side = st.columns([3, 2], gap="large")
with maps:
    if people.classroom_mode():  # the user's own maps first, then those their classes share
        class_listing()
    else:
        entries = state.library().entries()
        if not entries:
            st.info("The library is empty: create a map or upload one.")
        for entry in shown_entries(entries):
            map_card(entry)
with side:
    new_map_form()
    upload_section()
    names = state.library().names()
    if names:
        manage_section(names)
    trash_section()
note_import_section(on_added=_go_to_editor)
