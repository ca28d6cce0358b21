"""The Analysis page in the student's words: how strong each point is and why, bars coloured by
side, the method behind a "How is this worked out?" box."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest
from ui_app import ANALYSIS, app, library, opened  # noqa: F401 (app, library: fixtures)


def analysis(at: AppTest) -> AppTest:
    opened(at).switch_page(ANALYSIS).run()
    assert not at.exception
    return at


def everything_shown(at: AppTest) -> str:
    """The page's words: text elements, table headings and cells, tab and expander labels."""
    parts = [
        element.value
        for kind in ("markdown", "caption", "success", "info", "warning")
        for element in at.get(kind)
    ]
    parts += [tab.label for tab in at.tabs] + [box.label for box in at.expander]
    for frame in at.dataframe:
        parts += list(frame.value.columns) + [str(cell) for cell in frame.value.to_numpy().ravel()]
    return "\n".join(str(part) for part in parts)


def test_the_page_speaks_without_our_jargon(app: AppTest):
    shown = everything_shown(analysis(app))
    assert "How strong each point is" in shown
    for jargon in ("DF-QuAD", "base score", "Convergences nodes"):
        assert jargon not in shown
    headings = {column for frame in app.dataframe for column in frame.value.columns}
    assert not headings & {"Base", "Change", "id"}


def test_each_points_strength_is_explained_in_a_sentence(app: AppTest):
    analysis(app)
    [table] = [frame.value for frame in app.dataframe if "Why" in frame.value.columns]
    defence = table[table["Point"] == "Major defence supplier"].iloc[0]
    assert defence["Why"] == "One piece of evidence raises it from 0.50 to 0.90."
    assert defence["Side"] == "For the thesis (convergences)"


def test_the_strength_bars_are_coloured_by_side(app: AppTest):
    analysis(app)
    [spec] = [json.loads(c.proto.spec) for c in app.get("vega_lite_chart") if "Why" in c.proto.spec]
    colour = spec["encoding"]["color"]["scale"]
    assert colour["domain"][:2] == ["For the thesis (convergences)", "Against it (irritants)"]
    assert colour["range"][0] != colour["range"][1]
    sides = (
        {row["Side"] for row in spec["datasets"][next(iter(spec["datasets"]))]}
        if "datasets" in spec
        else set()
    )
    assert not sides or {"For the thesis (convergences)", "Against it (irritants)"} <= sides


def test_the_method_and_its_source_are_behind_how_is_this_worked_out(app: AppTest):
    analysis(app)
    [box] = [box for box in app.expander if box.label == "How is this worked out?"]
    text = " ".join(m.value for m in box.markdown)
    assert "Rago, Toni, Aurisicchio and Baroni" in text
