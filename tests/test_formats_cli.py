"""``argmap import`` and ``argmap export``, and the registry the app's pages call."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_MAP, SEED_NOTE

from argmap.cli import main
from argmap.formats import MAP_FORMATS, UPLOAD_LIMIT_BYTES, FormatError, detect_format, read_bytes
from argmap.mapfile import map_to_data
from argmap.store import load_path


def test_import_writes_a_valid_map_and_prints_warnings_to_stderr(tmp_path, capsys):
    out = tmp_path / "ir.yaml"
    assert main(["import", str(SEED_NOTE), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "warning:" in captured.err and "nodes" in captured.out
    assert load_path(out).map.thesis() is not None


def test_import_refuses_to_overwrite_unless_forced(tmp_path, capsys):
    out = tmp_path / "ir.yaml"
    out.write_text("keep me", encoding="utf-8")
    assert main(["import", str(SEED_NOTE), "-o", str(out)]) == 1
    assert "already exists; pass --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["import", str(SEED_NOTE), "-o", str(out), "--force"]) == 0


def test_bad_input_gives_one_line_exit_1_and_writes_nothing(tmp_path, capsys):
    source = tmp_path / "bad.argdown"
    source.write_text("[A]: a\n\n  + [B]: b\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{source}:3:1:" in err and "Traceback" not in err
    assert not out.exists()


def test_export_picks_the_format_by_suffix_and_round_trips(tmp_path):
    for name in ("seed.argdown", "seed.aif.json"):
        exported, back = tmp_path / name, tmp_path / f"{name}.yaml"
        assert main(["export", str(SEED_MAP), "-o", str(exported)]) == 0
        assert main(["import", str(exported), "-o", str(back)]) == 0
        assert map_to_data(load_path(back).map) == map_to_data(load_path(SEED_MAP).map)


def test_export_to_an_unknown_suffix_is_refused(tmp_path, capsys):
    assert main(["export", str(SEED_MAP), "-o", str(tmp_path / "x.docx")]) == 1
    assert "cannot write this suffix" in capsys.readouterr().err


def test_from_overrides_the_suffix(tmp_path):
    source = tmp_path / "note.data"
    source.write_bytes(SEED_NOTE.read_bytes())
    assert main(["import", str(source), "--from", "notes", "-o", str(tmp_path / "m.yaml")]) == 0


def test_registry_offers_readers_and_writers_by_name_and_suffix():
    assert {n for n, f in MAP_FORMATS.items() if f.can_read} == {"argdown", "aif", "kialo", "notes"}
    assert {n for n, f in MAP_FORMATS.items() if f.can_write} == {"argdown", "aif"}
    assert detect_format("map.aif.json") == "aif" and detect_format("x.ARGDOWN") == "argdown"
    assert detect_format("x.docx") is None


def test_uploads_over_the_limit_or_not_utf8_are_refused_before_reading():
    with pytest.raises(FormatError, match="the limit is"):
        read_bytes(b"x" * (UPLOAD_LIMIT_BYTES + 1), "notes", "big.txt")
    with pytest.raises(FormatError, match=r"^latin\.txt:1: not UTF-8"):
        read_bytes("Context- caf\u00e9".encode("latin-1"), "notes", "latin.txt")


def test_writing_a_format_that_only_reads_is_refused():
    from argmap.formats import write_text

    with pytest.raises(FormatError, match="cannot write Kialo"):
        write_text(load_path(SEED_MAP).map, "kialo")


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    big = tmp_path / "big.argdown"
    with big.open("wb") as stream:  # sparse: 33 MB that take no disk
        stream.truncate(33 * 1024 * 1024)
    assert main(["import", str(big), "-o", str(tmp_path / "out.yaml")]) == 1
    assert capsys.readouterr().err == f"argmap: {big}: larger than the 32 MB limit for a file\n"


def test_an_endless_device_is_refused_not_read_into_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["import", "/dev/zero", "--from", "argdown", "-o", str(tmp_path / "out.yaml")]) == 1
    assert "larger than the 32 MB limit" in capsys.readouterr().err
