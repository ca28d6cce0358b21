"""New maps from a skeleton: a placeholder box's id follows the author's first words for it."""

from __future__ import annotations

from argmap.editing import update_node
from argmap.skeletons import placeholder_id, skeleton_map


def test_a_placeholder_takes_an_id_from_its_first_real_text():
    before = skeleton_map("bilateral", "India and China")
    after = update_node(before, "irritant", text="The border standoff since 2020 strains trust.")
    assert placeholder_id(before, after, "irritant") == "the-border-standoff-since-2020-strains"


def test_a_label_given_to_a_placeholder_names_its_id():
    before = skeleton_map("bilateral", "India and China")
    after = update_node(before, "irritant", label="Border standoff")
    assert placeholder_id(before, after, "irritant") == "border-standoff"


def test_an_id_is_not_changed_again_once_the_box_has_its_own_words():
    first = skeleton_map("bilateral", "India and China")
    written = update_node(first, "irritant", text="The border standoff strains trust.")
    again = update_node(written, "irritant", text="Trade deficit.")
    assert placeholder_id(written, again, "irritant") is None


def test_an_edit_that_leaves_the_placeholder_text_keeps_the_id():
    before = skeleton_map("bilateral", "India and China")
    after = update_node(before, "irritant", tags=["border"])
    assert placeholder_id(before, after, "irritant") is None
