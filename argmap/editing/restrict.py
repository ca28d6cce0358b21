"""A map cut down for a view: filtered by kind and tag, or restricted to some nodes."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.model import ArgumentMap, Kind


def filtered(
    argument_map: ArgumentMap, *, kinds: Iterable[str] = (), tags: Iterable[str] = ()
) -> ArgumentMap:
    """The map restricted to nodes of the given kinds that carry one of the given tags (either
    empty: no restriction), for a filtered view. The thesis always stays, as the anchor; relations
    to hidden nodes are dropped. Hiding nodes cannot break a rule, so the result is not checked."""
    wanted_kinds, wanted_tags = set(kinds), set(tags)
    if not wanted_kinds and not wanted_tags:
        return argument_map
    shown = {
        node.id
        for node in argument_map.nodes
        if node.kind is Kind.THESIS
        or (
            (not wanted_kinds or node.kind.value in wanted_kinds)
            and (not wanted_tags or wanted_tags.intersection(node.tags))
        )
    }
    return restricted_to(argument_map, shown)


def restricted_to(argument_map: ArgumentMap, keep: Iterable[str]) -> ArgumentMap:
    """The map cut down to the nodes in ``keep``, with the relations among them; not checked, as
    a view of part of a map may leave an answer without the point it answers."""
    shown = set(keep)
    nodes = [
        node.model_copy(
            update={
                "supports": [p for p in node.supports if p in shown],
                "opposes": [p for p in node.opposes if p in shown],
            }
        )
        for node in argument_map.nodes
        if node.id in shown
    ]
    return argument_map.model_copy(update={"nodes": nodes})
