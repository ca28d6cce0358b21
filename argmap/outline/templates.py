"""Outline templates as data: which sections, in what order, with what share of the words.

A template is a :class:`Template` value, not a function: adding one means adding an entry to
:data:`TEMPLATES`. Each section names a *role*; the builder has one small function per role
(introduction, for, against, judgement, way-forward, conclusion, definitions, case, attacks,
dimensions, remaining) and every template reuses them.

Shares: a section with a ``share`` gets that fraction of the word limit; the sections without one
(the body) share what is left, point by point, by strength. :data:`DIRECTIVES` says how the
question's directive word changes the shape (a counter-view, a judgement paragraph, the body by
dimension), for the templates that follow the directive.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model import Directive

#: When a section appears: always, only when the directive asks for a counter-view, or only when
#: it asks for an explicit judgement.
ALWAYS, COUNTER_VIEW, JUDGEMENT = "always", "counter-view", "judgement"


@dataclass(frozen=True)
class SectionSpec:
    """One section of a template. ``title`` empty: the builder names it (from the map's
    vocabulary or the directive). ``share`` 0: a body section, sized by its points' strengths."""

    role: str
    title: str = ""
    share: float = 0.0
    max_points: int | None = None
    when: str = ALWAYS
    guidance: tuple[str, ...] = ()
    counter: bool = False  # the other side: gets the directive's counter_share of the body
    way_forward: int = 0  # a conclusion that also names this many measures (short answers)


@dataclass(frozen=True)
class Template:
    """An outline shape: its sections, default word limit (and the usual range), writing time,
    how much detail each point carries, and whether the directive word reshapes it."""

    name: str
    title: str
    description: str
    words: int
    low: int
    high: int
    sections: tuple[SectionSpec, ...]
    minutes: int | None = None
    follows_directive: bool = False
    intro_parts: tuple[str, ...] = ("context", "thesis")
    context_points: int = 1
    evidence_per_point: int | None = None
    answers_per_point: int | None = None
    depth: int = 2
    diagram_hint: bool = False
    needs_side: bool = False
    #: points condensed to their word budgets (revision notes keep every word of the map)
    condense: bool = True


@dataclass(frozen=True)
class DirectiveRule:
    """What a directive word asks of the answer."""

    counter_view: bool
    judgement_title: str
    by_dimension: bool
    intro: str
    conclusion: str
    max_counter: int | None = None
    #: The counter-view's part of the body's words. Shared by strength alone, a well-answered
    #: objection would get a handful of words, yet an examiner reads the counter-view for balance.
    counter_share: float = 0.3


DIRECTIVES: dict[Directive | None, DirectiveRule] = {
    Directive.CRITICALLY_EXAMINE: DirectiveRule(
        True,
        "Judgement",
        False,
        "'Critically examine' asks for both sides and your verdict: say in the introduction that you will weigh them.",
        "Close on your judgement, not on a summary of both sides.",
    ),
    Directive.EVALUATE: DirectiveRule(
        True,
        "Evaluation",
        False,
        "'Evaluate' asks you to measure worth: name the yardstick you will judge by.",
        "State how far the claim holds, with the deciding reason.",
    ),
    Directive.DISCUSS: DirectiveRule(
        True,
        "Weighing the views",
        False,
        "'Discuss' asks for several views: present each fairly before weighing them.",
        "End with a balanced view that follows from the points made.",
        counter_share=0.35,
    ),
    Directive.ANALYSE: DirectiveRule(
        True,
        "",
        True,
        "'Analyse' asks you to break the issue into its dimensions: name them in the introduction.",
        "Pull the dimensions together in one sentence before looking ahead.",
    ),
    Directive.COMMENT: DirectiveRule(
        True,
        "",
        False,
        "'Comment' asks for your informed opinion: state it early.",
        "End on your own view, with the one reason that carries it.",
        max_counter=1,
        counter_share=0.2,
    ),
    Directive.EXPLAIN: DirectiveRule(
        False,
        "",
        False,
        "'Explain' asks why or how: make the causes and links clear, not a debate.",
        "Sum up the explanation and its significance.",
        counter_share=0.2,
    ),
    None: DirectiveRule(
        True,
        "",
        False,
        "The question names no directive: answer it directly and show both sides.",
        "Close with a clear answer to the question.",
    ),
}

_INTRO = (
    "Kinds of introduction: a recent event (the context), a definition, a striking fact or figure, or a quote.",
    "End the introduction with the thesis in one sentence.",
)
_FOR = ("Linking words: firstly, moreover, in addition, significantly, similarly, further.",)
_AGAINST = (
    "Linking words: however, on the other hand, nevertheless, yet, at the same time.",
    "Answer each point right after it; an unanswered objection weakens the thesis.",
)
_JUDGEMENT = ("Anchors: on balance, weighing these, it is evident that, the deciding factor is.",)
_WAY_FORWARD = ("Make each measure concrete: who should do what, through which forum or agreement.",)
_CONCLUSION = (
    "Conclusion anchors: restate the thesis in new words, look ahead, end on a constructive note.",
    "Bring in no new argument here.",
)

