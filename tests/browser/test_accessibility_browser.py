"""Every page passes axe-core in Chromium with no serious or critical violation (issue 17), and so
does the Editor with each of its sections, dialogs and tabs open.

axe-core runs in the page through ``axe-playwright-python``, whose wheel ships ``axe.min.js``
(4.12), so nothing is fetched. Each page is checked as it first opens on the seed map, after the
app has finished its run; the Editor again with each part a user opens: the Map details, View and
filters, Move, link or rename and Checks sections, the delete confirmation, the shortcuts list, the
field that edits a label on the map, an evidence node's source fields, the Table tab, and a
motion's Debate work to do.

One element is left out: the map's picture (the SVG that ``dot`` drew). axe-core cannot judge text
drawn over SVG shapes (it reports each as "needs review"), and a map scrolled in its frame breaks
its colour-contrast check for the whole page ("Element midpoint exceeds the grid bounds", which
axe reports as an error, not a violation). The map's own colours are checked against WCAG's 4.5:1
in tests/test_render_contrast.py instead. A rule that axe could not run is a finding here, so a
check that did not happen never passes. The one violation Streamlit's own styles gave (captions
and quotes in a grey of 3.9:1) is fixed by the app's CSS (``argmap.ui.common.APP_CSS``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .app import AT_REST, SEED, SEED_TITLE, map_node, settle, window_as_tall_as_the_page

pytestmark = pytest.mark.browser

#: Each page's address and its title (the Editor's is the map's); the Library is the app's root.
PAGES = {
    "": "Library",
    "editor": SEED_TITLE,
    "outline": "Outline & export",
    "analysis": "Analysis",
    "practice": "Practice",
    "answer": "Answer",
    "history": "History",
}
BLOCKING = {"serious", "critical"}
#: The map's picture, inside the component's shadow root (axe's selector for it).
MAP_PICTURE = [['div[data-testid="stBidiComponentIsolated"]', ".argmap-map > svg"]]
CONTEXT = {"exclude": [MAP_PICTURE]}
#: Whether Streamlit began a run while axe was checking: it dims the elements of the run before
#: (``data-stale``), and a dimmed caption fails the contrast rule though no user reads it so.
WATCH = """() => { window.argmapRerun = false;
  window.argmapWatch = new MutationObserver(() => { window.argmapRerun = true; });
  window.argmapWatch.observe(document.body, {attributes: true, attributeFilter: ['data-stale'], subtree: true}); }"""
RERAN = "() => { window.argmapWatch.disconnect(); return window.argmapRerun; }"


def blocking(results: dict) -> list[str]:
    """The serious and critical violations, each with up to three of the elements it found, and
    the rules axe-core could not run (an error in a rule skips it for the whole page)."""
    found = [
        f"{violation['impact']} {violation['id']} ({violation['help']}): "
        + "; ".join(f"{node['target']} {node.get('failureSummary', '')!r}" for node in violation["nodes"][:3])
        for violation in results["violations"]
        if violation["impact"] in BLOCKING
    ]
    for unsure in results["incomplete"]:
        for node in unsure["nodes"]:
            errors = [
                check
                for check in node.get("none", []) + node.get("any", [])
                if check["id"] == "error-occurred"
            ]
            if errors:
                found.append(
                    f"axe-core could not run {unsure['id']} at {node['target']}: {errors[0]['data']}"
                )
                break
    return found


def checked_at_rest(page: Page) -> list[str]:
    """axe-core's blocking findings on the page as it rests between runs.

    A check that a run overlapped is made again; so is one that found something, since Streamlit
    fades elements in and out around a run and a caption caught mid-fade (about 77% opacity, seen
    on a quiet machine) fails the contrast rule though the page at rest passes it. A real violation
    is found by every check; at most three are made.
    """
    found: list[str] = ["the app kept running while axe-core checked the page"]
    viewport = page.viewport_size
    for _ in range(3):
        settle(page)
        window_as_tall_as_the_page(page)
        page.wait_for_function(AT_REST)
        page.evaluate(WATCH)
        results = Axe().run(page, context=CONTEXT, options={"resultTypes": ["violations"]})
        if page.evaluate(RERAN):
            continue
        found = blocking(results.response)
        if not found:
            break
    if viewport:
        page.set_viewport_size(viewport)
    return found


@pytest.mark.parametrize("path", list(PAGES), ids=lambda path: path or "library")
def test_the_page_has_no_serious_or_critical_accessibility_violation(page: Page, path: str) -> None:
    page.goto(f"/{path}?map={SEED}")
    expect(page.get_by_role("heading", name=PAGES[path], exact=True)).to_be_visible()
    found = checked_at_rest(page)
    assert not found, "\n".join(found)


def open_section(title: str, field: str) -> Callable[[Page], None]:
    """Open the Editor's section whose header starts ``title`` and wait for its ``field``."""

    def opening(page: Page) -> None:
        page.get_by_text(title).first.click()
        expect(page.get_by_label(field, exact=True).first).to_be_visible()

    return opening


def on_the_map(key: str, shown: str) -> Callable[[Page], None]:
    """Press ``key`` on the map and wait for what it shows (``shown``, a CSS selector)."""

    def pressing(page: Page) -> None:
        page.locator(".st-key-map_click .argmap-map").focus()
        page.keyboard.press(key)
        expect(page.locator(f".st-key-map_click {shown}")).to_be_visible()

    return pressing


def confirm_delete(page: Page) -> None:
    page.get_by_role("button", name="Delete node…").click()
    expect(page.get_by_role("button", name="Yes, delete")).to_be_visible()


def open_checks(page: Page) -> None:
    page.get_by_text(re.compile(r"^Checks: ")).first.click()
    expect(page.get_by_text("Click a finding to select its node.")).to_be_visible()


def select_evidence(page: Page) -> None:
    map_node(page, "sipri-arms-share").click()
    expect(page.locator('[class*="_sipri-arms-share_source_0_title"]')).to_be_visible()


def open_table(page: Page) -> None:
    page.get_by_role("tab", name="Table").click()
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()


#: What a user opens in the Editor, and how (each waits until it is shown).
EDITOR_PARTS: dict[str, Callable[[Page], None]] = {
    "map details": open_section("Map details", "Title"),
    "view and filters": open_section("View and filters", "Group boxes by"),
    "move, link or rename": open_section("Move, link or rename", "Node id"),
    "checks": open_checks,
    "delete confirmation": confirm_delete,
    "shortcuts": on_the_map("?", ".argmap-help"),
    "label field on the map": on_the_map("F2", "input.argmap-inline"),
    "evidence sources": select_evidence,
    "table": open_table,
}


@pytest.mark.parametrize("part", list(EDITOR_PARTS))
def test_the_editor_with_a_part_open_has_no_serious_or_critical_violation(page: Page, part: str) -> None:
    page.goto(f"/editor?map={SEED}")
    expect(page.locator(".st-key-map_click svg g.node").first).to_be_attached()
    settle(page)
    EDITOR_PARTS[part](page)
    found = checked_at_rest(page)
    assert not found, "\n".join(found)


def test_a_motions_debate_work_to_do_has_no_serious_or_critical_violation(page: Page) -> None:
    page.goto("/editor?map=compulsory-voting")
    expect(page.locator(".st-key-map_click svg g.node").first).to_be_attached()
    page.get_by_text("Debate work to do").click()
    expect(page.locator(".st-key-debate_gaps [data-testid='stExpanderDetails']")).to_be_visible()
    found = checked_at_rest(page)
    assert not found, "\n".join(found)
