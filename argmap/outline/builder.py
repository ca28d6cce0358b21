"""From a map, a template and options to an :class:`~argmap.outline.model.Outline`.

:func:`build_outline` is a pure function. It reads the map once into a
:class:`~argmap.outline.ranking.MapIndex`, fills the template's sections with one small function
per section role (here for answers and essays; :mod:`argmap.outline.debate` and
:mod:`argmap.outline.study` for the others) and shares the word limit over them
(:mod:`argmap.outline.budgets`). A node's first tag is its dimension; the map's ``conclusion``
feeds the conclusion.
"""

from __future__ import annotations

import dataclasses

from argmap.analysis import verdict
from argmap.model import ArgumentMap, Kind, Node
from argmap.outline.budgets import apportion
from argmap.outline.debate import DebateRoles
from argmap.outline.model import Outline, Point, Section, xml_safe
from argmap.outline.options import SIDES, OutlineError, OutlineOptions
from argmap.outline.points import dimension_title
from argmap.outline.study import StudyRoles
from argmap.outline.templates import COUNTER_VIEW, JUDGEMENT, TEMPLATES, SectionSpec, Template
from argmap.outline.wording import as_sentence, condense, drop_repeats, fit_outline, reason, word_count
from argmap.words import DEBATE_SIDES

MIN_WORDS, MAX_WORDS = 30, 20_000
_HOOK_BASES = ("statistic", "quote", "event", "fact")
_MIN_REASON = 8  # words for the verdict's "because …", however short the verdict
_ROOM_FOR_OBJECTION = 40  # a verdict this long also says how the strongest objection fares


def template_named(name: str) -> Template:
    """The template called ``name``; raises OutlineError naming the templates there are."""
    try:
        return TEMPLATES[name]
    except KeyError:
        raise OutlineError(f"unknown template {name!r}; choose one of {', '.join(TEMPLATES)}") from None


class _Builder(DebateRoles, StudyRoles):
    """The answer and essay roles, on top of the debate and study-notes roles."""

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
        return list(dict.fromkeys(self.dimension(node.tags[0]) for node in ranked if node.tags))

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
        return all(
            len(self.index.graph.below(parent, (Kind.EVIDENCE,))) > 1 for _, parent in evidence.parents()
        )

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
                    self.dimension(tag) if tag else "Other points",
                    points=tuple(
                        self.point(node, self.own_label(node), self.template.depth) for node in nodes
                    ),
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
        points = tuple(self.point(node, self.name(node), max(self.template.depth, 1)) for node in kept)
        title = spec.title or (
            f"The other side: {self.against_word}" if self.template.depth > 1 else self.against_word
        )
        return Section(title, points=points, guidance=left)

    def role_judgement(self, spec: SectionSpec) -> Section | None:
        """The verdict with its deciding reason ("because …", from the strongest point for the
        thesis) and how the strongest objection fares: not the thesis again, not a list of labels."""
        thesis = self.index.thesis
        if thesis is None:
            return None
        weighing = verdict(self.map, self.index.strengths)
        sides = f"the {self.for_word.lower()} outweigh the {self.against_word.lower()}"
        if not weighing.holds:
            sides = f"the {self.against_word.lower()} weigh as much as the {self.for_word.lower()}"
        supporters = self.index.strongest_first(self.index.supporters())
        sentence = f"On balance {sides}"
        budget = round(self.limit * spec.share)  # the section's one point has all its words
        if supporters:
            room = max(budget - word_count(sentence) - 1, _MIN_REASON)
            sentence += f" because {condense(reason(supporters[0].text), room)}"
        subs = []
        if weighing.strongest_objection and budget >= _ROOM_FOR_OBJECTION:
            objection = self.index.nodes[weighing.strongest_objection]
            replies = self.index.strongest_first(self.index.graph.answers(objection.id))
            answer = f"it is answered: {replies[0].text}" if replies else "it is still unanswered."
            subs.append(Point(xml_safe(answer), self.titled("Strongest objection", objection)))
        unanswered = [self.index.nodes[n].display_label for n in weighing.unanswered]
        if unanswered:
            subs.append(Point(xml_safe("; ".join(unanswered)), "Still unanswered"))
        stance = "Verdict" if weighing.holds else "Verdict, in part"
        return Section(
            spec.title or self.rule.judgement_title,
            points=(
                Point(xml_safe(as_sentence(sentence)), stance, sub_points=tuple(subs), node_id=thesis.id),
            ),
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
            points=tuple(self.point(node, self.name(node), 0) for node in kept),
            guidance=left,
        )

    def role_conclusion(self, spec: SectionSpec) -> Section:
        """The close: a debate case's weighing; else the map's conclusion without the sentences
        that only repeat the thesis (the introduction states it already); else a close built from
        the strongest point, in new words."""
        thesis = self.index.thesis
        own = drop_repeats(self.map.conclusion or "", thesis.text if thesis else "")
        if self.template.needs_side:
            point = Point(xml_safe(self.weighing()), "Weighing")
        elif own:
            point = Point(xml_safe(own), "Conclusion")
        elif thesis is not None:
            supporters = self.index.strongest_first(self.index.supporters())
            why = f", above all because {reason(supporters[0].text)}" if supporters else ""
            point = Point(
                xml_safe(f"The answer to the question stands{why}; end by looking ahead."),
                "Restate the thesis in new words",
                node_id=thesis.id,
            )
        else:
            point = Point(xml_safe(self.map.question or self.map.title), "Answer the question")
        if spec.way_forward:  # a short answer folds its way forward into the conclusion
            measures = self.measures_left()[: spec.way_forward]
            point = dataclasses.replace(
                point,
                sub_points=tuple(self.point(node, self.titled("Way forward", node), 0) for node in measures),
            )
        return Section(spec.title, points=(point,))


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
    outline = Outline(
        title=xml_safe(
            f"{argument_map.title}: {DEBATE_SIDES[options.side].capitalize()} case"
            if chosen.needs_side
            else argument_map.title
        ),
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
    return fit_outline(outline) if chosen.condense else outline


__all__ = [
    "SIDES",
    "OutlineError",
    "OutlineOptions",
    "apportion",
    "build_outline",
    "dimension_title",
    "template_named",
]
