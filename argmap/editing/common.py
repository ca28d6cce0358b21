"""What every edit shares: the error, building a checked node and a checked map, and new ids."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Kind, Node, RelationType, check_rules
from argmap.rules import NewIds, default_relation, refusal


class EditError(ArgmapError):
    """An edit that cannot be made: an unknown node, a forbidden relation, an invalid field."""


def existing_node(argument_map: ArgumentMap, node_id: str) -> Node:
    try:
        return argument_map.get(node_id)
    except KeyError:
        raise EditError(f"there is no node {node_id!r} in this map") from None


def field_message(node_id: str, exc: ValidationError) -> str:
    err = exc.errors()[0]
    field = ".".join(str(part) for part in err["loc"]) or "node"
    message = err["msg"].removeprefix("Value error, ")
    if isinstance(err.get("ctx"), dict) and isinstance(err["ctx"].get("error"), Exception):
        message = str(err["ctx"]["error"])
    return f"node {node_id!r}: {field}: {message}"


def build_node(data: Mapping[str, Any]) -> Node:
    node_id = str(data.get("id", "?"))
    try:
        return Node.model_validate(dict(data))
    except ValidationError as exc:
        raise EditError(field_message(node_id, exc)) from None


def with_nodes(argument_map: ArgumentMap, nodes: list[Node], **map_fields: Any) -> ArgumentMap:
    """The map with these nodes (and map fields), checked against the map's rules."""
    candidate = argument_map.model_copy(update={"nodes": nodes, **map_fields})
    problems = check_rules(candidate)
    if problems:
        raise EditError(problems[0].message)
    return candidate


def replaced(argument_map: ArgumentMap, node_id: str, node: Node) -> list[Node]:
    return [node if existing.id == node_id else existing for existing in argument_map.nodes]


def node_data(node: Node) -> dict[str, Any]:
    # by_alias=False: Node has no aliases, and field names are what the model takes back.
    return node.model_dump()


def relation_error(node_id: str | None, kind: Kind, relation: RelationType, parent: Node) -> EditError:
    return EditError(refusal(node_id, kind, relation, parent.id, parent.kind))


def usual_relation(kind: Kind) -> RelationType:
    return default_relation(kind) or RelationType.SUPPORTS


def fresh_id(argument_map: ArgumentMap, text: str, fallback: str = "node") -> str:
    """A new node id made from ``text`` that no node of the map uses yet (``-2``, ``-3`` … added)."""
    return NewIds(node.id for node in argument_map.nodes).make(text, fallback)
