"""The Editor's map in a real browser (issue 17): the keyboard shortcuts, dragging a box onto
another, search, the shortcuts list, and the address that names the open map.

Each test adds the points it changes (with words no other test uses), so that the tests sharing
the served library do not depend on one another.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from argmap.model import ArgumentMap, Kind, RelationType
from argmap.store import Library

from .app import SEED, map_node, open_in_editor, settle, the_map

pytestmark = pytest.mark.browser

INLINE = ".st-key-map_click input.argmap-inline"


def saved_map(library_dir: Path) -> ArgumentMap:
    return Library(library_dir).load(SEED).map


def node_with_text(library_dir: Path, text: str):
    return next(node for node in saved_map(library_dir).nodes if node.text == text)


def select_box(page: Page, node_id: str) -> None:
    map_node(page, node_id).click()
    expect(map_node(page, node_id)).to_have_class(re.compile(r"\bselected\b"))
    expect(page.locator(f'[class*="_{node_id}_label"]').first).to_be_attached()
    # the keys act on what the server's run says may be added there: wait until the map has it
    expect(page.locator(".st-key-map_click .argmap-map")).to_have_attribute("data-selected", node_id)
    settle(page)


def type_on_map(page: Page, key: str, text: str) -> None:
    """Press ``key`` on the map (Tab, Enter, F2), type ``text`` in the field it opens, press Enter."""
    page.keyboard.press(key)
    page.locator(INLINE).fill(text)
    page.locator(INLINE).press("Enter")


def add_below(page: Page, parent: str, text: str, library_dir: Path) -> str:
    select_box(page, parent)
    type_on_map(page, "Tab", text)
    # The new box is drawn and selected (its first words: a label wraps between lines).
    first_words = " ".join(text.split()[:2])
    expect(the_map(page).locator("g.node.selected", has_text=first_words)).to_have_count(1)
    settle(page)
    return node_with_text(library_dir, text).id


def test_tab_types_a_point_below_the_selected_box_of_the_kind_it_needs(page: Page, library_dir: Path) -> None:
    open_in_editor(page)
    new_id = add_below(page, "mi35-sale", "Pakistan buys only four helicopters.", library_dir)
    added = saved_map(library_dir).get(new_id)
    assert added.kind is Kind.REBUTTAL
    assert added.opposes == ["mi35-sale"]
    expect(map_node(page, new_id)).to_have_class(re.compile(r"\bselected\b"))


def test_enter_types_a_point_beside_the_selected_box_of_the_same_kind(page: Page, library_dir: Path) -> None:
    open_in_editor(page)
    select_box(page, "defence")
    type_on_map(page, "Enter", "Joint production of rifles at Amethi.")
    expect(the_map(page).locator("g.node.selected", has_text="Joint production")).to_have_count(1)
    settle(page)
    added = node_with_text(library_dir, "Joint production of rifles at Amethi.")
    defence = saved_map(library_dir).get("defence")
    assert added.kind is defence.kind
    assert list(added.parents()) == list(defence.parents())


def test_f2_edits_the_label_in_place_on_the_map(page: Page, library_dir: Path) -> None:
    open_in_editor(page)
    new_id = add_below(page, "defence", "Spares for Sukhoi jets are slow to arrive.", library_dir)
    type_on_map(page, "F2", "Slow Sukhoi spares")
    # The words show on the box at once (the page's script), then in the map drawn again.
    expect(map_node(page, new_id)).to_contain_text("Slow Sukhoi spares")
    # The map drawn again from the saved map: the box is no longer pending and keeps the words.
    # (The file is read only then: the words show before the edit's run has even started.)
    expect(map_node(page, new_id)).not_to_have_class(re.compile(r"\bpending\b"))
    expect(map_node(page, new_id)).to_contain_text("Slow Sukhoi spares")
    settle(page)
    assert saved_map(library_dir).get(new_id).label == "Slow Sukhoi spares"


def test_delete_removes_the_box_and_ctrl_z_and_ctrl_shift_z_undo_and_redo_it(
    page: Page, library_dir: Path
) -> None:
    open_in_editor(page)
    new_id = add_below(page, "defence", "Kamov helicopters are built in India.", library_dir)
    page.keyboard.press("Delete")
    expect(map_node(page, new_id)).to_have_count(0)
    settle(page)
    page.keyboard.press("Control+z")
    expect(map_node(page, new_id)).to_have_count(1)
    settle(page)
    assert new_id in saved_map(library_dir).node_index()
    page.keyboard.press("Control+Shift+z")
    expect(map_node(page, new_id)).to_have_count(0)
    settle(page)
    assert new_id not in saved_map(library_dir).node_index()


def test_arrow_keys_move_the_selection_to_the_next_box_that_way(page: Page) -> None:
    open_in_editor(page)
    select_box(page, "mi35-sale")
    # The map grows from the thesis on the left: the box on the right of an irritant answers it.
    page.keyboard.press("ArrowRight")
    selected = the_map(page).locator("g.node.selected")
    expect(selected).to_have_count(1)
    expect(selected).not_to_have_id("mi35-sale")
    moved_to = selected.get_attribute("id")
    page.keyboard.press("ArrowLeft")
    expect(the_map(page).locator("g.node.selected")).not_to_have_id(moved_to or "")
    expect(page.get_by_label("Selected node")).not_to_have_value(re.compile(re.escape(moved_to or "-")))


def test_shortcuts_never_fire_while_typing_in_a_field(page: Page, library_dir: Path) -> None:
    open_in_editor(page)
    select_box(page, "defence")
    before = len(saved_map(library_dir).nodes)
    text = page.locator('[class*="_defence_text"] textarea')
    text.click()
    text.press("Delete")
    text.press("Enter")
    text.press("Control+z")
    expect(page.locator(INLINE)).to_have_count(0)
    expect(map_node(page, "defence")).to_have_count(1)
    settle(page)
    assert len(saved_map(library_dir).nodes) == before


def test_dragging_a_box_onto_another_moves_it_there(page: Page, library_dir: Path) -> None:
    open_in_editor(page)
    new_id = add_below(page, "defence", "India and Russia co-produce BrahMos missiles.", library_dir)
    source = map_node(page, new_id)
    source.drag_to(map_node(page, "nuclear-energy"))
    expect(the_map(page).locator(f'g.edge[id="{new_id}->nuclear-energy"]')).to_have_count(1)
    settle(page)
    assert saved_map(library_dir).get(new_id).supports == ["nuclear-energy"]


def test_a_drag_the_map_rules_refuse_says_why_and_changes_nothing(page: Page, library_dir: Path) -> None:
    open_in_editor(page)
    new_id = add_below(page, "mi35-sale", "The sale is only of four helicopters.", library_dir)
    map_node(page, new_id).drag_to(map_node(page, "defence"))  # a rebuttal below a claim
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text(
        f"node '{new_id}' (rebuttal) cannot oppose 'defence' (claim): a rebuttal may oppose only counterpoint"
    )
    settle(page)
    assert list(saved_map(library_dir).get(new_id).parents()) == [(RelationType.OPPOSES, "mi35-sale")]


def test_search_outlines_the_matching_boxes_and_enter_steps_through_them(page: Page) -> None:
    open_in_editor(page)
    page.locator(".st-key-map_click .argmap-map").focus()
    page.keyboard.press("/")
    search = page.get_by_role("searchbox", name="Search the map")
    expect(search).to_be_focused()
    search.fill("china")
    matches = the_map(page).locator("g.node.match")
    expect(matches).not_to_have_count(0)
    count = matches.count()
    search.press("Enter")
    expect(page.locator(".st-key-map_click .argmap-hits")).to_have_text(f"1 of {count}")
    expect(the_map(page).locator("g.node.match.selected")).to_have_count(1)


def test_question_mark_shows_the_shortcuts(page: Page) -> None:
    open_in_editor(page)
    page.locator(".st-key-map_click .argmap-map").focus()
    page.keyboard.press("?")
    expect(page.locator(".st-key-map_click .argmap-help")).to_be_visible()
    expect(page.locator(".st-key-map_click .argmap-help")).to_contain_text("Tab")


def test_a_reload_reopens_the_map_the_address_names_on_the_same_page(page: Page) -> None:
    page.goto("/")
    page.locator(".st-key-open_one-nation-one-election").get_by_role("button", name="Open").click()
    expect(page).to_have_url(re.compile(r"/editor\?map=one-nation-one-election$"))
    page.reload()
    expect(page.get_by_test_id("stSidebar").get_by_role("combobox", name="Map")).to_have_value(
        "one-nation-one-election"
    )
    expect(page).to_have_url(re.compile(r"/editor\?map=one-nation-one-election$"))
