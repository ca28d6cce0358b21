"""What the browser tests do on the app's pages, in the user's terms: open a map, choose from a
select box, find a box on the map, save a screenshot of the whole page.

Labels and keys come from the pages (``argmap/ui/pages/``): Streamlit gives a widget's ``key`` to
its container as the class ``st-key-KEY``, and the clickable map (``argmap/ui/map_component.py``)
draws each node as ``svg g.node`` with ``id`` = the node id. The map is mounted in a shadow root,
which Playwright's CSS locators pierce.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from playwright.sync_api import Locator, Page, expect

ARTIFACTS = ROOT / "test-artifacts"
SEED = "india-russia"
SEED_TITLE = "India–Russia relations"


def open_in_editor(page: Page, name: str = SEED) -> None:
    """Open the map ``name`` from the Library, which takes the user to the Editor, and wait for
    the map to be drawn."""
    page.goto("/")
    page.locator(f".st-key-open_{name}").get_by_role("button", name="Open").click()
    expect(page.locator(".st-key-map_click svg g.node").first).to_be_attached()


def use_map(page: Page, path: str, name: str = SEED) -> None:
    """Go to the page at ``path`` working on the map ``name`` (chosen in the sidebar's Map box)."""
    page.goto(path)
    choose(page.get_by_test_id("stSidebar"), "Map", name)
    expect(page.get_by_test_id("stSidebar").get_by_role("combobox", name="Map")).to_have_value(name)


def choose(scope: Page | Locator, label: str, option: str) -> None:
    """Pick ``option`` (its text as shown) in the select box labelled ``label``."""
    scope.get_by_role("combobox", name=label, exact=True).click()
    page = scope if isinstance(scope, Page) else scope.page
    page.get_by_role("option", name=option, exact=True).click()


def the_map(page: Page) -> Locator:
    """The map's SVG in the Editor."""
    return page.locator(".st-key-map_click svg")


def map_node(page: Page, node_id: str) -> Locator:
    """The box of node ``node_id`` on the Editor's map."""
    return the_map(page).locator(f'g.node[id="{node_id}"]')


def side_panel_field(page: Page, node_id: str, field: str) -> Locator:
    """The Editor side panel's field ``field`` (``text``, ``add_kind``, ``add_text``…) for node
    ``node_id``. The panel's widget keys are ``n<revision>_<node id>_<field>`` and reach the page as
    the class ``st-key-<key>``: matching on the node id keeps out the fields of the node shown before
    it, which Streamlit leaves on the page (stale) until the new run has replaced them."""
    return page.locator(f'[class*="_{node_id}_{field}"]')


def settle(page: Page) -> None:
    """Wait until the app's run is over: the status widget ("Running…") is gone and no element
    is stale (Streamlit keeps the previous run's elements, marked ``data-stale``, until the new
    run replaces them)."""
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()
    expect(page.locator('[data-stale="true"]')).to_have_count(0)


#: Whether every finite animation or transition has ended: Streamlit fades new elements in, and a
#: caption caught mid-fade (at about 77% opacity) fails the contrast rule though the page at rest
#: passes it (seen on a quiet machine, where axe started within the fade); an expander that is
#: still opening scrolls, which closes a select box's list opened inside it.
AT_REST = """() => document.getAnimations().every(
  (a) => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity)"""


def screenshot(page: Page, name: str) -> Path:
    """Save the whole page as ``test-artifacts/NAME.png`` and return its path.

    Streamlit scrolls its main area (``stMain``) rather than the document, so a plain full-page
    screenshot stops at the window; the window is made as tall as the content first.
    """
    settle(page)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    viewport = page.viewport_size or {"width": 1400, "height": 1000}
    window_as_tall_as_the_page(page)
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(viewport)
    return path


def window_as_tall_as_the_page(page: Page) -> None:
    """Make the window as tall as the page's content, so that nothing is scrolled out of view
    (Streamlit scrolls its main area, ``stMain``, rather than the document). The caller sets the
    size back."""
    viewport = page.viewport_size or {"width": 1400, "height": 1000}
    height = viewport["height"]
    for _ in range(3):  # a taller window can make the content taller (the map fills 75% of it)
        needed = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
        if needed <= height:
            break
        height = needed
        page.set_viewport_size({"width": viewport["width"], "height": height})
