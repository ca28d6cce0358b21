"""The Library, Practice and Analysis pages driven with Streamlit's AppTest on a temporary copy of
the map library: where an action's messages show, what stays on screen after checking a drill
answer, restoring from the trash, and the balance chart.

(The fixtures are those of ``test_ui_pages.py``.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ARGUMENTS, ROOT
from streamlit.testing.v1 import AppTest

from argmap.store import Library

EDITOR = "argmap/ui/pages/editor.py"
ANALYSIS = "argmap/ui/pages/analysis.py"
PRACTICE = "argmap/ui/pages/practice.py"
SEED = "india-russia"


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    """A copy of the repository's maps; the app is pointed at it through ARGMAP_LIBRARY."""
    root = tmp_path / "arguments"
    shutil.copytree(ARGUMENTS, root, ignore=shutil.ignore_patterns(".argmap"))
    monkeypatch.setenv("ARGMAP_LIBRARY", str(root))
    return Library(root)


@pytest.fixture
def app(library: Library) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    at.run()
    assert not at.exception
    return at


def opened(at: AppTest, name: str = SEED) -> AppTest:
    at.button(key=f"open_{name}").click().run()
    assert not at.exception
    return at


def labelled(elements, label: str):
    return next(element for element in elements if element.label == label)


def top_level(at: AppTest, kind: str) -> list:
    """The elements of type ``kind`` placed straight in the page, not inside a column or box."""
    return [child for child in at.main.children.values() if child.type == kind]


# -- Practice --------------------------------------------------------------------------------------


def practise(at: AppTest) -> AppTest:
    opened(at)
    at.switch_page(PRACTICE).run()
    at.selectbox(key="practice_mode").set_value("rebuttal").run()
    return at


def test_a_checked_answer_stays_beside_the_model_answer(app: AppTest):
    practise(app)
    typed = "Russia can act as a bridge between India and China."
    labelled(app.text_area, "Your answer").set_value(typed)
    app.button(key="check_answer").click().run()
    assert not app.exception
    card = app.main.get_by_key("drill_card")
    assert typed in [text.value for text in card.text]
    assert card.metric[0].label == "Score"
    assert any("Model answer" in m.value for m in card.markdown)
    app.button(key="next_item").click().run()
    assert labelled(app.text_area, "Your answer").value == ""


def test_checking_an_empty_answer_says_so_in_the_drill_card(app: AppTest):
    practise(app)
    app.button(key="check_answer").click().run()
    [error] = app.main.get_by_key("drill_card").error
    assert error.value == "write an answer before checking it"
    assert not top_level(app, "error")
