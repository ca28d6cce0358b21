"""The Editor on a large map (AppTest): the Selected node box lists the selected node's neighbours,
or what the Find box matches, not every node, so that a run does not send a thousand options; a
node found is selected and shown in the side panel like one clicked on the map."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from ui_app import app, library, opened  # noqa: F401 (app, library: fixtures)

from argmap.generate import generate_map
from argmap.mapfile import dump_map
from argmap.store import Library
from argmap.ui.editor.panel import FIND, FOUND, LISTED

LARGE = "generated-300"


def test_a_large_maps_selected_node_box_lists_the_neighbours_or_what_find_matches(
    app: AppTest, library: Library
) -> None:
    big = generate_map(300, seed=1)
    (library.root / f"{LARGE}.yaml").write_text(dump_map(big))
    app.run()  # the Library page lists the new map
    opened(app, LARGE)
    box = app.selectbox(key="selected")
    thesis = big.nodes[0]
    children = [child.id for _, child in big.children(thesis.id)]
    assert box.value == thesis.id
    assert len(big.nodes) > LISTED
    assert box.options == [box.format_func(node_id) for node_id in [thesis.id, *children]]

    # Find by a word of a node's id: the matches (at most FOUND) and the selected node are listed.
    wanted = big.nodes[-1]
    app.text_input(key=FIND).set_value(wanted.id).run()
    box = app.selectbox(key="selected")
    shown = {node_id: box.format_func(node_id) for node_id in (thesis.id, wanted.id)}
    assert shown[wanted.id] in box.options and shown[thesis.id] in box.options
    assert len(box.options) <= FOUND + 1
    box.set_value(wanted.id).run()
    assert not app.exception
    assert app.session_state["selected"] == wanted.id
    assert any(field.value == wanted.text for field in app.text_area)  # the side panel shows it

    # Emptied, the box lists the new selection's parents and children.
    app.text_input(key=FIND).set_value("").run()
    parents = [parent for _, parent in wanted.parents()]
    expected = {wanted.id, *parents, *(child.id for _, child in big.children(wanted.id))}
    assert set(app.selectbox(key="selected").options) == {box.format_func(node_id) for node_id in expected}
