"""Weighted terms of a text, and how much of one text another states.

A text's terms are the lemmas of its content words, with every alias phrase ("New Delhi", "UNSC",
"Nuclear Suppliers Group") folded into one concept term, each weighted by its rarity (see
:mod:`argmap.language.lexicon`). One text states another's term when it has the same lemma or
concept, or a word that is a close variant of it:

- a spelling variant: rapidfuzz ``ratio`` of at least :data:`SPELLING` for words of five letters or
  more ("defense" / "defence", "organization" / "organisation", "Kudankulum" / "Kudankulam");
- a derived form: a shared beginning of at least :data:`STEM` letters covering at least
  :data:`STEM_SHARE` of the shorter word ("strategic" / "strategy", "partner" / "partnership").

Figures and concepts are never fuzzy: 2014 is not 2016 and Russia is not Prussia.

:func:`similarity` is the weighted F1 of two texts; :class:`Matcher` answers "which of these node
texts does this sentence state", scoring each text by the share of its weight the sentence states.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz, process

from argmap.language.aliases import CONCEPT, AliasTable, field_aliases
from argmap.language.lexicon import is_content_word, lemma, rarity
from argmap.language.tokens import words

SPELLING = 85
STEM = 6
STEM_SHARE = 0.8
FUZZY_MIN_LENGTH = 5


@dataclass(frozen=True)
class Term:
    """One idea of a text: its matching ``key``, its ``surface`` as first written, its ``weight``."""

    key: str
    surface: str
    weight: float


@dataclass(frozen=True)
class Terms:
    """A text's terms in first-seen order, each key once, and ``joined``: each pair of neighbouring
    words written as one ("base load" -> "baseload"), which states a term spelt as one word."""

    items: tuple[Term, ...]
    joined: frozenset[str] = frozenset()

    @property
    def total(self) -> float:
        return sum(term.weight for term in self.items)

    def keys(self) -> frozenset[str]:
        return frozenset(term.key for term in self.items)


def _split(token: str) -> list[str]:
    """A hyphenated word as its parts ("India-Russia", "all-weather"); codes ("Mi-35") stay whole."""
    if "-" in token and not any(ch.isdigit() for ch in token):
        return [part for part in token.replace("‑", "-").split("-") if part]
    return [token]


def terms(text: str, aliases: AliasTable | None = None) -> Terms:
    """The weighted terms of a text (see the module); ``aliases`` defaults to the field's."""
    return _terms(text, aliases or field_aliases())


@lru_cache(maxsize=1 << 14)
def _terms(text: str, aliases: AliasTable) -> Terms:
    tokens = [part for token in words(text) for part in _split(token)]
    found: dict[str, Term] = {}
    joined = frozenset(
        lemma(first + second) for first, second in pairwise(tokens) if first.isalpha() and second.isalpha()
    )
    position = 0
    while position < len(tokens):
        concept, length = _concept_at(tokens, position, aliases)
        if concept is not None:
            key = aliases.key(concept)
            surface = " ".join(tokens[position : position + length])
            found.setdefault(key, Term(key, surface, aliases.weight(concept)))
            position += length
            continue
        token = tokens[position]
        if is_content_word(token):
            key = lemma(token)
            found.setdefault(key, Term(key, token, rarity(key)))
        position += 1
    return Terms(tuple(found.values()), joined)


def clear_text_cache() -> None:
    """Forget the terms found for texts (benchmarks use it to time a review from scratch)."""
    _terms.cache_clear()


def _concept_at(tokens: list[str], position: int, aliases: AliasTable) -> tuple[str | None, int]:
    token = tokens[position]
    candidates = [*aliases.by_first_word.get(token, ()), *aliases.by_first_word.get(lemma(token), ())]
    best: tuple[str | None, int] = (None, 0)
    for phrase in candidates:
        size = len(phrase.tokens)
        if size <= best[1] or position + size > len(tokens):
            continue
        window = tokens[position : position + size]
        if all(
            (word == want) if exact else (lemma(word) == want)
            for word, want, exact in zip(window, phrase.tokens, phrase.exact, strict=True)
        ):
            best = (phrase.concept, size)
    return best


