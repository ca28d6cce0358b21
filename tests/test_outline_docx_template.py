"""Word outlines start from one parsed copy of python-docx's template: no document carries
anything into the next (a picture, a comment, a style, a date)."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from conftest import ARGUMENTS
from PIL import Image

from argmap.generate import generate_map
from argmap.mapfile import parse_map
from argmap.outline import outline_to_docx
from argmap.outline.builder import build_outline
from argmap.outline.options import OutlineOptions

WRITTEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def parts(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def test_a_document_is_the_same_after_others_were_written_from_the_template() -> None:
    path = ARGUMENTS / "india-russia.yaml"
    argument_map = parse_map(path.read_text(encoding="utf-8"), str(path))
    essay = build_outline(argument_map, "upsc-essay")
    case = build_outline(generate_map(300, seed=3), "debate-case", OutlineOptions(side="against"))
    first = parts(outline_to_docx(essay, written=WRITTEN))
    picture = io.BytesIO()
    Image.new("RGB", (400, 300), "red").save(picture, "PNG")
    with_picture = parts(outline_to_docx(case, map_png=picture.getvalue(), written=datetime.now(UTC)))
    assert any(name.startswith("word/media/") for name in with_picture)
    assert "word/comments.xml" in with_picture  # the case's condensed points carry comments
    again = parts(outline_to_docx(essay, written=WRITTEN))
    assert again == first
    assert not any(name.startswith("word/media/") for name in again)
