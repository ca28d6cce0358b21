"""Argdown (https://argdown.org) read into a map, and maps written back out as Argdown.

Reading covers the syntax of Argdown's own reference (SYNTAX.md): statements (``[Title]: text``,
references ``[Title]``, mentions ``@[Title]``), arguments (``<Title>: text``, ``<Title>``), relations
``+ - _ ><`` and ``<+ <- <_ +> -> _>`` nested by indentation, premise-conclusion structures
(``(1) … ---- (n)``, expanded inferences ``-- rule {data} --``), ``#tags`` and ``#(long tags)``,
``# headings``, ``=== … ===`` YAML frontmatter, ``{…}`` YAML data, comments, escapes ``\\x``, bold
and italic markers (dropped from the text).

Mapping onto argmap:

- Each equivalence class (all statements sharing a title) is one node: the first definition's text
  is the node's text, the title its label, other differing members go into its notes. A reference
  to a title never defined gives a node whose text is the title.
- Each argument is one node too: its text is its description(s) (else its conclusion, else its
  title), its label the title. A premise-conclusion structure is kept as relations: every premise
  (and intermediate conclusion) supports the argument, and the argument supports its main
  conclusion, as in AIF's premise -> inference -> conclusion; the argument's notes list the
  numbered pcs and any inference rules.
- ``+`` is a support, ``-`` an attack, both from the child to its parent (``+>`` and ``->`` run the
  other way). An undercut ``_`` (an attack on an inference) becomes an attack on the argument node,
  which stands for that inference, with a note. A contradiction ``><`` is symmetric and argmap's
  relations are not: it becomes an attack of the child on the parent, with a note.
- Kinds follow the relation structure (see :mod:`argmap.formats.common`): the most-supported root
  is the thesis, supports are claims, attacks are counterpoints or, on a counterpoint, rebuttals.
  A statement's ``{kind: …, id: …}`` data (what :func:`write_argdown` writes) is used as given.
- Tags become node tags (as slugs); the innermost heading above a definition becomes a tag too
  (headings are Argdown's groups, argmap's dimensions). A heading, like every top-level block,
  runs on to the next empty line, so its text may span several lines (mentions, tags and a final
  ``{data}`` included). A line in it that starts a statement, argument or list item starts that
  element instead (Argdown reports an error there); a relation under a heading is refused. Frontmatter ``title``, ``subTitle`` /
  ``question``, ``conclusion``, ``directive``, ``tags`` and ``vocabulary`` fill the map's fields.
- An untitled paragraph with no relations (prose between the statements) becomes a context node.

Not supported: ``@include(…)`` (argmap reads one file; run ``argdown`` to combine them first) and
statement references by number (``<A>(1)``, ``<A>(1): text``, ``@<A>(1)``: a statement of an
argument named by its number, a syntax Argdown's own lexer has commented out, so that its parser
fails on them too); the reader stops at the first, naming its line and column. Markdown lists are read as
statements. Titles may hold escaped characters: ``[A\\]]: text`` is the statement titled ``A]``.

Writing gives one definition per node, ``[Label]: text #tags {id: …, kind: …}``, with the node's
children listed under it as ``<+ [Child]`` / ``<- [Child]``. Special characters in text are escaped
with a backslash, and line breaks inside a text become spaces, so a map read back gives the same
ids, kinds, labels, tags and relations, and the same text up to white space.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.formats.common import Draft, Edge, FormatError, ImportResult, assemble, one_line, tag_slug
from argmap.model import ArgumentMap, Directive, Kind, RelationType

_RELATION = re.compile(
    r"^(?P<indent>[ \t]*)(?P<symbol><\+|<-|<_|\+>|->|_>|><|\+|-(?!-)|_(?=\s))[ \t]*(?P<rest>.*)$"
)
_PCS_ITEM = re.compile(r"^[ \t]*\((?P<number>\d+)\)[ \t]*(?P<rest>.*)$")
_INFERENCE = re.compile(r"^[ \t]*-{2,}[ \t]*$")
_INLINE_INFERENCE = re.compile(r"^[ \t]*-{2,}(?P<rules>.*?)-{2,}[ \t]*$")
_HEADING = re.compile(r"^(?P<level>#+)[ \t]+(?P<text>.*)$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:\d+\.|\*)(?=\s)[ \t]*(?P<rest>.*)$")
# Titles may hold escaped characters (``[A\]]`` is the title ``A]``): a backslash and the next
# character are read as one, so an escaped bracket never ends the title.
_STATEMENT_DEF = re.compile(r"\[(?P<title>(?:\\.|[^\]\\])+?)\]:[ \t]*")
_STATEMENT_REF = re.compile(r"\[(?P<title>(?:\\.|[^\-\]\\])(?:\\.|[^\]\\])*?)\][ \t]*")
_ARGUMENT_DEF = re.compile(r"<(?P<title>(?:\\.|[^>\\])+?)>:[ \t]*")
_ARGUMENT_REF = re.compile(r"<(?P<title>(?:\\.|[^\-+_>!\\])(?:\\.|[^>\\])*?)>[ \t]*")
# <A>(1), @<A>(1): a statement of an argument named by its number (escapes skipped, not matched)
_BY_NUMBER = re.compile(r"\\.|(?P<hit>@?<[^<>\n]+>\(\d+\))")
_TAG = re.compile(
    r"#(?:\((?P<long>[^)]+)\)|(?P<short>[A-Za-z0-9\-\u00C0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))"
)
_EMPHASIS = re.compile(r"(?<![\w*_])(\*\*|__|\*|_)(?=\S)(?P<inner>.+?)(?<=\S)\1(?![\w*_])")
_INCLUDE = re.compile(r"@include\(")
_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|(?<![:\\])//[^\n]*", re.DOTALL)
_LINK = re.compile(r"\[[^\]\n]+?\]\([^)\n]+?\)")
_YAML_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # data is parsed once per statement
_ESCAPE_BASE = 0xF0000  # escaped characters ride in a private-use plane until the text is final
_PROTECTED = re.compile("[\U000f0000-\U000ffffe]")
_PRIVATE = re.compile("[\U000f0000-\U0010ffff]")  # so that plane is refused in input

_OUTGOING = {
    "+": RelationType.SUPPORTS,
    "<+": RelationType.SUPPORTS,
    "-": RelationType.OPPOSES,
    "<-": RelationType.OPPOSES,
    "_": RelationType.OPPOSES,
    "<_": RelationType.OPPOSES,
    "><": RelationType.OPPOSES,
}
_INCOMING = {"+>": RelationType.SUPPORTS, "->": RelationType.OPPOSES, "_>": RelationType.OPPOSES}
_UNDERCUTS = frozenset({"_", "<_", "_>"})


def _protect(text: str) -> str:
    """Backslash escapes as private-use characters, so no markup rule sees them."""
    return re.sub(r"\\(.)", lambda m: chr(_ESCAPE_BASE + ord(m[1])) if ord(m[1]) < 0xFFFF else m[1], text)


def _unprotect(text: str) -> str:
    return _PROTECTED.sub(lambda m: chr(ord(m[0]) - _ESCAPE_BASE), text)


def _strip_comments(text: str, where: str) -> str:
    """Comments blanked out (line breaks kept, so lines and columns stay true)."""
    protected = _protect(text)
    links = [(m.start(), m.end()) for m in _LINK.finditer(protected)]

    def blank(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in links):
            return match[0]
        return re.sub(r"[^\n]", " ", match[0])

    cleaned = _COMMENT.sub(blank, protected)
    for opener in ("<!--", "/*"):
        position = cleaned.find(opener)
        if position >= 0:
            line = cleaned.count("\n", 0, position) + 1
            column = position - cleaned.rfind("\n", 0, position)
            raise FormatError(where, f"comment {opener} is never closed", line, column)
    return _backslashed(cleaned)  # the element reader protects escapes again itself


def _backslashed(text: str) -> str:
    """Protected escapes back in their backslash form (for YAML, which reads its own escapes)."""
    return re.sub("[\U000f0000-\U000fffff]", lambda m: "\\" + chr(ord(m[0]) - _ESCAPE_BASE), text)


@dataclass
class _Element:
    """One occurrence of a statement or argument in the text, before its markup is resolved."""

    is_argument: bool
    title: str | None
    defines: bool
    indent: int
    symbol: str | None
    line: int
    column: int
    parts: list[tuple[int, int, str]] = field(default_factory=list)  # (line, column, raw text)


@dataclass
class _Class:
    """A node in the making: an equivalence class of statements, or an argument."""

    key: str
    title: str | None
    is_argument: bool
    line: int
    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    conclusion: str | None = None
    defined_at: int | None = None  # nodes keep the order of their definitions, not their mentions


class _Reader:
    """Reads one Argdown text into classes and edges; :func:`read_argdown` turns them into a map."""

    def __init__(self, text: str, where: str):
        self.where = where
        private = _PRIVATE.search(text)
        if private:
            line = text.count("\n", 0, private.start()) + 1
            column = private.start() - text.rfind("\n", 0, private.start())
            raise FormatError(
                where, "characters of the supplementary private-use planes are not supported", line, column
            )
        original = text.replace("\r\n", "\n").replace("\r", "\n")
        self.lines = _strip_comments(original, where).split("\n")
        # a line that held only a comment is skipped, not read as the empty line ending a block
        self.comment_lines = {
            index
            for index, (before, after) in enumerate(zip(original.split("\n"), self.lines, strict=True))
            if before.strip() and not after.strip()
        }
        self.classes: dict[str, _Class] = {}
        self.edges: list[Edge] = []
        self.warnings: list[str] = []
        self.heading_tag: str | None = None
        self.front: dict[str, Any] = {}
        self.anonymous = 0
        self.related: set[str] = set()

    def fail(self, message: str, line: int, column: int = 1) -> FormatError:
        return FormatError(self.where, message, line, column)

    def read(self) -> None:
        start = self._frontmatter()
        blocks: list[list[int]] = []
        current: list[int] = []
        for index in range(start, len(self.lines)):
            if index in self.comment_lines:
                continue
            if self.lines[index].strip():
                current.append(index)
            elif current:
                blocks.append(current)
                current = []
        if current:
            blocks.append(current)
        previous_argument: str | None = None
        for block in blocks:
            previous_argument = self._block(block, previous_argument)

    def _frontmatter(self) -> int:
        first = next((i for i, line in enumerate(self.lines) if line.strip()), None)
        if first is None or not self.lines[first].strip().startswith("==="):
            return 0
        end = next(
            (i for i in range(first + 1, len(self.lines)) if self.lines[i].strip().startswith("===")), None
        )
        if end is None:
            raise self.fail("the frontmatter opened with === is never closed", first + 1)
        body = "\n".join(self.lines[first + 1 : end])
        try:
            front = yaml.load(body, Loader=_YAML_LOADER) if body.strip() else {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = first + 2 + (mark.line if mark else 0)
            raise self.fail(
                f"frontmatter is not valid YAML: {getattr(exc, 'problem', None) or exc}", line
            ) from None
        if not isinstance(front, dict):
            raise self.fail("frontmatter must be YAML keys and values", first + 2)
        self.front = front
        return end + 1

    def _block(self, block: list[int], previous_argument: str | None) -> str | None:
        """Read one top-level block; returns the argument it defines or names, for a pcs after it."""
        first = self.lines[block[0]]
        number = block[0] + 1
        for index in block:
            include = _INCLUDE.search(self.lines[index])
            if include:
                raise self.fail(
                    "@include is not supported: argmap reads one file (combine the files with argdown first)",
                    index + 1,
                    include.start() + 1,
                )
            for found in _BY_NUMBER.finditer(self.lines[index]):
                if found["hit"]:
                    raise self.fail(
                        f"statement references by number ({found['hit'].lstrip('@')}) are not supported "
                        "(Argdown's own parser does not read them either): name the statement [Title]",
                        index + 1,
                        found.start() + 1,
                    )
        if _PCS_ITEM.match(first):
            self._pcs(block, previous_argument)
            return None
        if _RELATION.match(first):
            raise self.fail(
                "a relation must sit directly under its parent, with no empty line before it", number
            )
        return self._tree(block)

    # -- relation trees ---------------------------------------------------------------------------
    def _tree(self, block: list[int]) -> str | None:
        """A top-level element with the relation tree beneath it (or a heading, a list, prose)."""
        items: list[_Element] = []
        for index in block:
            raw = self.lines[index]
            number = index + 1
            heading = _HEADING.match(raw)
            if heading:  # closes what came before; its text is read when the block's items are
                items.append(_Element(False, None, False, -2, "#", number, 1, [(number, 1, heading["text"])]))
                continue
            if items and items[-1].symbol == "#":
                if not _starts_element(raw):  # a heading runs on to the empty line, as in Argdown
                    items[-1].parts.append((number, 1, raw.strip()))
                    continue
                if _RELATION.match(raw):
                    raise self.fail(
                        "a relation must sit under a statement or argument, not under a heading", number
                    )
            relation = _RELATION.match(raw) if items and items[-1].symbol != "#" else None
            if relation:
                indent = len(relation["indent"].expandtabs(4))
                column = len(relation["indent"]) + len(relation["symbol"]) + 1
                items.append(self._element(relation["rest"], number, column, indent, relation["symbol"]))
                continue
            listed = _LIST_ITEM.match(raw)
            if not items or items[-1].symbol == "#" or listed:
                body, column = (listed["rest"], raw.index(listed["rest"]) + 1) if listed else (raw, 1)
                items.append(self._element(body, number, column, -1, None))
                continue
            items[-1].parts.append((number, 1, raw.strip()))

        stack: list[tuple[int, str | None]] = []
        root: _Element | None = None
        root_key: str | None = None
        for item in items:
            if item.symbol == "#":
                text = re.sub(r"\{.*\}\s*$", "", " ".join(part for _, _, part in item.parts))
                self.heading_tag = tag_slug(_unprotect(_TAG.sub(_tag_word, _protect(text))))
                stack = []
                continue
            key = self._register(item)
            if item.symbol is None:
                stack = [(-1, key)]
                root, root_key = item, key
                continue
            while len(stack) > 1 and stack[-1][0] >= item.indent:
                stack.pop()
            if not stack or stack[-1][0] >= item.indent:
                raise self.fail("this relation is not indented under any statement or argument", item.line)
            self._relate(item, key, stack[-1][1])
            stack.append((item.indent, key))
        if root is not None and root.is_argument and root_key is not None and len(items) == 1:
            return root_key
        return None

    def _relate(self, item: _Element, child: str | None, parent: str | None) -> None:
        if child is None or parent is None or item.symbol is None:
            return
        self.related.update((child, parent))
        if item.symbol in _INCOMING:
            source, target, relation = parent, child, _INCOMING[item.symbol]
        else:
            source, target, relation = child, parent, _OUTGOING[item.symbol]
        if item.symbol in _UNDERCUTS:
            self.classes[source].notes.append(
                f"Undercuts {self._name(target)} in the Argdown source (kept as an attack on it)."
            )
            self.warnings.append(
                f"{self.where}:{item.line}: undercut kept as an attack on {self._name(target)}"
            )
        elif item.symbol == "><":
            self.classes[source].notes.append(f"Contradicts {self._name(target)} in the Argdown source.")
        self.edges.append(Edge(source, target, relation))

    def _name(self, key: str) -> str:
        found = self.classes[key]
        if found.title is None:
            return "an untitled statement"
        return f"<{found.title}>" if found.is_argument else f"[{found.title}]"

    # -- premise-conclusion structures ------------------------------------------------------------
    def _pcs(self, block: list[int], previous_argument: str | None) -> None:
        if previous_argument is None:
            self.anonymous += 1
            previous_argument = f"a:#{self.anonymous}"
            line = block[0] + 1
            self.classes[previous_argument] = _Class(previous_argument, None, True, line)
        argument = previous_argument
        statements: list[tuple[int, str, str | None, bool]] = []  # (number, text, key, after inference)
        listing: list[str] = []
        stack: list[tuple[int, str | None]] = []
        current: _Element | None = None
        after_inference = False
        position = 0
        pending: list[_Element] = []

        def close() -> None:
            nonlocal current
            if current is None:
                return
            key = self._register(current)
            number = int(current.title_number)  # type: ignore[attr-defined]
            text = (
                self.classes[key].texts[-1]
                if key and self.classes[key].texts
                else self._name(key)
                if key
                else ""
            )
            statements.append((number, text, key, current.after_inference))  # type: ignore[attr-defined]
            listing.append(f"({number}) {one_line(text)}")
            stack[:] = [(-1, key)]
            for relation in pending:
                self._relation_under(relation, stack)
            pending.clear()
            current = None

        while position < len(block):
            index = block[position]
            raw = self.lines[index]
            number = index + 1
            item = _PCS_ITEM.match(raw)
            if item:
                close()
                current = self._element(
                    item["rest"], number, raw.index("(") + len(item["number"]) + 3, -1, None
                )
                current.title_number = item["number"]  # type: ignore[attr-defined]
                current.after_inference = after_inference  # type: ignore[attr-defined]
                after_inference = False
                position += 1
                continue
            inline = _INLINE_INFERENCE.match(raw) if not _INFERENCE.match(raw) else None
            if _INFERENCE.match(raw) or inline:
                close()
                position += 1
                rules: list[str] = [inline["rules"].strip()] if inline else []
                if not inline and position < len(block) and not _PCS_ITEM.match(self.lines[block[position]]):
                    while position < len(block) and not _INFERENCE.match(self.lines[block[position]]):
                        rules.append(self.lines[block[position]].strip())
                        position += 1
                    if position >= len(block):
                        raise self.fail("an expanded inference (--) is never closed with another --", number)
                    position += 1
                rule_text = _unprotect(
                    re.sub(r"\{.*\}", "", _protect(" ".join(rules)), flags=re.DOTALL)
                ).strip()
                listing.append("----" + (f" {rule_text}" if rule_text else ""))
                after_inference = True
                stack[:] = [(-1, argument)]
                continue
            relation = _RELATION.match(raw)
            if relation and raw[:1].isspace():
                indent = len(relation["indent"].expandtabs(4))
                column = len(relation["indent"]) + len(relation["symbol"]) + 1
                element = self._element(relation["rest"], number, column, indent, relation["symbol"])
                if current is not None:
                    pending.append(element)
                else:
                    self._relation_under(element, stack)
                position += 1
                continue
            if current is None:
                raise self.fail("expected a numbered statement such as (1) here", number)
            if pending:
                pending[-1].parts.append((number, 1, raw.strip()))
            else:
                current.parts.append((number, 1, raw.strip()))
            position += 1
        close()
        if len(statements) < 2 or not statements[-1][3]:
            raise self.fail(
                "a premise-conclusion structure needs at least two statements and an inference line "
                "(----) before its last one",
                block[0] + 1,
            )
        conclusion_key = statements[-1][2]
        for _, _, key, _ in statements[:-1]:
            if key is not None and key != conclusion_key:
                self.edges.append(Edge(key, argument, RelationType.SUPPORTS))
                self.related.update((key, argument))
        if conclusion_key is not None:
            self.edges.append(Edge(argument, conclusion_key, RelationType.SUPPORTS))
            self.related.update((argument, conclusion_key))
            self.classes[argument].conclusion = statements[-1][1]
        self.classes[argument].notes.append("Premise-conclusion structure:\n" + "\n".join(listing))

    def _relation_under(self, element: _Element, stack: list[tuple[int, str | None]]) -> None:
        key = self._register(element)
        while len(stack) > 1 and stack[-1][0] >= element.indent:
            stack.pop()
        if not stack:
            raise self.fail("this relation is not indented under any statement or argument", element.line)
        self._relate(element, key, stack[-1][1])
        stack.append((element.indent, key))

    # -- elements ---------------------------------------------------------------------------------
    def _element(self, text: str, line: int, column: int, indent: int, symbol: str | None) -> _Element:
        stripped = text.strip()
        for pattern, is_argument, defines in (
            (_STATEMENT_DEF, False, True),
            (_ARGUMENT_DEF, True, True),
            (_STATEMENT_REF, False, False),
            (_ARGUMENT_REF, True, False),
        ):
            match = pattern.match(stripped)
            if match and not _LINK.match(stripped):
                title = one_line(re.sub(r"\\(.)", r"\1", match["title"]))
                rest = stripped[match.end() :]
                return _Element(
                    is_argument,
                    title,
                    defines,
                    indent,
                    symbol,
                    line,
                    column,
                    [(line, column + match.end(), rest)],
                )
        return _Element(False, None, True, indent, symbol, line, column, [(line, column, stripped)])

    def _register(self, element: _Element) -> str | None:
        """Add an element to its class (creating it), and return the class key."""
        text, data, tags = self._inline(element)
        if element.title is None:
            if not text:
                if data:
                    raise self.fail(
                        "data {…} must follow a statement or argument", element.line, element.column
                    )
                return None
            self.anonymous += 1
            key = f"s:#{self.anonymous}"
            self.classes[key] = _Class(key, None, False, element.line)
        else:
            key = ("a:" if element.is_argument else "s:") + element.title
            if key not in self.classes:
                self.classes[key] = _Class(key, element.title, element.is_argument, element.line)
        found = self.classes[key]
        if text:  # text after a reference too: Argdown reads it as part of the same element
            found.texts.append(text)
        if (element.defines or text) and found.defined_at is None:
            found.defined_at = element.line
        for name, value in data.items():
            found.data.setdefault(name, value)
        found.tags.extend(tags)
        if element.defines and self.heading_tag:
            found.tags.append(self.heading_tag)
        return key

    def _inline(self, element: _Element) -> tuple[str, dict[str, Any], list[str]]:
        """An element's text with markup resolved, its {data} and its tags."""
        pieces = [(line, column, _protect(raw)) for line, column, raw in element.parts]
        joined = "\n".join(piece for _, _, piece in pieces)
        data: dict[str, Any] = {}
        opening = joined.find("{")
        if opening >= 0:
            closing = _matching_brace(joined, opening)
            line, column = _locate(pieces, opening)
            if closing is None:
                raise self.fail("data {…} is never closed with }", line, column)
            body = _backslashed(joined[opening : closing + 1])
            data = self._data(body, line, column)
            joined = joined[:opening] + " " + joined[closing + 1 :]
        tags = [slug for m in _TAG.finditer(joined) if (slug := tag_slug(m["long"] or m["short"]))]
        body = one_line(joined)
        while True:  # trailing tags are labels, not words of the text
            trailing = re.search(r"\s*" + _TAG.pattern + r"\s*$", body)
            if not trailing or trailing.start() == 0:
                break
            body = body[: trailing.start()].rstrip()
        body = _TAG.sub(_tag_word, body)
        for _ in range(3):
            body = _EMPHASIS.sub(lambda m: m["inner"], body)
        return one_line(_unprotect(body)), data, tags

    def _data(self, body: str, line: int, column: int) -> dict[str, Any]:
        source = body[1:-1] if body[1:2] == "\n" else body
        try:
            value = yaml.load(source, Loader=_YAML_LOADER)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or "not valid YAML"
            raise self.fail(f"data {{…}} is not valid YAML: {problem}", line, column) from None
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail("data {…} must be YAML keys and values", line, column)
        return {str(k): v for k, v in value.items()}


