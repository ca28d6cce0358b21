"""`argmap review MAP ANSWER|- [--json] [--words N]`: the contract scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, SEED_MAP
from docx import Document

STRONG = FIXTURES / "answers" / "india-russia" / "strong.txt"
UNANSWERED = FIXTURES / "answers" / "india-russia" / "objection-unanswered.txt"


def _review(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "argmap", "review", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_json_has_exactly_the_documented_keys_and_types():
    done = _review(str(SEED_MAP), str(UNANSWERED), "--json")

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"marks", "out_of", "words", "limit", "rubric", "covered", "missing", "findings"}
    assert isinstance(result["marks"], float | int) and result["out_of"] == 15
    assert isinstance(result["words"], int) and result["limit"] == 250
    assert all(set(line) == {"criterion", "marks", "out_of"} for line in result["rubric"])
    assert sum(line["marks"] for line in result["rubric"]) == result["marks"]
    assert sum(line["out_of"] for line in result["rubric"]) == result["out_of"]
    assert all(set(f) == {"code", "message", "node"} for f in result["findings"])
    assert {"code": "objection-unanswered", "node": "mi35-sale"} in [
        {"code": f["code"], "node": f["node"]} for f in result["findings"]
    ]
    assert "mi35-sale" in result["covered"] and "defence-scale" in result["missing"]


def test_text_output_gives_marks_rubric_then_findings_naming_nodes():
    done = _review(str(SEED_MAP), str(UNANSWERED))

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Marks: ") and lines[0].endswith("/ 15")
    assert done.stdout.index("Rubric:") < done.stdout.index("Findings:")
    assert "objection-unanswered [mi35-sale]" in done.stdout


def test_the_answer_can_come_from_standard_input():
    done = _review(str(SEED_MAP), "-", "--json", stdin=STRONG.read_text(encoding="utf-8"))

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["findings"] == []


def test_a_word_answer_is_read_paragraph_by_paragraph(tmp_path):
    document = Document()
    for paragraph in STRONG.read_text(encoding="utf-8").split("\n\n"):
        document.add_paragraph(paragraph.strip())
    answer = tmp_path / "answer.docx"
    document.save(answer)

    from_docx = json.loads(_review(str(SEED_MAP), str(answer), "--json").stdout)
    from_text = json.loads(_review(str(SEED_MAP), str(STRONG), "--json").stdout)

    assert from_docx == from_text


def test_words_overrides_the_limit_from_the_question():
    result = json.loads(_review(str(SEED_MAP), str(STRONG), "--json", "--words", "150").stdout)

    assert result["limit"] == 150 and result["out_of"] == 10
    assert "over-length" in [f["code"] for f in result["findings"]]


@pytest.mark.parametrize(
    ("answer", "stdin", "message"),
    [
        ("-", "  \n", "<stdin>: the answer is empty"),
        ("missing.txt", "", "missing.txt: cannot read the answer"),
        ("answer.pdf", "", "answer.pdf: write the answer as .txt, .md or .docx"),
    ],
)
def test_bad_answers_exit_1_with_one_line(answer, stdin, message):
    done = _review(str(SEED_MAP), answer, stdin=stdin)

    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_broken_word_file_exits_1_naming_it(tmp_path):
    broken = tmp_path / "answer.docx"
    broken.write_bytes(b"not a zip at all")

    done = _review(str(SEED_MAP), str(broken))

    assert done.returncode == 1
    assert f"{broken}: not a Word document" in done.stderr


def test_a_map_without_a_question_exits_1_naming_the_map(tmp_path):
    plain = tmp_path / "plain.yaml"
    plain.write_text("schema: 1\ntitle: No question\nnodes:\n- id: t\n  kind: thesis\n  text: A view.\n")

    done = _review(str(plain), str(STRONG))

    assert done.returncode == 1
    assert f"{plain}: the map has no question to answer" in done.stderr


def test_help_gives_each_criterions_share():
    done = _review("--help")

    flat = " ".join(done.stdout.split())
    assert "Content from the map 5" in flat and "Content from the map 4" in flat
