"""One node as an outline point: the state an outline keeps while it is built, and the helpers
every section role uses (a point with its sub-points and evidence, citations, caps and sides).

The section roles themselves live in :mod:`argmap.outline.builder` (answers and essays),
:mod:`argmap.outline.debate` and :mod:`argmap.outline.study`, each a subclass of
:class:`PointMaker`.
"""

from __future__ import annotations

from argmap.model import ArgumentMap, Kind, Node, RelationType
from argmap.outline.model import EvidenceRef, Point, SourceRef, xml_safe
from argmap.outline.options import OutlineOptions
from argmap.outline.ranking import MapIndex
from argmap.outline.templates import DIRECTIVES, SectionSpec, Template


def dimension_title(tag: str) -> str:
    """A tag as a heading: ``nuclear-energy`` -> ``Nuclear energy``."""
    return tag.replace("-", " ").capitalize()


class PointMaker:
    """One outline being built: the index, the template, the sources cited so far, notes."""

    def __init__(self, argument_map: ArgumentMap, template: Template, options: OutlineOptions):
        self.index = MapIndex(argument_map)
        self.map = argument_map
        self.template = template
        self.side = options.side
        self.rule = DIRECTIVES[argument_map.directive if template.follows_directive else None]
        for_word, against_word = (
            (argument_map.vocabulary.for_, argument_map.vocabulary.against)
            if argument_map.vocabulary
            else ("Arguments for", "Arguments against")
        )
        self.for_word, self.against_word = for_word, against_word
        self.sources: dict[tuple[str | None, ...], SourceRef] = {}
        self.notes: list[str] = []
        self.placed: set[str] = set()
        #: a template with a Way forward section lists the remedies there, not under each irritant
        self.has_way_forward = any(
            spec.role == "way-forward" or spec.way_forward for spec in template.sections
        )

    def cite(self, node: Node) -> tuple[int, ...]:
        numbers = []
        for source in node.sources:
            key = (source.title, source.publisher, source.date, source.url)
            if key not in self.sources:
                self.sources[key] = SourceRef(
                    len(self.sources) + 1,
                    xml_safe(source.title),
                    *(xml_safe(part) if part else None for part in key[1:]),
                )
            numbers.append(self.sources[key].number)
        return tuple(numbers)

    def evidence(self, node: Node, limit: int | None) -> tuple[EvidenceRef, ...]:
        """The strongest evidence under ``node`` not used already (the hook, or evidence shared with
        a point above): an examiner marks down the same fact told twice."""
        fresh = [item for item in self.index.kids(node.id, (Kind.EVIDENCE,)) if item.id not in self.placed]
        found = self.index.strongest_first(fresh)[:limit]
        opposing = {child.id for rel, child in self.index.children[node.id] if rel is RelationType.OPPOSES}
        refs = []
        for item in found:
            self.placed.add(item.id)
            basis = item.basis.value if item.basis else None
            if item.id in opposing:
                basis = f"{basis or 'evidence'} against"
            refs.append(EvidenceRef(xml_safe(item.text), basis, self.cite(item), item.id))
        return tuple(refs)

    def point(
        self, node: Node, label: str, depth: int, path: frozenset[str] = frozenset(), answers: bool = True
    ) -> Point:
        """A node as a point with its sub-points (down to ``depth`` levels) and evidence.

        ``answers``: under a counterpoint, list the rebuttals and remedies that answer it (not when
        the counterpoint is our own argument in a debate case: its answers are the other side's).
        """
        self.placed.add(node.id)
        path = path | {node.id}
        subs: list[Point] = []
        if depth > 0:
            below: list[Node] = []
            if node.kind is Kind.COUNTERPOINT and answers:
                replies = self.index.kids(node.id, (Kind.REBUTTAL,), RelationType.OPPOSES)
                if not replies or not self.has_way_forward:  # else the remedies go to the way forward
                    replies += self.index.kids(node.id, (Kind.RECOMMENDATION,), RelationType.OPPOSES)
                for answer in self.index.strongest_first(replies)[: self.template.answers_per_point]:
                    if answer.id not in path:
                        word = "Answer" if answer.kind is Kind.REBUTTAL else "Way out"
                        subs.append(self.point(answer, f"{word} — {answer.display_label}", depth - 1, path))
            below += self.index.kids(node.id, (Kind.CLAIM, Kind.RECOMMENDATION), RelationType.SUPPORTS)
            if self.template.depth > 2:  # revision notes keep everything: objections to sub-points too
                below += self.index.kids(node.id, (Kind.COUNTERPOINT, Kind.CONTEXT))
            for child in self.index.strongest_first(below):
                if child.id not in path:
                    subs.append(self.point(child, child.display_label, depth - 1, path))
        # a point at the last level (an answer in a GS answer, a way-forward measure) carries no
        # evidence of its own: there is no room for it
        evidence = self.evidence(node, self.template.evidence_per_point) if depth > 0 else ()
        return Point(
            xml_safe(node.text),
            xml_safe(label),
            sub_points=tuple(subs),
            evidence=evidence,
            node_id=node.id,
            strength=self.index.strength.get(node.id),
        )

    def labelled(self, node: Node) -> str:
        """A body point's label: its dimension and its own short label (GS answers: the dimension)."""
        if not node.tags:
            return node.display_label
        if self.template.depth <= 1 and self.template.diagram_hint:
            return dimension_title(node.tags[0])
        dimension = dimension_title(node.tags[0])
        if dimension.lower() in node.display_label.lower():  # "Space cooperation" says it already
            return node.display_label
        return f"{dimension} — {node.display_label}"

    def by_dimension(self, nodes: list[Node]) -> list[Node]:
        """Strongest first, but points of one dimension kept together (the strongest dimension first)."""
        ranked = self.index.strongest_first(nodes)
        first_seen: dict[str, int] = {}
        for position, node in enumerate(ranked):
            first_seen.setdefault(node.tags[0] if node.tags else "", position)
        return sorted(ranked, key=lambda node: first_seen[node.tags[0] if node.tags else ""])

    def analysis_caps(self) -> tuple[int | None, int | None]:
        """How many points of each side an 'analyse' body keeps: as many as the template's for and
        against sections would."""
        caps = {spec.role: spec.max_points for spec in self.template.sections}
        return caps.get("for"), caps.get("against")

    def sides_kept(self, cap_for: int | None, cap_against: int | None) -> tuple[list[Node], list[Node]]:
        """The strongest supporters and attackers within the caps, and those left out."""
        supporters = self.index.strongest_first(self.index.supporters())
        attackers = self.index.strongest_first(self.index.attackers())
        kept = supporters[:cap_for] + attackers[:cap_against]
        chosen = {node.id for node in kept}
        return kept, [node for node in supporters + attackers if node.id not in chosen]

    def capped(self, nodes: list[Node], spec: SectionSpec) -> tuple[list[Node], tuple[str, ...]]:
        kept = nodes[: spec.max_points] if spec.max_points else nodes
        left = [node.display_label for node in nodes[len(kept) :]]
        return kept, ((f"Left out for length (weaker): {'; '.join(left)}.",) if left else ())

    def our_side(self) -> list[Node]:
        return self.index.supporters() if self.side == "for" else self.index.attackers()

    def their_side(self) -> list[Node]:
        return self.index.attackers() if self.side == "for" else self.index.supporters()


__all__ = ["PointMaker", "dimension_title"]
