"""The rules of a map (argmap.rules): each test one behaviour, with the expected values written out
by hand from the table in the module's documentation, never read from the table the code uses."""

from __future__ import annotations

import pytest

from argmap.editing import EditError, link
from argmap.model import ArgumentMap, MapRuleError
from argmap.rules import (
    Kind,
    NewIds,
    RelationType,
    child_kinds,
    default_relation,
    kind_by_polarity,
    may_relate,
    refusal,
    relation_for,
)

SUP, OPP = RelationType.SUPPORTS, RelationType.OPPOSES

# Every (child kind, relation, parent kind) the documented table allows, written out by hand.
LEGAL = {
    *((Kind.CLAIM, SUP, p) for p in ("thesis", "claim", "counterpoint", "rebuttal", "recommendation")),
    *((Kind.COUNTERPOINT, OPP, p) for p in ("thesis", "claim", "rebuttal", "recommendation", "evidence")),
    (Kind.REBUTTAL, OPP, "counterpoint"),
    *(
        (Kind.EVIDENCE, r, p)
        for r in (SUP, OPP)
        for p in ("thesis", "claim", "counterpoint", "rebuttal", "recommendation")
    ),
    (Kind.RECOMMENDATION, SUP, "thesis"),
    (Kind.RECOMMENDATION, SUP, "claim"),
    (Kind.RECOMMENDATION, OPP, "counterpoint"),
    (Kind.CONTEXT, SUP, "thesis"),
    (Kind.CONTEXT, SUP, "context"),
}


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("relation", list(RelationType))
@pytest.mark.parametrize("parent", list(Kind))
def test_a_relation_is_allowed_exactly_when_the_documented_table_lists_it(kind, relation, parent):
    assert may_relate(kind, relation, parent) is ((kind, relation, parent.value) in LEGAL)


def test_a_counterpoint_under_a_counterpoint_is_refused_with_the_word_for_what_it_should_be():
    message = refusal("b", Kind.COUNTERPOINT, OPP, "a", Kind.COUNTERPOINT)
    assert (
        message
        == "node 'b' (counterpoint) cannot oppose 'a' (counterpoint): an answer to a counterpoint is a rebuttal"
    )


def test_a_kind_with_one_relation_is_told_which_one_it_has():
    assert refusal("c", Kind.CLAIM, OPP, "t", Kind.THESIS).endswith(": a claim only supports its parent")


def test_a_refused_new_node_is_called_by_its_kind_and_evidence_takes_no_article():
    assert refusal(None, Kind.EVIDENCE, SUP, "e", Kind.EVIDENCE) == (
        "evidence cannot support 'e' (evidence): "
        "evidence may support only claim, counterpoint, rebuttal, recommendation, thesis"
    )


def test_the_thesis_relates_to_nothing():
    assert relation_for(Kind.THESIS, Kind.CLAIM) is None
    assert refusal("t", Kind.THESIS, SUP, "c", Kind.CLAIM).endswith(
        "the thesis is the root and has no parents"
    )


def test_a_refused_link_and_a_refused_map_file_say_the_same():
    nodes = [
        {"id": "t", "kind": "thesis", "text": "t"},
        {"id": "k", "kind": "counterpoint", "text": "k", "opposes": ["t"]},
        {"id": "r", "kind": "rebuttal", "text": "r", "opposes": ["k"]},
        {"id": "c", "kind": "claim", "text": "c", "supports": ["t"]},
    ]
    m = ArgumentMap.model_validate({"title": "T", "nodes": nodes})
    with pytest.raises(EditError) as edited:
        link(m, "r", "c", OPP)
    broken = [*nodes[:2], {**nodes[2], "opposes": ["k", "c"]}, nodes[3]]
    with pytest.raises(MapRuleError) as loaded:
        ArgumentMap.model_validate({"title": "T", "nodes": broken})
    assert str(edited.value) == str(loaded.value) == refusal("r", Kind.REBUTTAL, OPP, "c", Kind.CLAIM)


@pytest.mark.parametrize(
    ("kind", "parent", "relation"),
    [
        (Kind.CLAIM, Kind.THESIS, SUP),
        (Kind.COUNTERPOINT, Kind.CLAIM, OPP),
        (Kind.REBUTTAL, Kind.COUNTERPOINT, OPP),
        (Kind.EVIDENCE, Kind.CLAIM, SUP),
        (Kind.RECOMMENDATION, Kind.CLAIM, SUP),
        (Kind.RECOMMENDATION, Kind.COUNTERPOINT, OPP),  # easing an irritant argues against it
        (Kind.CONTEXT, Kind.THESIS, SUP),
    ],
)
def test_a_new_child_takes_the_relation_its_kind_has_to_that_parent(kind, parent, relation):
    assert relation_for(kind, parent) is relation


def test_a_kind_that_cannot_hang_below_a_parent_gets_no_relation():
    assert relation_for(Kind.REBUTTAL, Kind.CLAIM) is None
    assert relation_for(Kind.CONTEXT, Kind.CLAIM) is None


def test_the_usual_relation_of_each_kind():
    assert [default_relation(kind) for kind in Kind] == [None, SUP, OPP, OPP, SUP, SUP, SUP]


def test_below_an_irritant_a_rebuttal_is_offered_first():
    assert child_kinds(Kind.COUNTERPOINT)[0] is Kind.REBUTTAL
    assert set(child_kinds(Kind.COUNTERPOINT)) == {
        Kind.CLAIM,
        Kind.REBUTTAL,
        Kind.EVIDENCE,
        Kind.RECOMMENDATION,
    }


def test_below_evidence_only_a_counterpoint_may_hang():
    assert child_kinds(Kind.EVIDENCE) == [Kind.COUNTERPOINT]


@pytest.mark.parametrize(
    ("relation", "parent", "kind"),
    [
        (SUP, Kind.THESIS, Kind.CLAIM),
        (OPP, Kind.THESIS, Kind.COUNTERPOINT),
        (OPP, Kind.COUNTERPOINT, Kind.REBUTTAL),
        (SUP, Kind.COUNTERPOINT, Kind.CLAIM),
    ],
)
def test_an_imported_statement_gets_its_kind_from_how_it_bears_on_its_parent(relation, parent, kind):
    assert kind_by_polarity(relation, parent) is kind


def test_a_new_id_is_the_slug_of_the_text():
    assert NewIds().make("India’s tilt to the West") == "indias-tilt-to-the-west"


def test_a_taken_id_gets_the_first_free_number():
    assert NewIds({"defence", "defence-2", "defence-4"}).make("Defence") == "defence-3"


def test_every_id_given_is_taken_for_the_next():
    ids = NewIds()
    assert [ids.make("Trade"), ids.make("trade"), ids.make("TRADE!")] == ["trade", "trade-2", "trade-3"]


def test_text_without_a_latin_letter_or_digit_gets_the_fallback():
    assert NewIds().make("—", fallback="claim") == "claim"
    assert NewIds().make("भारत", fallback="claim") == "claim"


def test_a_numbered_id_stays_within_the_length_limit():
    long = "x" * 64
    ids = NewIds({long})
    made = ids.free(long)
    assert made == "x" * 62 + "-2" and len(made) == 64
