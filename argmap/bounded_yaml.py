"""YAML read with limits: the one place where user YAML (map files, Argdown frontmatter and data) is parsed.

Plain PyYAML trusts its input in ways a hostile upload can exploit; each limit here answers one:

- **Nesting.** libyaml's composer (the C one that makes loading fast) recurses once per level and
  overflows the C stack on ``[[[…]]]`` 25,000 deep: the process dies (exit 139). So the depth is
  measured before any composer sees the text (:func:`may_nest_too_deep`, a cheap upper bound, and
  only when that is high the exact depth from libyaml's event stream, which does not recurse and
  stops at the first level too deep).
- **Aliases and merge keys.** An alias shares a node, so nine lines of aliases ("billion laughs")
  stand for 10⁹ values, and a chain of ``<<`` merge keys makes PyYAML copy exponentially. The
  composed document's size with every alias expanded is counted (once per node, iteratively) and
  refused above :data:`ALIAS_BUDGET` values more than the text itself holds; a recursive alias is refused.
- **Explicit tags with bad values** (``!!bool maybe``, ``!!int ''``, ``!!float x``,
  ``!!timestamp x``) make PyYAML's constructors raise KeyError, IndexError, ValueError or
  AttributeError; they are checked against YAML's own patterns first and refused with their line.
- **Integers of more than 4,300 digits** cannot be turned into Python ints (a ValueError since
  Python 3.11); refused with their line.

Speed: a PyYAML loader costs about 70 µs to set up and run even on ``{id: "a", kind: "claim"}``,
and an Argdown file written by argmap holds one such ``{…}`` per node (14,777 nodes took a second
on that alone). A flow collection in the subset where YAML and JSON read the same (word keys
that YAML does not read as booleans or null, double-quoted strings of characters YAML prints, with
JSON's escapes, decimal numbers; see :func:`json_like`) is read by Python's ``json`` instead; any
other text goes to PyYAML as before.

Every refusal is a :class:`YamlError` with a one-line problem and the 1-based line in the text;
callers add the file name (and an offset when the YAML sits inside another file).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import yaml

from argmap.errors import ArgmapError

#: Deepest nesting of lists and mappings read; a map file needs 4.
MAX_DEPTH = 64
#: Values that aliases (and merge keys) may add on top of those written out in the text.
ALIAS_BUDGET = 10_000
#: Python's own limit on the digits of an int made from text (``sys.get_int_max_str_digits``).
MAX_INT_DIGITS = 4300

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_MERGE = _TAG + "merge"


class Unusual(Exception):
    """Raised by a ``build`` function of :func:`load` at a node it leaves to PyYAML (an alias, a tag)."""


class YamlError(ArgmapError):
    """YAML text that cannot be read within the limits; ``line`` is 1-based in the text, when known."""

    def __init__(self, problem: str, line: int | None = None):
        self.problem, self.line = problem, line
        super().__init__(f"line {line}: {problem}" if line else problem)


# Scalars whose constructor parses the text (and raises KeyError, ValueError … on a bad value).
_TYPED = frozenset(_TAG + name for name in ("bool", "int", "float", "null", "timestamp", "binary"))
_MAX_INT_BITS = int(MAX_INT_DIGITS * 3.3219280948873626)  # log2(10)
_BRACKETS = re.compile(r"[^\[\]{}]+")
_COMPACT = 16  # block indicators on one line before the exact depth is measured: "- - - x" nests 3 deep
_COMPACT_RUN = re.compile(rf"(?:(?:[-?:]|[&!][^ \t\n]*+)[ \t]++){{{_COMPACT}}}")


#: The pieces of a flow collection that YAML and JSON read the same way: brackets and commas; a
#: word key and its ": " (not one YAML reads as a boolean or null); a double-quoted string of
#: characters YAML may hold raw (no line breaks: YAML folds U+0085, U+2028 and U+2029 inside quotes;
#: no byte-order mark) or JSON's escapes, which YAML reads alike (no lone surrogates); a decimal
#: number with at most 17 digits on either side of its point.
_JSON_LIKE_TOKEN = re.compile(
    r" *+(?:([\[\]{},])|([A-Za-z][A-Za-z0-9_]*+): "
    r'|("(?:[\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]'
    r'|\\["\\/bfnrt]|\\u(?:[0-9a-cA-CefEF][0-9a-fA-F]{3}|[dD][0-7][0-9a-fA-F]{2}))*+")'
    r"|(-?(?:0|[1-9][0-9]{0,16})(?:\.[0-9]{1,17})?(?![0-9.])))"
)
_NOT_WORD_KEYS = frozenset({"yes", "no", "true", "false", "on", "off", "null"})


def json_like(text: str) -> Any:
    """The value of ``text`` if it is a flow mapping or sequence in the subset where YAML and JSON
    read the same (see :data:`_JSON_LIKE_TOKEN`), nesting no deeper than :data:`MAX_DEPTH`; else
    None, and the text is for PyYAML. Linear time."""
    stripped = text.strip(" \n")
    if not stripped.startswith(("{", "[")):
        return None
    pieces: list[str] = []
    position = depth = 0
    while position < len(stripped):
        token = _JSON_LIKE_TOKEN.match(stripped, position)
        if token is None:
            return None
        bracket, key, string, number = token.groups()
        if key is not None:
            if key.lower() in _NOT_WORD_KEYS:
                return None
            pieces.append(f'"{key}": ')
        elif bracket is not None:
            depth += 1 if bracket in "[{" else -1 if bracket in "]}" else 0
            if depth > MAX_DEPTH:
                return None
            pieces.append(bracket)
        else:
            pieces.append(string if string is not None else number)
        position = token.end()
    try:
        return json.loads("".join(pieces))
    except ValueError:  # brackets, commas or keys out of place: PyYAML says what is wrong and where
        return None


def may_nest_too_deep(text: str) -> bool:
    """False when YAML ``text`` certainly nests no deeper than :data:`MAX_DEPTH`; linear time.

    Flow collections nest at most as deep as the brackets do (brackets in quoted text only raise
    the estimate); block collections at most one level per column of indentation plus one per
    indicator (``-``, ``?``, ``:``) in a run on one line. True only says: measure exactly.
    """
    depth = deepest = 0
    for bracket in _BRACKETS.sub("", text):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return True
        elif depth:
            depth -= 1
    spare = MAX_DEPTH - deepest - _COMPACT - 1
    if spare < 0 or re.search(rf"^[ \t]{{{spare + 1}}}", text, re.MULTILINE):
        return True
    return _COMPACT_RUN.search(text) is not None


def too_deep_at(text: str) -> int | None:
    """The line where YAML ``text`` first nests deeper than :data:`MAX_DEPTH`, or None if it never does.

    Reads libyaml's event stream, which keeps its state on a heap stack rather than recursing.
    Raises yaml.YAMLError for text that is not YAML.
    """
    depth = 0
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return int(event.start_mark.line) + 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def load(
    text: str,
    loader_class: type = SafeLoader,
    build: Callable[[yaml.Node, Any], Any] | None = None,
) -> Any:
    """The value of one YAML document, read within the limits above.

    ``loader_class`` is a PyYAML loader (the map file's own, with its stricter booleans). ``build``,
    when given, is a faster way to turn the composed root node into the value, for documents
    without aliases: it builds typed scalars with :func:`typed_scalar` and raises :class:`Unusual`
    at anything else, and then the loader's constructor builds the value after :func:`check_node`.
    Exceptions ``build`` raises on purpose pass through. Raises YamlError for anything else wrong.
    """
    if loader_class is SafeLoader:
        value = json_like(text)
        if value is not None:
            return value
    _check_depth(text)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if build is not None:
            try:
                return build(node, loader)
            except Unusual:
                pass
        check_node(node, loader)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text) from None
    except (
        KeyError,
        IndexError,
        ValueError,
        AttributeError,
        TypeError,
        OverflowError,
        RecursionError,
    ) as exc:
        # check_node refuses every case known to reach here; this keeps a missed one to one line
        raise YamlError(f"a value cannot be read ({type(exc).__name__})") from None
    finally:
        loader.dispose()


def compose(text: str, loader_class: type = SafeLoader) -> yaml.Node | None:
    """The composed node graph of one YAML document (with its marks: lines and columns), read
    within the limits above; None for an empty document. Raises YamlError."""
    _check_depth(text)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            check_node(node, loader)
        return node
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text) from None
    finally:
        loader.dispose()


def _yaml_error(exc: yaml.YAMLError, text: str) -> YamlError:
    """PyYAML's error in one line, with its line where it knows it (a ReaderError knows only its
    position, which is counted into a line here)."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return YamlError(exc.problem or exc.context or "not valid YAML", mark.line + 1 if mark else None)
    if isinstance(exc, yaml.reader.ReaderError):
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return YamlError(
            f"the character U+{code:04X} is not allowed in YAML", text.count("\n", 0, exc.position) + 1
        )
    return YamlError(" ".join(str(exc).split()) or "not valid YAML")


