"""The map as a Graphviz graph: which nodes to draw, how each looks, and the legend.

:func:`build_digraph` is a pure function of a map and :class:`RenderOptions`; it never runs
Graphviz. Every DOT statement is written here with :mod:`argmap.render.escape`, not with the
graphviz package's own quoting, because that quoting passes ``<...>`` through as HTML and leaves
backslash escapes live, and user text must never do either.

Layout choices, for a student reading the map:

* ``rankdir=BT`` with edges child -> parent: the thesis sits on top and every arrow points the way
  support flows, up towards what it argues about (as in Argdown and AIF).
* Clusters by dimension tag (a node's first tag) keep, say, all the defence points together, the
  way an answer groups them in paragraphs; the thesis and untagged nodes stay outside clusters.
* The legend and title are the graph's own label, drawn above the map, so they take their own
  space and can never cover a box.
* A stable layout: an edit moves as few boxes as it can. ``ordering=in`` keeps each box's
  children in the map's order, and few crossing-reduction passes (``mclimit``) keep Graphviz
  from trading whole branches for one crossing less; a crowded parent's children fill one row
  before the next, so a new point takes the next place instead of redealing its siblings.
  ``tests/test_render_stability.py`` measures it on real maps.
* Output is deterministic: nodes in map order, clusters in first-seen order, relations in
  declaration order, no timestamps; the same map and options give the same DOT, byte for byte.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Literal, NamedTuple

from argmap.errors import ArgmapError
from argmap.model_base import Basis
from argmap.render.escape import clean_text, html_escape, html_text, quoted, quoted_part
from argmap.render.themes import PATTERN_WORDS, THEMES, EdgeStyle, NodeStyle, Theme
from argmap.rules import Kind, RelationType

if TYPE_CHECKING:
    import graphviz

    # A validated map, or one read back from the parsed-map cache (argmap.model_plain): drawing
    # needs no pydantic, so `argmap render` of a map read before does not import it (#21).
    from argmap.model_plain import AnyMap, AnyNode

GroupBy = Literal["tag", "kind", "none"]
GROUP_BY: tuple[str, ...] = ("tag", "kind", "none")
Direction = Literal["auto", "down", "right"]
DIRECTIONS: tuple[str, ...] = ("auto", "down", "right")
DOWN_MAX_LEAVES = 8  # "auto" keeps the thesis on top while the bottom row fits on a page
FONT = "DejaVu Sans"  # shipped by Debian (fonts-dejavu-core), so PNG and PDF match the SVG
#: The smallest type on a box (its caption), in points: 12 px at actual size, so that the Editor's
#: "Fit width" can shrink a map to 11/12 of it and keep every word at least 11 px high.
CAPTION_MIN = 9
ROW_WIDTH = 6  # children of one parent per row before they spread over more rows
MAX_LINES = 5  # a box longer than this is a paragraph, not a map node; the tooltip has the rest
# A dimmed box (RenderOptions.dimmed): pale grey whatever its kind, so what is not dimmed stands out.
DIM_FILL, DIM_BORDER, DIM_FONT = "#f7f7f7", "#d0d0d0", "#a0a0a0"


class RenderError(ArgmapError):
    """A map cannot be drawn as asked (unknown focus node, theme) or Graphviz failed on it."""


class RenderOptions(NamedTuple):
    """What to draw and how. Every field has a default that suits a student's first look.

    (Named tuples here, not dataclasses: this module is on the start of every ``argmap render``,
    and importing dataclasses costs it several milliseconds, #21.)
    """

    theme: str = "default"
    group_by: GroupBy = "tag"
    focus: str | None = None  # draw only this node and what hangs below it
    depth: int | None = None  # levels below the focus (or below the roots) to draw
    evidence: bool = True
    legend: bool = True
    scores: Mapping[str, float] | None = None  # node strengths in [0, 1], e.g. from DF-QuAD
    highlight: Collection[str] = frozenset()  # outlined nodes
    selected: str | None = None
    dimmed: Collection[str] = frozenset()  # drawn faded: e.g. points an answer missed
    collapsed: Collection[str] = frozenset()  # boxes whose branch is folded away
    wrap: int = 30  # characters per line in a box
    direction: Direction = "auto"  # down: thesis on top; right: thesis on the left, points listed down
    # Open comment threads per node (classroom mode): a "2 COMMENTS" mark in the box's caption and
    # the SVG class "commented", so a student sees at a glance where the teacher wrote.
    comments: Mapping[str, int] | None = None


KIND_WORDS: dict[Kind, str] = {
    Kind.THESIS: "Thesis",
    Kind.CLAIM: "Claim",
    Kind.COUNTERPOINT: "Counterpoint",
    Kind.REBUTTAL: "Rebuttal",
    Kind.EVIDENCE: "Evidence",
    Kind.RECOMMENDATION: "Recommendation",
    Kind.CONTEXT: "Context",
}


def build_digraph(argument_map: AnyMap, options: RenderOptions | None = None) -> graphviz.Digraph:
    """The map as a ``graphviz.Digraph`` (its ``.source`` is :func:`build_dot`'s text).

    Raises RenderError when the options name an unknown theme, grouping or focus node.
    """
    import graphviz  # only here: the command line writes the DOT text without the package

    return graphviz.Digraph(name="argmap", body=_statements(argument_map, options))


def build_dot(argument_map: AnyMap, options: RenderOptions | None = None) -> str:
    """The map as DOT text: deterministic, ending in a newline (what ``graphviz.Digraph`` writes
    for the same statements)."""
    return "".join(["digraph argmap {\n", *_statements(argument_map, options), "}\n"])


def build_dot_utf8(argument_map: AnyMap, options: RenderOptions | None = None) -> bytes:
    """:func:`build_dot`'s text encoded as UTF-8, as ``dot`` reads it: each statement encoded on
    its own, which is quicker than the whole text at once (the statements are mostly ASCII, but
    an arrow's tooltip holds a dash, so the joined text would take two bytes a character)."""
    return b"".join(
        [
            b"digraph argmap {\n",
            *[statement.encode() for statement in _statements(argument_map, options)],
            b"}\n",
        ]
    )


def _statements(argument_map: AnyMap, options: RenderOptions | None) -> list[str]:
    """The DOT statements inside the graph's braces, each a line."""
    options = options or RenderOptions()
    theme = _theme(options)
    if options.depth is not None and options.depth < 0:
        raise RenderError(f"depth must be 0 or more, not {options.depth}")
    index = argument_map.node_index()
    relations = argument_map.relations()
    children: dict[str, list[str]] = {}
    has_parent: set[str] = set()
    for relation in relations:
        if relation.target in index:
            children.setdefault(relation.target, []).append(relation.source)
            has_parent.add(relation.source)

    visible = _visible(argument_map, options, children, has_parent)
    hidden_evidence: dict[str, int] = {}
    if not options.evidence:
        for relation in relations:
            if index[relation.source].kind is Kind.EVIDENCE and relation.target in visible:
                hidden_evidence[relation.target] = hidden_evidence.get(relation.target, 0) + 1
        visible = {node_id for node_id in visible if index[node_id].kind is not Kind.EVIDENCE}
    folded = _folded(options.collapsed, children, visible)
    visible -= {node_id for hidden in folded.values() for node_id in hidden}
    hidden_below = {node_id: len(hidden) for node_id, hidden in folded.items()}

    down = _points_down(options.direction, children, visible)
    body: list[str] = [
        f"\tgraph [{_graph_attributes(argument_map, options, theme, down)}]\n",
        f'\tnode [fontname="{FONT}" margin="0.12,0.06"]\n',
        f'\tedge [fontname="{FONT}"]\n',
    ]
    drawn = [node for node in argument_map.nodes if node.id in visible]
    keys = _group_keys(argument_map, drawn, options.group_by)
    groups: dict[str, list[AnyNode]] = {}
    loose: list[AnyNode] = []
    for node in drawn:
        key = keys[node.id]
        (groups.setdefault(key, []) if key else loose).append(node)
    labels = {node.id: node.display_label for node in drawn}
    looks = _kind_looks(theme)
    counts = _Counts(hidden_evidence, hidden_below)
    for node in loose:
        body.append(f"\t{_node_statement(node, labels[node.id], options, theme, looks, counts)}\n")
    for key, members in groups.items():
        body.append(_cluster(key, members, labels, options, theme, looks, counts))
    minlen = _stagger(children, visible) if down else {}
    tips = {node_id: quoted_part(label) for node_id, label in labels.items()}  # each label escaped once
    edge_looks = {relation: _EdgeLook.of(relation, style) for relation, style in theme.edges.items()}
    for source, target, relation_type in relations:
        if source in visible and target in visible:
            statement = _edge_statement(source, target, edge_looks[relation_type], labels, tips, options)
            rank_gap = minlen.get((source, target), 1) if minlen else 1
            if rank_gap > 1:
                statement = statement[:-1] + f" minlen={rank_gap}]"
            body.append(f"\t{statement}\n")
    return body


def _theme(options: RenderOptions) -> Theme:
    if options.theme not in THEMES:
        raise RenderError(f"unknown theme {options.theme!r}; choose one of: {', '.join(THEMES)}")
    if options.group_by not in GROUP_BY:
        raise RenderError(f"unknown grouping {options.group_by!r}; choose one of: {', '.join(GROUP_BY)}")
    return THEMES[options.theme]


def _visible(
    argument_map: AnyMap, options: RenderOptions, children: dict[str, list[str]], has_parent: set[str]
) -> set[str]:
    """Ids of the nodes to draw: all, or those within ``depth`` levels below the focus or the roots."""
    if options.focus is None and options.depth is None:
        return {node.id for node in argument_map.nodes}
    if options.focus is not None:
        if options.focus not in {node.id for node in argument_map.nodes}:
            raise RenderError(
                f"cannot focus on {options.focus!r}: map {argument_map.title!r} has no such node"
            )
        frontier = [options.focus]
    else:
        frontier = [node.id for node in argument_map.nodes if node.id not in has_parent]
    seen = set(frontier)
    level = 0
    while frontier and (options.depth is None or level < options.depth):
        level += 1
        next_frontier = []
        for parent in frontier:
            for child in children.get(parent, ()):
                if child not in seen:
                    seen.add(child)
                    next_frontier.append(child)
        frontier = next_frontier
    return seen


def folded_away(argument_map: AnyMap, collapsed: Collection[str]) -> dict[str, set[str]]:
    """The boxes each box of ``collapsed`` hides when the whole map is drawn (see
    :attr:`RenderOptions.collapsed`); a collapsed box that hides nothing is left out."""
    children: dict[str, list[str]] = {}
    for relation in argument_map.relations():
        children.setdefault(relation.target, []).append(relation.source)
    return _folded(collapsed, children, {node.id for node in argument_map.nodes})


def _folded(
    collapsed: Collection[str], children: dict[str, list[str]], visible: set[str]
) -> dict[str, set[str]]:
    """The boxes each collapsed box hides: those below it that no path from a root reaches
    without passing below a collapsed box. A point that also hangs from an open branch stays.

    Roots are the drawn boxes with no drawn parent; boxes that only a cycle reaches stay drawn.
    """
    folds = [node_id for node_id in collapsed if node_id in visible and children.get(node_id)]
    if not folds:
        return {}
    parents_drawn = {kid for parent, kids in children.items() if parent in visible for kid in kids}
    frontier = [node_id for node_id in visible if node_id not in parents_drawn]
    reached = set(frontier)
    while frontier:
        parent = frontier.pop()
        if parent in collapsed:
            continue
        for kid in children.get(parent, ()):
            if kid in visible and kid not in reached:
                reached.add(kid)
                frontier.append(kid)
    hidden: dict[str, set[str]] = {}
    for fold in folds:
        if fold not in reached:
            continue  # itself folded away inside another collapsed branch
        below, frontier = set(), [fold]
        while frontier:
            for kid in children.get(frontier.pop(), ()):
                if kid in visible and kid not in reached and kid not in below:
                    below.add(kid)
                    frontier.append(kid)
        if below:
            hidden[fold] = below
    return hidden


def _stagger(children: dict[str, list[str]], visible: set[str]) -> dict[tuple[str, str], int]:
    """Rank gaps that spread a parent's many children over several rows.

    A thesis with twenty points would otherwise put them all on one row, many pages wide. Like
    Graphviz's ``unflatten``, the children of a crowded parent go on several rows, in map order,
    :data:`ROW_WIDTH` to a row: a new child takes the next place, and the others stay on their rows.
    """
    gaps: dict[tuple[str, str], int] = {}
    for parent, kids in children.items():
        if parent not in visible:
            continue
        shown = [kid for kid in kids if kid in visible]
        if len(shown) > ROW_WIDTH:
            for position, kid in enumerate(shown):
                gaps[(kid, parent)] = 1 + position // ROW_WIDTH
    return gaps


def _points_down(direction: str, children: dict[str, list[str]], visible: set[str]) -> bool:
    """Whether to draw the thesis on top: asked for, or "auto" and the bottom row is narrow.

    A top-down tree is as wide as its leaves; past a page's width a student has to scroll
    sideways, so "auto" then lays the map out left to right, where it reads like an outline.
    """
    if direction not in DIRECTIONS:
        raise RenderError(f"unknown direction {direction!r}; choose one of: {', '.join(DIRECTIONS)}")
    if direction != "auto":
        return direction == "down"
    with_children = sum(
        1 for parent, kids in children.items() if parent in visible and any(kid in visible for kid in kids)
    )
    return len(visible) - with_children <= DOWN_MAX_LEAVES


def _group_keys(argument_map: AnyMap, drawn: list[AnyNode], group_by: str) -> dict[str, str]:
    """Cluster key of each drawn node ("" for none): its kind, or its first tag.

    A node tagged with its parent's cluster tag joins that cluster even when the tag is not its
    first, so a rebuttal sits beside the counterpoint it answers instead of across the map.
    """
    if group_by == "none":
        return dict.fromkeys((node.id for node in drawn), "")
    if group_by == "kind":
        return {node.id: "" if node.kind is Kind.THESIS else node.kind.value for node in drawn}
    keys = {node.id: node.tags[0] if node.tags and node.kind is not Kind.THESIS else "" for node in drawn}
    for node in drawn:
        if len(node.tags) < 2 and node.kind is not Kind.THESIS:
            continue  # a parent's tag that it has is its own key already
        for _, parent in node.parents():
            if keys.get(parent) and keys[parent] != keys[node.id] and keys[parent] in node.tags:
                keys[node.id] = keys[parent]
                break
    return keys


def _cluster(
    key: str,
    members: list[AnyNode],
    labels: Mapping[str, str],
    options: RenderOptions,
    theme: Theme,
    looks: Mapping[Kind, _KindLook],
    counts: _Counts,
) -> str:
    prefix = "kind" if options.group_by == "kind" else "tag"
    title = KIND_WORDS[Kind(key)] if prefix == "kind" else key.replace("-", " ")
    lines = [
        f'\tsubgraph "cluster_{prefix}_{key}" {{\n',
        f'\t\tgraph [id="{prefix}:{key}" class="group {prefix}-{key}" label=<{html_text(title.upper())}> '
        f'fontsize=9 fontcolor="{theme.cluster_font}" labeljust=l labelloc=t style="rounded,filled" '
        f'fillcolor="{theme.cluster_fill}" color="{theme.cluster_border}" margin=10]\n',
    ]
    lines.extend(
        f"\t\t{_node_statement(node, labels[node.id], options, theme, looks, counts)}\n" for node in members
    )
    lines.append("\t}\n")
    return "".join(lines)


class _Counts(NamedTuple):
    """What a box's caption counts of what is not drawn: its evidence (when evidence is hidden)
    and the boxes its collapsed branch hides."""

    evidence: Mapping[str, int]
    folded: Mapping[str, int]


class _KindLook(NamedTuple):
    """What every box of one kind shares, written once per drawing rather than once per node."""

    style: NodeStyle
    kind_class: str  # the SVG class, "kind-claim"
    caption: str  # the caption's first word, "CLAIM"
    head: str  # the label's start, up to the caption text
    attributes: str  # shape, style and colours of a plain box (no strength, highlight or selection)


def _kind_looks(theme: Theme) -> dict[Kind, _KindLook]:
    return {
        kind: _KindLook(
            style=style,
            kind_class=f"kind-{kind.value}",
            caption=KIND_WORDS[kind].upper(),
            head=_label_head(style),
            attributes=_box_attributes(style, style.fill, style.border, style.penwidth),
        )
        for kind, style in theme.nodes.items()
    }


def _label_head(style: NodeStyle) -> str:
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{max(CAPTION_MIN, style.fontsize - 3)}" COLOR="{style.caption}">'
    )


def _box_attributes(style: NodeStyle, fill: str, border: str, penwidth: float) -> str:
    attributes = (
        f'shape={style.shape} style="{style.style}" fillcolor="{fill}" color="{border}" '
        f'fontcolor="{style.font}" penwidth={penwidth} fontsize={style.fontsize}'
    )
    return attributes if style.peripheries == 1 else f"{attributes} peripheries={style.peripheries}"


def _node_statement(
    node: AnyNode,
    label: str,
    options: RenderOptions,
    theme: Theme,
    looks: Mapping[Kind, _KindLook],
    counts: _Counts,
) -> str:
    kind = node.kind
    look = looks[kind]
    # Context frames the question and takes no part in the strength calculus: shading it would mislead.
    strength = options.scores.get(node.id) if options.scores and kind is not Kind.CONTEXT else None
    attributes, extra_class = look.attributes, ""
    highlighted = node.id in options.highlight
    dimmed = node.id in options.dimmed
    comments = options.comments.get(node.id, 0) if options.comments else 0
    if comments:
        extra_class = " commented"
    if strength is not None or highlighted or dimmed or node.id == options.selected:
        style = look.style
        if dimmed:
            style = style._replace(fill=DIM_FILL, border=DIM_BORDER, font=DIM_FONT)
            extra_class += " dimmed"
        fill = style.fill if strength is None else _shade(style.fill, style.border, strength)
        # A deeper or greyer fill keeps its words readable: 4.5:1, WCAG's minimum for text.
        style = style._replace(font=_readable(style.font, fill), caption=_readable(style.caption, fill))
        if style.caption != look.style.caption:
            look = look._replace(head=_label_head(style))
        border, penwidth = style.border, style.penwidth
        if highlighted:
            border, penwidth, extra_class = theme.highlight, 3.0, extra_class + " highlight"
        if node.id == options.selected:
            border, penwidth, extra_class = theme.selected, 3.5, extra_class + " selected"
        attributes = _box_attributes(style, fill, border, penwidth)
    folded = counts.folded.get(node.id)
    if folded is not None:
        extra_class += " collapsed"
    box_label = _label(
        node, label, look, options.wrap, counts.evidence.get(node.id, 0), folded, strength, comments
    )
    return (
        f'"{node.id}" [id="{node.id}" class="{look.kind_class}{extra_class}" label=<{box_label}> '
        f"tooltip={quoted(node.text)} {attributes}]"
    )


_BASIS_CAPTIONS = {basis: f" · {basis.value.upper()}" for basis in Basis}


def _label(
    node: AnyNode,
    label: str,
    look: _KindLook,
    wrap: int,
    hidden_evidence: int,
    folded: int | None,
    strength: float | None,
    comments: int = 0,
) -> str:
    caption = look.caption
    if node.kind is Kind.EVIDENCE:
        if node.basis is not None:
            caption += _BASIS_CAPTIONS[node.basis]
        count = len(node.sources)
        caption += f" · {count} SOURCE{'' if count == 1 else 'S'}"
    if hidden_evidence:
        caption += f" · +{hidden_evidence} EVIDENCE"
    if folded is not None:
        caption += f" · ▸ {folded} HIDDEN"
    if strength is not None:
        caption += f" · STRENGTH {strength:.2f}"
    if comments:
        caption += f" · {comments} COMMENT{'' if comments == 1 else 'S'}"
    # One escape over all lines: the wrapped label has no line ends of its own left.
    text = html_escape("\n".join(_wrap(clean_text(label), wrap))).replace("\n", "<BR/>")
    if node.kind is Kind.THESIS:
        text = f"<B>{text}</B>"
    return (
        f"{look.head}{html_escape(caption)}</FONT></TD></TR>"
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{text}</TD></TR></TABLE>'
    )


def _wrap(text: str, width: int) -> list[str]:
    """Lines of about ``width`` characters, broken at spaces; the author's own line breaks are kept.

    A plain greedy fill: :mod:`textwrap` does the same but takes most of the DOT build time.
    A word longer than a line is cut, so a long URL cannot stretch a box across the map.
    """
    if len(text) <= width and "\n" not in text:  # most labels: one line, as the loop would give
        return [" ".join(text.split())]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            while len(word) > width:
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:width])
                word = word[width:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line = f"{line} {word}"
            else:
                lines.append(line)
                line = word
        lines.append(line)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1] + " …"]
    return lines


