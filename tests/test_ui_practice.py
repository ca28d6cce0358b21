"""The Practice page (AppTest): what the chosen side cannot answer yet, drills for either side, and
a practice round against the map, kept in the progress history."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from ui_app import PRACTICE, app, labelled, library, opened  # noqa: F401 (app, library: fixtures)

MOTION = "social-media-ban-under-16"


def practise(at: AppTest, side: str = "for", fmt: str = "wsdc", mode: str = "rebuttal") -> AppTest:
    opened(at, MOTION)
    at.switch_page(PRACTICE).run()
    at.selectbox(key="practice_format").set_value(fmt).run()
    at.selectbox(key="practice_side").set_value(side).run()
    at.selectbox(key="practice_mode").set_value(mode).run()
    assert not at.exception
    return at


def test_the_page_says_how_many_arguments_the_side_cannot_answer(app: AppTest):
    practise(app, side="against")

    labels = [expander.label for expander in app.expander]
    assert any(label.startswith("The opposition has no answer to ") for label in labels)
    assert any("proposition arguments" in label for label in labels)


@pytest.mark.parametrize("side", ["for", "against"])
@pytest.mark.parametrize("mode", ["rebuttal", "evidence", "switch", "steelman"])
def test_every_drill_works_for_either_side_of_the_motion(app: AppTest, side: str, mode: str):
    practise(app, side=side, mode=mode)

    assert not app.error
    card = app.main.get_by_key("drill_card")
    assert card.markdown  # the prompt
    labelled(app.text_area, "Your answer").set_value("Platforms design feeds to keep children scrolling.")
    app.button(key="check_answer").click().run()
    assert app.main.get_by_key("drill_card").metric[0].label == "Score"


def test_a_round_goes_clash_by_clash_to_a_summary_kept_in_the_history(app: AppTest):
    practise(app, side="against")
    app.button(key="start_round").click().run()
    clashes = 0
    while True:
        card = app.main.get_by_key("round_card")
        assert card.caption[0].value.startswith(f"Clash {clashes + 1} of ")
        labelled(app.text_area, "Your response").set_value("The evidence is correlational, not causal.")
        app.button(key="answer_clash").click().run()
        card = app.main.get_by_key("round_card")
        assert card.metric[0].label == "Score"
        assert any(m.value.startswith("Missed: ") for m in card.markdown)
        assert app.main.get_by_key("map_rebuttal").text
        clashes += 1
        last = app.button(key="next_clash").label == "See the summary"
        app.button(key="next_clash").click().run()
        if last:
            break
    card = app.main.get_by_key("round_card")
    assert any(m.value == "**Round over**" for m in card.markdown)
    assert any(m.value.startswith(f"{clashes} clashes answered, mean score ") for m in card.markdown)
    history = [table for table in app.table if "Mean score" in table.value.columns]
    assert len(history) == 1 and history[0].value["Clashes"].tolist() == [clashes]


def test_checking_an_empty_response_says_so_in_the_round(app: AppTest):
    practise(app, side="for")
    app.button(key="start_round").click().run()
    app.button(key="answer_clash").click().run()

    [error] = app.main.get_by_key("round_card").error
    assert error.value == "write a response before checking it"


def test_a_written_answer_format_offers_no_preparation_or_poi_timer(app: AppTest):
    practise(app, fmt="upsc-250")

    assert [tab.label for tab in app.tabs] == []
    text = " ".join(m.value for m in [*app.main.markdown, *app.main.caption])
    assert "POI" not in text and "Protected" not in text
