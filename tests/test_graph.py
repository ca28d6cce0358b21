"""The graph view of a map (argmap.graph): each test one behaviour, on a small map made by hand."""

from __future__ import annotations

import pytest

from argmap.errors import ArgmapError
from argmap.graph import MapGraph, Side, UnknownNodeError, cycle_text, find_cycles, reach, spread
from argmap.model import ArgumentMap, RelationType


def a_map(*nodes: dict) -> ArgumentMap:
    return ArgumentMap.model_validate({"title": "T", "nodes": [{"text": n["id"], **n} for n in nodes]})


THESIS = {"id": "t", "kind": "thesis"}
#       t
#   c (for)     k (against)
#   e (evidence for c)    r (rebuttal of k)    x (context)
SMALL = a_map(
    THESIS,
    {"id": "c", "kind": "claim", "supports": ["t"]},
    {"id": "k", "kind": "counterpoint", "opposes": ["t"]},
    {"id": "e", "kind": "evidence", "supports": ["c"]},
    {"id": "r", "kind": "rebuttal", "opposes": ["k"]},
    {"id": "x", "kind": "context", "supports": ["t"]},
)


def test_descendants_are_every_node_with_a_path_up_and_never_the_node_itself():
    assert MapGraph.of(SMALL).descendants("t") == {"c", "k", "e", "r", "x"}
    assert MapGraph.of(SMALL).descendants("c") == {"e"}


def test_a_node_on_a_cycle_is_still_not_its_own_descendant():
    knot = a_map(
        THESIS,
        {"id": "a", "kind": "claim", "supports": ["t", "b"]},
        {"id": "b", "kind": "claim", "supports": ["a"]},
    )
    assert MapGraph.of(knot).descendants("a") == {"b"}


def test_subtree_is_the_node_and_what_hangs_below_it_in_map_order():
    assert MapGraph.of(SMALL).subtree("k") == ["k", "r"]


def test_only_below_keeps_a_node_that_also_hangs_from_elsewhere():
    shared = a_map(
        THESIS,
        {"id": "c", "kind": "claim", "supports": ["t"]},
        {"id": "d", "kind": "claim", "supports": ["t"]},
        {"id": "e", "kind": "evidence", "supports": ["c"]},
        {"id": "both", "kind": "evidence", "supports": ["c", "d"]},
    )
    assert MapGraph.of(shared).only_below("c") == ["e"]


def test_only_below_follows_a_chain_that_hangs_only_from_the_node():
    chain = a_map(
        THESIS,
        {"id": "c", "kind": "claim", "supports": ["t"]},
        {"id": "d", "kind": "claim", "supports": ["c"]},
        {"id": "e", "kind": "evidence", "supports": ["d"]},
    )
    assert MapGraph.of(chain).only_below("c") == ["d", "e"]


def test_an_unknown_node_is_the_projects_error_naming_it():
    with pytest.raises(UnknownNodeError, match="'nope'") as raised:
        MapGraph.of(SMALL).subtree("nope")
    assert isinstance(raised.value, ArgmapError)


def test_sides_follow_the_relations_down_from_the_thesis():
    sides = MapGraph.of(SMALL).sides()
    assert sides == {"t": Side.FOR, "c": Side.FOR, "e": Side.FOR, "k": Side.AGAINST, "r": Side.FOR}


def test_context_and_nodes_off_the_thesis_have_no_side():
    loose = a_map(THESIS, {"id": "x", "kind": "context", "supports": ["t"]}, {"id": "lone", "kind": "claim"})
    assert MapGraph.of(loose).sides() == {"t": Side.FOR}
    assert MapGraph.of(loose).sides_reached() == {"t": frozenset({Side.FOR})}


def test_a_map_without_a_thesis_has_no_sides():
    assert MapGraph.of(a_map({"id": "c", "kind": "claim"})).sides() == {}


# A node reached on both sides: evidence `both` supports a convergence and an irritant.
TWO_SIDES = a_map(
    THESIS,
    {"id": "k", "kind": "counterpoint", "opposes": ["t"]},
    {"id": "c", "kind": "claim", "supports": ["t"]},
    {"id": "both", "kind": "evidence", "supports": ["k", "c"]},
)


