"""The words on the map are readable against their boxes: WCAG 2's contrast ratio of at least 4.5:1
for text (success criterion 1.4.3, level AA) between each text's colour and the fill of the box or
frame it sits in, in the SVG that ``dot`` draws of the seed map, in both themes, with its boxes
plain, shaded by strength and dimmed.

axe-core checks every other colour of the app in the browser
(tests/browser/test_accessibility_browser.py) but cannot judge text drawn over SVG shapes, so the
map's own colours are checked here, from the picture as drawn.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from conftest import SEED_MAP

from argmap.analysis import compute_strengths
from argmap.render import RenderOptions, render_bytes
from argmap.store import load_path

SVG = "{http://www.w3.org/2000/svg}"
#: WCAG 2.x, success criterion 1.4.3 (Contrast, minimum): normal-size text.
AA_TEXT = 4.5


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(two)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_matches_wcag_worked_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the grey just under AA
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the grey just over it


def texts_on_their_boxes(svg: bytes) -> list[tuple[str, str, str, str]]:
    """(group id, text, text colour, fill) for each text of each box and frame in the picture."""
    found = []
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if not {"node", "cluster"} & set(group.get("class", "").split()):
            continue
        shapes = [
            shape for shape in group.iter() if shape.tag in (f"{SVG}path", f"{SVG}polygon", f"{SVG}ellipse")
        ]
        fill = next((shape.get("fill") for shape in shapes if shape.get("fill", "none") != "none"), "#ffffff")
        for text in group.iter(f"{SVG}text"):
            found.append((group.get("id", ""), text.text or "", text.get("fill", "#000000"), fill))
    return found


def options(theme: str, view: str) -> RenderOptions:
    """The seed map's drawing as plain boxes, shaded by strength (the Editor's "Shade by strength"),
    or all dimmed (what a view leaves in the background)."""
    seed = load_path(SEED_MAP).map
    if view == "shaded by strength":
        return RenderOptions(theme=theme, scores=compute_strengths(seed).strength)
    if view == "dimmed":
        return RenderOptions(theme=theme, dimmed=frozenset(node.id for node in seed.nodes))
    return RenderOptions(theme=theme)


@pytest.mark.parametrize("view", ["plain", "shaded by strength", "dimmed"])
@pytest.mark.parametrize("theme", ["default", "print"])
def test_every_text_on_the_seed_map_meets_wcag_aa_contrast_with_its_box(theme: str, view: str) -> None:
    texts = texts_on_their_boxes(render_bytes(load_path(SEED_MAP).map, options(theme, view)))
    assert len({group for group, *_ in texts}) > 20  # the boxes and the tag frames were found
    poor = [
        f"{group} {words!r}: {colour} on {fill} is {contrast(colour, fill):.2f}:1"
        for group, words, colour, fill in texts
        if contrast(colour, fill) < AA_TEXT
    ]
    assert not poor, "\n".join(poor)
