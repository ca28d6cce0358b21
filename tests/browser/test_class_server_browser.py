"""The class server in a real browser: two app processes over one PostgreSQL library behind nginx,
signed in through the mock OpenID Connect provider the server starts (its demo accounts).

Issue #18: a map made through one process is seen through the other, and after one process is
killed (``kill -9``) a reload is served by the other, still signed in, and no saved version is lost.
Issue #19: a whole assignment, from sign-in to released marks, with a student's reviewed answer
the teacher reads beside her outline and a comment on a point, as a teacher and two students who
each see only what is theirs."""

from __future__ import annotations

import os
import re
import shutil
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from argmap.stores import class_server, local_cluster
from argmap.stores.postgres import PostgresStore

from .app import AT_REST, SEED_TITLE, choose, screenshot, side_panel_field, the_map
from .conftest import PAGE_TIMEOUT_MS, VIEWPORT, free_port

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class ClassServer:
    url: str  # nginx
    apps: tuple[str, ...]  # each app process, directly
    folder: Path
    database: str


@pytest.fixture(scope="module")
def served(chromium: Path) -> Iterator[ClassServer]:
    folder = local_cluster.temporary_folder()
    ports = (free_port(), free_port())
    try:
        url = class_server.start(folder / "server", free_port(), ports, free_port())
        yield ClassServer(
            url,
            tuple(f"http://127.0.0.1:{port}" for port in ports),
            folder / "server",
            local_cluster.url_of(folder / "server" / "cluster"),
        )
    finally:
        class_server.stop(folder / "server")
        shutil.rmtree(folder, ignore_errors=True)


def page_on(browser: Browser, url: str) -> Page:
    context = browser.new_context(base_url=url, viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    return context.new_page()


def app_of(page: Page, served: ClassServer) -> str:
    """The address of the app process nginx sends this browser to (its header X-Argmap-App)."""
    return page.request.get(f"{served.url}/_stcore/health").headers["x-argmap-app"]


def sign_in(browser: Browser, served: ClassServer, subject: str, avoid: str | None = None) -> Page:
    """A new browser (cookies of its own) signed in through nginx as the demo account ``subject``
    (a one-click account on the mock provider's form), back on the Library. ``avoid``: an app
    process's address; the browser is given a sticky-session cookie that nginx sends elsewhere.

    Sign-in goes through nginx only: Streamlit's sign-in cookie holds the address it was made
    for, and a process reached at its own address does not accept it."""
    page = page_on(browser, served.url)
    for value in range(64 if avoid else 0):  # nginx hashes the cookie: about one value in two fits
        page.context.add_cookies([{"name": "argmap_backend", "value": f"pin{value}", "url": served.url}])
        if app_of(page, served) != avoid:
            break
    page.goto("/")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name=subject, exact=True).click()
    expect(page.get_by_role("heading", name="Library")).to_be_visible()
    return page


def test_a_map_made_through_one_process_is_listed_by_the_other(browser: Browser, served: ClassServer):
    # Two browsers of one teacher, each kept on a different process by nginx.
    first = sign_in(browser, served, "demo-teacher")
    form = first.locator(".st-key-new_map, [data-testid='stForm']").first
    form.get_by_label("Title").fill("Made on the first process")
    form.get_by_role("button", name="Create map").click()
    expect(first.get_by_role("heading", name="Made on the first process")).to_be_visible()
    second = sign_in(browser, served, "demo-teacher", avoid=app_of(first, served))
    assert app_of(second, served) != app_of(first, served)
    expect(second.locator(".st-key-map_card_made-on-the-first-process")).to_contain_text(
        "Made on the first process"
    )
    first.context.close()
    second.context.close()


ASHAS_ANSWER = (
    "India and Russia remain special and privileged strategic partners despite differences.\n\n"
    "Defence ties endure: the S-400 deal and the Brahmos missile are joint work. Russia supplies "
    "nuclear fuel for Kudankulam.\n\nYet Russia's closeness to China worries Delhi.\n\n"
    "In conclusion, the partnership stays strong but needs new trade."
)


