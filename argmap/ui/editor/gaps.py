"""The Editor's "Debate work to do" list: for a motion, the arguments each side has no answer to in
the map (from :func:`argmap.practice.gaps.gap_report`, the same list the case file and the Practice
page give), each a button that selects the argument to answer. Shown only for debate motions: a
GS answer covers both sides and has no proposition or opposition."""

from __future__ import annotations

import streamlit as st

from argmap.graph import Side
from argmap.practice.gaps import gap_report
from argmap.services.outline import template_for_question
from argmap.ui import state
from argmap.ui.common import md
from argmap.ui.editor.actions import select
from argmap.ui.views import cached_strengths

GAPS = "debate_gaps"  # the expander's key


def debate_gaps(opened: state.OpenMap) -> None:
    """The expander under the map's checks; nothing for a map whose question is not a motion."""
    argument_map = opened.map
    if template_for_question(argument_map).template != "debate-case":
        return
    report = gap_report(argument_map, cached_strengths(opened.key, argument_map).strength)
    title = "Debate work to do: " + (
        "every argument has an answer" if report.total == 0 else f"{report.total} to answer"
    )
    with st.expander(title, key=GAPS):
        for side, line in zip(Side, report.lines, strict=False):
            st.markdown(f"**{md(line)}**")
            for index, gap in enumerate(report.gaps[side]):
                st.button(
                    md(gap.label),
                    key=f"gap_{side.value}_{index}",
                    icon=":material/reply:",
                    type="tertiary",
                    help=gap.weakest_link,
                    on_click=select,
                    args=(gap.node_id,),
                )
