"""Property tests: random maps survive Argdown and AIF round trips; random text never crashes a reader."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats import MAP_FORMATS, FormatError, read_text, write_text
from argmap.formats.common import one_line
from argmap.mapfile import dump_map, dump_map_whole, map_from_data, map_to_data
from argmap.model import Kind
from argmap.rules import SLUG_MAX, NewIds

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co"), blacklist_characters="\u2028\u2029\x85"),
    min_size=1,
    max_size=60,
).filter(lambda t: t.strip())
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def maps(draw):
    """A valid map: a thesis and a tree of claims, counterpoints, rebuttals and evidence."""
    count = draw(st.integers(min_value=1, max_value=12))
    nodes = [{"id": "n0", "kind": "thesis", "text": draw(_TEXT)}]
    for index in range(1, count):
        parent = nodes[draw(st.integers(min_value=0, max_value=index - 1))]
        parent_kind = Kind(parent["kind"])
        if parent_kind is Kind.EVIDENCE:
            kind, relation = "counterpoint", "opposes"
        elif parent_kind is Kind.COUNTERPOINT:
            kind, relation = draw(
                st.sampled_from([("rebuttal", "opposes"), ("claim", "supports"), ("evidence", "supports")])
            )
        else:
            kind, relation = draw(
                st.sampled_from([("claim", "supports"), ("counterpoint", "opposes"), ("evidence", "opposes")])
            )
        node = {"id": f"n{index}", "kind": kind, relation: [parent["id"]], "text": draw(_TEXT)}
        if draw(st.booleans()):
            node["label"] = draw(_TEXT)
        if draw(st.booleans()):
            node["tags"] = [draw(st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5})?", fullmatch=True))]
        nodes.append(node)
    return map_from_data({"title": draw(_TEXT), "nodes": nodes})


def _normalised(argument_map):
    data = map_to_data(argument_map)
    for node in data["nodes"]:
        node["text"] = one_line(node["text"])
        if "label" in node:
            node["label"] = node["label"].strip()
    data["title"] = one_line(data["title"])
    return data


@_SETTINGS
@given(maps())
def test_random_maps_survive_the_aif_round_trip(argument_map):
    assert map_to_data(read_text(write_text(argument_map, "aif"), "aif", "r.json").map) == map_to_data(
        argument_map
    )


@_SETTINGS
@given(maps())
def test_random_maps_survive_the_argdown_round_trip(argument_map):
    again = read_text(write_text(argument_map, "argdown"), "argdown", "r.argdown").map
    assert _normalised(again) == _normalised(argument_map)


_PIECES = [
    *list("[]<>(){}:+-_#@*/\\=.,!? \n\tabc123"),
    "\r\n",
    "1.1. Pro: ",
    "(1) ",
    "----",
    "===",
    "<!--",
    "  + ",
]
_NOISE = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=100, deadline=None)
@given(text=_NOISE, fmt=st.sampled_from(sorted(MAP_FORMATS)))
def test_random_text_never_crashes_a_reader(text, fmt):
    try:
        result = read_text(text, fmt, "noise")
    except FormatError as error:
        assert "\n" not in str(error) and str(error).startswith("noise")
    else:
        assert result.map.title


def _first_free_id(base: str, taken: set[str]) -> str:
    """The id rule as first written (quadratic for many equal labels): the reference for the fast one."""
    base = (base or "statement")[:SLUG_MAX].strip("-") or "statement"
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = base[: SLUG_MAX - len(suffix)].rstrip("-") + suffix
        number += 1
    taken.add(candidate)
    return candidate


_BASES = [
    "a",
    "a-2",
    "a-3",
    "a-2-2",
    "b",
    "",
    "-",
    "x" * (SLUG_MAX - 1),
    "x" * SLUG_MAX,
    "x" * (SLUG_MAX - 2) + "-2",
]


@given(
    st.lists(st.sampled_from(_BASES), max_size=40), st.sets(st.sampled_from([*_BASES, "a-4", "statement"]))
)
@_SETTINGS
def test_ids_are_the_same_as_the_first_free_numbered_slug(bases, requested):
    slow, fast = set(requested), NewIds(requested)
    assert [fast.free(b, "statement") for b in bases] == [_first_free_id(b, slow) for b in bases]


class _CountingSet(set):
    lookups = 0

    def __contains__(self, item):
        self.lookups += 1
        return super().__contains__(item)


def test_many_equal_labels_cost_linear_time():
    new_ids = NewIds()
    new_ids.taken = taken = _CountingSet()
    ids = [new_ids.make("yes") for _ in range(5_000)]
    assert ids == ["yes"] + [f"yes-{n}" for n in range(2, 5_001)]
    assert taken.lookups <= 2 * 5_000  # the first-free search made 12.5 million


@_SETTINGS
@given(maps())
def test_random_maps_are_written_as_one_yaml_dump_of_the_whole_writes_them(argument_map):
    # dump_map writes each node's item once and keeps it (the text of one dump of the whole)
    assert dump_map(argument_map) == dump_map_whole(argument_map)
    assert dump_map(argument_map) == dump_map_whole(argument_map)  # the kept items again
