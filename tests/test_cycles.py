"""Circular reasoning is reported once per knot of nodes, in bounded words, however many cycles it holds."""

from __future__ import annotations

from argmap.analysis import lint
from argmap.cli import main
from argmap.graph import cycle_text, find_cycles
from argmap.mapfile import dump_map
from argmap.model import ArgumentMap


def knot(size: int, first: int = 0, thesis: bool = True) -> list[dict]:
    """``size`` claims, each supporting the next and the first: ``size - 1`` cycles through the first."""
    ids = [f"c{first + index}" for index in range(size)]
    nodes = [{"id": "t", "kind": "thesis", "text": "The thesis."}] if thesis else []
    for index, node_id in enumerate(ids):
        supports = ([ids[index + 1]] if index + 1 < size else []) + ([ids[0]] if index else ["t"])
        nodes.append({"id": node_id, "kind": "claim", "supports": supports, "text": f"Claim {node_id}."})
    return nodes


def a_map(nodes: list[dict]) -> ArgumentMap:
    return ArgumentMap.model_validate({"title": "Loops", "nodes": nodes})


def test_a_knot_of_many_cycles_is_reported_once_as_its_shortest_cycle():
    assert find_cycles(a_map(knot(500))) == [["c0", "c1"]]


def test_separate_knots_are_each_reported_in_map_order():
    nodes = knot(3) + knot(4, first=10, thesis=False)
    assert find_cycles(a_map(nodes)) == [["c0", "c1"], ["c10", "c11"]]


def test_one_long_loop_is_reported_whole():
    nodes = [{"id": "t", "kind": "thesis", "text": "T."}]
    nodes += [
        {"id": f"c{i}", "kind": "claim", "supports": ["t", f"c{(i + 1) % 30}"], "text": f"C{i}."}
        for i in range(30)
    ]
    assert find_cycles(a_map(nodes)) == [[f"c{i}" for i in range(30)]]


def test_a_long_cycle_is_written_with_its_ends_and_a_count_of_the_rest():
    cycle = [f"c{i}" for i in range(30)]
    assert cycle_text(cycle) == (
        "c0 -> c1 -> c2 -> c3 -> c4 -> c5 -> c6 -> c7 -> c8 -> c9 -> … 18 more … -> c28 -> c29 -> c0"
    )


def test_lint_gives_one_cycle_error_for_a_knot():
    errors = [check for check in lint(a_map(knot(300))) if check.code == "cycle"]
    assert [check.message for check in errors] == [
        "These nodes argue in a circle (c0 → c1 → c0), so none of them can prove the others; break one relation."
    ]


def test_show_prints_one_line_for_a_knot(tmp_path, capsys):
    path = tmp_path / "knot.yaml"
    path.write_text(dump_map(a_map(knot(300))), encoding="utf-8")
    assert main(["show", str(path)]) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if line.startswith("Cycle")] == [
        "Cycle: c0 -> c1 -> c0"
    ]
