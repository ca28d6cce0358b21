"""Drift cases between the app and the CLI: what both shells do through one service or store must
come out the same (names, numbers, errors), and every write of a map goes through the store."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from ui_app import PRACTICE, app, labelled, library, opened  # noqa: F401 (app, library: fixtures)

from argmap.cli import main
from argmap.practice import ProgressStore
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


def test_the_practice_page_and_argmap_drill_show_the_same_card_and_give_the_same_score(
    app: AppTest, library: Library, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    motion, answer = "social-media-ban-under-16", "Platforms design feeds to keep children scrolling."
    opened(app, motion)
    app.switch_page(PRACTICE).run()
    app.selectbox(key="practice_side").set_value("against").run()
    labelled(app.text_area, "Your answer").set_value(answer)
    app.button(key="check_answer").click().run()
    page_score = app.main.get_by_key("drill_card").metric[0].value

    progress = ProgressStore.of_library(library)
    [page_try] = progress.history(motion)
    progress.reset(motion)  # the CLI starts afresh too
    monkeypatch.setattr("sys.stdin", io.StringIO(answer + "\n"))
    argv = ["drill", motion, "--side", "against", "--count", "1", "--library", str(library.root)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    cli_score = re.search(r"Score: (\d+%)", out)
    assert cli_score is not None and cli_score[1] == page_score
    [cli_try] = progress.history(motion)
    assert cli_try.item_id == page_try.item_id


BAD_KIND = "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: Ties hold.\n- id: c\n  kind: clam\n  supports: [t]\n  text: Arms.\n"


def test_a_bad_map_file_gives_the_same_error_line_uploaded_in_the_app_and_imported_by_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    from argmap.errors import ArgmapError
    from argmap.ui.uploads import guess_format, read_upload

    data = BAD_KIND.encode()
    with pytest.raises(ArgmapError) as uploaded:
        read_upload(data, "bad.yaml", guess_format("bad.yaml", data))
    (tmp_path / "bad.yaml").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    assert main(["import", "bad.yaml", "-o", "out.yaml"]) == 1
    assert capsys.readouterr().err == f"argmap: {uploaded.value}\n"
    assert str(uploaded.value).startswith("bad.yaml:7: node 'c': kind \"clam\"")
    assert not (tmp_path / "out.yaml").exists()
