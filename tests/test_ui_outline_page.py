"""The Outline & export page: what it starts with and what it asks."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from ui_app import EDITOR, OUTLINE, SEED, app, labelled, library, opened  # noqa: F401 (app, library: fixtures)

from argmap.store import Library


def outline_page(at: AppTest, name: str) -> AppTest:
    opened(at, name).switch_page(OUTLINE).run()
    assert not at.exception
    return at


def test_the_template_starts_as_the_one_the_question_asks_for(app: AppTest):
    outline_page(app, "india-russia")  # "… Critically examine. (250 words)"
    assert app.selectbox(key="template").value == "upsc-gs-250"
    assert app.number_input(key="words_upsc-gs-250").value == 250


def test_a_gs_answer_offers_no_side_to_choose(app: AppTest):
    outline_page(app, "india-russia")
    assert not [radio for radio in app.radio if radio.key == "side"]


def test_a_motion_starts_as_a_debate_case_that_asks_for_the_side_in_debate_words(app: AppTest):
    outline_page(app, "social-media-ban-under-16")  # "This House would ban …"
    assert app.selectbox(key="template").value == "debate-case"
    side = app.radio(key="side")
    assert side.label == "Side of the motion"
    assert side.options == ["Proposition (for the motion)", "Opposition (against the motion)"]


def test_a_point_marked_key_in_the_editor_leads_its_side_of_the_outline(app: AppTest, library: Library):
    opened(app).switch_page(EDITOR).run()
    app.selectbox(key="selected").set_value("defence").run()
    labelled(app.selectbox, "Priority in outlines").set_value("key")
    labelled(app.button, "Save changes").click().run()
    assert library.load(SEED).map.get("defence").priority == "key"
    app.switch_page(OUTLINE).run()
    shown = "\n".join(m.value for m in app.markdown)
    convergences = shown.split("## Convergences")[1]
    assert convergences.split("\n1. ")[1].startswith("**Defence**")
