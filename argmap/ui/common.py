"""What every page shows: the map picker in the sidebar, one-off notices, errors, the stale banner.

Actions run as widget callbacks through :func:`act`, which turns an ArgmapError into a message
shown on the next run (``st.error``), so a user never sees a traceback for bad input. The message
shows where the user is looking: :func:`act` with ``place=`` keeps it for ``show_messages(place)``,
which the page calls inside the box holding the control (the drill card, the trash…); without a
place it shows at the top of the page. A notice (:func:`notify`) can be placed the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import streamlit as st

from argmap.errors import ArgmapError
from argmap.map_diff import MapDiff
from argmap.render.escape import without_bidi_controls
from argmap.ui import people, state

ERROR = "error"
PICKER = "map_picker"
LIBRARY_PAGE = "argmap/ui/pages/library.py"
EDITOR_PAGE = "argmap/ui/pages/editor.py"
#: Every page's own styles: captions and quotes in a grey of 6.4:1 on white instead of
#: Streamlit's text at 60% opacity, 3.9:1 (in the light theme only: the dark theme's are its own).
APP_CSS = """
@media (prefers-color-scheme: light) {
  [data-testid='stCaptionContainer'], [data-testid='stMarkdownContainer'] blockquote {
    color: #5c5b59; opacity: 1; }
}
"""


def md(text: str) -> str:
    """User text made literal for Streamlit's Markdown (st.markdown, captions, alerts, titles).

    Titles, labels, node texts and error messages are the user's words: a ``*``, ``[link](…)``,
    ``![image](…)``, ``$…$`` or a line starting ``- `` / ``1. `` in them must show as typed, never
    become formatting, a link, a fetched picture, math or a list. (Streamlit already shows raw HTML
    as text.) Only what Markdown would read is escaped, so the text stays searchable as typed.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", without_bidi_controls(text))  # no reordering of the page
    return _LINE_START.sub(r"\1\\\2", escaped)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$]|&(?=#?[A-Za-z0-9]+;))")  # "&amp;" stays as typed
# A line that starts like a list item or a quote: "- ", "+ ", "1. ", "1) "
_LINE_START = re.compile(r"^(\s*\d*)([-+]|(?<=\d)[.)])(?=\s|$)", re.MULTILINE)


def _key(kind: str, place: str | None) -> str:
    """The session key of a message of ``kind`` (ERROR, state.NOTICE) for ``place`` (None: the page)."""
    return kind if place is None else f"{kind}@{place}"


def act(
    action: Callable[..., Any], *args: Any, place: str | None = None, **kwargs: Any
) -> Callable[[], None]:
    """A widget callback that runs ``action`` and keeps its ArgmapError message for the page:
    shown by ``show_messages(place)``, next to the control, or at the top of the page (no place).
    ``args`` and ``kwargs`` go to ``action``."""

    def run() -> None:
        try:
            action(*args, **kwargs)
        except ArgmapError as exc:
            st.session_state[_key(ERROR, place)] = str(exc)

    return run


def notify(message: str, place: str | None = None) -> None:
    """Show ``message`` once on the next run: where ``show_messages(place)`` is called, or at the
    top of the page that runs next (no place; it survives a switch to another page)."""
    if place is None:
        state.notify(message)
    else:
        st.session_state[_key(state.NOTICE, place)] = message


def report(exc: ArgmapError) -> None:
    """Show an error met while drawing the page itself (not in a callback)."""
    st.error(md(str(exc)), icon=":material/error:")


def messages_waiting(place: str | None = None) -> bool:
    """Whether an action left an error or a notice for ``place`` (None: the top of the page)."""
    return _key(ERROR, place) in st.session_state or _key(state.NOTICE, place) in st.session_state


def show_messages(place: str | None = None) -> None:
    """The error and the notice the last action left for ``place`` (None: the top of the page),
    shown once."""
    error = st.session_state.pop(_key(ERROR, place), None)
    if error:
        st.error(md(error), icon=":material/error:")
    notice = st.session_state.pop(_key(state.NOTICE, place), None)
    if notice:
        st.success(md(notice), icon=":material/check_circle:")


def _picked() -> None:
    name = st.session_state.get(PICKER)
    opened = state.current()
    if name and (opened is None or opened.name != name):
        state.open_map(name)


def map_sidebar() -> state.OpenMap | None:
    """The sidebar's "Map" box (every page): which map the Editor, Outline, Analysis and Practice
    pages work on. Opens the map the address names (``?map=NAME``), else the library's first map
    when none is open yet; the address then names the open map."""
    try:
        opened = state.ensure_open()
    except ArgmapError as exc:  # the address names a map that cannot be read
        report(exc)
        try:
            opened = state.ensure_open()  # the map open before, or the library's first
        except ArgmapError:
            opened = None
    names = state.library().names()
    with st.sidebar:
        if not names:
            st.caption("The library is empty: create or upload a map on the Library page.")
            return opened
        if opened is not None and opened.name in names:
            # The open map may have changed in a callback (Open, Save as copy): the box follows it.
            st.session_state[PICKER] = opened.name
        st.selectbox("Map", names, key=PICKER, on_change=act(_picked), help="The map the pages work on")
        if opened is not None:
            st.caption(md(opened.map.title))
    return opened


def require_map() -> state.OpenMap:
    """The open map for a page that needs one; otherwise says where to get one and stops.

    The messages and the stale banner go in one container drawn on every run, shown or empty, so
    that what follows keeps its place on the page: Streamlit mounts an element anew when one
    appears above it, and the Editor's map would then be drawn again for a notice."""
    top = st.container()
    with top:
        show_messages()
    opened = map_sidebar()
    if opened is None:
        st.info("There is no map yet. Create one or upload one in the Library.", icon=":material/info:")
        st.page_link(LIBRARY_PAGE, label="Go to the Library", icon=":material/folder_open:")
        st.stop()
    with top:
        stale_banner(opened)
    return opened


def stale_banner(opened: state.OpenMap) -> None:
    """When the last save was refused: say so and offer Reload or Save as copy."""
    if not opened.stale:
        return
    with st.container(border=True, key="stale_banner"):
        st.warning(
            f"This map changed on disk since you opened it (another tab or a git pull?), so your last "
            f"change to {md(repr(opened.name))} was not saved. Reload it from disk (your unsaved changes are "
            "dropped) or save your version as a copy.",
            icon=":material/sync_problem:",
        )
        left, middle, right = st.columns([1, 2, 1], vertical_alignment="bottom")
        left.button("Reload from disk", key="stale_reload", on_click=act(state.reload))
        middle.text_input("Name of the copy", value=f"{opened.name}-copy", key="stale_copy_name")
        right.button(
            "Save as copy",
            key="stale_save_copy",
            type="primary",
            on_click=lambda: act(state.save_as_copy, st.session_state.get("stale_copy_name", ""))(),
        )


def difference_view(difference: MapDiff, same: str, key: str) -> None:
    """The node-by-node difference between two maps (History, a submission against its starting
    map): one line per added, removed or changed node and relation, or ``same`` when none."""
    with st.container(border=True, key=key):
        if difference.empty:
            st.info(same)
        for line in difference.lines():
            st.markdown(f"`{line[0]}` {md(line[2:])}")


def account_sidebar() -> None:
    """Classroom mode: who is signed in, and the Sign out button, in the sidebar."""
    me = people.user()
    with st.sidebar:
        st.caption(f"Signed in as **{md(me.name)}** ({md(me.email)})")
        if st.button("Sign out", key="sign_out", icon=":material/logout:"):
            people.forget()
            st.session_state.pop(state.SESSION, None)  # the maps open for this user
            st.logout()
