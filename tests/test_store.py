"""The map library on disk: atomic saves, backups, stale-revision refusal, safe names, trash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.errors import MapFileError, StaleMapError, StoreError
from argmap.mapfile import dump_map
from argmap.store import Library, check_name, load_path, save_path


def test_create_from_a_skeleton_writes_a_valid_map(library: Library):
    loaded = library.create("india-china", "India and China", "bilateral")
    again = library.load("india-china")
    assert again.map == loaded.map
    assert again.revision == loaded.revision
    assert again.map.vocabulary is not None and again.map.vocabulary.against == "Irritants"


def test_create_refuses_a_taken_name(library: Library):
    library.create("m", "M")
    with pytest.raises(StoreError, match="already exists"):
        library.create("m", "Another")


def test_save_keeps_the_previous_version_as_a_backup(library: Library):
    loaded = library.create("m", "First title")
    library.save("m", loaded.map.model_copy(update={"title": "Second title"}), loaded.revision)
    [backup] = library.backups_of("m")
    assert "First title" in backup.read_text()
    assert library.load("m").map.title == "Second title"


def test_saving_an_unchanged_map_rewrites_nothing(library: Library):
    loaded = library.create("m", "M")
    revision = library.save("m", loaded.map, loaded.revision)
    assert revision == loaded.revision
    assert library.backups_of("m") == []


def test_a_save_is_refused_when_the_file_changed_on_disk(library: Library):
    loaded = library.create("m", "M")
    path = library.path_of("m")
    path.write_text(path.read_text().replace("title: M", "title: Edited elsewhere"))
    with pytest.raises(StaleMapError, match="changed on disk since it was loaded"):
        library.save("m", loaded.map.model_copy(update={"title": "Mine"}), loaded.revision)
    assert "Edited elsewhere" in path.read_text()


def test_a_save_is_refused_when_the_file_was_deleted_since_loading(library: Library):
    loaded = library.create("m", "M")
    library.path_of("m").unlink()
    with pytest.raises(StaleMapError, match="deleted or moved"):
        library.save("m", loaded.map, loaded.revision)


def test_an_interrupted_save_leaves_the_old_file_intact(library: Library):
    loaded = library.create("m", "Old title")
    before = library.path_of("m").read_bytes()

    def crash() -> None:
        raise KeyboardInterrupt("power cut between write and rename")

    with pytest.raises(KeyboardInterrupt):
        save_path(
            library.path_of("m"),
            loaded.map.model_copy(update={"title": "New title"}),
            loaded.revision,
            before_replace=crash,
        )
    assert library.path_of("m").read_bytes() == before
    assert library.load("m").map.title == "Old title"
    assert [p.name for p in library.root.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "name",
    ["../escape", "..", "a/b", "a\\b", "/etc/passwd", "", ".hidden", "con", "LPT1", "nul\x00byte", "x" * 81],
)
def test_names_that_could_escape_the_library_are_refused(library: Library, name: str):
    with pytest.raises(StoreError):
        library.create(name, "T")


def test_a_yaml_suffix_on_a_name_is_accepted():
    assert check_name("india-russia.yaml") == "india-russia"


def test_duplicate_rename_and_listing(library: Library):
    library.create("first", "First")
    library.duplicate("first", "second")
    library.rename("second", "third")
    entries = {entry.name: entry for entry in library.entries()}
    assert set(entries) == {"first", "third"}
    assert entries["third"].title == "First (copy)"
    assert entries["first"].node_count == 1


def test_an_invalid_map_is_listed_with_its_error(library: Library):
    library.root.mkdir(parents=True)
    (library.root / "broken.yaml").write_text("title: T\nnodes: [\n")
    [entry] = library.entries()
    assert entry.error is not None and "broken.yaml:" in entry.error


def test_delete_moves_to_the_trash_and_restore_brings_it_back(library: Library):
    loaded = library.create("m", "M")
    entry = library.delete("m")
    assert not library.exists("m")
    assert [e.name for e in library.trash()] == ["m"]
    library.restore(entry)
    assert library.load("m").map == loaded.map
    assert library.trash() == []


def test_restore_refuses_to_overwrite_a_map_of_the_same_name(library: Library):
    library.create("m", "M")
    entry = library.delete("m")
    library.create("m", "Newer")
    with pytest.raises(StoreError, match="already exists"):
        library.restore(entry)


def test_loading_a_missing_file_names_it(tmp_path: Path):
    with pytest.raises(StoreError, match="no such map file"):
        load_path(tmp_path / "nothing.yaml")


def test_loading_a_file_that_is_not_utf8_names_it(tmp_path: Path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(StoreError, match="not UTF-8"):
        load_path(path)


def test_loading_a_broken_file_names_the_file_and_line(tmp_path: Path):
    path = tmp_path / "broken.yaml"
    path.write_text("title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n  extra: 1\n")
    with pytest.raises(MapFileError) as caught:
        load_path(path)
    assert str(caught.value) == f"{path}:6: unknown key 'extra' in node 't'"


def test_backups_are_capped(library: Library, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("argmap.store.BACKUPS_KEPT", 3)
    loaded = library.create("m", "v0")
    revision = loaded.revision
    for version in range(1, 6):
        revision = library.save("m", loaded.map.model_copy(update={"title": f"v{version}"}), revision)
    titles = [p.read_text().split("title: ")[1].split("\n")[0] for p in library.backups_of("m")]
    assert titles == ["v2", "v3", "v4"]


def test_the_library_folder_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("ARGMAP_LIBRARY", str(tmp_path))
    assert Library().root == tmp_path


def test_saved_bytes_are_the_canonical_dump(library: Library):
    loaded = library.create("m", "M", "debate")
    assert library.path_of("m").read_text() == dump_map(loaded.map)
    assert os.stat(library.path_of("m")).st_size > 0


def test_saved_files_are_readable_by_others_as_with_a_plain_write(library: Library):
    library.create("m", "M")
    mode = library.path_of("m").stat().st_mode & 0o777
    current = os.umask(0)
    os.umask(current)
    assert mode == 0o666 & ~current


def test_rename_onto_a_deleted_maps_backups_keeps_both_histories_apart(library: Library):
    old = library.create("b", "Old b")
    library.save("b", old.map.model_copy(update={"title": "Old b, edited"}), old.revision)
    library.delete("b")
    first = library.create("a", "A")
    library.save("a", first.map.model_copy(update={"title": "A, edited"}), first.revision)
    a_backups = [path.read_bytes() for path in library.backups_of("a")]
    library.rename("a", "b")
    assert library.load("b").map.title == "A, edited"
    assert [path.read_bytes() for path in library.backups_of("b")] == a_backups  # a's history only
    assert not library.backups_of("a")
    set_aside = [
        path.name for path in (library.data_dir / "backups").iterdir() if "--set-aside-" in path.name
    ]
    assert len(set_aside) == 1 and set_aside[0].startswith("b--")


def test_a_new_map_needs_a_title(library: Library):
    with pytest.raises(StoreError, match="needs a title"):
        library.create("m", "   ")
    assert not library.exists("m")
