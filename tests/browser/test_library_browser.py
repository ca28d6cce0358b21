"""The Library page in a real browser: a map's Download gives the map file's bytes (read through
the library when the button is clicked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from .app import SEED

pytestmark = pytest.mark.browser


def test_download_on_a_map_card_gives_the_map_file(page: Page, library_dir: Path, tmp_path: Path) -> None:
    page.goto("/")
    card = page.locator(f".st-key-map_card_{SEED}")
    with page.expect_download() as download_info:
        card.get_by_role("button", name="Download").click()
    download = download_info.value
    assert download.suggested_filename == f"{SEED}.yaml"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes() == (library_dir / f"{SEED}.yaml").read_bytes()
