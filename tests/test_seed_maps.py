"""The library's maps: every map is valid and canonical, and the seed map says all the note says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARGUMENTS, ROOT, SEED_MAP

from argmap.mapfile import dump_map, parse_map
from argmap.model import ArgumentMap, Kind, Node, RelationType
from argmap.store import load_path

LIBRARY_MAPS = sorted(ARGUMENTS.glob("*.yaml"))
IRRITANTS = ("west-tilt", "china-pivot", "mi35-sale")
ANSWERS = (Kind.REBUTTAL, Kind.RECOMMENDATION)


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load_path(SEED_MAP).map


def _text(node: Node) -> str:
    return f"{node.label or ''} {node.text}".lower()


def _relation(node: Node, parent: str) -> RelationType | None:
    return next((relation for relation, target in node.parents() if target == parent), None)


def _thesis_id(seed: ArgumentMap) -> str:
    thesis = seed.thesis()
    assert thesis is not None
    return thesis.id


def _nodes_mentioning(seed: ArgumentMap, *words: str) -> list[Node]:
    return [node for node in seed.nodes if all(word in _text(node) for word in words)]


# -- every map in the library ------------------------------------------------------------------


def test_the_library_holds_the_seed_map_and_two_more():
    assert SEED_MAP in LIBRARY_MAPS
    assert len(LIBRARY_MAPS) >= 3


@pytest.mark.parametrize("path", LIBRARY_MAPS, ids=lambda path: path.stem)
def test_every_library_map_validates_with_the_cli(path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert ": ok (" in result.stdout


@pytest.mark.parametrize("path", LIBRARY_MAPS, ids=lambda path: path.stem)
def test_every_library_map_round_trips_byte_for_byte(path: Path):
    text = path.read_text(encoding="utf-8")
    assert dump_map(parse_map(text, str(path))) == text


@pytest.mark.parametrize("path", LIBRARY_MAPS, ids=lambda path: path.stem)
def test_every_library_map_sets_question_directive_vocabulary_conclusion_and_tags(path: Path):
    argument_map = load_path(path).map
    assert argument_map.thesis() is not None
    assert argument_map.question and argument_map.directive and argument_map.vocabulary
    assert argument_map.conclusion and argument_map.tags


@pytest.mark.parametrize("path", LIBRARY_MAPS, ids=lambda path: path.stem)
def test_every_node_of_every_library_map_has_a_tag_and_a_label(path: Path):
    for node in load_path(path).map.nodes:
        assert node.tags, f"{node.id} has no tag"
        assert node.label, f"{node.id} has no label"


@pytest.mark.parametrize("path", LIBRARY_MAPS, ids=lambda path: path.stem)
def test_every_counterpoint_in_the_library_is_answered(path: Path):
    argument_map = load_path(path).map
    for node in argument_map.nodes:
        if node.kind is Kind.COUNTERPOINT:
            answers = [
                child
                for relation, child in argument_map.children(node.id)
                if child.kind in ANSWERS and relation.type is RelationType.OPPOSES
            ]
            assert answers, f"counterpoint {node.id} is left unanswered"


@pytest.mark.parametrize("path", LIBRARY_MAPS, ids=lambda path: path.stem)
def test_every_evidence_node_in_the_library_has_a_basis_and_a_source(path: Path):
    for node in load_path(path).map.nodes:
        if node.kind is Kind.EVIDENCE:
            assert node.basis is not None, f"evidence {node.id} has no basis"
            assert node.sources, f"evidence {node.id} cites no source"


def test_the_two_other_maps_use_debate_and_policy_vocabularies():
    vocabularies = {
        (m.vocabulary.for_, m.vocabulary.against)
        for m in (load_path(path).map for path in LIBRARY_MAPS)
        if m.vocabulary is not None
    }
    assert {("Proposition", "Opposition"), ("Benefits", "Challenges")} <= vocabularies


# -- the seed map's content --------------------------------------------------------------------


def test_the_seed_map_has_exactly_one_thesis_about_strong_ties_and_trust(seed: ArgumentMap):
    theses = [node for node in seed.nodes if node.kind is Kind.THESIS]
    assert len(theses) == 1
    assert "trust" in theses[0].text.lower()


def test_the_seed_map_frames_a_critically_examine_question_in_convergences_and_irritants(
    seed: ArgumentMap,
):
    assert seed.directive is not None and seed.directive.value == "critically examine"
    assert seed.vocabulary is not None
    assert (seed.vocabulary.for_, seed.vocabulary.against) == ("Convergences", "Irritants")
    assert seed.question and "critically examine" in seed.question.lower()
    assert seed.conclusion and "trust" in seed.conclusion.lower()


@pytest.mark.parametrize(
    "words",
    [
        ("putin",),
        ("covid",),
        ("sputnik",),
        ("2+2",),
        ("hydrogen",),
        ("2000", "declaration"),
        ("us", "china", "rivalry"),
        ("border",),
        ("west", "russia"),
        ("leadership",),
    ],
    ids=lambda words: "-".join(words),
)
def test_the_seed_map_keeps_each_point_of_the_context_as_a_context_node(seed, words):
    assert any(node.kind is Kind.CONTEXT for node in _nodes_mentioning(seed, *words)), words


def test_every_context_node_frames_the_thesis_directly_or_through_other_context(seed):
    thesis = _thesis_id(seed)
    index = seed.node_index()
    for node in seed.nodes:
        if node.kind is not Kind.CONTEXT:
            continue
        parent = node
        while parent.id != thesis:
            assert parent.supports, f"context {node.id} hangs loose"
            parent = index[parent.supports[0]]
            assert parent.kind in (Kind.CONTEXT, Kind.THESIS)


@pytest.mark.parametrize(
    ("claim", "words"),
    [
        ("defence", ("defence",)),
        ("nuclear-energy", ("kudankulam",)),
        ("nuclear-energy", ("rosatom",)),
        ("china-hedge", ("galwan",)),
        ("china-hedge", ("russian, indian and chinese",)),
        ("space", ("aryabhata",)),
        ("space", ("soyuz",)),
        ("space", ("crewed",)),
        ("counter-terrorism", ("comprehensive convention on international terrorism",)),
        ("new-sectors", ("mining", "robotics", "nanotechnology", "biotechnology")),
        ("far-east-arctic", ("arctic", "connectivity")),
        ("multilateral-support", ("security council",)),
        ("multilateral-support", ("nuclear suppliers group",)),
        ("multipolar-world", ("multipolar",)),
        ("all-weather-friend", ("all-weather",)),
    ],
    ids=lambda value: value if isinstance(value, str) else "-".join(value),
)
def test_each_convergence_is_a_claim_supporting_the_thesis_with_its_detail_beneath(seed, claim, words):
    node = seed.get(claim)
    assert node.kind is Kind.CLAIM
    assert _relation(node, _thesis_id(seed)) is RelationType.SUPPORTS
    beneath = [node, *(child for _, child in seed.children(claim))]
    assert any(all(word in _text(each) for word in words) for each in beneath), words


@pytest.mark.parametrize(
    ("irritant", "words"),
    [
        ("west-tilt", ("west",)),
        ("china-pivot", ("china",)),
        ("mi35-sale", ("mi-35", "pakistan")),
    ],
)
def test_each_irritant_is_a_counterpoint_opposing_the_thesis(seed, irritant, words):
    node = seed.get(irritant)
    assert node.kind is Kind.COUNTERPOINT
    assert _relation(node, _thesis_id(seed)) is RelationType.OPPOSES
    assert all(word in _text(node) for word in words)


def test_the_seed_map_has_no_irritants_beyond_the_three_of_the_note(seed):
    assert [node.id for node in seed.nodes if node.kind is Kind.COUNTERPOINT] == list(IRRITANTS)


@pytest.mark.parametrize("irritant", IRRITANTS)
def test_each_irritant_is_answered_by_a_rebuttal_or_recommendation_opposing_it(seed, irritant):
    answers = [
        child
        for relation, child in seed.children(irritant)
        if child.kind in ANSWERS and relation.type is RelationType.OPPOSES
    ]
    assert answers


@pytest.mark.parametrize(
    ("irritant", "words"),
    [
        ("west-tilt", ("quad",)),
        ("west-tilt", ("indo-pacific",)),
        ("china-pivot", ("crimea", "sanctions")),
        ("china-pivot", ("turkey", "iran", "pakistan")),
    ],
    ids=lambda value: value if isinstance(value, str) else "-".join(value),
)
def test_the_irritants_are_backed_by_the_evidence_of_the_note(seed, irritant, words):
    evidence = [child for _, child in seed.children(irritant) if child.kind is Kind.EVIDENCE]
    assert any(all(word in _text(each) for word in words) for each in evidence), words


@pytest.mark.parametrize(
    "words",
    [
        ("rebuild",),
        ("intelligence", "terrorism"),
        ("russia", "indo-pacific"),
        ("ric", "mistrust"),
        ("brics", "ric", "g20", "east asia summit", "sco"),
    ],
    ids=lambda words: "-".join(words),
)
def test_every_way_forward_point_is_a_recommendation(seed, words):
    nodes = _nodes_mentioning(seed, *words)
    assert any(node.kind is Kind.RECOMMENDATION for node in nodes), words


def test_every_recommendation_mitigates_an_irritant_or_advances_the_thesis(seed):
    allowed = {_thesis_id(seed), *IRRITANTS}
    for node in seed.nodes:
        if node.kind is Kind.RECOMMENDATION:
            parents = {parent for _, parent in node.parents()}
            assert parents and parents <= allowed, node.id


def test_the_recommendations_that_ease_an_irritant_oppose_that_irritant(seed):
    assert _relation(seed.get("indo-pacific-engagement"), "west-tilt") is RelationType.OPPOSES
    assert _relation(seed.get("ric-trilateral"), "china-pivot") is RelationType.OPPOSES


def test_every_seed_evidence_node_cites_the_note_or_a_named_publisher(seed):
    evidence = [node for node in seed.nodes if node.kind is Kind.EVIDENCE]
    assert len(evidence) >= 10
    for node in evidence:
        assert node.basis is not None, node.id
        assert any("study note" in source.title or source.publisher for source in node.sources), node.id


@pytest.mark.parametrize(
    ("node_id", "basis"),
    [
        ("kudankulam", "example"),
        ("dae-rosatom-vision", "agreement"),
        ("aryabhata-soyuz", "event"),
        ("ric-after-galwan", "event"),
        ("crimea-sanctions", "event"),
        ("quad-restart", "event"),
        ("sputnik-v-approval", "event"),
    ],
)
def test_the_key_facts_of_the_note_are_evidence_with_a_fitting_basis(seed, node_id, basis):
    node = seed.get(node_id)
    assert node.kind is Kind.EVIDENCE
    assert node.basis is not None and node.basis.value == basis


def test_every_seed_node_has_a_tag_and_a_short_label(seed):
    for node in seed.nodes:
        assert node.tags, node.id
        assert node.label and len(node.label) <= 40, node.id


def test_the_seed_map_is_tagged_by_dimension(seed):
    expected = {
        "defence",
        "nuclear-energy",
        "strategic",
        "space",
        "counter-terrorism",
        "economy",
        "multilateral",
        "geopolitics",
        "health",
        "diplomacy",
    }
    assert expected <= set(seed.all_tags())


def test_argmap_show_reports_the_seed_maps_counts_by_kind():
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "show", str(SEED_MAP), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    kinds = info["kinds"]
    assert kinds["thesis"] == 1
    assert kinds["claim"] >= 9
    assert kinds["counterpoint"] == 3
    assert kinds["rebuttal"] >= 1 and kinds["recommendation"] >= 5
    assert kinds["evidence"] >= 10
    assert kinds["context"] >= 10
    assert 45 <= info["nodes"] <= 60
    assert info["cycles"] == []
    assert info["directive"] == "critically examine"
