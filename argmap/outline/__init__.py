"""Essay, answer and debate-case outlines: the map turned into what to write, with word budgets.

Public API (stable; the app, the CLI and the practice module use it)::

    from argmap.outline import build_outline, OutlineOptions, TEMPLATES
    from argmap.outline import Outline, Section, Point, EvidenceRef, SourceRef, Table
    from argmap.outline import outline_to_docx, outline_to_markdown

    outline = build_outline(argument_map, "upsc-gs-250", OutlineOptions(words=250, side="for"))

    docx_bytes = outline_to_docx(outline, map_png=png_bytes_or_None, guidance=True)
    markdown = outline_to_markdown(outline, guidance=True)

* :func:`build_outline` (map, template name or :class:`~argmap.outline.templates.Template`,
  options) -> :class:`Outline`; pure; raises :class:`OutlineError` (an ArgmapError) for an unknown
  template, a word limit outside 30–20,000, a side other than for/against, or an empty map. Odd maps
  (no thesis, no counterpoints, one node) give an outline with ``notes`` saying what is missing.
* :data:`TEMPLATES` -- the templates by name (:mod:`argmap.outline.templates`: sections, shares,
  default words and range, minutes); :data:`~argmap.outline.templates.DIRECTIVES` -- how each
  directive word shapes them.
* :func:`~argmap.outline.picture.map_picture` (map) -> ``(png, None)`` or ``(None, note)`` when
  Graphviz is missing or fails.
* :mod:`argmap.outline.model` -- the :class:`Outline` data (frozen dataclasses): title, prompt,
  directive, template, word limit, minutes, sections (title, role, words, points, one level of
  sub-sections, guidance lines, an always-shown hint, an optional :class:`Table`), numbered
  :class:`SourceRef` sources, notes about the map, keywords. A :class:`Point` has a bold label,
  text, a word budget, sub-points and :class:`EvidenceRef` evidence citing source numbers.
* :func:`outline_to_docx` -- Word: Title / Heading 1 / Heading 2 styles, points on a real multilevel
  list (``numbering.xml``, written by :mod:`argmap.outline.ooxml`), evidence as sub-points with
  ``[n]`` references and a Sources list, the map picture with a caption when ``map_png`` is
  given, guidance in the "Outline Guidance" style (left out with ``guidance=False``), document
  properties, A4 pages.
* :func:`outline_to_markdown` -- the same outline as Markdown with footnote-style references.

Any other view may build an :class:`Outline` by hand (case files, flow sheets) and render it with
these two functions: there is one DOCX writer. python-docx is imported only by
:mod:`argmap.outline.docx`, loaded on first use of :func:`outline_to_docx`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.lazy import lazy_names

if TYPE_CHECKING:
    from argmap.outline.builder import OutlineError, OutlineOptions, build_outline
    from argmap.outline.docx import outline_to_docx
    from argmap.outline.markdown import outline_to_markdown
    from argmap.outline.model import EvidenceRef, Outline, Point, Section, SourceRef, Table, xml_safe
    from argmap.outline.templates import TEMPLATES

# Each name is loaded from its module on first use (PEP 562), so that ``argmap.outline.templates``
# (which the CLI reads at every start to list template names) does not pull in the builder, the
# analysis and python-docx.
_HOMES = {
    "OutlineError": "builder",
    "OutlineOptions": "builder",
    "build_outline": "builder",
    "outline_to_docx": "docx",
    "outline_to_markdown": "markdown",
    "EvidenceRef": "model",
    "Outline": "model",
    "Point": "model",
    "Section": "model",
    "SourceRef": "model",
    "Table": "model",
    "xml_safe": "model",
    "TEMPLATES": "templates",
}


__getattr__ = lazy_names(__name__, _HOMES)


__all__ = [
    "TEMPLATES",
    "EvidenceRef",
    "Outline",
    "OutlineError",
    "OutlineOptions",
    "Point",
    "Section",
    "SourceRef",
    "Table",
    "build_outline",
    "outline_to_docx",
    "outline_to_markdown",
    "xml_safe",
]
