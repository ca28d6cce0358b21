"""What a word means for matching: its lemma, how rare it is, and whether it is a stop word.

Lemmas come from simplemma (its dictionaries ship inside the wheel), English unless the word is in
Devanagari, where Hindi is used. Rarity comes from wordfreq's Zipf frequency (the word lists ship
inside the wheel too): a word seen once per billion words has Zipf 0, "the" about 7.7. Rare words
say more about which point a sentence makes than common ones, so a word's weight falls with its
Zipf frequency. Both look-ups are cached: a review calls them for the same few hundred words.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

import simplemma
from wordfreq import zipf_frequency

#: Weight of a word by Zipf frequency: 1 at Zipf 3 and rarer, falling to 0.1 at Zipf 6.6.
RARE_ZIPF = 3.0
COMMON_ZIPF = 7.0
WEIGHT_FLOOR = 0.1
#: Figures and codes ("2014", "S-400", "2+2") are telling whatever their frequency.
FIGURE_WEIGHT = 0.8


def language_of(word: str) -> str:
    """The language code used for a word's look-ups: "hi" for Devanagari, else "en"."""
    return "hi" if any("\u0900" <= ch <= "\u097f" for ch in word) else "en"


def fold(word: str) -> str:
    """A word lower-cased, without a possessive "'s" or outer apostrophes and hyphens."""
    folded = word.lower().replace("’", "'").strip("'-")
    return folded[:-2] if folded.endswith("'s") else folded


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    """The dictionary form of a word, lower-cased: "helicopters" -> "helicopter"."""
    folded = fold(word)
    if any(ch.isdigit() for ch in folded):
        # Codes and figures are not words to lemmatise; "S-400" and "S400" are the same code.
        return folded.replace("-", "")
    return simplemma.lemmatize(folded, lang=language_of(folded)).lower()


@lru_cache(maxsize=1 << 16)
def zipf(text: str) -> float:
    """wordfreq's Zipf frequency of a word or phrase (0 when unknown or rarer than Zipf 1).

    The small word list loads in a tenth of the time of the large one and differs only below
    Zipf 3, where every word weighs 1 anyway.
    """
    return float(zipf_frequency(text, language_of(text), wordlist="small"))


@lru_cache(maxsize=1 << 16)
def rarity(text: str) -> float:
    """The weight of a word or phrase in matching, from 0.1 (very common) to 1 (rare)."""
    if any(ch.isdigit() for ch in text):
        return FIGURE_WEIGHT
    share = (COMMON_ZIPF - zipf(text)) / (COMMON_ZIPF - RARE_ZIPF)
    return round(min(1.0, max(WEIGHT_FLOOR, share)), 4)


@cache
def stop_words() -> frozenset[str]:
    """Function words of English and Hindi, lower-cased, that matching leaves out."""
    text = resources.files("argmap.language").joinpath("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_content_word(word: str) -> bool:
    """Whether a word carries meaning: not a stop word, and longer than two letters unless a figure."""
    folded = fold(word)
    has_digit = any(ch.isdigit() for ch in folded)
    return bool(folded) and folded not in stop_words() and (len(folded) > 2 or has_digit)
