"""A node's optional priority (key / normal / minor): kept in the file and set from the Table."""

from __future__ import annotations

import pytest

from argmap.editing import apply_table, table_rows
from argmap.errors import ArgmapError
from argmap.mapfile import dump_map, parse_map

MAP = """schema: 1
title: T
nodes:
- id: t
  kind: thesis
  text: Ties hold.
- id: a
  kind: claim
  supports: [t]
  text: Trade grows.
  score: 0.4
  priority: key
"""


def test_a_priority_survives_loading_and_saving_byte_for_byte():
    assert dump_map(parse_map(MAP)) == MAP


def test_an_unknown_priority_is_refused_naming_the_node():
    with pytest.raises(ArgmapError, match="priority"):
        parse_map(MAP.replace("priority: key", "priority: urgent"), "m.yaml")


def test_the_table_shows_and_sets_a_priority():
    argument_map = parse_map(MAP)
    rows = table_rows(argument_map)
    assert [row["priority"] for row in rows] == [None, "key"]
    rows[1]["priority"] = "minor"
    assert apply_table(argument_map, rows).get("a").priority == "minor"
