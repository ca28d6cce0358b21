"""The app in a real browser (issue 6): the Library lists the maps, a click on the map selects a
node, the side panel adds a point that appears on the map and in the file, the outline downloads
as a Word document, and the Analysis page gives the verdict on the thesis."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Page, expect

from argmap.analysis import lint, verdict
from argmap.generate import generate_map
from argmap.model import ArgumentMap, Kind, RelationType
from argmap.outline.builder import OutlineOptions, build_outline
from argmap.store import Library
from argmap.ui.map_component import MIN_TEXT_PX

from .app import (
    SEED,
    SEED_TITLE,
    choose,
    map_node,
    open_in_editor,
    screenshot,
    side_panel_field,
    the_map,
    use_map,
)

pytestmark = pytest.mark.browser

WEST_TILT_LABEL = "India's tilt to the West and the US"


def saved_map(library_dir: Path) -> ArgumentMap:
    """The seed map as the app saved it in the library it serves."""
    return Library(library_dir).load(SEED).map


def test_library_lists_the_seed_map(page: Page) -> None:
    page.goto("/")

    expect(page.get_by_role("heading", name="Library")).to_be_visible()
    card = page.locator(f".st-key-map_card_{SEED}")
    expect(card).to_contain_text(SEED_TITLE)
    expect(card).to_contain_text(f"{SEED}.yaml")
    expect(card.get_by_role("button", name="Open")).to_be_enabled()
    screenshot(page, "library")


def test_clicking_a_node_on_the_map_selects_it(page: Page) -> None:
    open_in_editor(page)
    expect(page.get_by_role("heading", name=SEED_TITLE)).to_be_visible()
    expect(map_node(page, "west-tilt")).not_to_have_class(re.compile(r"\bselected\b"))

    map_node(page, "west-tilt").click()

    expect(page.get_by_label("Selected node")).to_have_value(f"counterpoint · {WEST_TILT_LABEL}")
    expect(page.get_by_text("id west-tilt · opposes strong-ties")).to_be_visible()
    expect(side_panel_field(page, "west-tilt", "text").get_by_label("Text", exact=True)).to_have_value(
        re.compile(r"^China's expansionist foreign policy")
    )
    expect(map_node(page, "west-tilt")).to_have_class(re.compile(r"\bselected\b"))
    expect(the_map(page).locator("g.node.selected")).to_have_count(1)
    screenshot(page, "editor")


#: The on-screen size in pixels of every piece of text on the map: captions, labels, group titles
#: (the SVG's units are Graphviz's points, scaled to the picture's width on screen).
TEXT_PX = """svg => Array.from(svg.querySelectorAll('text')).map(text => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return parseFloat(text.getAttribute('font-size')) * scale;
})"""


def test_fit_width_keeps_every_text_on_the_map_at_least_11_px_and_actual_size_shows_it_whole(
    page: Page, library_dir: Path
) -> None:
    """On the seed map (51 boxes) and on a generated one of 60, the largest the issue asks."""
    Library(library_dir).import_map("sixty-boxes", generate_map(60, seed=17))
    frame = page.locator(".st-key-map_click .argmap-map")
    for name in (SEED, "sixty-boxes"):
        page.goto(f"/editor?map={name}")
        expect(the_map(page)).to_be_visible()
        page.get_by_role("button", name="Fit the map to the frame's width").click()
        sizes = the_map(page).evaluate(TEXT_PX)
        assert len(sizes) > 100 and min(sizes) >= MIN_TEXT_PX - 0.05, (name, min(sizes))
    page.get_by_role("button", name="Actual size").click()
    expect(frame).to_have_attribute("data-scale", "1")
    width = "r => ({frame: r.clientWidth, picture: r.scrollWidth, natural: parseFloat(r.dataset.width)})"
    natural = frame.evaluate(width)
    assert natural["picture"] >= natural["natural"] - 1, natural


def test_whole_map_fits_all_of_the_seed_map_in_the_frame(page: Page) -> None:
    open_in_editor(page)
    page.get_by_role("button", name="Show the whole map in the frame").click()
    frame = page.locator(".st-key-map_click .argmap-map")
    sizes = frame.evaluate(
        "r => ({frame: [r.clientWidth, r.clientHeight], picture: [r.scrollWidth, r.scrollHeight]})"
    )
    assert sizes["picture"][0] <= sizes["frame"][0] and sizes["picture"][1] <= sizes["frame"][1], sizes


#: For each element: whether its text is cut short (wider than the box that shows it).
CUT_SHORT = "elements => elements.filter(e => e.offsetParent).map(e => e.scrollWidth > e.clientWidth + 1)"
#: For each finding under the map: where its text starts, its type size and its alignment.
FINDING_TEXT = """elements => elements.map(e => {
  const p = e.querySelector('p');
  const text = Array.from(p.childNodes).find(n => n.nodeType === 3 && n.textContent.trim());
  const range = document.createRange();
  const start = text.textContent.search(/\\S/);
  range.setStart(text, start);
  range.setEnd(text, start + 1);
  const style = getComputedStyle(p);
  return [Math.round(range.getBoundingClientRect().left), style.fontSize, style.textAlign];
})"""


def test_the_move_buttons_show_their_whole_labels(page: Page) -> None:
    open_in_editor(page)
    map_node(page, "mi35-sale").click()
    expect(side_panel_field(page, "mi35-sale", "text")).to_be_visible()
    page.get_by_text("Move, link or rename").click()
    section = page.locator(".st-key-move_section")
    expect(section.get_by_role("button", name="Also link here")).to_be_visible()
    labels = section.get_by_test_id("stButton").get_by_test_id("stMarkdownContainer")
    cut = labels.evaluate_all(CUT_SHORT)  # Move here, Also link here, Unlink from strong-ties, Rename id
    assert len(cut) == 4 and not any(cut), labels.all_inner_texts()


def test_the_checks_read_as_one_left_aligned_list(page: Page, library_dir: Path) -> None:
    open_in_editor(page)
    page.get_by_text("Checks: ").click()
    findings = page.locator(".st-key-checks_list").locator("[data-testid=stButton], [data-testid=stMarkdown]")
    # Warnings and hints, some without a node to select (the tests share the library: count anew).
    expect(findings).to_have_count(len(lint(saved_map(library_dir))))
    starts = {tuple(finding) for finding in findings.evaluate_all(FINDING_TEXT)}
    lefts = sorted({left for left, _, _ in starts})
    assert lefts[-1] - lefts[0] <= 2, starts
    assert {(size, align) for _, size, align in starts} == {("14px", "left")}, starts
    # A click on a finding selects its node and shows its box, scrolling the page up to the map.
    finding = page.locator(".st-key-check_0")
    finding.click()
    selected = the_map(page).locator("g.node.selected")
    expect(selected).not_to_have_id("strong-ties")
    expect(selected).to_be_in_viewport()


def test_a_rebuttal_added_in_the_side_panel_appears_on_the_map_and_in_the_file(
    page: Page, library_dir: Path
) -> None:
    label = "Oil trade bridges the gap"
    text = "Record purchases of discounted Russian crude since 2022 give both sides a stake in the tie."
    open_in_editor(page)
    map_node(page, "west-tilt").click()
    expect(page.get_by_label("Selected node")).to_have_value(f"counterpoint · {WEST_TILT_LABEL}")

    # Below a counterpoint the first kind offered is a rebuttal.
    new_kind = side_panel_field(page, "west-tilt", "add_kind").get_by_role("combobox")
    expect(new_kind).to_have_value("rebuttal (opposes it)")
    side_panel_field(page, "west-tilt", "add_text").get_by_label("Text of the new point").fill(text)
    side_panel_field(page, "west-tilt", "add_label").get_by_label("Label of the new point (optional)").fill(
        label
    )
    add_form = page.get_by_test_id("stForm").filter(has=side_panel_field(page, "west-tilt", "add_text"))
    add_form.get_by_role("button", name="Add below").click()

    added = the_map(page).locator("g.node.kind-rebuttal", has_text=label)
    expect(added).to_have_count(1)
    expect(added).to_have_class(re.compile(r"\bselected\b"))
    expect(added).to_be_in_viewport()  # the map frame scrolls to the new box
    expect(page.get_by_label("Selected node")).to_have_value(f"rebuttal · {label}")
    saved = saved_map(library_dir)
    node = next(node for node in saved.nodes if node.label == label)
    assert (node.kind, node.text) == (Kind.REBUTTAL, text)
    assert (RelationType.OPPOSES, "west-tilt") in list(node.parents())
    expect(added).to_have_attribute("id", node.id)
    screenshot(page, "editor-added-node")


def test_outline_downloads_as_a_word_document_with_the_maps_sections(
    page: Page, library_dir: Path, tmp_path: Path
) -> None:
    use_map(page, "/outline")
    expect(page.get_by_role("heading", name="Outline & export")).to_be_visible()
    choose(page, "Template", "GS answer, 15 marks (250 words)")
    expect(page.get_by_text("Preview: 250 words")).to_be_visible()
    screenshot(page, "outline")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download Word (.docx)").click()
    download = download_info.value
    assert download.suggested_filename == f"{SEED}-upsc-gs-250.docx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    document = docx.Document(str(path))
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert titles == [SEED_TITLE]
    outline = build_outline(saved_map(library_dir), "upsc-gs-250", OutlineOptions())
    sections = [section.title for section in outline.sections]
    assert "Irritants" in sections  # the seed map's own word for its counterpoints
    assert [heading.split("  (")[0] for heading in headings[: len(sections)]] == sections


def test_analysis_page_states_the_verdict_on_the_thesis(page: Page, library_dir: Path) -> None:
    use_map(page, "/analysis")

    expect(page.get_by_role("heading", name="Analysis", exact=True)).to_be_visible()
    sentence = verdict(saved_map(library_dir)).sentence
    expect(page.get_by_test_id("stAlert").filter(has_text=sentence)).to_be_visible()
    screenshot(page, "analysis")


def add_point(page: Page, parent: str, text: str, label: str) -> None:
    """Select ``parent`` on the map and add a point below it, of the first kind offered (evidence
    below a claim)."""
    map_node(page, parent).click()
    side_panel_field(page, parent, "add_text").get_by_label("Text of the new point").fill(text)
    side_panel_field(page, parent, "add_label").get_by_label("Label of the new point (optional)").fill(label)
    add_form = page.get_by_test_id("stForm").filter(has=side_panel_field(page, parent, "add_text"))
    add_form.get_by_role("button", name="Add below").click()
    expect(the_map(page).locator("g.node.selected", has_text=label)).to_have_count(1)


def test_two_points_labelled_alike_keep_their_own_selection(page: Page, library_dir: Path) -> None:
    open_in_editor(page)
    add_point(page, "defence", "Spares for Russian arms arrive late.", "Delivery delays")
    first = next(node.id for node in saved_map(library_dir).nodes if node.label == "Delivery delays")
    add_point(page, "defence", "S-400 deliveries slipped by two years.", "Delivery delays")
    map_node(page, first).click()
    expect(page.get_by_label("Selected node")).to_have_value(f"evidence · Delivery delays ({first})")
    expect(page.get_by_text(f"id {first} · supports defence")).to_be_visible()
    page.get_by_role("button", name="Delete node…").click()
    expect(page.locator(".st-key-delete_confirmation")).to_contain_text("Delete 'Delivery delays'")
    expect(page.get_by_label("Selected node")).to_have_value(f"evidence · Delivery delays ({first})")
