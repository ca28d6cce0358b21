"""``argmap outline`` and ``argmap templates`` as a user runs them, and the seed outline in a PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import SEED_MAP

from argmap.cli import main
from argmap.outline.templates import TEMPLATES


def test_templates_lists_every_template_with_its_word_limit(capsys):
    assert main(["templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(TEMPLATES)
    assert "250 words (225–275)" in lines[1] and "11 min" in lines[1]


def test_outline_writes_markdown_to_the_named_file(tmp_path, capsys):
    out = tmp_path / "answer.md"
    assert (
        main(["outline", str(SEED_MAP), "--template", "upsc-gs-150", "-o", str(out), "--words", "200"]) == 0
    )
    assert capsys.readouterr().out.startswith(f"wrote {out} (")
    assert out.read_text(encoding="utf-8").startswith("# India–Russia relations\n")
    assert "200 words" in out.read_text(encoding="utf-8")


def test_outline_without_output_writes_into_exports_by_map_and_template(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["outline", str(SEED_MAP), "-t", "debate-case", "--side", "against", "--no-map"]) == 0
    written = tmp_path / "exports" / "india-russia-opposition-debate-case.docx"
    document = docx.Document(str(written))
    assert "Their likely attacks and our responses" in [p.text.split("  (")[0] for p in document.paragraphs]


def test_no_map_leaves_the_picture_out(tmp_path):
    out = tmp_path / "essay.docx"
    assert main(["outline", str(SEED_MAP), "-t", "upsc-essay", "-o", str(out), "--no-map"]) == 0
    assert len(docx.Document(str(out)).inline_shapes) == 0


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
def test_the_map_picture_is_drawn_by_graphviz(tmp_path):
    out = tmp_path / "essay.docx"
    assert main(["outline", str(SEED_MAP), "-t", "upsc-gs-250", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == 1
    image = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[image].blob.startswith(b"\x89PNG")


def test_without_graphviz_the_outline_is_written_without_the_picture_and_says_why(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot on this PATH
    out = tmp_path / "answer.docx"
    assert main(["outline", str(SEED_MAP), "-t", "upsc-gs-250", "-o", str(out)]) == 0
    assert "no map picture" in capsys.readouterr().err
    assert len(docx.Document(str(out)).inline_shapes) == 0


def test_an_unknown_suffix_is_bad_input(tmp_path, capsys):
    assert main(["outline", str(SEED_MAP), "-t", "upsc-essay", "-o", str(tmp_path / "essay.txt")]) == 1
    assert (
        capsys.readouterr().err.strip()
        == f"argmap: {tmp_path / 'essay.txt'}: the outline is written as .docx or .md, not .txt"
    )


def test_an_unknown_template_is_bad_usage(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["outline", str(SEED_MAP), "-t", "sonnet"])
    assert stop.value.code == 2


def test_an_empty_map_is_refused_with_one_line(tmp_path, capsys):
    empty = tmp_path / "empty.yaml"
    empty.write_text("schema: 1\ntitle: Empty\nnodes: []\n", encoding="utf-8")
    assert main(["outline", str(empty), "-t", "upsc-essay", "-o", str(tmp_path / "e.md")]) == 1
    assert (
        capsys.readouterr().err
        == "argmap: map 'Empty' has no nodes to outline; add a thesis and its claims first\n"
    )


@pytest.mark.document
def test_seed_outlines_convert_to_pdf_showing_headings_and_numbered_points(tmp_path):
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("needs LibreOffice and poppler (make test installs them)")
    essay, answer = tmp_path / "essay.docx", tmp_path / "answer.docx"
    assert main(["outline", str(SEED_MAP), "-t", "upsc-essay", "-o", str(essay), "--no-map"]) == 0
    assert main(["outline", str(SEED_MAP), "-t", "upsc-gs-250", "-o", str(answer), "--no-map"]) == 0
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), str(essay), str(answer)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    for pdf, headings in (
        (
            "essay.pdf",
            ["Introduction", "Convergences", "The other side: Irritants", "Judgement", "Way forward"],
        ),
        ("answer.pdf", ["Introduction", "Convergences", "Irritants", "Judgement", "Conclusion", "Sources"]),
    ):
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "pdf" / pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        positions = [text.index(heading) for heading in headings]
        assert positions == sorted(positions)
        # pdftotext -layout pads list numbers with spaces that depend on the font's metrics
        assert re.search(r"^\s*1\.\s+(Hook|Context):", text, re.MULTILINE)
        assert re.search(r"^\s*\(a\)\s", text, re.MULTILINE) and re.search(r"^\s*2\.\s", text, re.MULTILINE)


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_guidance_can_be_left_out_from_the_command_line(tmp_path):
    guided, plain = tmp_path / "g.docx", tmp_path / "p.docx"
    main(["outline", str(SEED_MAP), "-t", "upsc-essay", "-o", str(guided), "--no-map"])
    main(["outline", str(SEED_MAP), "-t", "upsc-essay", "-o", str(plain), "--no-map", "--no-guidance"])
    assert "Linking words" in _docx_text(Path(guided).read_bytes())
    assert "Linking words" not in _docx_text(Path(plain).read_bytes())


def test_outline_without_a_template_writes_the_one_the_question_asks_for(tmp_path, capsys):
    out = tmp_path / "answer.md"
    assert main(["outline", str(SEED_MAP), "-o", str(out)]) == 0  # the question says "(250 words)"
    assert "template upsc-gs-250 (the question asks for 250 words)" in capsys.readouterr().err
    assert "250 words" in out.read_text(encoding="utf-8")
