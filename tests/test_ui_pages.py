"""The app's pages driven with Streamlit's AppTest on a temporary copy of the map library.

AppTest runs the real scripts with the real core; the clickable map (a v2 component) does not run
its JavaScript here, so selection goes through the Editor's "Selected node" box, which is the
same session state a click on the map writes. Downloads are checked through the functions that
build their bytes (AppTest cannot read a download).
"""

from __future__ import annotations

import json
import zipfile
from io import BytesIO

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest
from ui_app import ANALYSIS, EDITOR, OUTLINE, PRACTICE, SEED, app, labelled, library, opened  # noqa: F401 (app, library: fixtures)

from argmap.errors import MapFileError
from argmap.formats.common import FormatError
from argmap.services.documents import (
    map_file_text,
    map_picture_bytes,
    outline_docx_bytes,
    outline_markdown_text,
)
from argmap.store import Library
from argmap.ui.common import md
from argmap.ui.map_component import SENT
from argmap.ui.uploads import read_upload


def select(at: AppTest, node_id: str) -> AppTest:
    return at.selectbox(key="selected").set_value(node_id).run()


def add_below(at: AppTest, kind: str, text: str) -> AppTest:
    labelled(at.selectbox, "Kind of the new point").set_value(kind)
    labelled(at.text_input, "Text of the new point").set_value(text)
    labelled(at.button, "Add below").click().run()
    assert not at.exception, at.exception
    return at


def map_data(at: AppTest) -> dict:
    """What the clickable-map component was given in the last run: the revision, the selected
    node, the outlined nodes and, when the browser did not have the picture yet, the SVG."""
    [component] = [element for element in at.get("bidi_component") if element.key == "map_click"]
    return json.loads(component.proto.json)


def drawn_svg(at: AppTest) -> str:
    """The SVG that ``dot`` drew for the map shown (Graphviz writes the hyphens of ids as
    ``&#45;``; the browser reads them back as hyphens). A run sends the SVG only when the browser
    lacks it: when the last run did not, the browser's request for it is what reruns the page."""
    if "svg" not in map_data(at):
        del at.session_state[SENT]  # what the component's "missing" trigger does
        at.run()
    return map_data(at)["svg"].replace("&#45;", "-")


# -- Library ---------------------------------------------------------------------------------------


def test_the_library_lists_every_map_with_its_title_and_counts(app: AppTest):
    text = " ".join(m.value for m in app.markdown) + " ".join(c.value for c in app.caption)
    assert "India–Russia relations" in text
    assert "nodes (" in text
    assert [b.key for b in app.button if b.label == "Open"] == [
        "open_compulsory-voting",
        "open_india-russia",
        "open_one-nation-one-election",
        "open_social-media-ban-under-16",
    ]


def test_the_manage_box_is_not_labelled_like_the_sidebars_map_picker(app: AppTest):
    assert app.selectbox(key="manage_map").label == "Map to duplicate, rename or delete"
    assert app.selectbox(key="map_picker").label == "Map"
    assert {button.proto.type for button in app.button if button.label == "Open"} == {"secondary"}


def test_open_takes_the_seed_map_to_the_editor(app: AppTest):
    opened(app)
    assert app.title[0].value == "India–Russia relations"
    assert app.selectbox(key="selected").value == "strong-ties"


def test_a_new_map_from_a_skeleton_is_created_and_opened(app: AppTest, library: Library):
    app.text_input(key="new_title").set_value("India and China")
    app.selectbox(key="new_skeleton").set_value("bilateral")
    labelled(app.button, "Create map").click().run()
    app.run()
    assert library.load("india-and-china").map.vocabulary.against == "Irritants"
    assert app.title[0].value == "India and China"


def test_a_title_with_markdown_is_shown_as_typed(app: AppTest, library: Library):
    typed = "Why *not* [ban](https://example.com) $5 apps?"
    app.text_input(key="new_title").set_value(typed)
    labelled(app.button, "Create map").click().run()
    app.run()
    # Escaped for Streamlit's Markdown, so no italics, link or math: every mark shows as typed.
    assert app.title[0].value == r"Why \*not\* \[ban\](https://example.com) \$5 apps?"
    assert any(caption.value == app.title[0].value for caption in app.sidebar.caption)


