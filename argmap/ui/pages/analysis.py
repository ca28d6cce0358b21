"""Analysis page: does the thesis hold, how strong each point is and why (in a sentence), what
would flip it, how each dimension balances, and the map's checks; the method behind a "How is this
worked out?" box, so the page reads without a glossary.

Every number comes from :mod:`argmap.analysis`, cached on the map's content hash.
"""

from __future__ import annotations

import altair as alt
import streamlit as st

from argmap.analysis import Severity, side_words
from argmap.analysis.explain import HOLDS_AT, DimensionBalance
from argmap.analysis.plain import PointStrength, point_strengths
from argmap.graph import MapGraph
from argmap.model import ArgumentMap
from argmap.ui.common import md, require_map
from argmap.ui.views import (
    cached_balance,
    cached_checks,
    cached_sensitivity,
    cached_strengths,
    cached_verdict,
)

SUPPORT_COLOUR = "#2e7d32"  # as the map's supporting arrows
OPPOSE_COLOUR = "#c62828"  # as its opposing arrows
BOTH_COLOUR = "#8d6e63"  # a point that argues on both sides
NEITHER_COLOUR = "#9e9e9e"  # a point not linked to the thesis

METHOD = """
Every point starts at a strength between 0 and 1: the one you give it in the Editor, else 0.5.
Evidence starts higher when it cites a source, and a sourced statistic, fact or agreement highest
of all: a fact without a source is only a claim about a fact.

Then each point's strength is worked out from the points under it, from the bottom of the map up.
The points for it, taken together, pull it towards 1; the points against it pull it towards 0;
each pulls as hard as it is strong itself, and two weak points together pull harder than one.
When the two sides pull equally, the point keeps its starting strength. Background (context)
frames the question and moves nothing.

The thesis stands when its strength is 0.5 or more (5 in 10). The method is the quantitative argumentation
debate of Rago, Toni, Aurisicchio and Baroni, *Discontinuity-free decision support with
quantitative argumentation debates* (Principles of Knowledge Representation and Reasoning, 2016).
"""

opened = require_map()
argument_map = opened.map
index = argument_map.node_index()
st.title("Analysis")
st.caption(
    f"{md(argument_map.title)}: how strong each point is, from 0 to 1. Each point starts at a strength "
    "(0.5, or the one you give it); the points for it raise it and the points against it lower it."
)
with st.expander("How is this worked out?", icon=":material/help:"):
    st.markdown(METHOD)

with st.spinner("Weighing the map…"):
    strengths = cached_strengths(opened.key, argument_map)
    the_verdict = cached_verdict(opened.key, argument_map)

st.subheader("Verdict")
if the_verdict.holds is None:
    st.info(md(the_verdict.sentence))
elif the_verdict.holds:
    st.success(md(the_verdict.sentence), icon=":material/check_circle:")
else:
    st.warning(md(the_verdict.sentence), icon=":material/balance:")
if the_verdict.unanswered:
    names = ", ".join(md(index[node].display_label) for node in the_verdict.unanswered if node in index)
    st.caption(f"Unanswered counterpoints: {names}. Add a rebuttal or a recommendation to each.")
if not strengths.converged:
    st.caption("A cycle in the map did not settle; the strengths on it are approximate.")


def strength_chart(rows: list[PointStrength], index: dict, side_names: dict[str, str]) -> alt.Chart:
    """A bar per point, strongest first, coloured by the side it argues on (green for, red
    against, as on the map), with the sentence that explains it as the tooltip."""
    values = [
        {
            "Point": index[row.node].display_label,
            "Strength": round(row.strength, 2),
            "Side": side_names[row.side],
            "Why": row.why,
        }
        for row in rows
    ]
    names = [side_names[side] for side in ("for", "against", "both", "neither")]
    return (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("Strength:Q", title="Strength", scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("Point:N", title=None, sort=None, axis=alt.Axis(labelLimit=320, labelOverlap=False)),
            color=alt.Color(
                "Side:N",
                title=None,
                scale=alt.Scale(
                    domain=names, range=[SUPPORT_COLOUR, OPPOSE_COLOUR, BOTH_COLOUR, NEITHER_COLOUR]
                ),
                legend=alt.Legend(orient="top", labelLimit=320),
            ),
            tooltip=[alt.Tooltip("Point:N"), alt.Tooltip("Strength:Q", format=".2f"), alt.Tooltip("Why:N")],
        )
        .properties(height=alt.Step(20))
    )


strength_tab, flip_tab, balance_tab, checks_tab = st.tabs(
    ["How strong each point is", "What would flip it", "Balance by dimension", "Checks"]
)

with strength_tab:
    rows = point_strengths(MapGraph.of(argument_map), strengths)  # linear: no cache needed
    for_word, against_word = side_words(argument_map)
    side_names = {
        "for": f"For the thesis ({for_word})",
        "against": f"Against it ({against_word})",
        "both": "Both sides",
        "neither": "Not linked to the thesis",
    }
    st.caption("Strongest first; a bar's colour is the side the point argues on. Hover a bar for why.")
    st.altair_chart(strength_chart(rows, index, side_names), width="stretch")
    st.dataframe(
        [
            {
                "Point": index[row.node].display_label,
                "Kind": index[row.node].kind.value,
                "Side": side_names[row.side],
                "Starts at": round(row.starts_at, 2),
                "Strength": round(row.strength, 2),
                "Why": row.why,
            }
            for row in rows
        ],
        hide_index=True,
        width="stretch",
        key="strengths_table",
        column_config={
            "Starts at": st.column_config.NumberColumn("Starts at", format="%.2f"),
            "Strength": st.column_config.NumberColumn("Strength", format="%.2f"),
            "Why": st.column_config.TextColumn("Why", width="large"),
        },
    )