# ``samehead``: a parent's supports meet at one point on its box, and its objections at another,
# so twenty arguments for a thesis end in one arrowhead instead of a pile of them, and the dashed
# red objections stay apart from the green bundle.
class _EdgeLook(NamedTuple):
    """What every arrow of one relation shares, written once per drawing rather than once per arrow."""

    penwidth: float
    head: str  # the attributes up to the pen width's value
    tail: str  # the attributes after it, up to the tooltip's value
    joint: str  # between the two boxes' labels in the tooltip

    @classmethod
    def of(cls, relation: RelationType, style: EdgeStyle) -> _EdgeLook:
        name = relation.value
        return cls(
            style.penwidth,
            f'class="{name}" color="{style.colour}" style={style.style} arrowhead={style.arrowhead} penwidth=',
            f" samehead={name} tooltip=",
            f" — {name} — ",
        )


def _edge_statement(
    source: str,
    target: str,
    look: _EdgeLook,
    labels: Mapping[str, str],
    tips: Mapping[str, str | None],
    options: RenderOptions,
) -> str:
    penwidth = look.penwidth
    if options.scores and source in options.scores:
        penwidth = round(0.6 + 3.4 * options.scores[source], 2)
    source_tip, target_tip = tips[source], tips[target]
    if source_tip is None or target_tip is None:  # a label too long to be one piece with another
        tip = quoted(f"{labels[source]}{look.joint}{labels[target]}")
    else:
        tip = f'"{source_tip}{look.joint}{target_tip}"'
    return f'"{source}" -> "{target}" [id="{source}->{target}" {look.head}{penwidth}{look.tail}{tip}]'


