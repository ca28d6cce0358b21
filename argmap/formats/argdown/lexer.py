"""The Argdown lexer: the patterns of Argdown's markup, escapes, comments and {data} braces.

The reader (:mod:`argmap.formats.argdown.reader`) walks lines and blocks; every pattern it matches
a line or an element against lives here, with the helpers that protect backslash escapes from the
markup rules, blank out comments and find where a ``{…}`` data block ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from argmap.formats.common import FormatError

RELATION = re.compile(
    r"^(?P<indent>[ \t]*)(?P<symbol><\+|<-|<_|\+>|->|_>|><|\+|-(?!-)|_(?=\s))[ \t]*(?P<rest>.*)$"
)
PCS_ITEM = re.compile(r"^[ \t]*\((?P<number>\d+)\)[ \t]*(?P<rest>.*)$")
INFERENCE = re.compile(r"^[ \t]*-{2,}[ \t]*$")
INLINE_INFERENCE = re.compile(r"^[ \t]*-{2,}(?P<rules>.*?)-{2,}[ \t]*$")
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
TAG = re.compile(r"#(?:\((?P<long>[^)]+)\)|(?P<short>[A-Za-z0-9\-\u00C0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
EMPHASIS = re.compile(r"(?<![\w*_])(\*\*|__|\*|_)(?=\S)(?P<inner>.+?)(?<=\S)\1(?![\w*_])")
INCLUDE = re.compile(r"@include\(")
COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|(?<![:\\])//[^\n]*", re.DOTALL)
LINK = re.compile(r"\[[^\]\n]+?\]\([^)\n]+?\)")
YAML_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # data is parsed once per statement
ESCAPE_BASE = 0xF0000  # escaped characters ride in a private-use plane until the text is final
PROTECTED = re.compile("[\U000f0000-\U000ffffe]")
PRIVATE = re.compile("[\U000f0000-\U0010ffff]")  # so that plane is refused in input


def protect(text: str) -> str:
    """Backslash escapes as private-use characters, so no markup rule sees them."""
    return re.sub(r"\\(.)", lambda m: chr(ESCAPE_BASE + ord(m[1])) if ord(m[1]) < 0xFFFF else m[1], text)


def unprotect(text: str) -> str:
    return PROTECTED.sub(lambda m: chr(ord(m[0]) - ESCAPE_BASE), text)


def strip_comments(text: str, where: str) -> str:
    """Comments blanked out (line breaks kept, so lines and columns stay true)."""
    protected = protect(text)
    links = [(m.start(), m.end()) for m in LINK.finditer(protected)]

    def blank(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in links):
            return match[0]
        return re.sub(r"[^\n]", " ", match[0])

    cleaned = COMMENT.sub(blank, protected)
    for opener in ("<!--", "/*"):
        position = cleaned.find(opener)
        if position >= 0:
            line = cleaned.count("\n", 0, position) + 1
            column = position - cleaned.rfind("\n", 0, position)
            raise FormatError(where, f"comment {opener} is never closed", line, column)
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


def tag_word(match: re.Match[str]) -> str:
    return match["long"] or match["short"]


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
