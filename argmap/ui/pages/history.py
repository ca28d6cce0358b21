"""History page: the saved versions of the open map (when, who, what change), the difference
between two versions node by node, and restoring a version as a new save (nothing is lost: the
version restored from stays in the history)."""

from __future__ import annotations

import streamlit as st

from argmap.errors import StoreError
from argmap.map_diff import diff_maps
from argmap.ui import state
from argmap.ui.common import act, difference_view, md, notify, require_map, show_messages
from argmap.words import counted


def version_name(version) -> str:
    who = f" by {version.author}" if version.author else ""
    what = f": {version.label}" if version.label else ""
    return f"{version.number} · {version.saved.astimezone().strftime('%d %b %Y, %H:%M:%S')}{who}{what}"


def _restore(number: int) -> None:
    opened = state.current()
    if opened is None:
        raise StoreError("no map is open; open one in the Library")
    library = state.library()
    library.save(
        opened.name,
        library.version_map(opened.name, number),
        opened.revision,
        label=f"restored version {number}",
    )
    state.open_map(opened.name)
    notify(f"Restored version {number} of {opened.name!r} as a new save.", "restore")


opened = require_map()
st.title("History")
library = state.library()
versions = library.history(opened.name)
st.caption(
    f"{counted(len(versions), 'saved version')} of {md(opened.map.title)}, newest last. "
    "Compare two of them, or restore one as a new save."
)
by_number = {version.number: version for version in versions}
numbers = list(by_number)
older, newer = st.columns(2)
before = older.selectbox(
    "Compare",
    numbers,
    index=max(0, len(numbers) - 2),
    key="history_before",
    format_func=lambda n: version_name(by_number[n]),
)
after = newer.selectbox(
    "with",
    numbers,
    index=len(numbers) - 1,
    key="history_after",
    format_func=lambda n: version_name(by_number[n]),
)
difference = diff_maps(library.version_map(opened.name, before), library.version_map(opened.name, after))
difference_view(difference, "These two versions are the same.", "history_difference")
show_messages("restore")
st.button(
    f"Restore version {before} as a new save",
    key="history_restore",
    on_click=act(_restore, before, place="restore"),
    disabled=before == numbers[-1],
)