def test_md_escapes_only_what_markdown_would_read():
    assert md("plain words, 2024-25 & <b>") == r"plain words, 2024-25 & \<b\>"
    assert md("- not a list\n1. nor this\n  + nor this") == "\\- not a list\n1\\. nor this\n  \\+ nor this"
    assert md("a_b `c` ~d~ #e |f|") == r"a\_b \`c\` \~d\~ \#e \|f\|"
    assert md("Tom & Jerry &amp;") == r"Tom & Jerry \&amp;"


def test_delete_moves_a_map_to_the_trash_and_restore_brings_it_back(app: AppTest, library: Library):
    app.selectbox(key="manage_map").set_value("social-media-ban-under-16")
    app.button(key="delete").click().run()
    assert not library.exists("social-media-ban-under-16")
    assert "Moved 'social-media-ban-under-16' to the trash" in app.success[0].value
    app.button(key="restore_0").click().run()
    assert library.exists("social-media-ban-under-16")


def test_rename_without_a_new_name_says_what_to_type(app: AppTest):
    app.button(key="rename").click().run()
    assert app.error[0].value.startswith("type a new name to rename")


def test_duplicate_copies_the_map_under_the_new_name(app: AppTest, library: Library):
    app.selectbox(key="manage_map").set_value(SEED)
    app.text_input(key="manage_new_name").set_value("india-russia-2")
    app.button(key="duplicate").click().run()
    assert library.load("india-russia-2").map.title == "India–Russia relations (copy)"


def test_an_invalid_upload_is_refused_with_the_place_of_each_problem():
    text = b"title: T\nnodes:\n- id: a\n  kind: claim\n  supports: [nowhere]\n  text: A.\n"
    with pytest.raises(MapFileError) as refused:
        read_upload(text, "bad.yaml", "yaml")
    assert str(refused.value).startswith("bad.yaml:5: node 'a' supports 'nowhere', which does not exist")


def test_an_upload_over_the_size_limit_is_refused_before_reading():
    with pytest.raises(FormatError, match="the limit is 2,097,152 bytes"):
        read_upload(b"x" * (2 * 1024 * 1024 + 1), "big.yaml", "yaml")


def test_an_argdown_upload_is_read_into_a_map():
    argdown = "[Thesis]: Ties remain strong.\n  + <Defence>: Russia supplies arms.\n"
    argument_map, _ = read_upload(argdown.encode(), "ties.argdown", "argdown")
    assert len(argument_map.nodes) == 2


# -- Editor ----------------------------------------------------------------------------------------


def test_selecting_a_node_fills_the_side_panel(app: AppTest):
    select(opened(app), "mi35-sale")
    assert "Mi-35" in labelled(app.text_area, "Text").value
    assert labelled(app.selectbox, "Kind").value == "counterpoint"
    assert map_data(app)["selected"] == "mi35-sale"


def test_selecting_another_node_sends_the_selection_but_not_the_map_again(app: AppTest):
    select(opened(app), "mi35-sale")
    select(app, "defence")
    shown = map_data(app)
    assert shown["selected"] == "defence"
    assert "svg" not in shown
    assert len(json.dumps(shown)) < 1_000


def test_an_edit_sends_the_new_picture_of_the_map(app: AppTest):
    select(opened(app), "defence")
    add_below(app, "counterpoint", "Spares arrive late.")
    assert 'id="spares-arrive-late"' in map_data(app)["svg"].replace("&#45;", "-")


def test_a_counterpoint_and_its_rebuttal_are_saved_and_drawn(app: AppTest, library: Library):
    select(opened(app), "defence")
    add_below(app, "counterpoint", "Russian spares arrive late and cost more.")
    assert app.selectbox(key="selected").value == "russian-spares-arrive-late-and-cost-more"
    add_below(app, "rebuttal", "Joint production in India fixes the supply of spares.")
    rebuttal_id = app.selectbox(key="selected").value
    assert rebuttal_id.startswith("joint-production-in-india")
    on_disk = library.load(SEED).map
    assert on_disk.get("russian-spares-arrive-late-and-cost-more").opposes == ["defence"]
    assert on_disk.get(rebuttal_id).opposes == ["russian-spares-arrive-late-and-cost-more"]
    svg = drawn_svg(app)
    assert 'id="russian-spares-arrive-late-and-cost-more"' in svg
    assert f'id="{rebuttal_id}"' in svg


