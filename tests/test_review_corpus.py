"""The answer corpus: a strong answer outranks each degraded copy, whose defect is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_MAP

from argmap.services.review import review_text
from argmap.store import load_path

CORPUS = Path(__file__).parent / "fixtures" / "answers"
MAPS = {
    "india-russia": SEED_MAP,
    "nuclear-power": CORPUS / "nuclear-power" / "map.yaml",
    "neighbourhood-first": CORPUS / "neighbourhood-first" / "map.yaml",
}
#: The finding each degraded copy must get.
DEFECTS = {
    "no-intro": "intro-missing",
    "no-conclusion": "conclusion-missing",
    "no-counter-view": "counter-view-missing",
    "objection-unanswered": "objection-unanswered",
    "no-way-forward": "way-forward-missing",
    "no-judgement": "judgement-missing",
    "over-length": "over-length",
    "under-length": "under-length",
    "off-topic": "off-topic",
    "repetition": "repetition",
}
CASES = [
    (name, version) for name in MAPS for version in DEFECTS if (CORPUS / name / f"{version}.txt").exists()
]


def _review(name: str, version: str):
    argument_map = load_path(MAPS[name]).map
    path = CORPUS / name / f"{version}.txt"
    return review_text(argument_map, path.read_text(encoding="utf-8"), str(path))


def test_the_corpus_has_every_defect_for_each_map():
    for name in MAPS:
        present = {path.stem for path in (CORPUS / name).glob("*.txt")}
        assert {"strong", "paraphrase"} <= present
        assert set(DEFECTS) - {"no-judgement"} <= present


@pytest.mark.parametrize(("name", "version"), CASES)
def test_a_degraded_answer_has_its_defect_named(name, version):
    codes = [finding.code for finding in _review(name, version).findings]

    assert DEFECTS[version] in codes


@pytest.mark.parametrize(("name", "version"), CASES)
def test_the_strong_answer_outranks_each_degraded_copy(name, version):
    assert _review(name, "strong").marks > _review(name, version).marks


@pytest.mark.parametrize("name", list(MAPS))
def test_the_strong_answer_scores_near_the_top_without_findings(name):
    strong = _review(name, "strong")

    assert strong.marks >= 0.85 * strong.out_of
    assert strong.findings == ()


@pytest.mark.parametrize("name", list(MAPS))
def test_the_paraphrase_scores_within_ten_per_cent_of_the_strong_answer(name):
    strong, paraphrase = _review(name, "strong"), _review(name, "paraphrase")

    assert abs(strong.marks - paraphrase.marks) <= 0.1 * strong.marks


@pytest.mark.parametrize("name", list(MAPS))
def test_the_off_topic_answer_of_the_right_length_scores_lowest(name):
    off_topic = _review(name, "off-topic")

    assert off_topic.limit.low <= off_topic.words <= off_topic.limit.high
    assert all(
        off_topic.marks < _review(name, version).marks
        for version in DEFECTS
        if version != "off-topic" and (CORPUS / name / f"{version}.txt").exists()
    )
