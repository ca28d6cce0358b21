"""The labelled study-note corpus in tests/fixtures/notes/ is well formed.

The corpus is the measuring stick for the notes importer (see tests/fixtures/notes/README.md), so
these tests check the corpus itself and never run the importer: every label names text that sits
exactly once in its note, on one line; kinds are the map's kinds; answers and parents point at
labelled points; and the corpus is big and varied enough to measure anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT

NOTES = ROOT / "tests" / "fixtures" / "notes"
NOTE_PATHS = sorted(NOTES.glob("*.txt"))
LABEL_PATHS = sorted(NOTES.glob("*.labels.yaml"))

POINT_KINDS = {"claim", "counterpoint", "rebuttal", "evidence", "recommendation", "context"}
GENRES = {"gs2-bilateral", "governance", "economy", "environment", "debate-brief", "essay"}
LABEL_KEYS = {"batch", "layout", "genre", "title", "thesis", "meta", "points"}
POINT_KEYS = {"text", "kind", "answers", "parent"}
# Notes that were in the folder before the corpus; older importer tests read them as they are.
SHORT_NOTES_OF_OLDER_TESTS = {"one-nation-one-election.txt"}


def _labels_of(note: Path) -> dict:
    return yaml.safe_load(note.with_suffix(".labels.yaml").read_text(encoding="utf-8"))


def _note_text(note: Path) -> str:
    return note.read_text(encoding="utf-8")


def _lines_holding(text: str, substring: str) -> int:
    return sum(line.count(substring) for line in text.splitlines())


def _labelled_substrings(labels: dict) -> list[str]:
    substrings = [labels["thesis"]] if labels["thesis"] else []
    substrings += labels["meta"] or []
    substrings += [point["text"] for point in labels["points"]]
    return substrings


def _word_count(text: str) -> int:
    return len(text.split())


labelled_notes = pytest.mark.parametrize("note", NOTE_PATHS, ids=[path.stem for path in NOTE_PATHS])


def test_the_corpus_holds_at_least_26_notes():
    assert len(NOTE_PATHS) >= 26


def test_at_least_six_notes_are_debate_briefs():
    briefs = [note.name for note in NOTE_PATHS if _labels_of(note)["genre"] == "debate-brief"]
    assert len(briefs) >= 6, briefs


def test_every_label_file_belongs_to_a_note():
    orphans = [
        path.name
        for path in LABEL_PATHS
        if not path.with_name(path.name.replace(".labels.yaml", ".txt")).exists()
    ]
    assert orphans == []


@labelled_notes
def test_note_has_a_label_file_with_the_documented_keys(note):
    assert note.with_suffix(".labels.yaml").exists(), f"{note.name} has no label file"
    labels = _labels_of(note)
    assert set(labels) == LABEL_KEYS
    assert isinstance(labels["batch"], int) and labels["batch"] >= 1
    assert isinstance(labels["layout"], str) and labels["layout"].strip()
    assert labels["genre"] in GENRES
    assert labels["points"], f"{note.name} labels no points"
    for point in labels["points"]:
        assert set(point) <= POINT_KEYS and {"text", "kind"} <= set(point), point


@labelled_notes
def test_note_is_between_150_and_700_words(note):
    if note.name in SHORT_NOTES_OF_OLDER_TESTS:
        pytest.skip("kept short and unchanged for the importer tests that read it")
    assert 150 <= _word_count(_note_text(note)) <= 700


@labelled_notes
def test_every_labelled_substring_sits_exactly_once_in_its_note_on_one_line(note):
    text = _note_text(note)
    labels = _labels_of(note)
    misplaced = [
        substring
        for substring in _labelled_substrings(labels)
        if text.count(substring) != 1 or _lines_holding(text, substring) != 1
    ]
    assert misplaced == []


@labelled_notes
def test_point_substrings_are_at_least_five_words_and_distinct(note):
    texts = [point["text"] for point in _labels_of(note)["points"]]
    assert [text for text in texts if _word_count(text) < 5] == []
    assert len(set(texts)) == len(texts)


@labelled_notes
def test_points_are_labelled_in_note_order(note):
    text = _note_text(note)
    positions = [text.find(point["text"]) for point in _labels_of(note)["points"]]
    assert positions == sorted(positions)


@labelled_notes
def test_point_kinds_are_the_maps_kinds(note):
    kinds = {point["kind"] for point in _labels_of(note)["points"]}
    assert kinds <= POINT_KINDS


@labelled_notes
def test_answers_name_a_labelled_counterpoint_and_belong_to_answers(note):
    points = _labels_of(note)["points"]
    counterpoints = {point["text"] for point in points if point["kind"] == "counterpoint"}
    for point in points:
        if "answers" in point:
            assert point["kind"] in {"rebuttal", "recommendation"}, point
            assert point["answers"] in counterpoints, point


@labelled_notes
def test_every_rebuttal_names_the_counterpoint_it_answers(note):
    rebuttals = [point for point in _labels_of(note)["points"] if point["kind"] == "rebuttal"]
    assert [point["text"] for point in rebuttals if "answers" not in point] == []


@labelled_notes
def test_evidence_and_only_evidence_names_a_labelled_parent(note):
    points = _labels_of(note)["points"]
    backed = {point["text"] for point in points if point["kind"] != "evidence"}
    for point in points:
        if point["kind"] == "evidence":
            assert point.get("parent") in backed, point
        else:
            assert "parent" not in point, point


@labelled_notes
def test_thesis_and_metadata_are_not_labelled_as_points(note):
    labels = _labels_of(note)
    points = " | ".join(point["text"] for point in labels["points"])
    outside = [labels["thesis"]] if labels["thesis"] else []
    outside += labels["meta"] or []
    assert [substring for substring in outside if substring in points] == []
