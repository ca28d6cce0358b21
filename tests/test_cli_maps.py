"""The CLI contract for the map commands: exit codes, one-line errors, JSON output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main

GOOD = "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: Ties hold.\n- id: c\n  kind: claim\n  supports: [t]\n  text: Arms.\n  tags: [defence]\n"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD)
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, timeout=60)


def test_validate_a_good_map_exits_0(good: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["validate", str(good)]) == 0
    assert "ok (2 nodes)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: T\nnodes: [\n", ":3: not valid YAML: did not find expected node content"),
        (
            "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n  size: 3\n",
            ":6: unknown key 'size' in node 't'",
        ),
        (
            "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n- id: c\n  kind: claim\n  supports: [gone]\n  text: y\n",
            ":8: node 'c' supports 'gone', which does not exist",
        ),
        (
            "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n- id: t\n  kind: claim\n  text: y\n",
            ":6: node id 't' is used more than once",
        ),
    ],
    ids=["bad-yaml", "unknown-key", "dangling-relation", "duplicate-id"],
)
def test_a_broken_map_gives_one_line_naming_the_file_and_place_and_exit_1(
    tmp_path: Path, text: str, expected: str
):
    path = tmp_path / "broken.yaml"
    path.write_text(text)
    result = run("validate", str(path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"argmap: {path}{expected}"]
    assert "Traceback" not in result.stderr


def test_validate_lists_every_problem_of_every_file(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
):
    broken = tmp_path / "two.yaml"
    broken.write_text(
        "title: T\nnodes:\n- id: a\n  kind: claim\n  supports: [x]\n  text: y\n- id: b\n  kind: claim\n  supports: [b]\n  text: z\n"
    )
    assert main(["validate", str(good), str(broken)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"argmap: {broken}:5: node 'a' supports 'x', which does not exist",
        f"argmap: {broken}:9: node 'b' supports itself",
    ]
    assert "good.yaml: ok" in captured.out


def test_show_json_reports_counts_by_kind_and_relation(good: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["show", str(good), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["title"] == "T"
    assert info["nodes"] == 2 and info["relations"] == 1
    assert info["kinds"]["thesis"] == 1 and info["kinds"]["claim"] == 1
    assert info["relation_types"] == {"supports": 1, "opposes": 0}
    assert info["tags"] == ["defence"]


def test_show_reads_a_map_by_name_from_the_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "mine.yaml").write_text(GOOD)
    assert main(["show", "mine", "--library", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("T\n")


def test_a_missing_map_exits_1_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    assert main(["--library", str(tmp_path), "show", "nothing"]) == 1
    assert capsys.readouterr().err.strip() == f"argmap: no map named 'nothing' in {tmp_path}"


def test_bad_usage_exits_2():
    result = run("show")
    assert result.returncode == 2
    assert "usage error" in result.stderr


def test_an_unknown_command_exits_2():
    assert run("frobnicate").returncode == 2


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "argmap map file"


def test_new_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert (
        main(
            [
                "--library",
                str(tmp_path),
                "new",
                "india-china",
                "--title",
                "India and China",
                "--skeleton",
                "bilateral",
            ]
        )
        == 0
    )
    assert (tmp_path / "india-china.yaml").is_file()
    capsys.readouterr()
    assert main(["--library", str(tmp_path), "list", "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["name"] == "india-china" and entry["nodes"] == 5


def test_new_refuses_a_traversal_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--library", str(tmp_path), "new", "../out", "--title", "T"]) == 1
    assert "not a path" in capsys.readouterr().err


def test_python_dash_m_argmap_works():
    result = run("--help")
    assert result.returncode == 0 and "validate" in result.stdout


def test_a_library_that_cannot_be_created_gives_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["--library", str(blocker / "lib"), "new", "m", "--title", "T"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"argmap: {blocker / 'lib' / 'm.yaml'}: cannot write")


def test_an_output_that_cannot_be_written_gives_one_line(good: Path, tmp_path: Path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["render", str(good), "-o", str(blocker / "map.dot")]) == 1
    assert capsys.readouterr().err.startswith(f"argmap: {blocker / 'map.dot'}: cannot write")


def test_new_without_a_title_is_one_line_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--library", str(tmp_path), "new", "m", "--title", ""]) == 1
    assert capsys.readouterr().err == "argmap: map 'm' needs a title: give one with --title\n"


def test_commands_other_than_validate_say_one_line_with_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    broken = tmp_path / "two.yaml"
    broken.write_text(
        "title: T\nnodes:\n- id: a\n  kind: claim\n  supports: [x]\n  text: y\n- id: b\n  kind: claim\n  supports: [b]\n  text: z\n"
    )
    assert main(["show", str(broken)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"argmap: {broken}:5: node 'a' supports 'x', which does not exist (and 1 more problem); "
        "`argmap validate` lists them all"
    ]


def test_validate_counts_one_node_in_the_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    one = tmp_path / "one.yaml"
    one.write_text("title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n")
    assert main(["validate", str(one)]) == 0
    assert capsys.readouterr().out == f"{one}: ok (1 node)\n"


def test_a_library_that_is_a_file_is_named_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x")
    assert main(["--library", str(not_a_folder), "new", "m", "--title", "T"]) == 1
    assert capsys.readouterr().err == (
        f"argmap: {not_a_folder}: is a file, not a folder; --library must name the map library's folder\n"
    )
