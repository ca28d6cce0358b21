"""Which counterpoint an answer answers: shared words weighted by how rare they are in the note.

A way-forward item or an in-text answer is linked to the counterpoint(s) whose words it shares,
each shared word weighted by its rarity among the note's points (a word every point uses, such as
the two countries' names, counts for almost nothing; ``deficit`` or ``land`` for much). The score
is the weight of the shared words over the geometric mean of the two points' weights, and a link
is made only above :data:`LINK_THRESHOLD`; below it the answer supports the thesis instead.

:func:`similarity` is the one place that compares two texts, so that a better matcher can take
its place without touching the rest of the reader.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

#: Smallest score for an answer to be linked to a counterpoint (0: nothing shared, 1: the same words).
LINK_THRESHOLD = 0.12
#: Added to the score of the counterpoint in the same place in its list as the answer in its own.
ORDER_BONUS = 0.08
#: A second counterpoint is linked too when it scores at least this share of the best one.
SECOND_LINK_SHARE = 0.85

_STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just me more most my no nor
    not now of off on once only or other our ours out over own same she should so some such than that
    the their theirs them then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours may might must need
    needs shall via per upon within without across among amid towards toward however thus hence also
    therefore further furthermore moreover besides like new one two many much well way ways make made
    use used using s t can't won't don't it's india's india indian
    """.split()  # noqa: SIM905
)


def words(text: str) -> list[str]:
    """The content words of the text, lower-cased and crudely stemmed (plurals, -ing, -ed)."""
    out: list[str] = []
    token: list[str] = []
    for char in text.lower() + " ":
        if char.isalnum():
            token.append(char)
            continue
        if token:
            word = "".join(token)
            token = []
            if word not in _STOPWORDS and not word.isdigit() and len(word) > 2:
                out.append(_stem(word))
    return out


def _stem(word: str) -> str:
    for suffix, keep, least in (("ies", "y", 3), ("ing", "", 5), ("ed", "", 5), ("es", "", 4), ("s", "", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= least and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


@dataclass(frozen=True)
class Rarity:
    """How rare each word is among a set of texts: log((n + 1) / (texts using it + 0.5))."""

    weights: dict[str, float]
    default: float

    @classmethod
    def of(cls, texts: Sequence[str]) -> Rarity:
        used: Counter[str] = Counter()
        for text in texts:
            used.update(set(words(text)))
        count = len(texts)
        weights = {word: math.log((count + 1) / (n + 0.5)) for word, n in used.items()}
        return cls(weights, math.log((count + 1) / 0.5))

    def weight(self, word: str) -> float:
        return max(self.weights.get(word, self.default), 0.05)


def similarity(first: str, second: str, rarity: Rarity) -> tuple[float, list[str]]:
    """How much two texts say about the same thing (0–1) and the shared words, rarest first."""
    a, b = set(words(first)), set(words(second))
    if not a or not b:
        return 0.0, []
    shared = a & b
    total_a = sum(rarity.weight(w) for w in a)
    total_b = sum(rarity.weight(w) for w in b)
    weight = sum(rarity.weight(w) for w in shared)
    # the shared weight over the answer's own (an answer names the problem in few words of its
    # own; the counterpoint's length, with its evidence, should not dilute the match), tempered
    # by the geometric mean so that one common word between two long texts stays low
    score = 0.5 * weight / total_a + 0.5 * weight / math.sqrt(total_a * total_b)
    return score, sorted(shared, key=lambda w: (-rarity.weight(w), w))


def best_matches(
    answer: str, candidates: Sequence[tuple[str, str]], rarity: Rarity, aligned: str | None = None
) -> list[tuple[str, float, list[str]]]:
    """The candidates (key, text) that ``answer`` answers: the best one above the threshold and any
    other close to it, as (key, score, shared words); empty when none is close enough.

    ``aligned`` is the candidate in the same place in its list as the answer in its own (notes
    often take the challenges up in the order they listed them); it gets :data:`ORDER_BONUS`, which
    is not enough on its own: some word must be shared too.
    """
    scored = []
    for key, text in candidates:
        score, shared = similarity(answer, text, rarity)
        if key == aligned and shared:
            score += ORDER_BONUS
        if score >= LINK_THRESHOLD:
            scored.append((key, score, shared))
    if not scored:
        return []
    scored.sort(key=lambda found: -found[1])
    best = scored[0][1]
    return [found for found in scored[:3] if found[1] >= best * SECOND_LINK_SHARE]