def _starts_element(raw: str) -> bool:
    """Whether a line begins an element of its own (so cannot continue a heading's text)."""
    if _HEADING.match(raw) or _PCS_ITEM.match(raw) or _LIST_ITEM.match(raw) or _RELATION.match(raw):
        return True
    stripped = raw.strip()
    if _LINK.match(stripped):
        return False
    return any(
        pattern.match(stripped) for pattern in (_STATEMENT_DEF, _ARGUMENT_DEF, _STATEMENT_REF, _ARGUMENT_REF)
    )


def _tag_word(match: re.Match[str]) -> str:
    return match["long"] or match["short"]


def _matching_brace(text: str, opening: int) -> int | None:
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


def _locate(pieces: list[tuple[int, int, str]], offset: int) -> tuple[int, int]:
    for line, column, piece in pieces:
        if offset <= len(piece):
            return line, column + offset
        offset -= len(piece) + 1
    return pieces[-1][0], pieces[-1][1]


# -- from classes to a map ------------------------------------------------------------------------
def read_argdown(text: str, source_name: str = "map.argdown") -> ImportResult:
    """Read an Argdown document into a map (see the module docstring for the mapping).

    Raises FormatError naming the line and column of the first thing that cannot be read.
    """
    reader = _Reader(text, source_name)
    reader.read()
    if not reader.classes:
        raise FormatError(source_name, "no statements or arguments found", 1)
    ordered = sorted(
        reader.classes.values(), key=lambda c: c.defined_at if c.defined_at is not None else c.line
    )
    drafts = [_draft(found, reader, source_name) for found in ordered]
    front = reader.front
    title = _text_field(front, "title") or source_name.rsplit("/", 1)[-1].removesuffix(".argdown")
    result = assemble(
        title,
        drafts,
        reader.edges,
        where=source_name,
        warnings=reader.warnings,
        question=_text_field(front, "question")
        or _text_field(front, "subTitle")
        or _text_field(front, "subtitle"),
        conclusion=_text_field(front, "conclusion"),
        map_tags=[t for t in (front.get("tags") or []) if isinstance(t, str)]
        if isinstance(front.get("tags"), list)
        else None,
    )
    return _with_front(result, front, source_name)


