"""How long the Editor's map takes to show a new picture after an edit, in Chromium: patched (the
map component's script replaces only the boxes, arrows and frames whose drawing changed) against
drawn whole (the same script on an empty frame: every piece parsed, cleaned and laid out, which is
what every new picture cost before), in the same page and the same run.

For generated maps (``argmap generate``, seed 1) it draws with the real ``dot`` the map after edits
of boxes spread over it (a longer label; a point added below it) and times, from the call until the
next animation frame has run, the new picture drawn over the old one and the new picture drawn in
an empty frame. Only the page's own work: no server, no network, no Streamlit.

Run: ``.venv/bin/python benchmarks/bench_map_patch.py [--sizes 300 1000] [--edits N]``.
Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import random
import statistics

from playwright.sync_api import sync_playwright

from argmap.editing import add_child, update_node
from argmap.generate import generate_map
from argmap.model import ArgumentMap
from argmap.render import RenderOptions, render_bytes
from argmap.rules import child_kinds
from argmap.ui.map_component import _CSS, _JS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]

TIMED = """async ([svg, revision, empty]) => {
  const root = document.querySelector('.argmap-map');
  if (empty) root.querySelectorAll('svg').forEach((old) => old.remove());
  await new Promise(requestAnimationFrame);
  const started = performance.now();
  drawPicture(root, revision, svg);
  await new Promise(requestAnimationFrame);
  return performance.now() - started;
}"""


def svg(argument_map: ArgumentMap) -> str:
    return render_bytes(argument_map, RenderOptions(), "svg").decode("utf-8")


def edited_pictures(argument_map: ArgumentMap, count: int) -> list[str]:
    chosen = random.Random(3).sample(argument_map.nodes, count)
    pictures = []
    for node in chosen:
        pictures.append(
            svg(update_node(argument_map, node.id, label=f"Edited {node.id} with a longer label"))
        )
        kinds = child_kinds(node.kind)
        if kinds:
            pictures.append(svg(add_child(argument_map, node.id, kinds[0], text="A new point")))
    return pictures


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[300, 1000], help="generated map sizes")
    parser.add_argument("--edits", type=int, default=8, help="boxes edited per map (label, then a point)")
    args = parser.parse_args()
    script = _JS.split("export default")[0]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_content(f"<style>{_CSS}</style><div class='argmap-map' style='height: 900px'></div>")
        page.add_script_tag(content=f"{script}\nwindow.drawPicture = draw;")
        print(
            f"{'boxes':>6} {'pictures':>8} {'patched: median':>16} {'p95':>7} {'whole: median':>14} {'p95':>7} {'ratio':>6}"
        )
        for size in args.sizes:
            argument_map = generate_map(size, seed=1)
            before = svg(argument_map)
            patched, whole = [], []
            for index, after in enumerate(edited_pictures(argument_map, args.edits)):
                page.evaluate(TIMED, [before, f"before {index}", True])
                patched.append(page.evaluate(TIMED, [after, f"patched {index}", False]))
                whole.append(page.evaluate(TIMED, [after, f"whole {index}", True]))
            median_patched, median_whole = statistics.median(patched), statistics.median(whole)
            print(
                f"{len(argument_map.nodes):>6} {len(patched):>8} {median_patched:>14.0f}ms {p95(patched):>5.0f}ms"
                f" {median_whole:>12.0f}ms {p95(whole):>5.0f}ms {median_patched / median_whole:>6.2f}"
            )
        browser.close()


if __name__ == "__main__":
    main()
