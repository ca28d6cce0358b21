"""New maps in the app: a long question fits its box, a skeleton box's id follows its first words,
and the Library's dates wrap only where they read well."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from ui_app import app, labelled, library  # noqa: F401 (app, library: fixtures)

from argmap.store import Library


def created(at: AppTest, skeleton: str = "bilateral") -> AppTest:
    at.text_input(key="new_title").set_value("India and China")
    at.text_area(key="new_question").set_value(
        "“India–China ties are a mix of competition and cooperation.”\nCritically examine. (250 words)"
    )
    at.selectbox(key="new_skeleton").set_value(skeleton)
    labelled(at.button, "Create map").click().run()
    at.run()
    assert not at.exception
    return at


def test_a_long_question_is_typed_into_a_box_of_several_lines(app: AppTest, library: Library):
    created(app)
    question = library.load("india-and-china").map.question
    assert question is not None and question.endswith("Critically examine. (250 words)")


def test_a_skeleton_boxs_id_follows_the_first_words_written_in_it(app: AppTest, library: Library):
    created(app)
    app.selectbox(key="selected").set_value("irritant").run()
    labelled(app.text_area, "Text").set_value("The border standoff since 2020 strains trust.")
    labelled(app.button, "Save changes").click().run()
    ids = library.load("india-and-china").map.node_index()
    assert "irritant" not in ids
    assert "the-border-standoff-since-2020-strains" in ids
    assert app.selectbox(key="selected").value == "the-border-standoff-since-2020-strains"


def test_a_library_card_date_breaks_only_after_its_comma(app: AppTest):
    [card] = [m.value for m in app.markdown if "india-russia.yaml" in m.value]
    changed = card.split("last changed", 1)[1]
    date, _, time = changed.partition(", ")
    assert date.startswith("\u00a0") and " " not in date  # "2 Dec 2026" never splits
    assert time.count(":") == 1