def _text_field(front: dict[str, Any], name: str) -> str | None:
    value = front.get(name)
    return one_line(str(value)) if isinstance(value, (str, int, float)) and str(value).strip() else None


def _with_front(result: ImportResult, front: dict[str, Any], where: str) -> ImportResult:
    """Add the frontmatter's directive and vocabulary when they are valid; warn when not."""
    from argmap.mapfile import map_from_data, map_to_data

    extra: dict[str, Any] = {}
    directive = front.get("directive")
    if directive is not None:
        if directive in {d.value for d in Directive}:
            extra["directive"] = directive
        else:
            result.warnings.append(
                f"{where}: frontmatter directive {directive!r} is not one argmap knows; left out"
            )
    vocabulary = front.get("vocabulary")
    if (
        isinstance(vocabulary, dict)
        and isinstance(vocabulary.get("for"), str)
        and isinstance(vocabulary.get("against"), str)
    ):
        extra["vocabulary"] = {"for": vocabulary["for"], "against": vocabulary["against"]}
    if not extra:
        return result
    data = map_to_data(result.map)
    data.update(extra)
    return ImportResult(map_from_data(dict(data), where), result.warnings)


def _draft(found: _Class, reader: _Reader, where: str) -> Draft:
    texts = list(dict.fromkeys(t for t in found.texts if t))
    if texts:
        text = texts[0]
    elif found.conclusion:
        text = found.conclusion
    else:
        text = found.title or "(untitled)"
    draft = Draft(found.key, text, label=found.title, tags=list(found.tags), notes=list(found.notes))
    if len(texts) > 1:
        draft.notes.insert(0, "Also stated as:\n" + "\n".join(f"- {t}" for t in texts[1:]))
    data = dict(found.data)
    if "kind" in data or "id" in data:  # argmap's own export: the data says what the node is
        kind = data.pop("kind", None)
        try:
            draft.kind = Kind(kind) if kind is not None else None
        except ValueError:
            reader.warnings.append(
                f"{where}:{found.line}: unknown kind {kind!r}; inferred from the relations"
            )
        draft.id_hint = str(data.pop("id")) if "id" in data else None
        draft.label = data.pop("label", None) if isinstance(data.get("label"), str) else None
        data.pop("label", None)
    elif found.key not in reader.related and found.title is None and not found.is_argument:
        draft.kind = Kind.CONTEXT  # prose between the statements
    if isinstance(data.get("basis"), str):
        draft.basis = data.pop("basis")
    score = data.pop("score", None)
    if isinstance(score, (int, float)) and not isinstance(score, bool) and 0 <= score <= 1:
        draft.score = float(score)
    sources = data.pop("sources", None)
    if isinstance(sources, list):
        for source in sources:
            if isinstance(source, str) and source.strip():
                draft.sources.append({"title": source.strip()})
            elif isinstance(source, dict) and isinstance(source.get("title"), str):
                draft.sources.append(
                    {k: str(v) for k, v in source.items() if k in ("title", "publisher", "date", "url") and v}
                )
    if isinstance(data.get("notes"), str):
        draft.notes.append(data.pop("notes"))
    if draft.basis and draft.kind is None:
        draft.basis = None
    if data:
        draft.notes.append(
            "Argdown data: " + json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)
        )
    return draft


