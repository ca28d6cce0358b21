"""Answer page: write (or paste, or upload) an answer to the map's question against a timer, have it
reviewed against the map (marks, rubric, findings, the map with covered points marked and missed
ones dimmed), download the review as Word, and watch the marks of every attempt over time.

The review, reading uploads and keeping attempts all come from :mod:`argmap.services.review`.
"""

from __future__ import annotations

import altair as alt
import streamlit as st

from argmap.errors import ArgmapError
from argmap.model import Kind
from argmap.practice.debate_formats import TimedSection
from argmap.render import render_bytes
from argmap.render.graph import RenderOptions
from argmap.review import Review
from argmap.review.document import review_document
from argmap.services.review import answer_from_bytes, limit_for, review_text
from argmap.ui import state
from argmap.ui.answer_review import marks_and_rubric
from argmap.ui.common import EDITOR_PAGE, md, report, require_map
from argmap.ui.downloads import Download, download_buttons
from argmap.ui.timer_component import speech_timer
from argmap.ui.word_count_component import word_count
from argmap.words import counted

TEXT = "answer_text"
UPLOADED = "answer_uploaded"
RESULT = "answer_review"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@st.cache_data(max_entries=16, show_spinner=False)
def _coverage_svg(key: str, covered: tuple[str, ...], dimmed: tuple[str, ...], _review_map) -> str:  # type: ignore[no-untyped-def]
    options = RenderOptions(highlight=frozenset(covered), dimmed=frozenset(dimmed), legend=False)
    return render_bytes(_review_map, options, "svg").decode("utf-8")


opened = require_map()
argument_map = opened.map
st.title("Answer")
if not argument_map.question:
    st.info(
        "This map has no question to answer yet: add one in the Editor's Map details.", icon=":material/info:"
    )
    st.page_link(EDITOR_PAGE, label="Go to the Editor", icon=":material/account_tree:")
    st.stop()

limit = limit_for(argument_map)
minutes = limit.template.minutes or 11
if limit.words != limit.template.words:
    minutes = max(1, round(minutes * limit.words / limit.template.words))
st.markdown(f"**{md(argument_map.question)}**")
st.caption(
    f"Answer in about {limit.words} words ({limit.low}–{limit.high} pass) and {minutes} minutes; "
    "your answer is checked against the points of this map."
)
speech_timer(
    "Answer",
    [TimedSection(f"Answer ({minutes} minutes)", minutes * 60, warn=60)],
    key="answer_page_timer",
    identity=f"{opened.name}/{limit.words}",
)

upload = st.file_uploader("Or upload an answer", type=["txt", "md", "docx"], key="answer_upload")
if upload is not None and st.session_state.get(UPLOADED) != upload.file_id:
    try:
        st.session_state[TEXT] = answer_from_bytes(upload.name, upload.getvalue())
        st.session_state[UPLOADED] = upload.file_id
    except ArgmapError as exc:
        report(exc)
text = st.text_area(
    "Your answer",
    key=TEXT,
    height=320,
    placeholder="Write or paste your answer here: introduction, body, conclusion.",
)
word_count(TEXT, limit.words, limit.low, limit.high, key="answer_words")

if st.button("Review my answer", type="primary", key="review_answer", icon=":material/fact_check:"):
    try:
        review = review_text(argument_map, text, "your answer")
    except ArgmapError as exc:
        report(exc)
    else:
        state.attempts().record(opened.name, review)
        st.session_state[RESULT] = (opened.key, review)


def _show(review: Review) -> None:
    index = argument_map.node_index()
    marks_and_rubric(
        review.marks,
        review.out_of,
        f"{review.words} words; limit {review.limit.words} ({review.limit.low}–{review.limit.high} pass).",
        review.rubric,
    )
    st.markdown("**Findings**" if review.findings else "**Findings**: none, well covered.")
    for number, finding in enumerate(review.findings):
        text_column, button_column = st.columns([5, 1])
        text_column.markdown(f"`{finding.code}` {md(finding.message)}")
        if finding.node in index and button_column.button(
            "Select",
            key=f"finding_{number}",
            help=f"Select “{index[finding.node].display_label}” in the Editor",
        ):
            st.session_state[state.SELECTED] = finding.node
            st.switch_page(EDITOR_PAGE)
    if review.missing:
        st.markdown("missed: " + ", ".join(md(index[node_id].display_label) for node_id in review.missing))
    download_buttons(
        [
            Download(
                "Review as Word",
                "answer_review_docx",
                lambda: review_document(review, argument_map),
                f"{opened.name}-review.docx",
                DOCX,
                icon=":material/download:",
                help="Your answer with each finding as a comment on its sentence, and the rubric",
            )
        ]
    )
    covered = tuple(review.covered)
    dimmed = tuple(
        n.id for n in argument_map.nodes if n.id not in review.covered and n.kind is not Kind.CONTEXT
    )
    st.markdown("**The map**: the points your answer covered are outlined; the ones it missed are dimmed.")
    try:
        st.image(_coverage_svg(opened.key, covered, dimmed, argument_map), width="stretch")
    except ArgmapError as exc:
        report(exc)


shown = st.session_state.get(RESULT)
if shown is not None and shown[0] == opened.key:
    _show(shown[1])

st.subheader("Your attempts")
attempts = state.attempts().history(opened.name)
if not attempts:
    st.caption("No attempts yet: review an answer and its marks show here, with the date.")
else:
    chart = (
        alt.Chart(
            alt.Data(
                values=[
                    {"When": a.when.isoformat(), "Marks": a.marks, "Out of": a.out_of, "Words": a.words}
                    for a in attempts
                ]
            )
        )
        .mark_line(point=alt.OverlayMarkDef(size=80))
        .encode(
            x=alt.X("When:T", title="Attempt"),
            y=alt.Y("Marks:Q", scale=alt.Scale(domain=[0, max(a.out_of for a in attempts)])),
            tooltip=["When:T", "Marks:Q", "Out of:Q", "Words:Q"],
        )
        .properties(height=220)
    )
    st.altair_chart(chart, width="stretch")
    last = attempts[-1]
    st.caption(
        f"{counted(len(attempts), 'attempt')}; the last on {last.when.astimezone():%d %b %Y %H:%M}: {last.marks:g} / {last.out_of}."
    )
