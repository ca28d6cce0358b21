"""``argmap render``: each format made by the real ``dot``, and clear errors instead of tracebacks."""

from __future__ import annotations

import os
import stat
import xml.etree.ElementTree as ET

import pytest
from conftest import SEED_MAP

from argmap.cli import main
from argmap.errors import ToolMissingError
from argmap.generate import generate_map
from argmap.mapfile import dump_map
from argmap.render import RenderError, build_dot, run_dot


@pytest.fixture
def small_map(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(dump_map(generate_map(15, seed=1)), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("suffix", "magic"),
    [(".svg", b"<?xml"), (".png", b"\x89PNG\r\n\x1a\n"), (".pdf", b"%PDF-"), (".dot", b"digraph argmap {")],
)
def test_render_writes_the_format_its_suffix_names(small_map, tmp_path, capsys, suffix, magic):
    out = tmp_path / f"map{suffix}"
    assert main(["render", str(small_map), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)
    assert f"wrote {out}" in capsys.readouterr().out


def test_rendered_svg_has_a_group_for_every_node(small_map, tmp_path):
    out = tmp_path / "map.svg"
    assert main(["render", str(small_map), "-o", str(out), "--theme", "print", "--group-by", "kind"]) == 0
    groups = ET.parse(out).getroot().iter("{http://www.w3.org/2000/svg}g")
    node_ids = {g.get("id") for g in groups if (g.get("class") or "").startswith("node ")}
    assert node_ids == {node.id for node in generate_map(15, seed=1).nodes}


def test_the_dot_file_is_the_renderers_dot(small_map, tmp_path):
    out = tmp_path / "map.dot"
    main(["render", str(small_map), "-o", str(out), "--no-evidence", "--no-legend"])
    from argmap.render import RenderOptions

    expected = build_dot(generate_map(15, seed=1), RenderOptions(evidence=False, legend=False))
    assert out.read_text(encoding="utf-8") == expected


def test_scores_shade_the_map_by_df_quad_strength(tmp_path):
    from argmap.analysis import compute_strengths
    from argmap.store import load_path

    out = tmp_path / "scored.dot"
    assert main(["render", str(SEED_MAP), "-o", str(out), "--scores"]) == 0
    thesis = load_path(SEED_MAP).map.thesis()
    strength = compute_strengths(load_path(SEED_MAP).map).strength[thesis.id]
    assert f"STRENGTH {strength:.2f}" in out.read_text(encoding="utf-8")


def test_render_of_the_seed_map_to_pdf_keeps_its_words(tmp_path):
    out = tmp_path / "seed.pdf"
    assert main(["render", str(SEED_MAP), "-o", str(out), "--focus", "china-pivot"]) == 0
    assert out.stat().st_size > 1000


def test_an_unknown_suffix_is_refused_with_one_line(small_map, tmp_path, capsys):
    assert main(["render", str(small_map), "-o", str(tmp_path / "map.jpeg")]) == 1
    err = capsys.readouterr().err
    assert "cannot tell the format from the suffix; use .svg, .png, .pdf or .dot" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_an_unknown_focus_is_refused_with_one_line(small_map, tmp_path, capsys):
    assert main(["render", str(small_map), "-o", str(tmp_path / "m.svg"), "--focus", "nowhere"]) == 1
    assert "cannot focus on 'nowhere'" in capsys.readouterr().err
    assert not (tmp_path / "m.svg").exists()


def test_missing_dot_is_a_clear_message_not_a_traceback(small_map, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    assert main(["render", str(small_map), "-o", str(tmp_path / "m.png")]) == 1
    err = capsys.readouterr().err
    assert "Graphviz's 'dot' program is not installed" in err and "Traceback" not in err
    with pytest.raises(ToolMissingError):
        run_dot("digraph {}", "svg")


def test_dot_is_fed_through_a_pipe_where_the_system_has_no_in_memory_files(monkeypatch):
    drawn = run_dot('digraph { a -> "b" }', "svg")
    monkeypatch.delattr(os, "memfd_create")
    assert run_dot('digraph { a -> "b" }', "svg") == drawn


def test_failing_dot_is_a_render_error_with_graphvizs_reason():
    with pytest.raises(RenderError, match=r"Graphviz.s dot failed: .*syntax error"):
        run_dot("digraph { a -> }", "svg")


def test_a_dot_that_crashes_is_reported_in_one_line(small_map, tmp_path, capsys, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "dot"
    fake.write_text("#!/bin/sh\necho 'Error: out of memory' >&2\nexit 3\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin:/bin")
    assert main(["render", str(small_map), "-o", str(tmp_path / "m.svg")]) == 1
    assert capsys.readouterr().err == "argmap: Graphviz's dot failed: Error: out of memory\n"
    assert not (tmp_path / "m.svg").exists()


def test_a_failing_dot_leaves_the_old_picture_as_it_was(small_map, tmp_path, capsys, monkeypatch):
    """dot writes the picture into the temporary file itself: half a picture never replaces one."""
    out = tmp_path / "m.svg"
    assert main(["render", str(small_map), "-o", str(out)]) == 0
    before = out.read_bytes()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in (
        ("half", "#!/bin/sh\ncat >/dev/null\necho '<svg'\necho 'Error: killed' >&2\nexit 9\n"),
        ("empty", "#!/bin/sh\ncat >/dev/null\nexit 0\n"),
    ):
        fake = bin_dir / "dot"
        fake.write_text(script)
        fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin:/bin")
        assert main(["render", str(small_map), "-o", str(out)]) == 1, name
        assert capsys.readouterr().err.startswith("argmap: Graphviz's dot failed: "), name
        assert out.read_bytes() == before, name
        assert sorted(path.name for path in tmp_path.iterdir()) == ["bin", "m.svg", "small.yaml"], name


def test_the_digraph_and_the_dot_text_are_the_same_drawing(small_map):
    from argmap.mapfile import parse_map
    from argmap.render import build_digraph

    argument_map = parse_map(small_map.read_text(encoding="utf-8"))
    assert build_digraph(argument_map).source == build_dot(argument_map)
