"""Aliases: different words for the same thing, so that "Moscow" in an answer finds "Russia" in a map.

The field's common aliases (capitals for their countries, acronyms and their expansions) ship in
``aliases.yaml`` beside this module; a map adds its own through its ``aliases`` field, in the same
shape: a concept and the words or phrases that name it. A map's entry that shares a name or a form
with a shipped concept joins it; any other is a new concept.

A form written with two or more capitals and no more than five characters ("US", "UN", "MEA",
"LoC") is an acronym and matches only text written the same way, so the pronoun "us" is not the
United States. Other forms match whatever their case, word by word on lemmas, so "Russians" and
"Russian" both find a form listed as "Russian".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from argmap.language.lexicon import lemma, rarity
from argmap.language.tokens import words

#: The prefix of a concept's key, so that concept keys never collide with word lemmas.
CONCEPT = "="


@dataclass(frozen=True)
class Phrase:
    """One form of a concept as the matcher looks for it: a word pattern per token."""

    tokens: tuple[str, ...]  # the exact word for an acronym, else the lemma
    exact: tuple[bool, ...]
    concept: str


@dataclass(frozen=True)
class AliasTable:
    """Every form of every concept, indexed by the first word's lemma, longest phrases first."""

    concepts: Mapping[str, tuple[str, ...]]  # concept name -> its forms, as written
    by_first_word: Mapping[str, tuple[Phrase, ...]]

    def key(self, concept: str) -> str:
        """The matching key of a concept: never equal to a word's lemma."""
        return CONCEPT + concept.lower()

    def weight(self, concept: str) -> float:
        """How telling a mention of the concept is: the rarity of its name."""
        return rarity(concept.lower())

    def __hash__(self) -> int:
        return id(self)


def _is_acronym(form: str) -> bool:
    return len(form) <= 5 and sum(ch.isupper() for ch in form) >= 2 and " " not in form


def _phrase(form: str, concept: str) -> Phrase | None:
    tokens = words(form)
    if not tokens:
        return None
    exact = tuple(_is_acronym(token) for token in tokens)
    keys = tuple(token if is_exact else lemma(token) for token, is_exact in zip(tokens, exact, strict=True))
    return Phrase(keys, exact, concept)


def build_table(concepts: Mapping[str, Sequence[str]]) -> AliasTable:
    """An alias table of these concepts (name -> forms); the name is a form too."""
    kept: dict[str, tuple[str, ...]] = {}
    index: dict[str, list[Phrase]] = {}
    for concept, forms in concepts.items():
        every = tuple(dict.fromkeys([concept, *forms]))
        kept[concept] = every
        for form in every:
            phrase = _phrase(form, concept)
            if phrase is not None:
                first = phrase.tokens[0] if phrase.exact[0] else phrase.tokens[0].lower()
                index.setdefault(first, []).append(phrase)
    ordered = {first: tuple(sorted(found, key=lambda p: -len(p.tokens))) for first, found in index.items()}
    return AliasTable(kept, ordered)


@cache
def field_aliases() -> AliasTable:
    """The aliases shipped with argmap (``argmap/language/aliases.yaml``)."""
    text = resources.files("argmap.language").joinpath("aliases.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return build_table({str(name): [str(form) for form in forms] for name, forms in data.items()})


def _folded(form: str) -> str:
    return " ".join(lemma(token) for token in words(form))


def extended(extra: Mapping[str, Sequence[str]] | None) -> AliasTable:
    """The field's aliases with a map's own added: an entry sharing a form with a concept joins it.

    An empty or missing ``extra`` gives the field's table itself.
    """
    if not extra:
        return field_aliases()
    return _extended(tuple((name, tuple(forms)) for name, forms in extra.items()))


@cache
def _extended(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> AliasTable:
    concepts = {name: list(forms) for name, forms in field_aliases().concepts.items()}
    owner = {_folded(form): name for name, forms in concepts.items() for form in forms}
    for name, forms in extra:
        joined = next((owner[_folded(f)] for f in (name, *forms) if _folded(f) in owner), None)
        target = joined or name
        concepts.setdefault(target, [])
        for form in (name, *forms):
            concepts[target].append(form)
            owner[_folded(form)] = target
    return build_table(concepts)
