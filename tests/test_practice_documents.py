"""Case files and flow sheets on paper: Word files a coach prints, checked as Word and as PDF pages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import ARGUMENTS
from docx.enum.section import WD_ORIENT

from argmap.practice import DEBATE_FORMATS, case_document, flow_document
from argmap.store import load_path

MOTION = load_path(ARGUMENTS / "social-media-ban-under-16.yaml").map
DEBATES = [fmt.id for fmt in DEBATE_FORMATS.values() if any(speech.side for speech in fmt.speeches)]


def test_the_flow_sheet_is_a_landscape_table_with_a_column_per_speech_and_clashes_in_rows():
    document = docx.Document(io.BytesIO(flow_document(MOTION, "bp", "docx")))

    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    [table] = document.tables
    headings = [cell.text for cell in table.rows[0].cells]
    assert headings == ["Clash", "PM", "LO", "DPM", "DLO", "MG", "MO", "GW", "OW"]
    clashes = [row.cells[0].text for row in table.rows[1:] if row.cells[0].text]
    assert clashes[0].startswith("1. ") and clashes[-1].startswith(f"{len(clashes)}. ")
    assert any(text.endswith("(Opposition)") for text in clashes)


def _pdf(documents: dict[str, bytes], tmp_path: Path) -> dict[str, Path]:
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("needs LibreOffice and poppler (make test installs them)")
    for name, data in documents.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
         *(str(tmp_path / f"{name}.docx") for name in documents)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return {name: tmp_path / "pdf" / f"{name}.pdf" for name in documents}


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.mark.document
def test_printed_flow_sheets_are_landscape_with_every_speech_heading_on_every_page(tmp_path):
    pdfs = _pdf({fmt: flow_document(MOTION, fmt, "docx") for fmt in DEBATES}, tmp_path)

    for fmt, pdf in pdfs.items():
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert width > height, f"{fmt}: the flow sheet is printed portrait"
        shorts = [
            s.short for s in DEBATE_FORMATS[fmt].speeches if s.short and s.kind.value != "cross-examination"
        ]
        for page in _pages(pdf):
            heading = next(line for line in page.splitlines() if line.strip().startswith("Clash"))
            assert heading.split() == ["Clash", *shorts], f"{fmt}: a page without the speech headings"


@pytest.mark.document
def test_printed_cases_for_each_side_speak_of_the_motion_and_give_prompts_not_blanks(tmp_path):
    pdfs = _pdf(
        {f"{side}-{fmt}": case_document(MOTION, side, fmt, "docx") for side in ("for", "against") for fmt in ("wsdc", "ld")},
        tmp_path,
    )  # fmt: skip

    for name, pdf in pdfs.items():
        text = " ".join(_pages(pdf))
        assert "Motion" in text and "Burden" in text and "Weighing" in text, name
        assert "Thesis" not in text and "Directive" not in text and "No answer yet" not in text, name
    against = " ".join(" ".join(_pages(pdfs["against-wsdc"])).split())
    assert "Opposition case, World Schools" in against
    assert "Weakest link:" in against and "Counter-example:" in against