def _check_depth(text: str) -> None:
    if not may_nest_too_deep(text):
        return
    try:
        line = too_deep_at(text)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text) from None
    if line is not None:
        raise YamlError(f"lists and mappings nested more than {MAX_DEPTH} deep", line)


def check_node(root: yaml.Node, loader: Any) -> None:
    """Refuse recursive aliases, alias expansion over the budget and scalars no constructor reads.

    Walks the composed graph iteratively, each node once: a node's expanded size is one plus its
    children's, with aliases (shared nodes) counted every time they are used.
    """
    size: dict[int, int] = {}
    written = 0  # nodes as the text writes them (each counted once)
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            if size[key] > written + ALIAS_BUDGET:
                raise YamlError(
                    f"aliases expand to more than {ALIAS_BUDGET:,} values; write the values out instead",
                    node.start_mark.line + 1,
                )
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise YamlError("an alias refers to the list or mapping it is in", node.start_mark.line + 1)
        written += 1
        if isinstance(node, yaml.ScalarNode):
            if node.tag in _TYPED:
                typed_scalar(node, loader)
            size[key] = 1
            continue
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def typed_scalar(node: yaml.ScalarNode, loader: Any) -> Any:
    """The value of a scalar node, built here so that a value its constructor cannot take (a bad
    ``!!int``, a date that does not exist, too many digits) is a YamlError with its line."""
    if node.tag not in _TYPED:
        return loader.construct_object(node)
    line = node.start_mark.line + 1
    name = node.tag.removeprefix(_TAG)
    if node.tag == _TAG + "int" and sum(char.isdigit() for char in node.value) > MAX_INT_DIGITS:
        raise YamlError(f"a number of more than {MAX_INT_DIGITS:,} digits", line)
    try:
        value = loader.construct_object(node)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError, OverflowError):
        shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        raise YamlError(f"{shown!r} is not a valid {name}", line) from None
    if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:  # 0x…, 1:2:3 … of that size
        raise YamlError(f"a number of more than {MAX_INT_DIGITS:,} digits", line)
    return value
