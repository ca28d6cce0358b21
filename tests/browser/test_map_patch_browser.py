"""A new picture of the map replaces only the pieces that changed (issue 21), and the page then
shows exactly what drawing the new picture from scratch shows: every box and arrow at the same
place on the screen with the same words. Real ``dot`` pictures of a generated map before and after
edits that move other boxes (a longer label, a new point, one that makes the map taller), drawn
by the map component's own script in Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from argmap.editing import add_child, update_node
from argmap.generate import generate_map
from argmap.model import ArgumentMap, Kind
from argmap.render import RenderOptions, render_bytes
from argmap.rules import child_kinds
from argmap.ui.map_component import _CSS, _JS

pytestmark = pytest.mark.browser

#: Every box and arrow as the screen shows it: id, words, and its place rounded to a pixel.
SHOWN = """() => Array.from(document.querySelectorAll('.argmap-map g.node, .argmap-map g.edge, .argmap-map g.cluster'),
  (g) => { const r = g.getBoundingClientRect();
           return [g.id, g.getAttribute('class'), g.textContent.replace(/\\s+/g, ' ').trim(),
                   Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)]; })"""

DRAW = """([svg, revision]) => {
  const root = document.querySelector('.argmap-map');
  drawPicture(root, revision, svg);
  const svgElement = root.querySelector('svg');
  svgElement.style.width = `${root.dataset.width}px`;
  svgElement.style.height = `${root.dataset.height}px`;
  return root.querySelectorAll('svg').length;
}"""


def svg(argument_map: ArgumentMap) -> str:
    return render_bytes(argument_map, RenderOptions(), "svg").decode("utf-8")


@pytest.fixture
def blank(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    script = _JS.split("export default")[0]
    page.set_content(f"<style>{_CSS}</style><div class='argmap-map' style='height: 900px'></div>")
    page.add_script_tag(content=f"{script}\nwindow.drawPicture = draw;")
    yield page
    page.close()


def height(picture: str) -> float:
    return float(re.search(r'viewBox="[-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+)"', picture).group(1))


def edits(argument_map: ArgumentMap, before: str) -> Iterator[tuple[str, str]]:
    """Pictures after edits: a longer label, a point high up, and a point that makes the map taller
    (every y coordinate Graphviz writes moves)."""
    claims = [node for node in argument_map.nodes if node.kind is Kind.CLAIM]
    yield "longer label", svg(update_node(argument_map, claims[3].id, label="A much longer label " * 3))
    yield (
        "new point high up",
        svg(add_child(argument_map, claims[0].id, Kind.CLAIM, text="Another new point")),
    )
    for leaf in reversed(argument_map.nodes):
        if child_kinds(leaf.kind):
            taller = svg(add_child(argument_map, leaf.id, child_kinds(leaf.kind)[0], text="New point"))
            if height(taller) > height(before) + 10:
                yield "a taller map", taller
                return
    raise AssertionError("no point added made the map taller")


def test_a_patched_picture_shows_what_a_fresh_one_shows(blank: Page) -> None:
    argument_map = generate_map(120, seed=4)
    before = svg(argument_map)
    for what, after in edits(argument_map, before):
        assert blank.evaluate(DRAW, [before, f"{what}: before"]) == 1
        assert blank.evaluate(DRAW, [after, f"{what}: after"]) == 1
        patched = blank.evaluate(SHOWN)
        blank.evaluate("() => document.querySelector('.argmap-map svg').remove()")
        assert blank.evaluate(DRAW, [after, f"{what}: fresh"]) == 1
        fresh = blank.evaluate(SHOWN)
        assert len(fresh) > 120, what
        assert patched == fresh, what
