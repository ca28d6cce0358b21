"""The Argdown lexer: the patterns of Argdown's markup, escapes, comments and {data} braces.

The reader (:mod:`argmap.formats.argdown.reader`) walks lines and blocks; every pattern it matches
a line or an element against lives here, with the helpers that protect backslash escapes from the
markup rules, blank out comments and find where a ``{…}`` data block ends.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from argmap.formats.common import FormatError

RELATION = re.compile(
    r"^(?P<indent>[ \t]*)(?P<symbol><\+|<-|<_|\+>|->|_>|><|\+|-(?!-)|_(?=\s))[ \t]*(?P<rest>.*)$"
)
PCS_ITEM = re.compile(r"^[ \t]*\((?P<number>\d+)\)[ \t]*(?P<rest>.*)$")
INFERENCE = re.compile(r"^[ \t]*-{2,}[ \t]*$")
HEADING = re.compile(r"^(?P<level>#+)[ \t]+(?P<text>.*)$")
LIST_ITEM = re.compile(r"^[ \t]*(?:\d+\.|\*)(?=\s)[ \t]*(?P<rest>.*)$")
# Titles may hold escaped characters (``[A\]]`` is the title ``A]``): a backslash and the next
# character are read as one, so an escaped bracket never ends the title.
STATEMENT_DEF = re.compile(r"\[(?P<title>(?:\\.|[^\]\\])+?)\]:[ \t]*")
STATEMENT_REF = re.compile(r"\[(?P<title>(?:\\.|[^\-\]\\])(?:\\.|[^\]\\])*?)\][ \t]*")
ARGUMENT_DEF = re.compile(r"<(?P<title>(?:\\.|[^>\\])+?)>:[ \t]*")
ARGUMENT_REF = re.compile(r"<(?P<title>(?:\\.|[^\-+_>!\\])(?:\\.|[^>\\])*?)>[ \t]*")
# <A>(1), @<A>(1): a statement of an argument named by its number (escapes skipped, not matched)
BY_NUMBER = re.compile(r"\\.|(?P<hit>@?<[^<>\n]+>\(\d+\))")
# The word of a #tag; #(long tags) end at the first ")" (found with str.find: see hashtags)
SHORT_TAG = re.compile(r"[A-Za-z0-9\-\u00C0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+")
INCLUDE = re.compile(r"@include\(")
# A Markdown link [text](url): neither part holds a bracket of its own kind, so that no start
# position scans further than the next bracket (a line of 40,000 "[" stays linear).
LINK = re.compile(r"\[[^\[\]\n]+\]\([^()\n]+\)")
ESCAPE_BASE = 0xF0000  # escaped characters ride in a private-use plane until the text is final
PROTECTED = re.compile("[\U000f0000-\U000ffffe]")
PRIVATE = re.compile("[\U000f0000-\U0010ffff]")  # so that plane is refused in input


def protect(text: str) -> str:
    """Backslash escapes as private-use characters, so no markup rule sees them."""
    return re.sub(r"\\(.)", lambda m: chr(ESCAPE_BASE + ord(m[1])) if ord(m[1]) < 0xFFFF else m[1], text)


def unprotect(text: str) -> str:
    return PROTECTED.sub(lambda m: chr(ord(m[0]) - ESCAPE_BASE), text)


_OPENERS = {
    (True, True): re.compile(r"<!--|/\*|(?<![:\\])//"),
    (True, False): re.compile(r"<!--|(?<![:\\])//"),
    (False, True): re.compile(r"/\*|(?<![:\\])//"),
    (False, False): re.compile(r"(?<![:\\])//"),
}
_CLOSERS = {"<!--": "-->", "/*": "*/", "//": "\n"}


def strip_comments(text: str, where: str) -> str:
    """Comments blanked out (line breaks kept, so lines and columns stay true).

    ``<!-- … -->``, ``/* … */`` and ``// …`` to the end of the line, except inside a Markdown link.
    Each comment is found with one search for its opener and one for its closer; an opener with no
    closer after it means no later one of its kind can close either, so that kind is not looked
    for again: linear time, where a lazy ``<!--.*?-->`` took quadratic time on 20,000 openers.
    """
    protected = protect(text)
    links = [(m.start(), m.end()) for m in LINK.finditer(protected)]
    link_starts = [start for start, _ in links]
    pieces: list[str] = []
    html = block = True  # whether a <!-- or /* may still be closed
    position = kept = 0
    while (opener := _OPENERS[html, block].search(protected, position)) is not None:
        start, mark = opener.start(), opener[0]
        closer = _CLOSERS[mark]
        end = protected.find(closer, opener.end())
        if end < 0:
            if mark == "//":
                end = len(protected)
            else:
                html, block = (False, block) if mark == "<!--" else (html, False)
                position = start + 1
                continue
        elif mark != "//":
            end += len(closer)
        index = bisect_right(link_starts, start) - 1
        if index < 0 or not links[index][0] <= start < links[index][1]:
            pieces.append(protected[kept:start])
            pieces.append(re.sub(r"[^\n]", " ", protected[start:end]))
            kept = end
        position = end
    pieces.append(protected[kept:])
    cleaned = "".join(pieces)
    for unclosed in ("<!--", "/*"):
        position = cleaned.find(unclosed)
        if position >= 0:
            line = cleaned.count("\n", 0, position) + 1
            column = position - cleaned.rfind("\n", 0, position)
            raise FormatError(where, f"comment {unclosed} is never closed", line, column)
    return backslashed(cleaned)  # the element reader protects escapes again itself


def backslashed(text: str) -> str:
    """Protected escapes back in their backslash form (for YAML, which reads its own escapes)."""
    return re.sub("[\U000f0000-\U000fffff]", lambda m: "\\" + chr(ord(m[0]) - ESCAPE_BASE), text)


@dataclass
class Element:
    """One occurrence of a statement or argument in the text, before its markup is resolved."""

    is_argument: bool
    title: str | None
    defines: bool
    indent: int
    symbol: str | None
    line: int
    column: int
    parts: list[tuple[int, int, str]] = field(default_factory=list)  # (line, column, raw text)


def starts_element(raw: str) -> bool:
    """Whether a line begins an element of its own (so cannot continue a heading's text)."""
    if HEADING.match(raw) or PCS_ITEM.match(raw) or LIST_ITEM.match(raw) or RELATION.match(raw):
        return True
    stripped = raw.strip()
    if LINK.match(stripped):
        return False
    return any(
        pattern.match(stripped) for pattern in (STATEMENT_DEF, ARGUMENT_DEF, STATEMENT_REF, ARGUMENT_REF)
    )


@dataclass(frozen=True)
class Hashtag:
    """A ``#tag`` or ``#(long tag)`` found in a text: where it starts and ends, and its word."""

    start: int
    end: int
    word: str


def hashtags(text: str) -> list[Hashtag]:
    """Every hashtag in ``text``, left to right, in linear time.

    A ``#(`` runs to the first ``)`` after it; when there is none, no later ``#(`` can close either.
    """
    found: list[Hashtag] = []
    position, long_closes = 0, True
    while (mark := text.find("#", position)) >= 0:
        position = mark + 1
        if text.startswith("(", mark + 1):
            close = text.find(")", mark + 2) if long_closes else -1
            if close < 0:
                long_closes = False
            elif close > mark + 2:
                found.append(Hashtag(mark, close + 1, text[mark + 2 : close]))
                position = close + 1
            continue
        short = SHORT_TAG.match(text, mark + 1)
        if short:
            found.append(Hashtag(mark, short.end(), short[0]))
            position = short.end()
    return found


def tag_words(text: str, tags: list[Hashtag] | None = None) -> str:
    """``text`` with each hashtag replaced by its word (``#(long tag)`` becomes ``long tag``)."""
    pieces, kept = [], 0
    for tag in hashtags(text) if tags is None else tags:
        pieces += [text[kept : tag.start], tag.word]
        kept = tag.end
    return "".join([*pieces, text[kept:]])


def without_trailing_tags(text: str, tags: list[Hashtag]) -> str:
    """``text`` without the hashtags at its end (labels, not words), unless the text is only tags."""
    end = len(text.rstrip())
    cut = None
    for tag in reversed(tags):
        if tag.end != end:
            break
        before = text[: tag.start].rstrip()
        if not before:
            break
        cut = len(before)
        end = cut
    return text if cut is None else text[:cut]


def inline_inference(line: str) -> str | None:
    """The rules of an inference written on one line, ``-- rule --``, or None if the line is not one.

    The regex ``^[ \t]*-{2,}(.*?)-{2,}[ \t]*$`` this replaces took quadratic time on long dash runs.
    """
    body = line.strip(" \t")
    lead = len(body) - len(body.lstrip("-"))
    trail = len(body) - len(body.rstrip("-"))
    if lead < 2 or trail < 2 or "\n" in body:
        return None
    if lead == len(body):  # only dashes: the regex's lazy middle leaves the last two for the end
        return ""
    return body[lead : len(body) - trail]


def strip_emphasis(text: str) -> str:
    """``**bold**``, ``__bold__``, ``*italic*`` and ``_italic_`` markers dropped, in linear time.

    The same rule as ``(?<![\\w*_])(\\*\\*|__|\\*|_)(?=\\S)(.+?)(?<=\\S)\1(?![\\w*_])`` replaced left
    to right, but each opener finds its nearest closer by a binary search in the closers of its
    kind instead of scanning the rest of the line (quadratic on 10,000 unclosed ``*a``).
    """
    if "*" not in text and "_" not in text:  # most texts: nothing to drop, no pass over them
        return text
    if "\n" in text:  # emphasis never spans lines, and the rule reads the same line by line
        return "\n".join(strip_emphasis(line) for line in text.split("\n"))
    closers = {marker: _closers(text, marker) for marker in _MARKERS}
    pieces: list[str] = []
    position = kept = 0
    length = len(text)
    while position < length:
        char = text[position]
        if char not in "*_" or (position and _joins(text[position - 1])):
            position += 1
            continue
        for marker in _MARKERS:
            if not text.startswith(marker, position):
                continue
            inner = position + len(marker)
            if inner >= length or text[inner].isspace():
                continue
            places = closers[marker]
            index = bisect_left(places, inner + 1)
            if index == len(places):
                continue
            close = places[index]
            pieces += [text[kept:position], text[inner:close]]
            position = kept = close + len(marker)
            break
        else:
            position += 1
    return "".join([*pieces, text[kept:]])


_MARKERS = ("**", "__", "*", "_")


def _joins(char: str) -> bool:
    r"""Whether a character next to a marker makes it part of a word (``\w``, ``*`` or ``_``)."""
    return char.isalnum() or char in "*_"


def _closers(text: str, marker: str) -> list[int]:
    """Where ``marker`` may close: after a non-space, and not followed by a word character."""
    places, position = [], 0
    while (position := text.find(marker, position)) >= 0:
        after = position + len(marker)
        if position and not text[position - 1].isspace() and (after == len(text) or not _joins(text[after])):
            places.append(position)
        position += 1
    return places


def without_data(text: str, to_end_of_text: bool) -> str:
    r"""``text`` without its ``{…}`` data: from the first ``{`` to the last ``}`` (which must end the
    text, after white space, when ``to_end_of_text``). Linear, unlike ``\{.*\}\s*$``."""
    opening = text.find("{")
    closing = text.rfind("}")
    if opening < 0 or closing < opening or (to_end_of_text and text[closing + 1 :].strip()):
        return text
    return text[:opening] if to_end_of_text else text[:opening] + text[closing + 1 :]


def matching_brace(text: str, opening: int) -> int | None:
    depth, quote = 0, ""
    for position in range(opening, len(text)):
        char = text[position]
        if quote:
            if char == quote and text[position - 1] != "\\":
                quote = ""
        elif char in "\"'" and text[position - 1] in "{[:, \n":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return position if char == "}" else None
    return None


def locate(pieces: list[tuple[int, int, str]], offset: int) -> tuple[int, int]:
    for line, column, piece in pieces:
        if offset <= len(piece):
            return line, column + offset
        offset -= len(piece) + 1
    return pieces[-1][0], pieces[-1][1]