# -- writing --------------------------------------------------------------------------------------
_TEXT_SPECIALS = re.compile(r"([\\@#*_\[\]<>{}])|/(?=[/*])")


_SHORTCODE = re.compile(r"(?:\.[^\s]+?\.)|(?::[^\s]+?:)")  # Argdown turns :heart: and .~. into symbols


def _escape(text: str) -> str:
    """Text safe inside an Argdown statement: markup characters escaped, on one line.

    Characters of the supplementary private-use planes, which the reader refuses, become U+FFFD.
    """
    escaped = _TEXT_SPECIALS.sub(lambda m: "\\" + m[0], one_line(_PRIVATE.sub("\ufffd", text)))
    return _SHORTCODE.sub(lambda m: "\\" + m[0], escaped)


def _title(label: str) -> str:
    """A label as an Argdown title: no brackets or braces, and backslashes and comment marks escaped."""
    cleaned = one_line(re.sub(r"[\[\]<>{}]", " ", label)).lstrip("-+_@#! ").rstrip(": ")
    return re.sub(r"\\|/(?=[/*])", lambda m: "\\" + m[0], cleaned) or "statement"


_NOT_YAML_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _json_yaml(value: Any) -> str:
    """JSON that YAML reads back the same: characters YAML may not hold raw are written as escapes."""
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(value, ensure_ascii=False))