def test_the_outline_preview_shows_a_new_counterpoint(app: AppTest):
    opened(app)
    app.switch_page(OUTLINE).run()
    app.selectbox(key="template").set_value("study-notes").run()
    assert "Russian spares arrive late" not in preview(app)
    app.switch_page(EDITOR).run()
    select(app, "defence")
    add_below(app, "counterpoint", "Russian spares arrive late and cost more.")
    app.switch_page(OUTLINE).run()
    assert "Russian spares arrive late" in preview(app)


def preview(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_a_new_point_below_a_counterpoint_starts_as_a_rebuttal(app: AppTest):
    select(opened(app), "mi35-sale")
    assert labelled(app.selectbox, "Kind of the new point").value == "rebuttal"


def test_the_add_menu_names_kinds_in_the_maps_own_words(app: AppTest):
    select(opened(app), "strong-ties")  # the seed map calls its sides Convergences and Irritants
    shown = labelled(app.selectbox, "Kind of the new point").options  # as the menu shows them
    assert "Convergence (claim, supports it)" in shown
    assert "Irritant (counterpoint, opposes it)" in shown


def test_a_point_added_with_tags_and_a_source_keeps_them(app: AppTest, library: Library):
    select(opened(app), "defence")
    labelled(app.text_input, "Tags (comma-separated)").set_value("defence, Arms trade")
    labelled(app.text_input, "Source: title").set_value("SIPRI Arms Transfers Database")
    labelled(app.text_input, "Source: URL").set_value("https://www.sipri.org/databases/armstransfers")
    add_below(app, "evidence", "Russia supplied about half of India's arms imports in 2018–22.")
    added = library.load(SEED).map.get(app.selectbox(key="selected").value)
    assert added.kind.value == "evidence" and added.tags == ["defence", "arms-trade"]
    assert [(s.title, s.url) for s in added.sources] == [
        ("SIPRI Arms Transfers Database", "https://www.sipri.org/databases/armstransfers")
    ]


def test_a_source_given_to_a_point_that_is_not_evidence_is_refused(app: AppTest, library: Library):
    before = library.path_of(SEED).read_bytes()
    select(opened(app), "defence")
    labelled(app.text_input, "Source: title").set_value("A report")
    add_below(app, "counterpoint", "Spares arrive late.")
    assert "only evidence has sources" in app.error[0].value
    assert library.path_of(SEED).read_bytes() == before


def test_an_evidence_source_is_edited_in_its_own_fields_and_one_more_added(app: AppTest, library: Library):
    select(opened(app), "kudankulam")
    labelled(app.text_input, "Source 1: publisher").set_value("Press Information Bureau")
    labelled(app.text_input, "New source: title").set_value("Rosatom annual report")
    labelled(app.text_input, "New source: date").set_value("2023")
    labelled(app.button, "Save changes").click().run()
    assert not app.exception, app.exception
    sources = library.load(SEED).map.get("kudankulam").sources
    assert sources[0].publisher == "Press Information Bureau"
    assert (sources[-1].title, sources[-1].date) == ("Rosatom annual report", "2023")


def test_undo_takes_back_the_last_edit_on_disk_too(app: AppTest, library: Library):
    select(opened(app), "defence")
    add_below(app, "counterpoint", "Russian spares arrive late.")
    app.button(key="undo").click().run()
    assert "russian-spares-arrive-late" not in library.load(SEED).map.node_index()
    assert app.success[0].value == "Undone: add counterpoint 'russian-spares-arrive-late'"
    app.button(key="redo").click().run()
    assert "russian-spares-arrive-late" in library.load(SEED).map.node_index()


def test_an_edit_in_the_side_panel_is_saved(app: AppTest, library: Library):
    select(opened(app), "defence")
    labelled(app.text_input, "Tags (comma-separated dimensions)").set_value("defence, arms trade")
    labelled(app.button, "Save changes").click().run()
    assert library.load(SEED).map.get("defence").tags == ["defence", "arms-trade"]


def test_a_forbidden_edit_shows_one_sentence_and_saves_nothing(app: AppTest, library: Library):
    before = library.path_of(SEED).read_bytes()
    select(opened(app), "west-tilt")
    labelled(app.selectbox, "Kind").set_value("context")
    labelled(app.button, "Save changes").click().run()
    assert "cannot" in app.error[0].value and "west-tilt" in app.error[0].value
    assert library.path_of(SEED).read_bytes() == before


def test_move_here_gives_the_node_its_new_parent(app: AppTest, library: Library):
    select(opened(app), "mi35-sale")
    assert "move_node" not in [button.key for button in app.button]  # built once the section opens
    app.session_state["move_section"] = True  # what a click on "Move, link or rename" sets
    app.run()
    labelled(app.selectbox, "New parent").set_value("defence")
    app.button(key="move_node").click().run()
    assert not app.exception, app.exception
    assert library.load(SEED).map.get("mi35-sale").opposes == ["defence"]


def test_delete_asks_first_then_removes_the_node(app: AppTest, library: Library):
    select(opened(app), "mi35-sale")
    app.button(key="delete_node").click().run()
    assert "mi35-sale" in library.load(SEED).map.node_index()
    app.button(key="confirm_delete_yes").click().run()
    assert "mi35-sale" not in library.load(SEED).map.node_index()
    assert app.selectbox(key="selected").value == "strong-ties"


def add_labelled(at: AppTest, parent: str, kind: str, text: str, label: str) -> AppTest:
    select(at, parent)
    labelled(at.text_input, "Label of the new point (optional)").set_value(label)
    return add_below(at, kind, text)


def test_two_points_with_the_same_label_keep_their_own_selection(app: AppTest, library: Library):
    opened(app)
    add_labelled(app, "defence", "counterpoint", "Spares arrive late.", "Delivery delays")
    add_labelled(app, "defence", "counterpoint", "S-400 deliveries slipped.", "Delivery delays")
    box = app.selectbox(key="selected")
    assert len(set(box.options)) == len(box.options)  # Streamlit matches an option by its shown text
    assert "claim · Major defence supplier" in box.options  # a label used once stays short
    select(app, "delivery-delays")
    app.run()  # any rerun (e.g. a filter changed) keeps the selection
    assert app.selectbox(key="selected").value == "delivery-delays"
    assert "id `delivery-delays` · opposes `defence`" in [c.value for c in app.caption]
    app.button(key="delete_node").click().run()
    assert app.selectbox(key="selected").value == "delivery-delays"
    assert "Delivery delays" in app.warning[0].value  # the confirmation, for this node
    app.button(key="confirm_delete_yes").click().run()
    index = library.load(SEED).map.node_index()
    assert "delivery-delays" not in index and "delivery-delays-2" in index


def test_node_choices_stay_unique_even_when_a_label_names_another_id():
    from argmap.editing import add_node
    from argmap.model import ArgumentMap
    from argmap.ui.texts import node_choices

    argument_map = ArgumentMap(title="T")
    for node_id, label in (("a", "X"), ("b", "X"), ("c", "X (a)")):
        argument_map = add_node(argument_map, "context", "Some text.", node_id=node_id, label=label)
    choices = node_choices(argument_map)
    assert len(set(choices.values())) == 3
    assert choices["b"] == "context · X (b)"


def test_a_stale_file_is_not_overwritten_and_can_be_saved_as_a_copy(app: AppTest, library: Library):
    select(opened(app), "defence")
    path = library.path_of(SEED)
    path.write_text(path.read_text().replace("title: India–Russia relations", "title: Edited elsewhere"))
    add_below(app, "counterpoint", "Russian spares arrive late.")
    assert "This map changed on disk since you opened it" in app.warning[0].value
    assert not app.success  # no "Added …": it was not saved
    assert "title: Edited elsewhere" in path.read_text()
    assert "russian-spares-arrive-late" not in path.read_text()
    app.button(key="stale_save_copy").click().run()
    copy = library.load("india-russia-copy").map
    assert "russian-spares-arrive-late" in copy.node_index()
    assert not [w for w in app.warning if "changed on disk" in w.value]


def test_no_edit_says_it_was_done_while_the_file_on_disk_refuses_it(app: AppTest, library: Library):
    select(opened(app), "defence")
    path = library.path_of(SEED)
    path.write_text(path.read_text().replace("title: India–Russia relations", "title: Edited elsewhere"))
    labelled(app.text_input, "Tags (comma-separated dimensions)").set_value("defence, arms trade")
    labelled(app.button, "Save changes").click().run()
    assert "was not saved" in app.warning[0].value and not app.success
    app.button(key="undo").click().run()
    assert not app.success
    app.button(key="delete_node").click().run()
    app.button(key="confirm_delete_yes").click().run()
    assert "was not saved" in app.warning[0].value and not app.success
    assert "title: Edited elsewhere" in path.read_text()


def test_reload_after_a_stale_save_shows_the_file_as_it_is_on_disk(app: AppTest, library: Library):
    select(opened(app), "defence")
    path = library.path_of(SEED)
    path.write_text(path.read_text().replace("title: India–Russia relations", "title: Edited elsewhere"))
    add_below(app, "counterpoint", "Russian spares arrive late.")
    app.button(key="stale_reload").click().run()
    assert app.title[0].value == "Edited elsewhere"
    assert "russian-spares-arrive-late" not in app.selectbox(key="selected").options


def test_the_map_details_are_edited_saved_and_undone(app: AppTest, library: Library):
    opened(app)
    app.session_state["details_section"] = True  # what a click on "Map details" sets
    app.run()
    labelled(app.text_input, "Title").set_value("India and Russia")
    labelled(app.text_area, "Question").set_value("Critically examine India–Russia ties. (150 words)")
    labelled(app.selectbox, "Directive").set_value("evaluate")
    labelled(app.text_input, "Heading for the points for").set_value("Strengths")
    labelled(app.text_input, "Heading for the points against").set_value("Strains")
    labelled(app.text_input, "Map tags (comma-separated)").set_value("GS 2, bilateral")
    labelled(app.text_area, "Conclusion").set_value("The ties hold.")
    labelled(app.button, "Save map details").click().run()
    assert not app.exception and not app.error
    saved = library.load(SEED).map
    assert (saved.title, saved.question, saved.directive.value, saved.conclusion) == (
        "India and Russia",
        "Critically examine India–Russia ties. (150 words)",
        "evaluate",
        "The ties hold.",
    )
    assert (saved.vocabulary.for_, saved.vocabulary.against, saved.tags) == (
        "Strengths",
        "Strains",
        ["gs-2", "bilateral"],
    )
    assert app.title[0].value == "India and Russia"
    assert app.success[0].value == "Saved the map details."
    assert labelled(app.text_input, "Title").value == "India and Russia"
    app.button(key="undo").click().run()
    assert library.load(SEED).map.title == "India–Russia relations"
    assert labelled(app.text_input, "Title").value == "India–Russia relations"


def test_map_details_are_refused_in_one_line_and_kept_for_correction(app: AppTest, library: Library):
    before = library.path_of(SEED).read_bytes()
    opened(app)
    app.session_state["details_section"] = True  # what a click on "Map details" sets
    app.run()
    labelled(app.text_input, "Title").set_value("  ")
    labelled(app.button, "Save map details").click().run()
    [details] = [e for e in app.expander if e.label.startswith("Map details")]
    assert details.error[0].value.startswith("the map's title cannot be empty")  # beside the fields
    labelled(app.text_input, "Title").set_value("Ties")
    labelled(app.text_input, "Heading for the points against").set_value("")
    labelled(app.button, "Save map details").click().run()
    assert "need both a heading for the points for and one" in app.error[0].value
    assert library.path_of(SEED).read_bytes() == before


def test_map_details_are_not_written_over_a_file_changed_on_disk(app: AppTest, library: Library):
    opened(app)
    app.session_state["details_section"] = True  # what a click on "Map details" sets
    app.run()
    path = library.path_of(SEED)
    path.write_text(path.read_text().replace("against: Irritants", "against: Frictions"))
    labelled(app.text_input, "Title").set_value("India and Russia")
    labelled(app.button, "Save map details").click().run()
    assert "was not saved" in app.warning[0].value and not app.success
    assert "against: Frictions" in path.read_text() and "title: India–Russia relations" in path.read_text()


def findings(at: AppTest) -> list[str]:
    """The labels of the findings listed under the map (each a button selecting its node)."""
    return [b.label for b in at.button if b.key and b.key.startswith("check_")]


def test_the_checks_list_shows_its_findings_only_once_opened(app: AppTest):
    opened(app)
    [checks] = [e for e in app.expander if e.label.startswith("Checks: ")]
    assert checks.label == "Checks: 0 errors, 3 warnings, 15 hints"
    assert findings(app) == []
    app.session_state["checks"] = True  # what a click on the expander sets
    app.run()
    assert any("Major defence supplier" in label for label in findings(app))


def test_the_map_outlines_nodes_with_warnings_but_not_those_with_only_hints(app: AppTest):
    outlined = map_data(opened(app))["flagged"]
    assert "new-sectors" in outlined  # no evidence: a warning
    assert "defence" not in outlined  # one source only: a hint
    assert len(outlined) == 3


def test_a_check_in_the_list_selects_its_node(app: AppTest):
    opened(app)
    app.session_state["checks"] = True
    app.run()
    finding = next(
        b for b in app.button if b.key and b.key.startswith("check_") and "Major defence supplier" in b.label
    )
    finding.click().run()
    assert app.selectbox(key="selected").value == "defence"


def test_the_table_tab_shows_the_nodes_table_and_keeps_the_selection(app: AppTest):
    select(opened(app), "mi35-sale")
    assert not app.dataframe
    app.session_state["editor_tab"] = "Table"  # what a click on the tab sets
    app.run()
    assert "mi35-sale" in app.dataframe[0].value["id"].tolist()
    assert not [element for element in app.get("bidi_component") if element.key == "map_click"]
    app.session_state["editor_tab"] = "Map"
    app.run()
    assert app.selectbox(key="selected").value == "mi35-sale"
    assert map_data(app)["selected"] == "mi35-sale"


def tab(at: AppTest, name: str) -> AppTest:
    at.session_state["editor_tab"] = name  # what a click on the tab sets
    return at.run()


def edit_table(at: AppTest, edits: dict[str, dict[str, str]]) -> dict[str, int]:
    """Type into the Table tab's data editor (its edit state, as the browser sends it) the cells
    of each node's row (node id -> column -> value); returns each node's row number."""
    [table] = at.data_editor
    ids = table.value["id"].tolist()
    rows = {node_id: ids.index(node_id) for node_id in edits}
    edited = {str(rows[node_id]): cells for node_id, cells in edits.items()}
    at.session_state[table.key] = {"edited_rows": edited, "added_rows": [], "deleted_rows": []}
    at.run()
    return rows


def test_unapplied_table_edits_are_kept_across_tabs_until_applied(app: AppTest, library: Library):
    tab(opened(app), "Table")
    row = edit_table(app, {"mi35-sale": {"text": "Edited in the table."}})["mi35-sale"]
    assert "1 unapplied edit" in " ".join(c.value for c in app.caption)
    tab(app, "Map")
    tab(app, "Table")
    assert app.data_editor[0].value["text"][row] == "Edited in the table."
    assert "1 unapplied edit" in " ".join(c.value for c in app.caption)
    assert library.load(SEED).map.get("mi35-sale").text != "Edited in the table."
    app.button(key="apply_table").click().run()
    assert library.load(SEED).map.get("mi35-sale").text == "Edited in the table."
    assert app.success[0].value == "Applied the table edits."
    assert "no unapplied edits" in " ".join(c.value for c in app.caption)


def test_discard_drops_the_unapplied_table_edits(app: AppTest, library: Library):
    tab(opened(app), "Table")
    row = edit_table(app, {"mi35-sale": {"text": "Edited in the table."}})["mi35-sale"]
    app.button(key="discard_table").click().run()
    assert app.data_editor[0].value["text"][row] == library.load(SEED).map.get("mi35-sale").text
    tab(app, "Map")
    tab(app, "Table")
    assert app.data_editor[0].value["text"][row] != "Edited in the table."


def test_a_kept_table_edit_of_a_node_changed_since_is_dropped_with_a_warning(app: AppTest, library: Library):
    tab(opened(app), "Table")
    edit_table(
        app, {"defence": {"tags": "defence, arms trade"}, "mi35-sale": {"text": "Edited in the table."}}
    )
    tab(app, "Map")
    select(app, "defence")
    labelled(app.text_input, "Tags (comma-separated dimensions)").set_value("strategic")
    labelled(app.button, "Save changes").click().run()
    tab(app, "Table")
    assert "1 unapplied table edit was dropped" in app.warning[0].value
    app.button(key="apply_table").click().run()
    saved = library.load(SEED).map
    assert saved.get("defence").tags == ["strategic"]
    assert saved.get("mi35-sale").text == "Edited in the table."


def test_a_kind_filter_draws_only_those_kinds_and_the_thesis(app: AppTest):
    opened(app)
    app.multiselect(key="filter_kinds").set_value(["counterpoint"]).run()
    svg = drawn_svg(app)
    assert 'id="mi35-sale"' in svg and 'id="strong-ties"' in svg
    assert 'id="defence"' not in svg


def test_the_tag_filter_offers_only_the_tags_that_nodes_carry(app: AppTest, library: Library):
    opened(app)
    options = app.multiselect(key="filter_tags").options
    node_tags = {tag for node in library.load(SEED).map.nodes for tag in node.tags}
    assert set(options) == node_tags
    assert "gs-2" not in options and "defence" in options  # gs-2 is a tag of the map itself


# -- Outline & export ------------------------------------------------------------------------------


def test_the_word_limit_changes_the_budgets_in_the_preview(app: AppTest):
    opened(app)
    app.switch_page(OUTLINE).run()
    app.selectbox(key="template").set_value("upsc-gs-250").run()
    assert "Preview: 250 words" in " ".join(c.value for c in app.caption)
    app.number_input(key="words_upsc-gs-250").set_value(150).run()
    assert "Preview: 150 words" in " ".join(c.value for c in app.caption)


def test_the_outline_preview_numbers_its_references_and_does_not_repeat_the_title(app: AppTest):
    opened(app)
    app.switch_page(OUTLINE).run()
    app.selectbox(key="template").set_value("upsc-gs-250").run()
    [shown] = [m.value for m in app.markdown if "## Sources" in m.value]
    assert "[^" not in shown
    assert "Security Council. \\[1\\]" in shown
    assert "- \\[2\\] Strategic Vision for Strengthening Cooperation" in shown
    assert not shown.startswith("# ") and "\n# " not in shown


def test_the_download_builders_give_a_word_file_markdown_and_pictures(library: Library):
    seed = library.load(SEED).map
    docx = outline_docx_bytes(seed, "upsc-gs-250", "for", 250, picture=False)
    with zipfile.ZipFile(BytesIO(docx)) as package:
        assert "India" in package.read("word/document.xml").decode()
    markdown = outline_markdown_text(seed, "upsc-gs-250", "for", 250)
    assert markdown.startswith("# India–Russia relations")
    assert "[^2]: Strategic Vision" in markdown  # the file keeps Markdown footnotes
    assert map_picture_bytes(seed, "pdf").startswith(b"%PDF")
    assert map_picture_bytes(seed, "png").startswith(b"\x89PNG")
    assert "<svg" in map_picture_bytes(seed, "svg").decode()
    assert map_file_text(seed, "yaml") == library.path_of(SEED).read_text()
    assert json.loads(map_file_text(seed, "aif"))


# -- Analysis --------------------------------------------------------------------------------------


def test_analysis_shows_the_verdict_and_what_would_flip_it(app: AppTest):
    opened(app)
    app.switch_page(ANALYSIS).run()
    assert not app.exception
    assert app.success[0].value.startswith("The thesis stands (about 6 in 10): ")
    assert app.selectbox(key="sensitivity_node").value == "strong-ties"
    assert "The largest move: without" in app.info[0].value or app.warning


# -- Practice --------------------------------------------------------------------------------------


def test_a_drill_answer_is_scored_recorded_and_charted(app: AppTest, library: Library):
    opened(app)
    app.switch_page(PRACTICE).run()
    app.selectbox(key="practice_mode").set_value("rebuttal").run()
    answer = next(area for area in app.text_area if area.label == "Your answer")
    answer.set_value("Russia can act as a bridge between India and China.")
    app.button(key="check_answer").click().run()
    assert not app.exception
    assert app.metric[0].label == "Score"
    assert "Model answer" in preview(app)
    from argmap.practice import ProgressStore

    assert len(ProgressStore.of_library(library).history(SEED)) == 1
    app.button(key="next_item").click().run()
    assert "1 try over 1 day;" in " ".join(c.value for c in app.caption)


def test_the_outline_preview_shows_dollars_not_maths():
    from argmap.outline import Outline, Point, Section
    from argmap.ui.texts import outline_preview_markdown

    preview = outline_preview_markdown(
        Outline(title="T", sections=(Section("S", points=(Point("From $5 to $6"),)),))
    )
    assert r"From \$5 to \$6" in preview


def test_map_details_are_built_only_while_open(app: AppTest):
    opened(app)
    assert "Save map details" not in [button.label for button in app.button]  # closed: nothing built
    app.session_state["details_section"] = True
    app.run()
    assert "Save map details" in [button.label for button in app.button]


# -- The address -----------------------------------------------------------------------------------


def test_opening_a_map_puts_its_name_in_the_address(app: AppTest):
    opened(app, "one-nation-one-election")
    assert app.query_params["map"] == "one-nation-one-election"


def session_at(address_map: str) -> AppTest:
    """A new session whose address names ``address_map`` (``?map=NAME``), on the Editor."""
    fresh = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    fresh.query_params["map"] = address_map
    fresh.switch_page(EDITOR).run()
    return fresh


def test_a_new_session_at_an_address_naming_a_map_opens_that_map(library: Library):
    fresh = session_at("social-media-ban-under-16")
    assert fresh.session_state["map_session"].opened.name == "social-media-ban-under-16"
    assert fresh.selectbox(key="map_picker").value == "social-media-ban-under-16"


def test_an_address_naming_no_map_says_so_and_keeps_a_map_open(library: Library):
    fresh = session_at("no-such-map")
    assert any("no-such-map" in error.value for error in fresh.error)
    assert fresh.session_state["map_session"].opened.name == fresh.query_params["map"]


def test_collapsed_branches_come_from_the_address_only_for_the_map_a_session_opens_with(library: Library):
    # Both motions have a "better-alternatives" point with points below it.
    fresh = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    fresh.query_params["map"] = "compulsory-voting"
    fresh.query_params["collapsed"] = "better-alternatives,no-such-node"
    fresh.switch_page(EDITOR).run()
    assert not fresh.exception
    assert "HIDDEN" in drawn_svg(fresh)
    assert fresh.query_params["collapsed"] == "better-alternatives"  # the unknown id is dropped
    fresh.selectbox(key="map_picker").set_value("social-media-ban-under-16").run()
    assert "collapsed" not in fresh.query_params and "HIDDEN" not in drawn_svg(fresh)
    fresh.selectbox(key="map_picker").set_value("compulsory-voting").run()
    assert fresh.query_params["collapsed"] == "better-alternatives"  # each map keeps its own


def test_the_editor_names_a_starting_strength_not_a_base_score(app: AppTest):
    at = opened(app)
    labels = [widget.label for widget in at.number_input] + [box.label for box in at.selectbox]
    assert "Starting strength (0–1; empty: the usual for its kind)" in labels
    assert not [label for label in labels if "score" in label.lower()]
