"""A hand-edited map file saved through the store keeps its comments and the exact text of what did
not change; a new or comment-free file is written in the canonical form."""

from __future__ import annotations

import pytest

from argmap.bounded_yaml import MAX_DEPTH, YamlError, compose
from argmap.editing import add_child, delete_node, update_node
from argmap.errors import MapFileError
from argmap.mapfile import dump_map, parse_map
from argmap.mapfile_keep import dump_map_over
from argmap.model import Kind
from argmap.services.session import MapSession
from argmap.store import Library

HAND_WRITTEN = """\
# India and Russia, for GS paper 2. Sources in the evidence.
title: India and Russia   # working title
question: Critically examine the ties.
nodes:
  # The thesis
  - id: ties-hold
    kind: thesis
    text: The ties hold.   # keep it short

  # --- Convergences ---
  - id: arms
    kind: claim
    supports: [ties-hold]
    text: Arms trade continues.
    tags: [defence]  # SIPRI 2023

  # --- Irritants ---
  - id: west-tilt
    kind: counterpoint
    opposes: [ties-hold]
    text: |
      India tilts west.

      # this line is text, not a comment
  - id: oil
    kind: claim
    supports: [ties-hold]
    text: Oil imports rose.
# end of the map
"""


def _lines_of(text: str, node_id: str) -> str:
    """The lines of one node in a file laid out like HAND_WRITTEN."""
    start = text.index(f"  - id: {node_id}\n")
    end = text.find("\n  - id: ", start + 1)
    return text[start : end if end > 0 else len(text)]


def test_an_unchanged_hand_written_file_is_kept_byte_for_byte():
    assert dump_map_over(HAND_WRITTEN, parse_map(HAND_WRITTEN)) == HAND_WRITTEN


def test_an_edited_node_keeps_the_comments_of_the_file_and_the_text_of_the_other_nodes():
    edited = update_node(parse_map(HAND_WRITTEN), "arms", text="Arms trade continues, if slower.")
    text = dump_map_over(HAND_WRITTEN, edited)
    assert parse_map(text) == edited
    assert "    text: Arms trade continues, if slower.\n    tags: [defence]  # SIPRI 2023\n" in text
    for kept in (
        "# India and Russia, for GS paper 2.",
        "# working title",
        "# --- Irritants ---",
        "# end of the map",
    ):
        assert kept in text
    assert _lines_of(text, "west-tilt") == _lines_of(HAND_WRITTEN, "west-tilt")
    assert _lines_of(text, "ties-hold") == _lines_of(HAND_WRITTEN, "ties-hold")


def test_a_new_node_is_written_in_the_canonical_form_indented_as_its_neighbours():
    added = add_child(
        parse_map(HAND_WRITTEN), "west-tilt", Kind.REBUTTAL, "Tilt is hedging.", node_id="hedging"
    )
    text = dump_map_over(HAND_WRITTEN, added)
    assert parse_map(text) == added
    assert (
        "  - id: hedging\n    kind: rebuttal\n    opposes: [west-tilt]\n    text: Tilt is hedging.\n" in text
    )
    assert "# this line is text, not a comment" in parse_map(text).get("west-tilt").text


def test_a_deleted_node_leaves_the_heading_above_it_for_the_next_node():
    text = dump_map_over(HAND_WRITTEN, delete_node(parse_map(HAND_WRITTEN), "arms"))
    assert "arms" not in parse_map(text).node_index()
    assert "# --- Convergences ---" in text and "# SIPRI 2023" not in text
    assert text.index("# --- Convergences ---") < text.index("- id: west-tilt")


def test_deleting_the_last_node_keeps_the_comment_that_ends_the_file():
    text = dump_map_over(HAND_WRITTEN, delete_node(parse_map(HAND_WRITTEN), "oil"))
    assert text.endswith("# end of the map\n")
    assert "oil" not in parse_map(text).node_index()


def test_a_changed_title_keeps_the_comments_around_it():
    retitled = parse_map(HAND_WRITTEN).model_copy(update={"title": "India–Russia ties"})
    text = dump_map_over(HAND_WRITTEN, retitled)
    assert text.startswith(
        "# India and Russia, for GS paper 2. Sources in the evidence.\ntitle: India–Russia ties\n"
    )
    assert parse_map(text) == retitled


def test_a_file_without_comments_and_a_new_file_are_written_canonically():
    loose = "title:   T\nnodes:\n  -   id: t\n      kind: thesis\n      text: Ties hold.\n"
    argument_map = parse_map(loose)
    assert dump_map_over(loose, argument_map) == dump_map(argument_map)
    assert dump_map_over(None, argument_map) == dump_map(argument_map)


def test_a_commented_file_in_flow_style_falls_back_to_the_canonical_form_and_keeps_the_map():
    flow = "# flow\n{title: T, nodes: [{id: t, kind: thesis, text: Ties hold.}]}\n"
    edited = update_node(parse_map(flow), "t", text="Ties still hold.")
    assert dump_map_over(flow, edited) == dump_map(edited)


def test_a_hostile_old_text_is_refused_by_the_bounded_composer_and_the_map_is_written_canonically():
    deep = "# deep\ntitle: T\nx: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(YamlError, match="nested more than"):
        compose(deep)
    argument_map = parse_map("title: T\nnodes:\n- id: t\n  kind: thesis\n  text: Ties hold.\n")
    assert dump_map_over(deep, argument_map) == dump_map(argument_map)


def test_an_edit_through_the_app_session_keeps_the_comments_in_the_library_file(library: Library):
    library.root.mkdir(parents=True)
    library.path_of("india-russia").write_text(HAND_WRITTEN)
    session = MapSession(library)
    session.open("india-russia")
    assert session.apply(update_node(session.require().map, "oil", text="Oil imports tripled."), "edit 'oil'")
    saved = library.path_of("india-russia").read_text()
    assert "# --- Convergences ---" in saved and "# SIPRI 2023" in saved and "Oil imports tripled." in saved
    assert session.undo() == "Undone: edit 'oil'"
    assert library.path_of("india-russia").read_text() == HAND_WRITTEN


def test_errors_in_a_commented_file_still_name_their_line():
    broken = HAND_WRITTEN.replace(
        "    kind: claim\n    supports: [ties-hold]\n    text: Arms",
        "    kind: clam\n    supports: [ties-hold]\n    text: Arms",
    )
    with pytest.raises(MapFileError, match=r"^<text>:12: "):
        parse_map(broken)
