"""The Library, Practice and Analysis pages driven with Streamlit's AppTest on a temporary copy of
the map library: where an action's messages show, what stays on screen after checking a drill
answer, restoring from the trash, and the balance chart.

(The fixtures come from ``ui_app.py``, shared with ``test_ui_pages.py``.)
"""

from __future__ import annotations

import json
import shutil

from streamlit.testing.v1 import AppTest
from ui_app import ANALYSIS, EDITOR, PRACTICE, SEED, app, labelled, library, opened  # noqa: F401 (app, library: fixtures)

from argmap.store import Library


def top_level(at: AppTest, kind: str) -> list:
    """The elements of type ``kind`` placed straight in the page, not inside a column or box."""
    return [child for child in at.main.children.values() if child.type == kind]


# -- Library ---------------------------------------------------------------------------------------


def test_a_new_map_is_announced_on_the_editor(app: AppTest):
    app.text_input(key="new_title").set_value("India and China")
    labelled(app.button, "Create map").click().run()
    assert app.title[0].value == "India and China"  # the Editor
    assert [notice.value for notice in app.success] == ["Added 'india-and-china' to the library."]
    app.run()
    assert not app.success  # shown once


def test_an_upload_is_announced_on_the_editor(app: AppTest):
    argdown = "[Thesis]: Ties remain strong.\n  + <Defence>: Russia supplies arms.\n"
    app.file_uploader(key="upload").upload("ties.argdown", argdown.encode()).run()
    app.button(key="upload_add").click().run()
    assert not app.exception
    assert app.title[0].value == "ties"  # the Editor, on the map added
    assert [notice.value for notice in app.success] == ["Added 'ties' to the library."]


def test_creating_without_a_title_says_so_in_the_new_map_box(app: AppTest):
    labelled(app.button, "Create map").click().run()
    [error] = app.main.get_by_key("new_map").error
    assert error.value == "give the new map a title"
    assert not top_level(app, "error")


def test_a_rename_without_a_new_name_says_so_in_the_manage_box(app: AppTest):
    app.button(key="rename").click().run()
    [error] = app.main.get_by_key("manage").error
    assert error.value.startswith("type a new name to rename")
    assert not top_level(app, "error")


def trash_rows(at: AppTest) -> list[str]:
    return [m.value for m in at.main.get_by_key("trash").markdown if "deleted" in m.value]


def test_a_deleted_map_whose_name_is_taken_is_restored_under_a_new_name(app: AppTest, library: Library):
    library.duplicate(SEED, "india-russia-2")
    app.run()
    app.selectbox(key="manage_map").set_value("india-russia-2")
    app.button(key="delete").click().run()
    library.duplicate(SEED, "india-russia-2")  # the name is taken again
    app.run()
    app.button(key="restore_0").click().run()
    [error] = app.main.get_by_key("trash").error
    assert "already exists; restore it under another name" in error.value
    assert not top_level(app, "error")
    [name] = [box for box in app.main.get_by_key("trash").text_input if box.label == "Restore as"]
    assert name.value == "india-russia-2"
    name.set_value("india-russia-old")
    app.button(key="restore_0").click().run()
    assert library.exists("india-russia-old")
    assert not library.trash()
    assert app.session_state["trash"]  # the Trash stays open to show it, though its label changed
    assert [notice.value for notice in app.main.get_by_key("trash").success] == [
        "Restored 'india-russia-2' as 'india-russia-old'."
    ]


def test_two_deleted_copies_of_a_map_are_told_apart_in_the_trash(app: AppTest, library: Library):
    trash = library.data_dir / "trash"
    trash.mkdir(parents=True)
    for stamp in ("20261124T203512000000Z", "20261124T203547000000Z"):
        shutil.copy(library.path_of(SEED), trash / f"blank-dup3--{stamp}.yaml")
    app.run()
    rows = trash_rows(app)
    assert len(rows) == 2 and rows[0] != rows[1]
    assert all("2026" in row for row in rows)  # the date too, not only the time


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


# -- Analysis --------------------------------------------------------------------------------------


def balance_chart(at: AppTest) -> dict:
    [chart] = [c for c in at.get("vega_lite_chart") if "Dimension" in c.proto.spec]
    return json.loads(chart.proto.spec)


def test_the_balance_chart_has_axis_titles_and_only_the_nodes_dimensions(app: AppTest):
    opened(app)
    app.switch_page(ANALYSIS).run()
    assert not app.exception
    spec = json.dumps(balance_chart(app))
    assert "streamlit-generated" not in spec
    assert '"title": "Strength"' in spec and '"title": "Dimension"' in spec
    [table] = [frame.value for frame in app.dataframe if "Dimension" in frame.value.columns]
    dimensions = table["Dimension"].tolist()
    for map_tag in ("international-relations", "india-russia", "bilateral", "gs-2"):
        assert map_tag not in dimensions
    assert {"defence", "geopolitics", "space"} <= set(dimensions)
