"""The Word outlines as a person sees them: every template of the seed map and of two maps imported
from notes, converted to PDF by LibreOffice, has no page with almost nothing on it (a page holds
some text or a map picture)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, SEED_MAP

from argmap.cli import main
from argmap.formats.notes import read_notes
from argmap.mapfile import dump_map
from argmap.outline.builder import build_outline
from argmap.outline.picture import STRIP_RATIO, map_picture, outline_pictures, png_size
from argmap.outline.templates import TEMPLATES
from argmap.store import load_path

NOTES = ROOT / "tests" / "fixtures" / "notes"
#: fewer words than this on a page without a picture: the page looks empty
NEAR_EMPTY = 30


def page_words(pdf: Path, page: int) -> int:
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return len(text.split())


def pages_with_pictures(pdf: Path) -> set[int]:
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return {int(line.split()[0]) for line in listing.splitlines()[2:] if line.strip()}


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.document
def test_no_outline_page_is_nearly_empty(tmp_path):
    if not all(shutil.which(tool) for tool in ("soffice", "pdftotext", "pdfimages", "pdfinfo")):
        pytest.skip("needs LibreOffice and poppler (make test installs them)")
    maps = {"seed": SEED_MAP}
    for note in ("india-china-relations", "gst-at-eight"):
        path = tmp_path / f"{note}.yaml"
        path.write_text(dump_map(read_notes((NOTES / f"{note}.txt").read_text(), f"{note}.txt").map))
        maps[note] = path
    written = []
    for name, path in maps.items():
        for template in TEMPLATES:
            out = tmp_path / f"{name}--{template}.docx"
            assert main(["outline", str(path), "-t", template, "-o", str(out)]) == 0
            written.append(str(out))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *written],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    empty = []
    for pdf in sorted((tmp_path / "pdf").glob("*.pdf")):
        pictures = pages_with_pictures(pdf)
        for page in range(1, page_count(pdf) + 1):
            if page not in pictures and page_words(pdf, page) < NEAR_EMPTY:
                empty.append(f"{pdf.stem} page {page}")
    assert len(list((tmp_path / "pdf").glob("*.pdf"))) == len(written)
    assert not empty


def test_a_short_answers_picture_shows_only_the_part_of_the_map_it_uses():
    seed = load_path(SEED_MAP).map
    [(png, caption)], note = outline_pictures(seed, build_outline(seed, "upsc-gs-250"))
    whole, _ = map_picture(seed)
    assert note is None and whole is not None
    assert png_size(png)[1] < png_size(whole)[1]  # fewer boxes down the page than the whole map
    assert caption == "The argument map: India–Russia relations"


def test_a_map_that_would_be_a_strip_is_drawn_one_picture_per_dimension():
    seed = load_path(SEED_MAP).map
    pictures, _ = outline_pictures(seed, build_outline(seed, "study-notes"))
    assert len(pictures) > 1
    assert any(caption.endswith(": defence") for _, caption in pictures)
    assert all(png_size(png)[1] <= STRIP_RATIO * png_size(png)[0] for png, _ in pictures)
