"""AIF JSON in and out: AIFdb and xAIF files from arguebuf, hand-written graphs, round trips."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS, SEED_MAP

from argmap.formats import FormatError, read_text, write_text
from argmap.mapfile import map_to_data
from argmap.model import Kind
from argmap.store import load_path

AIF = CORPUS / "aif"


def _read(document, name: str = "t.json"):
    return read_text(document if isinstance(document, str) else json.dumps(document), "aif", name)


def _edges(argument_map) -> set[tuple[str, str, str]]:
    return {(r.source, r.target, r.type.value) for r in argument_map.relations()}


def _graph(nodes, edges, **extra):
    return {
        "nodes": [{"nodeID": i, "text": t, "type": k} for i, k, t in nodes],
        "edges": [{"edgeID": n, "fromID": a, "toID": b} for n, (a, b) in enumerate(edges, start=1)],
        **extra,
    }


def test_the_739_node_xaif_file_imports_its_statements_and_skips_the_dialogue_layer():
    path = AIF / "recap-utr__arguebuf-typescript__test__xAifTestFile.json"
    result = _read(path.read_text(encoding="utf-8"), path.name)
    assert len(result.map.nodes) == 123  # its I nodes
    assert len(result.map.relations()) > 90
    assert any("235 L, 102 TA, 191 YA" in w for w in result.warnings)
    assert any("Speaker: " in (n.notes or "") for n in result.map.nodes)


@pytest.mark.parametrize(
    ("name", "nodes", "relations"),
    [
        ("recap-utr__arguebuf-python__data__6064-original.json", 9, 5),
        ("recap-utr__arguebuf-python__data__6064-reconstructed.json", 9, 8),
        ("recap-utr__arguebuf-typescript__data__xaif.json", 2, 1),
    ],
)
def test_aifdb_and_xaif_files_import(name, nodes, relations):
    argument_map = _read((AIF / name).read_text(encoding="utf-8"), name).map
    assert (len(argument_map.nodes), len(argument_map.relations())) == (nodes, relations)


def test_the_empty_xaif_skeleton_is_refused_because_it_has_no_statements():
    path = AIF / "recap-utr__arguebuf-typescript__data__xaif-empty.json"
    with pytest.raises(FormatError, match="no I nodes"):
        _read(path.read_text(encoding="utf-8"), path.name)


def test_ra_is_support_ca_is_attack_and_ids_may_be_integers():
    graph = _graph(
        [
            (1, "I", "Tax sugar."),
            (2, "I", "Sugar harms health."),
            (3, "RA", "Default Inference"),
            (4, "I", "Taxes hurt the poor."),
            (5, "CA", "Default Conflict"),
            (6, "I", "Revenue can fund rebates."),
            (7, "CA", "Default Conflict"),
        ],
        [(2, 3), (3, 1), (4, 5), (5, 1), (6, 7), (7, 4)],
    )
    argument_map = _read(graph).map
    kinds = {n.text: n.kind for n in argument_map.nodes}
    assert kinds == {
        "Tax sugar.": Kind.THESIS,
        "Sugar harms health.": Kind.CLAIM,
        "Taxes hurt the poor.": Kind.COUNTERPOINT,
        "Revenue can fund rebates.": Kind.REBUTTAL,
    }
    assert _edges(argument_map) == {
        ("sugar-harms-health", "tax-sugar", "supports"),
        ("taxes-hurt-the-poor", "tax-sugar", "opposes"),
        ("revenue-can-fund-rebates", "taxes-hurt-the-poor", "opposes"),
    }


def test_an_undercut_is_kept_as_an_attack_on_the_inferences_conclusion_and_said_so():
    graph = _graph(
        [
            ("a", "I", "Claim."),
            ("b", "I", "Premise."),
            ("ra", "RA", "RA"),
            ("c", "I", "Premise is irrelevant."),
            ("ca", "CA", "CA"),
        ],
        [("b", "ra"), ("ra", "a"), ("c", "ca"), ("ca", "ra")],
    )
    result = _read(graph)
    assert ("premise-is-irrelevant", "claim", "opposes") in _edges(result.map)
    assert "Undercuts the inference ra" in result.map.get("premise-is-irrelevant").notes
    assert any("undercut of inference ra" in w for w in result.warnings)


def test_a_rephrase_becomes_a_support_noted_as_a_rephrase():
    graph = _graph(
        [("a", "I", "Original."), ("b", "I", "Said again."), ("m", "MA", "Default Rephrase")],
        [("b", "m"), ("m", "a")],
    )
    argument_map = _read({"AIF": graph, "text": ""}).map
    assert _edges(argument_map) == {("said-again", "original", "supports")}
    assert "Rephrases AIF node a" in argument_map.get("said-again").notes


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "t.json:1:2: not valid JSON"),
        ("[1, 2]", "expected an object with a 'nodes' list"),
        (json.dumps({"nodes": [{"type": "I", "text": "x"}], "edges": []}), "node #1 has no nodeID"),
        (
            json.dumps({"nodes": [{"nodeID": 1, "type": "I", "text": ""}], "edges": []}),
            "I node '1' has no text",
        ),
        (
            json.dumps(
                {
                    "nodes": [{"nodeID": 1, "type": "I", "text": "x"}],
                    "edges": [{"edgeID": 9, "fromID": 1, "toID": 2}],
                }
            ),
            "edge 9 refers to node '2'",
        ),
    ],
)
def test_malformed_aif_is_refused_naming_the_place(document, message):
    with pytest.raises(FormatError) as caught:
        _read(document)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_the_seed_map_survives_the_aif_round_trip_exactly():
    argument_map = load_path(SEED_MAP).map
    assert map_to_data(_read(write_text(argument_map, "aif")).map) == map_to_data(argument_map)


def test_written_aif_is_deterministic_and_has_one_scheme_node_per_relation():
    argument_map = load_path(SEED_MAP).map
    first, second = write_text(argument_map, "aif"), write_text(argument_map, "aif")
    assert first == second and "timestamp" not in first
    document = json.loads(first)
    types = [n["type"] for n in document["nodes"]]
    assert types.count("I") == len(argument_map.nodes)
    assert types.count("RA") + types.count("CA") == len(argument_map.relations())
    assert len(document["edges"]) == 2 * len(argument_map.relations())


def test_aif_without_argmap_records_still_round_trips_its_structure():
    argument_map = load_path(SEED_MAP).map
    document = json.loads(write_text(argument_map, "aif"))
    for node in document["nodes"]:
        node.pop("argmap", None)
    document.pop("argmap")
    again = _read(document).map
    assert len(again.nodes) == len(argument_map.nodes)
    assert len(again.relations()) == len(argument_map.relations())


def _with(argmap_record=None, **extra):
    graph = _graph([(1, "I", "Tax sugar."), (2, "I", "Sugar harms health."), (3, "RA", "")], [(2, 3), (3, 1)])
    if argmap_record is not None:
        graph["nodes"][0]["argmap"] = argmap_record
    return json.dumps({**graph, **extra})


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_with(locutions=5), "t.json: not AIF: 'locutions' must be a list"),
        (_with(participants={"participantID": 1}), "t.json: not AIF: 'participants' must be a list"),
        (_with({"tags": 5}), "t.json: I node '1': argmap field 'tags' must be a list of text"),
        (_with({"tags": ["ok", 5]}), "I node '1': argmap field 'tags' must be a list of text"),
        (_with({"sources": [{"title": 5}]}), "I node '1': argmap field 'sources' item #1 needs a 'title'"),
        (
            _with({"kind": "evidence", "sources": [{"title": 5}]}),
            "I node '1': argmap field 'sources' item #1 needs a 'title'",
        ),
        (
            _with({"sources": [{"title": "T", "url": 5}]}),
            "argmap field 'sources' item #1: 'url' must be text",
        ),
        (_with({"sources": "T"}), "I node '1': argmap field 'sources' must be a list"),
        (_with({"kind": ["claim"]}), "I node '1': argmap field 'kind' must be text"),
        (_with({"label": 3}), "I node '1': argmap field 'label' must be text"),
        (_with({"score": 2}), "I node '1': argmap field 'score' must be a number from 0 to 1"),
        (_with({"score": True}), "I node '1': argmap field 'score' must be a number from 0 to 1"),
        (_with(7), "I node '1': its 'argmap' record must be an object"),
        (_with(argmap={"title": 5}), "the file's 'argmap' record: 'title' must be text"),
        ("[" * 200_000, "t.json:1: not valid AIF: lists and objects nested more than 64 deep"),
        ('{"nodes": ' + "[" * 200_000, "t.json:1: not valid AIF: lists and objects nested more than 64 deep"),
    ],
)
def test_odd_but_valid_json_is_refused_in_one_line_naming_the_node_and_field(document, message):
    with pytest.raises(FormatError) as caught:
        _read(document)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_null_dialogue_lists_and_argmap_fields_count_as_missing():
    document = _with({"kind": None, "tags": None, "sources": None}, locutions=None, participants=None)
    argument_map = _read(document).map
    assert [n.text for n in argument_map.nodes] == ["Tax sugar.", "Sugar harms health."]
    assert argument_map.nodes[0].kind is Kind.THESIS


def test_twenty_thousand_equal_statements_get_numbered_ids_in_order():
    # Took 40 s when each id searched yes-2, yes-3 … from the start; now about a second.
    count = 20_000
    document = {"nodes": [{"nodeID": i, "text": "Yes.", "type": "I"} for i in range(count)], "edges": []}
    argument_map = _read(document).map
    assert [n.id for n in argument_map.nodes] == ["yes"] + [f"yes-{n}" for n in range(2, count + 1)]
