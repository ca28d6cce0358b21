"""Comments on a map's points (classroom mode): the threads on the selected node in the Editor's
side panel (answer, resolve, reopen, add one), and the notice of the comments that are new to the
reader when they open the map. The boxes with open threads carry a mark on the map
(``MapView.comments``)."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from argmap.errors import ClassroomError
from argmap.model import ArgumentMap
from argmap.ui import people, state
from argmap.ui.common import act, md, notify, show_messages
from argmap.words import counted

PANEL = "comments_panel"
PLACE = "comments"
#: Per map, the comments that were new when the reader opened it this session (shown until they
#: open another map: marking them seen must not hide them on the next click).
NEW = "comments_new_{name}"


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d %b, %H:%M")


def comment_counts(name: str) -> dict[str, int]:
    """Open (unresolved) threads per node id of the map ``name``: the marks on its boxes."""
    return people.room().comment_counts(name)


def new_comments_notice(name: str, argument_map: ArgumentMap) -> None:
    """Say which points have comments new to the reader since they last opened the map, then mark
    the map seen (the notice stays for the rest of the session's visit to the map)."""
    key = NEW.format(name=name)
    if key not in st.session_state:
        room = people.room()
        fresh = [comment for comment in room.comments(name) if comment.new]
        st.session_state[key] = [(comment.node_id, comment.author_name) for comment in fresh]
        if fresh:
            room.mark_seen(name)
    fresh_nodes = st.session_state[key]
    if not fresh_nodes:
        return
    present = argument_map.node_index()
    points = list(dict.fromkeys(present[node].display_label for node, _ in fresh_nodes if node in present))
    authors = ", ".join(dict.fromkeys(author for _, author in fresh_nodes))
    st.info(
        f"{counted(len(fresh_nodes), 'new comment')} from {md(authors)} on: "
        + "; ".join(f"“{md(point)}”" for point in points)
        + ". Select the point to read and answer it.",
        icon=":material/comment:",
    )


def _add(name: str, node_id: str, parent_id: int | None, key: str) -> None:
    text = st.session_state.get(key, "").strip()
    if not text:
        raise ClassroomError("write the comment first")
    people.room().add_comment(name, node_id, text, parent_id)
    notify("Comment added." if parent_id is None else "Answer added.", PLACE)


def _resolve(comment_id: int, resolved: bool) -> None:
    people.room().resolve_comment(comment_id, resolved)


def node_comments(opened: state.OpenMap, node_id: str) -> None:
    """The comment threads on ``node_id`` with their answers, and a box to add one."""
    comments = [comment for comment in people.room().comments(opened.name) if comment.node_id == node_id]
    roots = [comment for comment in comments if comment.parent_id is None]
    answers: dict[int, list] = {}
    for comment in comments:
        if comment.parent_id is not None:
            answers.setdefault(comment.parent_id, []).append(comment)
    open_threads = sum(not root.resolved for root in roots)
    title = f"Comments ({open_threads} open)" if roots else "Comments"
    with st.container(border=True, key=PANEL):
        st.markdown(f"**{title}**")
        show_messages(PLACE)
        for root in roots:
            with st.container(border=True, key=f"comment_{root.id}"):
                for comment in [root, *answers.get(root.id, [])]:
                    marks = " · **new**" if comment.new else ""
                    st.markdown(
                        f"**{md(comment.author_name)}** · {_when(comment.created_at)}{marks}  \n{md(comment.text)}"
                    )
                if root.resolved:
                    st.caption("Resolved")
                    st.button(
                        "Reopen",
                        key=f"comment_{root.id}_reopen",
                        on_click=act(_resolve, root.id, False, place=PLACE),
                    )
                    continue
                # A form each, cleared when sent, so that the box is empty for the next answer.
                with st.form(f"comment_{root.id}_form", border=False, clear_on_submit=True):
                    answer_key = f"comment_{root.id}_answer"
                    st.text_area("Answer", key=answer_key, height=68, placeholder="answer this comment")
                    st.form_submit_button(
                        "Answer",
                        key=f"{answer_key}_send",
                        on_click=act(_add, opened.name, node_id, root.id, answer_key, place=PLACE),
                    )
                st.button(
                    "Resolve",
                    key=f"comment_{root.id}_resolve",
                    help="Close the thread: its mark leaves the box",
                    on_click=act(_resolve, root.id, True, place=PLACE),
                )
        with st.form(f"comment_new_{node_id}_form", border=False, clear_on_submit=True):
            new_key = f"comment_new_{node_id}"
            st.text_area("Comment on this point", key=new_key, height=80)
            st.form_submit_button(
                "Add comment",
                key=f"{new_key}_send",
                on_click=act(_add, opened.name, node_id, None, new_key, place=PLACE),
            )
