"""The notes importer measured on the labelled corpus in tests/fixtures/notes (see its README.md).

The floors sit a little under what the importer reaches, so that a change that makes it read real
notes worse fails here; benchmarks/bench_notes.py prints the figures per note.

Points placed right are held batch by batch: the held-out batches, written by people who never
saw the reader and measured on arrival, sit far below the batches it was worked on (batch 8: 51%),
so one floor over the whole corpus would either miss a fall in the worked-on batches or fail on the
arrival of an honest new batch. Their low floors record where the reader stands, not a target: the
issue asks 85% of notes nobody has seen (benchmarks/README.md).
"""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_notes import CORPUS, score_corpus


def test_the_labelled_corpus_has_notes_to_measure():
    assert len(list(CORPUS.glob("*.labels.yaml"))) >= 8


#: The share of each batch's labelled points placed right, a little under what the reader reaches.
PLACED_FLOORS = {
    1: 0.95,
    2: 0.9,
    3: 0.85,
    4: 0.9,
    5: 0.9,
    6: 0.77,
    7: 0.58,
    8: 0.54,
    9: 0.59,
    10: 0.53,
    11: 0.68,
    12: 0.68,
}


def test_each_batch_keeps_its_share_of_points_placed_right():
    scores = score_corpus()
    assert {s.batch for s in scores} <= set(PLACED_FLOORS), "a new batch needs its floor"
    for batch, floor in PLACED_FLOORS.items():
        mine = [s for s in scores if s.batch == batch]
        assert sum(s.placed for s in mine) / sum(s.points for s in mine) >= floor, batch


def test_more_than_half_the_answerable_counterpoints_are_linked_to_their_answer():
    scores = score_corpus()
    assert sum(s.linked for s in scores) / sum(s.answerable for s in scores) >= 0.55


def test_the_thesis_is_found_in_at_least_three_notes_in_four():
    scores = score_corpus()
    assert sum(s.thesis for s in scores) / len(scores) >= 0.75


def test_metadata_lines_stay_out_of_the_points_in_at_least_four_notes_in_five():
    scores = score_corpus()
    assert sum(s.meta for s in scores) / len(scores) >= 0.8
