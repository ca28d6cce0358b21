"""Which counterpoint an answer answers: shared ideas weighted by how rare they are.

A way-forward item or an in-text answer is linked to the counterpoint(s) whose ideas it states.
Ideas are :mod:`argmap.language` terms (lemmas, with the field's aliases folded into one concept
and close spelling variants matched), each weighted twice over: by its rarity in English (from
wordfreq, as the language package gives it) and by its rarity among the note's own points (an idea
every point mentions, such as the two countries, counts for almost nothing; ``deficit`` or ``land``
for much). An idea the answer names only by a related word of policy writing ("proceeds" for
"deficit", "employees" for "workers": :mod:`argmap.language.related`) counts at
:data:`RELATED_SHARE` of its weight. The score mixes the share of the answer's weight that the counterpoint shares with the
geometric mean of both sides, and a link is made only above :data:`LINK_THRESHOLD`; below it the
answer supports the thesis instead.

:func:`similarity` is the one place that compares two texts, so that a better matcher can take
its place without touching the rest of the reader.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.language import Matcher, terms
from argmap.language.aliases import CONCEPT
from argmap.language.matching import STEM
from argmap.language.related import related_groups

#: Smallest score for an answer to be linked to a counterpoint (0: nothing shared, 1: the same ideas).
LINK_THRESHOLD = 0.10
#: Added to the score of the counterpoint in the same place in its list as the answer in its own.
ORDER_BONUS = 0.08
#: A second counterpoint is linked too when it scores at least this share of the best one.
SECOND_LINK_SHARE = 0.85
#: Share of a counterpoint's idea counted when the answer names it only by a related word
#: (:mod:`argmap.language.related`: "proceeds" for "deficit", "employees" for "workers").
RELATED_SHARE = 0.6
#: A word held by more counterpoints than this finds no candidates by itself (see :class:`Linker`).
CROWDED = 64
RELATED_PREFIX = "~"
STEM_PREFIX = "^"


@dataclass(frozen=True)
class Rarity:
    """How rare each idea is among a set of texts: log((n + 1) / (texts stating it + 0.5))."""

    weights: dict[str, float]
    default: float

    @classmethod
    def of(cls, texts: Sequence[str]) -> Rarity:
        used: Counter[str] = Counter()
        for text in texts:
            used.update(terms(text).keys())
        count = len(texts)
        weights = {key: math.log((count + 1) / (n + 0.5)) for key, n in used.items()}
        return cls(weights, math.log((count + 1) / 0.5))

    def weight(self, key: str) -> float:
        return max(self.weights.get(key, self.default), 0.05)


def _weights(text: str, rarity: Rarity) -> dict[str, float]:
    return {term.key: term.weight * rarity.weight(term.key) for term in terms(text).items}


def similarity(first: str, second: str, rarity: Rarity) -> tuple[float, list[str]]:
    """How much ``first`` (an answer) says about what ``second`` (a counterpoint) says, 0–1, and
    the shared ideas, weightiest first."""
    a, b = _weights(first, rarity), _weights(second, rarity)
    if not a or not b:
        return 0.0, []
    stated = Matcher({"other": second}).stated_keys(first)
    shared = [key for key in b if key in stated]
    weight = sum(b[key] for key in shared)
    # an idea the answer names only by a related word counts for less than the same word
    answer_groups = {group for key in a for group in related_groups(key)}
    for key in b:
        if key not in shared and related_groups(key) & answer_groups:
            shared.append(key)
            weight += RELATED_SHARE * b[key]
    total_a, total_b = sum(a.values()), sum(b.values())
    # the shared weight over the answer's own (an answer names the problem in few words of its
    # own; the counterpoint's length, with its evidence, should not dilute the match), tempered
    # by the geometric mean so that one common word between two long texts stays low
    score = 0.5 * min(1.0, weight / total_a) + 0.5 * weight / math.sqrt(total_a * total_b)
    return score, sorted(shared, key=lambda key: (-b[key], key))


class Linker:
    """The counterpoints (key, text) of a note, indexed once by their ideas, so that each answer is
    compared only with the counterpoints it could match: those holding one of its words, a word of
    the same beginning, a spelling variant or a related word. A word held by more than
    :data:`CROWDED` counterpoints finds none on its own (it is common to the note and weighs almost
    nothing), so a note of thousands of points is linked in time near its length, not its square.
    """

    def __init__(self, candidates: Sequence[tuple[str, str]], rarity: Rarity):
        self.rarity = rarity
        self._texts = dict(candidates)
        self._order = {key: place for place, (key, _) in enumerate(candidates)}
        self._matcher = Matcher(self._texts)
        self._postings: dict[str, list[str]] = {}
        for key, text in candidates:
            for index_key in dict.fromkeys(k for term in terms(text).items for k in _index_keys(term.key)):
                self._postings.setdefault(index_key, []).append(key)

    def _candidates(self, answer: str, aligned: str | None) -> list[str]:
        wanted = set(self._matcher.stated_keys(answer))
        wanted.update(k for term in terms(answer).items for k in _index_keys(term.key))
        found = {
            key
            for index_key in wanted
            if len(self._postings.get(index_key, ())) <= CROWDED
            for key in self._postings.get(index_key, ())
        }
        if aligned in self._texts:
            found.add(aligned)
        return sorted(found, key=self._order.__getitem__)

    def best(self, answer: str, aligned: str | None = None) -> list[tuple[str, float, list[str]]]:
        """The counterpoints that ``answer`` answers: the best one above the threshold and any
        other close to it, as (key, score, shared ideas); empty when none is close enough.

        ``aligned`` is the counterpoint in the same place in its list as the answer in its own
        (notes often take the challenges up in the order they listed them); it gets
        :data:`ORDER_BONUS`, which is not enough on its own: some idea must be shared too.
        """
        scored = []
        for key in self._candidates(answer, aligned):
            score, shared = similarity(answer, self._texts[key], self.rarity)
            if key == aligned and shared:
                score += ORDER_BONUS
            if score >= LINK_THRESHOLD:
                scored.append((key, score, shared))
        if not scored:
            return []
        scored.sort(key=lambda found: -found[1])
        best = scored[0][1]
        return [found for found in scored[:3] if found[1] >= best * SECOND_LINK_SHARE]


def _index_keys(key: str) -> list[str]:
    """The keys under which a text holding ``key`` is found: the key, its beginning (for derived
    forms) and its related-word groups."""
    found = [key, *(RELATED_PREFIX + group for group in related_groups(key))]
    if len(key) >= STEM and not key.startswith(CONCEPT) and not any(ch.isdigit() for ch in key):
        found.append(STEM_PREFIX + key[:STEM])
    return found
