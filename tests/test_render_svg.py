"""What real Graphviz makes of the renderer's DOT: any text comes out literally, ids are stable.

Every case goes through the real ``dot`` into SVG, which is then read back as XML, so a broken
DOT statement, a live escape such as ``\\N`` or markup leaking into the SVG all fail here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from argmap.model import ArgumentMap, Kind, Node, RelationType
from argmap.render import RenderOptions, render_bytes
from argmap.render.themes import THEMES

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


def legend_marks(root: ET.Element) -> list[ET.Element]:
    """What the graph's own label (title, question and key) draws: the graph group's loose shapes."""
    return [child for child in group(root, "argmap") if child.tag != f"{SVG}g"]


def points(polyline: ET.Element) -> list[tuple[float, float]]:
    pairs = (pair.split(",") for pair in (polyline.get("points") or "").split())
    return [(float(x), float(y)) for x, y in pairs]


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_legend_draws_each_relation_as_the_map_draws_its_edges(theme):
    """Each relation's sample is a real line, solid or dashed in the edge's colour, then its head.

    The old key wrote "———▶" in text: DejaVu Sans leaves gaps between em dashes, so "supports"
    looked as dashed as "- - -⊣ opposes" while support edges are solid.
    """
    argument_map = ArgumentMap(
        title="Relations",
        nodes=[
            Node(id="thesis", kind=Kind.THESIS, label="Thesis", text="The thesis."),
            Node(id="for", kind=Kind.CLAIM, supports=["thesis"], label="For", text="For."),
            Node(id="against", kind=Kind.COUNTERPOINT, opposes=["thesis"], label="Against", text="Against."),
        ],
    )
    root = ET.fromstring(render_bytes(argument_map, RenderOptions(theme=theme), "svg"))
    marks = legend_marks(root)
    dashes = {}
    for relation in RelationType:
        edge_group = group(root, "for->thesis" if relation is RelationType.SUPPORTS else "against->thesis")
        assert edge_group.get("class") == f"edge {relation.value}"
        edge = next(edge_group.iter(f"{SVG}path"))
        word = next(
            mark
            for mark in marks
            if mark.tag == f"{SVG}text" and "".join(mark.itertext()).strip() == relation.value
        )
        word_x, word_y = float(word.get("x", 0)), float(word.get("y", 0))
        before = [mark for mark in marks[: marks.index(word)] if mark.tag == f"{SVG}polyline"]
        lines = [
            line
            for line in before
            if len(ends := points(line)) == 2 and ends[0][1] == ends[1][1] and abs(ends[0][1] - word_y) < 6
        ]
        assert lines, f"no line drawn before {relation.value!r} in the legend"
        line = lines[-1]
        assert abs(points(line)[0][0] - points(line)[1][0]) >= 24  # a stretch of edge, not a dot
        assert max(x for x, _ in points(line)) < word_x
        assert line.get("stroke") == edge.get("stroke") == THEMES[theme].edges[relation].colour
        assert line.get("stroke-dasharray") == edge.get("stroke-dasharray")
        dashes[relation] = line.get("stroke-dasharray")
        head = marks[marks.index(line) + 1]
        if relation is RelationType.SUPPORTS:  # an arrowhead
            assert head.tag == f"{SVG}text" and head.text == "►"
            assert head.get("fill") == edge.get("stroke")
        else:  # a tee: a short upright bar
            (x1, y1), (x2, y2) = points(head)
            assert head.tag == f"{SVG}polyline" and x1 == x2 and 6 <= abs(y1 - y2) <= 14
            assert head.get("stroke") == edge.get("stroke")
    assert dashes[RelationType.SUPPORTS] is None
    assert dashes[RelationType.OPPOSES] is not None
