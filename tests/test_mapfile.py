"""The YAML file format: canonical writing, byte-for-byte round trip, errors that name the line."""

from __future__ import annotations

import json

import pytest

from argmap.errors import MapFileError
from argmap.mapfile import dump_map, json_schema, parse_map

CANONICAL = """\
schema: 1
title: India and Russia
question: Despite differences, India–Russia ties remain strong. Critically examine.
directive: critically examine
tags: [ir, gs2]
vocabulary:
  for: Convergences
  against: Irritants
conclusion: Ties stay strong.
nodes:
- id: thesis
  kind: thesis
  label: Ties remain strong
  text: India–Russia ties remain strong despite differences.
- id: defence
  kind: claim
  supports: [thesis]
  text: |-
    Russia supplies much of India's defence equipment.
    Second paragraph.
  tags: [defence]
- id: kudankulam
  kind: evidence
  supports: [defence]
  text: Kudankulam is built with Russian help.
  basis: example
  sources:
  - title: India–Russia relations (study note)
    date: '2014-12-11'
  score: 0.8
  notes: 'Yes: check the date.'
"""


THESIS_WITH = "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n"


def problems(text: str) -> list[str]:
    with pytest.raises(MapFileError) as caught:
        parse_map(text, "bad.yaml")
    return [str(p) for p in caught.value.problems]


def test_loading_then_saving_a_canonical_file_gives_the_same_bytes():
    assert dump_map(parse_map(CANONICAL)) == CANONICAL


def test_every_library_map_is_written_as_one_yaml_dump_of_the_whole_writes_it():
    """dump_map keeps each node's YAML item and joins them: the same text as yaml.dump of the map."""
    from conftest import ARGUMENTS

    from argmap.generate import generate_map
    from argmap.mapfile import dump_map_whole

    maps = [parse_map(path.read_text(encoding="utf-8")) for path in sorted(ARGUMENTS.glob("*.yaml"))]
    maps += [generate_map(size, seed=2) for size in (1, 300)]
    for argument_map in maps:
        assert dump_map(argument_map) == dump_map_whole(argument_map)
        assert dump_map(argument_map) == dump_map_whole(argument_map)  # with every item kept


def test_saving_is_canonical_whatever_the_input_layout():
    messy = """
nodes:
  - {text: "Ties hold.", kind: thesis, id: thesis}
title: "T"
"""
    assert (
        dump_map(parse_map(messy))
        == "schema: 1\ntitle: T\nnodes:\n- id: thesis\n  kind: thesis\n  text: Ties hold.\n"
    )


def test_yes_no_and_dates_stay_text():
    argument_map = parse_map("title: No\nnodes:\n- id: t\n  kind: thesis\n  text: yes\n")
    assert argument_map.title == "No" and argument_map.nodes[0].text == "yes"
    assert parse_map(CANONICAL).nodes[2].sources[0].date == "2014-12-11"


def test_an_unknown_key_is_rejected_by_name_with_its_line():
    text = "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n  colour: red\n"
    assert problems(text) == ["bad.yaml:6: unknown key 'colour' in node 't'"]


def test_an_unknown_top_level_key_is_rejected():
    assert problems("title: T\nauthor: me\n") == ["bad.yaml:2: unknown key 'author' in the map"]


def test_a_dangling_relation_names_the_line_of_the_relation():
    text = "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n- id: a\n  kind: claim\n  supports: [gone]\n  text: y\n"
    assert problems(text) == ["bad.yaml:8: node 'a' supports 'gone', which does not exist"]


def test_a_duplicate_id_names_the_second_node():
    text = "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n- id: t\n  kind: claim\n  text: y\n"
    assert problems(text) == ["bad.yaml:6: node id 't' is used more than once"]


def test_bad_yaml_names_the_line():
    assert problems("title: T\nnodes: [\n  - id: x\n")[0].startswith("bad.yaml:3: not valid YAML")


def test_a_duplicate_key_is_an_error_not_silently_dropped():
    assert problems("title: T\ntitle: U\n") == ["bad.yaml:2: key 'title' appears twice in the same mapping"]


def test_a_file_that_is_not_a_mapping_is_refused():
    assert problems("- a\n- b\n") == [
        "bad.yaml:1: a map file must be a YAML mapping with at least 'title' and 'nodes'"
    ]


def test_an_unknown_kind_names_the_node_and_the_value():
    text = "title: T\nnodes:\n- id: t\n  kind: thesiss\n  text: x\n"
    [message] = problems(text)
    assert message.startswith("bad.yaml:4: node 't': kind \"thesiss\"")


def test_a_missing_text_names_the_node():
    assert problems("title: T\nnodes:\n- id: t\n  kind: thesis\n") == [
        "bad.yaml:3: node 't' is missing 'text'"
    ]


def test_a_future_schema_version_is_refused():
    [message] = problems("schema: 2\ntitle: T\n")
    assert message.startswith("bad.yaml:1: the map: schema 2: schema version 2 is not supported")


def test_yaml_tags_that_build_python_objects_are_refused():
    [message] = problems("title: !!python/object/apply:os.system ['true']\n")
    assert "not valid YAML" in message


