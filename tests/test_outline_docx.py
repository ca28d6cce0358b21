"""The Word rendering: styles, real multilevel numbering, picture, properties, page, guidance."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import UTC, datetime

import docx
import pytest
from conftest import SEED_MAP
from docx.oxml.ns import qn

from argmap.outline import Outline, Point, Section, outline_to_docx
from argmap.outline.builder import build_outline
from argmap.outline.docx import GUIDANCE_STYLE, HINT_STYLE
from argmap.store import load_path


def tiny_png() -> bytes:
    """A valid 2x1 PNG made by hand, so the tests need no Graphviz."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def essay():
    return build_outline(load_path(SEED_MAP).map, "upsc-essay")


@pytest.fixture(scope="module")
def essay_docx(essay):
    return docx.Document(io.BytesIO(outline_to_docx(essay, map_png=tiny_png())))


def test_section_titles_are_heading_1_in_order(essay, essay_docx):
    headings = [p.text for p in essay_docx.paragraphs if p.style.name == "Heading 1"]
    titles = [h.split("  (≈")[0] for h in headings]
    assert titles == [s.title for s in essay.sections] + ["The map", "Sources"]
    assert essay_docx.paragraphs[0].style.name == "Title"


def test_headings_show_their_word_budget(essay, essay_docx):
    first = next(p for p in essay_docx.paragraphs if p.style.name == "Heading 1")
    assert first.text == f"Introduction  (≈\u00a0{essay.sections[0].words}\u00a0words)"


