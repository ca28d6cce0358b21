"""Strengths in plain words: the sentence that says what moved a point, and its side."""

from __future__ import annotations

from argmap.analysis import compute_strengths
from argmap.analysis.plain import point_strengths
from argmap.graph import MapGraph
from argmap.model import ArgumentMap


def explained(nodes: list[dict]) -> dict[str, tuple[str, str]]:
    argument_map = ArgumentMap.model_validate({"title": "T", "nodes": nodes})
    rows = point_strengths(MapGraph.of(argument_map), compute_strengths(argument_map))
    return {row.node: (row.side, row.why) for row in rows}


THESIS = {"id": "t", "kind": "thesis", "text": "Ties hold."}


def test_two_pieces_of_evidence_raise_a_point_in_one_sentence():
    rows = explained(
        [
            THESIS,
            {"id": "c", "kind": "claim", "supports": ["t"], "text": "Trade grows."},
            {"id": "e1", "kind": "evidence", "supports": ["c"], "text": "A figure.", "score": 0.6},
            {"id": "e2", "kind": "evidence", "supports": ["c"], "text": "A treaty.", "score": 0.5},
        ]
    )
    assert rows["c"] == ("for", "Two pieces of evidence raise it from 0.50 to 0.90.")


def test_an_objection_lowers_a_point_and_argues_against_the_thesis():
    rows = explained(
        [THESIS, {"id": "x", "kind": "counterpoint", "opposes": ["t"], "text": "Trade falls.", "score": 0.5}]
    )
    assert rows["t"][1] == "One objection lowers it from 0.50 to 0.25."
    assert rows["x"] == ("against", "Nothing in the map bears on it: it keeps its starting strength, 0.50.")


def test_points_for_and_against_are_named_apart():
    rows = explained(
        [
            THESIS,
            {"id": "c", "kind": "claim", "supports": ["t"], "text": "Trade grows."},
            {"id": "x", "kind": "counterpoint", "opposes": ["t"], "text": "Trade falls."},
        ]
    )
    assert rows["t"][1] == "One supporting point raises it and one objection lowers it: it stays at 0.50."


def test_context_is_not_listed_as_a_point():
    rows = explained([THESIS, {"id": "k", "kind": "context", "supports": ["t"], "text": "In 2020 …"}])
    assert "k" not in rows
