"""The outline as a Word document: real styles, real list numbering, the map, the sources.

Headings use Word's own Title / Heading 1 / Heading 2 styles, so the navigation pane shows the
outline; points are paragraphs on a multilevel list (numbering written by :mod:`.ooxml`), so the
numbers are Word's and renumber as the user edits; writing guidance has a style of its own
("Outline Guidance") that a user can restyle or delete in one go. The page is A4.

Every string passes through :func:`~argmap.outline.model.xml_safe` before python-docx sees it,
because python-docx raises on control characters.
"""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles.style import StyleFactory
from docx.text.paragraph import Paragraph

from argmap.outline.model import EvidenceRef, Outline, Point, Section, Table, xml_safe
from argmap.outline.ooxml import (
    LINE_BREAK,
    OUTLINE_LEVELS,
    SOURCE_LEVELS,
    CommentWriter,
    ParagraphWriter,
    Run,
    add_abstract_numbering,
    add_list,
)
from argmap.outline.picture import png_size

GUIDANCE_STYLE = "Outline Guidance"
NOTE_STYLE = "Outline Note"
HINT_STYLE = "Outline Hint"
POINT_STYLE = "List Paragraph"
BUDGET_STYLE = "Outline Budget"
PICTURE_WIDTH = Cm(16)
PICTURE_MAX_HEIGHT = Cm(19)  # room below it for the caption and a few sources
_MAX_LEVEL = len(OUTLINE_LEVELS) - 1


def _flat(text: str) -> str:
    """One line of XML-safe text: Word shows a newline inside a run as nothing, so it becomes a space."""
    return " ".join(xml_safe(text).split())


def budget_text(words: int) -> str:
    """How a budget reads after a point or heading: ``≈ 60 words``, with no-break spaces so that
    a line never ends on a lone "(≈"."""
    return f"≈\u00a0{words}\u00a0words"


class _Prepared(NamedTuple):
    """python-docx's default document made ready for outlines, and what a writer looks up in it."""

    document: Any  # never written to: each outline writes a deep copy
    styles: dict[str, str]  # the id of each style the writer uses, by name
    outline_numbering: int  # the abstract numbering ids of the outline's points and of the sources
    source_numbering: int


@functools.cache
def _prepared() -> _Prepared:
    """python-docx's default document, read and parsed once per process, on A4 with argmap's own
    styles and list numbering added: every outline starts from a deep copy of it (about half the
    CPU time of reading the template's parts again, and the styles are not added anew each time)."""
    document = Document()
    _page_setup(document)
    styles = document.styles
    normal = styles["Normal"]
    _paragraph_style(document, GUIDANCE_STYLE, normal, italic=True, size=9, colour=(0x59, 0x59, 0x59))
    _paragraph_style(document, NOTE_STYLE, normal, italic=False, size=10, colour=(0x9C, 0x27, 0x06))
    _paragraph_style(document, HINT_STYLE, normal, italic=True, size=10, colour=(0x1F, 0x4E, 0x79))
    budget = _new_style(document, BUDGET_STYLE, WD_STYLE_TYPE.CHARACTER)
    budget.font.size = Pt(9)
    budget.font.color.rgb = RGBColor(0x76, 0x76, 0x76)
    numbering = document.part.numbering_part.element
    outline_numbering = add_abstract_numbering(numbering, OUTLINE_LEVELS, "argmap outline")
    source_numbering = add_abstract_numbering(numbering, SOURCE_LEVELS, "argmap sources")
    names = ("Title", "Subtitle", "Heading 1", "Heading 2", POINT_STYLE, "Caption", "Normal")
    ids = {
        name: styles[name].style_id for name in (*names, GUIDANCE_STYLE, NOTE_STYLE, HINT_STYLE, BUDGET_STYLE)
    }
    return _Prepared(document, ids, outline_numbering, source_numbering)


def _new_style(document: Any, name: str, style_type: WD_STYLE_TYPE) -> Any:
    """A style of argmap's own (the default template has none of these names), added without
    python-docx's ``add_style`` check, which reads every style's name (about 165) for each."""
    return StyleFactory(document.styles.element.add_style_of_type(name, style_type, False))


