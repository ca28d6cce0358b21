"""The DOT the renderer builds: what is drawn, how it is styled, and that it never varies."""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT, SEED_MAP
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.generate import generate_map
from argmap.model import ArgumentMap, Kind, Node, RelationType
from argmap.render import RenderError, RenderOptions, build_dot
from argmap.render.escape import QUOTED_PART_MAX, quoted, quoted_part
from argmap.render.themes import DEFAULT, PATTERN_WORDS, PRINT, THEMES
from argmap.store import load_path


@pytest.fixture(scope="module")
def seed():
    return load_path(SEED_MAP).map


def node_statement(dot: str, node_id: str) -> str:
    match = re.search(rf'^\s*"{re.escape(node_id)}" \[.*$', dot, re.MULTILINE)
    assert match, f"no node statement for {node_id}"
    return match.group(0)


def edge_statement(dot: str, relation_id: str) -> str:
    match = re.search(rf'^\s*".*\[id="{re.escape(relation_id)}" .*$', dot, re.MULTILINE)
    assert match, f"no edge statement for {relation_id}"
    return match.group(0)


def test_every_node_of_the_seed_map_is_drawn_with_its_id(seed):
    dot = build_dot(seed)
    for node in seed.nodes:
        assert f'id="{node.id}" class="kind-{node.kind.value}' in node_statement(dot, node.id)


def test_edges_are_coloured_and_styled_by_relation(seed):
    dot = build_dot(seed)
    for relation in seed.relations():
        style = DEFAULT.edges[relation.type]
        statement = edge_statement(dot, relation.id)
        assert f'color="{style.colour}" style={style.style} arrowhead={style.arrowhead}' in statement
    assert DEFAULT.edges[RelationType.SUPPORTS].colour != DEFAULT.edges[RelationType.OPPOSES].colour
    assert DEFAULT.edges[RelationType.SUPPORTS].style != DEFAULT.edges[RelationType.OPPOSES].style


def test_nodes_are_clustered_by_their_dimension_tag(seed):
    dot = build_dot(seed)
    cluster = dot[dot.index('subgraph "cluster_tag_defence"') :]
    cluster = cluster[: cluster.index("\n\t}\n")]
    assert "DEFENCE" in cluster
    assert '"defence" [' in cluster  # the claim tagged defence
    assert '"strong-ties" [' not in cluster  # the thesis is never inside a cluster


def test_grouping_by_kind_or_none(seed):
    by_kind = build_dot(seed, RenderOptions(group_by="kind"))
    assert 'subgraph "cluster_kind_counterpoint"' in by_kind
    assert "cluster_tag_" not in by_kind
    assert "subgraph" not in build_dot(seed, RenderOptions(group_by="none"))


def test_legend_names_every_kind_in_the_maps_vocabulary(seed):
    dot = build_dot(seed)
    graph_line = next(line for line in dot.splitlines() if line.startswith("\tgraph [id="))
    for words in (
        "India–Russia relations",
        "Claim (Convergences)",
        "Counterpoint (Irritants)",
        "Rebuttal",
        "Evidence",
        "Recommendation",
        "Context",
        "supports",
        "opposes",
    ):
        assert words in graph_line


def legend_key(dot: str) -> list[ET.Element]:
    """The cells of the legend's key row: a swatch per kind, then a sample per relation."""
    graph_line = next(line for line in dot.splitlines() if line.startswith("\tgraph [id="))
    label = re.search(r" label=<(.*)> labelloc=t", graph_line)
    assert label, "no legend on the graph line"
    return list(ET.fromstring(label.group(1)).findall("TR")[-1])


def drawing(cell: ET.Element) -> bytes:
    """A key cell without its words or their font: what is drawn around them."""
    bare = copy.deepcopy(cell)
    for element in bare.iter():
        element.text = element.tail = None
        if element.tag == "FONT":
            element.attrib.clear()
    return ET.tostring(bare)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_kind_has_a_swatch_of_its_own_in_the_legend(seed, theme):
    """Told apart by the drawing alone, not the words: in print, Claim and Evidence were the same box."""
    cells = legend_key(build_dot(seed, RenderOptions(theme=theme)))
    assert len(cells) == len(Kind) + len(RelationType)
    swatches = [drawing(cell) for cell in cells[: len(Kind)]]
    assert len(set(swatches)) == len(Kind)


