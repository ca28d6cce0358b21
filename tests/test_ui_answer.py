"""The Answer page driven with Streamlit's AppTest on a temporary copy of the map library: review an
answer, see marks, rubric and findings, go to a finding's node, and keep every attempt."""

from __future__ import annotations

from conftest import FIXTURES
from streamlit.testing.v1 import AppTest
from ui_app import EDITOR, app, library, opened  # noqa: F401 (app, library: fixtures)

from argmap.services.review import AttemptStore
from argmap.store import Library
from argmap.ui import state

ANSWER = "argmap/ui/pages/answer.py"
UNANSWERED = (FIXTURES / "answers" / "india-russia" / "objection-unanswered.txt").read_text(encoding="utf-8")


def _answer_page(at: AppTest) -> AppTest:
    opened(at)
    at.switch_page(ANSWER).run()
    assert not at.exception
    return at


def _reviewed(at: AppTest, text: str = UNANSWERED) -> AppTest:
    _answer_page(at)
    at.text_area(key="answer_text").set_value(text).run()
    at.button(key="review_answer").click().run()
    assert not at.exception
    return at


def test_the_page_asks_the_maps_question_with_its_limit(app: AppTest):
    _answer_page(app)

    assert app.title[0].value == "Answer"
    assert any("India–Russia ties remain strong" in m.value for m in app.markdown)
    assert any("about 250 words (225–275 pass) and 11 minutes" in c.value for c in app.caption)


def test_the_review_counts_the_words_as_an_examiner_does(app: AppTest):
    _reviewed(app, "India and Russia remain close partners.")

    assert any(c.value == "6 words; limit 250 (225–275 pass)." for c in app.caption)


def test_reviewing_shows_marks_rubric_and_the_unanswered_objection(app: AppTest):
    _reviewed(app)

    assert app.subheader[0].value == "Marks: 14 / 15"
    criteria = app.table[0].value["Criterion"].tolist()
    assert criteria[0] == "Introduction" and criteria[-1] == "Word limit"
    assert any(
        "objection-unanswered" in m.value and "Mi-35 helicopters for Pakistan" in m.value
        for m in app.markdown
    )


def test_a_findings_button_selects_its_node_in_the_editor(app: AppTest):
    _reviewed(app)

    app.button(key="finding_0").click().run()

    assert not app.exception
    assert app.session_state[state.SELECTED] == "mi35-sale"
    assert app.title[0].value == "India–Russia relations"  # the Editor's title


def test_every_attempt_is_kept_with_its_marks(app: AppTest, library: Library):
    _reviewed(app)
    app.button(key="review_answer").click().run()

    attempts = AttemptStore.in_folder(library.data_dir).history("india-russia")
    assert [a.marks for a in attempts] == [14.0, 14.0]
    assert any(c.value.startswith("2 attempts; the last on") for c in app.caption)


def test_an_empty_answer_says_so_in_one_line(app: AppTest):
    _answer_page(app)
    app.button(key="review_answer").click().run()

    assert [e.value for e in app.error] == ["your answer: the answer is empty"]
