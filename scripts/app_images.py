"""The README's pictures of the app (docs/images/app-*.png), taken from the running app.

``make app-images`` runs it: the app is served on a free port of 127.0.0.1 on ``arguments/``, as
``make run`` serves it (the pages are only looked at and a box selected: no map is changed), and
Debian's Chromium, driven by Playwright, opens each page on the seed map in a 1400x1000 window and
saves what it shows once the page is at rest (Streamlit's run over, charts and tables drawn, no
fade-in running). The Editor is taken with the Mi-35 irritant selected, as the README describes it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"
WINDOW = {"width": 1400, "height": 1000}
SEED = "india-russia"
SELECTED = "mi35-sale"  # the irritant the README's Editor picture shows selected
#: Each picture's name and the page's address.
PAGES = {
    "library": "",
    "editor": "editor",
    "outline": "outline",
    "analysis": "analysis",
    "practice": "practice",
}
#: What each page draws last (a table or chart loads its code the first time it is shown), waited for.
LAST_DRAWN = {
    "editor": ".st-key-map_click svg g.node",
    "outline": '[data-testid="stDataFrame"] canvas',
    "analysis": '[data-testid="stVegaLiteChart"] svg.marks',
}
STARTUP_SECONDS = 120
#: Whether every finite animation or transition (Streamlit's fade-in) has ended.
AT_REST = """() => document.getAnimations().every(
  (a) => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity)"""
#: Whether every table and chart in the window has been drawn (each draws into a canvas or an SVG
#: after the run that placed it); those below the window or in a closed tab (no size) are not shown.
DRAWN = """() => Array.from(document.querySelectorAll(
    '[data-testid="stDataFrame"], [data-testid="stVegaLiteChart"]')).every((box) => {
  const place = box.getBoundingClientRect();
  return !place.width || place.top > window.innerHeight || box.querySelector('canvas, svg.marks'); })"""


def serve() -> tuple[subprocess.Popen, str]:
    """Start the app on ``arguments/``; return the process and its URL once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.address", "127.0.0.1",
        "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={name: value for name, value in os.environ.items() if name != "ARGMAP_LIBRARY"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the app exited with code {process.returncode} before it was ready")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return process, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)  # poll interval while the server starts
    process.terminate()
    raise SystemExit(f"the app did not answer {url}/_stcore/health within {STARTUP_SECONDS} s")


def at_rest(page: Page) -> None:
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)  # a table or chart still loading
    page.wait_for_function(DRAWN)
    page.wait_for_function(AT_REST)


def take(page: Page, name: str, path: str) -> Path:
    page.goto(f"/{path}?map={SEED}")
    expect(page.locator("h1").first).to_be_visible()
    if name in LAST_DRAWN:
        expect(page.locator(LAST_DRAWN[name]).first).to_be_visible()
    if name == "editor":
        page.locator(f'.st-key-map_click svg g.node[id="{SELECTED}"]').click()
        expect(page.locator(f'[class*="_{SELECTED}_label"]').first).to_be_visible()
    at_rest(page)
    target = IMAGES / f"app-{name}.png"
    page.screenshot(path=target)
    return target


def main() -> None:
    process, url = serve()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_context(base_url=url, viewport=WINDOW).new_page()
            expect.set_options(timeout=120_000)  # the first page pays the app's imports
            for name, path in PAGES.items():
                print(take(page, name, path).relative_to(ROOT))
            browser.close()
    finally:
        process.terminate()
        process.wait(10)


if __name__ == "__main__":
    main()