def test_print_legend_names_each_kinds_pattern_and_draws_its_shape(seed):
    cells = legend_key(build_dot(seed, RenderOptions(theme="print")))
    words = ["".join(cell.itertext()) for cell in cells]
    for kind, cell_words in zip(Kind, words, strict=False):
        assert cell_words.endswith(f": {PATTERN_WORDS[kind]}")
    swatches = dict(zip(Kind, cells, strict=False))
    folded = swatches[Kind.EVIDENCE].findall(".//TD[@SIDES]")
    assert {cell.get("SIDES") for cell in folded} >= {"LT", "LB", "R"}  # the outline skips a corner
    assert len(swatches[Kind.COUNTERPOINT].findall(".//TD[@SIDES]")) == 4  # four marked corners
    assert swatches[Kind.THESIS].find("TABLE") is not None and swatches[Kind.THESIS].get("BORDER") == "2"
    assert swatches[Kind.RECOMMENDATION].get("BORDER") == "1"  # double, but not bold
    assert "rounded" in (swatches[Kind.CLAIM].find("TABLE").get("STYLE") or "")


def test_legend_relation_samples_are_lines_not_text(seed):
    supports, opposes = legend_key(build_dot(seed))[len(Kind) :]
    assert "—" not in "".join(supports.itertext()) and "-" not in "".join(opposes.itertext())
    solid, dashed = (sample.find(".//TD[@SIDES='B']") for sample in (supports, opposes))
    assert solid.get("COLOR") == DEFAULT.edges[RelationType.SUPPORTS].colour and solid.get("STYLE") is None
    assert (
        dashed.get("COLOR") == DEFAULT.edges[RelationType.OPPOSES].colour and dashed.get("STYLE") == "dashed"
    )


def test_legend_can_be_switched_off(seed):
    dot = build_dot(seed, RenderOptions(legend=False))
    assert "Convergences" not in dot
    assert 'label=<<TABLE BORDER="0" CELLSPACING="4"' not in dot


def test_the_same_map_gives_the_same_dot_byte_for_byte_even_in_another_process(seed):
    dot = build_dot(seed)
    assert dot == build_dot(load_path(SEED_MAP).map)
    script = (
        "from argmap.render import build_dot; from argmap.store import load_path; import sys; "
        f"sys.stdout.write(build_dot(load_path({str(SEED_MAP)!r}).map))"
    )
    other = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"},
    ).stdout
    assert other == dot


def test_evidence_boxes_show_basis_and_source_count_and_are_smaller(seed):
    evidence = next(n for n in seed.nodes if n.kind is Kind.EVIDENCE and n.basis)
    statement = node_statement(build_dot(seed), evidence.id)
    count = len(evidence.sources)
    assert f"EVIDENCE · {evidence.basis.value.upper()} · {count} SOURCE" in statement
    assert "shape=note" in statement and "fontsize=10" in statement


def test_thesis_is_emphasised(seed):
    statement = node_statement(build_dot(seed), seed.thesis().id)
    assert "<B>" in statement and "fontsize=15" in statement and 'fillcolor="#1d3557"' in statement


def test_node_tooltip_is_the_full_text(seed):
    node = next(n for n in seed.nodes if len(n.text) > 60)
    assert f'tooltip="{node.text}"' in node_statement(build_dot(seed), node.id).replace('\\"', '"')


def test_focus_draws_a_node_and_what_hangs_below_it_only(seed):
    dot = build_dot(seed, RenderOptions(focus="china-pivot"))
    drawn = set(re.findall(r'^\s*"([a-z0-9-]+)" \[', dot, re.MULTILINE))
    below = {"china-pivot"} | {child.id for _, child in seed.children("china-pivot")}
    grandchildren = {g.id for c in below - {"china-pivot"} for _, g in seed.children(c)}
    assert len(below) > 3 and grandchildren
    assert drawn == below | grandchildren
    assert "strong-ties" not in drawn and "defence" not in drawn


