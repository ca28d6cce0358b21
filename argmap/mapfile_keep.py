"""Saving over a hand-edited map file: its comments, and the exact text of what did not change, are kept.

People write map files by hand and comment them (``# from the 2023 ORF report``, a commented-out
claim kept for later). A save from the app used to write the canonical form (:func:`dump_map`),
dropping every comment. Here the new map is written *over the old text* instead:

- the file is composed by the same bounded reader that loads maps (:func:`argmap.bounded_yaml.compose`:
  depth, alias and tag limits), which gives the line of every key and every node;
- a top-level key or a node whose canonical data did not change keeps its lines byte for byte,
  with the comments above, beside and below it; a changed node keeps the lines of its unchanged
  fields and gets the canonical text of the changed ones; a new node or key gets the canonical
  text, indented as its neighbours are; a deleted node goes with the comments
  inside it, and those above it (a section heading) stay above the node that follows;
- the result is read back, and it must give exactly the new map; otherwise (a flow-style file, a
  layout this does not follow) the canonical form is written, so a save never loses data.

A file without comments is written in the canonical form, as before; so is a new file. The cost
is one compose and one read of the file at each save of a commented map (``benchmarks/bench_comments.py``).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from argmap import bounded_yaml
from argmap.errors import ArgmapError
from argmap.mapfile import (
    MapLoader,
    _DuplicateKey,
    _MapDumper,
    _plain,
    dump_map,
    map_from_data,
    map_to_data,
    parse_map,
)
from argmap.model import ArgumentMap

#: A ``#`` that can start a comment: at a line's start or after a space or tab. (A ``#`` inside
#: quoted text after a space also matches; such a file only takes the slower, equally safe path.)
_COMMENT = re.compile(r"(?:^|[ \t])#", re.MULTILINE)
_BLANK_OR_COMMENT = re.compile(r"[ \t]*(?:#.*)?\r?\n?")


class _CannotKeep(Exception):
    """The old text is laid out in a way the splice does not follow; write the canonical form."""


def has_comments(text: str) -> bool:
    """Whether YAML ``text`` may hold a comment (cheap; a False is certain)."""
    return _COMMENT.search(text) is not None


def dump_map_over(old_text: str | None, argument_map: ArgumentMap) -> str:
    """The map as the text of a file that held ``old_text`` (None: a new file).

    Comments and the text of unchanged keys and nodes of ``old_text`` are kept (see the module's
    docstring); without comments, or when the old text cannot be followed, the canonical form.
    Never raises for a bad ``old_text``: the canonical form is the answer then.
    """
    if old_text is None or not has_comments(old_text):
        return dump_map(argument_map)
    try:
        kept = _splice(old_text, argument_map)
        if parse_map(kept) == argument_map:
            return kept
    except (_CannotKeep, ArgmapError):
        pass
    return dump_map(argument_map)


# -- the splice ----------------------------------------------------------------------------------


def _splice(old_text: str, new_map: ArgumentMap) -> str:
    root = bounded_yaml.compose(old_text, MapLoader)
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise _CannotKeep
    lines = old_text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    old = map_to_data(_map_of(root, old_text))
    new = map_to_data(new_map)
    entries = _entries(lines, root.value, len(lines))
    if not entries:
        raise _CannotKeep
    column = entries[0].column
    out = ["".join(lines[: entries[0].start])]  # what precedes the first key: comments, "---"
    in_file = {entry.key for entry in entries}
    missing = [key for key in new if key not in in_file and old.get(key) != new.get(key)]
    for entry in entries:
        key = entry.key
        if key == "nodes":  # keys the file lacks go before the nodes, as in the canonical order
            out.extend(_canonical({name: new[name]}, column) for name in missing)
            missing = []
        if old.get(key) == new.get(key):
            out.append(entry.text(lines))
        elif key not in new:
            out.append(entry.comments(lines))  # the key is gone; what was written above it stays
        elif key == "nodes":
            out.append(_nodes(lines, entry, old["nodes"], new["nodes"]))
        else:
            out.append(entry.comments(lines) + _canonical({key: new[key]}, entry.column) + entry.rest(lines))
    out.extend(_canonical({name: new[name]}, column) for name in missing)
    return "".join(out)


def _map_of(root: yaml.MappingNode, text: str) -> ArgumentMap:
    """The map the composed ``root`` of ``text`` holds, built from the nodes already composed."""
    loader = MapLoader("")  # only its constructors are used, for numbers and booleans
    try:
        data = _plain(root, loader, set())
    except (bounded_yaml.Unusual, _DuplicateKey):
        raise _CannotKeep from None  # aliases, tags: the canonical form is written
    finally:
        loader.dispose()
    return map_from_data(data, "<text>", text)


class _Entry:
    """One key of a block mapping (or one item of a block sequence) and the lines it holds.

    ``start`` is its first line (comments written just above it included); ``first`` the line of
    its key; ``end`` one past its last line (comments below it that precede the next entry are
    that entry's). ``column`` is where its key starts."""

    def __init__(self, key: Any, start: int, first: int, end: int, column: int, node: yaml.Node):
        self.key, self.start, self.first, self.end, self.column, self.node = (
            key,
            start,
            first,
            end,
            column,
            node,
        )

    def text(self, lines: list[str]) -> str:
        return "".join(lines[self.start : self.end])

    def comments(self, lines: list[str]) -> str:
        """The comment lines written above the entry."""
        return "".join(lines[self.start : self.first])

    def rest(self, lines: list[str]) -> str:
        """The comment lines after the entry's content (before the next entry's own comments)."""
        last = _content_end(self.node)
        return "".join(line for line in lines[last : self.end] if line.strip())


def _entries(lines: list[str], pairs: list[Any], total: int) -> list[_Entry]:
    """The entries of a block mapping's (key, value) pairs, each with the lines that are its."""
    firsts = [key.start_mark.line for key, _ in pairs]
    found: list[_Entry] = []
    for index, (key_node, value_node) in enumerate(pairs):
        if not isinstance(key_node, yaml.ScalarNode):
            raise _CannotKeep
        first = firsts[index]
        start = first
        if index > 0:
            previous_end = _content_end(pairs[index - 1][1])
            while start > previous_end and _BLANK_OR_COMMENT.fullmatch(lines[start - 1]):
                start -= 1
        if index > 0 and firsts[index - 1] >= first:
            raise _CannotKeep  # two keys on one line
        found.append(_Entry(key_node.value, start, first, total, key_node.start_mark.column, value_node))
        if index > 0:
            found[index - 1].end = start
    return found


def _content_end(node: yaml.Node) -> int:
    """One past the last line that holds the node's text (not the comments after it)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    mark = node.end_mark
    return mark.line if mark.column == 0 else mark.line + 1


def _nodes(lines: list[str], entry: _Entry, old_nodes: list[dict], new_nodes: list[dict]) -> str:
    """The ``nodes:`` key written over its old text, node by node (matched by id)."""
    sequence = entry.node
    if not isinstance(sequence, yaml.SequenceNode) or sequence.flow_style or not sequence.value:
        raise _CannotKeep
    items = _items(lines, sequence, entry.end)
    by_id: dict[str, tuple[_Entry, dict]] = {}
    for item, data in zip(items, old_nodes, strict=True):
        by_id[str(data["id"])] = (item, data)
    kept_ids = {str(data["id"]) for data in new_nodes}
    # The comments above a deleted node (a section heading, say) go above the next node kept.
    above: dict[str, str] = {}
    pending = ""
    for node_id, (item, _) in by_id.items():
        if node_id in kept_ids:
            above[node_id], pending = pending, ""
        else:
            pending += item.comments(lines) + item.rest(lines)
    dash = items[0].column
    out = [entry.comments(lines), "".join(lines[entry.first : items[0].start])]
    for data in new_nodes:
        found = by_id.get(str(data["id"]))
        if found is None:
            out.append(_canonical([data], dash))
            continue
        item, old_data = found
        out.append(above.get(str(data["id"]), ""))
        out.append(item.text(lines) if old_data == data else _node(lines, item, old_data, data))
    out.append(pending)
    return "".join(out)


def _items(lines: list[str], sequence: yaml.SequenceNode, end: int) -> list[_Entry]:
    """The items of a block sequence as entries: ``first`` is the line of the item's dash."""
    found: list[_Entry] = []
    for index, node in enumerate(sequence.value):
        if not isinstance(node, yaml.MappingNode) or node.flow_style or not node.value:
            raise _CannotKeep
        first, column = node.start_mark.line, node.start_mark.column
        dash = lines[first][:column].rstrip()
        if not dash.endswith("-") or dash[:-1].strip():
            raise _CannotKeep  # "-" alone on its line, or two items on one
        start = first
        if index > 0:
            previous_end = _content_end(sequence.value[index - 1])
            while start > previous_end and _BLANK_OR_COMMENT.fullmatch(lines[start - 1]):
                start -= 1
            found[index - 1].end = start
        found.append(_Entry(None, start, first, end, len(dash) - 1, node))
    return found


def _node(lines: list[str], item: _Entry, old: dict, new: dict) -> str:
    """A changed node over its old text: unchanged fields keep their lines, changed ones are
    canonical, new ones follow the last field."""
    mapping = item.node
    assert isinstance(mapping, yaml.MappingNode)
    fields = _entries(lines, mapping.value, item.end)
    prefix = lines[item.first][: fields[0].column]  # "- " or "  - ": kept on the first field
    out = [item.comments(lines)]
    written: set[str] = set()
    for index, field in enumerate(fields):
        key = field.key
        written.add(key)
        lead = prefix if index == 0 else None
        if old.get(key) == new.get(key):
            out.append(field.text(lines))
        elif key not in new:
            out.append(field.comments(lines))
            if lead is not None:
                raise _CannotKeep  # the dash would go with it
        else:
            text = _canonical({key: new[key]}, field.column)
            if lead is not None:
                text = lead + text[field.column :]
            out.append(field.comments(lines) + text + field.rest(lines))
    for key, value in new.items():
        if key not in written:
            out.append(_canonical({key: value}, fields[0].column))
    return "".join(out)


def _canonical(data: Any, indent: int) -> str:
    """``data`` (a one-key mapping or a one-item list) in the canonical form, every line indented
    by ``indent`` spaces."""
    text = yaml.dump(
        data,
        Dumper=_MapDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1 << 16,
        indent=2,
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


__all__ = ["dump_map_over", "has_comments"]
