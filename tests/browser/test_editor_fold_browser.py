"""Collapsing a branch of the Editor's map in a real browser (issue 17): Space or the side panel
folds it, the box counts what it hides, and the address keeps it across a reload."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .app import map_node, open_in_editor, screenshot, settle, the_map

pytestmark = pytest.mark.browser


def test_space_collapses_a_branch_which_a_reload_keeps_and_the_panel_expands(page: Page) -> None:
    open_in_editor(page)
    shown = the_map(page).locator("g.node").count()
    below = ["pivot-to-east", "crimea-sanctions", "russia-as-bridge"]  # hang only from china-pivot
    for node_id in below:
        expect(map_node(page, node_id)).to_be_attached()
    map_node(page, "china-pivot").click()
    expect(map_node(page, "china-pivot")).to_have_class(re.compile(r"\bselected\b"))
    settle(page)
    page.keyboard.press("Space")

    expect(map_node(page, "china-pivot")).to_have_class(re.compile(r"\bcollapsed\b"))
    hidden = shown - the_map(page).locator("g.node").count()
    assert hidden >= len(below)
    expect(map_node(page, "china-pivot")).to_contain_text(f"▸ {hidden} HIDDEN")
    for node_id in below:
        expect(map_node(page, node_id)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"[?&]collapsed=china-pivot\b"))
    screenshot(page, "editor-collapsed-branch")

    page.reload()
    expect(map_node(page, "china-pivot")).to_have_class(re.compile(r"\bcollapsed\b"))
    map_node(page, "china-pivot").click()
    settle(page)
    page.get_by_role("button", name=f"Expand its branch ({hidden} boxes hidden)").click()
    for node_id in below:
        expect(map_node(page, node_id)).to_be_attached()
    expect(map_node(page, "china-pivot")).not_to_have_class(re.compile(r"\bcollapsed\b"))
    expect(page).not_to_have_url(re.compile("collapsed="))
