"""The Editor used with the keyboard alone (issue 17): open a map by its address, then build,
add, edit, collapse and undo without the mouse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from argmap.model import Kind
from argmap.store import Library

from .app import SEED, map_node, settle, the_map

pytestmark = pytest.mark.browser

INLINE = ".st-key-map_click input.argmap-inline"


def type_point(page: Page, key: str, text: str) -> None:
    page.keyboard.press(key)
    expect(page.locator(INLINE)).to_be_focused()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_build_add_edit_collapse_and_undo_with_the_keyboard_alone(page: Page, library_dir: Path) -> None:
    library = Library(library_dir)
    page.goto(f"/editor?map={SEED}")
    expect(map_node(page, "strong-ties")).to_have_class(re.compile(r"\bselected\b"))  # the thesis
    settle(page)

    type_point(page, "Tab", "Keys alone build a convergence")  # below the thesis: a claim
    claim = the_map(page).locator("g.node.selected", has_text="Keys alone")
    expect(claim).to_have_count(1)
    settle(page)
    type_point(page, "Tab", "Keys alone back it with evidence")  # below a claim: evidence
    evidence = the_map(page).locator("g.node.selected", has_text="Keys alone back")
    expect(evidence).to_have_count(1)
    settle(page)
    saved = library.load(SEED).map
    claim_node = next(node for node in saved.nodes if node.text == "Keys alone build a convergence")
    evidence_node = next(node for node in saved.nodes if node.text == "Keys alone back it with evidence")
    assert claim_node.kind is Kind.CLAIM and claim_node.supports == ["strong-ties"]
    assert evidence_node.kind is Kind.EVIDENCE and evidence_node.supports == [claim_node.id]

    page.keyboard.press("F2")  # edit the new evidence's label in place
    expect(page.locator(INLINE)).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("Evidence typed by keys")
    page.keyboard.press("Enter")
    expect(map_node(page, evidence_node.id)).to_contain_text("Evidence typed by keys")
    # drawn again from the saved map (the words show before the edit's run has started)
    expect(map_node(page, evidence_node.id)).not_to_have_class(re.compile(r"\bpending\b"))
    expect(map_node(page, evidence_node.id)).to_contain_text("Evidence typed by keys")
    settle(page)
    assert library.load(SEED).map.get(evidence_node.id).label == "Evidence typed by keys"

    page.keyboard.press("/")  # find the claim, select it, and back to the map
    page.keyboard.type("Keys alone build")
    page.keyboard.press("Enter")
    expect(map_node(page, claim_node.id)).to_have_class(re.compile(r"\bselected\b"))
    expect(page.get_by_label("Selected node")).to_have_value("claim · Keys alone build a convergence")
    page.keyboard.press("Escape")
    settle(page)
    page.keyboard.press("Space")  # collapse the claim's branch
    expect(map_node(page, claim_node.id)).to_have_class(re.compile(r"\bcollapsed\b"))
    expect(map_node(page, claim_node.id)).to_contain_text("▸ 1 HIDDEN")
    expect(map_node(page, evidence_node.id)).to_have_count(0)
    settle(page)

    page.keyboard.press("Control+z")  # undo the label edit; the branch stays collapsed
    expect(page.get_by_text("Undone: edit")).to_be_visible()
    assert library.load(SEED).map.get(evidence_node.id).label is None
    expect(map_node(page, claim_node.id)).to_have_class(re.compile(r"\bcollapsed\b"))
