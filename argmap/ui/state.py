"""What the app remembers between reruns: one :class:`~argmap.services.session.MapSession` per
browser session, and the one-off notice.

The session service holds the open map, its undo history and the selected node, and does every
open, edit, undo, redo, reload and save as copy (:mod:`argmap.services.session`); this module only
keeps it in ``st.session_state``, mirrors its selection into the Editor's "Selected node" box and
the open map's name into the page address, and turns what it reports into a notice.

Session keys (stable; tests read them): ``map_session`` (:class:`MapSession`), ``selected`` (the
node id, also the key of the Editor's "Selected node" box), ``notice`` (a message for the next run).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import streamlit as st

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Node
from argmap.services.session import MapSession, OpenMap
from argmap.store import default_library
from argmap.stores import MapLibrary, open_library
from argmap.ui import people

if TYPE_CHECKING:  # imported when the Answer page keeps an attempt (psycopg: with a database)
    from argmap.services.answer_reviews import AnswerReviews
    from argmap.services.review import AttemptStore

SESSION = "map_session"
#: The page address's parameter naming the open map (``/editor?map=NAME``), so that a reload, a
#: bookmark or a link opens the same map.
MAP_PARAM = "map"
SELECTED = "selected"
NOTICE = "notice"

_Result = TypeVar("_Result")


def session() -> MapSession:
    """This browser session's map session, over the library of ``$ARGMAP_DATABASE_URL`` when set,
    else the folder ``$ARGMAP_LIBRARY`` or ``arguments/``. In classroom mode, over the signed-in
    user's view of the database: only the maps the database lets them see, saved under their name."""
    found = st.session_state.get(SESSION)
    if found is None:
        if people.classroom_mode() and people.signed_in():
            library = people.room().library()
        else:
            library = open_library(default_library())
        found = st.session_state[SESSION] = MapSession(library)
    return found


def attempts() -> AttemptStore | AnswerReviews:
    """Where the answers reviewed on the Answer page are kept: in classroom mode the database (the
    signed-in student's, which their teacher reads with the submission), else the library's data
    folder (``.argmap/answers.jsonl``)."""
    if people.classroom_mode() and people.signed_in():
        return people.room().answer_reviews()
    from argmap.services.review import AttemptStore

    return AttemptStore.in_folder(library().data_dir)


def library() -> MapLibrary:
    """The library the app works on."""
    return session().library


def current() -> OpenMap | None:
    return session().opened


def node(node_id: str) -> Node:
    """The open map's node ``node_id``; EditError (one line) when it is gone."""
    return session().node(node_id)


def _run(action: Callable[[MapSession], _Result]) -> _Result:
    """Run ``action`` on the session with the selection the user last made, then show the
    session's selection in the select box and its map in the address."""
    service = session()
    if SELECTED in st.session_state:
        service.selected = st.session_state[SELECTED]
    try:
        return action(service)
    finally:
        st.session_state[SELECTED] = service.selected
        if service.opened is not None:
            st.query_params[MAP_PARAM] = service.opened.name


def open_map(name: str) -> OpenMap:
    """Open ``name`` with a fresh history and select its thesis. Raises ArgmapError."""
    return _run(lambda service: service.open(name))


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
            if opened is None:
                del st.query_params[MAP_PARAM]
            raise
    if opened is not None:
        st.query_params[MAP_PARAM] = opened.name  # a page switch leaves the address without it
        return opened
    return _run(MapSession.open_first)


def close_map() -> None:
    st.query_params.pop(MAP_PARAM, None)
    st.session_state.pop(SELECTED, None)
    session().close()


def notify(message: str | None) -> None:
    """Show ``message`` once, at the top of the next run of the page (None: nothing to say)."""
    if message:
        st.session_state[NOTICE] = message


def apply(new_map: ArgumentMap, label: str, select: str | None = None, notice: str | None = None) -> bool:
    """Make ``new_map`` the open map under ``label`` and save it at once; True when saved.

    ``notice`` (e.g. "Added claim …") shows only when the save succeeded: the stale banner says
    otherwise. Raises EditError when no map is open, StoreError when the store cannot write.
    """
    saved = _run(lambda service: service.apply(new_map, label, select))
    if saved:
        notify(notice)
    return saved


def step_label(back: bool) -> str | None:
    """The change that undo (``back``) or redo would take back or bring back; None: nothing to."""
    return session().step_label(back)


def step(back: bool) -> None:
    """Undo (``back``) or redo the last change, save, and say so (only when saved)."""
    notify(_run(lambda service: service.step(back)))


def reload() -> None:
    """Drop the unsaved version and load the map as it is on disk now (a new history)."""
    notify(_run(MapSession.reload))


def save_as_copy(new_name: str) -> None:
    """Save the map on screen under ``new_name`` and work on that copy. Raises StoreError."""
    notify(_run(lambda service: service.save_as_copy(new_name)))


__all__ = ["OpenMap"]
