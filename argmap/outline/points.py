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
from argmap.outline.wording import as_written, echoes


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
        self.limit = template.words if options.words is None else options.words
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
        self.dimensions: dict[str, str] = {}
        #: where a tag's spelling is looked up: labels first (they are headings already), then texts
        self.spellings = [n.label for n in argument_map.nodes if n.label] + [
            n.text for n in argument_map.nodes
        ]
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
        fresh = [
            item for item in self.index.graph.below(node.id, (Kind.EVIDENCE,)) if item.id not in self.placed
        ]
        found = self.index.strongest_first(fresh)[:limit]
        opposing = set(self.index.graph.attackers(node.id))
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
                replies = self.index.graph.below(node.id, (Kind.REBUTTAL,), RelationType.OPPOSES)
                if not replies or not self.has_way_forward:  # else the remedies go to the way forward
                    replies += self.index.graph.below(node.id, (Kind.RECOMMENDATION,), RelationType.OPPOSES)
                for answer in self.index.strongest_first(replies)[: self.template.answers_per_point]:
                    if answer.id not in path:
                        word = "Answer" if answer.kind is Kind.REBUTTAL else "Way out"
                        subs.append(self.point(answer, self.titled(word, answer), depth - 1, path))
            below += self.index.graph.below(node.id, (Kind.CLAIM, Kind.RECOMMENDATION), RelationType.SUPPORTS)
            if self.template.depth > 2:  # revision notes keep everything: objections to sub-points too
                below += self.index.graph.below(node.id, (Kind.COUNTERPOINT, Kind.CONTEXT))
            for child in self.index.strongest_first(below):
                if child.id not in path:
                    subs.append(self.point(child, self.name(child), depth - 1, path))
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
            return self.name(node)
        dimension = self.dimension(node.tags[0])
        if self.template.depth <= 1 and self.template.diagram_hint:
            return dimension
        own = self.own_label(node)
        if not own or dimension.lower() in own.lower():  # "Space cooperation" says it already
            return own or dimension
        return f"{dimension} — {own}"

    def dimension(self, tag: str) -> str:
        """A tag as a heading, spelt as the map spells it (``CPEC and BRI``, ``People-to-people
        ties``), else as :func:`dimension_title` makes it."""
        if tag not in self.dimensions:
            self.dimensions[tag] = as_written(tag, self.spellings) or dimension_title(tag)
        return self.dimensions[tag]

    def own_label(self, node: Node) -> str:
        """The node's label, unless it is only the first words of its own text (a derived label,
        or one typed so): the outline prints the text next to it, so it would say it twice."""
        label = node.display_label
        return "" if echoes(label, node.text) else label

    def name(self, node: Node) -> str:
        """The label a point is printed under: its own label, else its dimension, else none."""
        return self.own_label(node) or (self.dimension(node.tags[0]) if node.tags else "")

    def titled(self, word: str, node: Node, dimension: bool = True) -> str:
        """``Answer — Joint production`` or, when the node has no name of its own, ``Answer``
        (its dimension instead, with ``dimension``; not under a dimension's own heading)."""
        name = self.name(node) if dimension else self.own_label(node)
        return f"{word} — {name}" if name else word

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
        """The first ``spec.max_points`` of ``nodes`` (ranked already) and the guidance line naming
        the rest."""
        kept = nodes[: spec.max_points] if spec.max_points else nodes
        return kept, self.left_out(kept, nodes[len(kept) :])

    def left_out(self, kept: list[Node], left: list[Node]) -> tuple[str, ...]:
        """The guidance naming the points left out for length, each with the standing (strength and
        priority, in words) that ranked it below those kept; a point as strong as one kept is not
        called weaker."""
        if not left:
            return ()
        named = "; ".join(f"{node.display_label} ({self.index.standing(node)})" for node in left)
        kept_ranks = {self.index.rank(node)[:2] for node in kept}
        tied = any(self.index.rank(node)[:2] in kept_ranks for node in left)
        why = (
            " Those as strong and as important as a point kept come after it because it has "
            "more evidence under it or comes first in the map."
            if tied
            else ""
        )
        return (f"Left out for length: {named}.{why}",)

    def our_side(self) -> list[Node]:
        return self.index.supporters() if self.side == "for" else self.index.attackers()

    def their_side(self) -> list[Node]:
        return self.index.attackers() if self.side == "for" else self.index.supporters()


__all__ = ["PointMaker", "dimension_title"]
