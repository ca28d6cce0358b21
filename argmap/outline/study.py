"""The study notes' section roles: every point of the map by dimension, then what is left."""

from __future__ import annotations

from argmap.model import Kind, Node
from argmap.outline.model import Section
from argmap.outline.points import PointMaker
from argmap.outline.ranking import unique_nodes
from argmap.outline.templates import SectionSpec


class StudyRoles(PointMaker):
    """Sections of revision notes (and of an 'analyse' answer's body, which is by dimension too)."""

    def role_dimensions(
        self, spec: SectionSpec, cap_for: int | None = None, cap_against: int | None = None
    ) -> Section | None:
        top, left_out = self.sides_kept(cap_for, cap_against)
        if self.template.depth > 2:  # remedies of an irritant are told under it, not again here
            top += self.index.way_forward(fallback=False)
        attackers = {node.id for node in self.index.attackers()}
        groups: dict[str, list[Node]] = {}
        for node in self.by_dimension(unique_nodes(top)):
            groups.setdefault(node.tags[0] if node.tags else "", []).append(node)
        if not groups:
            return None
        subsections = []
        for tag, nodes in groups.items():
            points = []
            for node in nodes:
                side = (
                    self.against_word
                    if node.id in attackers
                    else ("Way forward" if node.kind is Kind.RECOMMENDATION else self.for_word)
                )
                if node.id not in self.placed:
                    points.append(
                        self.point(node, self.titled(side, node, dimension=False), self.template.depth)
                    )
            if points:
                subsections.append(Section(self.dimension(tag) if tag else "General", points=tuple(points)))
        guidance = self.left_out(top, left_out)
        return Section(spec.title, subsections=tuple(subsections), guidance=guidance)

    def role_remaining(self, spec: SectionSpec) -> Section | None:
        left = [node for node in self.map.nodes if node.id not in self.placed]
        points = []
        for node in left:
            if node.id not in self.placed:
                points.append(self.point(node, self.titled(node.kind.value.capitalize(), node), 1))
        return Section(spec.title, points=tuple(points)) if points else None


__all__ = ["StudyRoles"]
