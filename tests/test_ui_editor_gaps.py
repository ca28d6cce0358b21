"""The Editor's "Debate work to do" list: on a motion, the arguments a side has no answer to,
each selectable; never on a GS answer, which has no sides to take."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from ui_app import SEED, app, library, opened  # noqa: F401 (app, library: fixtures)

MOTION = "social-media-ban-under-16"


def _gap_list(at: AppTest):
    return [expander for expander in at.expander if expander.label.startswith("Debate work to do")]


def test_a_motion_lists_the_arguments_the_opposition_has_not_answered(app: AppTest):
    at = opened(app, MOTION)
    (gaps,) = _gap_list(at)
    assert gaps.label == "Debate work to do: 11 to answer"
    lines = [element.value for element in gaps.markdown]
    assert any("has no answer to 11" in line for line in lines)
    assert any("has an answer in the map to every" in line for line in lines)


def test_a_gap_selects_the_argument_to_answer(app: AppTest, library):
    at = opened(app, MOTION)
    before = at.selectbox(key="selected").value
    gap = next(button for button in at.button if button.key and button.key.startswith("gap_"))
    gap.click().run()
    assert not at.exception
    chosen = library.load(MOTION).map.get(at.selectbox(key="selected").value)
    assert chosen.id != before
    assert chosen.display_label in gap.label


def test_a_gs_answer_has_no_debate_work_list(app: AppTest):
    at = opened(app, SEED)
    assert _gap_list(at) == []
