"""The map file format: YAML text to :class:`ArgumentMap` and back, with errors that name the line.

Reading is safe (no Python objects) and stricter than plain YAML 1.1 in two ways that matter for
hand-written maps: only ``true``/``false`` are booleans (so a label "No" or "Yes" stays text), and
dates stay text (``date: 2014-12-11`` is a string, not a ``datetime.date``). Duplicate keys are an
error instead of silently keeping the last one.

Writing is canonical: keys in a fixed order, empty and unset fields left out, lists of ids and tags
in flow style, multi-line text as literal blocks, no line folding. So loading a canonical file and
writing it again gives the same bytes, and a diff of two saves shows only what changed.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml
from pydantic import ValidationError

from argmap import bounded_yaml
from argmap.errors import Located, MapFileError
from argmap.model import ArgumentMap, MapRuleError, Node

_BaseLoader: type = bounded_yaml.SafeLoader
_BaseDumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

NODE_KEYS = (
    "id",
    "kind",
    "supports",
    "opposes",
    "label",
    "text",
    "tags",
    "basis",
    "sources",
    "score",
    "priority",
    "notes",
)
MAP_KEYS = (
    "schema",
    "title",
    "question",
    "directive",
    "tags",
    "vocabulary",
    "conclusion",
    "aliases",
    "nodes",
)
SOURCE_KEYS = ("title", "publisher", "date", "url")
VOCABULARY_KEYS = ("for", "against")


class MapLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader: booleans only true/false, no timestamps, duplicate keys refused."""


MapLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    MapLoader.yaml_implicit_resolvers.setdefault(_first, []).append(
        ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )


class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int):
        self.key, self.line = key, line


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[object] = set()
    for key_node, _ in node.value:
        if key_node.tag == _MERGE:  # "<<: *defaults": PyYAML merges it below; its keys may be overridden
            continue
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
            ) from None
        if key in seen:
            raise _DuplicateKey(key, key_node.start_mark.line + 1)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_MERGE = "tag:yaml.org,2002:merge"
MapLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_PLAIN_SCALARS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null"))


def load_yaml(text: str) -> Any:
    """``yaml.load(text, Loader=MapLoader)`` within :mod:`argmap.bounded_yaml`'s limits, and about
    twice as fast on the maps people write.

    PyYAML's constructor spends as long turning nodes into Python objects as libyaml spends
    parsing; a map file is only mappings, lists, strings and a few numbers, so those are built
    here directly (the same objects, duplicate keys refused the same way) and anything else goes
    back to PyYAML. Raises YamlError (or _DuplicateKey) for text that cannot be read.
    """
    return bounded_yaml.load(text, MapLoader, lambda node, loader: _plain(node, loader, set()))


def _plain(node: yaml.Node, loader: Any, seen: set[int]) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value
        if node.tag in _PLAIN_SCALARS:
            return bounded_yaml.typed_scalar(node, loader)
        raise bounded_yaml.Unusual  # a set, a custom tag: PyYAML's constructor reads (or refuses) it
    if id(node) in seen:  # an alias: shared (or recursive) data is PyYAML's to build
        raise bounded_yaml.Unusual
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [_plain(item, loader, seen) for item in node.value]
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _plain(key_node, loader, seen)
            if isinstance(key, (list, dict)):
                raise bounded_yaml.Unusual  # unhashable: PyYAML says so
            if key in mapping:
                raise _DuplicateKey(key, key_node.start_mark.line + 1)
            mapping[key] = _plain(value_node, loader, seen)
        return mapping
    raise bounded_yaml.Unusual


class _FlowList(list):
    """A list written on one line: ``[a, b]``."""


class _MapDumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Canonical writer: the representers below choose literal blocks and flow lists."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if "\n" in text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


def _represent_flow(dumper: yaml.SafeDumper, items: _FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True)


_MapDumper.add_representer(str, _represent_str)
_MapDumper.add_representer(_FlowList, _represent_flow)


