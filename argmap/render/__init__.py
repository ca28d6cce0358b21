"""Argument maps drawn with Graphviz: the map picture users look at most.

Public API (stable; the Streamlit app and the CLI both use it)::

    from argmap.render import RenderOptions, build_digraph, build_dot, render_bytes, render_file

    options = RenderOptions(theme="print", group_by="tag", focus=None, depth=None, evidence=True,
                            legend=True, scores=None, highlight=frozenset(), selected=None)
    graph = build_digraph(argument_map, options)      # graphviz.Digraph, pure, no Graphviz run
    dot_text = build_dot(argument_map, options)     # the same graph as DOT text, deterministic
    svg = render_bytes(argument_map, options, "svg")  # also "png", "pdf", "dot"
    render_file(argument_map, Path("map.pdf"), options)  # format from the suffix, atomic write

* :class:`RenderOptions` -- ``theme`` (``default`` or ``print``), ``group_by`` (``tag``, ``kind`` or
  ``none``), ``focus`` (a node id: draw it and what hangs below it), ``depth`` (levels below the
  focus or the roots), ``evidence`` (False hides evidence and counts it on its parent), ``legend``
  (title, question and key above the map), ``scores`` (node id -> strength in [0, 1]: shades
  nodes and thickens edges; see ``argmap.analysis``), ``highlight`` (ids outlined, e.g. lint
  findings), ``selected`` (the id outlined as selected), ``wrap`` (characters per line),
  ``direction`` (``down``: thesis on top; ``right``: thesis on the left, points listed downwards
  like an outline; ``auto``, the default: down while the map has at most 8 leaves, else right).
* In the SVG every node's ``<g>`` has ``id`` = the node id and ``class="node kind-KIND"`` (plus
  ``highlight`` / ``selected``); every edge's ``<g>`` has ``id`` = the relation id ``child->parent``
  and ``class="edge supports"`` or ``"edge opposes"``; each cluster ``id`` is ``tag:TAG`` or
  ``kind:KIND``. Tooltips (``xlink:title``) carry each node's full text.
* Errors: :class:`RenderError` (an ArgmapError) for bad options or a failing ``dot``;
  :class:`~argmap.errors.ToolMissingError` when ``dot`` is not installed.

Importing this package loads nothing but itself: each name below comes from its module on first
use (PEP 562), so ``argmap show`` (which needs only :mod:`argmap.render.escape`) does not load
Graphviz, and no part of it loads Streamlit, python-docx or the analysis.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from argmap.lazy import lazy_names

if TYPE_CHECKING:
    from argmap.model_plain import AnyMap
    from argmap.render.dot import PICTURE_FORMATS, format_of, run_dot, run_dot_into
    from argmap.render.graph import (
        GROUP_BY,
        RenderError,
        RenderOptions,
        build_digraph,
        build_dot,
        build_dot_utf8,
        folded_away,
    )
    from argmap.render.themes import THEMES

__all__ = [
    "GROUP_BY",
    "PICTURE_FORMATS",
    "THEMES",
    "RenderError",
    "RenderOptions",
    "build_digraph",
    "build_dot",
    "build_dot_utf8",
    "folded_away",
    "format_of",
    "render_bytes",
    "render_file",
    "run_dot",
    "run_dot_into",
]

_HOMES = {
    "PICTURE_FORMATS": "dot",
    "format_of": "dot",
    "run_dot": "dot",
    "run_dot_into": "dot",
    "GROUP_BY": "graph",
    "RenderError": "graph",
    "RenderOptions": "graph",
    "build_dot": "graph",
    "build_dot_utf8": "graph",
    "build_digraph": "graph",
    "folded_away": "graph",
    "THEMES": "themes",
}


__getattr__ = lazy_names(__name__, _HOMES)


def render_bytes(argument_map: AnyMap, options: RenderOptions | None = None, fmt: str = "svg") -> bytes:
    """The map drawn as ``fmt`` (svg, png, pdf, or dot for the DOT text itself).

    Raises RenderError for bad options or a failing ``dot``, ToolMissingError when ``dot`` is missing.
    """
    from argmap.render.dot import run_dot
    from argmap.render.graph import build_dot

    dot_source = build_dot(argument_map, options)
    if fmt == "dot":
        return dot_source.encode("utf-8")
    return run_dot(dot_source, fmt)


def render_file(argument_map: AnyMap, path: Path, options: RenderOptions | None = None) -> Path:
    """Draw the map into ``path`` in the format its suffix names; the file is replaced atomically
    (``dot`` writes the picture into the temporary file itself)."""
    from argmap.render.dot import format_of, run_dot_into
    from argmap.render.graph import build_dot_utf8
    from argmap.store import write_atomic, write_atomic_with

    fmt = format_of(path)
    dot_utf8 = build_dot_utf8(argument_map, options)
    if fmt == "dot":
        write_atomic(path, dot_utf8)
    else:
        write_atomic_with(path, lambda out: run_dot_into(dot_utf8, fmt, out))
    return path
