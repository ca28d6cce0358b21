"""Two app processes over one PostgreSQL library behind nginx (issue #18), in a real browser: an
edit saved through one process is seen through the other, and after one process is killed
(``kill -9``) a reload is served by the other and no saved version is lost."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from argmap.stores import class_server, local_cluster
from argmap.stores.postgres import PostgresStore

from .conftest import PAGE_TIMEOUT_MS, VIEWPORT, free_port

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class ClassServer:
    url: str  # nginx
    apps: tuple[str, ...]  # each app process, directly
    folder: Path
    database: str


@pytest.fixture(scope="module")
def served(chromium: Path) -> Iterator[ClassServer]:
    folder = local_cluster.temporary_folder()
    ports = (free_port(), free_port())
    try:
        url = class_server.start(folder / "server", free_port(), ports)
        yield ClassServer(
            url,
            tuple(f"http://127.0.0.1:{port}" for port in ports),
            folder / "server",
            local_cluster.url_of(folder / "server" / "cluster"),
        )
    finally:
        class_server.stop(folder / "server")
        shutil.rmtree(folder, ignore_errors=True)


def page_on(browser: Browser, url: str) -> Page:
    context = browser.new_context(base_url=url, viewport=VIEWPORT)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    return context.new_page()


def test_a_map_made_through_one_process_is_listed_by_the_other(browser: Browser, served: ClassServer):
    first = page_on(browser, served.apps[0])
    first.goto("/")
    form = first.locator(".st-key-new_map, [data-testid='stForm']").first
    form.get_by_label("Title").fill("Made on the first process")
    form.get_by_role("button", name="Create map").click()
    expect(first.get_by_role("heading", name="Made on the first process")).to_be_visible()
    second = page_on(browser, served.apps[1])
    second.goto("/")
    expect(second.locator(".st-key-map_card_made-on-the-first-process")).to_contain_text(
        "Made on the first process"
    )
    first.context.close()
    second.context.close()


def test_after_kill_9_of_one_process_a_reload_is_served_by_the_other(browser: Browser, served: ClassServer):
    store = PostgresStore(served.database)
    versions = {name: store.history(name) for name in store.names()}
    page = page_on(browser, served.url)
    page.goto("/")
    expect(page.get_by_role("heading", name="Library")).to_be_visible()
    pid = int((served.folder / f"app-{served.apps[0].rsplit(':', 1)[1]}.pid").read_text())
    os.killpg(pid, signal.SIGKILL)
    page.reload()
    expect(page.get_by_role("heading", name="Library")).to_be_visible()
    expect(page.locator(".st-key-map_card_india-russia")).to_contain_text("India–Russia relations")
    assert {name: store.history(name) for name in store.names()} == versions
    page.context.close()
