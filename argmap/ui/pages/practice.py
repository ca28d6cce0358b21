"""Practice page: see what the chosen side cannot yet answer, drill a map (answer, get a score and
the model answer, come back when due), time preparation and speeches for a debate format (or a
written answer), play a round against the map, watch progress per map, and download the case file,
the flow sheet and an Anki deck.

Drills, scoring, scheduling, timings and documents all come from :mod:`argmap.practice`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

import altair as alt
import streamlit as st

from argmap.errors import ArgmapError
from argmap.practice import (
    DEBATE_FORMATS,
    DrillMode,
    ProgressStore,
    Side,
    build_deck,
    case_document,
    daily_progress,
    flow_document,
)
from argmap.practice.case import is_written
from argmap.practice.debate_formats import TimedSection, timed_sections
from argmap.practice.gaps import gap_summary, gaps
from argmap.services.drills import Answered, Drill
from argmap.services.exports import export_filename
from argmap.ui import state
from argmap.ui.common import act, md, require_map, show_messages
from argmap.ui.downloads import Download, download_buttons
from argmap.ui.practice_round import practice_round
from argmap.ui.timer_component import speech_timer
from argmap.ui.views import cached_strengths
from argmap.words import counted

RESULT = "drill_result"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

opened = require_map()
argument_map = opened.map
store = ProgressStore.of_library(state.library())
st.title("Practice")
st.caption(f"{md(argument_map.title)}: drill the points, time your speeches, and see your progress.")

one, two, three = st.columns(3)
format_id = one.selectbox(
    "Debate format", list(DEBATE_FORMATS), key="practice_format", format_func=lambda f: DEBATE_FORMATS[f].name
)
debate = DEBATE_FORMATS[format_id]
side = Side(
    two.selectbox(
        "Side", [s.value for s in Side], key="practice_side", format_func=lambda s: debate.side_name(Side(s))
    )
)
mode = DrillMode(
    three.selectbox(
        "Mode", [m.value for m in DrillMode], key="practice_mode", format_func=lambda m: m.capitalize()
    )
)

strengths = cached_strengths(opened.key, argument_map).strength
if argument_map.thesis() is not None:
    open_gaps = gaps(argument_map, side, strengths)
    with st.expander(gap_summary(len(open_gaps), side, debate), expanded=False, icon=":material/checklist:"):
        if not open_gaps:
            st.caption("Nothing to prepare: the map answers every argument of the other side.")
        for gap in open_gaps:
            st.markdown(f"**{md(gap.label)}**  \n" + "  \n".join(md(line) for line in gap.prompt))

DRILL = "drill"  # where the drill's messages show: in its card


def check_answer(drill: Drill, item_id: str, widget: str) -> None:
    """Score the answer against the very item the card showed (the drill of that run)."""
    checked = drill.answer(item_id, st.session_state.get(widget, ""))
    st.session_state[RESULT] = ((opened.name, mode, side, item_id), checked)


def next_item() -> None:
    st.session_state.pop(RESULT, None)


def answered(checked: Answered) -> None:
    """The user's answer beside the model answer, with the score and when the item comes back."""
    answer, score, scheduled = checked.answer, checked.score, checked.scheduled
    yours, model = st.columns(2)
    with yours.container(border=True, key="your_answer", height="stretch"):
        st.markdown("**Your answer**")
        st.text(answer)
    with model.container(border=True, key="model_answer", height="stretch"):
        st.markdown("**Model answer (from the map)**")
        st.text(score.model_answer)
    number, words = st.columns([1, 3], vertical_alignment="center")
    number.metric(
        "Score", f"{score.score:.0%}", help="Key terms of the model answer you used, and overall likeness"
    )
    with words:
        st.markdown(f"Grade: **{score.grade_name}**; next review {scheduled.due.astimezone():%d %b %H:%M}.")
        if score.matched_terms:
            st.markdown("Used: " + ", ".join(f"**{md(term)}**" for term in score.matched_terms))
        if score.missing_terms:
            st.markdown("Missed: " + ", ".join(f"**{md(term)}**" for term in score.missing_terms))
    st.button("Next item", key="next_item", type="primary", on_click=next_item)


