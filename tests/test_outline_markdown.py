"""The Markdown rendering: headings, numbered lists, footnote references, escaped user text."""

from __future__ import annotations

from conftest import SEED_MAP

from argmap.outline import Outline, Point, Section, Table, outline_to_markdown
from argmap.outline.builder import build_outline
from argmap.store import load_path


def test_seed_gs_answer_reads_as_headed_numbered_markdown():
    text = outline_to_markdown(build_outline(load_path(SEED_MAP).map, "upsc-gs-250"))
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.split(" *(")[0] for h in headings] == [
        "## Introduction",
        "## Convergences",
        "## Irritants",
        "## Judgement",
        "## Way forward",
        "## Conclusion",
        "## Sources",
    ]
    assert "1. **Context**: " in text
    assert "[^3]: Trends in International Arms Transfers, 2020" in text
    assert "*Statistic:* SIPRI" in text and "[^3]\n" in text


def test_user_text_cannot_become_markup():
    outline = Outline(
        title="A *bold* [claim]", sections=(Section("# not a heading", points=(Point("x_y <b>"),)),)
    )
    text = outline_to_markdown(outline)
    assert text.startswith(r"# A \*bold\* \[claim\]")
    assert r"## \# not a heading" in text
    assert r"1. x\_y \<b\>" in text


def test_an_ampersand_stays_as_typed_and_never_becomes_an_entity():
    text = outline_to_markdown(
        Outline(title="T", sections=(Section("S", points=(Point("Tom & Jerry &amp; &#39; &nbsp;"),)),))
    )
    # CommonMark would show "&amp;" as "&": escaped, it shows as typed; a lone "&" needs nothing
    assert r"1. Tom & Jerry \&amp; \&\#39; \&nbsp;" in text


def test_guidance_is_a_quote_that_can_be_left_out():
    outline = Outline(
        title="T", sections=(Section("S", guidance=("Open with a fact.",), points=(Point("p"),)),)
    )
    assert "> Open with a fact." in outline_to_markdown(outline)
    assert "Open with a fact." not in outline_to_markdown(outline, guidance=False)


def test_sub_points_and_evidence_nest_under_their_point():
    from argmap.outline import EvidenceRef

    outline = Outline(
        title="T",
        sections=(
            Section(
                "S",
                points=(
                    Point(
                        "p", words=40, sub_points=(Point("q"),), evidence=(EvidenceRef("e", "fact", (1,)),)
                    ),
                ),
            ),
        ),
    )
    assert "1. p *(≈ 40 words)*\n   1. *Fact:* e[^1]\n   2. q\n" in outline_to_markdown(outline)


def test_a_table_is_a_markdown_table():
    outline = Outline(title="T", sections=(Section("Flow", table=Table(("Prop", "Opp"), (("a|b", "c"),))),))
    assert "| Prop | Opp |\n|---|---|\n| a\\|b | c |" in outline_to_markdown(outline)
