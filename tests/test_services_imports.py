"""The import use case shared by ``argmap import`` and the app: draft, review table, applied fixes."""

from __future__ import annotations

import json

import pytest
from conftest import SEED_NOTE

from argmap.cli import main
from argmap.errors import ArgmapError, MapFileError
from argmap.formats import FormatError
from argmap.model import Kind
from argmap.services.imports import apply_rows, draft_from_bytes, draft_from_text, table_rows

NOTE = "Challenges\n- Visa rules hurt students.\n\nWay forward\n- Ease visa rules for students.\n"


def test_a_draft_without_a_thesis_asks_for_one_and_the_typed_thesis_becomes_the_root():
    draft = draft_from_text(NOTE, "visa.txt")
    assert draft.needs_thesis
    argument_map = apply_rows(draft.map, table_rows(draft), thesis_text="Student mobility should be eased")
    thesis = argument_map.thesis()
    assert thesis.text == "Student mobility should be eased"
    assert argument_map.get("visa-rules-hurt-students").opposes == [thesis.id]


def test_a_typed_thesis_whose_words_match_a_point_id_gets_an_id_of_its_own():
    draft = draft_from_text(NOTE, "visa.txt")
    argument_map = apply_rows(draft.map, table_rows(draft), thesis_text="Visa rules hurt students")
    assert argument_map.thesis().id == "visa-rules-hurt-students-2"
    assert argument_map.get("visa-rules-hurt-students").opposes == ["visa-rules-hurt-students-2"]


def test_a_recommendation_moved_under_the_thesis_in_the_table_supports_it():
    draft = draft_from_text(NOTE, "visa.txt")
    rows = table_rows(draft)
    rows[1]["parent"] = ""
    argument_map = apply_rows(draft.map, rows, thesis_text="Student mobility should be eased")
    thesis = argument_map.thesis()
    assert argument_map.get("ease-visa-rules-for-students").supports == [thesis.id]


def test_the_review_table_lists_every_point_with_its_line_kind_parent_and_reason():
    rows = table_rows(draft_from_text(NOTE, "visa.txt"))
    assert [(r["line"], r["id"], r["kind"], r["parent"]) for r in rows] == [
        (2, "visa-rules-hurt-students", "counterpoint", ""),
        (5, "ease-visa-rules-for-students", "recommendation", "visa-rules-hurt-students"),
    ]
    assert rows[1]["why"].startswith("under heading 'Way forward'")


def test_a_kind_changed_in_the_table_is_applied_with_the_relation_it_needs():
    draft = draft_from_text(NOTE, "visa.txt")
    rows = table_rows(draft)
    rows[1]["kind"] = "rebuttal"
    argument_map = apply_rows(draft.map, rows, thesis_text="Ties are sound")
    answer = argument_map.get("ease-visa-rules-for-students")
    assert (answer.kind, answer.opposes) == (Kind.REBUTTAL, ["visa-rules-hurt-students"])


def test_an_edit_that_breaks_a_rule_is_refused_naming_the_node():
    draft = draft_from_text(NOTE, "visa.txt")
    rows = table_rows(draft)
    rows[1]["kind"] = "context"
    with pytest.raises(MapFileError, match="ease-visa-rules-for-students"):
        apply_rows(draft.map, rows)


def test_a_parent_that_is_not_in_the_draft_is_refused_in_one_line():
    draft = draft_from_text(NOTE, "visa.txt")
    rows = table_rows(draft)
    rows[1]["parent"] = "nowhere"
    with pytest.raises(
        ArgmapError, match=r"^the table: ease-visa-rules-for-students: no point with id 'nowhere'"
    ):
        apply_rows(draft.map, rows)


def test_bytes_that_are_not_utf8_are_refused_with_the_line():
    with pytest.raises(FormatError, match=r"^n\.txt:2: not UTF-8 text"):
        draft_from_bytes("Challenges\n- caf\u00e9\n".encode("latin-1"), "n.txt")


def test_import_explain_prints_every_point_with_its_line_kind_and_reason(tmp_path, capsys):
    note = tmp_path / "visa.txt"
    note.write_text(NOTE, encoding="utf-8")
    assert main(["import", str(note), "--from", "notes", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "   2  counterpoint   visa-rules-hurt-students -> -" in out
    assert "why: under heading 'Way forward'" in out and "answers line 2" in out


def test_import_json_gives_the_report_as_data_and_still_writes_the_map(tmp_path, capsys):
    out = tmp_path / "seed.yaml"
    assert main(["import", str(SEED_NOTE), "--json", "-o", str(out)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["thesis"].startswith("Despite certain differences")
    assert {row["kind"] for row in report["points"]} >= {
        "claim",
        "counterpoint",
        "evidence",
        "recommendation",
    }
    assert out.exists()


def test_import_without_an_output_or_a_report_is_bad_usage(tmp_path, capsys):
    note = tmp_path / "visa.txt"
    note.write_text(NOTE, encoding="utf-8")
    assert main(["import", str(note)]) == 2
    assert "give -o OUT.yaml" in capsys.readouterr().err