def _paragraph_style(
    document: Any, name: str, base: Any, *, italic: bool, size: int, colour: tuple[int, int, int]
) -> None:
    style = _new_style(document, name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = base
    style.quick_style = True
    style.font.italic = italic
    style.font.size = Pt(size)
    style.font.color.rgb = RGBColor(*colour)
    style.paragraph_format.space_after = Pt(4)
    # Advice and hints introduce what follows: never leave them alone at the foot of a page.
    style.paragraph_format.keep_with_next = True


class _Writer:
    """One document being written: the python-docx objects looked up once, reused per paragraph.
    Styles are named by their ids (``style_title``, …), as the paragraphs carry them."""

    def __init__(self, guidance: bool):
        prepared = _prepared()
        self.document = copy.deepcopy(prepared.document)
        self.guidance = guidance
        ids = prepared.styles
        self.style_title, self.style_subtitle = ids["Title"], ids["Subtitle"]
        self.style_h1, self.style_h2 = ids["Heading 1"], ids["Heading 2"]
        self.style_point, self.style_caption, self.style_normal = (
            ids[POINT_STYLE],
            ids["Caption"],
            ids["Normal"],
        )
        self.style_guidance, self.style_note = ids[GUIDANCE_STYLE], ids[NOTE_STYLE]
        self.style_hint, self.style_budget = ids[HINT_STYLE], ids[BUDGET_STYLE]
        self.out = ParagraphWriter(self.document.element.body)
        self.numbering = self.document.part.numbering_part.element
        self.outline_numbering, self.source_numbering = prepared.outline_numbering, prepared.source_numbering
        self._comments: CommentWriter | None = None

    def comments(self) -> CommentWriter:
        """The document's comments (its comments part is made on the first), dated as written."""
        if self._comments is None:
            written = self.document.core_properties.created or datetime.now(UTC)
            date = written.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            self._comments = CommentWriter(self.document, "argmap", "A", date)
        return self._comments

    # -- blocks ------------------------------------------------------------------------------
    def paragraph(self, text: str, style: str, num_id: int | None = None, level: int = 0) -> None:
        """A paragraph of ``text`` in the style whose id is ``style``."""
        self.out.append(style, ((_flat(text), None, False, False),) if text else (), num_id, level)

    def heading(self, text: str, level: int, words: int = 0, new_page: bool = False) -> None:
        runs: list[Run] = [(_flat(text), None, False, False)]
        if words:
            runs.append((f"  ({budget_text(words)})", self.style_budget, False, False))
        paragraph = self.out.append(self.style_h1 if level == 1 else self.style_h2, runs)
        if new_page:  # a property of the heading: a break of its own could spill onto an empty page
            Paragraph(paragraph, self.document._body).paragraph_format.page_break_before = True

    def guidance_lines(self, lines: Iterable[str]) -> None:
        """A section's advice as one paragraph, a line each: LibreOffice lets a page break fall
        between two "keep with next" paragraphs, and advice cut from what it introduces reads badly."""
        lines = [_flat(line) for line in lines if line] if self.guidance else []
        if lines:
            runs: list[Run] = []
            for line in lines:
                runs += [(LINE_BREAK, None, False, False), (line, None, False, False)]
            self.out.append(self.style_guidance, runs[1:])

    def point(self, point: Point, num_id: int, level: int) -> None:
        runs: list[Run] = []
        if point.label:
            runs.append((_flat(point.label) + (": " if point.text else ""), None, True, False))
        if point.text:
            references = "".join(f"[{number}]" for number in point.sources)
            runs.append((_flat(point.text) + (f" {references}" if references else ""), None, False, False))
        if point.words:
            runs.append((f"  ({budget_text(point.words)})", self.style_budget, False, False))
        paragraph = self.out.append(self.style_point, runs, num_id, min(level, _MAX_LEVEL))
        if point.detail and point.text:  # condensed: the node's full text as a Word comment on it
            text_run = paragraph.findall(qn("w:r"))[1 if point.label else 0]
            self.comments().add(text_run, _flat(point.detail))
        # A point's own evidence first, then what hangs below it: under an objection, the facts
        # behind it come before the answer to it, not after (where they would read as the answer's).
        for evidence in point.evidence:
            self.evidence(evidence, num_id, level + 1)
        for sub_point in point.sub_points:
            self.point(sub_point, num_id, level + 1)

    def evidence(self, evidence: EvidenceRef, num_id: int, level: int) -> None:
        runs: list[Run] = []
        if evidence.basis:
            runs.append((_flat(evidence.basis.capitalize()) + ": ", None, False, True))
        references = "".join(f"[{number}]" for number in evidence.sources)
        runs.append((_flat(evidence.text) + (f" {references}" if references else ""), None, False, False))
        self.out.append(self.style_point, runs, num_id, min(level, _MAX_LEVEL))

    def table(self, table: Table) -> None:
        grid = self.document.add_table(rows=1, cols=len(table.columns))
        grid.style = self.document.styles["Table Grid"]
        for cell, heading in zip(grid.rows[0].cells, table.columns, strict=True):
            cell.text = xml_safe(heading)
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in table.rows:
            cells = grid.add_row().cells
            for cell, text in zip(cells, row, strict=False):
                cell.text = xml_safe(text)

    def section(self, section: Section, level: int) -> None:
        self.heading(section.title, level, section.words)
        self.guidance_lines(section.guidance)
        if section.hint:
            self.paragraph(section.hint, self.style_hint)
        if section.points:
            num_id = add_list(self.numbering, self.outline_numbering)
            for point in section.points:
                self.point(point, num_id, 0)
        if section.table is not None and section.table.columns:
            self.table(section.table)
        for subsection in section.subsections:
            self.section(subsection, min(level + 1, 2))

    def picture(self, png: bytes, caption: str, width: int = PICTURE_WIDTH) -> None:
        self.document.add_picture(io.BytesIO(png), width=width)
        self.document.paragraphs[-1].paragraph_format.keep_with_next = True  # with its caption
        shape = self.document.inline_shapes[-1]
        if shape.height > PICTURE_MAX_HEIGHT:  # a tall map must still fit on the page
            shape.width = int(shape.width * PICTURE_MAX_HEIGHT / shape.height)
            shape.height = PICTURE_MAX_HEIGHT
        self.paragraph(caption, self.style_caption)


def _page_setup(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(22)
        section.top_margin = section.bottom_margin = Mm(20)


def _meta_line(outline: Outline) -> str:
    parts = []
    if outline.directive:
        parts.append(f"Directive: {outline.directive}")
    if outline.words:
        parts.append(f"{outline.words} words")
    if outline.minutes:
        parts.append(f"{outline.minutes} minutes")
    if outline.template:
        parts.append(f"template {outline.template}")
    return " · ".join(parts)


def outline_to_docx(
    outline: Outline,
    *,
    map_png: bytes | None = None,
    pictures: Sequence[tuple[bytes, str]] = (),
    guidance: bool = True,
    written: datetime | None = None,
) -> bytes:
    """The outline as the bytes of a .docx file.

    ``map_png`` (PNG bytes) is embedded under a heading "The map" after the sections, with
    ``outline.map_caption`` as its caption; ``pictures`` (PNG bytes and caption each, see
    :func:`argmap.outline.picture.outline_pictures`) likewise, one after another; ``guidance=False`` leaves out the writing guidance.
    ``written`` is the document's created and modified date (default: now; python-docx would
    otherwise keep its template's 2013 date). Raises nothing for odd text: characters XML cannot
    hold are dropped.
    """
    writer = _Writer(guidance)
    document = writer.document
    properties = document.core_properties
    properties.title = xml_safe(outline.title)
    properties.subject = xml_safe(outline.prompt or outline.title)
    properties.keywords = xml_safe(", ".join(outline.keywords))
    properties.author = "argmap"
    properties.last_modified_by = "argmap"
    properties.comments = xml_safe(f"Outline written by argmap with the {outline.template} template")
    properties.created = properties.modified = (written or datetime.now(UTC)).replace(microsecond=0)
    properties.revision = 1

    writer.paragraph(outline.title, writer.style_title)
    if outline.prompt:
        writer.paragraph(outline.prompt, writer.style_subtitle)
    meta = _meta_line(outline)
    if meta:
        writer.paragraph(meta, writer.style_normal)
    for note in outline.notes:
        writer.paragraph(note, writer.style_note)
    for section in outline.sections:
        writer.section(section, 1)
    shown = (
        [(map_png, outline.map_caption or f"The argument map: {outline.title}")] if map_png else []
    ) + list(pictures)
    if shown:  # after the outline, which is what the reader came for; the map is a reference
        writer.heading("The map", 1, new_page=True)  # a page of its own, never a heading left alone
        # one scale for all: the widest fills the page width, the others keep the same text size
        widest = max(png_size(png)[0] for png, _ in shown) or 1
        for png, caption in shown:
            writer.picture(png, caption, int(PICTURE_WIDTH * png_size(png)[0] / widest))
    # last, below the map: a short list alone on a page of its own would leave it nearly empty
    if outline.sources:
        writer.heading("Sources", 1)
        num_id = add_list(writer.numbering, writer.source_numbering)
        for source in outline.sources:
            writer.paragraph(source.citation(), writer.style_point, num_id)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


__all__ = ["GUIDANCE_STYLE", "budget_text", "outline_to_docx"]
