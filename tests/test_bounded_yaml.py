"""argmap.bounded_yaml: YAML within limits of nesting, aliases and values, each refusal one line."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.bounded_yaml import ALIAS_BUDGET, MAX_DEPTH, YamlError, json_like, load


def refusal(text: str) -> str:
    with pytest.raises(YamlError) as caught:
        load(text)
    return str(caught.value)


def test_nesting_up_to_the_limit_reads():
    assert load("[" * MAX_DEPTH + "]" * MAX_DEPTH) == eval("[" * MAX_DEPTH + "]" * MAX_DEPTH)


def test_nesting_past_the_limit_is_refused_with_its_line():
    deep = "a: 1\nb: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    assert refusal(deep) == f"line 2: lists and mappings nested more than {MAX_DEPTH} deep"


def test_deep_indentation_inside_a_text_block_is_not_nesting():
    text = "text: |\n" + "".join(" " * (2 + 4 * level) + f"step {level}\n" for level in range(40))
    assert load(text)["text"].splitlines()[-1] == " " * 156 + "step 39"


def test_brackets_inside_quoted_text_are_not_nesting():
    assert load("a: '" + "[" * 200 + "'\n") == {"a": "[" * 200}


def test_aliases_within_the_budget_read_as_shared_values():
    data = load("base: &b {x: 1}\nuses: [*b, *b, *b]\n")
    assert data["uses"] == [{"x": 1}] * 3


def test_aliases_that_expand_past_the_budget_are_refused_at_the_first_that_does():
    rows = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    rows += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 5)]
    assert refusal("\n".join(rows)) == (
        f"line 4: aliases expand to more than {ALIAS_BUDGET:,} values; write the values out instead"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("!!bool yes", True),
        ("!!int '12'", 12),
        ("!!float 1", 1.0),
        ("!!float 1e3", 1000.0),
        ("!!null ''", None),
    ],
)
def test_explicit_tags_with_valid_values_read(text: str, value: object):
    assert load(f"v: {text}\n") == {"v": value}


def test_a_hex_number_too_big_to_print_is_refused():
    assert refusal("v: 0x" + "f" * 4000 + "\n") == "line 1: a number of more than 4,300 digits"


# -- the JSON-like flow collections read by json (Argdown's {id: "a", kind: "claim"} data) ---------
def read_by_pyyaml(text: str) -> object:
    """What PyYAML's own safe loader makes of ``text`` (the C one, as argmap uses); the exception
    type when it cannot read it."""
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        return type(exc)


def flow(value: object, ascii_only: bool) -> str:
    """``value`` written as a YAML flow collection with plain keys, as the Argdown writer does."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {flow(item, ascii_only)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(item, ascii_only) for item in value) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


KEYS = st.sampled_from(
    ["id", "kind", "label", "score", "sources", "title", "url", "a_b", "Yes", "null", "x1"]
)
SCALARS = (
    st.text(max_size=12) | st.integers(-(10**20), 10**20) | st.floats(allow_nan=False, allow_infinity=False)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)
#: Pieces of flow YAML and near misses (plain scalars YAML types, escapes and characters where
#: YAML and JSON differ, a key without its space), joined at random.
PIECES = st.sampled_from(
    ["{", "}", "[", "]", ", ", ",", " ", "\n", "id: ", "kind: ", "yes: ", "On: ", "a:", ": ", "x", "null",
     "true", "~", '"x"', '"a\\/b"', '"\\u00e9"', '"\\ud800"', '"\\U0001F600"', '"\x85"', '"\u2028"',
     '"\t"', '"\x7f"', '"\\x41"', '"\\e"', "'x'", "1", "-0", "1.50", "1e5", "1.0e+5", "0123", "0x1f",
     "1.", ".5", "1_000", "-", "&a ", "*a", "!!str ", "#"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, database=None)
@given(
    value=st.dictionaries(KEYS, VALUES, max_size=5) | st.lists(VALUES, max_size=5), ascii_only=st.booleans()
)
def test_a_json_like_flow_collection_reads_as_pyyaml_reads_it(value: object, ascii_only: bool) -> None:
    text = flow(value, ascii_only)
    read = json_like(text)
    if read is not None:
        assert repr(read) == repr(read_by_pyyaml(text))


@settings(max_examples=600, deadline=None, database=None)
@given(pieces=st.lists(PIECES, max_size=14))
def test_flow_text_json_reads_is_read_as_pyyaml_reads_it_and_the_rest_is_left_to_pyyaml(pieces) -> None:
    text = "".join(pieces)
    read = json_like(text)
    if read is not None:
        assert repr(read) == repr(read_by_pyyaml(text))


def test_argdown_data_as_argmap_writes_it_is_read_by_json() -> None:
    text = '{id: "sipri-arms-share", kind: "evidence", score: 0.8, sources: [{title: "SIPRI \\u007b2021\\u007d"}]}'
    assert json_like(text) == {
        "id": "sipri-arms-share",
        "kind": "evidence",
        "score": 0.8,
        "sources": [{"title": "SIPRI {2021}"}],
    }
    assert load(text) == read_by_pyyaml(text)


@pytest.mark.parametrize(
    "text",
    [
        "{yes: 1}",  # YAML reads the key as True
        '{a:"b"}',  # YAML reads one plain key a:"b"
        "{a: 1e5}",  # a string to YAML 1.1
        "{a: 0123}",  # octal to YAML 1.1
        '{a: "\x85"}',  # a line break inside quotes, folded to a space by YAML
        '{a: "x",}',  # a trailing comma YAML allows and JSON does not
        "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),  # too deep: refused by the YAML path
        "a: 1",  # block YAML
    ],
)
def test_text_where_yaml_and_json_differ_is_left_to_pyyaml(text: str) -> None:
    assert json_like(text) is None
