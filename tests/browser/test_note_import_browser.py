"""The note import in a real browser: a note pasted on the Library page is read into a draft shown
as a table beside its map; with a thesis typed it is added to the library and opens in the Editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from argmap.model import Kind
from argmap.store import Library

from .app import screenshot

pytestmark = pytest.mark.browser

NOTE = """GS Paper 2 – International Relations
Topic: India–Japan ties

Challenges
- Land acquisition has slowed the high-speed rail project.
- Bilateral trade is small and India runs a deficit with Japan.

Way forward
- Ease land acquisition for the rail corridor.
- Widen market access to cut the trade deficit.
"""


def test_a_pasted_note_is_reviewed_beside_its_map_and_added_to_the_library(
    page: Page, library_dir: Path
) -> None:
    page.goto("/")
    box = page.locator(".st-key-note_import")
    box.get_by_label("Paste a note").fill(NOTE)
    box.get_by_role("button", name="Read the note").click()

    expect(box).to_contain_text("Draft: India–Japan ties")
    expect(box).to_contain_text("no thesis found")
    expect(box.get_by_test_id("stDataFrame")).to_be_visible()
    expect(box.get_by_test_id("stGraphVizChart").locator("svg")).to_be_visible()
    add = box.get_by_role("button", name="Add to library")
    expect(add).to_be_disabled()
    screenshot(page, "note-import-review")

    thesis = box.get_by_role("textbox", name="No thesis found: what position does this note argue?")
    thesis.fill("India–Japan ties can grow if the irritants are managed")
    thesis.press("Enter")
    name = box.get_by_role("textbox", name="Save as")
    name.fill("japan-from-notes")
    name.press("Enter")
    expect(add).to_be_enabled()
    add.click()

    expect(page.get_by_role("heading", name="India–Japan ties")).to_be_visible()
    saved = Library(library_dir).load("japan-from-notes").map
    assert saved.thesis().text == "India–Japan ties can grow if the irritants are managed"
    measure = saved.get("ease-land-acquisition-for-the-rail")
    assert measure.kind is Kind.RECOMMENDATION
    assert measure.opposes == ["land-acquisition-has-slowed-the-high"]