def _shade(fill: str, border: str, strength: float) -> str:
    """The fill mixed towards the border colour: the stronger the node, the deeper its colour."""
    return _mix(fill, border, 0.55 * min(1.0, max(0.0, strength)))


def _mix(colour: str, other: str, weight: float) -> str:
    """``colour`` moved ``weight`` (0 to 1) of the way to ``other``; both ``#rrggbb``."""
    mixed = (
        round(int(colour[i : i + 2], 16) * (1 - weight) + int(other[i : i + 2], 16) * weight)
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


#: WCAG 2's minimum contrast for text (success criterion 1.4.3, level AA).
TEXT_CONTRAST = 4.5


def _readable(colour: str, fill: str) -> str:
    """``colour`` if it stands out from ``fill`` by :data:`TEXT_CONTRAST`, else the least mix of it
    toward black (white on a dark fill) that does."""
    target = "#000000" if _contrast("#000000", fill) >= _contrast("#ffffff", fill) else "#ffffff"
    for step in range(11):
        mixed = _mix(colour, target, step / 10)
        if _contrast(mixed, fill) >= TEXT_CONTRAST:
            return mixed
    return target


def _contrast(one: str, two: str) -> float:
    """WCAG 2's contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""

    def luminance(colour: str) -> float:
        red, green, blue = (
            channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
            for channel in (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        )
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(one), luminance(two)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _graph_attributes(argument_map: AnyMap, options: RenderOptions, theme: Theme, down: bool) -> str:
    attributes = [
        f'id="argmap" rankdir={"BT" if down else "RL"} newrank=true outputorder=edgesfirst',
        # A stable layout (see the module's docstring): each box's children in the map's order, and
        # few crossing-reduction passes, which otherwise trade whole branches for a crossing less.
        "ordering=in mclimit=0.1",
        f'fontname="{FONT}" bgcolor="#ffffff" pad=0.3 nodesep=0.3 ranksep=0.55',
    ]
    if options.legend:
        attributes.append(f"label=<{_legend(argument_map, options, theme)}> labelloc=t labeljust=l")
    return " ".join(attributes)


def _legend(argument_map: AnyMap, options: RenderOptions, theme: Theme) -> str:
    """Title, question and a one-row key of kinds and relations, in the map's own words."""
    vocabulary = argument_map.vocabulary
    names = dict(KIND_WORDS)
    if vocabulary is not None:
        names[Kind.CLAIM] = f"Claim ({vocabulary.for_})"
        names[Kind.COUNTERPOINT] = f"Counterpoint ({vocabulary.against})"
    kinds = [kind for kind in Kind if options.evidence or kind is not Kind.EVIDENCE]
    cells = []
    for kind in kinds:
        words = names[kind] if theme.name != "print" else f"{names[kind]}: {PATTERN_WORDS[kind]}"
        cells.append(_kind_swatch(theme.nodes[kind], words))
    cells.extend(_relation_sample(relation, theme.edges[relation]) for relation in RelationType)
    rows = [
        f'<TR><TD ALIGN="LEFT" COLSPAN="{len(cells)}"><FONT POINT-SIZE="16"><B>{html_text(argument_map.title)}</B></FONT></TD></TR>'
    ]
    if argument_map.question:
        rows.append(
            f'<TR><TD ALIGN="LEFT" COLSPAN="{len(cells)}"><FONT POINT-SIZE="10" COLOR="#444444">'
            f"<I>{html_text(argument_map.question)}</I></FONT></TD></TR>"
        )
    rows.append(f"<TR>{''.join(cells)}</TR>")
    return f'<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="1">{"".join(rows)}</TABLE>'


# The key's samples are drawn with table borders, the only lines an HTML-like label can draw, so
# a line is as solid or dashed as the map's own (Graphviz draws both with the same pen) and a kind's
# swatch shows its pattern: a cell cannot take a node's shape, but rounded corners, a dashed or
# dotted border, a double border (a table in a bordered cell), marked corners and a folded corner
# (cells with some sides drawn) can all be built from cells. Text glyphs are no substitute: the em
# dashes of "———" leave gaps in DejaVu Sans, so a solid line drawn with them looked dashed.
_SAMPLE_LINE = 36  # points: three dashes of a dashed edge
_CORNER = 7  # points: the side of a swatch's marked or folded corner


def _line_style(style: str) -> str:
    """The ``STYLE`` of a table border drawn like a node's or an edge's ``style`` attribute."""
    return "dashed" if "dashed" in style else "dotted" if "dotted" in style else ""


def _attributes(**values: str | int) -> str:
    """HTML-like attributes, skipping empty ones: ``_attributes(BORDER=1, STYLE="")`` is ``' BORDER="1"'``."""
    return "".join(f' {name}="{value}"' for name, value in values.items() if value != "")


def _kind_swatch(style: NodeStyle, words: str) -> str:
    """A key cell that looks like the kind's boxes: fill, border colour, width, line and shape."""
    border = max(1, round(style.penwidth), 2 if "bold" in style.style else 1)
    line = _line_style(style.style)
    text = f'<FONT POINT-SIZE="9" COLOR="{style.font}">{html_text(words)}</FONT>'
    if style.shape == "note":
        box = _folded_swatch(style, border, line, text)
    elif "diagonals" in style.style:
        box = _cornered_swatch(style, border, line, text)
    else:
        rounded = "rounded" if "rounded" in style.style else ""
        box = (
            f"<TABLE{_attributes(BORDER=border, COLOR=style.border, BGCOLOR=style.fill)}"
            f"{_attributes(STYLE=','.join(filter(None, (rounded, line))))}"
            f' CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"><TR><TD>{text}</TD></TR></TABLE>'
        )
    if style.peripheries > 1:  # a second border around the first, as Graphviz draws peripheries=2
        return f'<TD{_attributes(BORDER=border, COLOR=style.border, STYLE=line)} CELLPADDING="2">{box}</TD>'
    return f'<TD CELLPADDING="0">{box}</TD>'


def _folded_swatch(style: NodeStyle, border: int, line: str, text: str) -> str:
    """A box whose top right corner is folded down, like the ``note`` shape (square, not diagonal).

    Each cell draws only its own share of the outline, so the outline skips the folded corner.
    """

    def cell(sides: str, content: str = "", fill: str = style.fill, **extra: int) -> str:
        drawn = _attributes(SIDES=sides, BORDER=border, COLOR=style.border, STYLE=line, BGCOLOR=fill, **extra)
        return f"<TD{drawn}>{content}</TD>"

    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f"<TR>{cell('LT', HEIGHT=_CORNER)}{cell('LB', fill='', WIDTH=_CORNER, HEIGHT=_CORNER)}</TR>"
        f"<TR>{cell('L', text, CELLPADDING=2)}{cell('R')}</TR>"
        f"<TR>{cell('LB', HEIGHT=_CORNER)}{cell('RB')}</TR></TABLE>"
    )


