"""One rule names every exported file: map, side, format or template, and what it is."""

from __future__ import annotations

import pytest

from argmap.errors import ArgmapError
from argmap.services.exports import export_filename


def test_a_debate_case_names_the_side_as_the_format_does():
    assert (
        export_filename("social-media-ban-under-16", "case", "wsdc", "against", "docx")
        == "social-media-ban-under-16-opposition-wsdc-case.docx"
    )
    assert export_filename("m", "case", "bp", "for") == "m-government-bp-case.docx"
    assert export_filename("m", "case", "policy", "against", "md") == "m-negative-policy-case.md"


def test_a_written_answer_keeps_for_and_against():
    assert export_filename("india-russia", "case", "upsc-250", "for") == "india-russia-for-upsc-250-case.docx"


def test_a_document_for_both_sides_names_no_side():
    assert export_filename("m", "flow", "ap") == "m-ap-flow.docx"


def test_a_debate_case_outline_names_proposition_or_opposition():
    assert export_filename("m", "debate-case", side="against") == "m-opposition-debate-case.docx"


def test_names_are_lower_case_with_hyphens():
    assert export_filename("My Map!", "Flow Sheet", "LD", None, ".DOCX") == "my-map-ld-flow-sheet.docx"


def test_a_name_with_nothing_to_name_it_by_is_refused():
    with pytest.raises(ArgmapError, match="cannot name an export"):
        export_filename("!!!", "case")


def test_a_side_that_is_no_side_is_refused():
    with pytest.raises(ArgmapError, match="a side is 'for' or 'against'"):
        export_filename("m", "case", "bp", "sideways")
