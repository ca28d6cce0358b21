"""What the app remembers between reruns: the open map, its undo history and the selected node.

All of it lives in ``st.session_state`` under the keys below, and every change of the map goes
through :func:`apply`, which saves at once (atomically, through :class:`argmap.store.Library`) and
refuses to overwrite a file that changed on disk since it was opened: the map is then marked
stale, and the page offers Reload or Save as copy.

Session keys (stable; tests read them): ``open_map`` (:class:`OpenMap`), ``selected`` (the node id,
also the key of the Editor's "Selected node" box), ``notice`` (a message for the next rerun).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from argmap.editing import EditError, History
from argmap.errors import ArgmapError, StaleMapError
from argmap.mapfile import dump_map
from argmap.model import ArgumentMap
from argmap.store import LoadedMap, default_library, revision_of
from argmap.stores import MapLibrary, open_library

OPEN_MAP = "open_map"
#: The page address's parameter naming the open map (``/editor?map=NAME``), so that a reload, a
#: bookmark or a link opens the same map.
MAP_PARAM = "map"
SELECTED = "selected"
NOTICE = "notice"


@dataclass
class OpenMap:
    """The map being worked on.

    ``revision`` is the revision of the file on disk that the next save expects; ``key`` is the
    content hash of the map shown (``history.current``), which the view caches are keyed on.
    They are equal except while the map is ``stale``: a save was refused because the file changed
    on disk, and ``stale`` holds the message.
    """

    name: str
    revision: str
    key: str
    history: History
    stale: str | None = None

    @property
    def map(self) -> ArgumentMap:
        return self.history.current


def library() -> MapLibrary:
    """The library the app works on: the database of ``$ARGMAP_DATABASE_URL`` when set, else the
    folder ``$ARGMAP_LIBRARY`` or ``arguments/``."""
    return open_library(default_library())


def current() -> OpenMap | None:
    return st.session_state.get(OPEN_MAP)


def _install(loaded: LoadedMap) -> OpenMap:
    opened = OpenMap(loaded.name, loaded.revision, loaded.revision, History(loaded.map))
    st.session_state[OPEN_MAP] = opened
    st.query_params[MAP_PARAM] = loaded.name
    thesis = loaded.map.thesis()
    st.session_state[SELECTED] = (
        thesis.id if thesis else (loaded.map.nodes[0].id if loaded.map.nodes else None)
    )
    return opened


def open_map(name: str) -> OpenMap:
    """Load ``name`` from the library, with a fresh history, and select its thesis.

    Raises ArgmapError (MapFileError, StoreError) for a map that cannot be read.
    """
    return _install(library().load(name))


def ensure_open() -> OpenMap | None:
    """The open map: the one the address names (``?map=NAME``) when it names another, else the one
    open; when none is, the first readable map of the library is opened (None: none).

    Raises ArgmapError (MapFileError, StoreError) when the address names a map that cannot be
    read; the map open before, if any, stays open and the address names it again.
    """
    opened = current()
    wanted = st.query_params.get(MAP_PARAM)
    if wanted and (opened is None or opened.name != wanted):
        try:
            return open_map(wanted)
        except ArgmapError:
            if opened is not None:
                st.query_params[MAP_PARAM] = opened.name
            else:
                del st.query_params[MAP_PARAM]
            raise
    if opened is not None:
        st.query_params[MAP_PARAM] = opened.name  # a page switch leaves the address without it
        return opened
    lib = library()
    for entry in lib.entries():
        if entry.error is None:
            try:
                return open_map(entry.name)
            except ArgmapError:
                continue
    return None


def close_map() -> None:
    st.query_params.pop(MAP_PARAM, None)
    st.session_state.pop(OPEN_MAP, None)
    st.session_state.pop(SELECTED, None)


def notify(message: str) -> None:
    """Show ``message`` once, at the top of the next run of the page."""
    st.session_state[NOTICE] = message


def _save(opened: OpenMap, new_map: ArgumentMap, label: str = "saved") -> None:
    try:
        opened.revision = library().save(opened.name, new_map, opened.revision, label=label)
        opened.key = opened.revision
        opened.stale = None
    except StaleMapError as exc:
        opened.stale = str(exc)
        opened.key = revision_of(dump_map(new_map).encode("utf-8"))


def apply(new_map: ArgumentMap, label: str, select: str | None = None, notice: str | None = None) -> bool:
    """Make ``new_map`` the open map: record it for undo and save it at once; True when saved.

    A refused save (the file changed on disk) keeps the edit on screen and marks the map stale;
    ``notice`` (e.g. "Added claim …") is shown only when the save succeeded, since the stale banner
    then says that the change was not saved. ``select`` selects a node afterwards (the one just
    added, or the parent of one deleted).
    """
    opened = current()
    if opened is None:
        raise EditError("no map is open; open one in the Library")
    opened.history.record(new_map, label)
    _save(opened, new_map, label)
    if select is not None:
        st.session_state[SELECTED] = select
    _keep_selection(opened)
    if notice is not None and not opened.stale:
        notify(notice)
    return not opened.stale


def step_label(history: History, back: bool) -> str | None:
    """The change that undo (``back``) or redo would take back or bring back; None: nothing to."""
    return history.undo_label if back else history.redo_label


def step(back: bool) -> None:
    """Undo (``back``) or redo the last change, save the map as it then is, and say so (only when
    it was saved)."""
    opened = current()
    label = step_label(opened.history, back) if opened is not None else None
    if opened is None or label is None:
        return
    _save(
        opened,
        opened.history.undo() if back else opened.history.redo(),
        f"{'undo' if back else 'redo'}: {label}",
    )
    _keep_selection(opened)
    if not opened.stale:  # otherwise the stale banner says it was not saved
        notify(f"{'Undone' if back else 'Redone'}: {label}")


def _keep_selection(opened: OpenMap) -> None:
    """After an undo or a delete the selected node may be gone: fall back to the thesis."""
    ids = {node.id for node in opened.map.nodes}
    if st.session_state.get(SELECTED) not in ids:
        thesis = opened.map.thesis()
        st.session_state[SELECTED] = thesis.id if thesis else next(iter(ids), None)


def reload() -> None:
    """Drop the unsaved version and load the map as it is on disk now (a new history)."""
    opened = current()
    if opened is not None:
        selected = st.session_state.get(SELECTED)
        reopened = open_map(opened.name)
        if selected in reopened.map.node_index():
            st.session_state[SELECTED] = selected
        notify(f"Reloaded {opened.name!r} from disk.")


def save_as_copy(new_name: str) -> None:
    """Save the map on screen under ``new_name`` and work on that copy from now on.

    Raises StoreError for a bad or taken name.
    """
    opened = current()
    if opened is None:
        return
    selected = st.session_state.get(SELECTED)
    loaded = library().import_map(new_name, opened.map)
    _install(loaded)
    st.session_state[SELECTED] = selected
    notify(f"Saved your version as {loaded.name!r}; you are now editing that copy.")
