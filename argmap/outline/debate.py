"""The debate case's section roles: definitions and burden, our case, their attacks and our
responses (the side chosen in the options decides which nodes are ours)."""

from __future__ import annotations

from argmap.model import Kind, RelationType
from argmap.outline.model import Point, Section, xml_safe
from argmap.outline.points import PointMaker
from argmap.outline.ranking import unique_nodes
from argmap.outline.templates import SectionSpec


class DebateRoles(PointMaker):
    """Sections of a debate case."""

    def role_definitions(self, spec: SectionSpec) -> Section:
        thesis = self.index.thesis
        motion = thesis.text if thesis else (self.map.question or self.map.title)
        if thesis:
            self.placed.add(thesis.id)
        burden = (
            "Show that the motion holds on balance: our strongest lines outweigh the opposition's."
            if self.side == "for"
            else "Show that the motion fails: its costs and risks outweigh its benefits, or it does not follow."
        )
        # The dimensions the two sides argue in (a node's first tag), not the map's filing tags.
        dimensions = [
            n.tags[0] for n in self.index.strongest_first(self.our_side() + self.their_side()) if n.tags
        ]
        terms = ", ".join(self.dimension(tag) for tag in list(dict.fromkeys(dimensions))[:4])
        points = [Point(xml_safe(motion), "Motion"), Point(burden, f"Burden ({self.side})")]
        if terms:
            points.append(
                Point(
                    xml_safe(f"Define the terms the clash turns on; the map's dimensions: {terms}."), "Terms"
                )
            )
        return Section(spec.title, points=tuple(points))

    def role_case(self, spec: SectionSpec) -> Section | None:
        ours = self.index.strongest_first(self.our_side())
        if not ours:
            self.notes.append(
                f"The map has no arguments for the {self.side} side; add some before preparing a case."
            )
            return None
        kept, left = self.capped(ours, spec)
        own = self.side == "for"  # arguing against, our points are counterpoints and their answers are theirs
        return Section(
            spec.title,
            points=tuple(
                self.point(node, self.name(node), self.template.depth, answers=own) for node in kept
            ),
            guidance=left,
        )

    def role_attacks(self, spec: SectionSpec) -> Section | None:
        """What the other side will say and our prepared responses.

        For the motion: their arguments (counterpoints), answered by our rebuttals and remedies.
        Against it: first their arguments (claims), strongest first, then their answers to our own
        arguments (the rebuttals of our counterpoints), answered by our counterpoints and evidence
        against them. (The practice case file, ``argmap case``, gives the full prompt for each.)
        """

        if self.side == "for":
            attacks = [
                (node, (Kind.REBUTTAL, Kind.RECOMMENDATION), "")
                for node in self.index.strongest_first(self.their_side())
            ]
        else:
            ours = self.our_side()
            rebuttals = unique_nodes(
                r for node in ours for r in self.index.kids(node.id, (Kind.REBUTTAL,), RelationType.OPPOSES)
            )
            attacks = [
                (node, (Kind.COUNTERPOINT, Kind.EVIDENCE), "")
                for node in self.index.strongest_first(self.their_side())
            ] + [
                (node, (Kind.COUNTERPOINT, Kind.EVIDENCE), "Their answer")
                for node in self.index.strongest_first(rebuttals)
            ]
        if not attacks:
            return None
        kept_nodes, left = self.capped([node for node, _, _ in attacks], spec)
        points = []
        for node, kinds, word in attacks[: len(kept_nodes)]:
            self.placed.add(node.id)
            responses = self.index.kids(node.id, kinds, RelationType.OPPOSES)
            subs = tuple(
                Point(xml_safe(r.text), self.titled("Response", r), node_id=r.id)
                for r in self.index.strongest_first(responses)[:2]
            ) or (Point("None in the map yet: prepare one before the round.", "Response"),)
            points.append(
                Point(
                    xml_safe(node.text),
                    xml_safe(self.titled(word, node) if word else self.name(node)),
                    sub_points=subs,
                    node_id=node.id,
                    strength=self.index.strength.get(node.id),
                )
            )
        return Section(spec.title, points=tuple(points), guidance=left)


__all__ = ["DebateRoles"]
