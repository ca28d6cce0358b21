"""How each kind of node and relation looks, per theme: ``default`` (colour) and ``print``.

The ``print`` theme is for photocopied handouts: grey fills only, and every kind is told apart
by a pattern as well (border style, double border, hatched corners, note shape), because colour
alone does not survive a photocopier. Every box also names its kind in its caption, so no theme
relies on colour to carry meaning.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.rules import Kind, RelationType


# Named tuples, not dataclasses: this module is on the start of every `argmap render`, and
# importing dataclasses costs it several milliseconds (#21).
class NodeStyle(NamedTuple):
    fill: str
    border: str
    caption: str  # colour of the small kind caption
    font: str = "#1a1a1a"
    shape: str = "box"
    style: str = "rounded,filled"
    penwidth: float = 1.2
    peripheries: int = 1
    fontsize: int = 12


class EdgeStyle(NamedTuple):
    colour: str
    style: str
    arrowhead: str
    penwidth: float = 1.3


class Theme(NamedTuple):
    name: str
    nodes: dict[Kind, NodeStyle]
    edges: dict[RelationType, EdgeStyle]
    cluster_fill: str
    cluster_border: str
    cluster_font: str
    highlight: str  # outline of highlighted nodes (lint badges, search hits)
    selected: str  # outline of the selected node


DEFAULT = Theme(
    name="default",
    nodes={
        Kind.THESIS: NodeStyle(
            fill="#1d3557", border="#1d3557", caption="#cfe0f5", font="#ffffff", penwidth=2.0, fontsize=15
        ),
        # Kinds stay apart under protanopia, deuteranopia and tritanopia (bluish green, vermilion
        # and amber, after Okabe and Ito): tests/test_render_colour_vision.py checks the palette.
        Kind.CLAIM: NodeStyle(fill="#e3f4f2", border="#0b7a75", caption="#0a6a65"),
        Kind.COUNTERPOINT: NodeStyle(fill="#fdebe1", border="#d55e00", caption="#b04a00"),
        Kind.REBUTTAL: NodeStyle(fill="#fff4dc", border="#e69f00", caption="#855a00"),
        Kind.RECOMMENDATION: NodeStyle(fill="#ece6f7", border="#5e35b1", caption="#5e35b1"),
        Kind.CONTEXT: NodeStyle(
            fill="#f4f4f4", border="#9e9e9e", caption="#616161", font="#555555", style="rounded,filled,dashed"
        ),
        Kind.EVIDENCE: NodeStyle(
            fill="#fffbe8", border="#795548", caption="#5d4037", shape="note", style="filled", fontsize=10
        ),
    },
    edges={
        RelationType.SUPPORTS: EdgeStyle(colour="#2e7d32", style="solid", arrowhead="normal"),
        RelationType.OPPOSES: EdgeStyle(colour="#c62828", style="dashed", arrowhead="tee", penwidth=1.5),
    },
    cluster_fill="#f7f9fa",
    cluster_border="#cfd8dc",
    cluster_font="#546e7a",
    highlight="#f9a825",
    selected="#1565c0",
)

PRINT = Theme(
    name="print",
    nodes={
        Kind.THESIS: NodeStyle(
            fill="#d9d9d9",
            border="#000000",
            caption="#333333",
            style="filled,bold",
            penwidth=2.0,
            peripheries=2,
            fontsize=15,
        ),
        Kind.CLAIM: NodeStyle(fill="#ffffff", border="#000000", caption="#333333"),
        Kind.COUNTERPOINT: NodeStyle(
            fill="#ececec", border="#000000", caption="#333333", style="filled,diagonals", penwidth=1.6
        ),
        Kind.REBUTTAL: NodeStyle(
            fill="#ffffff", border="#000000", caption="#333333", style="rounded,filled,dashed"
        ),
        Kind.RECOMMENDATION: NodeStyle(
            fill="#ffffff", border="#000000", caption="#333333", style="filled", peripheries=2
        ),
        Kind.CONTEXT: NodeStyle(
            fill="#ffffff", border="#666666", caption="#555555", font="#444444", style="rounded,filled,dotted"
        ),
        Kind.EVIDENCE: NodeStyle(
            fill="#ffffff", border="#000000", caption="#333333", shape="note", style="filled", fontsize=10
        ),
    },
    edges={
        RelationType.SUPPORTS: EdgeStyle(colour="#000000", style="solid", arrowhead="normal"),
        RelationType.OPPOSES: EdgeStyle(colour="#000000", style="dashed", arrowhead="tee", penwidth=1.6),
    },
    cluster_fill="#ffffff",
    cluster_border="#9e9e9e",
    cluster_font="#333333",
    highlight="#000000",
    selected="#000000",
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (DEFAULT, PRINT)}

#: What the print theme's legend says each pattern is: its swatches are all grey, and a legend cell
#: can only approximate a shape (the note's fold and the cut corners are drawn square).
PATTERN_WORDS: dict[Kind, str] = {
    Kind.THESIS: "double bold border",
    Kind.CLAIM: "plain border",
    Kind.COUNTERPOINT: "cut corners",
    Kind.REBUTTAL: "dashed border",
    Kind.RECOMMENDATION: "double border",
    Kind.CONTEXT: "dotted border",
    Kind.EVIDENCE: "folded note",
}
