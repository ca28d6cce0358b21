"""The notes importer measured on the labelled corpus in tests/fixtures/notes (see its README.md).

The floors sit a little under what the importer reaches, so that a change that makes it read real
notes worse fails here; benchmarks/bench_notes.py prints the figures per note.
"""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_notes import CORPUS, score_corpus


def test_the_labelled_corpus_has_notes_to_measure():
    assert len(list(CORPUS.glob("*.labels.yaml"))) >= 8


def test_at_least_seventeen_in_twenty_labelled_points_are_placed_right():
    scores = score_corpus()
    assert sum(s.placed for s in scores) / sum(s.points for s in scores) >= 0.85


def test_at_least_three_in_five_answerable_counterpoints_are_linked_to_their_answer():
    scores = score_corpus()
    assert sum(s.linked for s in scores) / sum(s.answerable for s in scores) >= 0.6


def test_the_thesis_is_found_in_at_least_nine_notes_in_ten():
    scores = score_corpus()
    assert sum(s.thesis for s in scores) / len(scores) >= 0.9


def test_no_metadata_line_of_any_note_becomes_a_point():
    assert [s.name for s in score_corpus() if not s.meta] == []
