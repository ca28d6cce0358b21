"""The map library on disk: atomic saves, backups, stale-revision refusal, safe names, trash."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from argmap import mapfile
from argmap.errors import MapFileError, StaleMapError, StoreError
from argmap.mapfile import dump_map
from argmap.store import Library, check_name, load_path, save_path, write_atomic


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


# -- concurrent saves (#12): tests/test_stores.py runs them against both stores -------------------


def test_temporary_files_left_by_a_killed_save_are_removed_by_the_next_save(library: Library):
    loaded = library.create("m", "M")
    leftover = library.root / ".m.yaml.k1ll3d.tmp"
    leftover.write_text("half a map")
    other = library.root / ".other.yaml.k1ll3d.tmp"
    other.write_text("another map's save")
    library.save("m", loaded.map.model_copy(update={"title": "M2"}), loaded.revision)
    assert not leftover.exists()
    assert other.exists()  # another map's save may still be running


def test_an_atomic_write_never_writes_through_what_already_has_its_temporary_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The temporary file of an atomic write is always a new file: a link (or file) already at
    the name drawn is left alone and another name drawn."""
    draws = iter([bytes(6), bytes(6), b"\x01" * 6])
    monkeypatch.setattr(os, "urandom", lambda size: next(draws))
    outside = tmp_path / "outside.txt"
    outside.write_text("not the library's")
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / ".m.yaml.000000000000.tmp").symlink_to(outside)
    write_atomic(folder / "m.yaml", b"title: M\n")
    assert outside.read_text() == "not the library's"
    assert (folder / "m.yaml").read_bytes() == b"title: M\n"
    assert next(draws, None) is None  # the taken name was drawn, then another


# -- the library stays inside itself (#12) -------------------------------------------------------


def test_a_symlinked_map_is_listed_with_a_warning_and_never_read(library: Library, tmp_path: Path):
    library.create("m", "M")
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: Outside the library\n")
    (library.root / "leak.yaml").symlink_to(secret)
    entries = {entry.name: entry for entry in library.entries()}
    assert entries["leak"].error is not None and "symbolic link" in entries["leak"].error
    assert entries["leak"].title == "leak"
    assert library.names() == ["m"]
    with pytest.raises(StoreError, match="symbolic link"):
        library.load("leak")
    with pytest.raises(StoreError, match="symbolic link"):
        library.read_bytes("leak")


def test_a_symlinked_map_is_never_saved_through(library: Library, tmp_path: Path):
    loaded = library.create("m", "M")
    outside = tmp_path / "outside.yaml"
    outside.write_text("keep me")
    (library.root / "linked.yaml").symlink_to(outside)
    with pytest.raises(StoreError, match="symbolic link"):
        library.save("linked", loaded.map, None)
    assert outside.read_text() == "keep me"


def test_a_device_in_the_library_is_refused_without_reading_it(library: Library):
    library.root.mkdir(parents=True)
    os.mkfifo(library.root / "pipe.yaml")
    with pytest.raises(StoreError, match="not a regular file"):
        library.load("pipe")
    [entry] = library.entries()
    assert entry.error is not None and "not a regular file" in entry.error


def test_a_symlinked_data_folder_is_refused_and_nothing_is_written_outside(library: Library, tmp_path: Path):
    loaded = library.create("m", "M")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.rmtree(library.data_dir)
    library.data_dir.symlink_to(outside)
    with pytest.raises(StoreError, match="symbolic link"):
        library.save("m", loaded.map.model_copy(update={"title": "M2"}), loaded.revision)
    with pytest.raises(StoreError, match="symbolic link"):
        library.delete("m")
    assert list(outside.iterdir()) == []
    assert library.load("m").map.title == "M"


def test_a_symlink_in_the_trash_is_not_a_deleted_map(library: Library, tmp_path: Path):
    library.create("m", "M")
    library.delete("m")
    outside = tmp_path / "outside.yaml"
    outside.write_text("title: Outside\n")
    (library.data_dir / "trash" / "x--20250101T000000000000Z.yaml").symlink_to(outside)
    assert [entry.name for entry in library.trash()] == ["m"]


@pytest.mark.parametrize("name", ["evil\n", "con\n", "name ", " name", "a\nb"])
def test_names_with_a_line_break_or_surrounding_space_are_refused(library: Library, name: str):
    with pytest.raises(StoreError, match="map name"):
        library.create(name, "T")
    assert library.names() == []


def test_a_data_folder_that_cannot_be_made_gives_one_line(library: Library):
    library.root.mkdir(parents=True)
    library.data_dir.write_text("not a folder")
    with pytest.raises(StoreError, match=r"\.argmap.*cannot create"):
        library.create("m", "M")


# -- the listing index (#21): a listing parses only the maps that changed --------------------------


def test_a_second_listing_parses_no_unchanged_map(library: Library, monkeypatch: pytest.MonkeyPatch):
    for number in range(3):
        library.create(f"m{number}", f"Map {number}")
    first = library.entries()
    parsed: list[str] = []
    real_parse = mapfile.parse_map
    monkeypatch.setattr(
        mapfile, "parse_map", lambda text, where: parsed.append(where) or real_parse(text, where)
    )
    assert library.entries() == first
    assert parsed == []


def test_a_listing_shows_a_map_changed_outside_the_app(library: Library):
    library.create("m", "Before")
    library.entries()
    path = library.path_of("m")
    path.write_text(path.read_text().replace("title: Before", "title: After, edited in a text editor"))
    [entry] = library.entries()
    assert entry.title == "After, edited in a text editor"


def test_a_listing_shows_a_map_broken_outside_the_app(library: Library):
    library.create("m", "M")
    library.entries()
    library.path_of("m").write_text("title: M\nnodes: [\n")
    [entry] = library.entries()
    assert entry.error is not None and "m.yaml:" in entry.error


def test_a_damaged_index_is_rebuilt(library: Library):
    library.create("m", "M")
    library.entries()
    (library.data_dir / "index.json").write_text('{"format": 1, "maps": {"m": {"key": "junk"')
    [entry] = library.entries()
    assert entry.title == "M" and entry.node_count == 1


def test_a_deleted_map_leaves_the_listing(library: Library):
    library.create("a", "A")
    library.create("b", "B")
    library.entries()
    library.delete("a")
    assert [entry.name for entry in library.entries()] == ["b"]
