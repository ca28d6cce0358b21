"""DF-QuAD strengths, the verdict, sensitivity and balance, against values computed by hand."""

from __future__ import annotations

import pytest
from conftest import SEED_MAP

from argmap.analysis import balance, base_score, compute_strengths, sensitivity, verdict
from argmap.model import ArgumentMap, Node
from argmap.skeletons import skeleton_map
from argmap.store import load_path


def build(*nodes: dict, **fields) -> ArgumentMap:
    return ArgumentMap.model_validate({"title": "Test", **fields, "nodes": list(nodes)})


def node(node_id: str, kind: str, score: float | None = None, **fields) -> dict:
    return {"id": node_id, "kind": kind, "text": f"Text of {node_id}.", "score": score, **fields}


def test_one_attacker_at_half_and_one_supporter_at_point_eight_give_point_six_five():
    m = build(
        node("t", "thesis", 0.5),
        node("against", "counterpoint", 0.5, opposes=["t"]),
        node("for", "claim", 0.8, supports=["t"]),
    )
    assert compute_strengths(m).strength["t"] == pytest.approx(0.65)


def test_a_node_without_attackers_or_supporters_keeps_its_base_score():
    m = build(node("t", "thesis", 0.3))
    strengths = compute_strengths(m)
    assert strengths.strength["t"] == strengths.base["t"] == 0.3
    assert strengths.converged and strengths.rounds == 1


def test_a_chain_is_evaluated_from_the_leaves_up():
    # evidence 0.8 -> claim: 0.5 + 0.5 * 0.8 = 0.9 -> thesis: 0.5 + 0.5 * 0.9 = 0.95
    m = build(
        node("t", "thesis", 0.5),
        node("c", "claim", 0.5, supports=["t"]),
        node("e", "evidence", 0.8, supports=["c"]),
    )
    assert compute_strengths(m).strength == pytest.approx({"t": 0.95, "c": 0.9, "e": 0.8})


def test_a_diamond_counts_the_shared_evidence_on_both_paths():
    # a = 0.6 + 0.4 * 0.4 = 0.76; b = 0.5 - 0.5 * 0.4 = 0.3; t = 0.5 + 0.5 * (0.76 - 0.3) = 0.73
    m = build(
        node("t", "thesis", 0.5),
        node("a", "claim", 0.6, supports=["t"]),
        node("b", "counterpoint", 0.5, opposes=["t"]),
        node("e", "evidence", 0.4, supports=["a"], opposes=["b"]),
    )
    assert compute_strengths(m).strength == pytest.approx({"t": 0.73, "a": 0.76, "b": 0.3, "e": 0.4})


def test_a_stronger_attack_lowers_the_base_score_in_proportion():
    # va = 1 - (1 - 0.5)(1 - 0.6) = 0.8; vs = 0.2; t = 0.5 - 0.5 * 0.6 = 0.2
    m = build(
        node("t", "thesis", 0.5),
        node("x", "counterpoint", 0.5, opposes=["t"]),
        node("y", "counterpoint", 0.6, opposes=["t"]),
        node("s", "claim", 0.2, supports=["t"]),
    )
    assert compute_strengths(m).strength["t"] == pytest.approx(0.2)


def test_a_cycle_is_iterated_to_its_fixed_point():
    # a = 0.5 + 0.5 b and b = 0.5 + 0.5 a meet at a = b = 1, so the thesis reaches 1 too.
    m = build(
        node("t", "thesis", 0.5),
        node("a", "claim", 0.5, supports=["t", "b"]),
        node("b", "claim", 0.5, supports=["a"]),
    )
    strengths = compute_strengths(m)
    assert strengths.converged
    assert strengths.cyclic == {"a", "b"}
    assert strengths.rounds > 1
    assert strengths.strength == pytest.approx({"t": 1.0, "a": 1.0, "b": 1.0})