def _flow(value: Any) -> str:
    """A YAML flow value that Argdown's data lexer keeps whole (no braces or comment marks inside)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, str):
        quoted = _json_yaml(value)
        return quoted.replace("{", "\\u007b").replace("}", "\\u007d").replace("/", "\\u002f")
    return json.dumps(value)


def write_argdown(argument_map: ArgumentMap) -> str:
    """The map as Argdown text: frontmatter, then each node defined once with its children under it."""
    from argmap.mapfile import map_to_data

    data = map_to_data(argument_map)
    # one JSON value per key: valid YAML, and no line of it can look like the closing ===
    front = [
        f"{key}: " + _json_yaml(value).replace("=", "\\u003d")
        for key, value in data.items()
        if key not in ("schema", "nodes")
    ]
    out = ["===", *front, "===", ""]

    titles: dict[str, str] = {}
    used: set[str] = set()
    for node in argument_map.nodes:
        title = _title(node.display_label)
        if title.lower() in used:
            title = f"{title} ({node.id})"
        used.add(title.lower())
        titles[node.id] = title
    for node, raw in zip(argument_map.nodes, data.get("nodes", []), strict=True):
        record: dict[str, Any] = {"id": node.id, "kind": node.kind.value}
        for key in ("label", "basis", "score", "sources", "notes"):
            if key in raw:
                record[key] = [dict(s) for s in raw[key]] if key == "sources" else raw[key]
        tags = "".join(f" #{tag}" for tag in node.tags)
        out.append(f"[{titles[node.id]}]: {_escape(node.text)}{tags} {_flow(record)}")
        for relation, child in argument_map.children(node.id):
            symbol = "<+" if relation.type is RelationType.SUPPORTS else "<-"
            out.append(f"    {symbol} [{titles[child.id]}]")
        out.append("")
    return "\n".join(out)