def test_a_node_reached_on_both_sides_is_reported_on_both():
    assert MapGraph.of(TWO_SIDES).sides_reached()["both"] == frozenset({Side.FOR, Side.AGAINST})


def test_between_equally_near_parents_the_one_the_node_names_first_decides():
    # both parents are one step below the thesis; the node names the irritant `k` first
    assert MapGraph.of(TWO_SIDES).sides()["both"] is Side.AGAINST
    reordered = a_map(
        *[{**n, "supports": ["c", "k"]} if n["id"] == "both" else n for n in TWO_SIDES.model_dump()["nodes"]]
    )
    assert MapGraph.of(reordered).sides()["both"] is Side.FOR


def test_the_nearest_parent_decides_over_the_one_named_first():
    deep = a_map(
        THESIS,
        {"id": "c", "kind": "claim", "supports": ["t"]},
        {"id": "k", "kind": "counterpoint", "opposes": ["c"]},  # against, two steps down
        {"id": "d", "kind": "claim", "supports": ["t"]},  # for, one step down
        {"id": "both", "kind": "evidence", "supports": ["k", "d"]},
    )
    assert MapGraph.of(deep).sides()["both"] is Side.FOR


def test_the_side_named_is_always_one_of_the_sides_reached():
    graph = MapGraph.of(TWO_SIDES)
    reached = graph.sides_reached()
    assert all(side in reached[node] for node, side in graph.sides().items())


def test_answers_to_a_counterpoint_are_its_rebuttals_and_remedies_in_map_order():
    answered = a_map(
        THESIS,
        {"id": "k", "kind": "counterpoint", "opposes": ["t"]},
        {"id": "fix", "kind": "recommendation", "opposes": ["k"]},
        {"id": "r", "kind": "rebuttal", "opposes": ["k"]},
        {"id": "doubt", "kind": "evidence", "opposes": ["k"]},
    )
    assert [n.id for n in MapGraph.of(answered).answers("k")] == ["fix", "r"]


def test_evidence_under_a_node_is_the_evidence_that_supports_it():
    backed = a_map(
        THESIS,
        {"id": "c", "kind": "claim", "supports": ["t"]},
        {"id": "for-c", "kind": "evidence", "supports": ["c"]},
        {"id": "against-c", "kind": "evidence", "opposes": ["c"]},
        {"id": "sub", "kind": "claim", "supports": ["c"]},
    )
    graph = MapGraph.of(backed)
    assert [n.id for n in graph.evidence("c")] == ["for-c"]
    assert [n.id for n in graph.reasons("c")] == ["sub"]


def test_main_points_are_the_claims_for_and_the_counterpoints_against_the_thesis():
    graph = MapGraph.of(SMALL)
    assert [n.id for n in graph.main_points(Side.FOR)] == ["c"]
    assert [n.id for n in graph.main_points("against")] == ["k"]


def test_a_knot_is_reported_once_as_its_shortest_cycle_from_its_first_node():
    knot = a_map(
        THESIS,
        {"id": "a", "kind": "claim", "supports": ["t", "c"]},
        {"id": "b", "kind": "claim", "supports": ["a"]},
        {"id": "c", "kind": "claim", "supports": ["b", "a"]},
    )
    assert find_cycles(knot) == [["a", "c"]]


def test_an_acyclic_map_has_no_cycles():
    assert MapGraph.of(SMALL).cycles() == []


def test_components_come_leaves_first():
    order = [member for component in MapGraph.of(SMALL).components_leaves_first() for member in component]
    assert order.index("e") < order.index("c") < order.index("t")


def test_a_long_cycle_is_written_with_its_ends_and_a_count():
    assert cycle_text(["a", "b"]) == "a -> b -> a"
    assert "… 8 more …" in cycle_text([f"n{i}" for i in range(20)])


def test_reach_and_spread_walk_any_adjacency_breadth_first():
    drafts = {
        "r": [("a", RelationType.SUPPORTS), ("b", RelationType.OPPOSES)],
        "a": [("b", RelationType.SUPPORTS)],
        "b": [],
    }
    assert reach(drafts, "r") == {"a", "b"}
    assert list(spread(drafts, ["r"], set())) == [
        ("r", RelationType.SUPPORTS, "a"),
        ("r", RelationType.OPPOSES, "b"),
    ]
