"""The raw WordprocessingML that python-docx has no API for: multilevel list numbering.

Writes the numbering part (``word/numbering.xml``) as described in ECMA-376 Part 1, §17.9
"Numbering": an abstract numbering definition (``w:abstractNum``, §17.9.1) with one ``w:lvl`` per
level (§17.9.6: start, number format, level text, indentation), concrete list instances
(``w:num``, §17.9.15) that restart level 0 through ``w:lvlOverride``/``w:startOverride``
(§17.9.8, §17.9.27), and the paragraph property ``w:numPr`` (§17.3.1.19) that puts a paragraph on
a list at a level; and, for speed, whole paragraphs with their properties and runs
(:class:`ParagraphWriter`, §17.3.1.22, §17.3.1.26, §17.3.2.28) and comments on a run
(:class:`CommentWriter`, §17.13.4). Numbers are Word's, not text typed into the paragraph, so they renumber when the
user edits the document.

Only this module builds XML by hand; :mod:`argmap.outline.docx` calls it with python-docx objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml.etree import SubElement

#: (number format, level text, left indent, hanging indent; in twentieths of a point) for the
#: outline's levels: 1. / (a) / i. — the usual shape of a point, its sub-points and their details.
OUTLINE_LEVELS: tuple[tuple[str, str, int, int], ...] = (
    ("decimal", "%1.", 360, 360),
    ("lowerLetter", "(%2)", 720, 360),
    ("lowerRoman", "%3.", 1080, 360),
)
#: The Sources list: [1], [2] … matching the reference numbers cited in the text. Its hanging
#: indent is as wide as its left indent, so "[10]" still has a space before the citation.
SOURCE_LEVELS: tuple[tuple[str, str, int, int], ...] = (("decimal", "[%1]", 560, 560),)


def _abstract_num_xml(abstract_id: int, levels: tuple[tuple[str, str, int, int], ...], name: str) -> str:
    lvl = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
        for index, (fmt, text, left, hanging) in enumerate(levels)
    )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/><w:name w:val="{name}"/>{lvl}</w:abstractNum>'
    )


def add_abstract_numbering(numbering: Any, levels: tuple[tuple[str, str, int, int], ...], name: str) -> int:
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


#: One run of a paragraph: text, character style id (or None), bold, italic. A run whose text is
#: exactly ``LINE_BREAK`` is a line break inside the paragraph (``w:br``).
Run = tuple[str, str | None, bool, bool]
LINE_BREAK = "\n"


class ParagraphWriter:
    """Appends whole paragraphs (``w:p``, §17.3.1.22) to a document body in one step each: the
    paragraph properties (style §17.3.1.27, list level ``w:numPr``) and the runs (``w:r`` with
    ``w:rPr``: character style, bold, italic; ``w:t`` with spaces preserved).

    python-docx's own calls look up the document's default style per paragraph and add each
    property through generic child-insertion code; for an outline of a thousand points that was
    14x slower than a bare document. Text must already be XML-safe (no control characters)."""

    def __init__(self, body: Any):
        self._body = body
        self._end = body.find(qn("w:sectPr"))  # paragraphs go before the body's section properties
        self._p, self._ppr, self._pstyle = qn("w:p"), qn("w:pPr"), qn("w:pStyle")
        self._numpr, self._ilvl, self._numid = qn("w:numPr"), qn("w:ilvl"), qn("w:numId")
        self._r, self._rpr, self._rstyle = qn("w:r"), qn("w:rPr"), qn("w:rStyle")
        self._b, self._i, self._t, self._val = qn("w:b"), qn("w:i"), qn("w:t"), qn("w:val")
        self._br = qn("w:br")
        self._space = "{http://www.w3.org/XML/1998/namespace}space"

    def append(self, style_id: str, runs: Iterable[Run], num_id: int | None = None, level: int = 0) -> Any:
        """Add a paragraph of ``runs`` in style ``style_id`` (on list ``num_id`` at ``level``)."""
        paragraph = self._body.makeelement(self._p, {})
        properties = SubElement(paragraph, self._ppr)
        SubElement(properties, self._pstyle, {self._val: style_id})
        if num_id is not None:
            numbering = SubElement(properties, self._numpr)
            SubElement(numbering, self._ilvl, {self._val: str(level)})
            SubElement(numbering, self._numid, {self._val: str(num_id)})
        for text, run_style, bold, italic in runs:
            run = SubElement(paragraph, self._r)
            if text == LINE_BREAK:
                SubElement(run, self._br)
                continue
            if run_style or bold or italic:
                run_properties = SubElement(run, self._rpr)
                if run_style:
                    SubElement(run_properties, self._rstyle, {self._val: run_style})
                if bold:
                    SubElement(run_properties, self._b)
                if italic:
                    SubElement(run_properties, self._i)
            SubElement(run, self._t, {self._space: "preserve"}).text = text
        if self._end is not None:
            self._end.addprevious(paragraph)
        else:
            self._body.append(paragraph)
        return paragraph


class CommentWriter:
    """Word comments (§17.13.4) anchored on one run each, written in one step: the same elements
    python-docx's ``Document.add_comment`` writes (``w:comment`` with its ``w:annotationRef`` in the
    comments part; ``w:commentRangeStart`` and ``w:commentRangeEnd`` around the run and a run with
    the ``w:commentReference`` after it), without parsing an XML template and searching every
    comment id per comment (half the time of a debate-case outline's document). Text must be
    XML-safe and on one line."""

    def __init__(self, document: Any, author: str, initials: str, date: str):
        self._comments = document.comments._comments_elm  # the part is made on first use
        self._id, self._val = qn("w:id"), qn("w:val")
        self._attributes = {qn("w:author"): author, qn("w:initials"): initials, qn("w:date"): date}
        # the element names, qualified once (qn splits and looks up its prefix on every call)
        self._comment, self._p, self._ppr, self._pstyle = (
            qn("w:comment"),
            qn("w:p"),
            qn("w:pPr"),
            qn("w:pStyle"),
        )
        self._r, self._rpr, self._rstyle, self._t = qn("w:r"), qn("w:rPr"), qn("w:rStyle"), qn("w:t")
        self._annotation, self._reference = qn("w:annotationRef"), qn("w:commentReference")
        self._start, self._end = qn("w:commentRangeStart"), qn("w:commentRangeEnd")
        used = [int(comment.get(self._id)) for comment in self._comments.iterchildren(self._comment)]
        self._next = max(used, default=-1) + 1

    def _styled_run(self, parent: Any, style: str) -> Any:
        run = SubElement(parent, self._r)
        SubElement(SubElement(run, self._rpr), self._rstyle, {self._val: style})
        return run

    def add(self, run: Any, text: str) -> None:
        """Comment ``text`` on ``run`` (a ``w:r`` element in the document body)."""
        number = str(self._next)
        self._next += 1
        comment = SubElement(self._comments, self._comment, {self._id: number, **self._attributes})
        paragraph = SubElement(comment, self._p)
        SubElement(SubElement(paragraph, self._ppr), self._pstyle, {self._val: "CommentText"})
        SubElement(self._styled_run(paragraph, "CommentReference"), self._annotation)
        words = SubElement(SubElement(paragraph, self._r), self._t)
        words.text = text
        if text != text.strip():
            words.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.addprevious(run.makeelement(self._start, {self._id: number}))
        reference = run.makeelement(self._r, {})
        SubElement(SubElement(reference, self._rpr), self._rstyle, {self._val: "CommentReference"})
        SubElement(reference, self._reference, {self._id: number})
        run.addnext(reference)
        run.addnext(run.makeelement(self._end, {self._id: number}))


__all__ = [
    "LINE_BREAK",
    "OUTLINE_LEVELS",
    "SOURCE_LEVELS",
    "CommentWriter",
    "ParagraphWriter",
    "Run",
    "add_abstract_numbering",
    "add_list",
]
