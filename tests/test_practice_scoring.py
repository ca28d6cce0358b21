"""Scoring in any script: Hindi and French maps are scored like English ones."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from fsrs import Rating

from argmap.language import stop_words
from argmap.language.tokens import marks
from argmap.model import ArgumentMap
from argmap.practice import drill_items, score_answer
from argmap.practice.scoring import content_words, key_terms

HINDI_ANSWER = (
    "अमेरिका से निकटता चीन की चुनौती का जवाब है, मास्को से नाता तोड़ना नहीं; भारत और रूस के रणनीतिक हित अब भी मिलते हैं।"
)


@pytest.fixture(scope="module")
def hindi_map() -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": "भारत–रूस संबंध",
            "nodes": [
                {"id": "ties", "kind": "thesis", "text": "मतभेदों के बावजूद भारत और रूस के संबंध मज़बूत हैं।"},
                {
                    "id": "west-tilt",
                    "kind": "counterpoint",
                    "opposes": ["ties"],
                    "text": "भारत का पश्चिम की ओर झुकाव रूस से दूरी बढ़ा रहा है।",
                },
                {"id": "answer", "kind": "rebuttal", "opposes": ["west-tilt"], "text": HINDI_ANSWER},
            ],
        }
    )


def test_devanagari_vowel_signs_and_anusvara_stay_inside_words():
    # "ा" (U+093E) and "ू" (U+0942) are combining marks, which Python's \w does not match.
    assert content_words("भारत और रूस के संबंध, क्षेत्र मंत्रालय २०१६") == [
        "भारत",
        "रूस",
        "संबंध",
        "क्षेत्र",
        "मंत्रालय",
        "२०१६",
    ]


def test_the_hindi_model_answer_word_for_word_scores_full_marks(hindi_map):
    (item,) = drill_items(hindi_map, "rebuttal", "for")

    result = score_answer(item, HINDI_ANSWER)

    assert result.score == 1.0
    assert result.grade >= Rating.Good
    assert result.missing_terms == ()
    assert {"अमेरिका", "मास्को", "रणनीतिक"} <= set(item.key_terms)
    assert not {"में", "हैं", "नहीं", "और", "से"} & set(item.key_terms)


def test_a_hindi_answer_with_half_the_terms_scores_between(hindi_map):
    (item,) = drill_items(hindi_map, "rebuttal", "for")

    partial = score_answer(item, "अमेरिका से निकटता चीन की चुनौती का जवाब है")
    unrelated = score_answer(item, "पेरिस में मौसम सुहावना है")

    assert 0.35 < partial.score < 0.85
    assert {"अमेरिका", "चुनौती"} <= set(partial.matched_terms)
    assert "मास्को" in partial.missing_terms
    assert unrelated.score < 0.2
    assert unrelated.grade is Rating.Again


def test_french_key_terms_keep_their_accented_letters():
    terms = key_terms(["Le stockage géologique profond des déchets radioactifs reste la référence."])

    assert "géologique" in terms
    assert "déchets" in terms
    assert "référence" in terms
    assert not {"ologique", "chets", "rence"} & set(terms)


def test_an_accent_typed_as_a_combining_mark_matches_the_precomposed_letter():
    decomposed = unicodedata.normalize("NFD", "déchets géologique")

    assert content_words(decomposed) == ["déchets", "géologique"]


def test_english_stop_words_possessives_and_figures_are_handled_as_before():
    assert content_words("The sanctions aren't India's problem: the Mi-35 deal of 2016 is.") == [
        "sanctions",
        "aren't",
        "india",
        "problem",
        "mi-35",
        "deal",
        "2016",
    ]


def test_every_combining_mark_counts_as_part_of_a_word():
    import re

    inside = re.compile(f"[{marks()}]")
    every_mark = [
        chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code))[0] == "M"
    ]

    assert all(inside.fullmatch(mark) for mark in every_mark)
    assert not inside.search("a1 _-'.,;।")


def test_stop_words_are_in_nfc_like_the_words_they_are_checked_against():
    assert all(unicodedata.normalize("NFC", word) == word for word in stop_words())


def _seed_item(node_id: str):
    from conftest import SEED_MAP

    from argmap.store import load_path

    items = drill_items(load_path(SEED_MAP).map, "rebuttal", "for")
    return next(item for item in items if item.node_id == node_id)


def test_a_rebuttal_naming_the_us_and_russia_states_washington_and_moscow():
    item = _seed_item("west-tilt")

    result = score_answer(
        item,
        "Closer ties with the US are a response to China, not a break with Russia; the strategic logic binding India and Russia is still shared.",
    )

    assert result.score >= 0.85
    assert result.feedback == "well covered"
    assert result.missing_terms == ()


def test_naming_the_mi35_sale_states_the_helicopters_it_answers():
    item = _seed_item("mi35-sale")

    result = score_answer(
        item,
        "The Mi-35 sale to Pakistan is minor beside Russia's place as one of India's largest defence suppliers.",
    )

    assert "helicopters" not in result.missing_terms
    assert result.score >= 0.6


def test_feedback_is_in_plain_words_not_the_schedulers():
    item = _seed_item("west-tilt")

    words = {score_answer(item, answer).feedback for answer in ("", "China", item.answer_parts[0])}

    assert words <= {"well covered", "mostly covered", "partly covered", "not covered"}
    assert score_answer(item, "the weather in Paris is mild").grade_name == "not covered"
