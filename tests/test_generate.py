"""Synthetic maps: valid, deterministic, the size asked for, and shaped like real maps."""

from __future__ import annotations

from collections import Counter

import pytest

from argmap.cli import main
from argmap.generate import generate_map
from argmap.graph import find_cycles
from argmap.mapfile import dump_map, parse_map
from argmap.model import Kind, RelationType


def test_generated_map_has_exactly_the_nodes_asked_for():
    for size in (1, 2, 7, 120):
        assert len(generate_map(size, seed=5).nodes) == size


def test_same_seed_gives_the_same_file_and_another_seed_a_different_one():
    assert dump_map(generate_map(200, seed=3)) == dump_map(generate_map(200, seed=3))
    assert dump_map(generate_map(200, seed=3)) != dump_map(generate_map(200, seed=4))


def test_generated_map_survives_a_round_trip_through_the_file_format():
    text = dump_map(generate_map(300, seed=1))
    assert dump_map(parse_map(text)) == text


def test_generated_map_has_one_thesis_and_every_kind_in_a_realistic_mix():
    counts = Counter(node.kind for node in generate_map(500, seed=2).nodes)
    assert counts[Kind.THESIS] == 1
    assert counts[Kind.CONTEXT] >= 1
    for kind in (Kind.CLAIM, Kind.COUNTERPOINT, Kind.REBUTTAL, Kind.EVIDENCE, Kind.RECOMMENDATION):
        assert counts[kind] >= 25, f"only {counts[kind]} {kind.value} nodes in 500"


def test_rebuttals_answer_counterpoints_and_evidence_has_basis_and_sources():
    argument_map = generate_map(400, seed=9)
    kinds = {node.id: node.kind for node in argument_map.nodes}
    rebuttals = [n for n in argument_map.nodes if n.kind is Kind.REBUTTAL]
    assert rebuttals and all(kinds[p] is Kind.COUNTERPOINT for n in rebuttals for p in n.opposes)
    evidence = [n for n in argument_map.nodes if n.kind is Kind.EVIDENCE]
    assert all(n.basis is not None for n in evidence)
    assert sum(1 for n in evidence if n.sources) > len(evidence) // 2


def test_points_sit_at_several_depths_without_cycles():
    argument_map = generate_map(500, seed=4)
    parent = {r.source: r.target for r in argument_map.relations()}
    depths = set()
    for node in argument_map.nodes:
        depth, current = 0, node.id
        while current in parent:
            current, depth = parent[current], depth + 1
        depths.add(depth)
    assert {1, 2, 3, 4} <= depths
    assert find_cycles(argument_map) == []
    assert {r.type for r in argument_map.relations()} == {RelationType.SUPPORTS, RelationType.OPPOSES}


def test_generated_map_uses_five_to_twelve_dimension_tags():
    for seed in range(6):
        tags = generate_map(300, seed=seed).all_tags()
        assert 5 <= len(tags) <= 12


def test_generated_texts_are_sentences_a_person_could_read():
    for node in generate_map(100, seed=0).nodes:
        assert node.text[0].isupper() and node.text.endswith("."), node.text
        assert "{" not in node.text


def test_generate_command_writes_the_same_file_for_the_same_seed(tmp_path, capsys):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert main(["generate", "--nodes", "60", "--seed", "7", "-o", str(first)]) == 0
    assert main(["generate", "--nodes", "60", "--seed", "7", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert len(parse_map(first.read_text()).nodes) == 60
    assert "60 nodes" in capsys.readouterr().out


def test_generate_command_refuses_a_size_below_one_with_a_message(tmp_path, capsys):
    assert main(["generate", "--nodes", "0", "-o", str(tmp_path / "x.yaml")]) == 1
    assert "--nodes must be between 1" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_generate_map_rejects_a_size_below_one():
    with pytest.raises(ValueError, match="at least 1 node"):
        generate_map(0)
