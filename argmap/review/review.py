"""Review an answer against the map it was written from: coverage, findings and marks.

The answer is segmented (:mod:`.answer`), each node's coverage found (:mod:`.coverage`), then:

- the **introduction** is the first part when it frames the question (states the thesis, the
  question or a context node at least :data:`FRAME` and more than any single point);
- the **conclusion** is the last part when it has a concluding signpost ("in conclusion", "on
  balance"; "thus" or "hence" only with the question's words and no measure proposed) or frames
  the question like an introduction;
- the **judgement** (for critically examine, evaluate, discuss) is a sentence of the conclusion
  with a verdict signpost ("on balance", "largely") that states the thesis or the question at
  least :data:`VERDICT`, or with a weaker one ("thus", "remains") that restates it at least
  :data:`RESTATED`;
- the **counter-view** is there when some counterpoint of the thesis is covered; each covered
  counterpoint whose answers in the map are all uncovered is an **unanswered objection**;
- the **way forward** is there when a way-forward signpost is used, a recommendation of the map is
  stated in a sentence that proposes it ("should", "need to"), or two sentences after the
  introduction propose measures;
- **repetition** is two body sentences that both state the same point, the longer stating at least
  :data:`REPEAT` of the shorter's weight, or :data:`REPEAT_MAIN` when the point is the main one of
  both (the shorter has at least :data:`REPEAT_TERMS` terms); two sentences next to each other
  need :data:`REPEAT_NEXT`, since an elaboration is not a repeat;
- **off-topic** is an answer that covers fewer than :data:`OFF_TOPIC_POINTS` points and not the thesis.

Qualities per criterion (0..1) feed :func:`argmap.review.rubric.grade`:

- Introduction: 0 without one, else 0.6 plus 0.4 times how fully it frames the question;
- Structure: 0.4 for three or more paragraphs, 0.15 each for an introduction and a conclusion, 0.3
  without repetition;
- Content: the main points for the thesis covered (out of the template's number, 5 or 3; a point
  partly stated earns its share in proportion), the
  counter-view raised and answered when the directive asks for it, and evidence from the map,
  less :data:`UNANSWERED_COST` for each objection left unanswered;
- Dimensions: the tags of covered points out of the main points' tags (at most 4 expected);
- Conclusion and way forward: 0.4 conclusion, 0.2 judgement (given when not asked), 0.4 way forward;
- Word limit: 1 inside the usual range, falling to 0 at half the limit outside it.

An off-topic answer earns only its word-limit marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.graph import MapGraph
from argmap.language import AliasTable, extended, stated_share, terms
from argmap.model import ArgumentMap, Directive, Kind, Node
from argmap.outline.templates import DIRECTIVES
from argmap.review import cues, rubric
from argmap.review.answer import Answer, AnswerSentence, segment
from argmap.review.coverage import CONCLUSION as MAP_CONCLUSION
from argmap.review.coverage import COVERED, QUESTION, Coverage, coverage, node_matcher
from argmap.review.limits import SHORT_LIMIT, WordLimit, word_limit

FRAME = 0.3
VERDICT = 0.2
RESTATED = 0.3
ANSWERED = 0.4
REPEAT = 0.7
REPEAT_MAIN = 0.5
REPEAT_NEXT = 0.85
REPEAT_TERMS = 4
UNANSWERED_COST = 0.1
OFF_TOPIC_POINTS = 2
JUDGED = frozenset({Directive.CRITICALLY_EXAMINE, Directive.EVALUATE, Directive.DISCUSS})
EXPECTED_DIMENSIONS = 4
EXPECTED_EVIDENCE = 2

INTRO_MISSING = "intro-missing"
CONCLUSION_MISSING = "conclusion-missing"
COUNTER_VIEW_MISSING = "counter-view-missing"
OBJECTION_UNANSWERED = "objection-unanswered"
WAY_FORWARD_MISSING = "way-forward-missing"
JUDGEMENT_MISSING = "judgement-missing"
OVER_LENGTH = "over-length"
UNDER_LENGTH = "under-length"
OFF_TOPIC = "off-topic"
REPETITION = "repetition"
EVIDENCE_MISSING = "evidence-missing"

#: Every finding code, in the order findings are listed.
CODES = (
    OFF_TOPIC,
    INTRO_MISSING,
    COUNTER_VIEW_MISSING,
    OBJECTION_UNANSWERED,
    EVIDENCE_MISSING,
    REPETITION,
    JUDGEMENT_MISSING,
    WAY_FORWARD_MISSING,
    CONCLUSION_MISSING,
    OVER_LENGTH,
    UNDER_LENGTH,
)


@dataclass(frozen=True)
class Finding:
    """One thing the answer lacks or overdoes: its ``code``, a plain ``message``, the map ``node``
    it is about (or None) and the ``sentence`` (index in the answer) it concerns, or None."""

    code: str
    message: str
    node: str | None = None
    sentence: int | None = None


@dataclass(frozen=True)
class Review:
    """The review of one answer: marks, rubric, coverage and findings (see :meth:`to_json`)."""

    marks: float
    out_of: int
    words: int
    limit: WordLimit
    rubric: tuple[rubric.Criterion, ...]
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    findings: tuple[Finding, ...]
    answer: Answer

    def to_json(self) -> dict[str, Any]:
        """The review as the CLI's ``--json`` prints it: exactly the documented keys."""
        return {
            "marks": self.marks,
            "out_of": self.out_of,
            "words": self.words,
            "limit": self.limit.words,
            "rubric": [
                {"criterion": line.criterion, "marks": line.marks, "out_of": line.out_of}
                for line in self.rubric
            ],
            "covered": list(self.covered),
            "missing": list(self.missing),
            "findings": [{"code": f.code, "message": f.message, "node": f.node} for f in self.findings],
        }


