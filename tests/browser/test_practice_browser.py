"""The Practice page in a real browser (issue 7): answer a drill and see the score and the model
answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from argmap.practice import DrillMode, Side, drill_items, score_answer
from argmap.store import Library

from .app import SEED, SEED_TITLE, screenshot, settle, use_map

pytestmark = pytest.mark.browser


def normalized(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_answering_a_drill_shows_the_score_and_the_model_answer(page: Page, library_dir: Path) -> None:
    use_map(page, "/practice")
    expect(page.get_by_role("heading", name="Practice", exact=True)).to_be_visible()
    # The page first shows the library's first map; wait until it has rerun on the seed map.
    expect(page.get_by_text(f"{SEED_TITLE}: drill the points")).to_be_visible()
    settle(page)
    card = page.locator(".st-key-drill_card")
    prompt = normalized(card.locator("blockquote").inner_text())
    # The page drills rebuttals for the "for" side by default; find the item it shows.
    items = drill_items(Library(library_dir).load(SEED).map, DrillMode.REBUTTAL, Side.FOR)
    item = next((item for item in items if normalized(item.prompt) == prompt), None)
    assert item is not None, (
        f"the drill card shows a prompt that is not a rebuttal drill of the map: {prompt!r}"
    )
    answer = item.answer_parts[0]
    expected = score_answer(item, answer)

    card.get_by_label("Your answer").fill(answer)
    card.get_by_role("button", name="Check my answer").click()

    expect(page.get_by_test_id("stMetric")).to_contain_text("Score")
    expect(page.get_by_test_id("stMetricValue")).to_have_text(f"{expected.score:.0%}")
    expect(page.get_by_text(f"Grade: {expected.grade_name}")).to_be_visible()
    model_answer = page.locator(".st-key-model_answer")
    expect(model_answer).to_contain_text("Model answer (from the map)")
    expect(model_answer).to_contain_text(item.model_answer.splitlines()[0])
    # The answer stays in view beside the model answer (no longer an empty, greyed-out box).
    expect(page.locator(".st-key-your_answer")).to_contain_text(answer)
    screenshot(page, "practice")
