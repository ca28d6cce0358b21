"""The Practice page's timers in a real browser, on a fake clock (Playwright's clock API): every
format's length, a whole speech from start to "Time is up", protected time and the POI window
beside the clock, Next, and the plain answer timer of a written UPSC answer."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from argmap.practice import DEBATE_FORMATS, Side

from .app import choose, screenshot, settle, use_map

pytestmark = pytest.mark.browser

MOTION = "social-media-ban-under-16"
DEBATES = [fmt for fmt in DEBATE_FORMATS.values() if any(speech.side for speech in fmt.speeches)]
ANSWERS = [fmt for fmt in DEBATE_FORMATS.values() if not any(speech.side for speech in fmt.speeches)]


def clock_text(seconds: float) -> str:
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def practice(page: Page, format_name: str) -> None:
    page.clock.install()
    use_map(page, "/practice", MOTION)
    choose(page, "Debate format", format_name)
    settle(page)


def speech_timer(page: Page, fmt) -> Locator:
    """The speech timer, once it shows ``fmt``'s speeches (it is drawn in the browser after the run)."""
    page.get_by_role("tab", name="Speeches").click()
    timer = page.locator(".st-key-speech_timer .argmap-timer")
    shorts = ", ".join(speech.short for speech in fmt.speeches_of(Side.FOR))
    expect(timer.locator(".title")).to_have_text(f"Speeches ({fmt.for_name}: {shorts})")
    return timer


def boxes_overlap(first: Locator, second: Locator) -> bool:
    a, b = first.bounding_box(), second.bounding_box()
    assert a is not None and b is not None
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("fmt", DEBATES, ids=[fmt.id for fmt in DEBATES])
def test_a_whole_speech_runs_from_its_length_through_its_poi_window_to_time_up(page: Page, fmt) -> None:
    practice(page, fmt.name)
    timer = speech_timer(page, fmt)
    first = next(speech for speech in fmt.speeches if speech.side is Side.FOR)
    clock, phase = timer.locator(".clock"), timer.locator(".phase")
    expect(clock).to_have_text(clock_text(first.seconds))
    expect(phase).to_have_text("Ready")

    timer.locator("button.start").click()
    expect(timer.locator("button.start")).to_have_text("Pause")
    if first.poi_window is not None:
        start, end = (minute * 60 for minute in first.poi_window)
        page.clock.run_for(int(start * 1000) - 30_000)
        expect(phase).to_have_text("Protected time")
        assert not boxes_overlap(phase, timer.locator("button.start"))
        page.clock.run_for(31_000)
        expect(phase).to_have_text("POI window open")
        expect(clock).to_have_text(clock_text(first.seconds - start - 1))
        page.clock.run_for(int((end - start) * 1000))
        expect(phase).to_have_text("Protected time")
    page.clock.run_for(first.seconds * 1000)
    expect(clock).to_have_text("0:00")
    expect(phase).to_have_text("Time is up")
    expect(timer.locator("button.start")).to_be_enabled()


@pytest.mark.parametrize("fmt", DEBATES, ids=[fmt.id for fmt in DEBATES])
def test_next_moves_to_the_next_speech_at_its_own_length(page: Page, fmt) -> None:
    practice(page, fmt.name)
    timer = speech_timer(page, fmt)
    order = list(fmt.speeches)
    at = next(i for i, speech in enumerate(order) if speech.side is Side.FOR)
    for speech in order[at + 1 : at + 4]:
        timer.locator("button.next").click()
        expect(timer.locator(".clock")).to_have_text(clock_text(speech.seconds))
        expect(timer.locator("select.section")).to_have_value(str(order.index(speech)))


def test_the_clock_never_jumps_back_while_it_runs(page: Page) -> None:
    practice(page, DEBATE_FORMATS["bp"].name)
    speech_timer(page, DEBATE_FORMATS["bp"])
    choose(
        page, "Debate format", DEBATE_FORMATS["wsdc"].name
    )  # a change of format must leave no old clock ticking
    settle(page)
    timer = speech_timer(page, DEBATE_FORMATS["wsdc"])
    timer.locator("button.start").click()
    seen = []
    for _ in range(40):
        page.clock.run_for(1_500)
        seen.append(timer.locator(".clock").inner_text())
    seconds = [int(text.split(":")[0]) * 60 + int(text.split(":")[1]) for text in seen]
    assert seconds == sorted(seconds, reverse=True), seen
    assert seconds[0] <= 8 * 60


def test_changing_the_format_sets_the_clock_to_the_new_length(page: Page) -> None:
    practice(page, DEBATE_FORMATS["wsdc"].name)
    timer = speech_timer(page, DEBATE_FORMATS["wsdc"])
    expect(timer.locator(".clock")).to_have_text("8:00")
    choose(page, "Debate format", DEBATE_FORMATS["bp"].name)
    expect(speech_timer(page, DEBATE_FORMATS["bp"]).locator(".clock")).to_have_text("7:00")


def test_pause_and_reset_stay_clickable_and_do_what_they_say(page: Page) -> None:
    practice(page, DEBATE_FORMATS["ap"].name)
    timer = speech_timer(page, DEBATE_FORMATS["ap"])
    start, reset, clock = (
        timer.locator("button.start"),
        timer.locator("button.reset"),
        timer.locator(".clock"),
    )
    start.click()
    page.clock.run_for(90_000)  # into the POI window
    start.click()
    expect(start).to_have_text("Resume")
    expect(clock).to_have_text("5:30")
    page.clock.run_for(60_000)
    expect(clock).to_have_text("5:30")
    reset.click()
    expect(clock).to_have_text("7:00")
    expect(start).to_have_text("Start")
    screenshot(page, "practice-timer")


@pytest.mark.parametrize("fmt", ANSWERS, ids=[fmt.id for fmt in ANSWERS])
def test_a_written_answer_gets_a_plain_timer_that_warns_a_minute_before_the_end(page: Page, fmt) -> None:
    practice(page, fmt.name)
    timer = page.locator(".st-key-answer_timer .argmap-timer")
    total = round(fmt.total_minutes * 60)
    expect(timer.locator(".clock")).to_have_text(clock_text(total))
    assert total in (7 * 60, 11 * 60)
    timer.locator("button.start").click()
    page.clock.run_for((total - 61) * 1000)
    expect(timer.locator(".phase")).to_have_text("Running")
    page.clock.run_for(2_000)
    expect(timer.locator(".phase")).to_have_text("One minute left")
    page.clock.run_for(60_000)
    expect(timer.locator(".phase")).to_have_text("Time is up")
    text = timer.inner_text()
    assert "POI" not in text and "Protected" not in text and "protected" not in text
    expect(page.get_by_role("tab", name="Preparation")).to_have_count(0)


def test_a_running_speech_keeps_running_across_a_switch_of_tabs(page: Page) -> None:
    practice(page, DEBATE_FORMATS["bp"].name)
    timer = speech_timer(page, DEBATE_FORMATS["bp"])
    timer.locator("button.start").click()
    page.clock.run_for(30_000)
    page.get_by_role("tab", name="Preparation").click()
    page.clock.run_for(30_000)

    timer = speech_timer(page, DEBATE_FORMATS["bp"])

    expect(timer.locator(".clock")).to_have_text("6:00")
    expect(timer.locator("button.start")).to_have_text("Pause")
