"""Matching ideas, not strings: the shared, offline and deterministic text matcher.

An answer states a map's point when it says the same thing in other words. This package turns a
text into weighted terms (lemmas of its content words, with the field's aliases folded into one
concept each) and compares them:

- :func:`words`, :func:`sentences`: Unicode words and sentence spans (:mod:`.tokens`);
- :func:`lemma`, :func:`rarity`, :func:`is_content_word`: what a word means for matching
  (:mod:`.lexicon`, simplemma and wordfreq, both working from data inside their wheels);
- :func:`extended`, :func:`field_aliases`: capitals for countries, acronyms for their expansions,
  plus a map's own ``aliases`` (:mod:`.aliases`, data in ``aliases.yaml``);
- :func:`terms`, :func:`similarity`, :class:`Matcher`: rarity-weighted lemma overlap with aliases
  and fuzzy spelling matches, and "which of these node texts does this sentence state"
  (:mod:`.matching`).

Everything here is a pure function of its input (look-ups are cached), so the review, the drills
and anything else that must judge whether two texts say the same thing agree with each other.
"""

from argmap.language.aliases import AliasTable, extended, field_aliases
from argmap.language.lexicon import is_content_word, lemma, rarity, stop_words
from argmap.language.matching import Matcher, Term, Terms, similarity, stated_share, terms
from argmap.language.tokens import Sentence, normalise, sentences, squash, words

__all__ = [
    "AliasTable",
    "Matcher",
    "Sentence",
    "Term",
    "Terms",
    "extended",
    "field_aliases",
    "is_content_word",
    "lemma",
    "normalise",
    "rarity",
    "sentences",
    "similarity",
    "squash",
    "stated_share",
    "stop_words",
    "terms",
    "words",
]
