"""The map's rules: each rejected case names the node and says what is wrong."""

from __future__ import annotations

import pytest

from argmap.graph import find_cycles
from argmap.model import (
    ArgumentMap,
    Kind,
    MapRuleError,
    RelationType,
    derive_label,
)
from argmap.rules import allowed_parent_kinds, slugify


def build(*nodes: dict, **fields) -> ArgumentMap:
    return ArgumentMap.model_validate({"title": "T", **fields, "nodes": list(nodes)})


def messages(*nodes: dict) -> list[str]:
    with pytest.raises(MapRuleError) as caught:
        build(*nodes)
    return [problem.message for problem in caught.value.problems]


THESIS = {"id": "thesis", "kind": "thesis", "text": "Ties remain strong."}


def test_a_valid_map_has_relations_derived_from_each_nodes_parents():
    argument_map = build(
        THESIS,
        {"id": "defence", "kind": "claim", "supports": ["thesis"], "text": "Arms."},
        {"id": "mi35", "kind": "counterpoint", "opposes": ["thesis"], "text": "Mi-35 sale."},
    )
    assert [(r.id, r.type) for r in argument_map.relations()] == [
        ("defence->thesis", RelationType.SUPPORTS),
        ("mi35->thesis", RelationType.OPPOSES),
    ]


def test_node_ids_must_be_slugs():
    assert messages({"id": "Bad Id", "kind": "thesis", "text": "x"}) == [
        "node id 'Bad Id' must be lower-case letters, digits and single hyphens "
        "(at most 64 characters), e.g. 'nuclear-energy'"
    ]


def test_node_ids_must_be_unique():
    assert messages(THESIS, {"id": "thesis", "kind": "claim", "text": "again"}) == [
        "node id 'thesis' is used more than once"
    ]


def test_every_relation_end_must_exist():
    assert messages(THESIS, {"id": "a", "kind": "claim", "supports": ["nowhere"], "text": "x"}) == [
        "node 'a' supports 'nowhere', which does not exist"
    ]


def test_a_node_cannot_relate_to_itself():
    assert messages({"id": "a", "kind": "claim", "supports": ["a"], "text": "x"}) == [
        "node 'a' supports itself"
    ]


def test_a_node_cannot_relate_to_the_same_parent_twice():
    found = messages(
        THESIS, {"id": "e", "kind": "evidence", "supports": ["thesis"], "opposes": ["thesis"], "text": "x"}
    )
    assert found == ["node 'e' relates to 'thesis' more than once"]


def test_at_most_one_thesis():
    found = messages(THESIS, {"id": "other", "kind": "thesis", "text": "x"})
    assert found == ["node 'other' is a second thesis; a map has at most one (the first is 'thesis')"]


def test_a_counterpoint_cannot_support():
    found = messages(THESIS, {"id": "c", "kind": "counterpoint", "supports": ["thesis"], "text": "x"})
    assert found == [
        "node 'c' (counterpoint) cannot support 'thesis' (thesis): a counterpoint only opposes its parent"
    ]


def test_a_claim_cannot_oppose():
    found = messages(THESIS, {"id": "c", "kind": "claim", "opposes": ["thesis"], "text": "x"})
    assert found == ["node 'c' (claim) cannot oppose 'thesis' (thesis): a claim only supports its parent"]


def test_a_counterpoint_against_a_counterpoint_is_a_rebuttal():
    found = messages(
        THESIS,
        {"id": "c", "kind": "counterpoint", "opposes": ["thesis"], "text": "x"},
        {"id": "d", "kind": "counterpoint", "opposes": ["c"], "text": "y"},
    )
    assert found == [
        "node 'd' (counterpoint) cannot oppose 'c' (counterpoint): an answer to a counterpoint is a rebuttal"
    ]


def test_a_rebuttal_answers_only_counterpoints():
    found = messages(THESIS, {"id": "r", "kind": "rebuttal", "opposes": ["thesis"], "text": "x"})
    assert found == [
        "node 'r' (rebuttal) cannot oppose 'thesis' (thesis): a rebuttal may oppose only counterpoint"
    ]


def test_the_thesis_has_no_parents():
    found = messages(
        {"id": "c", "kind": "claim", "text": "x"},
        {"id": "t", "kind": "thesis", "supports": ["c"], "text": "y"},
    )
    assert found == [
        "node 't' (thesis) cannot support 'c' (claim): the thesis is the root and has no parents"
    ]


def test_only_evidence_has_basis_and_sources():
    found = messages(
        {"id": "t", "kind": "thesis", "text": "x", "basis": "fact", "sources": [{"title": "A note"}]},
    )
    assert found == [
        "node 't' has a basis, but only evidence has one",
        "node 't' lists sources, but only evidence carries sources; add an evidence node under it",
    ]


def test_all_problems_are_reported_together_in_node_order():
    found = messages(
        {"id": "a", "kind": "claim", "supports": ["ghost"], "text": "x"},
        {"id": "b", "kind": "claim", "supports": ["b"], "text": "y"},
    )
    assert found == ["node 'a' supports 'ghost', which does not exist", "node 'b' supports itself"]


def test_cycles_are_legal_and_reported():
    argument_map = build(
        {"id": "a", "kind": "claim", "supports": ["b"], "text": "x"},
        {"id": "b", "kind": "claim", "supports": ["a"], "text": "y"},
    )
    assert find_cycles(argument_map) == [["a", "b"]]


def test_a_map_without_cycles_reports_none():
    assert find_cycles(build(THESIS, {"id": "a", "kind": "claim", "supports": ["thesis"], "text": "x"})) == []


def test_allowed_pairs_follow_the_documented_table():
    assert allowed_parent_kinds(Kind.REBUTTAL, RelationType.OPPOSES) == {Kind.COUNTERPOINT}
    assert allowed_parent_kinds(Kind.CONTEXT, RelationType.SUPPORTS) == {Kind.THESIS, Kind.CONTEXT}
    assert allowed_parent_kinds(Kind.THESIS, RelationType.SUPPORTS) == frozenset()


def test_label_is_derived_from_the_first_sentence_when_not_given():
    node = build({"id": "t", "kind": "thesis", "text": "Ties remain strong. They rest on trust."}).nodes[0]
    assert node.display_label == "Ties remain strong"


def test_a_long_derived_label_is_cut_at_a_word():
    label = derive_label("Russia has remained one of the largest suppliers of defence equipment to India")
    assert label.endswith("…") and len(label) <= 48 and " equipm" not in label


def test_slugify_makes_ascii_slugs():
    assert slugify("India’s tilt to the West (Quad)") == "indias-tilt-to-the-west-quad"


def test_base_score_must_lie_between_zero_and_one():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        build({"id": "t", "kind": "thesis", "text": "x", "score": 1.5})


def test_evidence_is_named_without_an_article():
    found = messages(
        THESIS,
        {"id": "e", "kind": "evidence", "basis": "fact", "supports": ["thesis"], "text": "y"},
        {"id": "f", "kind": "evidence", "basis": "fact", "supports": ["e"], "text": "z"},
    )
    assert found == [
        "node 'f' (evidence) cannot support 'e' (evidence): "
        "evidence may support only claim, counterpoint, rebuttal, recommendation, thesis"
    ]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("India–Japan relations", "india-japan-relations"),  # a dash separates words
        ("Café—au lait", "cafe-au-lait"),
        ("India's tilt", "indias-tilt"),
        ("भारत रूस संबंध", ""),  # no Latin letters: the caller picks a fallback name
    ],
)
def test_slugs_keep_words_apart_and_drop_accents(text: str, slug: str):
    assert slugify(text) == slug
