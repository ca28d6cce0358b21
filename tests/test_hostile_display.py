"""Issue #12's smaller items: long node text drawn, bidi controls never shown raw, what export writes
import reads, and the map's own tags checked as slugs."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from argmap.cli import main
from argmap.errors import MapFileError
from argmap.formats import FormatError, read_text, write_text
from argmap.mapfile import dump_map, map_from_data, parse_map
from argmap.model import ArgumentMap, Kind, Node
from argmap.render import RenderOptions, render_bytes
from argmap.ui.common import md

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "exe.txt" shown backwards


def tooltip(svg: bytes, node_id: str) -> str:
    root = ET.fromstring(svg)
    group = next(g for g in root.iter(f"{SVG}g") if g.get("id") == node_id)
    return next(group.iter(f"{SVG}a")).get(XLINK_TITLE) or ""


def test_node_text_longer_than_graphviz_strings_is_drawn_with_the_whole_text_in_its_tooltip():
    text = " ".join(f"word{index} & more" for index in range(2500))  # 40,000 characters, with "&"
    argument_map = ArgumentMap(title="Long", nodes=[Node(id="t", kind=Kind.THESIS, text=text)])
    svg = render_bytes(argument_map, RenderOptions(group_by="none"), "svg")
    assert tooltip(svg, "t") == text
    box = "".join(
        "".join(line.itertext())
        for line in next(g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("id") == "t").iter(
            f"{SVG}text"
        )
    )
    assert len(box) < 400 and box.endswith("…")


def test_bidi_overrides_are_not_drawn_in_a_title_box_or_tooltip():
    argument_map = ArgumentMap(
        title=f"Ties {RLO}txt.exe", nodes=[Node(id="t", kind=Kind.THESIS, text=f"Thesis {RLO}gnorts")]
    )
    svg = render_bytes(argument_map, RenderOptions(group_by="none"), "svg").decode("utf-8")
    assert RLO not in svg
    assert "Ties txt.exe" in svg and tooltip(svg.encode(), "t") == "Thesis gnorts"


def test_bidi_overrides_are_not_shown_in_the_app_or_by_show(tmp_path, capsys):
    assert md(f"Ties {RLO}txt.exe") == "Ties txt.exe"
    path = tmp_path / "bidi.yaml"
    path.write_text(
        dump_map(ArgumentMap(title=f"Ties {RLO}txt.exe", nodes=[Node(id="t", kind=Kind.THESIS, text="T.")])),
        encoding="utf-8",
    )
    assert main(["show", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Ties txt.exe"


@pytest.mark.parametrize("fmt", ["argdown", "aif"])
def test_a_title_and_label_with_private_use_characters_come_back_from_export(fmt):
    argument_map = map_from_data(
        {
            "title": "Ties \U000f0001 and \ue000",
            "nodes": [{"id": "t", "kind": "thesis", "label": "Label \U0010fffd", "text": "The thesis."}],
        }
    )
    assert read_text(write_text(argument_map, fmt), fmt, f"back.{fmt}").map == argument_map


@pytest.mark.parametrize("fmt", ["argdown", "aif"])
def test_a_map_with_no_nodes_comes_back_from_export_with_a_warning(fmt):
    argument_map = map_from_data({"title": "Not started", "question": "Why?"})
    result = read_text(write_text(argument_map, fmt), fmt, f"back.{fmt}")
    assert result.map == argument_map
    assert result.warnings == [
        f"back.{fmt}: no statements or arguments found; the map has no nodes"
        if fmt == "argdown"
        else f"back.{fmt}: the file has no I nodes (statements); the map has no nodes"
    ]


def test_an_argdown_file_with_no_statements_and_no_title_is_still_refused():
    with pytest.raises(FormatError) as caught:
        read_text("# A heading only\n", "argdown", "x.argdown")
    assert str(caught.value) == "x.argdown:1: no statements or arguments found"


def test_the_maps_own_tags_must_be_slugs_like_node_tags():
    with pytest.raises(MapFileError) as caught:
        parse_map("title: T\ntags: [Foreign Policy]\nnodes:\n- {id: t, kind: thesis, text: x}\n", "m.yaml")
    assert str(caught.value) == (
        "m.yaml:2: the map: tags: tag 'Foreign Policy' must be lower-case words joined by hyphens, "
        "e.g. 'nuclear-energy'"
    )