@dataclass
class _Vocabulary:
    """The keys one side of a comparison knows, and which of them a key from the other side means."""

    keys: frozenset[str]
    _by_stem: dict[str, list[str]] = field(default_factory=dict)
    _fuzzy: list[str] = field(default_factory=list)
    _resolved: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in sorted(self.keys):
            if _fuzzable(key):
                self._by_stem.setdefault(key[:STEM], []).append(key)
                self._fuzzy.append(key)

    def resolve(self, key: str) -> str | None:
        """The known key that ``key`` means, or None."""
        if key in self.keys:
            return key
        if key not in self._resolved:
            self._resolved[key] = self._variant(key) if _fuzzable(key) else None
        return self._resolved[key]

    def _variant(self, key: str) -> str | None:
        stems = [
            known
            for known in self._by_stem.get(key[:STEM], ())
            if _shared_start(key, known) >= STEM_SHARE * min(len(key), len(known))
        ]
        if stems:
            return max(stems, key=lambda known: (_shared_start(key, known), -len(known), known))
        best = process.extractOne(key, self._fuzzy, scorer=fuzz.ratio, score_cutoff=SPELLING)
        return None if best is None else str(best[0])


def _fuzzable(key: str) -> bool:
    return (
        len(key) >= FUZZY_MIN_LENGTH and not key.startswith(CONCEPT) and not any(ch.isdigit() for ch in key)
    )


def _shared_start(first: str, second: str) -> int:
    size = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        size += 1
    return size


def _stated(said: Terms, vocabulary: _Vocabulary) -> set[str]:
    stated = {known for term in said.items if (known := vocabulary.resolve(term.key)) is not None}
    return stated | (said.joined & vocabulary.keys)


def similarity(first: str, second: str, aliases: AliasTable | None = None) -> float:
    """How far two texts say the same thing, 0..1: the weighted F1 of their terms.

    Each side's share is the weight of its terms the other side states over its own weight; the
    result is their harmonic mean. Texts without content words have similarity 0.
    """
    a, b = terms(first, aliases), terms(second, aliases)
    if not a.items or not b.items:
        return 0.0
    in_b = _stated(a, _Vocabulary(b.keys()))
    in_a = _stated(b, _Vocabulary(a.keys()))
    recall = sum(t.weight for t in b.items if t.key in in_b) / b.total
    precision = sum(t.weight for t in a.items if t.key in in_a) / a.total
    if recall + precision == 0:
        return 0.0
    return round(2 * recall * precision / (recall + precision), 4)


def stated_share(text: str, by: str, aliases: AliasTable | None = None) -> float:
    """The share of ``text``'s weight that ``by`` states, 0..1 (0 for a text without content words)."""
    said = terms(text, aliases)
    if not said.items:
        return 0.0
    stated = _stated(terms(by, aliases), _Vocabulary(said.keys()))
    return round(sum(t.weight for t in said.items if t.key in stated) / said.total, 4)


class Matcher:
    """Which of some texts (node texts, model answer parts) a sentence states, and how much of each.

    Built once over the texts (an index from each term to the texts holding it), then asked about
    any number of sentences; each question costs the sentence's terms times their postings.
    """

    def __init__(self, texts: Mapping[str, str], aliases: AliasTable | None = None):
        self.aliases = aliases or field_aliases()
        self.terms: dict[str, Terms] = {name: terms(text, self.aliases) for name, text in texts.items()}
        self._postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for name, text_terms in self.terms.items():
            for term in text_terms.items:
                self._postings[term.key].append((name, term.weight))
        self._vocabulary = _Vocabulary(frozenset(self._postings))
        self._totals = {name: text_terms.total for name, text_terms in self.terms.items()}

    def stated_keys(self, text: str) -> set[str]:
        """The keys of the matcher's texts that ``text`` states (same lemma, alias or variant)."""
        return _stated(terms(text, self.aliases), self._vocabulary)

    def scores(self, text: str) -> dict[str, float]:
        """For each of the matcher's texts that ``text`` touches, the share of its weight stated."""
        gained: dict[str, float] = defaultdict(float)
        for key in self.stated_keys(text):
            for name, weight in self._postings[key]:
                gained[name] += weight
        return {name: min(1.0, weight / self._totals[name]) for name, weight in gained.items()}

    def ranked(self, text: str, threshold: float = 0.0) -> list[tuple[str, float]]:
        """The texts ``text`` states at least ``threshold`` of, best first (ties in the texts' order)."""
        order = {name: place for place, name in enumerate(self.terms)}
        scored = [(name, score) for name, score in self.scores(text).items() if score >= threshold]
        return sorted(scored, key=lambda pair: (-pair[1], order[pair[0]]))

    def split(self, name: str, text: str) -> tuple[list[Term], list[Term]]:
        """The terms of the matcher's text ``name`` that ``text`` states, and those it misses."""
        stated = self.stated_keys(text)
        found = [term for term in self.terms[name].items if term.key in stated]
        missed = [term for term in self.terms[name].items if term.key not in stated]
        return found, missed


def weight_of(items: Iterable[Term]) -> float:
    """The summed weight of some terms."""
    return sum(term.weight for term in items)
