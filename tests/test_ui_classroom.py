"""Classroom mode in the app (issue #19), run by AppTest on a real PostgreSQL, the app connected as
its role (row-level security on): sign-in comes first, the signed-in user's classes and
assignments, and a comment on a point marked on its box. The whole workflow, signed in through a
real OIDC provider in a browser behind nginx, is tests/browser/test_class_server_browser.py."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from conftest import ROOT
from pg_cluster import postgres_cluster, postgres_url  # noqa: F401 (fixtures)
from streamlit.testing.v1 import AppTest

from argmap.errors import StoreError
from argmap.services.classroom import Assignment, Classroom, sign_in
from argmap.services.review import review_text
from argmap.stores.postgres import create_app_role
from argmap.ui import people
from argmap.ui.common import md

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "a-test-secret-of-enough-length",
    "client_id": "argmap-test",
    "client_secret": "not-a-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


@pytest.fixture
def app_url(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    url = create_app_role(postgres_url, "argmap_ui_test")
    monkeypatch.setenv("ARGMAP_DATABASE_URL", url)
    return url


def app_as(user: dict[str, object]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = user
    return at


def teacher() -> dict[str, object]:
    return {"is_logged_in": True, "sub": "t-1", "email": "teacher@school.test", "name": "Meera Iyer"}


def test_a_visitor_sees_only_the_sign_in_page_and_a_signed_in_user_their_name(app_url: str):
    at = app_as({"is_logged_in": False})
    at.run()
    assert not at.exception, at.exception
    assert [button.label for button in at.button] == ["Sign in"]
    assert not any(title.value == "Library" for title in at.title)

    at = app_as(teacher())
    at.run()
    assert not at.exception, at.exception
    assert any(title.value == "Library" for title in at.title)
    assert "Signed in as **Meera Iyer**" in " ".join(caption.value for caption in at.sidebar.caption)


def test_the_class_and_assignment_pages_as_a_teacher_and_a_student(app_url: str):
    at = app_as(teacher())
    at.switch_page("argmap/ui/pages/classes.py").run()
    at.text_input(key="class_new_name").input("Evening batch")
    at.button(key="FormSubmitter:class_new-Make the class").click().run()
    assert not at.exception, at.exception
    code = re.search(r"join code (\w+)", " ".join(alert.value for alert in at.success)).group(1)

    student = sign_in(app_url, subject="s-1", email="asha@school.test", name="Asha Rao")
    room = Classroom(app_url, student.id)
    joined = room.join(code)
    teacher_room = Classroom(app_url, sign_in(app_url, subject="t-1", email="teacher@school.test").id)
    teacher_room.set_assignment(
        joined.id,
        title="Ties with Russia",
        question="Critically examine.",
        due_at=datetime.now(UTC) + timedelta(days=2),
    )

    at.switch_page("argmap/ui/pages/assignments.py").run()
    assert not at.exception, at.exception
    table = at.table[0].value
    assert list(table["Student"]) == ["Asha Rao"] and list(table["Status"]) == ["not started"]

    as_student = app_as(ASHA)
    as_student.switch_page("argmap/ui/pages/assignments.py").run()
    assert not as_student.exception, as_student.exception
    assert "Your status: **not started**" in " ".join(markdown.value for markdown in as_student.markdown)
    assert not as_student.table  # a student sees no one else's status


ASHA = {"is_logged_in": True, "sub": "s-1", "email": "asha@school.test", "name": "Asha Rao"}


def assignment_for_asha(app_url: str) -> tuple[Classroom, Classroom, Assignment]:
    """A class of the teacher's with Asha in it, and an assignment set for it: (teacher, Asha, it)."""
    teacher_room = Classroom(app_url, sign_in(app_url, subject="t-1", email="teacher@school.test").id)
    made = teacher_room.create_class("Evening batch")
    student = Classroom(
        app_url, sign_in(app_url, subject="s-1", email="asha@school.test", name="Asha Rao").id
    )
    student.join(made.join_code)
    assignment = teacher_room.set_assignment(
        made.id,
        title="Ties with Russia",
        question="Ties with Russia remain strong despite differences. Critically examine.",
        start="skeleton:bilateral",
        due_at=datetime.now(UTC) + timedelta(days=2),
    )
    return teacher_room, student, assignment


def test_in_a_class_the_answer_page_keeps_the_students_answers_in_the_database(
    app_url: str, tmp_path, monkeypatch
):
    monkeypatch.setenv("ARGMAP_LIBRARY", str(tmp_path))
    _, student, assignment = assignment_for_asha(app_url)
    copy = student.open_assignment(assignment.id)
    at = app_as(ASHA)
    at.query_params["map"] = copy.map_name
    at.switch_page("argmap/ui/pages/answer.py").run()
    at.text_area(key="answer_text").set_value("Ties with Russia remain strong. Defence binds them.").run()
    at.button(key="review_answer").click().run()
    assert not at.exception, at.exception
    kept = student.answer_reviews().history(copy.map_name)
    assert [attempt.answer for attempt in kept] == ["Ties with Russia remain strong. Defence binds them."]
    assert "1 attempt" in " ".join(caption.value for caption in at.caption)
    assert not (tmp_path / ".argmap" / "answers.jsonl").exists()  # not on the machine's disk


