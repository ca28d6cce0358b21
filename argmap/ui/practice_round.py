"""The Practice page's round against the map: one clash at a time, then the summary.

The round itself (:class:`argmap.practice.rounds.PracticeRound`) is a value kept in the session;
this module only draws it and turns clicks into calls. Each answered clash is recorded like a drill
try, and a finished round is kept in the progress history.

Keys, for tests: the card ``round_card``; buttons ``start_round``, ``answer_clash``, ``next_clash``,
``new_round``; the response box is labelled "Your response".
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from argmap.graph import Side
from argmap.model import ArgumentMap
from argmap.practice import ProgressStore
from argmap.practice.debate_formats import DebateFormat, TimedSection
from argmap.practice.rounds import CLASH_SECONDS, ClashResult, PracticeRound, start_round
from argmap.ui.common import act, md, show_messages
from argmap.ui.timer_component import speech_timer

ROUND = "practice_round"
PLACE = "round"  # where the round's messages show: in its card


def practice_round(
    argument_map: ArgumentMap,
    map_name: str,
    side: Side,
    fmt: DebateFormat,
    strengths: Mapping[str, float],
    store: ProgressStore,
) -> None:
    """The round section: a start button, the clash being played, or the summary of the round."""
    st.subheader("Practice round")
    identity = (map_name, side.value, fmt.id)
    kept = st.session_state.get(ROUND)
    played: PracticeRound | None = kept[1] if kept is not None and kept[0] == identity else None
    with st.container(border=True, key="round_card"):
        show_messages(PLACE)
        if played is None:
            st.caption(
                f"The map plays the {fmt.side_name(side.other).lower()}: answer its strongest arguments "
                f"one by one, {CLASH_SECONDS} seconds each, and see how you did."
            )
            st.button(
                "Start a round",
                key="start_round",
                type="primary",
                on_click=act(_start, argument_map, identity, side, fmt, strengths, place=PLACE),
            )
            return
        if played.finished:
            _summary(played)
            return
        _clash(played, identity, map_name, store)


def _start(
    argument_map: ArgumentMap,
    identity: tuple[str, str, str],
    side: Side,
    fmt: DebateFormat,
    strengths: Mapping[str, float],
) -> None:
    st.session_state[ROUND] = (identity, start_round(argument_map, side, strengths, fmt))


def _answer(identity: tuple[str, str, str], map_name: str, store: ProgressStore, widget: str) -> None:
    played: PracticeRound = st.session_state[ROUND][1]
    answered = played.answer(st.session_state.get(widget, ""))
    result = answered.results[-1]
    store.record(map_name, result.clash.item, result.score)
    st.session_state[ROUND] = (identity, answered)


def _next(identity: tuple[str, str, str], map_name: str, store: ProgressStore) -> None:
    played: PracticeRound = st.session_state[ROUND][1].next()
    if played.finished:
        summary = played.summary()
        store.record_round(
            map_name, played.side.value, len(summary.results), summary.mean_score, summary.unprepared
        )
    st.session_state[ROUND] = (identity, played)


def _clash(
    played: PracticeRound, identity: tuple[str, str, str], map_name: str, store: ProgressStore
) -> None:
    clash = played.current
    assert clash is not None
    number, total = played.position + 1, len(played.clashes)
    st.caption(f"Clash {number} of {total} · the {played.opponent.lower()} argues:")
    st.markdown(f"**{md(clash.label)}**")
    st.markdown(f"> {md(clash.item.prompt)}")
    result = played.answered_current
    if result is None:
        speech_timer(
            "Your response",
            [TimedSection("Response", CLASH_SECONDS)],
            key="clash_timer",
            identity=f"{'/'.join(identity)}/{played.position}",
        )
        widget = f"clash_{'_'.join(identity)}_{played.position}"
        st.text_area("Your response", key=widget, height=120)
        st.button(
            "Check my response",
            key="answer_clash",
            type="primary",
            on_click=act(_answer, identity, map_name, store, widget, place=PLACE),
        )
        return
    _result(result)
    last = number == total
    st.button(
        "See the summary" if last else "Next clash",
        key="next_clash",
        type="primary",
        on_click=act(_next, identity, map_name, store, place=PLACE),
    )


def _result(result: ClashResult) -> None:
    score = result.score
    left, right = st.columns([1, 3], vertical_alignment="center")
    left.metric("Score", f"{score.score:.0%}")
    with right:
        if score.missing_terms:
            st.markdown("Missed: " + ", ".join(f"**{md(term)}**" for term in score.missing_terms))
        else:
            st.markdown("Missed: nothing of the map's answer.")
    heading = (
        "The map's rebuttal" if result.clash.prepared else "No rebuttal in the map yet: how to answer it"
    )
    with st.container(border=True, key="map_rebuttal"):
        st.markdown(f"**{heading}**")
        st.text(score.model_answer)


def _summary(played: PracticeRound) -> None:
    summary = played.summary()
    st.markdown("**Round over**")
    for line in summary.sentences():
        st.markdown(md(line))
    st.table(
        {
            "Clash": [r.clash.label for r in summary.results],
            "Score": [f"{r.score.score:.0%}" for r in summary.results],
            "Map's rebuttal": ["yes" if r.clash.prepared else "not yet" for r in summary.results],
        }
    )
    st.button("New round", key="new_round", on_click=lambda: st.session_state.pop(ROUND, None))