def test_a_cycle_cut_short_by_the_round_limit_is_reported_as_not_converged():
    m = build(
        node("t", "thesis", 0.5),
        node("a", "claim", 0.5, supports=["t", "b"]),
        node("b", "claim", 0.5, supports=["a"]),
    )
    strengths = compute_strengths(m, max_rounds=3)
    assert not strengths.converged
    assert strengths.unconverged == {"a", "b"}
    assert "did not settle" in verdict(m, strengths).sentence


def test_context_frames_the_question_without_changing_the_thesis_strength():
    m = build(node("t", "thesis", 0.4), node("ctx", "context", 0.9, supports=["t"]))
    assert compute_strengths(m).strength["t"] == 0.4


def test_sourced_statistics_start_higher_than_unsourced_ones_and_an_own_score_wins():
    source = [{"title": "Annual report"}]
    sourced = Node(id="s", kind="evidence", text="x", basis="statistic", sources=source)
    unsourced = Node(id="u", kind="evidence", text="x", basis="statistic")
    scored = Node(id="o", kind="evidence", text="x", basis="statistic", score=0.3)
    common = Node(id="k", kind="evidence", text="x", basis="common knowledge")
    assert base_score(sourced) == 0.8
    assert base_score(unsourced) == 0.5
    assert base_score(scored) == 0.3
    assert base_score(common) == 0.6
    assert base_score(Node(id="c", kind="claim", text="x")) == 0.5


def test_the_verdict_names_the_sides_in_the_maps_own_words():
    m = skeleton_map("bilateral", "India and Russia")
    assert verdict(m).sentence == (
        "The thesis stands (about 6 in 10): the case for (convergences: 1 point) outweighs the case against "
        "(irritants: 1 point); the strongest objection is “An irritant that strains the relationship” (a weak point)."
    )


def test_the_verdict_without_vocabulary_speaks_of_supporting_lines_and_objections():
    m = build(
        node("t", "thesis", 0.5),
        node("x", "counterpoint", 0.9, opposes=["t"]),
        node("s", "claim", 0.2, supports=["t"]),
    )
    judgement = verdict(m)
    assert judgement.holds is False
    assert judgement.unanswered == ("x",)
    assert judgement.sentence == (
        "The thesis does not stand (about 1 in 10): the case against (objections: 1 point) outweighs the case for "
        "(supporting lines: 1 point); the strongest objection is “Text of x” (a strong point), still unanswered."
    )


def test_a_map_without_thesis_gets_a_verdict_that_says_so():
    m = build(node("c", "claim", 0.5))
    assert verdict(m).sentence == "The map has no thesis, so there is nothing to judge."


def test_the_seed_map_verdict_reports_the_thesis_strength_and_its_unanswered_irritants():
    m = load_path(SEED_MAP).map
    strengths = compute_strengths(m)
    judgement = verdict(m, strengths)
    assert judgement.thesis == m.thesis().id
    assert judgement.sentence.startswith(
        f"The thesis stands (about {round(strengths.strength[judgement.thesis] * 10)} in 10): the case for (convergences: "
    )
    answered_by = {"rebuttal", "recommendation"}
    for counterpoint in (n for n in m.nodes if n.kind == "counterpoint"):
        answered = any(
            r.type == "opposes" and child.kind in answered_by for r, child in m.children(counterpoint.id)
        )
        assert (counterpoint.id in judgement.unanswered) is not answered


def test_sensitivity_ranks_the_nodes_whose_removal_moves_the_thesis_most():
    # Thesis 0.625. Without the convergence: 0.375. Without the irritant: 0.75. Without the
    # way forward the irritant is back at 0.5, which cancels the convergence: 0.5.
    m = skeleton_map("bilateral", "India and Russia")
    ranking = sensitivity(m, "thesis")
    assert [(i.node, round(i.without, 6), round(i.change, 6)) for i in ranking] == [
        ("convergence", 0.375, -0.25),
        ("irritant", 0.75, 0.125),
        ("way-forward", 0.5, -0.125),
        ("context", 0.625, 0.0),
    ]


