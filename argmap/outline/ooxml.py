"""The raw WordprocessingML that python-docx has no API for: multilevel list numbering.

Writes the numbering part (``word/numbering.xml``) as described in ECMA-376 Part 1, §17.9
"Numbering": an abstract numbering definition (``w:abstractNum``, §17.9.1) with one ``w:lvl`` per
level (§17.9.6: start, number format, level text, indentation), concrete list instances
(``w:num``, §17.9.15) that restart level 0 through ``w:lvlOverride``/``w:startOverride``
(§17.9.8, §17.9.27), and the paragraph property ``w:numPr`` (§17.3.1.19) that puts a paragraph on
a list at a level. Numbers are Word's, not text typed into the paragraph, so they renumber when the
user edits the document.

Only this module builds XML by hand; :mod:`argmap.outline.docx` calls it with python-docx objects.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

#: (number format, level text, left indent in twentieths of a point) for the outline's levels:
#: 1. / (a) / i. — the usual shape of a point, its sub-points and their details.
OUTLINE_LEVELS: tuple[tuple[str, str, int], ...] = (
    ("decimal", "%1.", 360),
    ("lowerLetter", "(%2)", 720),
    ("lowerRoman", "%3.", 1080),
)
#: The Sources list: [1], [2] … matching the reference numbers cited in the text.
SOURCE_LEVELS: tuple[tuple[str, str, int], ...] = (("decimal", "[%1]", 480),)
_HANGING = 360


def _abstract_num_xml(abstract_id: int, levels: tuple[tuple[str, str, int], ...], name: str) -> str:
    lvl = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{_HANGING}"/></w:pPr></w:lvl>'
        for index, (fmt, text, left) in enumerate(levels)
    )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/><w:name w:val="{name}"/>{lvl}</w:abstractNum>'
    )


def add_abstract_numbering(numbering: Any, levels: tuple[tuple[str, str, int], ...], name: str) -> int:
    """Add a multilevel abstract numbering definition to the ``w:numbering`` element and return its
    id. Abstract definitions must precede every ``w:num`` (the schema's order), so it is inserted
    before the first one."""
    existing = [int(value) for value in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    abstract_id = max(existing, default=-1) + 1
    element = parse_xml(_abstract_num_xml(abstract_id, levels, name))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(element)
    else:
        numbering.append(element)
    return abstract_id


def add_list(numbering: Any, abstract_id: int) -> int:
    """Add a list instance of the abstract definition that starts again at 1; returns its numId."""
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def number_paragraph(paragraph: Any, num_id: int, level: int) -> None:
    """Put a ``w:p`` element on list ``num_id`` at ``level`` (0-based)."""
    num_pr = paragraph.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


__all__ = ["OUTLINE_LEVELS", "SOURCE_LEVELS", "add_abstract_numbering", "add_list", "number_paragraph"]