with flip_tab:
    ids = list(strengths.strength)
    thesis = argument_map.thesis()
    target = st.selectbox(
        "Node to test",
        ids,
        index=ids.index(thesis.id) if thesis else 0,
        key="sensitivity_node",
        format_func=lambda node_id: f"{index[node_id].display_label} · {index[node_id].kind.value}",
    )
    influences = cached_sensitivity(opened.key, target, argument_map)
    now = strengths.strength[target]
    if not influences:
        st.info("Nothing hangs below this node, so removing another node cannot change it.")
    else:
        top = influences[0]
        crosses = [i for i in influences if (i.without >= HOLDS_AT) != (now >= HOLDS_AT)]
        if crosses:
            names = ", ".join(f"“{md(index[i.node].display_label)}”" for i in crosses[:3])
            st.warning(
                f"Removing any of {names} would flip it across {HOLDS_AT} (now {now:.2f}).",
                icon=":material/swap_vert:",
            )
        else:
            st.info(
                f"No single removal flips it (now {now:.2f}). The largest move: without "
                f"“{md(index[top.node].display_label)}” it would be {top.without:.2f}.",
                icon=":material/info:",
            )
        st.dataframe(
            [
                {
                    "Without": index[i.node].display_label,
                    "Kind": index[i.node].kind.value,
                    "Strength would be": round(i.without, 2),
                    "It moves by": round(i.change, 2),
                }
                for i in influences
            ],
            hide_index=True,
            width="stretch",
            key="sensitivity_table",
        )


def dimensions(argument_map: ArgumentMap, balances: list[DimensionBalance]) -> list[DimensionBalance]:
    """The dimensions worth a row: those some node on a side carries as its first tag (a node's
    dimension, as in the outline and the map's groups). The map's own tags (its subject, its GS
    paper) and a node's further tags name no dimension, so they are left out."""
    first_tag = {node.id: node.tags[0] for node in argument_map.nodes if node.tags}
    return [
        dimension
        for dimension in balances
        if any(first_tag.get(node) == dimension.tag for node in dimension.for_nodes + dimension.against_nodes)
    ]


def balance_chart(rows: list[dict[str, object]], for_word: str, against_word: str) -> alt.Chart:
    """A bar per side for each dimension, in the table's order, on a 0–1 strength axis."""
    sides = [for_word.capitalize(), against_word.capitalize()]
    values = [
        {"Dimension": row["Dimension"], "Side": name, "Strength": row[name], "Points": row[f"{name}: points"]}
        for row in rows
        for name in sides
    ]
    order = [row["Dimension"] for row in rows]
    return (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X(
                "Strength:Q",
                title="Strength",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(values=[step / 10 for step in range(11)], format=".1f"),
            ),
            y=alt.Y("Dimension:N", title="Dimension", sort=order, axis=alt.Axis(labelLimit=240)),
            yOffset=alt.YOffset("Side:N", sort=sides),
            color=alt.Color(
                "Side:N",
                title=None,
                sort=sides,
                scale=alt.Scale(domain=sides, range=[SUPPORT_COLOUR, OPPOSE_COLOUR]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("Dimension:N"),
                alt.Tooltip("Side:N"),
                alt.Tooltip("Strength:Q", format=".3f"),
                alt.Tooltip("Points:Q"),
            ],
        )
        .properties(height=alt.Step(14))
    )


with balance_tab:
    for_word, against_word = (word.capitalize() for word in side_words(argument_map))
    rows = [
        {
            "Dimension": dimension.tag,
            for_word: round(dimension.for_strength, 3),
            against_word: round(dimension.against_strength, 3),
            f"{for_word}: points": len(dimension.for_nodes),
            f"{against_word}: points": len(dimension.against_nodes),
        }
        for dimension in dimensions(argument_map, cached_balance(opened.key, argument_map))
    ]
    if not rows:
        st.info(
            "No node on either side of the thesis has a tag, so there are no dimensions to balance. "
            "Tag nodes in the Editor: a node's first tag is its dimension."
        )
    else:
        st.caption(
            "Each side's combined strength in each dimension (a node's first tag is its dimension), "
            "from 0 (nothing on that side) to 1. A dimension argued on one side only is one to answer."
        )
        st.altair_chart(balance_chart(rows, for_word, against_word), width="stretch")
        st.dataframe(rows, hide_index=True, width="stretch", key="balance_table")

with checks_tab:
    checks = cached_checks(opened.key, argument_map)
    if not checks:
        st.success("No findings: the map is clean.")
    icons = {
        Severity.ERROR: ":material/error:",
        Severity.WARNING: ":material/warning:",
        Severity.HINT: ":material/lightbulb:",
    }
    for check in checks:
        where = f" (`{check.node}`)" if check.node else ""
        st.markdown(f"{icons[check.severity]} **{check.severity.value}** {md(check.message)}{where}")
    st.caption("Open the Editor to fix a finding: its list there selects the node when clicked.")
