"""The Argdown writer: a map as Argdown text that :func:`read_argdown` reads back to the same map."""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.formats.argdown.lexer import PRIVATE
from argmap.formats.common import one_line
from argmap.graph import MapGraph
from argmap.model import ArgumentMap, RelationType

_TEXT_SPECIALS = re.compile(r"([\\@#*_\[\]<>{}])|/(?=[/*])")


_SHORTCODE = re.compile(r"(?:\.[^\s]+?\.)|(?::[^\s]+?:)")  # Argdown turns :heart: and .~. into symbols


def _escape(text: str) -> str:
    """Text safe inside an Argdown statement: markup characters escaped, on one line.

    Characters of the supplementary private-use planes, which the reader refuses, become U+FFFD.
    """
    escaped = _TEXT_SPECIALS.sub(lambda m: "\\" + m[0], one_line(PRIVATE.sub("\ufffd", text)))
    return _SHORTCODE.sub(lambda m: "\\" + m[0], escaped)


def _title(label: str) -> str:
    """A label as an Argdown title: no brackets or braces, and backslashes and comment marks escaped."""
    # the reader refuses the supplementary private-use planes raw; the label rides in the data too
    cleaned = (
        one_line(re.sub(r"[\[\]<>{}]", " ", PRIVATE.sub("\ufffd", label))).lstrip("-+_@#! ").rstrip(": ")
    )
    return re.sub(r"\\|/(?=[/*])", lambda m: "\\" + m[0], cleaned) or "statement"


_NOT_YAML_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _json_yaml(value: Any) -> str:
    """JSON that YAML reads back the same: characters YAML may not hold raw are written as escapes,
    and so are those of the supplementary private-use planes, which the reader refuses raw."""
    text = _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(value, ensure_ascii=False))
    return PRIVATE.sub(lambda m: f"\\U{ord(m[0]):08x}", text)


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
    graph = MapGraph.of(argument_map)  # each node's children once, not a pass over the map per node
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
        for child, relation in graph.children[node.id]:
            symbol = "<+" if relation is RelationType.SUPPORTS else "<-"
            out.append(f"    {symbol} [{titles[child]}]")
        out.append("")
    return "\n".join(out)
