"""The Library page's listing of a big library: a page of cards at a time, narrowed by the words
typed in "Find a map"; a symbolic link planted in the library is listed with its warning, never read."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from ui_app import ROOT, library  # noqa: F401 (library: fixture)

from argmap.generate import generate_map
from argmap.store import Library


def big_library_app(library: Library, maps: int) -> AppTest:
    for number in range(maps):
        library.import_map(f"extra-{number:02d}", generate_map(5, seed=number))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def open_buttons(at: AppTest) -> list[str]:
    return [button.key.removeprefix("open_") for button in at.button if button.label == "Open"]


def test_a_big_library_shows_twenty_cards_at_a_time(library: Library):
    at = big_library_app(library, 41)
    names = library.names()  # the shipped maps and the 41 added, in name order
    total = len(names)
    assert len(open_buttons(at)) == 20
    assert at.selectbox(key="library_page").options == [
        f"1–20 of {total}",
        f"21–40 of {total}",
        f"41–{min(60, total)} of {total}",
    ]
    at.selectbox(key="library_page").set_value(2).run()
    assert open_buttons(at) == names[40:60]


def test_find_a_map_narrows_the_cards_to_the_words_typed(library: Library):
    at = big_library_app(library, 40)
    at.text_input(key="library_find").set_value("russia").run()
    assert open_buttons(at) == ["india-russia"]
    at.text_input(key="library_find").set_value("no such words").run()
    assert open_buttons(at) == []
    assert "No map matches “no such words”." in [info.value for info in at.info]


def test_a_symlinked_map_shows_its_warning_and_offers_no_download(library: Library, tmp_path: Path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: Outside the library\n")
    (library.root / "leak.yaml").symlink_to(secret)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert any("leak.yaml: is a symbolic link" in error.value for error in at.error)
    assert "Outside the library" not in " ".join(markdown.value for markdown in at.markdown)
    downloads = [element.proto.id for element in at.get("download_button")]
    assert any("download_india-russia" in download for download in downloads)
    assert not any("download_leak" in download for download in downloads)
