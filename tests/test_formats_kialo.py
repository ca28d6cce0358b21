"""Kialo's text export: a discussion written by the team in Kialo's export layout, and smaller hand-written exports."""

from __future__ import annotations

import pytest
from conftest import ROOT

from argmap.formats import FormatError, detect_format, read_text
from argmap.model import Kind

# Kialo's own layout (CRLF lines, `1.1. Pro:` numbering, `-> See` cross-links), in our own words: the
# licence of real Kialo discussions does not allow shipping them.
KIALO = ROOT / "tests" / "fixtures" / "kialo" / "free-public-transport.txt"


def _read(text: str):
    return read_text(text, "kialo", "k.txt")


def _edges(argument_map) -> set[tuple[str, str, str]]:
    return {(r.source, r.target, r.type.value) for r in argument_map.relations()}


def test_a_discussion_export_imports_with_its_crlf_lines_and_cross_link():
    data = KIALO.read_bytes()
    assert b"\r\n" in data
    argument_map = read_text(data.decode("utf-8"), "kialo", KIALO.name).map
    lines = [line for line in data.decode("utf-8").splitlines() if line[:1].isdigit()]
    cross_links = [line for line in lines if "-> See" in line]
    assert len(argument_map.nodes) == len(lines) - len(cross_links)
    assert len(argument_map.relations()) == len(lines) - 1
    assert argument_map.title == "Should cities make public transport free?"
    assert argument_map.thesis().text == "Cities should make public transport free at the point of use."


def test_pro_and_con_become_kinds_by_polarity_and_numbers_are_noted():
    text = "Discussion Title: Ban?\r\n\r\n1. Ban it.\r\n1.1. Con: It limits speech.\r\n1.1.1. Con: Limits exist already.\r\n1.1.2. Pro: Speech matters.\r\n1.2. Pro: It protects people.\r\n"
    argument_map = _read(text).map
    kinds = {n.text: n.kind for n in argument_map.nodes}
    assert kinds == {
        "Ban it.": Kind.THESIS,
        "It limits speech.": Kind.COUNTERPOINT,
        "Limits exist already.": Kind.REBUTTAL,
        "Speech matters.": Kind.CLAIM,
        "It protects people.": Kind.CLAIM,
    }
    assert argument_map.get("limits-exist-already").notes == "Kialo claim 1.1.1."


def test_a_claim_over_several_lines_keeps_them_and_a_cross_link_relates_the_named_claim():
    text = "1. Thesis.\n1.1. Pro: First line\nsecond line.\n1.2. Con: Against.\n1.2.1. Con: -> See 1.1.\n"
    argument_map = _read(text).map
    assert argument_map.get("first-line-second-line").text == "First line\nsecond line."
    assert ("first-line-second-line", "against", "opposes") in _edges(argument_map)
    assert len(argument_map.nodes) == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hello\n1. T\n", "k.txt:1:1: expected 'Discussion Title:'"),
        ("1. T\n1.1. Maybe: x\n", "k.txt:2:6: claim 1.1. needs 'Pro:' or 'Con:'"),
        ("1. T\n1.2.1. Pro: x\n", "k.txt:2:1: claim 1.2.1. comes before its parent 1.2."),
        ("1. T\n1.1. Pro: a\n1.1. Con: b\n", "k.txt:3:1: claim 1.1. appears twice"),
        ("\n\n", "k.txt:1: no claims found"),
    ],
)
def test_malformed_kialo_is_refused_naming_the_line(text, message):
    with pytest.raises(FormatError) as caught:
        _read(text)
    assert str(caught.value).startswith(message)


def test_a_txt_file_is_kialo_only_when_it_looks_like_one():
    assert detect_format("d.txt", KIALO.read_text(encoding="utf-8")) == "kialo"
    assert detect_format("d.txt", "Context- A note.\n\n• point") == "notes"


def test_numbered_lines_that_do_not_extend_the_thesis_number_continue_the_claim_above():
    path = ROOT / "tests" / "fixtures" / "kialo" / "numbered-lists.txt"
    argument_map = read_text(path.read_text(encoding="utf-8"), "kialo", path.name).map
    assert len(argument_map.nodes) == 5
    traffic = next(n for n in argument_map.nodes if n.text.startswith("A charge cuts traffic"))
    assert traffic.text.splitlines() == [
        "A charge cuts traffic for two reasons:",
        "1. first reason: some trips move to off-peak hours;",
        "2. second reason: some drivers switch to buses.",
    ]
    fairness = next(n for n in argument_map.nodes if n.text.startswith("The charge falls hardest"))
    assert fairness.text.endswith("\n1. Rich drivers barely notice it.\n2. Poor drivers pay the same amount.")
    assert fairness.kind is Kind.COUNTERPOINT
    full = next(n for n in argument_map.nodes if n.text.startswith("Buses are already full"))
    assert (full.id, fairness.id, "supports") in _edges(argument_map)  # the cross-link 1.2.1.


def test_a_second_thesis_marked_pro_or_con_is_still_refused():
    with pytest.raises(FormatError, match=r"^k\.txt:3:1: a second thesis 2\."):
        _read("1. T\n1.1. Pro: a\n2. Pro: b\n")
