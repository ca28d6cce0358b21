"""What changed between two versions of a map, node by node: a pure function the history view,
the Editor and the CLI share (it knows maps, not where versions are kept)."""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.model import ArgumentMap, Node, Relation

#: The node fields a change is reported for (in this order); relations are reported on their own.
NODE_FIELDS = ("kind", "label", "text", "tags", "basis", "sources", "score", "notes")
MAP_FIELDS = ("title", "question", "directive", "tags", "vocabulary", "conclusion")


@dataclass(frozen=True)
class NodeChange:
    """A node present in both versions whose ``fields`` differ."""

    id: str
    fields: tuple[str, ...]
    before: Node
    after: Node


@dataclass(frozen=True)
class MapDiff:
    """Added, removed and changed nodes and relations, and the map-level fields that changed."""

    added: list[Node] = field(default_factory=list)
    removed: list[Node] = field(default_factory=list)
    changed: list[NodeChange] = field(default_factory=list)
    relations_added: list[Relation] = field(default_factory=list)
    relations_removed: list[Relation] = field(default_factory=list)
    map_fields: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.relations_added
            or self.relations_removed
            or self.map_fields
        )

    def lines(self) -> list[str]:
        """One line per difference, as a person reads them ("+ claim x: text")."""
        out = [f"~ map: {', '.join(self.map_fields)}"] if self.map_fields else []
        out += [f"+ {node.kind} {node.id}: {node.text}" for node in self.added]
        out += [f"- {node.kind} {node.id}: {node.text}" for node in self.removed]
        out += [f"~ {change.id}: {', '.join(change.fields)}" for change in self.changed]
        out += [f"+ {r.source} {r.type} {r.target}" for r in self.relations_added]
        out += [f"- {r.source} {r.type} {r.target}" for r in self.relations_removed]
        return out


def diff_maps(before: ArgumentMap, after: ArgumentMap) -> MapDiff:
    """The differences from ``before`` to ``after``; nodes are matched by id, in ``after``'s order
    (removed ones in ``before``'s)."""
    old, new = before.node_index(), after.node_index()
    changed = []
    for node in after.nodes:
        previous = old.get(node.id)
        if previous is None:
            continue
        fields = tuple(name for name in NODE_FIELDS if getattr(previous, name) != getattr(node, name))
        if fields:
            changed.append(NodeChange(node.id, fields, previous, node))
    old_relations, new_relations = before.relations(), after.relations()
    old_set, new_set = set(old_relations), set(new_relations)
    return MapDiff(
        added=[node for node in after.nodes if node.id not in old],
        removed=[node for node in before.nodes if node.id not in new],
        changed=changed,
        relations_added=[relation for relation in new_relations if relation not in old_set],
        relations_removed=[relation for relation in old_relations if relation not in new_set],
        map_fields=tuple(name for name in MAP_FIELDS if getattr(before, name) != getattr(after, name)),
    )