def review_answer(argument_map: ArgumentMap, text: str, limit: WordLimit | int | None = None) -> Review:
    """Review ``text`` as an answer to the map's question (see the module for every rule).

    ``limit`` is the word limit (a number: in the nearest GS answer template; None: 250 words).
    The caller finds the limit the question asks for and checks that the answer is not empty and
    that the map has a question (:func:`argmap.services.review.review_text` does).
    """
    answer = segment(text)
    if not isinstance(limit, WordLimit):
        limit = word_limit(limit)
    matcher = node_matcher(argument_map, extended(argument_map.aliases))
    reader = _Reader(argument_map, answer, coverage(answer, matcher), limit)
    return reader.review()


class _Reader:
    """One review in progress: the map's roles, the answer's parts, and what was found."""

    def __init__(self, argument_map: ArgumentMap, answer: Answer, found: Coverage, limit: WordLimit):
        self.map = argument_map
        self.answer = answer
        self.found = found
        self.limit = limit
        self.graph = MapGraph.of(argument_map)
        self.thesis = argument_map.thesis()
        self.directive = argument_map.directive
        self.nodes = argument_map.nodes
        frame = [
            QUESTION,
            MAP_CONCLUSION,
            *(n.id for n in self.nodes if n.kind in (Kind.THESIS, Kind.CONTEXT)),
        ]
        self.frame_ids = frame
        self.point_ids = [n.id for n in self.nodes if n.kind not in (Kind.THESIS, Kind.CONTEXT)]
        self.claims = self.graph.main_points("for")
        self.counterpoints = self.graph.main_points("against")
        self.findings: list[Finding] = []

    # -- parts -------------------------------------------------------------------------------
    def _best(self, ids: list[str], part: tuple[AnswerSentence, ...]) -> float:
        indexes = {s.index for s in part}
        return max((self.found.score_in(i, indexes) for i in ids), default=0.0)

    def introduction(self) -> float:
        """How fully the first part frames the question (0: it is not an introduction)."""
        part = self.answer.introduction
        frame, point = self._best(self.frame_ids, part), self._best(self.point_ids, part)
        return frame if frame >= FRAME and frame >= point else 0.0

    def has_conclusion(self) -> bool:
        part = self.answer.conclusion
        if not part:
            return False
        frame, point = self._best(self.frame_ids, part), self._best(self.point_ids, part)
        signposted = any(cues.has_cue(s.text, cues.CONCLUSION) for s in part)
        proposing = any(cues.has_cue(s.text, cues.MEASURE) for s in part)
        weakly = (
            any(cues.has_cue(s.text, cues.CONCLUSION_WEAK) for s in part)
            and frame >= VERDICT
            and not proposing
        )
        return signposted or weakly or (frame >= FRAME and frame >= point)

    def has_judgement(self) -> bool:
        part = self.answer.conclusion or self.answer.sentences[-1:]
        stated = [QUESTION, MAP_CONCLUSION, *([self.thesis.id] if self.thesis else [])]
        return any(
            (cues.has_cue(s.text, cues.VERDICT) and self._best(stated, (s,)) >= VERDICT)
            or (cues.has_cue(s.text, cues.VERDICT_WEAK) and self._best(stated, (s,)) >= RESTATED)
            for s in part
        )

    def has_way_forward(self) -> bool:
        after_intro = [s for s in self.answer.sentences if s not in self.answer.introduction]
        if any(cues.has_cue(s.text, cues.WAY_FORWARD) for s in after_intro):
            return True
        # A recommendation of the map counts when it is proposed, not when its words appear in a
        # body point (a measure to use a forum reads much like the fact of being in it).
        recommendations = [n.id for n in self.nodes if n.kind is Kind.RECOMMENDATION]
        proposing = {s.index for s in after_intro if cues.has_cue(s.text, cues.MEASURE)}
        if any(self.found.score_in(node_id, proposing) >= COVERED for node_id in recommendations):
            return True
        if any(cues.has_cue(h, cues.WAY_FORWARD) for h in self.answer.headings):
            return True
        return sum(cues.has_cue(s.text, cues.MEASURE) for s in after_intro) >= 2

    # -- findings ----------------------------------------------------------------------------
    def add(self, code: str, message: str, node: str | None = None, sentence: int | None = None) -> None:
        self.findings.append(Finding(code, message, node, sentence))

    def _label(self, node: Node) -> str:
        return f"“{node.display_label}”"

    def review(self) -> Review:
        answer, found = self.answer, self.found
        last = answer.sentences[-1].index if answer.sentences else None
        covered_points = [i for i in self.point_ids if found.covered(i)]
        off_topic = len(covered_points) < OFF_TOPIC_POINTS and not (
            self.thesis and found.covered(self.thesis.id)
        )
        if off_topic:
            self.add(
                OFF_TOPIC,
                f"The answer covers almost none of the map ({len(covered_points)} of its "
                f"{len(self.point_ids)} points): answer the question asked.",
                None,
                0 if answer.sentences else None,
            )
        intro = self.introduction()
        thesis_id = self.thesis.id if self.thesis else None
        if intro == 0.0:
            view = f" and state your view ({self._label(self.thesis)})" if self.thesis else ""
            self.add(INTRO_MISSING, f"No introduction: open by framing the question{view}.", thesis_id, 0)
        rule = DIRECTIVES[self.directive]
        raised = [c for c in self.counterpoints if found.covered(c.id)]
        if rule.counter_view and self.counterpoints and not raised:
            first = self.counterpoints[0]
            self.add(
                COUNTER_VIEW_MISSING,
                f"No counter-view: the question asks for both sides; raise and answer {self._label(first)}.",
                first.id,
                answer.body[-1].index if answer.body else last,
            )
        unanswered = [c for c in raised if not self._answered(c)]
        for counterpoint in unanswered:
            replies = self.graph.answers(counterpoint.id)
            reply = f"; the map answers it with {self._label(replies[0])}" if replies else ""
            self.add(
                OBJECTION_UNANSWERED,
                f"Raises {self._label(counterpoint)} but leaves it unanswered{reply}.",
                counterpoint.id,
                found.place.get(counterpoint.id),
            )
        self._evidence()
        repeated = self._repetitions()
        judgement_needed = self.directive in JUDGED
        judged = self.has_judgement()
        if judgement_needed and not judged:
            self.add(
                JUDGEMENT_MISSING,
                f"No judgement: '{self.directive}' asks for your verdict; say how far "
                f"{self._label(self.thesis) if self.thesis else 'the statement'} holds.",
                thesis_id,
                last,
            )
        way_forward = self.has_way_forward()
        if not way_forward:
            recommendations = [n for n in self.nodes if n.kind is Kind.RECOMMENDATION]
            hint = f" such as {self._label(recommendations[0])}" if recommendations else ""
            self.add(
                WAY_FORWARD_MISSING,
                f"No way forward: end with concrete measures{hint}.",
                recommendations[0].id if recommendations else None,
                last,
            )
        concluded = self.has_conclusion()
        if not concluded:
            self.add(
                CONCLUSION_MISSING,
                "No conclusion: close by answering the question in a sentence or two.",
                thesis_id,
                last,
            )
        self._length()
        quality = {
            rubric.INTRODUCTION: 0.0 if intro == 0.0 else 0.6 + 0.4 * min(1.0, intro / 0.6),
            rubric.STRUCTURE: (0.4 if answer.paragraphs >= 3 or len(answer.headings) >= 2 else 0.0)
            + (0.15 if intro else 0.0)
            + (0.15 if concluded else 0.0)
            + (0.0 if repeated else 0.3),
            rubric.CONTENT: self._content(rule.counter_view, unanswered),
            rubric.DIMENSIONS: self._dimensions(),
            rubric.CONCLUSION: (0.4 if concluded else 0.0)
            + (0.2 if judged or not judgement_needed else 0.0)
            + (0.4 if way_forward else 0.0),
            rubric.WORD_LIMIT: self._length_quality(),
        }
        if off_topic:
            quality = {rubric.WORD_LIMIT: quality[rubric.WORD_LIMIT]}
        out_of = rubric.marks_out_of(self.limit.words, SHORT_LIMIT)
        lines = rubric.grade(out_of, quality)
        order = {code: place for place, code in enumerate(CODES)}
        findings = sorted(self.findings, key=lambda f: order.get(f.code, len(order)))
        return Review(
            marks=sum(line.marks for line in lines),
            out_of=out_of,
            words=answer.words,
            limit=self.limit,
            rubric=lines,
            covered=tuple(n.id for n in self.nodes if found.covered(n.id)),
            missing=self._missing(raised),
            findings=tuple(findings),
            answer=answer,
        )

    def _answered(self, counterpoint: Node) -> bool:
        replies = self.graph.answers(counterpoint.id)
        if replies:
            return any(self.found.covered(reply.id, ANSWERED) for reply in replies)
        place = self.found.place.get(counterpoint.id)
        nearby = [s for s in self.answer.sentences if place is not None and place <= s.index <= place + 1]
        return any(cues.has_cue(s.text, cues.COUNTER_VIEW) for s in nearby[1:])

    def _evidence(self) -> None:
        evidence = [n for n in self.nodes if n.kind is Kind.EVIDENCE]
        if not evidence or any(self.found.covered(n.id) for n in evidence):
            return
        if any(any(ch.isdigit() for ch in s.text) for s in self.answer.body):
            return
        strongest = next((e for c in self.claims for e in self.graph.evidence(c.id)), evidence[0])
        self.add(
            EVIDENCE_MISSING,
            f"No fact, figure or example backs the points: cite one such as {self._label(strongest)}.",
            strongest.id,
            self.answer.body[0].index if self.answer.body else None,
        )

    def _repetitions(self) -> bool:
        body = self.answer.body
        points = set(self.point_ids)
        stated = {
            s.index: {i: v for i, v in self.found.alone[s.index].items() if i in points and v >= COVERED}
            for s in body
        }
        repeated = False
        seen: set[str] = set()
        aliases = extended(self.map.aliases)
        for position, first in enumerate(body):
            for second in body[position + 1 :]:
                shared = stated[first.index].keys() & stated[second.index].keys()
                if not shared:
                    continue
                node_id = max(shared, key=lambda i: stated[first.index][i] + stated[second.index][i])
                if node_id in seen:
                    continue
                if self._same_point(first, second, node_id, aliases):
                    node = self.map.get(node_id)
                    self.add(
                        REPETITION,
                        f"Makes the point {self._label(node)} twice (sentences {first.index + 1} and "
                        f"{second.index + 1}): use the words for another point.",
                        node_id,
                        second.index,
                    )
                    seen.add(node_id)
                    repeated = True
        return repeated

    def _same_point(
        self, first: AnswerSentence, second: AnswerSentence, node_id: str, aliases: AliasTable
    ) -> bool:
        """Whether two sentences make the same point: the longer states most of the shorter, or
        the point is the main one of both and the longer states at least half of the shorter."""
        shorter, longer = sorted((first.text, second.text), key=lambda text: len(terms(text, aliases).items))
        if len(terms(shorter, aliases).items) < REPEAT_TERMS:
            return False
        share = stated_share(shorter, longer, aliases)
        if second.index == first.index + 1:  # next to each other: an elaboration unless near word for word
            return share >= REPEAT_NEXT
        tops = [
            max(self.found.alone[s.index], key=self.found.alone[s.index].__getitem__) for s in (first, second)
        ]
        return share >= REPEAT or (tops == [node_id, node_id] and share >= REPEAT_MAIN)

    def _length(self) -> None:
        words, limit = self.answer.words, self.limit
        if words > limit.high:
            self.add(
                OVER_LENGTH,
                f"{words} words: over the limit of {limit.words} (up to {limit.high} passes); cut to the points that carry marks.",
                None,
                None,
            )
        elif words < limit.low:
            self.add(
                UNDER_LENGTH,
                f"{words} words: under the limit of {limit.words} (from {limit.low}); the marks need the space used.",
                None,
                None,
            )

    def _length_quality(self) -> float:
        words, limit = self.answer.words, self.limit
        outside = max(limit.low - words, words - limit.high, 0)
        return max(0.0, 1.0 - outside / (0.5 * limit.words))

    def _content(self, counter_view: bool, unanswered: list[Node]) -> float:
        template = self.limit.template
        wanted = {spec.role: spec.max_points for spec in template.sections}
        found = self.found
        claims_expected = min(wanted.get("for") or 5, len(self.claims)) or 1
        for_share = min(1.0, sum(self._credit(c.id) for c in self.claims) / claims_expected)
        evidence = [n for n in self.nodes if n.kind is Kind.EVIDENCE]
        evidence_share = (
            min(1.0, sum(self._credit(e.id) for e in evidence) / EXPECTED_EVIDENCE) if evidence else 1.0
        )
        if not (counter_view and self.counterpoints):
            return 0.85 * for_share + 0.15 * evidence_share
        against_expected = min(wanted.get("against") or 2, len(self.counterpoints))
        raised = [c for c in self.counterpoints if found.covered(c.id)]
        answered = len(raised) - len(unanswered)
        against_share = min(1.0, (len(raised) + answered) / (2 * against_expected))
        # An objection left standing weakens the case whatever else is covered.
        penalty = UNANSWERED_COST * len(unanswered)
        return max(0.0, 0.55 * for_share + 0.3 * against_share + 0.15 * evidence_share - penalty)

    def _credit(self, node_id: str) -> float:
        """A point's share of its marks: full when covered, in proportion when partly stated."""
        return min(1.0, self.found.best.get(node_id, 0.0) / COVERED)

    def _dimensions(self) -> float:
        mains = [*self.claims, *self.counterpoints]
        tags = {tag for node in mains for tag in node.tags}
        if not tags:
            return min(1.0, sum(self.found.covered(c.id) for c in mains) / max(1, min(4, len(mains))))
        covered = {
            tag
            for node in self.nodes
            if node.kind is not Kind.CONTEXT and self.found.covered(node.id)
            for tag in node.tags
            if tag in tags
        }
        return min(1.0, len(covered) / min(EXPECTED_DIMENSIONS, len(tags)))

    def _missing(self, raised: list[Node]) -> tuple[str, ...]:
        thesis_id = self.thesis.id if self.thesis else None
        wanted: dict[str, None] = {}
        for node in self.nodes:
            main = thesis_id is not None and thesis_id in (*node.supports, *node.opposes)
            if node.kind in (Kind.CLAIM, Kind.COUNTERPOINT, Kind.RECOMMENDATION) and main:
                wanted[node.id] = None
        for counterpoint in raised:
            wanted.update(dict.fromkeys(reply.id for reply in self.graph.answers(counterpoint.id)))
        return tuple(n.id for n in self.nodes if n.id in wanted and not self.found.covered(n.id))
