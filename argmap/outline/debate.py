"""The debate case's section roles: definitions and burden, our case, their attacks and our
responses (the side chosen in the options decides which nodes are ours)."""

from __future__ import annotations

from argmap.model import Kind, RelationType
from argmap.outline.model import Point, Section, xml_safe
from argmap.outline.points import PointMaker
from argmap.outline.ranking import unique_nodes
from argmap.outline.templates import SectionSpec
from argmap.outline.wording import reason
from argmap.words import DEBATE_SIDES


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
        points = [Point(xml_safe(motion), "Motion"), Point(burden, f"Burden ({DEBATE_SIDES[self.side]})")]
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
                r
                for node in ours
                for r in self.index.graph.below(node.id, (Kind.REBUTTAL,), RelationType.OPPOSES)
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
        prompts = self.gap_prompts()
        points = []
        for node, kinds, word in attacks[: len(kept_nodes)]:
            self.placed.add(node.id)
            responses = self.index.graph.below(node.id, kinds, RelationType.OPPOSES)
            subs = tuple(
                Point(xml_safe(r.text), self.titled("Response", r), node_id=r.id)
                for r in self.index.strongest_first(responses)[:2]
            ) or (
                Point(
                    xml_safe(prompts.get(node.id, _NO_ANSWER)),
                    "No answer in the map: prepare one",
                    fixed=True,
                ),
            )
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

    def weighing(self) -> str:
        """The close of a case: our strongest line in a sentence, then the clash to weigh (our two
        strongest arguments against their strongest) on scale, likelihood and who is affected."""
        ours = self.index.strongest_first(self.our_side())[:2]
        theirs = self.index.strongest_first(self.their_side())[:1]
        if not ours:
            return "Our strongest argument stands: say why it outweighs theirs."
        line = reason(ours[0].text)
        # a label that only repeats the text's first words is not named again: the line says it
        named = " and ".join(f"“{label}”" for label in map(self.own_label, ours) if label) or "it"
        their_name = (self.own_label(theirs[0]) or reason(theirs[0].text)) if theirs else ""
        against = f"their strongest, “{their_name}”" if theirs else "anything they bring"
        return (
            f"Our strongest line: {line[:1].upper()}{line[1:]}. Weigh {named} against {against}: "
            "show which matters more in scale, likelihood and who is affected."
        )

    def gap_prompts(self) -> dict[str, str]:
        """The one-line prompt for each argument of the other side the map leaves unanswered (the
        practice case file's prompt, condensed: weakest link, evidence it lacks, counter-example)."""
        # imported here: argmap.practice renders its documents with this package's renderers
        from argmap.practice.gaps import gaps

        found = gaps(self.map, self.side, self.index.strength, self.index.graph)
        return {gap.node_id: gap.line for gap in found}


#: the prompt for an unanswered argument the gap finder does not reach (it is not on the other side)
_NO_ANSWER = "Find its weakest link and the evidence it lacks; counter-example: ______."


__all__ = ["DebateRoles"]
