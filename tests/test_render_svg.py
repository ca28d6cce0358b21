"""What real Graphviz makes of the renderer's DOT: any text comes out literally, ids are stable.

Every case goes through the real ``dot`` into SVG, which is then read back as XML, so a broken
DOT statement, a live escape such as ``\\N`` or markup leaking into the SVG all fail here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from argmap.model import ArgumentMap, Kind, Node
from argmap.render import RenderOptions, render_bytes

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"

AWKWARD = {
    "quotes": "She said \"no\" and 'yes'",
    "angle-brackets": "a < b > c",
    "ampersand": "Trade & investment &amp; &lt; entities",
    "braces": "{ rank=same; a b } [x]",
    "backslashes": r"C:\new\table \N \G \L \\ \ in the middle",
    "trailing-backslash": "ends in a backslash \\",
    "escaped-quote": 'a backslash then a quote \\" here',
    "dot-injection": '"]; x [label="pwned"]; y [label="',
    "html-injection": "<script>alert(1)</script><B>bold</B>",
    "emoji": "Ties 🤝 remain 🇮🇳🇷🇺 strong",
    "right-to-left": "العلاقات الهندية الروسية and יחסים",
    "entity-lookalike": "&#92; &#x27; &quot;",
}


def awkward_map() -> ArgumentMap:
    nodes = [Node(id="thesis", kind=Kind.THESIS, label="Thesis", text="The thesis.")]
    nodes += [
        Node(id=key, kind=Kind.CLAIM, supports=["thesis"], label=text, text=f"{text} (full text)")
        for key, text in AWKWARD.items()
    ]
    nodes.append(
        Node(
            id="multi-line",
            kind=Kind.CLAIM,
            supports=["thesis"],
            label="first line\nsecond\tline",
            text="line one\nline two\ttabbed",
        )
    )
    return ArgumentMap(title='Title with "quotes" & <tags> \\N', nodes=nodes)


@pytest.fixture(scope="module")
def svg_root() -> ET.Element:
    options = RenderOptions(wrap=200, group_by="none")
    return ET.fromstring(render_bytes(awkward_map(), options, "svg"))


def group(root: ET.Element, element_id: str) -> ET.Element:
    found = [g for g in root.iter(f"{SVG}g") if g.get("id") == element_id]
    assert len(found) == 1, f"{len(found)} elements with id {element_id!r}"
    return found[0]


def drawn_lines(node_group: ET.Element) -> list[str]:
    return ["".join(text.itertext()) for text in node_group.iter(f"{SVG}text")]


@pytest.mark.parametrize("case", sorted(AWKWARD))
def test_awkward_text_is_drawn_literally_in_the_box(svg_root, case):
    lines = drawn_lines(group(svg_root, case))
    assert lines == ["CLAIM", AWKWARD[case].strip()]


@pytest.mark.parametrize("case", sorted(AWKWARD))
def test_awkward_text_is_the_literal_tooltip(svg_root, case):
    anchor = next(group(svg_root, case).iter(f"{SVG}a"))
    assert anchor.get(XLINK_TITLE) == f"{AWKWARD[case].strip()} (full text)"


def test_injected_markup_adds_no_elements(svg_root):
    assert not list(svg_root.iter(f"{SVG}script"))
    assert not list(svg_root.iter("script"))
    ids = [g.get("id") for g in svg_root.iter(f"{SVG}g") if "node" in (g.get("class") or "")]
    assert sorted(ids) == sorted(["thesis", "multi-line", *AWKWARD])


def test_line_breaks_in_a_label_become_lines_and_tabs_become_spaces(svg_root):
    node_group = group(svg_root, "multi-line")
    assert drawn_lines(node_group) == ["CLAIM", "first line", "second line"]
    assert next(node_group.iter(f"{SVG}a")).get(XLINK_TITLE) == "line one\nline two tabbed"


def test_the_title_is_drawn_literally_in_the_legend(svg_root):
    texts = ["".join(t.itertext()) for t in group(svg_root, "argmap").iter(f"{SVG}text")]
    assert 'Title with "quotes" & <tags> \\N' in texts


def test_nodes_and_edges_carry_their_ids_and_classes_for_the_ui(svg_root):
    claim = group(svg_root, "quotes")
    assert claim.get("class") == "node kind-claim"
    edge = group(svg_root, "quotes->thesis")
    assert edge.get("class") == "edge supports"


def test_selected_node_carries_a_selected_class():
    argument_map = awkward_map()
    root = ET.fromstring(
        render_bytes(argument_map, RenderOptions(selected="emoji", highlight={"braces"}), "svg")
    )
    assert group(root, "emoji").get("class") == "node kind-claim selected"
    assert group(root, "braces").get("class") == "node kind-claim highlight"
