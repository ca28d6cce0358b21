"""Scoring a drill answer against the map's own model answer, and the review grade it earns.

The score (0..1) is taken against every model answer part, keeping the best part (an answer that
makes one of the map's rebuttals well is a good answer). It matches ideas, not strings, with the
shared matcher of :mod:`argmap.language`: lemmas, word rarity, spelling variants and the field's
aliases, so "US" states "Washington" and "Moscow" states "Russia". Against one part:

- coverage, weight :data:`COVERAGE_WEIGHT`: the share of the part's weight (rarity-weighted terms)
  that the answer states. A rebuttal repeats words of the point it answers ("a few helicopters for
  Pakistan"); those topic words count as stated when the answer names the point by any of the
  prompt's own terms ("the Mi-35 sale"), since naming the point is not the substance of a reply;
- likeness, the rest: the harmonic mean of that coverage and the share of the answer's own weight
  that the part states, so an answer that buries the point in unrelated words scores lower.

Words are Unicode words, so a map written in Hindi or French is scored like one in English (see
:mod:`argmap.language.tokens`). The key terms shown to the student ("missed: …") are the part's most
telling words (:func:`key_terms`), each found when the answer states it.

The grade is the FSRS rating the score earns (see :data:`GRADE_FLOORS`), so "again" brings the item
back in minutes and "easy" pushes it out by days; what the student reads is :attr:`DrillScore.feedback`,
in plain words ("well covered", "partly covered").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fsrs import Rating

from argmap.language import Matcher, is_content_word, squash, stated_share, terms, words
from argmap.language.lexicon import fold
from argmap.language.matching import weight_of

if TYPE_CHECKING:
    from argmap.practice.drills import DrillItem

KEY_TERMS_PER_PART = 8
COVERAGE_WEIGHT = 0.7
#: A prompt term the answer must state to name the point it answers.
TOPIC_WEIGHT = 0.5

#: Lowest score for each grade, best first; below the last floor the grade is "again".
GRADE_FLOORS: tuple[tuple[float, Rating], ...] = (
    (0.85, Rating.Easy),
    (0.6, Rating.Good),
    (0.35, Rating.Hard),
)


FEEDBACK: dict[Rating, str] = {
    Rating.Easy: "well covered",
    Rating.Good: "mostly covered",
    Rating.Hard: "partly covered",
    Rating.Again: "not covered",
}


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
    def feedback(self) -> str:
        """The grade in a student's words: well covered, mostly covered, partly covered, not covered."""
        return FEEDBACK[self.grade]

    @property
    def grade_name(self) -> str:
        """What the student is shown for the grade: :attr:`feedback`, not the scheduler's word."""
        return self.feedback


def content_words(text: str) -> list[str]:
    """The words of a text that carry meaning: lower-cased, without stop words or single letters."""
    return [fold(raw) for raw in words(text) if is_content_word(raw)]


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
    for raw in words(part):
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
    candidates = [_score_part(part, item.prompt, answer) for part in item.answer_parts]
    # max() keeps the first of equal scores, so ties go to the map's first answer.
    best = max(candidates, key=lambda candidate: candidate[0], default=(0.0, [], list(item.key_terms)))
    score, matched, missing = best
    return DrillScore(round(score, 3), grade_for(score), tuple(matched), tuple(missing), item.model_answer)


def _score_part(part: str, prompt: str, answer: str) -> tuple[float, list[str], list[str]]:
    shown = list(key_terms([part]))
    matcher = Matcher({"part": part, "prompt": prompt})
    part_terms = matcher.terms["part"]
    if not part_terms.items or not terms(answer).items:
        return 0.0, [], shown
    stated = matcher.stated_keys(answer)
    prompt_terms = matcher.terms["prompt"]
    if any(t.key in stated and t.weight >= TOPIC_WEIGHT for t in prompt_terms.items):
        stated |= part_terms.keys() & prompt_terms.keys()
    coverage = weight_of(t for t in part_terms.items if t.key in stated) / part_terms.total
    precision = stated_share(answer, part)
    likeness = 2 * coverage * precision / (coverage + precision) if coverage + precision else 0.0
    matched = [term for term in shown if _stated(term, stated, answer)]
    missing = [term for term in shown if term not in matched]
    return COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * likeness, matched, missing


def _stated(term: str, stated: set[str], answer: str) -> bool:
    keys = terms(term).keys()
    if keys:
        return keys <= stated
    return len(squash(term)) >= 4 and squash(term) in squash(answer)
