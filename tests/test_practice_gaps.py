"""The other side's arguments a side cannot answer from the map, each with a prompt to prepare one."""

from __future__ import annotations

from argmap.model import ArgumentMap
from argmap.practice import DEBATE_FORMATS, Side
from argmap.practice.gaps import gap_report, gap_summary, gaps


def _map(*nodes: dict) -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": "Debate",
            "nodes": [
                {"id": "t", "kind": "thesis", "text": "The motion."},
                {"id": "pro", "kind": "claim", "supports": ["t"], "text": "Schools improve."},
                {"id": "con", "kind": "counterpoint", "opposes": ["t"], "text": "It costs too much."},
                *nodes,
            ],
        }
    )


def test_an_argument_nobody_on_our_side_answers_is_a_gap():
    found = gaps(_map(), Side.AGAINST, {})

    assert [gap.node_id for gap in found] == ["pro"]
    assert found[0].answers is None


def test_an_answered_argument_is_no_gap():
    answered = _map({"id": "no", "kind": "counterpoint", "opposes": ["pro"], "text": "They do not."})

    assert gaps(answered, Side.AGAINST, {}) == []


def test_their_reply_to_our_argument_is_a_gap_that_names_what_it_answers():
    replied = _map({"id": "cheap", "kind": "rebuttal", "opposes": ["con"], "text": "It pays for itself."})

    found = {gap.node_id: gap for gap in gaps(replied, Side.AGAINST, {})}

    assert found["cheap"].answers == "con"


def test_an_unsupported_argument_is_named_as_asserted_with_no_evidence():
    gap = gaps(_map(), Side.AGAINST, {})[0]

    assert gap.weakest_link.startswith("it is asserted, not supported")
    assert gap.lacking.startswith("the map gives it no evidence")
    assert gap.prompt[2].startswith("Counter-example: ")


def test_the_weakest_link_is_the_least_firm_support():
    backed = _map(
        {"id": "study", "kind": "evidence", "supports": ["pro"], "basis": "statistic", "text": "Scores rose 9%.",
         "label": "Test scores"},
        {"id": "view", "kind": "evidence", "supports": ["pro"], "basis": "expert opinion", "text": "A head says so.",
         "label": "A head teacher"},
    )  # fmt: skip

    gap = gaps(backed, Side.AGAINST, {"study": 0.8, "view": 0.3})[0]

    assert gap.weakest_link == "its evidence “A head teacher”, the least firm of its 2 supports in the map."
    assert gap.weak_support == "A head says so."


def test_opinion_alone_is_named_as_lacking_facts():
    opined = _map(
        {"id": "view", "kind": "evidence", "supports": ["pro"], "basis": "expert opinion", "text": "So."}
    )

    gap = gaps(opined, Side.AGAINST, {})[0]

    assert gap.lacking == "only expert opinion behind it, no fact, statistic or event: ask what was measured."


def test_gaps_come_strongest_first():
    two = _map({"id": "pro2", "kind": "claim", "supports": ["t"], "text": "Pupils are happier."})

    assert [gap.node_id for gap in gaps(two, Side.AGAINST, {"pro": 0.2, "pro2": 0.9})] == ["pro2", "pro"]


def test_the_summary_counts_gaps_in_the_formats_words():
    assert (
        gap_summary(11, Side.AGAINST, DEBATE_FORMATS["bp"])
        == "The opposition has no answer to 11 government arguments."
    )
    assert (
        gap_summary(1, Side.FOR, DEBATE_FORMATS["ld"])
        == "The affirmative has no answer to 1 negative argument."
    )
    assert (
        gap_summary(0, Side.FOR) == "The proposition has an answer in the map to every opposition argument."
    )


def test_the_report_lists_both_sides_work_for_the_editor():
    report = gap_report(_map(), {})

    assert report.lines == (
        "The proposition has no answer to 1 opposition argument.",
        "The opposition has no answer to 1 proposition argument.",
    )
    assert report.total == 2


def test_a_map_without_a_thesis_has_no_gaps_to_report():
    loose = ArgumentMap.model_validate(
        {"title": "Loose", "nodes": [{"id": "c", "kind": "claim", "text": "A."}]}
    )

    assert gap_report(loose, {}).total == 0
