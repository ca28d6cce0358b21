"""From a map, a template and options to an :class:`~argmap.outline.model.Outline`.

:func:`build_outline` is a pure function. It reads the map once into an adjacency index (the map's
own ``children()`` walks every node, too slow at a thousand nodes), takes each node's DF-QuAD
strength from :func:`argmap.analysis.compute_strengths`, and fills the template's sections with
one small function per section role.

The sides: the thesis's supporters (claims for it: *convergences*) against its attackers
(counterpoints against it or against one of its claims: *irritants*). An irritant's answers are
the rebuttals and recommendations that oppose it; recommendations that support the thesis or a
claim are the way forward; context nodes feed the introduction; the map's ``conclusion`` feeds the
conclusion; a node's first tag is its dimension.

Budgets: sections with a share in the template get that fraction of the word limit, split evenly
over their parts; the body sections share the rest. The counter-view (``against``, ``attacks``)
first takes the directive's ``counter_share`` of the body, the rest goes to the main side, and
within each the points share by strength (stronger points get more words, from a floor of a
quarter). Whole words are handed out by the largest-remainder method, so the budgets add up to the
word limit exactly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from argmap.analysis import compute_strengths, verdict
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Kind, Node, RelationType
from argmap.outline.model import EvidenceRef, Outline, Point, Section, SourceRef, xml_safe
from argmap.outline.templates import COUNTER_VIEW, DIRECTIVES, JUDGEMENT, TEMPLATES, SectionSpec, Template

MIN_WORDS, MAX_WORDS = 30, 20_000
_MIN_WEIGHT = 0.25  # a point of strength 0 gets a quarter of a point of strength 1
_HOOK_BASES = ("statistic", "quote", "event", "fact")
SIDES = ("for", "against")


class OutlineError(ArgmapError):
    """An outline that cannot be made: unknown template, bad word limit or side, an empty map."""


@dataclass(frozen=True)
class OutlineOptions:
    """``words``: the word limit (None: the template's); ``side``: the debate side, for|against."""

    words: int | None = None
    side: str = "for"


def template_named(name: str) -> Template:
    """The template called ``name``; raises OutlineError naming the templates there are."""
    try:
        return TEMPLATES[name]
    except KeyError:
        raise OutlineError(f"unknown template {name!r}; choose one of {', '.join(TEMPLATES)}") from None


def dimension_title(tag: str) -> str:
    """A tag as a heading: ``nuclear-energy`` -> ``Nuclear energy``."""
    return tag.replace("-", " ").capitalize()


def _unique(nodes: Iterable[Node]) -> list[Node]:
    """The nodes without repeats (a node may hang under two parents), first occurrence kept."""
    return list({node.id: node for node in reversed(list(nodes))}.values())[::-1]


class _Index:
    """The map read once: children per parent, strengths, the two sides of the thesis."""

    def __init__(self, argument_map: ArgumentMap):
        self.map = argument_map
        self.nodes = argument_map.node_index()
        self.children: dict[str, list[tuple[RelationType, Node]]] = {
            node.id: [] for node in argument_map.nodes
        }
        for node in argument_map.nodes:
            for relation, parent in node.parents():
                self.children[parent].append((relation, node))
        self.strengths = compute_strengths(argument_map)
        self.strength = self.strengths.strength
        self.thesis = argument_map.thesis()
        self.order = {node.id: position for position, node in enumerate(argument_map.nodes)}

    def strongest_first(self, nodes: Iterable[Node]) -> list[Node]:
        return sorted(nodes, key=lambda node: (-self.strength.get(node.id, 0.0), self.order[node.id]))

    def kids(self, node_id: str, kinds: Iterable[Kind], relation: RelationType | None = None) -> list[Node]:
        wanted = frozenset(kinds)
        return [
            child
            for rel, child in self.children.get(node_id, ())
            if child.kind in wanted and (relation is None or rel is relation)
        ]

    def roots(self, kind: Kind) -> list[Node]:
        return [
            node for node in self.map.nodes if node.kind is kind and not node.supports and not node.opposes
        ]

    def supporters(self) -> list[Node]:
        """Convergences: claims for the thesis (top-level claims when there is no thesis)."""
        if self.thesis is None:
            return self.roots(Kind.CLAIM)
        return self.kids(self.thesis.id, (Kind.CLAIM,), RelationType.SUPPORTS)

    def attackers(self) -> list[Node]:
        """Irritants: counterpoints against the thesis or against one of its claims."""
        if self.thesis is None:
            return self.roots(Kind.COUNTERPOINT)
        found = self.kids(self.thesis.id, (Kind.COUNTERPOINT,), RelationType.OPPOSES)
        for claim in self.supporters():
            found += self.kids(claim.id, (Kind.COUNTERPOINT,), RelationType.OPPOSES)
        return _unique(found)

    def way_forward(self, remedies: bool = False, fallback: bool = True) -> list[Node]:
        """Recommendations for the thesis or its claims; with ``remedies``, also those that answer an
        irritant (and, with ``fallback``, when there are no others: they are the way forward then)."""
        parents = [self.thesis, *self.supporters()] if self.thesis else self.supporters()
        found = [
            r for p in parents if p for r in self.kids(p.id, (Kind.RECOMMENDATION,), RelationType.SUPPORTS)
        ]
        if remedies or (fallback and not found):
            found += [r for c in self.attackers() for r in self.kids(c.id, (Kind.RECOMMENDATION,))]
        return _unique(found)

    def context(self) -> list[Node]:
        """Context nodes at the top: attached to the thesis or to nothing."""
        top = [node for node in self.roots(Kind.CONTEXT)]
        if self.thesis is not None:
            top += self.kids(self.thesis.id, (Kind.CONTEXT,))
        return sorted(_unique(top), key=lambda node: self.order[node.id])


class _Builder:
    """One outline being built: the index, the template, the sources cited so far, notes."""

    def __init__(self, argument_map: ArgumentMap, template: Template, options: OutlineOptions):
        self.index = _Index(argument_map)
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

    # -- points ------------------------------------------------------------------------------
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

    # -- sections ----------------------------------------------------------------------------
    def section(self, spec: SectionSpec) -> Section | None:
        if spec.when == COUNTER_VIEW and not self.rule.counter_view:
            return None
        if spec.when == JUDGEMENT and not self.rule.judgement_title:
            return None
        build = getattr(self, "role_" + spec.role.replace("-", "_"))
        section: Section | None = build(spec)
        if section is None:
            return None
        # the directive's own advice first, then the template's, then what was left out for length
        lead = {"introduction": self.rule.intro, "conclusion": self.rule.conclusion}.get(spec.role)
        directive = (lead,) if lead and self.template.follows_directive else ()
        return dataclasses.replace(
            section, role=spec.role, guidance=directive + spec.guidance + section.guidance
        )

    def role_introduction(self, spec: SectionSpec) -> Section:
        points: list[Point] = []
        for part in self.template.intro_parts:
            if part == "hook":
                hook = self.hook()
                if hook is not None:
                    if self.leaves_evidence(hook):
                        self.placed.add(hook.id)  # its point keeps other evidence: told once
                    # else its point's only proof: the body cites it again
                    points.append(
                        Point(xml_safe(hook.text), "Hook", node_id=hook.id, sources=self.cite(hook))
                    )
            elif part == "context":
                contexts = self.index.context()[: self.template.context_points]
                for node in contexts:
                    points.append(
                        self.point(node, "Context", self.template.depth - 1 if self.template.depth > 2 else 0)
                    )
            elif part == "thesis" and self.rule.by_dimension and self.template.follows_directive:
                names = self.dimension_names()
                if names:  # 'analyse' asks the introduction to name the dimensions
                    points.append(Point(xml_safe(", ".join(names) + "."), "Dimensions"))
            if part == "thesis":
                thesis = self.index.thesis
                if thesis is not None:
                    self.placed.add(thesis.id)
                    points.append(Point(xml_safe(thesis.text), "Thesis", node_id=thesis.id))
                else:
                    self.notes.append(
                        "The map has no thesis: answer the question in one sentence at the end of the introduction."
                    )
                    if self.map.question:
                        points.append(Point(xml_safe(self.map.question), "Question"))
        return Section(spec.title, points=tuple(points))

    def dimension_names(self) -> list[str]:
        """The dimensions the body will argue in (a node's first tag), strongest first: of the
        points the answer has room for, as :meth:`analysed` keeps them."""
        kept, _ = self.sides_kept(*self.analysis_caps())
        ranked = self.index.strongest_first(kept)
        return list(dict.fromkeys(dimension_title(node.tags[0]) for node in ranked if node.tags))

    def hook(self) -> Node | None:
        """The evidence to open with: a statistic before a quote, an event or a fact; the strongest."""
        rank = {basis: position for position, basis in enumerate(_HOOK_BASES)}
        evidence = [
            n for n in self.map.nodes if n.kind is Kind.EVIDENCE and n.basis and n.basis.value in rank
        ]
        ranked = sorted(
            self.index.strongest_first(evidence), key=lambda n: rank[n.basis.value if n.basis else ""]
        )
        # Best: a hook whose points keep other evidence of their own, so the body is not left bare.
        for node in ranked:
            if self.leaves_evidence(node):
                return node
        return ranked[0] if ranked else None

    def leaves_evidence(self, evidence: Node) -> bool:
        """Whether each point this evidence backs has other evidence of its own."""
        return all(len(self.index.kids(parent, (Kind.EVIDENCE,))) > 1 for _, parent in evidence.parents())

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

    def role_for(self, spec: SectionSpec) -> Section | None:
        if self.rule.by_dimension and self.template.follows_directive:
            return self.analysed(spec)
        supporters = self.index.strongest_first(self.index.supporters())
        if not supporters:
            self.notes.append(
                f"The map has no {self.for_word.lower()} (claims for the thesis), so the body is thin."
            )
            return None
        kept, left = self.capped(supporters, spec)
        kept = self.by_dimension(kept)
        title = spec.title or self.for_word
        hint = self.diagram_hint([node.display_label for node in kept])
        dimensions = {node.tags[0] if node.tags else "" for node in kept}
        if self.template.depth > 1 and len(dimensions) > 1:
            # An essay's body paragraphs are its dimensions: one sub-heading each (Heading 2 in Word).
            groups: dict[str, list[Node]] = {}
            for node in kept:
                groups.setdefault(node.tags[0] if node.tags else "", []).append(node)
            subsections = tuple(
                Section(
                    dimension_title(tag) if tag else "Other points",
                    points=tuple(self.point(node, node.display_label, self.template.depth) for node in nodes),
                )
                for tag, nodes in groups.items()
            )
            return Section(title, subsections=subsections, guidance=left, hint=hint)
        points = tuple(self.point(node, self.labelled(node), self.template.depth) for node in kept)
        return Section(title, points=points, guidance=left, hint=hint)

    def diagram_hint(self, names: list[str]) -> str:
        if not self.template.diagram_hint or not names:
            return ""
        return (
            f"Diagram here: the thesis in the centre with spokes to {', '.join(names[:4])}: "
            "one drawing in place of several lines of prose."
        )

    def analysed(self, spec: SectionSpec) -> Section | None:
        """'Analyse': the body by dimension, both sides in each; a short answer keeps as many points
        as its for and against sections would have (the strongest of each side)."""
        cap_for, cap_against = self.analysis_caps()
        section = self.role_dimensions(
            dataclasses.replace(spec, title="Dimensions"), cap_for=cap_for, cap_against=cap_against
        )
        if section is None:
            return None
        hint = self.diagram_hint([sub.title for sub in section.subsections])
        return dataclasses.replace(section, hint=hint)

    def role_against(self, spec: SectionSpec) -> Section | None:
        if self.rule.by_dimension and self.template.follows_directive:
            return None  # the dimensions section already weighs both sides
        attackers = self.index.strongest_first(self.index.attackers())
        if not attackers:
            self.notes.append(
                f"The map has no {self.against_word.lower()} (counterpoints), so the outline has no counter-view; "
                "add them for a balanced answer."
            )
            return None
        # "comment" keeps the main objection in a short answer; an essay has room for the rest
        counter_cap = self.rule.max_counter if self.template.depth <= 1 else None
        limit = min(filter(None, (spec.max_points, counter_cap)), default=None)
        kept, left = self.capped(attackers, dataclasses.replace(spec, max_points=limit))
        points = tuple(self.point(node, node.display_label, max(self.template.depth, 1)) for node in kept)
        title = spec.title or (
            f"The other side: {self.against_word}" if self.template.depth > 1 else self.against_word
        )
        return Section(title, points=points, guidance=left)

    def role_judgement(self, spec: SectionSpec) -> Section | None:
        """The verdict in new words, with the deciding reasons: not the thesis again."""
        thesis = self.index.thesis
        if thesis is None:
            return None
        weighing = verdict(self.map, self.index.strengths)
        strongest_for = [n.display_label for n in self.index.strongest_first(self.index.supporters())[:2]]
        sides = f"the {self.for_word.lower()} outweigh the {self.against_word.lower()}"
        if not weighing.holds:
            sides = f"the {self.against_word.lower()} weigh as much as the {self.for_word.lower()}"
        sentence = f"On balance, {sides}"
        if strongest_for:
            sentence += f": {' and '.join(strongest_for)} carry the case"
        if weighing.strongest_objection:
            objection = self.index.nodes[weighing.strongest_objection]
            replies = self.index.strongest_first(
                self.index.kids(objection.id, (Kind.REBUTTAL, Kind.RECOMMENDATION), RelationType.OPPOSES)
            )
            answer = f"is answered ({replies[0].display_label})" if replies else "is still unanswered"
            sentence += f", while the strongest objection, {objection.display_label}, {answer}"
        subs = []
        unanswered = [self.index.nodes[n].display_label for n in weighing.unanswered]
        if unanswered:
            subs.append(Point(xml_safe("; ".join(unanswered)), "Still unanswered"))
        stance = "Verdict" if weighing.holds else "Verdict, in part"
        return Section(
            spec.title or self.rule.judgement_title,
            points=(Point(xml_safe(sentence + "."), stance, sub_points=tuple(subs), node_id=thesis.id),),
        )

    def measures_left(self) -> list[Node]:
        """The way forward, strongest first, without the measures told already (the only answer to
        an irritant): none is told twice."""
        unused = [node for node in self.index.way_forward(remedies=True) if node.id not in self.placed]
        return self.index.strongest_first(unused)

    def role_way_forward(self, spec: SectionSpec) -> Section | None:
        measures = self.measures_left()
        if not measures:
            return None
        kept, left = self.capped(measures, spec)
        return Section(
            spec.title,
            points=tuple(self.point(node, node.display_label, 0) for node in kept),
            guidance=left,
        )

    def role_conclusion(self, spec: SectionSpec) -> Section:
        if self.template.needs_side:
            ours = self.index.strongest_first(self.our_side())[:2]
            text = "; ".join(node.display_label for node in ours) or "our strongest argument"
            point = Point(xml_safe(f"We win on {text}."), "Weighing")
        elif self.map.conclusion:
            point = Point(xml_safe(self.map.conclusion), "Conclusion")
        elif self.index.thesis is not None:
            point = Point(
                xml_safe(self.index.thesis.text), "Restate the thesis", node_id=self.index.thesis.id
            )
        else:
            point = Point(xml_safe(self.map.question or self.map.title), "Answer the question")
        if spec.way_forward:  # a short answer folds its way forward into the conclusion
            measures = self.measures_left()[: spec.way_forward]
            point = dataclasses.replace(
                point,
                sub_points=tuple(
                    self.point(node, f"Way forward — {node.display_label}", 0) for node in measures
                ),
            )
        return Section(spec.title, points=(point,))

    # debate ----------------------------------------------------------------------------------
    def our_side(self) -> list[Node]:
        return self.index.supporters() if self.side == "for" else self.index.attackers()

    def their_side(self) -> list[Node]:
        return self.index.attackers() if self.side == "for" else self.index.supporters()

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
        terms = ", ".join(dimension_title(tag) for tag in list(dict.fromkeys(dimensions))[:4])
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
                self.point(node, node.display_label, self.template.depth, answers=own) for node in kept
            ),
            guidance=left,
        )

    def role_attacks(self, spec: SectionSpec) -> Section | None:
        """What the other side will say and our prepared responses.

        For the motion: their arguments (counterpoints), answered by our rebuttals and remedies.
        Against it: first their answers to our own arguments (the rebuttals of our counterpoints),
        then their arguments (claims), answered by our counterpoints and evidence against them.
        """
        if self.side == "for":
            attacks = [
                (node, (Kind.REBUTTAL, Kind.RECOMMENDATION), "")
                for node in self.index.strongest_first(self.their_side())
            ]
        else:
            ours = self.our_side()
            rebuttals = _unique(
                r for node in ours for r in self.index.kids(node.id, (Kind.REBUTTAL,), RelationType.OPPOSES)
            )
            attacks = [
                (node, (Kind.COUNTERPOINT, Kind.EVIDENCE), "Their answer — ")
                for node in self.index.strongest_first(rebuttals)
            ] + [
                (node, (Kind.COUNTERPOINT, Kind.EVIDENCE), "")
                for node in self.index.strongest_first(self.their_side())
            ]
        if not attacks:
            return None
        kept_nodes, left = self.capped([node for node, _, _ in attacks], spec)
        points = []
        for node, kinds, prefix in attacks[: len(kept_nodes)]:
            self.placed.add(node.id)
            responses = self.index.kids(node.id, kinds, RelationType.OPPOSES)
            subs = tuple(
                Point(xml_safe(r.text), f"Response — {r.display_label}", node_id=r.id)
                for r in self.index.strongest_first(responses)[:2]
            ) or (Point("None in the map yet: prepare one before the round.", "Response"),)
            points.append(
                Point(
                    xml_safe(node.text),
                    xml_safe(prefix + node.display_label),
                    sub_points=subs,
                    node_id=node.id,
                    strength=self.index.strength.get(node.id),
                )
            )
        return Section(spec.title, points=tuple(points), guidance=left)

    # study notes -----------------------------------------------------------------------------
    def role_dimensions(
        self, spec: SectionSpec, cap_for: int | None = None, cap_against: int | None = None
    ) -> Section | None:
        top, left_out = self.sides_kept(cap_for, cap_against)
        if self.template.depth > 2:  # remedies of an irritant are told under it, not again here
            top += self.index.way_forward(fallback=False)
        attackers = {node.id for node in self.index.attackers()}
        groups: dict[str, list[Node]] = {}
        for node in self.by_dimension(_unique(top)):
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
                    points.append(self.point(node, f"{side} — {node.display_label}", self.template.depth))
            if points:
                subsections.append(Section(dimension_title(tag) if tag else "General", points=tuple(points)))
        left = [node.display_label for node in left_out]
        guidance = (f"Left out for length (weaker): {'; '.join(left)}.",) if left else ()
        return Section(spec.title, subsections=tuple(subsections), guidance=guidance)

    def role_remaining(self, spec: SectionSpec) -> Section | None:
        left = [node for node in self.map.nodes if node.id not in self.placed]
        points = []
        for node in left:
            if node.id not in self.placed:
                points.append(self.point(node, f"{node.kind.value.capitalize()} — {node.display_label}", 1))
        return Section(spec.title, points=tuple(points)) if points else None


