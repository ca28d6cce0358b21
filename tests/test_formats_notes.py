"""The study-note importer: the seed note and notes of the same shape on other topics."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SEED_NOTE

from argmap.formats import FormatError, read_text
from argmap.model import Kind

NOTES = ROOT / "tests" / "fixtures" / "notes"


def _read(path: Path):
    return read_text(path.read_text(encoding="utf-8"), "notes", path.name)


def _kinds(argument_map) -> dict[str, int]:
    return {kind: count for kind, count in argument_map.counts_by_kind().items() if count}


def test_seed_note_becomes_a_map_with_thesis_claims_irritants_and_way_forward():
    result = _read(SEED_NOTE)
    argument_map = result.map
    thesis = argument_map.thesis()
    assert thesis is not None and thesis.text.startswith("Despite certain differences")
    assert argument_map.conclusion.endswith("protect their national interests.")
    assert _kinds(argument_map) == {
        "thesis": 1,
        "claim": 8,
        "counterpoint": 3,
        "evidence": 5,
        "recommendation": 5,
        "context": 10,
    }
    defence = argument_map.get("defence")
    assert (defence.kind, defence.label, defence.tags, defence.supports) == (
        Kind.CLAIM,
        "Defence",
        ["defence"],
        [thesis.id],
    )


def test_seed_note_challenge_bullets_without_a_heading_become_counterpoints_with_a_warning():
    result = _read(SEED_NOTE)
    counterpoints = [n for n in result.map.nodes if n.kind is Kind.COUNTERPOINT]
    assert counterpoints[0].text == "India’s growing inclination to the West especially the US"
    assert any("no heading read as challenges" in w for w in result.warnings)


def test_nested_bullets_under_a_challenge_become_its_evidence_citing_the_note():
    argument_map = _read(SEED_NOTE).map
    pivot = next(
        n for n in argument_map.nodes if n.text.startswith("Russia’s growing relations with the East")
    )
    evidence = [child for _, child in argument_map.children(pivot.id)]
    assert len(evidence) == 4
    assert all(e.kind is Kind.EVIDENCE and e.sources[0].title == SEED_NOTE.name for e in evidence)


def test_no_word_of_the_seed_note_is_lost():
    text = SEED_NOTE.read_text(encoding="utf-8")
    argument_map = _read(SEED_NOTE).map
    kept = " ".join([n.text for n in argument_map.nodes] + [n.label or "" for n in argument_map.nodes])
    kept += " " + (argument_map.conclusion or "") + " " + argument_map.title
    headings = {"Significance of Russia for India", "Way Forward"}
    for line in text.splitlines():
        words = line.strip(" •\t").rstrip("-").strip()
        if not words or words in headings:
            continue
        body = words.split("- ", 1)[-1] if "- " in words[:60] else words
        assert " ".join(body.split()) in " ".join(kept.split()), line


@pytest.mark.parametrize(
    ("name", "kinds", "thesis_start"),
    [
        (
            "india-japan-relations.txt",
            {"thesis": 1, "context": 3, "claim": 3, "evidence": 2, "counterpoint": 2, "recommendation": 2},
            "The partnership between India and Japan",
        ),
        (
            "india-maldives-relations.txt",
            {"thesis": 1, "context": 3, "claim": 2, "counterpoint": 2, "evidence": 1, "recommendation": 2},
            "Despite periodic tensions",
        ),
        (
            "one-nation-one-election.txt",
            {"thesis": 1, "context": 2, "claim": 2, "counterpoint": 2, "evidence": 1, "recommendation": 1},
            "Simultaneous elections can save",
        ),
    ],
)
def test_notes_on_other_topics_map_the_same_way(name, kinds, thesis_start):
    result = _read(NOTES / name)
    assert _kinds(result.map) == kinds
    assert result.map.thesis().text.startswith(thesis_start)


def test_headed_bullets_give_label_and_tag_and_challenges_oppose_the_thesis():
    argument_map = _read(NOTES / "india-japan-relations.txt").map
    deficit = argument_map.get("trade-deficit")
    assert deficit.kind is Kind.COUNTERPOINT and deficit.label == "Trade deficit"
    assert deficit.opposes == [argument_map.thesis().id] and deficit.tags == ["trade-deficit"]


def test_a_paragraph_that_cannot_be_placed_is_kept_as_context_and_named_in_a_warning():
    result = _read(NOTES / "one-nation-one-election.txt")
    stray = next(n for n in result.map.nodes if n.text.startswith("Some states have already raised"))
    assert stray.kind is Kind.CONTEXT
    assert any(":14: paragraph 'Some states" in w for w in result.warnings)


def test_a_generic_background_heading_is_not_taken_as_the_title():
    assert _read(NOTES / "india-maldives-relations.txt").map.title == "India Maldives Relations"


def test_an_empty_note_is_refused_with_its_name():
    with pytest.raises(FormatError, match=r"^empty\.txt:1: the note is empty$"):
        read_text(" \n\n", "notes", "empty.txt")


def test_a_note_without_a_closing_paragraph_has_no_thesis_and_says_so():
    result = read_text("Challenges\n\n• Cost- It is costly.\n", "notes", "short.txt")
    assert result.map.thesis() is None
    assert result.map.nodes[0].kind is Kind.COUNTERPOINT
    assert any("no closing paragraph" in w for w in result.warnings)


def test_twenty_thousand_equal_bullets_get_numbered_ids_in_order():
    # Took 56 s when each id searched yes-2, yes-3 … from the start; now about a second.
    count = 20_000
    argument_map = read_text("Title\n\n" + "- Yes.\n" * count, "notes", "same.txt").map
    assert [n.id for n in argument_map.nodes] == ["yes"] + [f"yes-{n}" for n in range(2, count + 1)]


@pytest.mark.parametrize(
    ("text", "thesis", "conclusion"),
    [
        # a line that reads like a heading used to become the title and nothing else: 0 nodes
        ("India should keep buying Russian oil\n", "India should keep buying Russian oil", None),
        (
            "India should keep buying Russian oil. It is cheap.\nIt keeps inflation down.\n",
            "India should keep buying Russian oil.",
            "India should keep buying Russian oil. It is cheap. It keeps inflation down.",
        ),
        ("India Russia Relations\nDefence ties remain strong\n", "Defence ties remain strong", None),
    ],
)
def test_a_one_paragraph_note_gives_the_thesis_and_the_conclusion(text, thesis, conclusion):
    argument_map = read_text(text, "notes", "n_one.txt").map
    assert [(n.kind, n.text) for n in argument_map.nodes] == [(Kind.THESIS, thesis)]
    assert argument_map.conclusion == (conclusion or thesis)


def test_a_lone_context_paragraph_stays_context():
    result = read_text("Context- Ties go back to 1971.\n", "notes", "c.txt")
    assert [(n.kind, n.text) for n in result.map.nodes] == [(Kind.CONTEXT, "Ties go back to 1971.")]
    assert any("no closing paragraph" in w for w in result.warnings)


def test_a_heading_with_nothing_under_it_is_kept_as_context_and_named_in_a_warning():
    result = read_text("Ties go back to 1971.\n\nChallenges\n", "notes", "h.txt")
    assert [(n.kind, n.text) for n in result.map.nodes] == [
        (Kind.CONTEXT, "Ties go back to 1971."),
        (Kind.CONTEXT, "Challenges"),
    ]
    assert any("h.txt:3: heading 'Challenges' has nothing under it" in w for w in result.warnings)
