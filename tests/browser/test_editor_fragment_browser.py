"""The Editor's map and side panel rerun on their own (issue 21): a click on a box reruns only
them (a fragment's run: the title, toolbar, filters and sidebar are not built or sent again),
while an edit typed on the map reruns the whole page, whose toolbar then counts the new box and
offers to undo it.

The kind of each run is read from Streamlit's own messages on the page's websocket: the last
message of a run says whether it was the whole page's or a fragment's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, WebSocket, expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from argmap.generate import generate_map
from argmap.mapfile import dump_map
from argmap.store import Library
from argmap.words import counted

from .app import SEED, map_node, open_in_editor, settle
from .test_editor_map_browser import select_box, type_on_map

pytestmark = pytest.mark.browser

WHOLE_PAGE = ForwardMsg.FINISHED_SUCCESSFULLY
FRAGMENT = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY


def run_end(payload: str | bytes) -> int | None:
    """How the run ended, when ``payload`` is the last message of a run that ran to its end."""
    if not isinstance(payload, bytes):
        return None
    message = ForwardMsg.FromString(payload)
    if message.WhichOneof("type") != "script_finished" or message.script_finished not in (
        WHOLE_PAGE,
        FRAGMENT,
    ):
        return None
    return message.script_finished


def test_a_click_reruns_the_map_and_panel_and_an_edit_on_the_map_the_whole_page(
    page: Page, library_dir: Path
) -> None:
    with page.expect_websocket() as opening:
        open_in_editor(page)
    socket: WebSocket = opening.value
    settle(page)
    count = len(Library(library_dir).load(SEED).map.nodes)
    expect(page.get_by_text(f"{counted(count, 'node')} · every change is saved")).to_be_visible()

    with socket.expect_event(
        "framereceived", predicate=lambda payload: run_end(payload) is not None
    ) as ended:
        map_node(page, "defence").click()
    assert run_end(ended.value) == FRAGMENT
    select_box(page, "defence")

    with socket.expect_event("framereceived", predicate=lambda payload: run_end(payload) == WHOLE_PAGE):
        type_on_map(page, "Tab", "Licensed production of T-90 tanks at Avadi.")
    settle(page)
    expect(page.get_by_text(f"{counted(count + 1, 'node')} · every change is saved")).to_be_visible()
    expect(page.get_by_role("button", name="Undo")).to_be_enabled()


def test_an_edit_on_the_map_that_cannot_be_saved_shows_the_stale_banner_at_once(
    page: Page, library_dir: Path
) -> None:
    name = "fragment-stale"
    small = generate_map(12, seed=4)
    path = library_dir / f"{name}.yaml"
    path.write_text(dump_map(small), encoding="utf-8")
    page.goto(f"/editor?map={name}")
    expect(map_node(page, small.nodes[0].id)).to_be_attached()
    settle(page)
    path.write_text(path.read_text(encoding="utf-8") + "# changed in another tab\n", encoding="utf-8")

    select_box(page, small.nodes[0].id)
    type_on_map(page, "Tab", "A point typed after the file changed.")
    expect(page.get_by_text("This map changed on disk since you opened it")).to_be_visible()
    expect(page.get_by_role("button", name="Reload from disk")).to_be_visible()
