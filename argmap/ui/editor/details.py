"""The Editor's Map details form: the map's own fields (title, question, directive, headings,
tags, conclusion), which shape its outlines, and the action that saves them."""

from __future__ import annotations

import streamlit as st

from argmap.editing import update_map
from argmap.model import Directive
from argmap.ui import state
from argmap.ui.common import act, show_messages

NO_DIRECTIVE = "(none)"
DETAILS = "map_details"  # where the Map details form's errors show


DETAILS_SECTION = "details_section"  # the Map details expander: open or not


def save_details(widget: str) -> None:
    """Save the Map details form (title, question, directive, headings, tags, conclusion)."""
    opened = state.current()
    if opened is None:
        return
    directive = st.session_state[f"{widget}_directive"]
    new_map = update_map(
        opened.map,
        title=st.session_state[f"{widget}_title"],
        question=st.session_state[f"{widget}_question"],
        directive=None if directive == NO_DIRECTIVE else directive,
        vocabulary={
            "for": st.session_state[f"{widget}_for"],
            "against": st.session_state[f"{widget}_against"],
        },
        tags=st.session_state[f"{widget}_tags"],
        conclusion=st.session_state[f"{widget}_conclusion"],
    )
    if new_map == opened.map:
        state.notify("The map details have no changes to save.")
        return
    state.apply(new_map, "edit the map details", notice="Saved the map details.")


def map_details(opened: state.OpenMap) -> None:
    """The map's own fields, which shape its outlines: the question and its directive word set the
    essay's shape, the headings name the two sides' sections, the conclusion closes it."""
    argument_map = opened.map
    widget = f"details{opened.key[:10]}"  # new widgets whenever the map changes (save, undo, reload)
    section = st.expander(
        "Map details: title, question, directive, headings",
        icon=":material/edit_note:",
        key=DETAILS_SECTION,
        on_change="rerun",
    )
    if not section.open:  # its eight fields are built only while it is open: every rerun is faster
        return
    with section, st.form(f"{widget}_form", border=False):
        left, right = st.columns(2)
        left.text_input("Title", value=argument_map.title, key=f"{widget}_title")
        left.text_area(
            "Question",
            value=argument_map.question or "",
            key=f"{widget}_question",
            height=90,
            help="As set, with its word limit, e.g. “Despite differences, India–Russia ties remain "
            "strong.” Critically examine. (250 words)",
        )
        directives = [NO_DIRECTIVE, *(directive.value for directive in Directive)]
        left.selectbox(
            "Directive",
            directives,
            index=directives.index(argument_map.directive.value if argument_map.directive else NO_DIRECTIVE),
            key=f"{widget}_directive",
            help="The question's directive word: it shapes the outlines that follow it (a counter-view "
            "for critically examine, a judgement for evaluate …).",
        )
        left.text_input(
            "Map tags (comma-separated)",
            value=", ".join(argument_map.tags),
            key=f"{widget}_tags",
            help="File the map in the library, e.g. gs-2, international relations. Nodes have their own tags.",
        )
        vocabulary = argument_map.vocabulary
        for_word, against_word = right.columns(2)
        for_word.text_input(
            "Heading for the points for",
            value=vocabulary.for_ if vocabulary else "",
            key=f"{widget}_for",
            placeholder="Arguments for",
            help="What the outlines call the points for, e.g. Convergences, Benefits, Proposition",
        )
        against_word.text_input(
            "Heading for the points against",
            value=vocabulary.against if vocabulary else "",
            key=f"{widget}_against",
            placeholder="Arguments against",
            help="What the outlines call the points against, e.g. Irritants, Challenges, Opposition",
        )
        right.text_area(
            "Conclusion", value=argument_map.conclusion or "", key=f"{widget}_conclusion", height=178
        )
        show_messages(DETAILS)  # a refusal (an empty title) shows here, beside the fields
        st.form_submit_button(
            "Save map details", type="primary", on_click=act(save_details, widget, place=DETAILS)
        )