drill_column, timers = st.columns([3, 2], gap="large")
with drill_column:
    st.subheader("Drill")
    drill: Drill | None = None
    try:
        drill = Drill(store, opened.name, argument_map, mode, side, strengths)
    except ArgmapError as exc:
        # What this side lacks for this mode, in one sentence: not an error of the page.
        st.info(md(str(exc)), icon=":material/info:")
    items = drill.items if drill is not None else []
    notice = drill.notice(debate) if drill is not None else None
    if notice:
        st.caption(md(notice))
    result = st.session_state.get(RESULT)
    shown = None
    if result is not None:
        shown = next((item for item in items if result[0] == (opened.name, mode, side, item.id)), None)
    if shown is None and items:
        # A result left from another mode, side or map is not this card's: start afresh.
        st.session_state.pop(RESULT, None)
        result = None
        shown = drill.next_due() if drill is not None else None
        if shown is None:
            st.success("Every item of this mode is learnt for now; come back when they are due.")
    if shown is not None and drill is not None:
        with st.container(border=True, key="drill_card"):
            st.caption(f"{shown.instruction} · {len(items)} items in this mode")
            st.markdown(f"> {md(shown.prompt)}")
            if result is None:
                widget = f"answer_{shown.id}"
                st.text_area("Your answer", key=widget, height=120)
                show_messages(DRILL)
                st.button(
                    "Check my answer",
                    key="check_answer",
                    type="primary",
                    on_click=act(check_answer, drill, shown.id, widget, place=DRILL),
                )
            else:
                answered(result[1])

with timers:
    st.subheader("Timer")
    st.caption(f"{debate.name}: {debate.description}")
    if is_written(debate):
        # A written answer: one plain answer timer, warning a minute before the end.
        speech_timer("Answer", timed_sections(debate), key="answer_timer", identity=format_id)
    else:
        prep_tab, speech_tab = st.tabs(["Preparation", "Speeches"])
        with prep_tab:
            speech_timer(
                "Preparation",
                [
                    TimedSection(
                        f"Preparation ({debate.prep_minutes:g} minutes)", round(debate.prep_minutes * 60)
                    )
                ],
                key="prep_timer",
                identity=format_id,
            )
        with speech_tab:
            sections = timed_sections(debate)
            ours = next(i for i, speech in enumerate(debate.speeches) if speech.side is side)
            speech_timer(
                f"Speeches ({debate.side_name(side)}: {', '.join(s.short for s in debate.speeches_of(side))})",
                sections,
                key="speech_timer",
                identity=f"{format_id}/{side.value}",
                start=ours,
            )

practice_round(argument_map, opened.name, side, debate, strengths, store)

st.subheader("Progress on this map")
days = daily_progress(store.history(opened.name))
if not days:
    st.caption("No tries yet: answer a drill above and your progress shows here, day by day.")
else:
    # A line with a point on each day: a bare line through a single day draws nothing.
    chart = (
        alt.Chart(
            alt.Data(
                values=[
                    {"Day": day.day.isoformat(), "Mean score": day.mean_score, "Tries": day.tries}
                    for day in days
                ]
            )
        )
        .mark_line(point=alt.OverlayMarkDef(size=80))
        .encode(
            x=alt.X("Day:T", title="Day", axis=alt.Axis(format="%d %b", tickCount="day")),
            y=alt.Y("Mean score:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
            tooltip=["Day:T", alt.Tooltip("Mean score:Q", format=".0%"), "Tries:Q"],
        )
        .properties(height=240)
    )
    st.altair_chart(chart, width="stretch")
    tries = sum(day.tries for day in days)
    st.caption(
        f"{counted(tries, 'try', 'tries')} over {counted(len(days), 'day')}; last on {days[-1].day:%d %b %Y}."
    )
rounds = store.rounds(opened.name)
if rounds:
    st.markdown("**Practice rounds**")
    st.table(
        {
            "Finished": [f"{r.finished_at.astimezone():%d %b %H:%M}" for r in rounds[-10:]],
            "Side": [debate.side_name(Side(r.side)) for r in rounds[-10:]],
            "Clashes": [r.clashes for r in rounds[-10:]],
            "Mean score": [f"{r.mean_score:.0%}" for r in rounds[-10:]],
            "No rebuttal in the map": [r.unprepared for r in rounds[-10:]],
        }
    )

st.subheader("Take it with you")
touched = datetime.fromtimestamp(state.library().touch_time(opened.name), UTC)
download_buttons(
    [
        Download(
            f"Download {debate.side_name(side).lower()} case (.docx)",
            "download_case",
            partial(case_document, argument_map, side, format_id, "docx"),
            export_filename(opened.name, "case", format_id, side),
            DOCX,
        ),
        Download(
            "Download flow sheet (.docx)",
            "download_flow",
            partial(flow_document, argument_map, format_id, "docx"),
            export_filename(opened.name, "flow", format_id),
            DOCX,
        ),
        Download(
            "Download Anki deck (.apkg)",
            "download_deck",
            partial(build_deck, argument_map, opened.name, touched),
            export_filename(opened.name, "deck", ext="apkg"),
            "application/octet-stream",
        ),
    ],
    st.columns(3),
)