def _weight(point: Point) -> float:
    """A point's claim on its section's words: more for a stronger point, never next to nothing
    (an objection that is well answered is weak, yet still needs its sentences)."""
    return _MIN_WEIGHT + (1 - _MIN_WEIGHT) * point.strength if point.strength is not None else 1.0


def _leaves(section: Section) -> Iterator[Point | Section]:
    """What budgets attach to: each top-level point, or the section itself when it has none."""
    if not section.points and not section.subsections:
        yield section
    yield from section.points
    for sub in section.subsections:
        yield from _leaves(sub)


def _largest_remainder(shares: list[float], total: int) -> list[int]:
    """Whole numbers in proportion to ``shares`` that add up to ``total`` exactly."""
    whole = [int(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: (-(shares[i] - whole[i]), i))
    for i in by_remainder[: total - sum(whole)]:
        whole[i] += 1
    return whole


def _with_budgets(section: Section, words: Iterator[int]) -> Section:
    if not section.points and not section.subsections:
        return dataclasses.replace(section, words=next(words))
    points = tuple(dataclasses.replace(p, words=next(words)) for p in section.points)
    subsections = tuple(_with_budgets(sub, words) for sub in section.subsections)
    total = sum(p.words for p in points) + sum(s.words for s in subsections)
    return dataclasses.replace(section, points=points, subsections=subsections, words=total)


def apportion(sections: list[tuple[float, Section]], limit: int, counter: float = 0.0) -> tuple[Section, ...]:
    """Share ``limit`` words over the sections.

    A section with a share > 0 gets that fraction, split evenly over its parts (introduction,
    conclusion). The body sections (share 0) get the rest, point by point by strength; when
    ``counter`` > 0 the counter-view sections (role ``against`` or ``attacks``) first take that
    part of the body and share it by strength among their own points.
    """
    fixed = sum(share for share, _ in sections if share > 0)

    def weight_of(section: Section) -> float:
        return sum(_weight(leaf) for leaf in _leaves(section) if isinstance(leaf, Point))

    body = [section for share, section in sections if share == 0]
    body_weight = sum(weight_of(section) for section in body)
    scale = 1.0 if body_weight else 1.0 / fixed if fixed else 1.0
    body_words = max(limit * (1.0 - fixed), 0.0) if body_weight else 0.0
    counters = [s for s in body if s.role in _COUNTER_ROLES and weight_of(s)]
    mains = [s for s in body if s.role not in _COUNTER_ROLES and weight_of(s)]
    part = counter if counters and mains else 0.0
    pools = {
        False: (body_words * (1 - part), sum(weight_of(s) for s in (body if not part else mains))),
        True: (body_words * part, sum(weight_of(s) for s in counters)),
    }
    floats: list[float] = []
    for share, section in sections:
        leaves = list(_leaves(section))
        if share > 0:
            weights = [1.0] * len(leaves)  # introduction, conclusion …: their parts count alike
            words, total = limit * share * scale, float(len(leaves))
        else:
            weights = [_weight(leaf) if isinstance(leaf, Point) else 0.0 for leaf in leaves]
            words, total = pools[bool(part) and section.role in _COUNTER_ROLES]
        floats += [words * w / total if total else 0.0 for w in weights]
    rounded = iter(_largest_remainder(floats, limit if sum(floats) else 0))
    return tuple(_with_budgets(section, rounded) for _, section in sections)


_COUNTER_ROLES = frozenset({"against", "attacks"})


def build_outline(
    argument_map: ArgumentMap, template: str | Template, options: OutlineOptions | None = None
) -> Outline:
    """The outline of ``argument_map`` in ``template`` (a name or a :class:`Template`).

    Raises OutlineError for an unknown template, a word limit outside 30–20,000, a side other than
    for/against, or a map with no nodes at all.
    """
    options = options or OutlineOptions()
    chosen = template_named(template) if isinstance(template, str) else template
    limit = chosen.words if options.words is None else options.words
    if not MIN_WORDS <= limit <= MAX_WORDS:
        raise OutlineError(f"--words must be between {MIN_WORDS} and {MAX_WORDS:,}, not {limit}")
    if options.side not in SIDES:
        raise OutlineError(f"--side must be 'for' or 'against', not {options.side!r}")
    if not argument_map.nodes:
        raise OutlineError(
            f"map {argument_map.title!r} has no nodes to outline; add a thesis and its claims first"
        )
    builder = _Builder(argument_map, chosen, options)
    drafted = []
    for spec in chosen.sections:
        section = builder.section(spec)
        if section is not None:
            drafted.append((spec.share, section))
    if not any(share == 0 for share, _ in drafted) and len(argument_map.nodes) == 1:
        builder.notes.append(
            "The map has a single node: add claims and counterpoints to give the outline a body."
        )
    minutes = chosen.minutes
    if minutes and limit != chosen.words:
        minutes = max(1, round(minutes * limit / chosen.words))
    directive = argument_map.directive.value if argument_map.directive else None
    return Outline(
        title=xml_safe(argument_map.title),
        prompt=xml_safe(argument_map.question) if argument_map.question else None,
        directive=directive if chosen.follows_directive else None,
        template=chosen.name,
        words=limit,
        minutes=minutes,
        sections=apportion(drafted, limit, builder.rule.counter_share),
        sources=tuple(builder.sources.values()),
        notes=tuple(dict.fromkeys(builder.notes)),
        map_caption=xml_safe(f"The argument map: {argument_map.title}"),
        keywords=tuple(xml_safe(tag) for tag in [*argument_map.all_tags()[:12], chosen.name]),
    )


__all__ = [
    "SIDES",
    "OutlineError",
    "OutlineOptions",
    "apportion",
    "build_outline",
    "dimension_title",
    "template_named",
]
