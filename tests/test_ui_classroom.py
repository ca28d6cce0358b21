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

from argmap.services.classroom import Classroom, sign_in
from argmap.stores.postgres import create_app_role

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

    as_student = app_as({"is_logged_in": True, "sub": "s-1", "email": "asha@school.test", "name": "Asha Rao"})
    as_student.switch_page("argmap/ui/pages/assignments.py").run()
    assert not as_student.exception, as_student.exception
    assert "Your status: **not started**" in " ".join(markdown.value for markdown in as_student.markdown)
    assert not as_student.table  # a student sees no one else's status
