"""Drift cases between the app and the CLI: what both shells do through one service or store must
come out the same (names, numbers, errors), and every write of a map goes through the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.store import Library

NOTE = "Social media ban for under-16s\n\nFor:\n- It protects sleep\n\nAgainst:\n- Age checks fail\n"


def test_import_over_a_library_map_keeps_the_replaced_version_as_a_backup(library: Library, tmp_path: Path):
    library.create("m", "Hand-made map")
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    assert main(["import", str(note), "-o", str(library.path_of("m")), "--force"]) == 0
    [backup] = library.backups_of("m")
    assert "Hand-made map" in backup.read_text()
    assert library.load("m").map.title != "Hand-made map"


def test_generate_over_a_library_map_keeps_the_replaced_version_as_a_backup(library: Library):
    library.create("m", "Hand-made map")
    assert main(["generate", "--nodes", "12", "-o", str(library.path_of("m"))]) == 0
    [backup] = library.backups_of("m")
    assert "Hand-made map" in backup.read_text()
    assert len(library.load("m").map.nodes) >= 12


def test_import_without_force_leaves_an_existing_map_alone(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    library.create("m", "Hand-made map")
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    assert main(["import", str(note), "-o", str(library.path_of("m"))]) == 1
    assert "already exists" in capsys.readouterr().err
    assert library.load("m").map.title == "Hand-made map"
