"""The Answer page in a real browser (issue 15): write an answer, have it reviewed, see the marks,
the findings and the map with the covered points marked, then go to a finding's node."""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from playwright.sync_api import Page, expect

from .app import screenshot, use_map

pytestmark = pytest.mark.browser

UNANSWERED = (FIXTURES / "answers" / "india-russia" / "objection-unanswered.txt").read_text(encoding="utf-8")


def test_an_answer_is_reviewed_and_a_finding_leads_to_its_node(page: Page) -> None:
    use_map(page, "/answer")
    expect(page.get_by_role("heading", name="Answer", exact=True)).to_be_visible()

    answer = page.get_by_label("Your answer")
    answer.press_sequentially("India and Russia remain")
    expect(page.locator(".st-key-answer_words .argmap-words")).to_have_text(
        "4 words of 250: short of the limit."
    )
    answer.fill(UNANSWERED)
    page.get_by_role("button", name="Review my answer").click()

    expect(page.get_by_role("heading", name="Marks: 14 / 15")).to_be_visible()
    expect(
        page.get_by_text("Raises “Mi-35 helicopters for Pakistan” but leaves it unanswered")
    ).to_be_visible()
    expect(page.get_by_test_id("stImage").locator("img")).to_be_visible()
    expect(page.get_by_text("1 attempt; the last on", exact=False)).to_be_visible()
    screenshot(page, "answer")

    page.locator(".st-key-finding_0").get_by_role("button").click()

    expect(page.get_by_role("heading", name="India–Russia relations", exact=True)).to_be_visible()
    expect(page.locator('.st-key-map_click svg g.node[id="mi35-sale"].selected')).to_be_attached()
