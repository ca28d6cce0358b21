"""Scoring a drill answer against the map's own model answer, and the review grade it earns.

The score (0..1) mixes two measures, each taken against every model answer part, keeping the best
part (an answer that makes one of the map's rebuttals well is a good answer):

- key-term coverage, weight 0.7: the share of the part's key terms found in the answer, a term
  counting as found when some word of the answer is a close spelling of it (rapidfuzz ``ratio`` of
  at least 80, so "sanction" finds "sanctions") or when, squashed, it appears in the squashed answer
  (so "Mi 35" finds "Mi-35");
- overall likeness, weight 0.3: rapidfuzz ``token_set_ratio`` of the answer's content words against
  the part's, scaled down for answers much shorter than the key-term list, since the set ratio of a
  one-word answer that happens to be in the model is 100.

Words are Unicode words, so a map written in Hindi or French is scored like one in English: a word
is a run of letters, digits and combining marks (Devanagari vowel signs such as the "ा" of "भारत"
are marks, which Python's ``\\w`` does not match), with inner apostrophes and hyphens; text is put in
NFC first, so a letter typed precomposed or as letter plus accent counts as the same letter. Stop
words are English and common Hindi function words.

The grade is the FSRS rating the score earns (see :data:`GRADE_FLOORS`), so "again" brings the item
back in minutes and "easy" pushes it out by days.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from fsrs import Rating
from rapidfuzz import fuzz

if TYPE_CHECKING:
    from argmap.practice.drills import DrillItem

KEY_TERMS_PER_PART = 8
COVERAGE_WEIGHT = 0.7
TERM_MATCH = 80

#: Lowest score for each grade, best first; below the last floor the grade is "again".
GRADE_FLOORS: tuple[tuple[float, Rating], ...] = (
    (0.85, Rating.Easy),
    (0.6, Rating.Good),
    (0.35, Rating.Hard),
)

_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "even",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "least",
        "less",
        "may",
        "might",
        "more",
        "most",
        "much",
        "must",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "per",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "thus",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
        "you",
        "your",
        "yours",
        "one",
        "two",
        "many",
        "well",
        "like",
        "since",
        "among",
        "via",
        "amid",
        "new",
        "whether",
        "both",
        "either",
        "neither",
        "rather",
        "despite",
        "towards",
        "toward",
        "across",
        "along",
        "already",
        "still",
        "s",
        "t",
        # Hindi function words (words of one or two characters are dropped anyway: का, है, और...)
        "में",
        "हैं",
        "लिए",
        "नहीं",
        "भी",
        "यह",
        "वह",
        "इस",
        "उस",
        "इन",
        "उन",
        "एक",
        "कि",
        "जो",
        "तो",
        "ही",
        "था",
        "थे",
        "थी",
        "हो",
        "होता",
        "होती",
        "होते",
        "होने",
        "हुआ",
        "हुई",
        "हुए",
        "कर",
        "करना",
        "करने",
        "करते",
        "करता",
        "किया",
        "किए",
        "गया",
        "गई",
        "गए",
        "रहा",
        "रही",
        "रहे",
        "साथ",
        "तक",
        "बाद",
        "द्वारा",
        "अपना",
        "अपनी",
        "अपने",
        "कुछ",
        "सभी",
        "कोई",
        "किसी",
        "इसके",
        "इसका",
        "इसकी",
        "इसमें",
        "उसके",
        "उसका",
        "उसकी",
        "उनके",
        "उनका",
        "उनकी",
        "जिसे",
        "जिससे",
        "जैसे",
        "वाला",
        "वाली",
        "वाले",
        "ऐसे",
        "यहाँ",
        "वहाँ",
        "तथा",
        "एवं",
        "लेकिन",
        "परंतु",
        "किंतु",
        "क्योंकि",
        "यदि",
        "अगर",
        "फिर",
        "बहुत",
        "अब",
        "पर",
        "से",
        "को",
        "का",
        "की",
        "के",
        "है",
        "और",
        "या",
    ]
)

#: Unicode planes holding combining marks: the BMP, the SMP (historic scripts) and plane 14
#: (variation selectors). Scanning only these keeps building the pattern to about 10 ms.
_MARK_PLANES = (range(0x20000), range(0xE0000, 0xE1000))


@cache
def _marks() -> str:
    """A regex character-class body of every combining mark (category M), as ranges."""
    category = unicodedata.category
    codes = [code for plane in _MARK_PLANES for code in plane if category(chr(code))[0] == "M"]
    spans: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code != previous + 1:
            spans.append(f"\\U{start:08x}-\\U{previous:08x}")
            start = code
        previous = code
    return "".join(spans)


@cache
def _word() -> re.Pattern[str]:
    """A word: a letter or digit, then letters, digits, combining marks, apostrophes and hyphens."""
    return re.compile(rf"[^\W_](?:[^\W_]|[{_marks()}'’-])*")


@cache
def _not_word_char() -> re.Pattern[str]:
    """One character that is not a letter, a digit or a combining mark."""
    return re.compile(rf"[^\w{_marks()}]|_")


def _words(text: str) -> list[str]:
    return _word().findall(unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class DrillScore:
    """How well an answer matched the map: the score in 0..1, its grade, the key terms the answer
    used and missed (of the best-matching model part), and the whole model answer to show."""

    score: float
    grade: Rating
    matched_terms: tuple[str, ...]
    missing_terms: tuple[str, ...]
    model_answer: str

    @property
    def grade_name(self) -> str:
        return self.grade.name.lower()


def content_words(text: str) -> list[str]:
    """The words of a text that carry meaning: lower-cased, without stop words or single letters."""
    words = []
    for raw in _words(text):
        word = raw.lower().replace("’", "'").strip("'-")
        if word.endswith("'s"):
            word = word[:-2]
        if word and word not in _STOPWORDS and (len(word) > 2 or any(ch.isdigit() for ch in word)):
            words.append(word)
    return words


def key_terms(parts: Iterable[str], per_part: int = KEY_TERMS_PER_PART) -> tuple[str, ...]:
    """The key terms of some model answer parts, each part's in its own order, without repeats.

    A part's key terms are its most telling content words: names, acronyms and figures first (a
    capital or a digit in the text), then longer words before shorter, at most ``per_part``.
    """
    terms: dict[str, None] = {}
    for part in parts:
        terms.update(dict.fromkeys(_part_terms(part, per_part)))
    return tuple(terms)


def _part_terms(part: str, per_part: int) -> list[str]:
    first_seen: dict[str, int] = {}
    telling: dict[str, bool] = {}
    sentence_start = True
    for raw in _words(part):
        word = content_words(raw)
        if word:
            term = word[0]
            first_seen.setdefault(term, len(first_seen))
            # A capital at the start of a sentence says nothing; elsewhere it marks a name.
            named = any(ch.isdigit() for ch in raw) or (raw[0].isupper() and not sentence_start)
            bare = re.sub(r"['’]s$", "", raw)
            named = named or (len(bare) > 1 and bare.isupper())
            telling[term] = telling.get(term, False) or named
        sentence_start = raw.endswith((".", "!", "?"))
    ranked = sorted(first_seen, key=lambda t: (not telling[t], -len(t), first_seen[t]))[:per_part]
    return sorted(ranked, key=first_seen.__getitem__)


def grade_for(score: float) -> Rating:
    """The FSRS rating a score earns: easy from 0.85, good from 0.6, hard from 0.35, else again."""
    for floor, rating in GRADE_FLOORS:
        if score >= floor:
            return rating
    return Rating.Again


def score_answer(item: DrillItem, answer: str) -> DrillScore:
    """Score an answer to a drill item against the item's model answer parts (see the module)."""
    candidates = [_score_part(part, answer) for part in item.answer_parts]
    # max() keeps the first of equal scores, so ties go to the map's first answer.
    best = max(candidates, key=lambda candidate: candidate[0], default=(0.0, [], list(item.key_terms)))
    score, matched, missing = best
    return DrillScore(round(score, 3), grade_for(score), tuple(matched), tuple(missing), item.model_answer)


def _score_part(part: str, answer: str) -> tuple[float, list[str], list[str]]:
    terms = list(key_terms([part]))
    answer_words = content_words(answer)
    if not terms or not answer_words:
        return 0.0, [], terms
    squashed = _squash(answer)
    matched = [t for t in terms if _found(t, answer_words, squashed)]
    missing = [t for t in terms if t not in matched]
    coverage = len(matched) / len(terms)
    likeness = fuzz.token_set_ratio(" ".join(answer_words), " ".join(content_words(part))) / 100
    likeness *= min(1.0, len(answer_words) / len(terms))
    return COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * likeness, matched, missing


def _found(term: str, answer_words: Sequence[str], squashed_answer: str) -> bool:
    if len(_squash(term)) >= 4 and _squash(term) in squashed_answer:
        return True
    if len(term) < 4:
        return term in answer_words
    return any(fuzz.ratio(term, word) >= TERM_MATCH for word in answer_words)


def _squash(text: str) -> str:
    """The text lower-cased with everything but letters, digits and combining marks left out."""
    return _not_word_char().sub("", unicodedata.normalize("NFC", text).lower())
