"""The Argdown reader: blocks, relation trees and premise-conclusion structures into a map.

See :mod:`argmap.formats.argdown` for how Argdown's elements map onto argmap's nodes and relations.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from argmap import bounded_yaml
from argmap.formats.argdown.lexer import (
    ARGUMENT_DEF,
    ARGUMENT_REF,
    BY_NUMBER,
    HEADING,
    INCLUDE,
    INFERENCE,
    LINK,
    LIST_ITEM,
    PCS_ITEM,
    PRIVATE,
    RELATION,
    STATEMENT_DEF,
    STATEMENT_REF,
    Element,
    backslashed,
    hashtags,
    inline_inference,
    locate,
    matching_brace,
    protect,
    starts_element,
    strip_comments,
    strip_emphasis,
    tag_words,
    unprotect,
    without_data,
    without_trailing_tags,
)
from argmap.formats.common import Draft, Edge, FormatError, ImportResult, assemble, one_line, tag_slug
from argmap.model import Directive, Kind, RelationType

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
_NUMBER_DIGITS = 9  # (1) … (n): more digits than any argument has statements
_UNDERCUTS = frozenset({"_", "<_", "_>"})


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
        private = PRIVATE.search(text)
        if private:
            line = text.count("\n", 0, private.start()) + 1
            column = private.start() - text.rfind("\n", 0, private.start())
            raise FormatError(
                where, "characters of the supplementary private-use planes are not supported", line, column
            )
        original = text.replace("\r\n", "\n").replace("\r", "\n")
        self.lines = strip_comments(original, where).split("\n")
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
            front = bounded_yaml.load(body) if body.strip() else {}
        except bounded_yaml.YamlError as exc:
            line = first + 1 + (exc.line or 1)
            raise self.fail(f"frontmatter is not valid YAML: {exc.problem}", line) from None
        if not isinstance(front, dict):
            raise self.fail("frontmatter must be YAML keys and values", first + 2)
        self.front = front
        return end + 1

    def _block(self, block: list[int], previous_argument: str | None) -> str | None:
        """Read one top-level block; returns the argument it defines or names, for a pcs after it."""
        first = self.lines[block[0]]
        number = block[0] + 1
        for index in block:
            include = INCLUDE.search(self.lines[index])
            if include:
                raise self.fail(
                    "@include is not supported: argmap reads one file (combine the files with argdown first)",
                    index + 1,
                    include.start() + 1,
                )
            for found in BY_NUMBER.finditer(self.lines[index]):
                if found["hit"]:
                    raise self.fail(
                        f"statement references by number ({found['hit'].lstrip('@')}) are not supported "
                        "(Argdown's own parser does not read them either): name the statement [Title]",
                        index + 1,
                        found.start() + 1,
                    )
        if PCS_ITEM.match(first):
            self._pcs(block, previous_argument)
            return None
        if RELATION.match(first):
            raise self.fail(
                "a relation must sit directly under its parent, with no empty line before it", number
            )
        return self._tree(block)

    # -- relation trees ---------------------------------------------------------------------------
    def _tree(self, block: list[int]) -> str | None:
        """A top-level element with the relation tree beneath it (or a heading, a list, prose)."""
        items: list[Element] = []
        for index in block:
            raw = self.lines[index]
            number = index + 1
            heading = HEADING.match(raw)
            if heading:  # closes what came before; its text is read when the block's items are
                items.append(Element(False, None, False, -2, "#", number, 1, [(number, 1, heading["text"])]))
                continue
            if items and items[-1].symbol == "#":
                if not starts_element(raw):  # a heading runs on to the empty line, as in Argdown
                    items[-1].parts.append((number, 1, raw.strip()))
                    continue
                if RELATION.match(raw):
                    raise self.fail(
                        "a relation must sit under a statement or argument, not under a heading", number
                    )
            relation = RELATION.match(raw) if items and items[-1].symbol != "#" else None
            if relation:
                indent = len(relation["indent"].expandtabs(4))
                column = len(relation["indent"]) + len(relation["symbol"]) + 1
                items.append(self._element(relation["rest"], number, column, indent, relation["symbol"]))
                continue
            listed = LIST_ITEM.match(raw)
            if not items or items[-1].symbol == "#" or listed:
                body, column = (listed["rest"], raw.index(listed["rest"]) + 1) if listed else (raw, 1)
                items.append(self._element(body, number, column, -1, None))
                continue
            items[-1].parts.append((number, 1, raw.strip()))

        stack: list[tuple[int, str | None]] = []
        root: Element | None = None
        root_key: str | None = None
        for item in items:
            if item.symbol == "#":
                text = without_data(" ".join(part for _, _, part in item.parts), to_end_of_text=True)
                self.heading_tag = tag_slug(unprotect(tag_words(protect(text))))
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

    def _relate(self, item: Element, child: str | None, parent: str | None) -> None:
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
        current: Element | None = None
        after_inference = False
        position = 0
        pending: list[Element] = []

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
            item = PCS_ITEM.match(raw)
            if item:
                if len(item["number"]) > _NUMBER_DIGITS:
                    column = raw.index("(") + 2
                    raise self.fail(
                        f"a statement number of more than {_NUMBER_DIGITS} digits", number, column
                    )
                close()
                current = self._element(
                    item["rest"], number, raw.index("(") + len(item["number"]) + 3, -1, None
                )
                current.title_number = item["number"]  # type: ignore[attr-defined]
                current.after_inference = after_inference  # type: ignore[attr-defined]
                after_inference = False
                position += 1
                continue
            inline = inline_inference(raw) if not INFERENCE.match(raw) else None
            if INFERENCE.match(raw) or inline is not None:
                close()
                position += 1
                rules: list[str] = [inline.strip()] if inline is not None else []
                if (
                    inline is None
                    and position < len(block)
                    and not PCS_ITEM.match(self.lines[block[position]])
                ):
                    while position < len(block) and not INFERENCE.match(self.lines[block[position]]):
                        rules.append(self.lines[block[position]].strip())
                        position += 1
                    if position >= len(block):
                        raise self.fail("an expanded inference (--) is never closed with another --", number)
                    position += 1
                rule_text = unprotect(without_data(protect(" ".join(rules)), to_end_of_text=False)).strip()
                listing.append("----" + (f" {rule_text}" if rule_text else ""))
                after_inference = True
                stack[:] = [(-1, argument)]
                continue
            relation = RELATION.match(raw)
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

    def _relation_under(self, element: Element, stack: list[tuple[int, str | None]]) -> None:
        key = self._register(element)
        while len(stack) > 1 and stack[-1][0] >= element.indent:
            stack.pop()
        if not stack:
            raise self.fail("this relation is not indented under any statement or argument", element.line)
        self._relate(element, key, stack[-1][1])
        stack.append((element.indent, key))

    # -- elements ---------------------------------------------------------------------------------
    def _element(self, text: str, line: int, column: int, indent: int, symbol: str | None) -> Element:
        stripped = text.strip()
        for pattern, is_argument, defines in (
            (STATEMENT_DEF, False, True),
            (ARGUMENT_DEF, True, True),
            (STATEMENT_REF, False, False),
            (ARGUMENT_REF, True, False),
        ):
            match = pattern.match(stripped)
            if match and not LINK.match(stripped):
                title = one_line(re.sub(r"\\(.)", r"\1", match["title"]))
                rest = stripped[match.end() :]
                return Element(
                    is_argument,
                    title,
                    defines,
                    indent,
                    symbol,
                    line,
                    column,
                    [(line, column + match.end(), rest)],
                )
        return Element(False, None, True, indent, symbol, line, column, [(line, column, stripped)])

    def _register(self, element: Element) -> str | None:
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

    def _inline(self, element: Element) -> tuple[str, dict[str, Any], list[str]]:
        """An element's text with markup resolved, its {data} and its tags."""
        pieces = [(line, column, protect(raw)) for line, column, raw in element.parts]
        joined = "\n".join(piece for _, _, piece in pieces)
        data: dict[str, Any] = {}
        opening = joined.find("{")
        if opening >= 0:
            closing = matching_brace(joined, opening)
            line, column = locate(pieces, opening)
            if closing is None:
                raise self.fail("data {…} is never closed with }", line, column)
            body = backslashed(joined[opening : closing + 1])
            data = self._data(body, line, column)
            joined = joined[:opening] + " " + joined[closing + 1 :]
        tags = [slug for tag in hashtags(joined) if (slug := tag_slug(tag.word))]
        body = one_line(joined)
        marks = hashtags(body)
        body = without_trailing_tags(body, marks)  # trailing tags are labels, not words of the text
        body = tag_words(body, [tag for tag in marks if tag.end <= len(body)])
        for _ in range(3):
            body = strip_emphasis(body)
        return one_line(unprotect(body)), data, tags

    def _data(self, body: str, line: int, column: int) -> dict[str, Any]:
        source = body[1:-1] if body[1:2] == "\n" else body
        try:
            value = bounded_yaml.load(source)
        except bounded_yaml.YamlError as exc:
            raise self.fail(f"data {{…}} is not valid YAML: {exc.problem}", line, column) from None
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail("data {…} must be YAML keys and values", line, column)
        return {str(k): v for k, v in value.items()}


# -- from classes to a map ------------------------------------------------------------------------
def read_argdown(text: str, source_name: str = "map.argdown") -> ImportResult:
    """Read an Argdown document into a map (see the module docstring for the mapping).

    Raises FormatError naming the line and column of the first thing that cannot be read.
    """
    reader = _Reader(text, source_name)
    reader.read()
    if not reader.classes:
        if not _text_field(reader.front, "title"):
            raise FormatError(source_name, "no statements or arguments found", 1)
        # a titled map with no nodes yet, as argmap writes one
        reader.warnings.append(f"{source_name}: no statements or arguments found; the map has no nodes")
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
        if isinstance(directive, str) and directive in {d.value for d in Directive}:
            extra["directive"] = directive
        else:
            result.warnings.append(
                f"{where}: frontmatter directive {one_line(str(directive))[:80]!r} is not one argmap knows; left out"
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
