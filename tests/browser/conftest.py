"""Fixtures for the browser tests: the app served on 127.0.0.1 from a copy of the map library, and
Debian's Chromium driven by Playwright.

One server and one browser serve the whole session (each start costs seconds); every test gets a
fresh browser context, hence a fresh Streamlit session. The server runs in its own process group
and is stopped at the end whatever happens.

Playwright cannot download its own browser here, so the tests need Debian's ``chromium``
(``make test`` installs it). Without it they fail, saying what to install; they are skipped only
when ``ARGMAP_SKIP_BROWSER=1`` is set on purpose.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ARGUMENTS, ROOT
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1400, "height": 1000}
STARTUP_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
#: How long a locator waits for the page to show what a test expects (a map takes ~1 s to draw).
PAGE_TIMEOUT_MS = 20_000
expect.set_options(timeout=PAGE_TIMEOUT_MS)


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium; fails with the command that installs it when it is missing."""
    if os.environ.get("ARGMAP_SKIP_BROWSER") == "1":
        pytest.skip("ARGMAP_SKIP_BROWSER=1: browser tests skipped on request")
    if not CHROMIUM.exists():
        pytest.fail(
            f"the browser tests need Debian's Chromium at {CHROMIUM}; install it with "
            "`sudo apt-get install -y chromium` (make test does), or set ARGMAP_SKIP_BROWSER=1 to skip them",
            pytrace=False,
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's map library (seed map included) that the served app works on."""
    target = tmp_path_factory.mktemp("browser") / "library"
    shutil.copytree(ARGUMENTS, target, ignore=shutil.ignore_patterns(".argmap"))
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def _wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the app exited with code {process.returncode} before it was ready:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)  # poll interval while the server starts
    pytest.fail(f"the app did not answer {url}/_stcore/health within {STARTUP_TIMEOUT:.0f} s:\n{_tail(log)}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="session")
def app_url(chromium: Path, library_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of the app, served headless on a free port of 127.0.0.1 on ``library_dir``."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    command = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.headless", "true",
        "--server.fileWatcherType", "none",  # edits in the working tree must not rerun the pages
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    env = os.environ | {"ARGMAP_LIBRARY": str(library_dir)}
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        _wait_until_healthy(url, process, log)
        yield url
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


#: How long the first session may take to show the Library: it pays the app's first imports
#: (pandas, pyarrow, altair) and the first script run, which a loaded machine stretches past
#: PAGE_TIMEOUT_MS.
WARM_UP_TIMEOUT_MS = 120_000


@pytest.fixture(scope="session")
def warm_app(browser: Browser, app_url: str) -> str:
    """The app's URL once one session has shown the Library, so that the first test's locators
    wait for the page they test, not for the server's cold start."""
    context = browser.new_context(base_url=app_url, viewport=VIEWPORT)
    try:
        first = context.new_page()
        first.goto("/")
        expect(first.get_by_role("heading", name="Library")).to_be_visible(timeout=WARM_UP_TIMEOUT_MS)
    finally:
        context.close()
    return app_url


@pytest.fixture
def page(browser: Browser, warm_app: str) -> Iterator[Page]:
    """A page in a fresh browser context (a new Streamlit session); ``page.goto("/editor")`` works."""
    context = browser.new_context(base_url=warm_app, viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()
