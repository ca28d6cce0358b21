"""The practice commands: case, flow, deck, and the terminal drill driven by piped answers."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT, SEED_MAP
from docx import Document

from argmap.cli import main
from argmap.practice import ProgressStore, all_drill_items
from argmap.store import load_path


def _drill(library, answers: str, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "argmap", "drill", str(SEED_MAP), "--library", str(library.root), *options],
        input=answers,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_the_terminal_drill_reads_one_answer_per_line_from_a_pipe(library):
    done = _drill(
        library,
        "Closer ties with Washington are a response to China, not a break with Moscow\nno idea\n",
        "--count",
        "2",
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Model answer:") == 2
    assert "[1/2] Answer this point:" in done.stdout
    assert "not covered" in done.stdout
    assert "2 answered" in done.stdout
    history = ProgressStore.of_library(library).history("india-russia")
    assert [review.item_id for review in history] == ["rebuttal:west-tilt", "rebuttal:china-pivot"]
    assert history[0].score > history[1].score


def test_end_of_input_stops_the_drill_without_recording_unasked_items(library):
    done = _drill(library, "one answer only\n", "--count", "3", "--mode", "evidence")

    assert done.returncode == 0, done.stderr
    assert "(end of input: drill stopped)" in done.stdout
    assert len(ProgressStore.of_library(library).history("india-russia")) == 1


def test_answered_items_are_not_asked_again_until_due_and_reset_brings_them_back(
    library, capsys, monkeypatch
):
    monkeypatch.setattr(sys, "stdin", io.StringIO("x\nx\nx\n"))
    assert main(["drill", str(SEED_MAP), "--count", "3", "--library", str(library.root)]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("x\n"))
    assert main(["drill", str(SEED_MAP), "--library", str(library.root)]) == 0
    assert "nothing due in rebuttal mode" in capsys.readouterr().out

    assert main(["drill", str(SEED_MAP), "--reset", "--library", str(library.root)]) == 0

    assert "forgot 3 tries" in capsys.readouterr().out
    assert ProgressStore.of_library(library).history("india-russia") == []


def test_case_writes_a_word_file_with_the_irritants_as_our_arguments(tmp_path, capsys):
    out = tmp_path / "case.docx"

    assert main(["case", str(SEED_MAP), "--side", "against", "--format", "ap", "-o", str(out)]) == 0

    text = "\n".join(paragraph.text for paragraph in Document(str(out)).paragraphs)
    assert "Opposition arguments (Irritants)" in text
    assert "Mi-35 helicopters for Pakistan" in text
    assert f"wrote {out}" in capsys.readouterr().out


def test_case_and_flow_write_markdown(tmp_path):
    case, flow = tmp_path / "case.md", tmp_path / "flow.md"

    assert main(["case", str(SEED_MAP), "--side", "for", "--format", "upsc-250", "-o", str(case)]) == 0
    assert main(["flow", str(SEED_MAP), "--format", "wsdc", "-o", str(flow)]) == 0

    assert "Their strongest points (Irritants) and our answers" in case.read_text()
    assert "| P1 | O1 | P2 | O2 | P3 | O3 | OR | PR |" in flow.read_text()


def test_case_refuses_an_unknown_output_suffix_in_one_line(tmp_path, capsys):
    assert main(["case", str(SEED_MAP), "--side", "for", "-o", str(tmp_path / "case.pdf")]) == 1

    assert (
        capsys.readouterr().err.strip().endswith("write a case file or flow sheet as .docx or .md, not .pdf")
    )


def test_deck_writes_the_same_package_twice(tmp_path, capsys):
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"

    assert main(["deck", str(SEED_MAP), "-o", str(first)]) == 0
    assert main(["deck", str(SEED_MAP), "-o", str(second)]) == 0

    assert first.read_bytes() == second.read_bytes()
    assert "collection.anki2" in zipfile.ZipFile(first).namelist()
    notes = len(all_drill_items(load_path(SEED_MAP).map))
    assert f"({notes} notes)" in capsys.readouterr().out


def test_deck_of_a_map_file_with_a_space_in_its_name(tmp_path, capsys):
    spaced = tmp_path / "my map.yaml"
    spaced.write_bytes(SEED_MAP.read_bytes())
    out = tmp_path / "sp.apkg"

    assert main(["deck", str(spaced), "-o", str(out)]) == 0

    assert f"wrote {out}" in capsys.readouterr().out
    assert "collection.anki2" in zipfile.ZipFile(out).namelist()


def test_drill_for_a_side_without_answers_asks_the_points_it_must_answer(library, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("It costs too much.\n"))

    assert (
        main(["drill", str(SEED_MAP), "--side", "against", "--count", "1", "--library", str(library.root)])
        == 0
    )

    out = capsys.readouterr().out
    assert out.startswith("The opposition has no answer to ")
    assert "proposition arguments: those cards show the weakest link to attack" in out
    assert "Weakest link: " in out


@pytest.mark.parametrize(
    "command",
    [
        ["drill"],
        ["deck", "-o", "out.apkg"],
        ["case", "--side", "for", "-o", "case.md"],
        ["flow", "-o", "flow.md"],
    ],
)
def test_a_map_without_a_thesis_is_refused_in_one_line_naming_the_file(
    tmp_path, capsys, monkeypatch, command
):
    monkeypatch.chdir(tmp_path)
    loose = tmp_path / "loose.yaml"
    loose.write_text("schema: 1\ntitle: No thesis\nnodes:\n- {id: a, kind: claim, text: A loose point.}\n")
    name, *options = command

    assert main([name, str(loose), *options, "--library", str(tmp_path / "lib")]) == 1

    assert capsys.readouterr().err == (
        f"argmap: {loose}: map 'No thesis' has no thesis, so it has no sides to practise; add a thesis node\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["loose.yaml"]


def _answer_one(monkeypatch, *argv: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO("x\n"))
    return main(["drill", *argv, "--count", "1"])


def test_a_map_named_by_path_keeps_its_progress_beside_it_not_in_the_working_folder(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.delenv("ARGMAP_LIBRARY", raising=False)
    (tmp_path / "x").mkdir()
    (tmp_path / "elsewhere").mkdir()
    map_file = tmp_path / "x" / "fr.yaml"
    map_file.write_bytes(SEED_MAP.read_bytes())
    monkeypatch.chdir(tmp_path / "elsewhere")

    assert _answer_one(monkeypatch, str(map_file)) == 0

    kept = tmp_path / "x" / ".argmap" / "progress.sqlite"
    assert f"progress kept in {kept}" in capsys.readouterr().out
    assert len(ProgressStore(kept).history("fr")) == 1
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_library_map_shares_progress_whether_named_by_name_or_by_path(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ARGMAP_LIBRARY", raising=False)
    (tmp_path / "arguments").mkdir()
    (tmp_path / "arguments" / "india-russia.yaml").write_bytes(SEED_MAP.read_bytes())
    monkeypatch.chdir(tmp_path)

    assert _answer_one(monkeypatch, "india-russia") == 0
    assert _answer_one(monkeypatch, "arguments/india-russia.yaml") == 0

    assert (
        len(ProgressStore(tmp_path / "arguments" / ".argmap" / "progress.sqlite").history("india-russia"))
        == 2
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["arguments"]


def test_a_library_given_by_option_or_environment_keeps_the_progress(tmp_path, capsys, monkeypatch):
    map_file = tmp_path / "fr.yaml"
    map_file.write_bytes(SEED_MAP.read_bytes())
    monkeypatch.setenv("ARGMAP_LIBRARY", str(tmp_path / "env-lib"))

    assert _answer_one(monkeypatch, str(map_file)) == 0
    assert _answer_one(monkeypatch, str(map_file), "--library", str(tmp_path / "opt-lib")) == 0

    for library in ("env-lib", "opt-lib"):
        assert len(ProgressStore(tmp_path / library / ".argmap" / "progress.sqlite").history("fr")) == 1
    assert not (tmp_path / ".argmap").exists()


def test_case_and_flow_without_output_are_named_by_side_and_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    assert main(["case", str(SEED_MAP), "--side", "against", "--format", "wsdc"]) == 0
    assert main(["flow", str(SEED_MAP), "--format", "ld"]) == 0

    assert sorted(path.name for path in (tmp_path / "exports").iterdir()) == [
        "india-russia-ld-flow.docx",
        "india-russia-opposition-wsdc-case.docx",
    ]
