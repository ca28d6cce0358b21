"""Issue #12's hostile inputs: each gets a one-line error of argmap's own (or reads), from every shell.

The per-test timeout is a hang guard, not a speed check: before the fix several of these ran for
minutes or killed the process (the speed itself is in benchmarks/bench_formats.py).
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hostile_inputs import Hostile, hostile_inputs

from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.services.reading import read_map, read_map_in_worker

CASES = {case.name: case for case in hostile_inputs()}

# What a user is told, in words, for each kind of hostile input (None: the file reads as a map).
EXPECTED = {
    "deep-flow-yaml-map": "deep.yaml:1: not valid YAML: lists and mappings nested more than 64 deep",
    "deep-block-yaml-map": "deep-block.yaml:1: not valid YAML: lists and mappings nested more than 64 deep",
    "deep-flow-argdown-data": "deep.argdown:1:18: data {…} is not valid YAML: lists and mappings nested more than 64 deep",
    "deep-flow-argdown-frontmatter": "deep-front.argdown:2:1: frontmatter is not valid YAML: lists and mappings nested more than 64 deep",
    "alias-bomb-argdown-data": "bomb.argdown:1:18: data {…} is not valid YAML: aliases expand to more than 10,000 values",
    "alias-bomb-argdown-frontmatter": "bomb-front.argdown:2:1: frontmatter is not valid YAML: aliases expand to more than 10,000 values",
    "alias-bomb-yaml-map": "bomb.yaml:6: not valid YAML: aliases expand to more than 10,000 values",
    "merge-chain-yaml-map": "merge.yaml:12: not valid YAML: aliases expand to more than 10,000 values",
    "merge-chain-argdown-frontmatter": "merge.argdown:13:1: frontmatter is not valid YAML: aliases expand to more than 10,000 values",
    "recursive-alias-yaml-map": "loop.yaml:1: not valid YAML: an alias refers to the list or mapping it is in",
    "argdown-open-comments": "comments.argdown:1:1: comment <!-- is never closed",
    "argdown-open-brackets": None,
    "argdown-emphasis-marks": None,
    "argdown-hashtags": None,
    "argdown-statement-refs": None,
    "argdown-arguments": None,
    "argdown-block-comments": "block-comments.argdown:1:39997: comment /* is never closed",
    "argdown-braces": "braces.argdown:1:8: data {…} is never closed with }",
    "argdown-long-premise-number": "premise.argdown:3:2: a statement number of more than 9 digits",
    "argdown-frontmatter-list": None,
    "argdown-frontmatter-map-key": None,
    "aif-deep-json": "deep.json:1: not valid AIF: lists and objects nested more than 64 deep",
    "aif-long-node-id": "long.json:1: not valid AIF: a number of more than 4,300 digits",
    "kialo-deep-numbers": None,
    "yaml-map-long-score": "score.yaml:6: not valid YAML: a number of more than 4,300 digits",
    "argdown-data-long-int": "long-int.argdown:1:18: data {…} is not valid YAML: a number of more than 4,300 digits",
}
for _tag, _value in (("bool", "'maybe'"), ("int", "''"), ("float", "'x'"), ("timestamp", "'x'")):
    EXPECTED[f"tag-{_tag}-yaml-map"] = f"tag-{_tag}.yaml:6: not valid YAML: {_value} is not a valid {_tag}"
    EXPECTED[f"tag-{_tag}-argdown-data"] = (
        f"tag-{_tag}.argdown:1:18: data {{…}} is not valid YAML: {_value} is not a valid {_tag}"
    )
    EXPECTED[f"tag-{_tag}-argdown-frontmatter"] = (
        f"tag-{_tag}-front.argdown:2:1: frontmatter is not valid YAML: {_value} is not a valid {_tag}"
    )


def outcome(case: Hostile) -> str | None:
    try:
        read_map(case.data, case.fmt, case.file_name)
    except ArgmapError as exc:
        return str(exc)
    return None


def test_every_hostile_input_has_an_expected_outcome():
    assert set(EXPECTED) == set(CASES)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_input_gets_a_one_line_error_of_its_own_or_reads(name: str):
    expected = EXPECTED[name]
    found = outcome(CASES[name])
    if expected is None:
        assert found is None
    else:
        assert found is not None and "\n" not in found
        assert found.startswith(expected)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", ["deep-flow-yaml-map", "alias-bomb-yaml-map", "tag-timestamp-yaml-map"])
def test_argmap_validate_and_show_give_the_one_line_error_and_exit_1(name, tmp_path, capsys):
    case = CASES[name]
    path = tmp_path / case.file_name
    path.write_bytes(case.data)
    for command in ("validate", "show"):
        assert main([command, str(path)]) == 1
        error = capsys.readouterr().err.strip()
        assert "\n" not in error and EXPECTED[name] in error


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "name",
    ["deep-flow-argdown-data", "argdown-open-comments", "aif-long-node-id", "tag-bool-argdown-frontmatter"],
)
def test_argmap_import_gives_the_one_line_error_and_exit_1(name, tmp_path, capsys):
    case = CASES[name]
    path = tmp_path / case.file_name
    path.write_bytes(case.data)
    assert main(["import", str(path), "--from", case.fmt, "-o", str(tmp_path / "out.yaml")]) == 1
    error = capsys.readouterr().err.strip()
    assert "\n" not in error and EXPECTED[name] in error
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.timeout(60)
def test_the_input_that_crashed_the_yaml_loader_is_a_one_line_error_from_a_real_process(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_bytes(CASES["deep-flow-yaml-map"].data)
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(path)], capture_output=True, text=True, timeout=50
    )
    assert done.returncode == 1  # was 139: the C loader overflowed its stack
    assert done.stderr.strip().count("\n") == 0
    assert "nested more than 64 deep" in done.stderr


@pytest.mark.timeout(60)
def test_an_upload_read_in_the_worker_gives_the_readers_own_error():
    case = CASES["alias-bomb-argdown-data"]
    with pytest.raises(ArgmapError) as caught:
        read_map_in_worker(case.data, case.fmt, case.file_name)
    assert str(caught.value).startswith(EXPECTED[case.name])


@pytest.mark.timeout(60)
def test_an_upload_read_in_the_worker_returns_the_map_and_its_warnings():
    text = "[Thesis]: Ties stay strong.\n    <+ [Defence]: Joint production.\n    <_ [Doubt]: Not so.\n"
    argument_map, warnings = read_map_in_worker(text.encode(), "argdown", "ties.argdown")
    assert [node.text for node in argument_map.nodes] == ["Ties stay strong.", "Joint production.", "Not so."]
    assert any("undercut" in warning for warning in warnings)


@pytest.mark.timeout(60)
def test_a_read_that_outruns_its_time_budget_is_stopped_with_one_line():
    case = CASES["kialo-deep-numbers"]
    with pytest.raises(ArgmapError) as caught:
        read_map_in_worker(case.data, case.fmt, case.file_name, seconds=0.01)
    assert str(caught.value) == (
        "deep.txt: reading stopped after 0.01 seconds; the file is too complex to read"
    )
