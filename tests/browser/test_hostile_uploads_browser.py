"""Issue #12 item 7 in a real browser: each hostile input uploaded on the Library page gets its
one-line error (or reads), and while it is being read a second user's page still renders.

Before the fix, the 50 KB nesting bomb killed the server and the 2 KB note stalled every page for
26 s. The second page's readiness is measured, not slept for; the bound is generous (the machine
running the suite is shared), and the figure is printed beside the same page's time with no
upload being read, for the issue note.
"""

from __future__ import annotations

import os
import time

import pytest
from fuzz.hostile_inputs import Hostile, hostile_inputs, hostile_notes
from playwright.sync_api import Browser, Page, expect

from .conftest import PAGE_TIMEOUT_MS, VIEWPORT

pytestmark = pytest.mark.browser

# Generous: a quiet machine renders the Library in about a second, a suite sharing two cores with
# other work in up to ~14 s (measured), and before the fix the server died or froze for 26 s and more.
SECOND_PAGE_BOUND_MS = PAGE_TIMEOUT_MS
CASES = {case.name: case for case in [*hostile_inputs(), *hostile_notes()]}
#: One input per way a reader used to fail (killed the process, ran out of memory, backtracked,
#: raised a traceback, recursed), one per format. Every input of the issue is read in-process by
#: tests/fuzz/test_hostile_readers.py; the whole list goes through the browser with
#: ARGMAP_BROWSER_ALL_HOSTILE=1 (`make fuzz` sets it), since each case costs a page load and two
#: second sessions (about 10 s) and all 42 would take most of the suite's time.
REPRESENTATIVE = (
    "deep-flow-yaml-map",
    "alias-bomb-argdown-data",
    "merge-chain-yaml-map",
    "argdown-open-comments",
    "aif-deep-json",
    "tag-bool-yaml-map",
    "notes-heading-spaces",
    "notes-nested-bullets",
)
BROWSER_CASES = sorted(CASES) if os.environ.get("ARGMAP_BROWSER_ALL_HOSTILE") == "1" else REPRESENTATIVE


def second_page_renders_in(browser: Browser, app_url: str) -> float:
    """Seconds until another session's Library page shows its heading and the seed map's card."""
    context = browser.new_context(base_url=app_url, viewport=VIEWPORT)
    try:
        other = context.new_page()
        start = time.perf_counter()
        other.goto("/")
        expect(other.get_by_role("heading", name="Library")).to_be_visible(timeout=SECOND_PAGE_BOUND_MS)
        expect(other.locator(".st-key-map_card_india-russia")).to_be_visible(timeout=SECOND_PAGE_BOUND_MS)
        return time.perf_counter() - start
    finally:
        context.close()


def upload(page: Page, case: Hostile) -> None:
    box = page.locator(".st-key-upload_box")
    box.locator("input[type=file]").set_input_files(
        files=[{"name": case.file_name, "mimeType": "text/plain", "buffer": case.data}]
    )


@pytest.mark.parametrize("name", BROWSER_CASES)
def test_a_hostile_upload_gets_one_line_and_leaves_other_sessions_answering(
    name: str, page: Page, browser: Browser, app_url: str
) -> None:
    case = CASES[name]
    page.goto("/")
    expect(page.get_by_role("heading", name="Library")).to_be_visible()
    floor = second_page_renders_in(browser, app_url)  # the same page with no upload being read
    upload(page, case)
    took = second_page_renders_in(browser, app_url)
    print(
        f"{name}: a second session's Library rendered in {took:.2f} s while the upload was read ({floor:.2f} s without)"
    )
    box = page.locator(".st-key-upload_box")
    outcome = box.locator("[data-testid=stAlertContentError], [data-testid=stAlertContentSuccess]")
    expect(outcome.first).to_be_visible(timeout=PAGE_TIMEOUT_MS)
    shown = outcome.first.inner_text()
    assert "Traceback" not in shown
    assert case.file_name in shown or "valid" in shown
