"""Classroom mode in the app (issue #19), run by AppTest on a real PostgreSQL, the app connected as
its role (row-level security on): sign-in comes first, the signed-in user's classes and
assignments, and a comment on a point marked on its box. The whole workflow, signed in through a
real OIDC provider in a browser behind nginx, is tests/browser/test_class_server_browser.py."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from conftest import ROOT
from pg_cluster import postgres_cluster, postgres_url  # noqa: F401 (fixtures)
from streamlit.testing.v1 import AppTest

from argmap.services.classroom import Assignment, Classroom, sign_in
from argmap.services.review import review_text
from argmap.stores.postgres import create_app_role
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
    assert f"Marks: {review.marks:g} / {review.out_of}" in [header.value for header in at.subheader]
    assert "(submitted with the map)" in " ".join(caption.value for caption in at.caption)
    for finding in review.findings:
        assert md(finding.message) in shown
    rubric = next(table.value for table in at.table if "Criterion" in table.value.columns)
    assert list(rubric["Criterion"]) == [line.criterion for line in review.rubric]

