"""The Anki deck of a map's drills: a valid package, one note per item, the same bytes every time."""

from __future__ import annotations

import html
import io
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import SEED_MAP

from argmap.practice import all_drill_items
from argmap.practice.deck import build_deck, tag_name
from argmap.store import load_path

EDITED = datetime(2025, 3, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def seed():
    return load_path(SEED_MAP).map


def _tags(deck: bytes, tmp_path: Path) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        collection = tmp_path / "tags.anki2"
        collection.write_bytes(package.read("collection.anki2"))
    db = sqlite3.connect(collection)
    try:
        return {tag for (tags,) in db.execute("SELECT tags FROM notes") for tag in tags.split()}
    finally:
        db.close()


def _notes(deck: bytes, tmp_path: Path) -> list[tuple[str, str, int]]:
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        assert "collection.anki2" in package.namelist()
        collection = tmp_path / "collection.anki2"
        collection.write_bytes(package.read("collection.anki2"))
    db = sqlite3.connect(collection)
    try:
        return db.execute("SELECT guid, flds, mod FROM notes ORDER BY id").fetchall()
    finally:
        db.close()


def test_the_deck_is_a_zip_holding_the_collection_with_one_note_per_item(seed, tmp_path):
    notes = _notes(build_deck(seed, "india-russia", EDITED), tmp_path)

    items = all_drill_items(seed)
    assert len(notes) == len(items)
    assert [fields.split("\x1f")[4] for _, fields, _ in notes] == [item.id for item in items]


def test_a_note_holds_the_prompt_and_the_model_answer_as_html(seed, tmp_path):
    notes = _notes(build_deck(seed, "india-russia", EDITED), tmp_path)

    prompt, answer, *_ = notes[0][1].split("\x1f")
    item = all_drill_items(seed)[0]
    assert prompt == html.escape(item.prompt)
    assert "<br>" in answer


def test_the_same_map_gives_a_byte_identical_deck(seed):
    assert build_deck(seed, "india-russia", EDITED) == build_deck(seed, "india-russia", EDITED)


def test_an_edited_map_keeps_note_guids_and_stamps_a_newer_time(seed, tmp_path):
    before = _notes(build_deck(seed, "india-russia", EDITED), tmp_path)
    reworded = seed.model_copy(
        update={
            "nodes": [
                node.model_copy(update={"text": "Reworded: " + node.text}) if node.id == "west-tilt" else node
                for node in seed.nodes
            ]
        }
    )

    after = _notes(build_deck(reworded, "india-russia", datetime(2025, 4, 1, tzinfo=UTC)), tmp_path)

    assert [guid for guid, _, _ in after] == [guid for guid, _, _ in before]
    assert after[0][2] > before[0][2]
    assert after[0][1].startswith("Reworded: ")


def test_decks_of_different_maps_do_not_share_note_guids(seed, tmp_path):
    first = {guid for guid, _, _ in _notes(build_deck(seed, "india-russia", EDITED), tmp_path)}
    second = {guid for guid, _, _ in _notes(build_deck(seed, "india-russia-copy", EDITED), tmp_path)}

    assert not first & second


def test_a_library_map_is_tagged_with_its_name_as_it_is(seed, tmp_path):
    assert _tags(build_deck(seed, "india-russia", EDITED), tmp_path) == {
        "argmap::rebuttal",
        "argmap::evidence",
        "argmap::map::india-russia",
    }


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("my map", "my_map"),
        ("भारत रूस  संबंध", "भारत_रूस_संबंध"),
        ('notes "draft"\tv2', "notes_draft_v2"),
        ("a::b", "a_b"),
        ("\u3000", "map"),
    ],
)
def test_a_map_file_name_a_tag_cannot_hold_is_tagged_with_underscores(seed, tmp_path, name, tag):
    deck = build_deck(seed, name, EDITED)

    assert f"argmap::map::{tag}" in _tags(deck, tmp_path)
    assert tag_name(name) == tag
    # The note ids still come from the name itself, so "my map" and "my_map" do not share notes.
    assert {guid for guid, _, _ in _notes(deck, tmp_path)}.isdisjoint(
        guid for guid, _, _ in _notes(build_deck(seed, tag, EDITED), tmp_path)
    )