def test_the_teacher_sees_the_answer_a_student_submitted_with_its_review(app_url: str):
    _, student, assignment = assignment_for_asha(app_url)
    copy = student.open_assignment(assignment.id)
    answer = "Ties with Russia remain strong. Defence ties are old.\n\nRussia's tilt to China worries Delhi."
    review = review_text(student.library().load(copy.map_name).map, answer, "the answer")
    student.answer_reviews().record(copy.map_name, review)
    submitted = student.submit(assignment.id)

    at = app_as(teacher())
    at.switch_page("argmap/ui/pages/assignments.py").run()
    at.selectbox(key=f"assignment_{assignment.id}_chosen").select(submitted.id).run()
    assert not at.exception, at.exception
    shown = " ".join(markdown.value for markdown in at.markdown)
    assert "Russia's tilt to China worries Delhi." in shown
    assert f"Review marks: {review.marks:g} / {review.out_of}" in [header.value for header in at.subheader]
    assert "(submitted with the map)" in " ".join(caption.value for caption in at.caption)
    for finding in review.findings:
        assert md(finding.message) in shown
    rubric = next(table.value for table in at.table if "Criterion" in table.value.columns)
    assert list(rubric["Criterion"]) == [line.criterion for line in review.rubric]


EDITING = {
    "Save changes",
    "Add below",
    "Delete node…",
    "Undo",
    "Redo",
    "Save map details",
    "Apply table edits",
}


def editor_as(user: dict[str, object], map_name: str) -> AppTest:
    at = app_as(user)
    at.query_params["map"] = map_name
    at.switch_page("argmap/ui/pages/editor.py").run()
    assert not at.exception, at.exception
    return at


def read_only_reason(at: AppTest) -> str:
    return " ".join(info.value for info in at.info)


def test_the_editor_shows_a_students_own_copy_for_editing(app_url: str):
    _, student, assignment = assignment_for_asha(app_url)
    copy = student.open_assignment(assignment.id)
    at = editor_as(ASHA, copy.map_name)
    assert {"Save changes", "Add below", "Delete node…"} <= {button.label for button in at.button}
    assert "read-only" not in read_only_reason(at)


def test_the_teacher_reads_a_students_work_without_edit_forms_but_may_comment(app_url: str):
    teacher_room, student, assignment = assignment_for_asha(app_url)
    copy = student.open_assignment(assignment.id)
    at = editor_as(teacher(), copy.map_name)
    assert "A student's work: read-only for you" in read_only_reason(at)
    labels = {button.label for button in at.button}
    assert not labels & EDITING, labels & EDITING
    assert "Add comment" in labels
    # The side panel shows the selected point's words instead of its forms.
    selected = student.library().load(copy.map_name).map.node_index()[at.session_state["selected"]]
    assert f"**{md(selected.display_label)}**" in [markdown.value for markdown in at.markdown]
    library = teacher_room.library()  # and the database refuses a change all the same
    loaded = library.load(copy.map_name)
    with pytest.raises(StoreError, match="cannot be changed"):
        library.save(copy.map_name, loaded.map.model_copy(update={"title": "Changed"}), loaded.revision)


def test_a_submitted_map_is_read_only_for_its_student(app_url: str):
    _, student, assignment = assignment_for_asha(app_url)
    copy = student.open_assignment(assignment.id)
    student.submit(assignment.id)
    at = editor_as(ASHA, copy.map_name)
    assert "You have submitted this map, so it is read-only" in read_only_reason(at)
    assert not {button.label for button in at.button} & EDITING
    # The map takes no keyboard or drag edit (no action but folding reaches the app) ...
    [component] = [element for element in at.get("bidi_component") if element.key == "map_click"]
    given = json.loads(component.proto.json)
    assert (given["editable"], given["adds"]) == (False, {})
    # ... and the Table tab lists the nodes without a data editor.
    at.session_state["editor_tab"] = "Table"  # what a click on the tab sets
    at.run()
    assert not at.exception, at.exception
    [table] = at.dataframe
    assert table.proto.editing_mode == table.proto.EditingMode.READ_ONLY
    assert not {button.label for button in at.button} & EDITING