def test_sensitivity_inside_a_cycle_matches_a_recomputation_without_the_node():
    m = build(
        node("t", "thesis", 0.5),
        node("a", "claim", 0.5, supports=["t", "b"]),
        node("b", "claim", 0.5, supports=["a"]),
        node("x", "counterpoint", 0.5, opposes=["a"]),
    )
    without_x = build(
        node("t", "thesis", 0.5),
        node("a", "claim", 0.5, supports=["t", "b"]),
        node("b", "claim", 0.5, supports=["a"]),
    )
    influence = {i.node: i for i in sensitivity(m, "t")}
    assert influence["x"].without == pytest.approx(compute_strengths(without_x).strength["t"])


def test_sensitivity_of_an_unknown_node_names_it():
    with pytest.raises(KeyError, match="nowhere"):
        sensitivity(skeleton_map("blank", "T"), "nowhere")


def test_balance_weighs_each_dimension_on_both_sides():
    m = build(
        node("t", "thesis", 0.5),
        node("c", "claim", 0.6, supports=["t"], tags=["defence"]),
        node("e", "evidence", 0.5, supports=["c"], tags=["defence"]),
        node("x", "counterpoint", 0.4, opposes=["t"], tags=["defence", "economy"]),
    )
    rows = {row.tag: row for row in balance(m)}
    # The evidence counts through its claim (0.6 + 0.4 * 0.5 = 0.8), not a second time.
    assert rows["defence"].for_strength == pytest.approx(0.8)
    assert rows["defence"].for_nodes == ("c", "e")
    assert rows["defence"].against_strength == pytest.approx(0.4)
    assert rows["economy"].for_nodes == ()
    assert rows["economy"].against_nodes == ("x",)


def test_balance_counts_an_attacker_against_even_when_its_parent_shares_the_tag():
    # The counterpoint opposes a thesis tagged like itself: it argues against, whatever the
    # thesis's tags, and the thesis is not a point on its own side.
    m = build(
        node("t", "thesis", 0.5, tags=["economy"]),
        node("c", "claim", 0.5, supports=["t"], tags=["economy"]),
        node("cp", "counterpoint", 0.9, opposes=["t"], tags=["economy"]),
    )
    (row,) = balance(m)
    assert row.for_strength == pytest.approx(0.5)
    assert row.against_strength == pytest.approx(0.9)
    assert row.for_nodes == ("c",)
    assert row.against_nodes == ("cp",)


def test_balance_counts_a_rebuttal_for_even_when_the_counterpoint_it_answers_shares_the_tag():
    m = build(
        node("t", "thesis", 0.5),
        node("x", "counterpoint", 0.6, opposes=["t"], tags=["defence"]),
        node("r", "rebuttal", 0.5, opposes=["x"], tags=["defence"]),
        node("e", "evidence", 0.4, supports=["x"], tags=["defence"]),
    )
    rows = {row.tag: row for row in balance(m)}
    # Attack 0.5 outweighs support 0.4, so x = 0.6 - 0.6 * 0.1 = 0.54; the evidence counts
    # through x, and the rebuttal on its own, for the thesis.
    assert rows["defence"].for_strength == pytest.approx(0.5)
    assert rows["defence"].for_nodes == ("r",)
    assert rows["defence"].against_strength == pytest.approx(0.54)
    assert rows["defence"].against_nodes == ("x", "e")


def test_balance_of_the_seed_maps_strategic_dimension_weighs_its_irritants():
    seed = load_path(SEED_MAP).map
    strengths = compute_strengths(seed)
    thesis = seed.thesis()
    assert thesis is not None and "strategic" in thesis.tags
    rows = {row.tag: row for row in balance(seed, strengths)}
    strategic = rows["strategic"]
    assert strategic.against_nodes == ("west-tilt", "quad-restart", "china-pivot")
    assert strategic.against_strength > 0
    # quad-restart supports west-tilt, so it counts through it: F(west-tilt, china-pivot).
    west, pivot = strengths.strength["west-tilt"], strengths.strength["china-pivot"]
    assert strategic.against_strength == pytest.approx(1 - (1 - west) * (1 - pivot))
    assert thesis.id not in strategic.for_nodes
    assert strategic.for_strength != pytest.approx(strengths.strength[thesis.id])