def test_points_sit_on_a_multilevel_list_defined_in_numbering_xml(essay_docx):
    numbering = essay_docx.part.numbering_part.element
    ours = numbering.xpath('./w:abstractNum[w:name/@w:val="argmap outline"]')
    assert len(ours) == 1
    assert ours[0].find(qn("w:multiLevelType")).get(qn("w:val")) == "multilevel"
    assert [lvl.find(qn("w:numFmt")).get(qn("w:val")) for lvl in ours[0].findall(qn("w:lvl"))] == [
        "decimal",
        "lowerLetter",
        "lowerRoman",
    ]
    abstract_id = ours[0].get(qn("w:abstractNumId"))
    list_ids = {
        num.get(qn("w:numId"))
        for num in numbering.findall(qn("w:num"))
        if num.find(qn("w:abstractNumId")).get(qn("w:val")) == abstract_id
    }
    numbered = [p for p in essay_docx.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    point = next(p for p in numbered if p.text.startswith("Hook: "))
    assert point._p.pPr.numPr.numId.val in {int(i) for i in list_ids}
    levels = {p._p.pPr.numPr.ilvl.val for p in numbered}
    assert {0, 1} <= levels
    assert not any(p.text[:3] in ("1. ", "1.1") for p in numbered)  # numbers are Word's, not typed


def test_evidence_cites_sources_listed_at_the_end(essay_docx):
    texts = [p.text for p in essay_docx.paragraphs]
    assert any(t.startswith("Hook: India's first satellite") and "in 2020. [1]" in t for t in texts)
    assert any(t.startswith("Statistic: SIPRI") and t.endswith("[3]") for t in texts)
    assert any(t.startswith("Agreement: ") and t.endswith("[1][2]") for t in texts)
    sources_at = texts.index("Sources")
    assert texts[sources_at + 3].startswith("Trends in International Arms Transfers")


def test_the_map_picture_is_embedded_with_a_caption(essay_docx):
    assert len(essay_docx.inline_shapes) == 1
    captions = [p.text for p in essay_docx.paragraphs if p.style.name == "Caption"]
    assert captions == ["The argument map: India–Russia relations"]


def test_without_a_picture_there_is_no_map_heading(essay):
    document = docx.Document(io.BytesIO(outline_to_docx(essay, map_png=None)))
    assert len(document.inline_shapes) == 0
    assert "The map" not in [p.text for p in document.paragraphs]


def test_guidance_has_its_own_style_and_can_be_left_out(essay, essay_docx):
    guided = [p.text for p in essay_docx.paragraphs if p.style.name == GUIDANCE_STYLE]
    # one paragraph of advice per section, a line each, so it stays with what follows
    introduction = guided[0].split("\n")
    assert introduction[0].startswith("'Critically examine' asks for both sides")
    assert introduction[1].startswith("Kinds of introduction")
    plain = docx.Document(io.BytesIO(outline_to_docx(essay, guidance=False)))
    assert not [p for p in plain.paragraphs if p.style.name == GUIDANCE_STYLE]


def test_document_properties_name_the_outline(essay_docx):
    properties = essay_docx.core_properties
    assert properties.title == "India–Russia relations"
    assert properties.subject.startswith("“Despite differences")
    assert "gs-2" in properties.keywords and "upsc-essay" in properties.keywords
    # dated when written (python-docx's template says 2013)
    assert properties.created == properties.modified
    assert abs((datetime.now(UTC) - properties.created.replace(tzinfo=UTC)).total_seconds()) < 3600


def test_the_document_can_be_given_its_date(essay):
    when = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    properties = docx.Document(io.BytesIO(outline_to_docx(essay, written=when))).core_properties
    assert properties.created == properties.modified == when


def test_advice_is_kept_with_what_it_introduces(essay_docx):
    for name in (GUIDANCE_STYLE, HINT_STYLE):
        assert essay_docx.styles[name].paragraph_format.keep_with_next


def test_pages_are_a4(essay_docx):
    section = essay_docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_control_characters_are_dropped_not_a_crash():
    outline = Outline(
        title="Bell\x07 and \x1bescape",
        sections=(Section("Body\x0c", points=(Point("a\x00b", label="L\x08"),)),),
    )
    document = docx.Document(io.BytesIO(outline_to_docx(outline)))
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["Bell and escape", "Body", "L: ab"]


def test_a_section_table_becomes_a_word_table():
    from argmap.outline import Table

    outline = Outline(title="Flow", sections=(Section("Round", table=Table(("Prop", "Opp"), (("a", "b"),))),))
    document = docx.Document(io.BytesIO(outline_to_docx(outline)))
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [["Prop", "Opp"], ["a", "b"]]


def test_a_condensed_point_carries_the_nodes_full_text_as_a_comment_on_its_words():
    outline = build_outline(load_path(SEED_MAP).map, "upsc-gs-250")
    condensed: list[Point] = []

    def walk(points: list[Point]) -> None:
        for point in points:
            if point.detail and point.text:
                condensed.append(point)
            walk(point.sub_points)

    def sections(items: list[Section]) -> None:
        for section in items:
            walk(section.points)
            sections(section.subsections)

    sections(outline.sections)
    assert condensed, "the seed map's 250-word outline condenses some points"
    written = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    document = docx.Document(io.BytesIO(outline_to_docx(outline, written=written)))
    comments = list(document.comments)
    assert [c.text for c in comments] == [" ".join(p.detail.split()) for p in condensed]  # type: ignore[union-attr]
    assert {(c.author, c.initials, c.timestamp) for c in comments} == {("argmap", "A", written)}
    body = document.element.body
    for comment, point in zip(comments, condensed, strict=True):
        start = body.xpath(f".//w:commentRangeStart[@w:id='{comment.comment_id}']")[0]
        anchored = start.getnext()  # the run the comment is on: the point's own words
        assert "".join(anchored.itertext()).startswith(" ".join(point.text.split())[:20])
        assert anchored.getnext().tag == qn("w:commentRangeEnd")
        assert anchored.getnext().getnext().find(qn("w:commentReference")) is not None


def test_argmaps_own_styles_are_new_to_the_template_and_each_defined_once(essay_docx):
    """The writer adds its styles without python-docx's name check (a scan of every style), so
    the template must not have them already."""
    from docx import Document

    from argmap.outline.docx import BUDGET_STYLE, NOTE_STYLE

    ours = (GUIDANCE_STYLE, HINT_STYLE, NOTE_STYLE, BUDGET_STYLE)
    assert not {style.name for style in Document().styles} & set(ours)
    names = [style.name for style in essay_docx.styles]
    assert all(names.count(name) == 1 for name in ours)