def test_depth_limits_the_levels_drawn(seed):
    dot = build_dot(seed, RenderOptions(depth=1))
    drawn = set(re.findall(r'^\s*"([a-z0-9-]+)" \[', dot, re.MULTILINE))
    assert "strong-ties" in drawn and "defence" in drawn  # thesis and a point directly under it
    assert "ric-after-galwan" not in drawn  # evidence under a point under the thesis


def test_no_evidence_hides_evidence_and_counts_it_on_the_parent(seed):
    dot = build_dot(seed, RenderOptions(evidence=False))
    assert "kind-evidence" not in dot
    backed = sum(1 for _, child in seed.children("china-pivot") if child.kind is Kind.EVIDENCE)
    assert backed > 1
    assert f"+{backed} EVIDENCE" in node_statement(dot, "china-pivot")


def test_highlighted_and_selected_nodes_are_outlined_and_classed(seed):
    dot = build_dot(seed, RenderOptions(highlight=frozenset({"defence"}), selected="space"))
    assert 'class="kind-claim highlight"' in node_statement(dot, "defence")
    assert f'color="{DEFAULT.highlight}"' in node_statement(dot, "defence")
    assert 'class="kind-claim selected"' in node_statement(dot, "space")


def test_print_theme_uses_only_greys_and_a_pattern_per_kind(seed):
    dot = build_dot(seed, RenderOptions(theme="print"))
    for colour in re.findall(r"#([0-9a-f]{6})", dot):
        assert colour[0:2] == colour[2:4] == colour[4:6], f"#{colour} is not grey"
    patterns = {(s.shape, s.style, s.peripheries) for s in PRINT.nodes.values()}
    assert len(patterns) == len(Kind)


def test_scores_shade_nodes_and_thicken_edges_by_strength(seed):
    plain = build_dot(seed)
    scored = build_dot(seed, RenderOptions(scores={"defence": 0.9, "space": 0.1}))
    assert node_statement(plain, "defence") != node_statement(scored, "defence")
    assert "STRENGTH 0.90" in node_statement(scored, "defence")
    assert "penwidth=3.66" in edge_statement(scored, "defence->strong-ties")
    assert "penwidth=0.94" in edge_statement(scored, "space->strong-ties")


def test_a_wide_map_reads_left_to_right_and_a_narrow_one_top_down(seed):
    assert "rankdir=RL" in build_dot(seed)
    assert "rankdir=BT" in build_dot(seed, RenderOptions(focus="china-pivot"))
    assert "rankdir=BT" in build_dot(seed, RenderOptions(direction="down"))


def test_a_crowded_parent_spreads_its_children_over_rows_when_drawn_top_down(seed):
    dot = build_dot(seed, RenderOptions(direction="down"))
    assert "minlen=2" in dot


def test_unknown_focus_theme_or_grouping_is_a_render_error(seed):
    with pytest.raises(RenderError, match="cannot focus on 'nope'"):
        build_dot(seed, RenderOptions(focus="nope"))
    with pytest.raises(RenderError, match="unknown theme 'neon'"):
        build_dot(seed, RenderOptions(theme="neon"))
    with pytest.raises(RenderError, match="unknown grouping"):
        build_dot(seed, RenderOptions(group_by="colour"))  # type: ignore[arg-type]


def test_a_large_synthetic_map_draws_every_node_and_relation():
    argument_map = generate_map(300, seed=2)
    dot = build_dot(argument_map)
    assert dot.count(' class="kind-') == 300
    assert dot.count(" -> ") == len(argument_map.relations())


def test_dimmed_nodes_are_drawn_pale_and_marked_in_the_svg_class():
    from argmap.model import ArgumentMap
    from argmap.render.graph import RenderOptions, build_dot

    argument_map = ArgumentMap.model_validate(
        {
            "title": "T",
            "nodes": [
                {"id": "t", "kind": "thesis", "text": "A view."},
                {"id": "c", "kind": "claim", "supports": ["t"], "text": "A reason."},
            ],
        }
    )

    dot = build_dot(argument_map, RenderOptions(dimmed=frozenset({"c"})))

    claim = next(line for line in dot.splitlines() if line.strip().startswith('"c" ['))
    thesis = next(line for line in dot.splitlines() if line.strip().startswith('"t" ['))
    assert 'class="kind-claim dimmed"' in claim
    assert "dimmed" not in thesis
    # grey words on a pale grey box, still readable (tests/test_render_contrast.py measures them)
    font = re.search(r'fontcolor="#(..)(..)(..)"', claim).groups()
    assert len(set(font)) == 1 and 0x50 < int(font[0], 16) < 0x90


