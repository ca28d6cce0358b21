"""The History page: the open map's saved versions, the node-by-node difference between two of
them, and restoring one as a new save; on the folder library and on PostgreSQL."""

from __future__ import annotations

import pytest
from pg_cluster import postgres_cluster, postgres_url  # noqa: F401 (fixtures)
from streamlit.testing.v1 import AppTest
from ui_app import ROOT, SEED, library, opened  # noqa: F401 (library: fixture)

from argmap.model import Node
from argmap.store import Library
from argmap.stores import open_library

HISTORY = "argmap/ui/pages/history.py"


def history_page(at: AppTest) -> AppTest:
    at.switch_page(HISTORY).run()
    assert not at.exception, at.exception
    return at


def test_the_history_shows_the_added_node_and_restores_the_version_before(library: Library):
    loaded = library.load(SEED)
    thesis = loaded.map.thesis()
    assert thesis is not None
    point = Node(id="new-point", kind="claim", supports=[thesis.id], text="A point added in another tab")
    library.save(SEED, loaded.map.model_copy(update={"nodes": [*loaded.map.nodes, point]}), loaded.revision)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    history_page(opened(at))
    shown = " ".join(markdown.value for markdown in at.markdown)
    assert "claim new-point: A point added in another tab" in shown
    at.button(key="history_restore").click().run()
    assert not at.exception, at.exception
    assert "new-point" not in library.load(SEED).map.node_index()
    assert len(library.history(SEED)) == 3


def test_on_postgresql_the_history_names_who_saved_and_what_changed(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("ARGMAP_DATABASE_URL", postgres_url)
    store = open_library()
    created = store.create("m", "First title")
    store.save(
        "m",
        created.map.model_copy(update={"title": "Second title"}),
        created.revision,
        author="asha",
        label="renamed",
    )
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    history_page(opened(at, "m"))
    assert at.selectbox(key="history_before").options[1].endswith("by asha: renamed")
    assert "title" in " ".join(markdown.value for markdown in at.markdown)