def test_the_json_schema_describes_the_file_keys():
    schema = json_schema()
    json.dumps(schema)
    assert set(schema["properties"]) == {
        "schema",
        "title",
        "question",
        "directive",
        "tags",
        "vocabulary",
        "conclusion",
        "aliases",
        "nodes",
    }
    node = schema["$defs"]["Node"]
    assert node["additionalProperties"] is False
    assert {"supports", "opposes", "basis", "sources", "score"} <= set(node["properties"])


# The fast YAML reader must build exactly what PyYAML's constructor builds, and hand anything
# unusual (anchors, merge keys, sets, custom tags) back to it.
YAML_DOCUMENTS = [
    "title: T\nnodes: []\n",
    "a: 1\nb: 1.5\nc: true\nd: ~\ne: 0x1F\nf: 1_000\ng: .inf\nh: 'quoted'\ni: No\nj: 2014-12-11\n",
    "a: [1, [2, {b: c}], {}]\n",
    "base: &b {x: 1}\nother: *b\n",
    "base: &b {x: 1, y: 2}\nmerged:\n  <<: *b\n  y: 3\n",
    "set: !!set {a, b}\n",
    "pairs: !!omap [a: 1, b: 2]\n",
    "bytes: !!binary aGVsbG8=\n",
    "? [a, b]\n: unhashable key\n",
    "1: int key\n1.5: float key\ntrue: bool key\n~: null key\n",
    "",
    "# only a comment\n",
]


@pytest.mark.parametrize("text", YAML_DOCUMENTS)
def test_the_fast_yaml_reader_builds_what_pyyaml_builds(text: str):
    import yaml

    from argmap.bounded_yaml import YamlError
    from argmap.mapfile import MapLoader, load_yaml

    try:
        expected = yaml.load(text, Loader=MapLoader)
    except Exception as exc:  # a YAML error (read as argmap's YamlError), or the duplicate key
        with pytest.raises(YamlError if isinstance(exc, yaml.YAMLError) else type(exc)):
            load_yaml(text)
        return
    found = load_yaml(text)
    assert type(found) is type(expected)
    assert found == expected
    if text.startswith("base: &b {x: 1}\n"):
        assert found["base"] is found["other"]  # an alias is the same object, as in PyYAML


def test_a_recursive_alias_is_refused_with_its_line():
    assert problems("title: T\nloop: &r\n  - *r\n") == [
        "bad.yaml:2: not valid YAML: an alias refers to the list or mapping it is in"
    ]


def test_an_unhashable_key_is_a_yaml_error_with_its_line():
    assert problems("title: T\n? [a, b]\n: x\n") == ["bad.yaml:2: not valid YAML: found unhashable key"]


def test_every_library_map_reads_the_same_with_the_fast_yaml_reader():
    import yaml
    from conftest import ARGUMENTS

    from argmap.mapfile import MapLoader, load_yaml

    for path in sorted(ARGUMENTS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text) == yaml.load(text, Loader=MapLoader), path.name


def test_merge_keys_work_as_in_yaml():
    text = (
        "title: T\n"
        "nodes:\n"
        "- {id: t, kind: thesis, text: Thesis.}\n"
        "- &claim {id: b, kind: claim, supports: [t], tags: [economy], text: B.}\n"
        "- <<: *claim\n"
        "  id: a\n"
        "  text: A.\n"
        "  tags: [society]\n"
    )
    node = parse_map(text).nodes[2]
    # merged from b, with the keys written here winning, as YAML says
    assert (node.id, node.kind.value, node.supports, node.tags, node.text) == (
        "a",
        "claim",
        ["t"],
        ["society"],
        "A.",
    )
    import yaml

    from argmap.mapfile import load_yaml

    assert load_yaml(text) == yaml.safe_load(text)


def test_a_duplicate_key_beside_a_merge_is_still_refused():
    text = "base: &b {x: 1}\nm:\n  <<: *b\n  y: 1\n  y: 2\n"
    assert problems(text) == ["bad.yaml:5: key 'y' appears twice in the same mapping"]


def test_yaml_nested_too_deeply_is_one_line_not_a_traceback():
    assert problems("nodes: " + "[" * 5000 + "]" * 5000 + "\n") == [
        "bad.yaml:1: not valid YAML: lists and mappings nested more than 64 deep"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1: b\ntitle: T\n", "bad.yaml:1: the map: key 1 must be a word, not a number"),
        (
            "title: T\nnodes: [a]\n",
            'bad.yaml:2: node #1: node: must be a mapping of keys (id, kind, text …), not the text "a"',
        ),
        (THESIS_WITH + "  score: .nan\n", "bad.yaml:6: node 't': score NaN: Input should be a finite number"),
        (THESIS_WITH + "  score: true\n", "bad.yaml:6: node 't': score true: Input should be a valid number"),
        (
            THESIS_WITH + '  score: "0.5"\n',
            "bad.yaml:6: node 't': score \"0.5\": Input should be a valid number",
        ),
    ],
)
def test_wrong_values_are_named_in_the_users_words(text: str, message: str):
    assert problems(text) == [message]


def test_a_whole_number_is_a_score():
    assert parse_map(THESIS_WITH + "  score: 1\n").nodes[0].score == 1.0
