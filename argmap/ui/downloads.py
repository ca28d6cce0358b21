"""Download buttons whose file is built only when clicked, for the Outline and Practice pages.

``st.download_button`` takes a callable as its data and calls it on the click, so a page does not
build a Word file, a PDF or a deck on every rerun; ``on_click="ignore"`` keeps the click from
rerunning the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator


@dataclass(frozen=True)
class Download:
    """One button: its label and widget key, the function that builds the file, its name and type.

    Labels are short enough for a narrow column at 1400 px (about 25 characters); ``help`` says the
    rest."""

    label: str
    key: str
    build: Callable[[], bytes | str]
    file_name: str
    mime: str
    icon: str | None = None
    primary: bool = False
    help: str | None = None  # the tooltip: what a short label leaves out


def download_buttons(downloads: Iterable[Download], places: Sequence[DeltaGenerator] | None = None) -> None:
    """A full-width button for each download, one below the other, or one in each of ``places``
    (columns, say) when given."""
    for number, download in enumerate(downloads):
        place = places[number] if places is not None else st
        place.download_button(
            download.label,
            data=download.build,
            file_name=download.file_name,
            mime=download.mime,
            key=download.key,
            on_click="ignore",
            type="primary" if download.primary else "secondary",
            icon=download.icon,
            help=download.help,
            width="stretch",
        )
