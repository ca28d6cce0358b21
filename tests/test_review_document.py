"""The review as a Word document: findings as comments on their sentences, the rubric at the end."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import docx
import pytest
from conftest import FIXTURES, SEED_MAP

from argmap.review import review_answer
from argmap.review.document import review_document
from argmap.store import load_path

ANSWERS = FIXTURES / "answers" / "india-russia"


@pytest.fixture(scope="module")
def reviewed():
    argument_map = load_path(SEED_MAP).map
    review = review_answer(argument_map, (ANSWERS / "objection-unanswered.txt").read_text(encoding="utf-8"))
    return review, review_document(review, argument_map)


def test_each_finding_is_a_comment_on_the_sentence_it_concerns(reviewed):
    review, data = reviewed
    document = docx.Document(io.BytesIO(data))

    comments = list(document.comments)
    assert len(comments) == len(review.findings) == 1
    assert comments[0].text.startswith(
        "objection-unanswered [mi35-sale]: Raises “Mi-35 helicopters for Pakistan”"
    )
    part = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    start, end = part.index("commentRangeStart"), part.index("commentRangeEnd")
    assert "The sale of Mi-35 attack helicopters to Pakistan" in part[start:end]


def test_the_answer_then_the_rubric_that_adds_up(reviewed):
    review, data = reviewed
    document = docx.Document(io.BytesIO(data))

    text = "\n".join(p.text for p in document.paragraphs)
    assert "India and Russia have been close since Indian independence" in text
    assert f"Marks: {review.marks:g} / 15" in text
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Criterion", "Marks", "Out of"]
    assert rows[-1] == ["Total", f"{review.marks:g}", "15"]
    assert sum(float(row[1]) for row in rows[1:-1]) == review.marks


def test_user_text_with_control_characters_still_makes_a_document():
    argument_map = load_path(SEED_MAP).map
    review = review_answer(
        argument_map, "India\x07 and <Russia> & friends remain close.\n\nOn balance ties hold."
    )

    document = docx.Document(io.BytesIO(review_document(review, argument_map)))

    assert "India and <Russia> & friends remain close." in [p.text for p in document.paragraphs]


@pytest.mark.document
def test_the_review_opens_in_libreoffice_with_its_comment(reviewed, tmp_path):
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("needs LibreOffice and poppler (make test installs them)")
    _, data = reviewed
    source = tmp_path / "review.docx"
    source.write_bytes(data)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    content = zipfile.ZipFile(tmp_path / "review.odt").read("content.xml").decode()
    assert "office:annotation" in content and "objection-unanswered" in content
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "review.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Marks:" in text and "Content from the map" in text
