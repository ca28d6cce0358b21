"""Texts the app's widgets show that Streamlit needs in a particular shape: unique select-box
labels for nodes, and an outline's Markdown for Streamlit's own Markdown (no footnotes, no maths).
Pure functions, tested without Streamlit; the caches over them are in ``argmap/ui/views.py``."""

from __future__ import annotations

import re
from collections import Counter

from argmap.model import ArgumentMap
from argmap.outline import Outline, outline_to_markdown


def node_choices(argument_map: ArgumentMap) -> dict[str, str]:
    """Each node id with the text a select box shows for it: "kind · label", and the id after it
    when another node shows the same "kind · label".

    Every text is unique: Streamlit gives a select box's value back as the text shown and matches
    it to the first option showing that text, so two points labelled alike would swap the selection.
    """
    shown = {node.id: f"{node.kind.value} · {node.display_label}" for node in argument_map.nodes}
    # Rarely a text with its id added equals another node's text (a label typed "X (x-2)"):
    # add the id again until none repeats; each round makes the repeated texts longer.
    for _ in range(len(shown)):
        counts = Counter(shown.values())
        repeated = [node_id for node_id, text in shown.items() if counts[text] > 1]
        if not repeated:
            break
        for node_id in repeated:
            shown[node_id] = f"{shown[node_id]} ({node_id})"
    return shown


_FOOTNOTE_REF = re.compile(r"(?<!\\)\[\^(\d+)\]")  # [^3], not an escaped \[^3] of user text
_FOOTNOTE = re.compile(r"^\[\^(\d+)\]: ", re.MULTILINE)


def outline_preview_markdown(outline: Outline) -> str:
    """The outline's Markdown (as the .md download has it) for the page's preview.

    Streamlit's Markdown has no footnotes, so each ``[^n]`` reads ``[n]`` and the Sources become a
    list of ``[n] citation``; ``$`` is escaped, since Streamlit would read ``$…$`` as maths; the
    title is left out, since the page names the map already.
    """
    text = outline_to_markdown(outline)
    body = text.partition("\n")[2].lstrip("\n")  # the first line is "# title"
    body = _FOOTNOTE.sub(lambda match: f"- \\[{match[1]}\\] ", body)
    body = _FOOTNOTE_REF.sub(lambda match: f" \\[{match[1]}\\]", body)
    return body.replace("$", "\\$")  # Streamlit reads $…$ as maths; the .md file has no maths


__all__ = ["node_choices", "outline_preview_markdown"]
