"""The heavy views the pages show, computed by the core and cached on the map's content.

Each ``cached_*`` function takes the map's ``key`` (the content hash kept in
:class:`argmap.ui.state.OpenMap`) and the map itself as ``_argument_map``: Streamlit skips hashing
arguments whose name starts with an underscore, so the cache is keyed on the content hash and the
options, never on the map object's identity, and a rerun that changes nothing recomputes nothing.

The plain ``*_bytes`` / ``build_*`` functions build what the download buttons serve; they are
ordinary functions so that tests can check the bytes (AppTest cannot read a download).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import streamlit as st

from argmap.analysis import (
    Check,
    DimensionBalance,
    Influence,
    Severity,
    Strengths,
    Verdict,
    balance,
    compute_strengths,
    lint,
    sensitivity,
    verdict,
)
from argmap.editing import filtered
from argmap.formats import MAP_FORMATS, write_text
from argmap.graph import MapGraph
from argmap.mapfile import dump_map
from argmap.model import ArgumentMap
from argmap.outline import Outline, outline_to_docx, outline_to_markdown
from argmap.outline.builder import OutlineOptions, build_outline
from argmap.outline.picture import outline_pictures
from argmap.render import RenderOptions, build_dot, render_bytes
from argmap.rules import relation_for

#: The findings whose nodes the Editor outlines on the map; hints are only listed.
OUTLINED_SEVERITIES = frozenset({Severity.ERROR, Severity.WARNING})

#: The picture the export buttons give: print colours, grouped by dimension, with the key.
EXPORT_OPTIONS = RenderOptions(theme="print", group_by="tag", legend=True)


@dataclass(frozen=True)
class MapView:
    """How the Editor draws the map: what is selected and outlined, and which nodes are shown.

    ``checks``: outline the nodes that a check finds an error or a warning about (hints are only
    listed: most claims of a sound map get one, and outlining them would make it look faulty).
    """

    selected: str | None = None
    checks: bool = False
    focus: str | None = None
    depth: int | None = None
    kinds: tuple[str, ...] = ()  # empty: every kind
    tags: tuple[str, ...] = ()  # empty: every tag
    group_by: str = "tag"
    evidence: bool = True
    scores: bool = False
    comments: tuple[tuple[str, int], ...] = ()  # (node id, open comment threads): the mark on the box


def render_options(
    argument_map: ArgumentMap, view: MapView, strengths: Strengths | None, flagged: Iterable[str] = ()
) -> RenderOptions:
    """The renderer's options for a view of a (possibly filtered) map, outlining the nodes in
    ``flagged``."""
    present = argument_map.node_index()
    focus = view.focus if view.focus in present else None
    return RenderOptions(
        group_by=view.group_by,  # type: ignore[arg-type]
        focus=focus,
        depth=view.depth if focus else None,
        evidence=view.evidence,
        legend=False,
        scores=strengths.strength if (view.scores and strengths) else None,
        highlight=frozenset(node for node in flagged if node in present),
        selected=view.selected if view.selected in present else None,
        comments=dict(view.comments) or None,
    )


@st.cache_data(max_entries=64, show_spinner=False)
def cached_strengths(key: str, _argument_map: ArgumentMap) -> Strengths:
    return compute_strengths(_argument_map)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_checks(key: str, _argument_map: ArgumentMap) -> list[Check]:
    return lint(_argument_map)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_verdict(key: str, _argument_map: ArgumentMap) -> Verdict:
    return verdict(_argument_map, cached_strengths(key, _argument_map))


@st.cache_data(max_entries=64, show_spinner=False)
def cached_sensitivity(key: str, node_id: str, _argument_map: ArgumentMap) -> list[Influence]:
    return sensitivity(_argument_map, node_id, cached_strengths(key, _argument_map))


@st.cache_data(max_entries=64, show_spinner=False)
def cached_balance(key: str, _argument_map: ArgumentMap) -> list[DimensionBalance]:
    return balance(_argument_map, cached_strengths(key, _argument_map))


@st.cache_data(max_entries=64, show_spinner=False)
def cached_outlined(key: str, _argument_map: ArgumentMap) -> list[str]:
    """The ids of the nodes that a check finds an error or a warning about (outlined on the map)."""
    found = (
        check.node for check in cached_checks(key, _argument_map) if check.severity in OUTLINED_SEVERITIES
    )
    return list(dict.fromkeys(node for node in found if node))


def _view_options(key: str, argument_map: ArgumentMap, view: MapView) -> tuple[ArgumentMap, RenderOptions]:
    strengths = cached_strengths(key, argument_map) if view.scores else None
    flagged = cached_outlined(key, argument_map) if view.checks else []
    shown = filtered(argument_map, kinds=view.kinds, tags=view.tags)
    return shown, render_options(shown, view, strengths, flagged)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_dot(key: str, view: MapView, _argument_map: ArgumentMap) -> str:
    """The DOT text of the view (what ``st.graphviz_chart`` draws when ``dot`` is missing)."""
    shown, options = _view_options(key, _argument_map, view)
    return build_dot(shown, options)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_svg(key: str, view: MapView, _argument_map: ArgumentMap) -> str:
    """The view drawn by ``dot`` as SVG text. Raises ToolMissingError when ``dot`` is missing."""
    shown, options = _view_options(key, _argument_map, view)
    return render_bytes(shown, options, "svg").decode("utf-8")


@st.cache_data(max_entries=64, show_spinner=False)
def cached_node_choices(key: str, _argument_map: ArgumentMap) -> dict[str, str]:
    """How the node select boxes show each node id: its kind, then its label (kind first, so that a
    narrow box cutting a long label short still shows it). See :func:`node_choices`."""
    return node_choices(_argument_map)


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


@st.cache_data(max_entries=64, show_spinner=False)
def cached_new_parents(key: str, node_id: str, _argument_map: ArgumentMap) -> list[str]:
    """The nodes that ``node_id`` may move or link to: any node outside its own branch that its
    kind can support or oppose. Raises UnknownNodeError for an unknown node."""
    below = set(MapGraph.of(_argument_map).subtree(node_id))
    node = _argument_map.get(node_id)
    return [
        other.id
        for other in _argument_map.nodes
        if other.id not in below and relation_for(node.kind, other.kind) is not None
    ]


# -- downloads ---------------------------------------------------------------------------------------


def build_outline_for(argument_map: ArgumentMap, template: str, side: str, words: int | None) -> Outline:
    """The outline the Outline page previews. Raises OutlineError for bad options."""
    return build_outline(argument_map, template, OutlineOptions(words=words, side=side))


@st.cache_data(max_entries=32, show_spinner=False)
def cached_outline(
    key: str, template: str, side: str, words: int | None, _argument_map: ArgumentMap
) -> Outline:
    return build_outline_for(_argument_map, template, side, words)


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


def outline_docx_bytes(
    argument_map: ArgumentMap, template: str, side: str, words: int | None, *, picture: bool = True
) -> bytes:
    """The outline as a Word document, with the map picture when ``picture`` and ``dot`` allow."""
    outline = build_outline_for(argument_map, template, side, words)
    pictures = outline_pictures(argument_map, outline)[0] if picture else []
    return outline_to_docx(outline, pictures=pictures)


def outline_markdown_text(argument_map: ArgumentMap, template: str, side: str, words: int | None) -> str:
    return outline_to_markdown(build_outline_for(argument_map, template, side, words))


@st.cache_data(max_entries=16, show_spinner=False)
def cached_outline_docx(
    key: str, template: str, side: str, words: int | None, picture: bool, _argument_map: ArgumentMap
) -> bytes:
    return outline_docx_bytes(_argument_map, template, side, words, picture=picture)


def map_picture_bytes(argument_map: ArgumentMap, fmt: str) -> bytes:
    """The whole map drawn for print as ``svg``, ``png`` or ``pdf``. Raises ToolMissingError
    when ``dot`` is missing."""
    return render_bytes(argument_map, EXPORT_OPTIONS, fmt)


@st.cache_data(max_entries=16, show_spinner=False)
def cached_map_picture(key: str, fmt: str, _argument_map: ArgumentMap) -> bytes:
    return map_picture_bytes(_argument_map, fmt)


#: Map-file downloads: (format name, short button label, file suffix, MIME type, what it is).
MAP_FILE_DOWNLOADS = (
    ("yaml", "argmap YAML", ".yaml", "application/yaml", "argmap's own map file"),
    (
        "argdown",
        "Argdown",
        MAP_FORMATS["argdown"].suffix,
        "text/plain",
        "Argdown text, for the Argdown tools",
    ),
    (
        "aif",
        "AIF JSON",
        MAP_FORMATS["aif"].suffix,
        "application/json",
        f"{MAP_FORMATS['aif'].label}: for AIF tools",
    ),
)


def map_file_text(argument_map: ArgumentMap, fmt: str) -> str:
    """The map as a file in ``fmt``: ``yaml`` (argmap's own), or a writer of argmap.formats."""
    if fmt == "yaml":
        return dump_map(argument_map)
    return write_text(argument_map, fmt)
