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


def test_at_least_four_in_five_labelled_points_are_placed_right():
    scores = score_corpus()
    assert sum(s.placed for s in scores) / sum(s.points for s in scores) >= 0.8


def test_more_than_half_the_answerable_counterpoints_are_linked_to_their_answer():
    scores = score_corpus()
    assert sum(s.linked for s in scores) / sum(s.answerable for s in scores) >= 0.55


def test_the_thesis_is_found_in_at_least_three_notes_in_four():
    scores = score_corpus()
    assert sum(s.thesis for s in scores) / len(scores) >= 0.75


def test_metadata_lines_stay_out_of_the_points_in_at_least_four_notes_in_five():
    scores = score_corpus()
    assert sum(s.meta for s in scores) / len(scores) >= 0.8