def _cornered_swatch(style: NodeStyle, border: int, line: str, text: str) -> str:
    """A box with each corner marked off, like the ``diagonals`` style (squares, not diagonals)."""

    def corner(sides: str) -> str:
        return f"<TD{_attributes(SIDES=sides, BORDER=1, COLOR=style.border, WIDTH=_CORNER, HEIGHT=_CORNER)}></TD>"

    return (
        f"<TABLE{_attributes(BORDER=border, COLOR=style.border, BGCOLOR=style.fill, STYLE=line)}"
        ' CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f"<TR>{corner('RB')}<TD></TD>{corner('LB')}</TR>"
        f'<TR><TD></TD><TD CELLPADDING="1">{text}</TD><TD></TD></TR>'
        f"<TR>{corner('RT')}<TD></TD>{corner('LT')}</TR></TABLE>"
    )


def _relation_sample(relation: RelationType, edge: EdgeStyle) -> str:
    """A short stretch of the relation's edge, in its colour, line and head, then its name.

    The line is the bottom border of a cell in the upper of two rows, so it runs through the
    middle of the row, one point wide (the edges are 1.3 to 1.6; a border is whole points). The
    head is a triangle glyph (``normal``) or a bar drawn as a border (``tee``).
    """
    line = (
        f"<TD{_attributes(SIDES='B', BORDER=1, COLOR=edge.colour, STYLE=_line_style(edge.style))}"
        f' WIDTH="{_SAMPLE_LINE}" HEIGHT="6"></TD>'
    )
    if edge.arrowhead == "tee":
        head = (
            f'<TD ROWSPAN="2"{_attributes(SIDES="L", BORDER=2, COLOR=edge.colour)}'
            ' FIXEDSIZE="TRUE" WIDTH="4" HEIGHT="11"></TD>'
        )
    else:
        head = f'<TD ROWSPAN="2"><FONT POINT-SIZE="12" COLOR="{edge.colour}">►</FONT></TD>'
    return (
        '<TD CELLPADDING="0"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f'<TR>{line}{head}<TD ROWSPAN="2" CELLPADDING="2"><FONT POINT-SIZE="9">{relation.value}</FONT></TD></TR>'
        '<TR><TD HEIGHT="6"></TD></TR></TABLE></TD>'
    )
