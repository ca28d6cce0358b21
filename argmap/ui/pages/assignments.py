"""Assignments page (classroom mode).

A teacher sets an assignment for a class (the question with its directive and word limit, the
starting map, blank or a skeleton, the outline template, the due date, the marks it is out of),
follows every student's status, opens a submission read-only (its map, its outline beside the
answer the student submitted with its review, what changed from the starting map), comments on it in the Editor, marks it, releases the marks for the whole
assignment and downloads the class's marks as CSV. A student opens the assignment (their own copy
of the starting map, made on first opening, in the Editor), submits it, and sees their marks and
the teacher's feedback once released.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import streamlit as st

from argmap.errors import ArgmapError, ClassroomError
from argmap.mapfile import dump_map
from argmap.model import Directive
from argmap.outline.templates import TEMPLATES
from argmap.render.view import MapView
from argmap.services.classroom import status_of
from argmap.services.documents import build_outline_for
from argmap.skeletons import SKELETONS
from argmap.store import revision_of
from argmap.ui import people, state
from argmap.ui.answer_review import kept_review
from argmap.ui.common import EDITOR_PAGE, act, difference_view, md, notify, report, show_messages
from argmap.ui.texts import outline_preview_markdown
from argmap.ui.views import cached_dot

GO_TO_EDITOR = "assignments_go_to_editor"
NO_DIRECTIVE = "(the question's own)"


def when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d %b %Y, %H:%M")


def _open_in_editor(name: str, notice: str | None = None) -> None:
    state.open_map(name)
    if notice:
        notify(notice)
    st.session_state[GO_TO_EDITOR] = True


def _open_my_copy(assignment_id: int) -> None:
    submission = people.room().open_assignment(assignment_id)
    _open_in_editor(submission.map_name)


def _submit(assignment_id: int) -> None:
    submission = people.room().submit(assignment_id)
    late = " (after the due date)" if submission.status == "late" else ""
    notify(f"Submitted version {submission.submitted_version}{late}.", f"assignment_{assignment_id}")


def _start_label(start: str, titles: dict[str, str]) -> str:
    kind, _, name = start.partition(":")
    if kind == "blank":
        return "Blank map (just a thesis)"
    if kind == "skeleton":
        return f"Skeleton: {name.replace('-', ' ')}"
    return f"Map: {titles.get(name, name)}"


def _set_assignment(class_id: int) -> None:
    get = st.session_state.get
    title = get("assign_title", "").strip()
    question = get("assign_question", "").strip()
    if not title or not question:
        raise ClassroomError("an assignment needs a title and a question")
    day: date = get("assign_due_day") or people.room().clock().astimezone().date()
    moment: time = get("assign_due_time") or time(23, 59)
    directive = get("assign_directive")
    limit = get("assign_words")
    made = people.room().set_assignment(
        class_id,
        title=title,
        question=question,
        directive=None if directive in (None, NO_DIRECTIVE) else directive,
        word_limit=int(limit) if limit else None,
        template=get("assign_template", "upsc-gs-250"),
        start=get("assign_start", "blank"),
        due_at=datetime.combine(day, moment).astimezone(),
        allow_edits_after_submit=bool(get("assign_edits")),
        out_of=float(get("assign_out_of") or 10),
    )
    notify(f"Set {made.title!r}, due {when(made.due_at)}.", "assignments")


def assignment_form(class_id: int) -> None:
    library = state.library()
    titles = {entry.name: entry.title for entry in library.entries() if entry.error is None}
    starts = ["blank", *(f"skeleton:{name}" for name in SKELETONS if name != "blank")]
    starts += [f"map:{name}" for name in titles]
    with (
        st.expander("Set an assignment", icon=":material/add_task:"),
        st.form("assign", clear_on_submit=True),
    ):
        st.text_input("Title", key="assign_title", placeholder="India–Russia: a critical examination")
        st.text_area("Question", key="assign_question", height=80)
        one, two, three = st.columns(3)
        one.selectbox("Directive", [NO_DIRECTIVE, *(d.value for d in Directive)], key="assign_directive")
        two.number_input(
            "Word limit",
            min_value=50,
            max_value=5000,
            value=None,
            key="assign_words",
            placeholder="the template's",
        )
        three.number_input("Marks out of", min_value=1.0, max_value=1000.0, value=10.0, key="assign_out_of")
        st.selectbox(
            "Outline template",
            list(TEMPLATES),
            key="assign_template",
            index=list(TEMPLATES).index("upsc-gs-250"),  # the service's default: a 250-word GS answer
            format_func=lambda name: f"{TEMPLATES[name].title} ({TEMPLATES[name].words} words)",
        )
        st.selectbox(
            "Starting map (each student works on a copy of it)",
            starts,
            key="assign_start",
            format_func=lambda start: _start_label(start, titles),
        )
        day, moment = st.columns(2)
        today = people.room().clock().astimezone().date()
        day.date_input("Due on", value=today + timedelta(days=7), key="assign_due_day")
        moment.time_input("at", value=time(23, 59), key="assign_due_time")
        st.checkbox("Students may keep editing after they submit, until the due date", key="assign_edits")
        st.form_submit_button(
            "Set the assignment", type="primary", on_click=act(_set_assignment, class_id, place="assignments")
        )


def student_view(assignment) -> None:  # type: ignore[no-untyped-def]
    room = people.room()
    place = f"assignment_{assignment.id}"
    submission = room.my_submission(assignment.id)
    # Late or not is the service's rule on the service's clock, never the page's own.
    status = submission.status if submission else status_of(assignment.due_at, None, False, room.clock())
    line = f"Your status: **{status}**"
    if submission and submission.submitted_at:
        line += f" (version {submission.submitted_version}, {when(submission.submitted_at)})"
    st.markdown(line)
    left, right = st.columns(2)
    left.button(
        "Open my map" if submission else "Start: open my copy",
        key=f"{place}_open",
        type="primary",
        on_click=act(_open_my_copy, assignment.id, place=place),
        width="stretch",
    )
    submitted = bool(submission and submission.submitted_at)
    again = assignment.allow_edits_after_submit and room.clock() <= assignment.due_at
    right.button(
        "Submit again" if submitted else "Submit",
        key=f"{place}_submit",
        disabled=submission is None or (submitted and not again),
        on_click=act(_submit, assignment.id, place=place),
        width="stretch",
        help="Hand in your map as it is now; your teacher sees this version",
    )
    grade = room.my_grade(assignment.id)
    if grade is not None:
        with st.container(border=True, key=f"{place}_grade"):
            st.markdown(f"**Marks: {grade.marks:g} / {assignment.out_of:g}**")
            if grade.feedback:
                st.markdown(md(grade.feedback))
    elif submission and submission.submitted_at:
        st.caption("Your marks show here when your teacher releases them.")
    show_messages(place)


def _save_grade(submission_id: int, place: str) -> None:
    marks = st.session_state.get(f"{place}_marks")
    if marks is None:
        raise ClassroomError("type the marks first")
    people.room().set_grade(submission_id, float(marks), st.session_state.get(f"{place}_feedback", ""))
    notify("Marks saved (the student sees them once you release the assignment's marks).", place)


def _release(assignment_id: int) -> None:
    people.room().release_grades(assignment_id)
    notify(
        "Marks released: each student now sees their marks and your feedback.", f"assignment_{assignment_id}"
    )


def submission_view(assignment, row) -> None:  # type: ignore[no-untyped-def]
    room = people.room()
    submission = row.submission
    place = f"submission_{submission.id}"
    try:
        _, argument_map = room.open_submission(submission.id)
    except ArgmapError as exc:
        report(exc)
        return
    key = revision_of(dump_map(argument_map).encode("utf-8"))
    st.button(
        "Open in the Editor to comment on its points",
        key=f"{place}_editor",
        icon=":material/comment:",
        on_click=act(_open_in_editor, submission.map_name, place=place),
    )
    shown = (
        "the submitted version" if submission.submitted_version else "the latest version (not submitted yet)"
    )
    st.caption(f"{md(row.student.name)}'s map, {shown}; read-only here.")
    picture, outline, changes = st.tabs(
        ["Map", "Outline and answer", "Changes from the starting map"], key=f"{place}_tabs"
    )
    with picture:
        counts = tuple(sorted(room.comment_counts(submission.map_name).items()))
        st.graphviz_chart(cached_dot(key, MapView(comments=counts), argument_map), width="stretch")
    with outline:
        plan, answer = st.columns(2, gap="medium")
        with plan:
            st.markdown("#### Outline")
            try:
                built = build_outline_for(argument_map, assignment.template, "for", assignment.word_limit)
                st.markdown(outline_preview_markdown(built))
            except Exception as exc:
                st.warning(md(str(exc)))
        with answer:
            st.markdown("#### Answer")
            reviewed = room.answer_reviews().for_submission(submission.id)
            if reviewed is None:
                st.caption("No answer reviewed yet: the student writes one on the Answer page.")
            else:
                kept_review(reviewed, argument_map)
    with changes:
        difference_view(
            room.compare_with_start(submission.id), "No change from the starting map.", f"{place}_changes"
        )
    grade = row.grade
    with st.form(f"{place}_grade_form", border=True):
        marks, _ = st.columns([1, 3])
        marks.number_input(
            f"Marks (out of {assignment.out_of:g})",
            min_value=0.0,
            max_value=float(assignment.out_of),
            value=grade.marks if grade else None,
            key=f"{place}_marks",
        )
        st.text_area("Feedback", value=grade.feedback if grade else "", key=f"{place}_feedback", height=90)
        st.form_submit_button("Save marks", on_click=act(_save_grade, submission.id, place, place=place))
    show_messages(place)


def teacher_view(assignment) -> None:  # type: ignore[no-untyped-def]
    room = people.room()
    place = f"assignment_{assignment.id}"
    rows = room.statuses(assignment.id)
    if not rows:
        st.caption("No student in the class yet: share its join code on the Classes page.")
    else:
        st.table(
            [
                {
                    "Student": row.student.name or "(not signed in yet)",
                    "E-mail": row.student.email,
                    "Status": row.status,
                    "Submitted": when(row.submission.submitted_at)
                    if row.submission and row.submission.submitted_at
                    else "",
                    "Marks": f"{row.grade.marks:g}" if row.grade else "",
                }
                for row in rows
            ],
            hide_index=True,
        )
    started = [row for row in rows if row.submission is not None]
    left, middle, right = st.columns(3)
    left.button(
        "Marks released" if assignment.released else "Release the marks to the students",
        key=f"{place}_release",
        disabled=assignment.released,
        on_click=act(_release, assignment.id, place=place),
        width="stretch",
    )
    middle.download_button(
        "Download the marks (CSV)",
        data=lambda: room.grades_csv(assignment.id),
        file_name=f"marks-{assignment.id}.csv",
        mime="text/csv",
        key=f"{place}_csv",
        width="stretch",
    )
    show_messages(place)
    if not started:
        st.caption("No student has opened it yet.")
        return
    by_id = {row.submission.id: row for row in started}
    chosen = right.selectbox(
        "Open the work of",
        list(by_id),
        index=None,
        key=f"{place}_chosen",
        placeholder="a student",
        format_func=lambda sid: f"{by_id[sid].student.name} ({by_id[sid].status})",
        label_visibility="collapsed",
    )
    if chosen is not None:
        with st.container(border=True, key=f"{place}_submission"):
            submission_view(assignment, by_id[chosen])


if st.session_state.pop(GO_TO_EDITOR, False):
    st.switch_page(EDITOR_PAGE)
st.title("Assignments")
show_messages()
room = people.room()
classes = room.my_classes()
if not classes:
    st.info("You are in no class yet: join or make one on the Classes page.")
    st.stop()
by_class = {info.id: info for info in classes}
class_id = st.selectbox(
    "Class", list(by_class), key="assignments_class", format_func=lambda cid: by_class[cid].name
)
info = by_class[class_id]
teacher = info.role == "teacher"
if teacher:
    assignment_form(class_id)
show_messages("assignments")
assignments = room.assignments(class_id)
if not assignments:
    st.info("No assignment has been set for this class yet.")
for assignment in assignments:
    with st.container(border=True, key=f"assignment_{assignment.id}"):
        st.subheader(md(assignment.title))
        st.markdown(md(assignment.question))
        details = [
            f"due {when(assignment.due_at)}",
            f"outline: {TEMPLATES[assignment.template].title if assignment.template in TEMPLATES else assignment.template}",
        ]
        if assignment.word_limit:
            details.append(f"{assignment.word_limit} words")
        if assignment.directive:
            details.append(f"directive: {assignment.directive}")
        details.append(f"marked out of {assignment.out_of:g}")
        if assignment.allow_edits_after_submit:
            details.append("edits allowed after submitting, until the due date")
        st.caption(" · ".join(details))
        if teacher:
            teacher_view(assignment)
        else:
            student_view(assignment)