def test_a_collapsed_box_hides_its_branch_and_counts_the_hidden_boxes(seed):
    below = [node for _, node in seed.children("china-pivot")]
    assert below
    dot = build_dot(seed, RenderOptions(collapsed=frozenset({"china-pivot"})))
    statement = node_statement(dot, "china-pivot")
    assert "collapsed" in statement
    hidden = [node.id for node in below if f'"{node.id}" [' not in dot]
    assert hidden and f"▸ {len(hidden)} HIDDEN" in statement
    assert not any(f'"{node_id}" ->' in dot for node_id in hidden)
    assert f'"{seed.get("china-pivot").id}" -> ' in dot  # the collapsed box itself stays linked


def test_a_point_that_also_hangs_from_an_open_branch_stays_drawn():
    nodes = [
        Node(id="t", kind=Kind.THESIS, text="Thesis"),
        Node(id="a", kind=Kind.CLAIM, supports=["t"], text="Claim a"),
        Node(id="b", kind=Kind.CLAIM, supports=["t"], text="Claim b"),
        Node(id="shared", kind=Kind.EVIDENCE, supports=["a", "b"], text="Shared evidence"),
        Node(id="only-a", kind=Kind.EVIDENCE, supports=["a"], text="Evidence of a only"),
    ]
    dot = build_dot(ArgumentMap(title="Shared", nodes=nodes), RenderOptions(collapsed=frozenset({"a"})))
    assert '"shared" [' in dot and '"only-a" [' not in dot
    assert "▸ 1 HIDDEN" in node_statement(dot, "a")


def test_a_collapsed_box_inside_a_collapsed_branch_and_a_leaf_show_no_count(seed):
    dot = build_dot(seed, RenderOptions(collapsed=frozenset({"strong-ties", "china-pivot", "kudankulam"})))
    assert "HIDDEN" in node_statement(dot, "strong-ties")
    assert '"china-pivot" [' not in dot
    assert dot.count("HIDDEN") == 1  # kudankulam is hidden too, and a leaf has nothing to fold
    leaf = build_dot(seed, RenderOptions(collapsed=frozenset({"kudankulam"})))
    assert "HIDDEN" not in leaf and "collapsed" not in node_statement(leaf, "kudankulam")


def test_nodes_with_open_comments_carry_the_count_in_their_caption_and_class(seed):
    dot = build_dot(seed, RenderOptions(comments={"defence": 2, "space": 1}, dimmed=frozenset({"space"})))
    defence, space = node_statement(dot, "defence"), node_statement(dot, "space")
    assert "· 2 COMMENTS" in defence and 'class="kind-claim commented"' in defence
    assert "· 1 COMMENT<" in space or "· 1 COMMENT</" in space
    assert 'class="kind-claim commented dimmed"' in space
    assert "COMMENT" not in node_statement(dot, "strong-ties")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=1600), st.text(max_size=1600), st.sampled_from(["supports", "opposes"]))
def test_an_arrows_tooltip_from_labels_escaped_once_is_the_whole_tooltip_escaped(source, target, name):
    """Each label is escaped once for the tooltips of all its arrows (escape.quoted_part)."""
    whole = quoted(f"{source} — {name} — {target}")
    parts = quoted_part(source), quoted_part(target)
    if None in parts:
        assert max(len(source), len(target)) > QUOTED_PART_MAX
    else:
        assert f'"{parts[0]} — {name} — {parts[1]}"' == whole
    for tricky in ("a\r", "\nb", 'say "no"', "back\\slash", "x\u202ey", "tab\there", "&amp;", "\x00"):
        assert f'"{quoted_part(tricky)} — {name} — {quoted_part(source[:50])}"' == quoted(
            f"{tricky} — {name} — {source[:50]}"
        )
