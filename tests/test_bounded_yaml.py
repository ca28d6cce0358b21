"""argmap.bounded_yaml: YAML within limits of nesting, aliases and values, each refusal one line."""

from __future__ import annotations

import pytest

from argmap.bounded_yaml import ALIAS_BUDGET, MAX_DEPTH, YamlError, load


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
