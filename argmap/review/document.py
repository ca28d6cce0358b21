"""The review as a Word document: the student's answer with each finding as a Word comment on the
sentence it concerns, then the rubric and the points missed.

Comments use python-docx's comments API (``Document.add_comment``, python-docx 1.2), which writes
the ``comments.xml`` part and the ``w:commentRangeStart``/``w:commentRangeEnd`` markers of
ECMA-376 Part 1, §17.13.4; each sentence is its own run so that a comment spans exactly it.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from argmap.model import ArgumentMap
from argmap.outline.model import xml_safe
from argmap.review.review import Review

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.run import Run

AUTHOR = "argmap"
INITIALS = "AM"


def review_document(review: Review, argument_map: ArgumentMap) -> bytes:
    """The .docx bytes of a review (see the module)."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.title = xml_safe(f"Answer review: {argument_map.title}")
    document.core_properties.author = AUTHOR
    document.add_heading(xml_safe(f"Answer review: {argument_map.title}"), level=1)
    if argument_map.question:
        document.add_paragraph().add_run(xml_safe(argument_map.question)).italic = True
    document.add_paragraph(f"{review.words} words; limit {review.limit.words}.").runs[0].font.size = Pt(9)

    runs = _write_answer(document, review)
    for finding in review.findings:
        anchor = runs.get(finding.sentence if finding.sentence is not None else -1) or runs.get(0)
        if anchor is None:
            continue
        node = f" [{finding.node}]" if finding.node else ""
        document.add_comment(
            anchor,
            text=xml_safe(f"{finding.code}{node}: {finding.message}"),
            author=AUTHOR,
            initials=INITIALS,
        )

    document.add_heading(f"Marks: {review.marks:g} / {review.out_of}", level=2)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("Criterion", "Marks", "Out of"), strict=True):
        cell.text = title
    for line in review.rubric:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = line.criterion, f"{line.marks:g}", str(line.out_of)
    total = table.add_row().cells
    total[0].text, total[1].text, total[2].text = "Total", f"{review.marks:g}", str(review.out_of)
    if review.missing:
        document.add_heading("Points of the map not covered", level=2)
        index = argument_map.node_index()
        for node_id in review.missing:
            document.add_paragraph(xml_safe(index[node_id].display_label), style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _write_answer(document: Document, review: Review) -> dict[int, Run]:
    """Write the answer paragraph by paragraph, one run per sentence; returns sentence index -> run.

    Findings about the whole answer (over-length) use the run under key -1: the last sentence.
    """
    answer = review.answer
    runs: dict[int, Run] = {}
    for line in re.finditer(r"[^\n]+", answer.text):
        inside = [s for s in answer.sentences if line.start() <= s.start < line.end()]
        if not inside:
            if line.group().strip():
                document.add_paragraph().add_run(xml_safe(line.group().strip().strip("#*_ "))).bold = True
            continue
        paragraph = document.add_paragraph()
        for position, sentence in enumerate(inside):
            if position:
                paragraph.add_run(" ")
            runs[sentence.index] = paragraph.add_run(xml_safe(sentence.text))
    if answer.sentences:
        runs[-1] = runs[answer.sentences[-1].index]
    return runs
