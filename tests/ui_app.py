"""What the AppTest modules share: the app on a temporary copy of the map library, and the steps
every test takes (open a map, find a widget by its label). Test modules import the fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ARGUMENTS, ROOT
from streamlit.testing.v1 import AppTest

from argmap.store import Library

EDITOR = "argmap/ui/pages/editor.py"
OUTLINE = "argmap/ui/pages/outline.py"
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
    """The widget with this label (the Editor's form widgets have keys that change per map revision)."""
    return next(element for element in elements if element.label == label)
