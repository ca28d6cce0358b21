"""Small helpers for the sentences the CLI and the app print."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI's --help imports this module and must not load pydantic
    from argmap.model import ArgumentMap, Kind

#: What a debate calls the side for and the side against the motion, when no format names them.
DEBATE_SIDES = {"for": "proposition", "against": "opposition"}


def counted(count: int, word: str, plural: str | None = None) -> str:
    """``1 node``, ``2 nodes``, ``0 nodes``; ``plural`` for words that do not just take an s."""
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def singular(words: str) -> str:
    """The first plural word of a side's name made singular: "Convergences" -> "Convergence",
    "Opportunities for trade" -> "Opportunity for trade"; a name without one is kept."""
    for match in re.finditer(r"[^\W\d_]+", words):
        word = match.group()
        lower = word.lower()
        if len(word) > 3 and lower.endswith("ies"):
            one = word[:-3] + ("Y" if word.isupper() else "y")
        elif len(word) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
            one = word[:-1]
        else:
            continue
        return words[: match.start()] + one + words[match.end() :]
    return words


def kind_words(argument_map: ArgumentMap) -> dict[Kind, str]:
    """What the map itself calls one claim and one counterpoint, from its vocabulary ("Convergence",
    "Irritant"); empty when it names its sides with no words of its own."""
    from argmap.model import Kind

    vocabulary = argument_map.vocabulary
    if vocabulary is None:
        return {}
    return {Kind.CLAIM: singular(vocabulary.for_), Kind.COUNTERPOINT: singular(vocabulary.against)}


__all__ = ["DEBATE_SIDES", "counted", "kind_words", "singular"]