def test_a_map_published_to_the_class_is_read_only_for_its_students(app_url: str):
    teacher_room, _, assignment = assignment_for_asha(app_url)
    teacher_room.library().create("motion", "This house would ban homework", "debate", "This house would …")
    teacher_room.share_map("motion", assignment.class_id)
    at = editor_as(ASHA, "motion")
    assert "Your teacher published this map to the class" in read_only_reason(at)
    assert not {button.label for button in at.button} & EDITING
    at = editor_as(teacher(), "motion")  # its teacher still edits it
    assert "Save changes" in {button.label for button in at.button}


def statements_of_a_run(at: AppTest, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement the app sent in one run of its page."""
    sent: list[str] = []
    execute = psycopg.Connection.execute

    def counted(self, query, *args, **kwargs):  # type: ignore[no-untyped-def]
        sent.append(str(query))
        return execute(self, query, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(psycopg.Connection, "execute", counted)
        at.run()
    assert not at.exception, at.exception
    return sent


def test_the_class_library_lists_a_page_of_maps_in_one_query_however_many(
    app_url: str, monkeypatch: pytest.MonkeyPatch
):
    library = Classroom(app_url, sign_in(app_url, subject="t-1", email="teacher@school.test").id).library()
    for number in range(3):
        library.create(f"map-{number:03}", f"Map {number}")
    at = app_as(teacher())
    at.run()
    few = statements_of_a_run(at, monkeypatch)
    for number in range(3, 123):
        library.create(f"map-{number:03}", f"Map {number}")
    many = statements_of_a_run(at, monkeypatch)

    assert len(many) == len(few)  # no statement per map
    assert len([text for text in many if "counts_by_kind" in text]) == 1  # the listing's one query
    cards = [button for button in at.button if button.label == "Open"]
    assert [button.key for button in cards] == [f"open_map-{number:03}" for number in range(50)]
    [pages] = [box for box in at.selectbox if box.label == "Page"]
    assert pages.options == ["1–50 of 123", "51–100 of 123", "101–123 of 123"]
    pages.set_value(2).run()
    assert next(button.key for button in at.button if button.label == "Open") == "open_map-100"


class Clock:
    """A clock the test sets by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_late_is_decided_by_the_classrooms_clock_alone(app_url: str, monkeypatch: pytest.MonkeyPatch):
    assignment = assignment_for_asha(app_url)[2]  # due in two days by the machine's clock
    clock = Clock(assignment.due_at + timedelta(hours=1))
    monkeypatch.setattr(people, "CLOCK", clock)

    as_student = app_as(ASHA)
    as_student.switch_page("argmap/ui/pages/assignments.py").run()
    assert "Your status: **late**" in " ".join(markdown.value for markdown in as_student.markdown)
    as_teacher = app_as(teacher())
    as_teacher.switch_page("argmap/ui/pages/assignments.py").run()
    assert list(as_teacher.table[0].value["Status"]) == ["late"]

    clock.now = assignment.due_at - timedelta(days=1)
    as_student.run()
    assert "Your status: **not started**" in " ".join(markdown.value for markdown in as_student.markdown)
    as_teacher.run()
    assert list(as_teacher.table[0].value["Status"]) == ["not started"]


def test_a_submitted_map_open_to_edits_until_the_due_date_locks_by_the_classrooms_clock(
    app_url: str, monkeypatch: pytest.MonkeyPatch
):
    teacher_room, student, assignment = assignment_for_asha(app_url)
    editable = teacher_room.set_assignment(
        assignment.class_id,
        title="Drafts allowed",
        question="Critically examine.",
        due_at=datetime.now(UTC) + timedelta(days=3),
        allow_edits_after_submit=True,
    )
    copy = student.open_assignment(editable.id)
    student.submit(editable.id)
    clock = Clock(editable.due_at - timedelta(hours=1))
    monkeypatch.setattr(people, "CLOCK", clock)

    at = editor_as(ASHA, copy.map_name)
    assert "Save changes" in {button.label for button in at.button}
    clock.now = editable.due_at + timedelta(minutes=1)
    at.run()
    assert "You have submitted this map, so it is read-only" in read_only_reason(at)
    assert not {button.label for button in at.button} & EDITING


def test_an_assignment_of_a_class_with_no_student_yet_says_how_to_bring_them_in(app_url: str):
    teacher_room = Classroom(app_url, sign_in(app_url, subject="t-1", email="teacher@school.test").id)
    made = teacher_room.create_class("Empty batch")
    teacher_room.set_assignment(
        made.id, title="First essay", question="Discuss.", due_at=datetime.now(UTC) + timedelta(days=2)
    )
    at = app_as(teacher())
    at.switch_page("argmap/ui/pages/assignments.py").run()
    assert not at.exception, at.exception
    assert not at.table
    assert "No student in the class yet: share its join code on the Classes page." in [
        caption.value for caption in at.caption
    ]
    assert at.selectbox(key="assign_template").value == "upsc-gs-250"
