"""A flow sheet made fit for paper: a landscape page, small type and a heading row on every page.

The outline renderer writes every document portrait, for reading; a flow sheet is a wide table
with a column per speech that a debater writes into during the round, so it is turned landscape
with narrow margins and its columns spread over the page's width. Word repeats a table's heading
row on each printed page only when the row is marked as a header (``w:tblHeader``, ECMA-376 Part 1,
17.4.49) and keeps a row whole on one page when it may not split (``w:cantSplit``, 17.4.6), both in
the row's ``w:trPr``; those two elements are the only XML written here, since python-docx has no
call for them.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt

#: Type size in the flow table: eight columns across a landscape A4 page stay legible at 9 pt.
TABLE_POINTS = 9
MARGIN_MM = 12
ROW_MM = 14


def landscape_flow(docx_bytes: bytes) -> bytes:
    """The document turned to landscape A4 with 12 mm margins, its tables as wide as the page in
    9-point type, rows kept whole and the first row repeated at the top of each page."""
    document = Document(io.BytesIO(docx_bytes))
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Mm(MARGIN_MM)
        section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
    for table in document.tables:
        table.autofit = False
        width = Mm((297 - 2 * MARGIN_MM) / max(1, len(table.columns)))
        for column in table.columns:
            column.width = width
        for number, row in enumerate(table.rows):
            properties = row._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:cantSplit"))
            if number == 0:
                properties.append(OxmlElement("w:tblHeader"))
            else:  # room to write the round's answers in by hand
                row.height, row.height_rule = Mm(ROW_MM), WD_ROW_HEIGHT_RULE.AT_LEAST
            for cell in row.cells:
                cell.width = width
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(TABLE_POINTS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
