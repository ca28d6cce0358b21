"""An answer's review as the app shows it: the marks with the rubric (the Answer page, right after
the check) and, for a teacher opening a submission, the answer the student submitted with the
checks they saw (kept in the database, :mod:`argmap.services.answer_reviews`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from argmap.model import ArgumentMap
from argmap.review import Criterion
from argmap.ui.common import md

if TYPE_CHECKING:  # psycopg is imported only when a database is used
    from argmap.services.answer_reviews import KeptReview


def marks_and_rubric(
    marks: float, out_of: int, words_line: str, rubric: Sequence[Criterion], title: str = "Marks"
) -> None:
    """The marks as a heading (``title``: what they are), the words against the limit, and the
    rubric's marks per criterion."""
    st.subheader(f"{title}: {marks:g} / {out_of}")
    st.caption(words_line)
    st.table(
        {
            "Criterion": [line.criterion for line in rubric],
            "Marks": [f"{line.marks:g} / {line.out_of}" for line in rubric],
        }
    )


def kept_review(review: KeptReview, argument_map: ArgumentMap) -> None:
    """A student's reviewed answer for their teacher: the marks and rubric, what the review found
    and which points of the map the answer missed (named by their labels in ``argument_map``), and
    the answer itself."""
    index = argument_map.node_index()

    def label(node_id: str) -> str:
        return md(index[node_id].display_label) if node_id in index else md(node_id)

    when = review.when.astimezone().strftime("%d %b %Y, %H:%M")
    which = "submitted with the map" if review.submitted else "the latest, not submitted"
    st.caption(f"Reviewed {when} ({which}), against version {review.map_version} of the map.")
    # Not the teacher's marks for the assignment: the ones the answer's review gave the student.
    words = f"{review.words} words; limit {review.limit}."
    marks_and_rubric(review.marks, review.out_of, words, review.rubric, "Review marks")
    if review.findings:
        st.markdown("**Findings**")
        st.markdown("\n".join(f"- {md(finding.message)}" for finding in review.findings))
    else:
        st.markdown("**Findings**: none, well covered.")
    st.markdown("**The answer**")
    with st.container(border=True):
        st.markdown(md(review.answer))
    if review.missing:
        missed = ", ".join(label(node_id) for node_id in review.missing)
        st.markdown(f"**Points of the map it missed**: {missed}")
