"""Words and sentences of a text, in any script.

A word is a run of letters, digits and combining marks (Devanagari vowel signs such as the "ा" of
"भारत" are marks, which Python's ``\\w`` does not match), with inner apostrophes and hyphens, so
"Mi-35", "S-400" and "India's" are one word each. Text is put in NFC first, so a letter typed
precomposed or as letter plus accent is the same letter, and dotted acronyms lose their dots
("U.S." is "US").

Sentences are found by their end marks, with the spans kept so that a finding can point at the
sentence it is about in the student's own text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

#: Unicode planes holding combining marks: the BMP, the SMP (historic scripts) and plane 14
#: (variation selectors). Scanning only these keeps building the pattern to about 10 ms.
_MARK_PLANES = (range(0x20000), range(0xE0000, 0xE1000))

_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")


@cache
def marks() -> str:
    """A regex character-class body of every combining mark (Unicode category M), as ranges."""
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
    return re.compile(rf"[^\W_](?:[^\W_]|[{marks()}]|['’‑-](?=[^\W_]))*")


@cache
def _not_word_char() -> re.Pattern[str]:
    return re.compile(rf"[^\w{marks()}]|_")


def normalise(text: str) -> str:
    """The text in NFC with dotted acronyms undotted ("U.S." -> "US"); same length or shorter."""
    text = unicodedata.normalize("NFC", text)
    return _DOTTED_ACRONYM.sub(lambda match: match.group().replace(".", ""), text)


def words(text: str) -> list[str]:
    """The words of a text in order, as written (case kept)."""
    return _word().findall(normalise(text))


def squash(text: str) -> str:
    """The text lower-cased with everything but letters, digits and combining marks left out."""
    return _not_word_char().sub("", unicodedata.normalize("NFC", text).lower())


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text: its ``start`` and ``end`` offsets in the text and the ``text``."""

    start: int
    end: int
    text: str


# A sentence ends at . ! ? or a Devanagari danda, after closing quotes and brackets, before
# white space; not after a lone capital ("J. Nehru") or a common abbreviation.
_END = re.compile(r"[.!?।]+[\"'”’)\]]*(?=\s|$)")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # "J" of "J. Nehru", "U.S" of "U.S."
_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "vs", "no", "art", "govt"})


def sentences(text: str) -> list[Sentence]:
    """The sentences of a text, with their spans; a line break also ends a sentence.

    Blank text gives an empty list. Text without end marks is one sentence per line.
    """
    found: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end in _END.finditer(line.group()):
            before = line.group()[: end.start()].rsplit(None, 1)
            last = before[-1].lower() if before else ""
            if last in _ABBREVIATIONS or _INITIALS.fullmatch(last):
                continue
            stop = line.start() + end.end()
            _add_sentence(found, text, start, stop)
            start = stop
        _add_sentence(found, text, start, line.end())
    return found


def _add_sentence(found: list[Sentence], text: str, start: int, stop: int) -> None:
    piece = text[start:stop]
    stripped = piece.strip()
    if any(ch.isalnum() for ch in stripped):
        lead = len(piece) - len(piece.lstrip())
        found.append(Sentence(start + lead, start + lead + len(stripped), stripped))
