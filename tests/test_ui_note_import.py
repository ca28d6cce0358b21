"""The Library page's note import (AppTest): paste a note, review the draft as a table, add it."""

from __future__ import annotations

from ui_app import app, library  # noqa: F401  (fixtures)

from argmap.model import Kind

NOTE = "Challenges\n- Visa rules hurt students.\n\nWay forward\n- Ease visa rules for students.\n"


def _pasted(at, text: str = NOTE):
    at.text_area(key="note_text").input(text)
    at.button(key="note_read").click().run()
    assert not at.exception
    return at


def _edit(at, row: int, **changes):
    at.session_state["note_table"] = {"edited_rows": {row: changes}, "added_rows": [], "deleted_rows": []}
    return at.run()


def test_a_pasted_note_without_a_position_is_shown_with_its_warning_and_asks_for_a_thesis(app):
    at = _pasted(app)
    assert any("no thesis found" in warning.value for warning in at.warning)
    assert at.text_input(key="note_thesis").label == "No thesis found: what position does this note argue?"
    assert at.button(key="note_add").disabled


def test_the_reviewed_draft_with_a_typed_thesis_and_a_fixed_kind_is_added_to_the_library(app, library):
    at = _pasted(app)
    _edit(at, 1, kind="rebuttal")
    at.text_input(key="note_thesis").input("Student mobility should be eased").run()
    at.text_input(key="note_name").input("visa-note").run()
    assert not at.button(key="note_add").disabled
    at.button(key="note_add").click().run()
    assert not at.exception
    saved = library.load("visa-note").map
    assert saved.thesis().text == "Student mobility should be eased"
    answer = saved.get("ease-visa-rules-for-students")
    assert (answer.kind, answer.opposes) == (Kind.REBUTTAL, ["visa-rules-hurt-students"])


def test_an_edit_that_breaks_a_rule_is_named_beside_the_table_and_cannot_be_added(app):
    at = _pasted(app, NOTE + "\nThus, student mobility is worth the effort.\n")
    _edit(at, 1, kind="context")
    assert any("ease-visa-rules-for-students" in error.value for error in at.error)
    assert at.button(key="note_add").disabled


def test_reading_an_empty_box_says_what_to_do_in_one_line(app):
    at = app
    at.button(key="note_read").click().run()
    assert [error.value for error in at.error] == ["the note box: paste a note (or upload one) first"]


def test_discard_clears_the_draft(app):
    at = _pasted(app)
    at.button(key="note_discard").click().run()
    assert "note_add" not in [button.key for button in at.button]