def test_a_class_runs_an_assignment_from_sign_in_to_released_marks(browser: Browser, served: ClassServer):
    teacher = sign_in(browser, served, "demo-teacher")
    expect(teacher.get_by_test_id("stSidebar")).to_contain_text("Signed in as Meera Iyer")
    # The teacher makes the class and adds Vikram by e-mail before he has ever signed in.
    teacher.goto("/classes")
    teacher.get_by_label("Name of the class").fill("GS-2 Monday batch")
    teacher.get_by_role("button", name="Make the class").click()
    card = teacher.locator("[class*='st-key-class_']").filter(has_text="GS-2 Monday batch").first
    expect(card).to_contain_text("Join code")
    code = re.search(r"Join code: (\w+)", card.inner_text()).group(1)
    card.get_by_label("Add by e-mail").fill("vikram@example.org")
    card.get_by_role("button", name="Add").click()
    expect(card).to_contain_text("vikram@example.org")
    screenshot(teacher, "classroom-class")
    # ... and sets an assignment on the shared seed map.
    teacher.goto("/assignments")
    teacher.get_by_text("Set an assignment").click()
    teacher.wait_for_function(AT_REST)  # an expander still opening would close the select box's list
    form = teacher.get_by_test_id("stForm")
    form.get_by_label("Title").fill("Ties with Russia")
    form.get_by_label("Question").fill(
        "Despite differences, India–Russia ties remain strong. Critically examine."
    )
    choose(form, "Starting map (each student works on a copy of it)", f"Map: {SEED_TITLE}")
    form.get_by_role("button", name="Set the assignment").click()
    assignment = teacher.locator("[class*='st-key-assignment_']").filter(has_text="Ties with Russia").first
    expect(assignment.locator("table")).to_contain_text("vikram@example.org")
    expect(assignment.locator("table")).to_contain_text("not started")

    # Asha joins with the code, opens her copy, adds a point and submits.
    asha = sign_in(browser, served, "demo-student-asha")
    asha.goto("/classes")
    asha.get_by_label("Join code").fill(code)
    asha.get_by_role("button", name="Join").click()
    expect(asha.get_by_text("You joined")).to_be_visible()
    asha.goto("/assignments")
    asha.get_by_role("button", name="Start: open my copy").click()
    expect(the_map(asha).locator("g.node").first).to_be_attached()
    asha_map = asha.evaluate("new URL(location.href).searchParams.get('map')")
    side_panel_field(asha, "strong-ties", "add_text").get_by_role("textbox").fill(
        "Defence purchases such as the S-400 keep the partnership strategic."
    )
    asha.get_by_role("button", name="Add below").click()
    expect(the_map(asha)).to_contain_text("S-400")
    # She writes her answer and has it reviewed against her map; it goes in with her map.
    asha.goto(f"/answer?map={asha_map}")
    asha.get_by_label("Your answer").fill(ASHAS_ANSWER)
    asha.get_by_role("button", name="Review my answer").click()
    expect(asha.get_by_role("heading", name=re.compile(r"^Marks: "))).to_be_visible()
    asha_marks = asha.get_by_role("heading", name=re.compile(r"^Marks: ")).inner_text()
    asha.goto("/assignments")
    asha.get_by_role("button", name="Submit").click()
    expect(asha.get_by_text("Submitted version")).to_be_visible()
    expect(asha.get_by_text("Your status: submitted")).to_be_visible()

    # Vikram (added by e-mail) finds the class waiting, opens his copy; he never sees Asha's work.
    vikram = sign_in(browser, served, "demo-student-vikram")
    expect(vikram.locator(f".st-key-map_card_{asha_map}")).to_have_count(0)
    vikram.goto("/assignments")
    vikram.get_by_role("button", name="Start: open my copy").click()
    expect(the_map(vikram).locator("g.node").first).to_be_attached()
    vikram_map = vikram.evaluate("new URL(location.href).searchParams.get('map')")
    assert vikram_map != asha_map
    vikram.goto(f"/editor?map={asha_map}")
    expect(vikram.get_by_test_id("stAlertContentError").first).to_be_visible()
    expect(the_map(vikram)).not_to_contain_text("S-400")

    # The teacher sees the statuses, reads Asha's submission, marks it and comments on her point.
    teacher.goto("/assignments")
    assignment = teacher.locator("[class*='st-key-assignment_']").filter(has_text="Ties with Russia").first
    expect(assignment.locator("table")).to_contain_text("submitted")
    expect(assignment.locator("table")).to_contain_text("in progress")
    choose(assignment, "Open the work of", "Asha Rao (submitted)")
    assignment.get_by_role("tab", name="Outline and answer").click()
    expect(assignment).to_contain_text("the Brahmos missile")
    expect(assignment.get_by_role("heading", name=f"Review {asha_marks.lower()}")).to_be_visible()
    expect(assignment).to_contain_text("(submitted with the map)")
    screenshot(teacher, "classroom-answer-review")
    assignment.get_by_role("tab", name="Changes from the starting map").click()
    expect(assignment).to_contain_text("S-400")
    assignment.get_by_label("Marks (out of 10)").fill("7")
    assignment.get_by_label("Feedback").fill("Good use of evidence; weigh the irritants too.")
    assignment.get_by_role("button", name="Save marks").click()
    expect(assignment.get_by_text("Marks saved")).to_be_visible()
    screenshot(teacher, "classroom-submission")
    assignment.get_by_role("button", name="Release the marks to the students").click()
    expect(assignment.get_by_role("button", name="Marks released")).to_be_disabled()
    with teacher.expect_download() as download:
        assignment.get_by_role("button", name="Download the marks (CSV)").click()
    marks = Path(download.value.path()).read_text()
    assert "Asha Rao,asha@example.org,submitted,7" in marks and "Vikram Nair" in marks
    assignment.get_by_role("button", name="Open in the Editor to comment on its points").click()
    expect(the_map(teacher)).to_contain_text("S-400")
    # Her work is read-only for the teacher: no edit form, and the map's keys change nothing.
    expect(teacher.get_by_text("A student's work: read-only for you")).to_be_visible()
    point = the_map(teacher).locator("g.node").filter(has_text="S-400")
    point.click()
    expect(teacher.get_by_role("button", name="Save changes")).to_have_count(0)
    teacher.keyboard.press("Delete")
    # The comment box of that point (the previous selection's stays on the page until replaced).
    comment = f".st-key-comment_new_{point.get_attribute('id')}"
    teacher.locator(comment).get_by_role("textbox").fill("Which year was the S-400 deal signed?")
    teacher.locator(f"{comment}_send").get_by_role("button").click()
    expect(point).to_contain_text("1 COMMENT")
    screenshot(teacher, "classroom-comment")

    # Asha sees her marks and the new comment, and answers it.
    asha.goto("/assignments")
    expect(asha.get_by_text("Marks: 7 / 10")).to_be_visible()
    expect(asha.get_by_text("weigh the irritants too")).to_be_visible()
    screenshot(asha, "classroom-student-marks")
    asha.goto(f"/editor?map={asha_map}")
    expect(asha.get_by_text("1 new comment from Meera Iyer")).to_be_visible()
    expect(asha.get_by_text("You have submitted this map, so it is read-only")).to_be_visible()
    expect(the_map(asha)).to_contain_text("S-400")  # the teacher's Delete deleted nothing
    the_map(asha).locator("g.node").filter(has_text="S-400").click()
    expect(asha.get_by_text("Which year was the S-400 deal signed?")).to_be_visible()
    asha.get_by_label("Answer").fill("In 2018.")
    asha.get_by_role("button", name="Answer", exact=True).click()
    expect(asha.get_by_text("In 2018.")).to_be_visible()
    screenshot(asha, "classroom-student-comment")

    # Vikram sees no marks (his work was not marked) and nothing of Asha's.
    vikram.goto("/assignments")
    expect(vikram.get_by_text("Your status: in progress")).to_be_visible()
    expect(vikram.get_by_text("Marks:")).to_have_count(0)
    expect(vikram.get_by_text("weigh the irritants")).to_have_count(0)
    for page in (teacher, asha, vikram):
        page.context.close()


def test_after_kill_9_of_one_process_a_reload_is_served_by_the_other(browser: Browser, served: ClassServer):
    store = PostgresStore(served.database)
    versions = {name: store.history(name) for name in store.names()}
    page = sign_in(browser, served, "demo-student-asha")
    serving = app_of(page, served)  # the process this browser is on: the one to kill
    pid = int((served.folder / f"app-{serving.rsplit(':', 1)[1]}.pid").read_text())
    os.killpg(pid, signal.SIGKILL)
    page.reload()
    expect(page.get_by_role("heading", name="Library")).to_be_visible()  # still signed in
    assert app_of(page, served) != serving
    expect(page.locator(".st-key-map_card_india-russia")).to_contain_text("India–Russia relations")
    assert {name: store.history(name) for name in store.names()} == versions
    page.context.close()
