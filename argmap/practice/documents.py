"""Case files and flow sheets as finished documents, one call each, for the app's download buttons.

Both are :class:`~argmap.outline.Outline` objects written by the outline's own renderers (the
project has one DOCX writer); this module only chooses the renderer from the wanted kind and
computes the strengths that order the points.
"""

from __future__ import annotations

from typing import Literal

from argmap.analysis import compute_strengths
from argmap.graph import Side
from argmap.model import ArgumentMap
from argmap.outline import Outline, outline_to_docx, outline_to_markdown
from argmap.practice.case import build_case
from argmap.practice.debate_formats import DEBATE_FORMATS
from argmap.practice.flow import flow_sheet
from argmap.practice.paper import landscape_flow
from argmap.practice.sides import PracticeError

DocumentKind = Literal["docx", "md"]


def render_outline(outline: Outline, kind: str) -> bytes:
    """The outline as .docx bytes, or as UTF-8 Markdown for ``md``; PracticeError for other kinds."""
    if kind == "docx":
        return outline_to_docx(outline)
    if kind == "md":
        return outline_to_markdown(outline).encode("utf-8")
    raise PracticeError(f"a case file or flow sheet is written as docx or md, not {kind!r}")


def case_document(argument_map: ArgumentMap, side: Side | str, format_id: str, kind: DocumentKind) -> bytes:
    """The case file for a side and format (ids as in :data:`DEBATE_FORMATS`) as a document."""
    strengths = compute_strengths(argument_map).strength
    return render_outline(build_case(argument_map, side, _format(format_id), strengths), kind)


def flow_document(argument_map: ArgumentMap, format_id: str, kind: DocumentKind) -> bytes:
    """The flow sheet of a map in a format as a document; in Word, a landscape page for printing."""
    strengths = compute_strengths(argument_map).strength
    document = render_outline(flow_sheet(argument_map, _format(format_id), strengths), kind)
    return landscape_flow(document) if kind == "docx" else document


def _format(format_id: str):
    try:
        return DEBATE_FORMATS[format_id]
    except KeyError:
        raise PracticeError(
            f"unknown format {format_id!r}; choose one of {', '.join(DEBATE_FORMATS)}"
        ) from None
