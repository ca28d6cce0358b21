"""The map session service, driven without Streamlit: open, edit under a label, undo, redo, the
stale-file choice (reload or save as copy), and one-line errors for what the store or the map
cannot do."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.editing import EditError, add_child, delete_node
from argmap.errors import MapFileError, StoreError
from argmap.model import Kind
from argmap.services.session import MapSession
from argmap.store import Library


@pytest.fixture
def session(library: Library) -> MapSession:
    library.create("m", "Should the ban stay?", "blank")
    opened = MapSession(library)
    opened.open("m")
    return opened


def _add_claim(session: MapSession, text: str = "Age checks work") -> str:
    thesis = session.require().map.thesis()
    assert thesis is not None
    new_map = add_child(session.require().map, thesis.id, Kind.CLAIM, text, node_id="age-checks")
    assert session.apply(new_map, "add claim 'age-checks'", select="age-checks")
    return "age-checks"


def test_opening_a_map_selects_its_thesis(session: MapSession):
    thesis = session.require().map.thesis()
    assert thesis is not None and session.selected == thesis.id


def test_an_edit_is_saved_at_once_and_undo_names_it(session: MapSession, library: Library):
    _add_claim(session)
    assert "age-checks" in library.load("m").map.node_index()
    assert session.step_label(back=True) == "add claim 'age-checks'"
    assert session.selected == "age-checks"


def test_undo_and_redo_are_saved_and_say_what_they_did(session: MapSession, library: Library):
    _add_claim(session)
    assert session.undo() == "Undone: add claim 'age-checks'"
    assert "age-checks" not in library.load("m").map.node_index()
    assert session.selected != "age-checks"  # the node went with the undo: back to the thesis
    assert session.redo() == "Redone: add claim 'age-checks'"
    assert "age-checks" in library.load("m").map.node_index()
    assert session.redo() is None  # nothing more to redo


def test_an_edit_of_a_map_changed_on_disk_is_kept_on_screen_and_marked_stale(
    session: MapSession, library: Library
):
    path = library.path_of("m")
    path.write_text(path.read_text().replace("Should the ban stay?", "Edited in another tab"))
    thesis = session.require().map.thesis()
    assert thesis is not None
    new_map = add_child(session.require().map, thesis.id, Kind.CLAIM, "Mine", node_id="mine")
    assert session.apply(new_map, "add claim 'mine'") is False
    opened = session.require()
    assert opened.stale is not None and "changed on disk" in opened.stale
    assert "mine" in opened.map.node_index()
    assert "Edited in another tab" in path.read_text()


def test_reload_drops_the_unsaved_version_and_keeps_the_selection(session: MapSession, library: Library):
    path = library.path_of("m")
    path.write_text(path.read_text().replace("Should the ban stay?", "Edited in another tab"))
    thesis = session.require().map.thesis()
    assert thesis is not None
    session.apply(add_child(session.require().map, thesis.id, Kind.CLAIM, "Mine", node_id="mine"), "add")
    session.selected = thesis.id
    assert session.reload() == "Reloaded 'm' from disk."
    assert session.require().stale is None
    assert "mine" not in session.require().map.node_index()
    assert session.require().map.title == "Edited in another tab"
    assert session.selected == thesis.id


def test_save_as_copy_keeps_the_version_on_screen_under_the_new_name(session: MapSession, library: Library):
    path = library.path_of("m")
    path.write_text(path.read_text().replace("Should the ban stay?", "Edited in another tab"))
    thesis = session.require().map.thesis()
    assert thesis is not None
    session.apply(add_child(session.require().map, thesis.id, Kind.CLAIM, "Mine", node_id="mine"), "add")
    message = session.save_as_copy("m-mine")
    assert message == "Saved your version as 'm-mine'; you are now editing that copy."
    assert session.require().name == "m-mine" and session.require().stale is None
    assert "mine" in library.load("m-mine").map.node_index()
    assert library.load("m").map.title == "Edited in another tab"


def test_save_as_copy_under_a_taken_name_is_refused(session: MapSession, library: Library):
    library.create("taken", "Taken")
    with pytest.raises(StoreError, match="already exists"):
        session.save_as_copy("taken")
    assert session.require().name == "m"


def test_a_node_that_is_gone_is_a_one_line_edit_error(session: MapSession):
    node_id = _add_claim(session)
    session.apply(delete_node(session.require().map, node_id), f"delete {node_id!r}")
    with pytest.raises(EditError, match=r"^no node 'age-checks' in map 'm'; it was deleted or renamed$"):
        session.node(node_id)


def test_an_edit_without_an_open_map_is_an_edit_error(library: Library):
    with pytest.raises(EditError, match="no map is open"):
        MapSession(library).require()


def test_a_store_that_cannot_write_is_a_one_line_error_and_records_no_step(
    session: MapSession, library: Library
):
    # The backups folder of the map is a file: keeping the previous version fails with an OSError.
    (library.root / ".argmap" / "backups").mkdir(parents=True, exist_ok=True)
    (library.root / ".argmap" / "backups" / "m").write_text("not a folder")
    with pytest.raises(StoreError, match=r"m\.yaml: cannot save \(File exists\)"):
        _add_claim(session)
    assert session.step_label(back=True) is None
    assert "age-checks" not in session.require().map.node_index()


def test_open_first_skips_maps_that_cannot_be_read(library: Library, tmp_path: Path):
    library.root.mkdir(parents=True)
    (library.root / "a-broken.yaml").write_text("title: [unclosed\n")
    library.create("b-good", "Good")
    session = MapSession(library)
    opened = session.open_first()
    assert opened is not None and opened.name == "b-good"


def test_opening_a_map_that_cannot_be_read_keeps_the_open_one(session: MapSession, library: Library):
    (library.root / "broken.yaml").write_text("nodes: [\n")
    with pytest.raises(MapFileError, match=r"broken\.yaml:2: not valid YAML"):
        session.open("broken")
    assert session.require().name == "m"