def _clean(text: str) -> str:
    # Literal blocks cannot keep trailing spaces on lines or a trailing newline faithfully
    # in every case; strip them so a save never changes what the next load sees.
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def map_to_data(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map as plain data in canonical key order, without empty or unset fields."""
    raw = argument_map.model_dump(mode="json", by_alias=True, exclude_none=True)
    out: dict[str, Any] = {}
    for key in MAP_KEYS:
        value = raw.get(key)
        if value in (None, [], "", {}):
            continue
        if key == "nodes":
            value = [_node_data(node) for node in value]
        elif key == "tags":
            value = _FlowList(value)
        elif key == "vocabulary":
            value = {k: value[k] for k in VOCABULARY_KEYS}
        elif key == "aliases":
            value = {term: _FlowList(forms) for term, forms in value.items()}
        elif isinstance(value, str):
            value = _clean(value)
        out[key] = value
    return out


def _node_data(raw: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in NODE_KEYS:
        value = raw.get(key)
        if value in (None, [], ""):
            continue
        if key in ("supports", "opposes", "tags"):
            value = _FlowList(value)
        elif key == "sources":
            value = [{k: s[k] for k in SOURCE_KEYS if s.get(k) not in (None, "")} for s in value]
        elif isinstance(value, str):
            value = _clean(value)
        out[key] = value
    return out


def _yaml(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_MapDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1 << 16,
        indent=2,
    )


#: Each node's canonical YAML (a ``- id: …`` item of the node list) by its data as JSON. The
#: writer builds a Python object per value before emitting it: 0.1 s for a 1,000-node map on every
#: save of an edit, which changes one node. The items of a top-level block mapping and of its block
#: sequence are written independently of one another, so the file is the same text as one
#: ``yaml.dump`` of the whole (``tests/test_mapfile.py`` compares the two).
_NODE_TEXTS: dict[str, str] = {}
_NODE_TEXTS_KEPT = 20_000


def _node_yaml(node: dict[str, Any]) -> str:
    key = json.dumps(node, ensure_ascii=False)
    text = _NODE_TEXTS.get(key)
    if text is None:
        text = _yaml([node])
        if len(_NODE_TEXTS) >= _NODE_TEXTS_KEPT:
            _NODE_TEXTS.clear()
        _NODE_TEXTS[key] = text
    return text


def dump_map(argument_map: ArgumentMap) -> str:
    """The map as canonical YAML text, ending in one newline."""
    data = map_to_data(argument_map)
    if not data:
        return _yaml(data)
    return "".join(
        f"{key}:\n" + "".join(_node_yaml(node) for node in value) if key == "nodes" else _yaml({key: value})
        for key, value in data.items()
    )


def dump_map_whole(argument_map: ArgumentMap) -> str:
    """:func:`dump_map` written by one ``yaml.dump`` of the whole map (what the tests compare it with)."""
    return _yaml(map_to_data(argument_map))


def parse_map(text: str, where: str = "<text>") -> ArgumentMap:
    """Read a map from YAML text. ``where`` names the file in messages.

    Raises MapFileError listing every problem found, each with its line where YAML knows it.
    """
    return map_from_data(read_map_data(text, where), where, text)


def read_map_data(text: str, where: str = "<text>") -> dict[str, Any]:
    """The plain data (mappings, lists, strings, numbers) of a map file's YAML text, before
    validation; MapFileError naming ``where`` and the line when it is not a YAML mapping."""
    try:
        data = load_yaml(text)
    except bounded_yaml.YamlError as exc:
        raise MapFileError([Located(where, exc.line, f"not valid YAML: {exc.problem}")]) from None
    except _DuplicateKey as dup:
        raise MapFileError(
            [Located(where, dup.line, f"key {dup.key!r} appears twice in the same mapping")]
        ) from None
    if not isinstance(data, dict):
        raise MapFileError(
            [Located(where, 1, "a map file must be a YAML mapping with at least 'title' and 'nodes'")]
        )
    return data


def map_from_data(data: dict[str, Any], where: str = "<data>", text: str | None = None) -> ArgumentMap:
    """Validate plain data as a map. ``text`` (the YAML it came from) lets messages give lines."""
    try:
        return ArgumentMap.model_validate(data)
    except MapRuleError as exc:
        lines = _LineFinder(text)
        raise MapFileError(
            [
                Located(
                    where, lines.find(("nodes", p.index, p.field) if p.index is not None else ()), p.message
                )
                for p in exc.problems
            ]
        ) from None
    except ValidationError as exc:
        lines = _LineFinder(text)
        raise MapFileError(
            [Located(where, lines.find(err["loc"]), _describe(err, data)) for err in exc.errors()]
        ) from None


def _describe(err: Any, data: dict[str, Any]) -> str:
    loc = tuple(err["loc"])
    kind = err["type"]
    owner, field = _owner(loc, data)
    if kind == "extra_forbidden":
        return f"unknown key {field!r} in {owner}"
    if kind == "missing":
        return f"{owner} is missing {field!r}"
    message = err["msg"]
    if isinstance(err.get("ctx"), dict) and isinstance(err["ctx"].get("error"), Exception):
        message = str(err["ctx"]["error"])
    message = message.removeprefix("Value error, ")
    if kind == "model_type":  # "… a valid dictionary or instance of Node": pydantic's words
        return f"{owner}: {field}: must be a mapping of keys (id, kind, text …), not {_yaml_kind(err.get('input'))}"
    if message == "Keys should be strings":
        return f"{owner}: key {json.dumps(loc[-2] if len(loc) > 1 else loc[-1])} must be a word, not a number"
    shown = err.get("input")
    if kind not in ("model_type", "dict_type", "list_type") and isinstance(shown, (str, int, float, bool)):
        return f"{owner}: {field} {json.dumps(shown, ensure_ascii=False)}: {message}"
    return f"{owner}: {field}: {message}"


def _yaml_kind(value: Any) -> str:
    if isinstance(value, str):
        return f"the text {json.dumps(value, ensure_ascii=False)}"
    if isinstance(value, list):
        return "a list"
    return "a number" if isinstance(value, (int, float)) and not isinstance(value, bool) else "a value"


def _owner(loc: tuple[Any, ...], data: dict[str, Any]) -> tuple[str, str]:
    """A readable name for the thing that holds the bad field, and the field's dotted name."""
    if len(loc) >= 2 and loc[0] == "nodes" and isinstance(loc[1], int):
        nodes = data.get("nodes")
        node_id = None
        if isinstance(nodes, list) and loc[1] < len(nodes) and isinstance(nodes[loc[1]], dict):
            node_id = nodes[loc[1]].get("id")
        owner = f"node {node_id!r}" if isinstance(node_id, str) else f"node #{loc[1] + 1}"
        rest = loc[2:]
        if len(rest) >= 2 and rest[0] == "sources" and isinstance(rest[1], int):
            owner += f" source #{rest[1] + 1}"
            rest = rest[2:]
        return owner, ".".join(str(part) for part in rest) or "node"
    if len(loc) >= 1 and loc[0] == "vocabulary":
        return "vocabulary", ".".join(str(part) for part in loc[1:]) or "vocabulary"
    return "the map", ".".join(str(part) for part in loc) or "map"


class _LineFinder:
    """Finds the 1-based line of a path of keys and indexes in YAML text, composing it lazily."""

    def __init__(self, text: str | None):
        self._text = text
        self._root: yaml.Node | None = None

    def find(self, loc: tuple[Any, ...] | list[Any]) -> int | None:
        if self._text is None:
            return None
        if self._root is None:
            try:
                self._root = yaml.compose(self._text, Loader=MapLoader)
            except yaml.YAMLError:
                return None
        node = self._root
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            if part is None:
                break
            if isinstance(node, yaml.MappingNode):
                match = next((pair for pair in node.value if pair[0].value == part), None)
                if match is None:
                    break
                key_node, node = match
                line = key_node.start_mark.line + 1
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line


def node_to_yaml(node: Node) -> str:
    """One node in the file's canonical form (for previews and the table editor)."""
    return yaml.dump(
        _node_data(node.model_dump(mode="json", by_alias=True, exclude_none=True)),
        Dumper=_MapDumper,
        sort_keys=False,
        allow_unicode=True,
        width=1 << 16,
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the map file."""
    schema = ArgumentMap.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "argmap map file"
    return schema
