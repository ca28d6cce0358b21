"""Putting user text into DOT safely: HTML-like label text and quoted attribute strings.

Any text a user types must come out of ``dot`` exactly as typed. Three layers can change it:

1. the DOT lexer, which ends a quoted string at ``"`` and halves ``\\\\`` inside one;
2. Graphviz's escape expansion, applied to labels *and* tooltips after parsing, which turns
   ``\\N``, ``\\G``, ``\\E``, ``\\T``, ``\\H`` and ``\\L`` into names and halves ``\\\\`` again;
3. the HTML-like label parser and the SVG writer, which read ``&name;`` entities.

So a literal backslash becomes four backslashes in a quoted string and ``&#92;&#92;`` in an
HTML-like label; ``&``, ``<``, ``>`` and quotes become entities. These rules were checked against
Graphviz 2.43 and are pinned by ``tests/test_render_escaping.py``, which round-trips every awkward
case through the real ``dot`` and reads the SVG back as XML.

Tabs are whitespace (Graphviz drops them from labels) and become a space; other control characters
cannot appear in an XML document at all and are removed. So are the bidirectional embedding,
override and isolate characters (U+202A–U+202E, U+2066–U+2069): in a title they would reorder what
is shown after them (a file name or a warning read backwards), so no display path shows them raw
(:func:`without_bidi_controls`, also used by the app's Markdown and the CLI).

A quoted string longer than Graphviz's lexer takes (16,384 characters: a node's full text in its
tooltip) is written as several quoted strings joined with ``+``, which DOT concatenates.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_ANY_CONTROL = re.compile(
    r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]"
)  # most text has none: skip the replacements
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_QUOTED_PIECE = 3000  # characters per quoted piece: escaped (at most 5x, "&" as "&amp;") under 16,384
_QUOTE_SPECIAL = re.compile(r'[&\\"\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]')
_HTML_SPECIAL = re.compile(r"[&<>\"'\\]")  # most text has none: skip the replacements


def without_bidi_controls(text: str) -> str:
    """Text without bidirectional embeddings, overrides and isolates, which could reorder a display."""
    return _BIDI_CONTROLS.sub("", text) if _BIDI_CONTROLS.search(text) else text


def clean_text(text: str) -> str:
    """Text with line ends made ``\\n``, tabs made spaces and XML-illegal control characters removed."""
    if not _ANY_CONTROL.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def html_text(text: str) -> str:
    """Text for inside an HTML-like label (one line: no newlines expected)."""
    return html_escape(clean_text(text))


def html_escape(text: str) -> str:
    """Already clean text (see :func:`clean_text`) with the HTML-like label's specials as entities."""
    if not _HTML_SPECIAL.search(text):
        return text
    # "&" first, so the entities written after it are not escaped again.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#39;").replace("\\", "&#92;&#92;")


def quoted(text: str) -> str:
    """A DOT double-quoted string that Graphviz reads back as exactly ``text`` (tooltips, ids);
    several joined with ``+`` when one would be longer than Graphviz's lexer takes."""
    if len(text) > _QUOTED_PIECE:
        text = clean_text(text)  # once, so that no "\r\n" is cut in two
        pieces = (text[start : start + _QUOTED_PIECE] for start in range(0, len(text), _QUOTED_PIECE))
        return " + ".join(quoted(piece) for piece in pieces)
    return f'"{_quoted_inside(text)}"'


#: The longest text :func:`quoted_part` escapes: two such parts and a short joint stay one piece.
QUOTED_PART_MAX = _QUOTED_PIECE // 2 - 50


def quoted_part(text: str) -> str | None:
    """What :func:`quoted` writes between its quotes for ``text``, to be joined with other parts
    inside one pair of quotes (escaping works character by character, and joints that contain no
    line end cannot make a ``\r\n``); None for a text longer than :data:`QUOTED_PART_MAX`. The
    renderer escapes each box's label once this way for all the tooltips of its arrows."""
    return None if len(text) > QUOTED_PART_MAX else _quoted_inside(text)


def _quoted_inside(text: str) -> str:
    if not _QUOTE_SPECIAL.search(text):
        return text
    text = clean_text(text)
    return text.replace("&", "&amp;").replace("\\", "\\\\\\\\").replace('"', '\\"').replace("\n", "\\n")