TEMPLATES: dict[str, Template] = {
    template.name: template
    for template in (
        Template(
            "upsc-gs-150",
            "GS answer, 10 marks",
            "UPSC GS answer for 10 marks: short introduction, labelled dimensions, counter-view, way ahead",
            words=150,
            low=130,
            high=170,
            minutes=7,
            follows_directive=True,
            evidence_per_point=1,
            answers_per_point=1,
            depth=1,
            diagram_hint=True,
            sections=(
                SectionSpec("introduction", "Introduction", 0.12, guidance=_INTRO),
                SectionSpec("for", max_points=3, guidance=_FOR),
                SectionSpec("against", max_points=2, when=COUNTER_VIEW, guidance=_AGAINST, counter=True),
                SectionSpec("judgement", share=0.08, when=JUDGEMENT, guidance=_JUDGEMENT),
                SectionSpec(
                    "conclusion", "Conclusion and way forward", 0.12, guidance=_CONCLUSION, way_forward=1
                ),
            ),
        ),
        Template(
            "upsc-gs-250",
            "GS answer, 15 marks",
            "UPSC GS answer for 15 marks: introduction, labelled dimensions, counter-view, way forward, conclusion",
            words=250,
            low=225,
            high=275,
            minutes=11,
            follows_directive=True,
            evidence_per_point=1,
            answers_per_point=1,
            depth=1,
            diagram_hint=True,
            sections=(
                SectionSpec("introduction", "Introduction", 0.12, guidance=_INTRO),
                SectionSpec("for", max_points=5, guidance=_FOR),
                SectionSpec("against", max_points=3, when=COUNTER_VIEW, guidance=_AGAINST, counter=True),
                SectionSpec("judgement", share=0.07, when=JUDGEMENT, guidance=_JUDGEMENT),
                SectionSpec("way-forward", "Way forward", 0.08, max_points=2, guidance=_WAY_FORWARD),
                SectionSpec("conclusion", "Conclusion", 0.10, guidance=_CONCLUSION),
            ),
        ),
        Template(
            "upsc-essay",
            "UPSC essay",
            "UPSC essay: hook, context and thesis; the body by dimension; the other side with answers; way forward",
            words=1100,
            low=1000,
            high=1200,
            minutes=90,
            follows_directive=True,
            intro_parts=("hook", "context", "thesis"),
            context_points=3,
            evidence_per_point=3,
            depth=2,
            sections=(
                SectionSpec("introduction", "Introduction", 0.12, guidance=_INTRO),
                SectionSpec("for", guidance=_FOR),
                SectionSpec("against", guidance=_AGAINST, counter=True),
                SectionSpec("judgement", share=0.06, when=JUDGEMENT, guidance=_JUDGEMENT),
                SectionSpec("way-forward", "Way forward", 0.10, guidance=_WAY_FORWARD),
                SectionSpec("conclusion", "Conclusion", 0.10, guidance=_CONCLUSION),
            ),
        ),
        Template(
            "debate-case",
            "Debate case",
            "Debate case for one side (for or against the motion): definitions and burden, strongest arguments, prepared responses",
            words=900,
            low=600,
            high=1200,
            minutes=7,
            needs_side=True,
            evidence_per_point=3,
            depth=1,
            sections=(
                SectionSpec(
                    "definitions",
                    "Definitions and burden",
                    0.12,
                    guidance=(
                        "Define the motion's key terms narrowly enough to defend, fairly enough to survive.",
                    ),
                ),
                SectionSpec(
                    "case",
                    "Our case",
                    # every main argument of the side: its wording is shortened to fit, none dropped
                    guidance=(
                        "Claim, warrant, evidence, impact: say why each argument matters in the round.",
                    ),
                ),
                SectionSpec(
                    "attacks",
                    "Their likely attacks and our responses",
                    max_points=6,  # prepare for every serious attack, not only the unanswered ones
                    counter=True,
                    guidance=("Pre-empt, do not wait: answer the strongest attack first.",),
                ),
                SectionSpec(
                    "conclusion",
                    "Summary: why we win",
                    0.10,
                    guidance=("Weigh: why our strongest argument outweighs their strongest.",),
                ),
            ),
        ),
        Template(
            "argumentative-essay",
            "Argumentative essay",
            "Argumentative essay: thesis, reasons with evidence, objection and rebuttal, conclusion",
            words=800,
            low=600,
            high=1000,
            intro_parts=("context", "thesis"),
            evidence_per_point=2,
            depth=1,
            sections=(
                SectionSpec("introduction", "Thesis", 0.12, guidance=_INTRO),
                SectionSpec("for", "Reasons", max_points=3, guidance=_FOR),
                SectionSpec(
                    "against", "Objection and rebuttal", max_points=1, guidance=_AGAINST, counter=True
                ),
                SectionSpec("conclusion", "Conclusion", 0.10, guidance=_CONCLUSION),
            ),
        ),
        Template(
            "study-notes",
            "Study notes",
            "Revision notes: everything in the map, grouped by dimension, with evidence and sources",
            words=1500,
            low=1000,
            high=3000,
            intro_parts=("context", "thesis"),
            context_points=100,
            depth=6,
            condense=False,
            sections=(
                SectionSpec(
                    "introduction",
                    "Context and thesis",
                    0.10,
                    guidance=("Revise the context first: it is the opening of most answers.",),
                ),
                SectionSpec(
                    "dimensions",
                    "By dimension",
                    guidance=("Each dimension is a ready-made paragraph: recall one fact per point.",),
                ),
                SectionSpec("remaining", "Other points", share=0.05),
                SectionSpec("conclusion", "Conclusion", 0.08, guidance=_CONCLUSION),
            ),
        ),
    )
}


__all__ = [
    "ALWAYS",
    "COUNTER_VIEW",
    "DIRECTIVES",
    "JUDGEMENT",
    "TEMPLATES",
    "DirectiveRule",
    "SectionSpec",
    "Template",
]
