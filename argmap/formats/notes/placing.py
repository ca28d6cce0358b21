"""Placing a note's points: each point's kind, its parent and the reason, and the note's thesis.

The steps, in order (each a function below):

1. :func:`_split_points` cuts a point where the note itself turns: a sentence opening ``However``
   or ``This is countered by`` is an answer of its own, and ``Critics argue X, but Y`` is two
   points; a ``Heading- text`` or ``Heading: text`` point keeps its heading as label.
2. :func:`_place` gives each point a kind: by the role of its heading (or of its own label), by
   the side a debate paragraph reports (``Proponents argue``), by its opening (an answer to the
   point before it), else by its cue words; nested points are evidence for the point above.
3. :func:`_choose_thesis` finds the note's position by its stance (a motion, a conclusion or
   verdict, ``Thus …``, a closing paragraph) and, when it rejects the proposal it is about,
   turns the arguments for that proposal into objections to it.
4. :func:`_take_facts` moves the facts inside a point (a sentence or a bracketed aside with a
   figure, a year or a named agreement) into evidence under it.
5. :func:`_link_answers` links each way-forward item and each answer to the counterpoint(s) it
   answers (see :mod:`argmap.formats.notes.linking`); an answer that shares no idea with any
   challenge is linked by its place when the note gives as many answers as open challenges (notes
   answer their challenges in the order they listed them), else it supports the thesis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.formats.notes import cues
from argmap.formats.notes.facts import clauses, fact_basis, inference, reports, sentences
from argmap.formats.notes.linking import Linker, Rarity
from argmap.formats.notes.reading import SIGN_MARKS, Block, Heading, Meta, Point
from argmap.model import Basis, Kind, RelationType

_ARGUING = (Kind.CLAIM, Kind.COUNTERPOINT, Kind.REBUTTAL, Kind.RECOMMENDATION)
_EVIDENCE_OPENINGS = (
    "e.g",
    "eg:",
    "eg.",
    "eg ",
    "for example",
    "for instance",
    "example:",
    "examples:",
    "data:",
    "fact:",
    "facts:",
    "stat:",
    "stats:",
    "statistic",
    "case:",
    "case study",
    "instance:",
    "evidence:",
    "source:",
)


@dataclass
class Placed:
    """A point of the draft map: where it came from, the kind and parent it got, and why."""

    key: str
    line: int
    text: str
    kind: Kind
    why: str
    label: str | None = None
    heading: str | None = None
    parent: str | None = None
    relation: RelationType | None = None
    also: list[str] = field(default_factory=list)  # further counterpoints an answer answers
    basis: Basis | None = None
    tags: list[str] = field(default_factory=list)
    depth: int = 0
    marker: str = ""
    role: Kind | None = None  # the role its heading or label gave it, if any
    path: str | None = None  # every heading above it, outermost first (kept in the node's notes)
    lead: str = ""  # a mark before the point's own marker, such as "Ans."
    by_side: bool = False  # placed by the side it argues (so a note against the proposal turns it)
    sided: bool = False  # placed by an explicit side cue (Proponents …), which later paragraphs carry on
    from_label: bool = False  # placed by the role its own label names ("Contention 1: …")
    intro: bool = False


@dataclass
class Placement:
    """Everything the reader decided about a note."""

    points: list[Placed]
    title: str | None
    question: str | None
    tags: list[str]
    meta_lines: list[str]
    thesis: str | None  # key of the thesis point
    conclusion: str | None
    warnings: list[str]
    against: str | None = None  # the words by which the thesis rejects the proposal it is about


def place(blocks: list[Block], source_name: str) -> Placement:
    """Decide the kind, parent and reason of every point of the note (see the module docstring)."""
    warnings: list[str] = []
    title, question, tags, meta_lines, motion = _metadata(blocks)
    if not any(isinstance(b, Point) for b in blocks):
        # only headings: the last is the note's one point, not a heading
        last = (
            next(b for b in reversed(blocks) if isinstance(b, Heading))
            if any(isinstance(b, Heading) for b in blocks)
            else None
        )
        if last is not None:
            blocks = [b for b in blocks if b is not last] + [Point(last.line, last.text, end_line=last.line)]
    title_heading = _title_heading(blocks)
    topic = next((b for b in blocks if isinstance(b, Meta) and b.field == "topic"), None)
    if (
        topic is not None
        and title == topic.value
        and title_heading is not None
        and title_heading.line < topic.line
        and title_heading.shape == "first line"
    ):
        title = title_heading.text  # the note's own first line names it; "Topic:" under it is the syllabus
    if (
        motion is None
        and title_heading is not None
        and not title_heading.text.endswith("?")
        and _is_debate(blocks)
    ):
        # a debate brief whose first line is its motion ("Nuclear Power Should Be Expanded …")
        motion = Meta(title_heading.line, "motion", title_heading.text, title_heading.text)
    if title is None and motion is not None:
        title = motion.value
    if title is None and question is not None:
        title = _directive_sentence(question)
    if title is None and title_heading is not None:
        title = title_heading.text
        if title.endswith("?") or title_heading.shape == "question":
            question = question or title
    points = _place(blocks, title_heading, motion, warnings, source_name)
    decided = _court_sides(points)
    thesis, conclusion, against = _choose_thesis(points, motion, title)
    if thesis is None:
        warnings.append(
            f"{source_name}: no thesis found (no conclusion, verdict or stated position); add one"
        )
    _take_facts(points)
    if motion is None and thesis is not None and not decided:
        _sides_from_answers(points, thesis)  # (a court's decision, not its reasons, gives a case's sides)
    _link_answers(points, thesis)
    _flatten_evidence(points)
    context = sum(p.kind is Kind.CONTEXT for p in points)
    if points and context * 3 > len(points):
        warnings.append(
            f"{source_name}: {context} of {len(points)} points were read as context; check the headings "
            "(the reader places points by headings such as 'Challenges' or 'Way forward')"
        )
    if title_heading is not None and title != title_heading.text:
        meta_lines.append(title_heading.text)  # a first line the map's title did not take is kept
    return Placement(points, title, question, tags, meta_lines, thesis, conclusion, warnings, against)


def _court_sides(points: list[Placed]) -> bool:
    """A court case note: the arguments of the side the court decided for are claims, those of
    the other side counterpoints, what the court held a claim, and the court's reasons answers to
    be linked to the arguments they meet. Only when headings name both parties' arguments and the
    note says which way the court went; says whether it did."""
    parties = {p.heading: cues.party_heading(p.heading) for p in points if p.heading}
    if {"petitioner", "respondent"} - set(parties.values()):
        return False
    held = [p for p in points if p.heading and cues.holding_heading(p.heading)]
    winner = cues.court_decided_for([p.text for p in held] or [p.text for p in points])
    if winner is None:
        return False
    for placed in points:
        party = parties.get(placed.heading or "")
        if placed.depth or placed.kind is Kind.EVIDENCE or placed.parent is not None:
            continue
        if party is not None:
            kind = Kind.CLAIM if party == winner else Kind.COUNTERPOINT
            side = "for" if party == winner else "against"
            _set(placed, kind, f"under heading '{placed.heading}' (the side the court decided {side})")
            placed.by_side = True
        elif placed.heading and cues.holding_heading(placed.heading):
            _set(placed, Kind.CLAIM, f"under heading '{placed.heading}' (what the court decided)")
            placed.by_side = True
        elif placed.heading and cues.reasoning_heading(placed.heading):
            _set(placed, Kind.REBUTTAL, f"under heading '{placed.heading}' (the court's answer)")
    return True


def _metadata(blocks: list[Block]) -> tuple[str | None, str | None, list[str], list[str], Meta | None]:
    title = question = None
    tags: list[str] = []
    lines: list[str] = []
    motion = None
    for block in blocks:
        if not isinstance(block, Meta):
            continue
        if block.field in ("title", "topic") and title is None and block.value:
            title = block.value
        elif block.field == "question" and question is None and block.value:
            question = block.value
        elif block.field == "motion" and motion is None and block.value:
            motion = block
        elif block.field == "tags":
            tags += [t.strip(" #") for t in block.value.replace(";", ",").split(",") if t.strip(" #")]
        lines.append(block.text)  # every metadata line is kept in the notes, whatever field it filled
    return title, question, tags, lines, motion


def _title_heading(blocks: list[Block]) -> Heading | None:
    """The heading that names the note: a first-level heading, or the first heading before any
    point when it names no section role (``India-Japan bilateral relation``)."""
    before_points = True
    for block in blocks:
        if isinstance(block, Point):
            before_points = False
        if isinstance(block, Heading):
            if block.text.lower() in _GENERIC_TITLES:
                continue
            role = cues.heading_role(block.text)
            names_a_section = role is not None and len(block.text.split()) <= 3
            if before_points and (block.level == 1 or (block.shape == "first line" and not names_a_section)):
                return block
            # the first heading, after an opening paragraph, naming only the topic
            return block if role is None else None
    return None


_DEBATE_WORDS = (" debate", " motion", " proposition", " prop ", " opp ", " rebuttal", " speaker", " prep ")
_DIRECTIVES = (
    "critically",
    "discuss",
    "analyse",
    "analyze",
    "examine",
    "evaluate",
    "comment",
    "explain",
    "assess",
)
_GENERIC_TITLES = frozenset(
    {
        "model answer",
        "answer",
        "notes",
        "my notes",
        "revision notes",
        "summary",
        "introduction",
        "body",
        "main body",
        "the body",
        "conclusion",
        "approach",
    }
)


def _is_debate(blocks: list[Block]) -> bool:
    """Whether the note is a debate brief: its metadata or headings speak of a debate or its sides."""
    said = " ".join(b.text for b in blocks if isinstance(b, (Meta, Heading)))
    return any(word in cues.spaced(said) for word in _DEBATE_WORDS)


def _directive_sentence(question: str) -> str:
    """The sentence of a question that sets the task (``Critically examine …``), else the question."""
    for sentence in sentences(question):
        if sentence.lower().startswith(_DIRECTIVES):
            return sentence
    return question


def _split_label(text: str) -> tuple[str | None, str]:
    """``Heading- text`` / ``Heading: text`` / ``**Heading.** text`` as (heading, text); found
    with plain string search."""
    if text.startswith("**"):
        close = text.find("**", 2, 80)
        inner = text[2:close].strip() if close > 2 else ""
        rest = text[close + 2 :].strip() if close > 2 else ""
        if inner and rest and inner[-1:] in ".:" and len(inner.split()) <= 6 and rest[:1].isupper():
            return inner.rstrip(".:").strip(), rest
    best = -1
    for separator in ("- ", "– ", "— ", ": "):
        at = text.find(separator, 0, 90)
        if at > 0 and (best < 0 or at < best):
            best = at
    stripped = text.rstrip()
    if best < 0 and stripped[-1:] in "-–—:" and len(stripped) <= 90:
        best = len(stripped) - 1
    if best <= 0:
        return None, text
    head, body = text[:best].strip().strip("*_").strip(), text[best + 1 :].strip().strip("*_ ").strip()
    if not head or any(ch in head for ch in ".;!?:") or not (head[0].isupper() or head[0].isdigit()):
        return None, text
    if len(head.split()) > (8 if body else 14):
        return None, text
    if body and cues.label_side(head) is None and any(f" {verb} " in f" {head.lower()} " for verb in _VERBS):
        return None, text  # "Harm is concentrated among heavy users: teens …" is a sentence, not a heading
    return head, body


_VERBS = (
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "must",
    "may",
)


@dataclass
class _Section:
    heading: Heading | None
    role: tuple[Kind, str] | None
    intro: bool
    path: str | None = None  # every heading the point sits under, outermost first


def _place(
    blocks: list[Block],
    title_heading: Heading | None,
    motion: Meta | None,
    warnings: list[str],
    source_name: str,
) -> list[Placed]:
    has_roles = motion is None and any(
        isinstance(b, Heading) and b is not title_heading and cues.heading_role(b.text) for b in blocks
    )
    headings: list[tuple[int, Heading, tuple[Kind, str] | None]] = []
    points: list[Placed] = []
    by_block: dict[int, Placed] = {}
    previous_top: Placed | None = None
    if motion is not None:
        points.append(
            Placed(
                f"line-{motion.line}", motion.line, motion.value, Kind.THESIS, "the motion", role=Kind.THESIS
            )
        )
    groups = _unheaded_groups(blocks)
    against_brief = motion is not None and _brief_against_the_motion(blocks)
    label_role: tuple[Kind, str] | None = None
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) or index in groups:
            label_role = None
        if index in groups:
            group = groups[index]
            headings = [(2, Heading(block.line, ""), group)] if group else []
            previous_top = None
            if group is not None:
                warnings.append(
                    f"{source_name}:{block.line}: points with no heading read as {group[0].value}s ({group[1].removeprefix('no heading; ')})"
                )
        if isinstance(block, Heading):
            if block is title_heading:
                continue
            while headings and headings[-1][0] >= block.level:
                headings.pop()
            role = cues.heading_role(block.text)
            if role is not None and role[0] is Kind.THESIS and _points_under(blocks, index) > _CLOSING_POINTS:
                role = None  # "Why the judgment matters" over six points is a topic, not a closing
            if against_brief:
                role = _role_in_a_brief_against(block.text, role)
            headings.append((block.level, block, role))
            if _heads_nothing(blocks, index):
                points.append(
                    Placed(
                        f"line-{block.line}",
                        block.line,
                        block.text,
                        Kind.CONTEXT,
                        "a heading with nothing under it",
                        heading=block.text,
                    )
                )
                warnings.append(
                    f"{source_name}:{block.line}: heading {block.text!r} has nothing under it; kept as context"
                )
            previous_top = None
            continue
        if not isinstance(block, Point):
            continue
        section = _section(headings, has_roles and not headings)
        if section.role is None and label_role is not None:
            section = _Section(section.heading, label_role, False, section.path)
        parent = by_block.get(block.parent) if block.parent is not None else None
        for placed in _place_point(block, section, parent, previous_top, points, has_roles):
            points.append(placed)
            by_block.setdefault(index, placed)
            if parent is None:
                previous_top = placed
                if placed.from_label and placed.kind in _ARGUING:
                    # the points after "Contention 1: …" argue the same way until the next heading
                    label_role = (placed.kind, f"the list under line {placed.line}")
    return points


_AGAINST_BRIEF = (
    " con side",
    " neg side",
    " opp side",
    " opposition side",
    " side opposition",
    " side opp ",
    " side con ",
    " side negative",
    " we are negating",
    " we negate",
    " negating ",
    " we oppose the motion",
    " side against",
    " opposition brief",
    " opp brief",
    " neg brief",
    " negative brief",
)
_OURS = (" our ", " we ", " us ")
_THEIRS = (" their ", " they ", " will run", " pro ", " prop ", " aff ", " government ")


def _brief_against_the_motion(blocks: list[Block]) -> bool:
    """Whether a debate brief says it is prepared for the side against its motion (``CON side
    (we are negating)``, ``Side: Opposition``), in its metadata or its first lines."""
    opening = " ".join(b.text for b in blocks[:6] if isinstance(b, (Meta, Heading, Point)))
    said = cues.spaced(opening)
    return any(phrase in said for phrase in _AGAINST_BRIEF)


def _role_in_a_brief_against(heading: str, role: tuple[Kind, str] | None) -> tuple[Kind, str] | None:
    """In a brief for the side against the motion, its own sections (``Our attacks``, ``Our own
    case``) argue against the motion and the other side's (``PRO will run``) for it."""
    said = cues.spaced(heading)
    if role is not None and role[0] not in (Kind.CLAIM, Kind.COUNTERPOINT):
        return role
    if any(word in said for word in _OURS):
        return Kind.COUNTERPOINT, "our side, in a brief against the motion"
    if any(word in said for word in _THEIRS):
        return Kind.CLAIM, "their side, in a brief against the motion"
    return role


#: A closing section (``Conclusion``, ``Verdict``, ``Summary``) holds a paragraph or a few lines;
#: a heading with these words over more top-level points than this only names a topic.
_CLOSING_POINTS = 4


def _points_under(blocks: list[Block], index: int) -> int:
    """The top-level points under the heading at ``index``, up to the next heading of its level."""
    heading = blocks[index]
    level = heading.level if isinstance(heading, Heading) else 2
    count = 0
    for block in blocks[index + 1 :]:
        if isinstance(block, Heading) and block.level <= level:
            break
        if isinstance(block, Point) and block.parent is None:
            count += 1
    return count


def _heads_nothing(blocks: list[Block], index: int) -> bool:
    """Whether the heading at ``index`` is followed by no point before the next heading of its
    level (or a higher one) or the end of the note."""
    heading = blocks[index]
    level = heading.level if isinstance(heading, Heading) else 2
    for block in blocks[index + 1 :]:
        if isinstance(block, Point):
            return False
        if isinstance(block, Heading) and block.level <= level:
            return True
    return True


def _unheaded_groups(blocks: list[Block]) -> dict[int, tuple[Kind, str] | None]:
    """Groups of points set apart by two blank lines with no heading of their own, by the index of
    their first block, with the role their words give the whole group (None: each point decides)."""
    starts = [
        index
        for index, block in enumerate(blocks)
        if isinstance(block, Point)
        and block.parent is None
        and block.gap >= 2
        and index
        and isinstance(blocks[index - 1], Point)
    ]
    groups: dict[int, tuple[Kind, str] | None] = {}
    for start in starts:
        members: list[Point] = []
        for block in blocks[start:]:
            if not isinstance(block, Point) or (members and block.parent is None and block.gap >= 2):
                break
            members.append(block)
        groups[start] = _group_role(members)
    return groups


def _group_role(members: list[Point]) -> tuple[Kind, str] | None:
    if len(members) < 2 or not any(m.marker for m in members):
        return None
    text = " ".join(m.text for m in members)
    against, support = cues.counterpoint_cues(text), cues.claim_cues(text)
    if len(against) >= 2 and len(against) > len(support):
        return Kind.COUNTERPOINT, "no heading; the group mentions " + ", ".join(against[:4])
    recommending = sum(cues.recommendation_cue(m.text) is not None for m in members if m.parent is None)
    if recommending * 2 > sum(m.parent is None for m in members):
        return Kind.RECOMMENDATION, "no heading; most of the group says what should be done"
    return None


def _section(headings: list[tuple[int, Heading, tuple[Kind, str] | None]], intro: bool) -> _Section:
    path = " › ".join(heading.text for _, heading, _ in headings if heading.text) or None
    for _, heading, role in reversed(headings):
        if role is not None:
            return _Section(
                headings[-1][1],
                role if heading is headings[-1][1] else (role[0], f"{role[1]}' in '{heading.text}"),
                intro,
                path,
            )
    return _Section(headings[-1][1] if headings else None, None, intro, path)


def _place_point(
    point: Point,
    section: _Section,
    parent: Placed | None,
    previous: Placed | None,
    points: list[Placed],
    has_roles: bool,
) -> list[Placed]:
    """The point as one or more placed points (a turn inside it makes two)."""
    label, body = _split_label(point.text)
    if label is not None and not body:
        body, label = label, None
    pieces = _split_points(body)
    out: list[Placed] = []
    heading = section.heading.text if section.heading and section.heading.text else None
    for number, (text, turn) in enumerate(pieces):
        key = f"line-{point.line}" if number == 0 else f"line-{point.line}-{number + 1}"
        placed = Placed(
            key,
            point.line,
            text,
            Kind.CONTEXT,
            "",
            label=label if number == 0 else None,
            heading=heading,
            path=section.path,
            lead=point.lead,
            depth=point.depth,
            marker=point.marker,
            intro=section.intro,
        )
        if label and number == 0 and len(label.split()) <= 4:
            placed.tags = [label]
        topic = cues.topic_answer(text)
        answers_follow = number + 1 < len(pieces) and cues.topic_answer(pieces[number + 1][0])
        if answers_follow and len(text.split()) <= 8 and not cues.topic_answer(text):
            # "Each risk has an answer." before "On X, …" sentences only announces them
            _set(placed, Kind.CONTEXT, "introduces the answers after it")
        elif topic and any(p.kind is Kind.COUNTERPOINT for p in [*points, *out]):
            # "On cash, the Court found …": an answer to the challenge it names, wherever that
            # challenge was stated; the linker finds it by the words they share
            _set(placed, Kind.REBUTTAL, f"answers the challenge it names ('{topic}')")
            placed.by_side = True
        elif number > 0:
            before = out[-1]
            if before.kind in (Kind.COUNTERPOINT,):
                _set(
                    placed,
                    Kind.REBUTTAL,
                    f"answers the point before it in line {point.line} ('{turn}')",
                    before.key,
                    RelationType.OPPOSES,
                )
            elif before.kind in (Kind.CLAIM, Kind.REBUTTAL, Kind.RECOMMENDATION):
                _set(
                    placed,
                    Kind.COUNTERPOINT,
                    f"turns against the point before it in line {point.line} ('{turn}')",
                    before.key,
                    RelationType.OPPOSES,
                )
            else:
                _decide(placed, section, None, previous, has_roles, label=None, earlier=len(points) + number)
        else:
            _decide(placed, section, parent, previous, has_roles, label=label, earlier=len(points) + number)
        out.append(placed)
    return out


def _set(
    placed: Placed, kind: Kind, why: str, parent: str | None = None, relation: RelationType | None = None
) -> None:
    placed.kind, placed.why, placed.parent, placed.relation = kind, why, parent, relation


def _decide(
    placed: Placed,
    section: _Section,
    parent: Placed | None,
    previous: Placed | None,
    has_roles: bool,
    label: str | None,
    earlier: int = 0,
) -> None:
    text = placed.text
    opening = cues.answer_opening(text)
    if parent is not None:
        if opening is None and label and cues.label_side(label) is Kind.CLAIM:
            opening = label  # "↳ Response: …", "Prop reply: …" under an objection: our side's answer
        if opening and parent.kind is Kind.COUNTERPOINT:
            _set(
                placed,
                Kind.REBUTTAL,
                f"answers the point above it ('{opening}')",
                parent.key,
                RelationType.OPPOSES,
            )
        elif parent.kind is Kind.CONTEXT:
            _set(
                placed,
                Kind.CONTEXT,
                f"nested under background in line {parent.line}",
                parent.key,
                RelationType.SUPPORTS,
            )
        else:
            found = fact_basis(text)
            placed.basis = found[0] if found else None
            owner = parent
            _set(
                placed,
                Kind.EVIDENCE,
                f"nested under line {parent.line}" + (f" (a fact: {found[1]})" if found else ""),
                owner.key,
                RelationType.SUPPORTS,
            )
        return
    if previous is not None and previous.kind in _ARGUING and _reads_as_evidence(placed, previous):
        found = fact_basis(text)
        placed.basis = found[0] if found else Basis.EXAMPLE
        _set(
            placed,
            Kind.EVIDENCE,
            f"a fact right after line {previous.line}" + (f" ({found[1]})" if found else ""),
            previous.key,
            RelationType.SUPPORTS,
        )
        return
    sign = SIGN_MARKS.get(placed.lead)
    if sign is not None:
        # "(+) …" / "(–) …": the note marks the point's side itself
        _set(placed, Kind.CLAIM if sign == "+" else Kind.COUNTERPOINT, f"marked '{placed.lead}'")
        placed.by_side = True
        return
    side_label = cues.label_side(label) if label else None
    if (
        side_label is Kind.CLAIM
        and previous is not None
        and previous.kind is Kind.COUNTERPOINT
        and previous.sided
    ):
        why = f"answers line {previous.line} (labelled '{label}' after '{previous.label}')"
        _set(placed, Kind.REBUTTAL, why, previous.key, RelationType.OPPOSES)
        return
    if side_label is not None:
        _set(placed, side_label, f"labelled '{label}'")
        placed.by_side, placed.sided = True, True
        return
    role = cues.heading_role(label) if label and len(label.split()) <= 5 else None
    where = f"label '{label}'" if role else None
    placed.from_label = role is not None
    if (
        role is not None
        and section.role is not None
        and label is not None
        and len(label.split()) > 3
        and role[0] not in (Kind.THESIS, Kind.RECOMMENDATION, Kind.REBUTTAL)
    ):
        role = None  # a topic label inside a section with a role: the section decides
    if role is None and section.role is not None:
        role, where = section.role, f"heading '{placed.heading}'" if placed.heading else "its group"
    side = cues.side_cue(text)
    if role is not None:
        placed.role = role[0]
    if role is not None and role[0] is Kind.THESIS:
        measure = cues.recommendation_cue(text)
        if measure and measure.startswith("opens with") and not cues.stance_phrases(text):
            # "Revive the Inter-State Council …" under "Conclusion": a command is a measure, not
            # the position (which states, "… should go ahead only in a smaller form")
            _set(placed, Kind.RECOMMENDATION, f"a measure under {where} (cue {measure})")
            placed.role = None
            return
        _set(placed, Kind.CONTEXT, f"under {where} ('{role[1]}'): part of the conclusion")
        return
    if opening and previous is not None and role is not None and role[0] is not Kind.RECOMMENDATION:
        if _answers(placed, previous, opening):
            return
        if previous.kind in (Kind.CLAIM, Kind.REBUTTAL):
            _set(
                placed,
                Kind.COUNTERPOINT,
                f"turns against line {previous.line} (opens with '{opening}')",
                previous.key,
                RelationType.OPPOSES,
            )
            return
    if role is not None and role[0] is not Kind.CONTEXT:
        kind = role[0]
        command = cues.command_opening(text)
        if kind in (Kind.CLAIM, Kind.COUNTERPOINT) and command and not opening:
            # "Extend the freeze …" under a list of arguments: a measure, whatever the heading
            _set(placed, Kind.RECOMMENDATION, f"a measure: opens with '{command}' (under {where})")
            return
        if (
            kind in (Kind.CLAIM, Kind.COUNTERPOINT)
            and side is not None
            and side[0] is not kind
            and where
            and where.startswith("heading")
        ):
            _set(placed, side[0], f"opens with '{side[1]}' (under {where})")
            placed.by_side = side[1] not in cues.CRITICS
            return
        _set(placed, kind, f"under {where} ('{role[1]}')")
        placed.by_side = kind in (Kind.CLAIM, Kind.COUNTERPOINT) and not (side and side[1] in cues.CRITICS)
        return
    if side is not None:
        _set(placed, side[0], f"opens with '{side[1]}'")
        placed.by_side, placed.sided = side[1] not in cues.CRITICS, True
        return
    carried = cues.continues_side(text)
    if carried and previous is not None and previous.sided and not opening:
        _set(placed, previous.kind, f"carries on the side of line {previous.line} ('{carried}')")
        placed.by_side, placed.sided = previous.by_side, True
        return
    if opening and previous is not None and _answers(placed, previous, opening):
        return
    parts = sentences(text) if role is None and not placed.marker and label is None else []
    lead = cues.paragraph_lead(parts[0]) if len(parts) > 1 else None
    if lead is not None:
        # "These gaps can be closed. Better data … Incentives …": the opening sentence heads the rest
        _set(placed, lead[0], f"its opening sentence announces it ('{lead[1].strip()}')")
        placed.by_side = lead[0] in (Kind.CLAIM, Kind.COUNTERPOINT)
        return
    ordinal = cues.ordinal_opening(text)
    if ordinal and not opening and (role is None or role[0] is Kind.CONTEXT) and not placed.marker:
        _set(placed, Kind.CLAIM, f"an argument of the note's own case (opens with '{ordinal}')")
        placed.by_side = True
        return
    background = role is not None or placed.intro
    by_role = f" under {where}" if where else ""
    if background and not opening:
        _set(placed, Kind.CONTEXT, "background" + (by_role or " (before the note's first section)"))
        return
    _by_cues(placed, opening, previous, has_roles, earlier)


def _answers(placed: Placed, previous: Placed, opening: str) -> bool:
    """Make the point a rebuttal of the counterpoint before it, when it is one; say whether it was."""
    if previous.kind is not Kind.COUNTERPOINT:
        return False
    why = f"answers line {previous.line} (opens with '{opening}')"
    _set(placed, Kind.REBUTTAL, why, previous.key, RelationType.OPPOSES)
    return True


def _by_cues(
    placed: Placed, opening: str | None, previous: Placed | None, has_roles: bool, earlier: int = 0
) -> None:
    text = placed.text
    recommendation = cues.recommendation_cue(text)
    against = cues.counterpoint_cues(text)
    support = cues.claim_cues(text)
    background = cues.context_cues(text)
    dated = cues.dated_opening(text)
    if (
        dated
        and earlier <= 1
        and not has_roles
        and not placed.marker
        and not opening
        and not recommendation
        and cues.stance_score(text)[0] < 4
    ):
        # a note of prose opens with the story so far: a dated paragraph before its arguments
        _set(placed, Kind.CONTEXT, f"background: the note's opening, dated ('{dated}')")
        return
    if opening:
        _set(placed, Kind.COUNTERPOINT, f"opens with '{opening}'")
    elif recommendation:
        _set(placed, Kind.RECOMMENDATION, f"cue '{recommendation}'")
    elif against and cues.counterpoint_weight(against) >= len(support):
        _set(placed, Kind.COUNTERPOINT, "cue " + ", ".join(f"'{w}'" for w in against[:3]))
    elif support and len(support) >= len(background):
        _set(placed, Kind.CLAIM, "cue " + ", ".join(f"'{w}'" for w in support[:3]))
    elif background:
        _set(placed, Kind.CONTEXT, "background: " + ", ".join(f"'{w}'" for w in background[:3]))
    elif previous is None and not has_roles and placed.line <= 3 and not placed.marker:
        _set(placed, Kind.CONTEXT, "the note's opening, with no cue")
    else:
        # the note's own point, whichever way the note argues: a note against a proposal argues
        # against it in its own points too, so these are never turned
        _set(placed, Kind.CLAIM, "no cue word; a point of the note is read as a claim")
        return
    placed.by_side = placed.kind in (Kind.CLAIM, Kind.COUNTERPOINT)


_EVIDENCE_LABELS = frozenset(
    {
        "example",
        "examples",
        "e.g",
        "eg",
        "evidence",
        "data",
        "case",
        "case study",
        "instance",
        "stat",
        "stats",
    }
    | {"fact", "facts", "for example", "illustration", "proof"}
)


def _reads_as_evidence(placed: Placed, previous: Placed) -> bool:
    """An example or a fact set under the point before it: ``e.g. …``, a line labelled
    ``Example:``, or an unmarked line with a fact right under a bullet or a labelled point."""
    lowered = placed.text.lower().lstrip("(*_ ")
    if lowered.startswith(_EVIDENCE_OPENINGS):
        return True
    if placed.label and placed.label.lower().strip(" .") in _EVIDENCE_LABELS:
        return True
    return (
        placed.marker == ""
        and (previous.marker != "" or (previous.label is not None and placed.label is None))
        and previous.line + 1 == placed.line
        and fact_basis(placed.text) is not None
    )


def _split_points(text: str) -> list[tuple[str, str]]:
    """The point's text cut where it turns: each piece with the words that open the turn."""
    pieces: list[tuple[str, str]] = []
    current: list[str] = []
    for sentence in sentences(text):
        opening = cues.answer_opening(sentence) or cues.topic_answer(sentence)
        if current and opening and opening not in ("yet", "still"):
            pieces.append((" ".join(current), ""))
            current = [sentence]
            pieces.append(("", opening))
            continue
        current.append(sentence)
    pieces.append((" ".join(current), ""))
    out: list[tuple[str, str]] = []
    turn = ""
    for piece, opening in pieces:
        if not piece:
            turn = opening
            continue
        out.append((piece, turn))
        turn = ""
    if len(out) == 1:
        side = cues.side_cue(out[0][0])
        if side is not None and side[0] is Kind.COUNTERPOINT:
            for marker in (", but ", "; but ", " but "):
                head, found, tail = out[0][0].partition(marker)
                if found and len(head.split()) >= 4 and len(tail.split()) >= 4:
                    return [(head + ",", ""), (found.strip(" ,;").capitalize() + " " + tail, "but")]
    return out


def _choose_thesis(
    points: list[Placed], motion: Meta | None, title: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """The key of the thesis point, the conclusion text, and the words rejecting the proposal."""
    if motion is not None:
        thesis = points[0]
        return thesis.key, None, None
    best: tuple[int, int, Placed] | None = None
    tops = [p for p in points if p.parent is None or p.kind is Kind.CONTEXT]
    last_top = tops[-1] if tops else None
    marked_before = any(p.marker for p in points)
    for position, placed in enumerate(points):
        score, _ = _thesis_score(
            placed,
            placed is last_top and len(tops) > 1 and (marked_before or placed.role is Kind.THESIS),
            position == 0,
        )
        if score >= 4 and (best is None or score >= best[0]):
            best = (score, position, placed)
    if best is None:
        # a note that is one paragraph and nothing else states a position to argue
        opening = _opening_statement(points)
        if opening is None:
            return None, None, None
        best = (0, points.index(opening), opening)
    placed = best[2]
    conclusion = None
    parts = sentences(placed.text)
    if placed.role is Kind.THESIS or placed is last_top:
        conclusion = " ".join(
            p.text for p in points if p.role is Kind.THESIS and p is not placed and p.parent is None
        )
        conclusion = (placed.text + (" " + conclusion if conclusion else "")).strip()
    if len(parts) > 1:
        chosen = max(range(len(parts)), key=lambda i: (_phrases(parts[i]), -i))
        rest = [s for i, s in enumerate(parts) if i != chosen]
        placed.text = parts[chosen]
        if conclusion is not None:
            _measures_in_conclusion(points, placed, rest)
        if conclusion is None:
            points.insert(
                points.index(placed) + 1,
                Placed(
                    placed.key + "-rest",
                    placed.line,
                    " ".join(rest),
                    Kind.CONTEXT,
                    "the rest of the thesis paragraph",
                    heading=placed.heading,
                ),
            )
    placed.kind, placed.parent, placed.relation = Kind.THESIS, None, None
    placed.why = _why_thesis(placed, motion)
    for other in points:
        if other.role is Kind.THESIS and other is not placed and conclusion and other.parent is None:
            other.why = "part of the conclusion"
    against = cues.against_proposal(placed.text, title)
    if against:
        _turn_sides(points, placed)
    return placed.key, conclusion, against


def _measures_in_conclusion(points: list[Placed], thesis: Placed, rest: list[str]) -> None:
    """Sentences of the closing paragraph that say what should be done are recommendations too
    (the whole paragraph stays the map's conclusion)."""
    at = points.index(thesis) + 1
    for number, sentence in enumerate(rest):
        cue = cues.recommendation_cue(sentence)
        if cue is None:
            continue
        measure = Placed(
            f"{thesis.key}-measure-{number + 1}",
            thesis.line,
            sentence,
            Kind.RECOMMENDATION,
            f"a measure in the closing paragraph (cue '{cue}')",
            heading=thesis.heading,
        )
        points.insert(at, measure)
        at += 1


def _opening_statement(points: list[Placed]) -> Placed | None:
    """The note's first point when it reads as a position: an unmarked paragraph under no heading
    with a role, stating no fact, and not marked as background (``Context-``)."""
    first = next((p for p in points if p.depth == 0), None)
    if first is None or first.marker or first.role is not None or first.sided or first.parent is not None:
        return None
    if first.kind not in (Kind.CLAIM, Kind.CONTEXT, Kind.RECOMMENDATION):
        return None
    if first.label and cues.heading_role(first.label) is not None:
        return None
    head = sentences(first.text)[0]
    if not cues.states_something(head):
        return None
    if fact_basis(head) is not None and not cues.stance_phrases(head):
        return None
    return first


def _phrases(sentence: str) -> int:
    """How plainly a sentence states a position: stance phrases count double, an opening once."""
    return (
        2 * len(cues.stance_phrases(sentence))
        + (cues.stance_opening(sentence) is not None)
        + 3 * (cues.announced_position(sentence) is not None)
    )


def _thesis_score(placed: Placed, closing: bool, first: bool) -> tuple[int, str | None]:
    if placed.depth > 0 or placed.kind is Kind.EVIDENCE or not cues.states_something(placed.text):
        return 0, None
    score, why = cues.stance_score(placed.text)
    if placed.kind is Kind.RECOMMENDATION and score < 5 and placed.marker:
        score = 0
    if placed.role is Kind.THESIS and not (
        placed.label and cues.heading_role(placed.label) is None and not cues.names_the_position(placed.label)
    ):
        # (a labelled line of its own under "My verdict", such as "Mnemonic: …", is not the verdict)
        score += 10
        if placed.marker == "" and (
            cues.names_the_position(placed.heading) or cues.names_the_position(placed.label)
        ):
            score += 20  # "Thesis for the answer", "ONE-LINE SUMMARY": more than a closing section
    if closing and placed.marker == "":
        score += 5
    if score and cues.announced_position(placed.text):
        score += 3  # "So I'll put my conclusion first: …" outweighs a last paragraph's place
    if first and score:
        score += 1
    if placed.marker == "" and placed.intro and score and cues.stance_phrases(placed.text):
        score += 2  # a stated position set apart in the opening
    return score, why


def _why_thesis(placed: Placed, motion: Meta | None) -> str:
    if placed.role is Kind.THESIS:
        return f"the note's position: under '{placed.heading or placed.label}'"
    _, why = cues.stance_score(placed.text)
    return f"the note's position ({why})" if why else "the note's closing paragraph"


def _turn_sides(points: list[Placed], thesis: Placed) -> None:
    """The note argues against the proposal it names: arguments for the proposal are objections
    to the thesis, arguments against it support the thesis, and answers to them turn with them.
    A point with no cue word is the note's own and is never turned."""
    for placed in points:
        if placed is thesis or not placed.by_side:
            continue
        if placed.kind is Kind.CLAIM:
            placed.kind = Kind.COUNTERPOINT
        elif placed.kind is Kind.COUNTERPOINT:
            placed.kind = Kind.CLAIM if placed.parent is None else Kind.REBUTTAL
        else:
            continue
        placed.why += "; turned, since the note argues against the proposal"
    by_key = {p.key: p for p in points}
    for placed in points:
        parent = by_key.get(placed.parent or "")
        if parent is None or placed.relation is not RelationType.OPPOSES:
            continue
        if placed.kind is Kind.COUNTERPOINT and parent.kind is Kind.COUNTERPOINT:
            placed.kind = Kind.REBUTTAL
        elif placed.kind is Kind.REBUTTAL and parent.kind is not Kind.COUNTERPOINT:
            placed.kind = Kind.COUNTERPOINT


def _take_facts(points: list[Placed]) -> None:
    """Facts inside a point (later sentences, bracketed asides) become evidence under it."""
    index = 0
    while index < len(points):
        placed = points[index]
        index += 1
        if placed.kind not in _ARGUING or (placed.depth > 0 and placed.kind is Kind.EVIDENCE):
            continue
        whole_sentences = placed.kind is Kind.RECOMMENDATION  # "as tried in …" is part of a measure
        found: list[Placed] = []
        text = placed.text
        kept: list[str] = []
        for number, sentence in enumerate(sentences(text)):
            basis = fact_basis(sentence)
            if number and basis is not None:
                found.append(_evidence(placed, sentence, basis, len(found)))
                continue
            shown = None if whole_sentences or number else inference(sentence)
            if shown is not None:
                found.append(
                    _evidence(placed, shown[0], fact_basis(shown[0]) or (Basis.FACT, ""), len(found))
                )
                sentence = shown[1][0].upper() + shown[1][1:]
            pieces = [sentence] if whole_sentences else clauses(sentence)
            if not pieces:  # punctuation only (",", ";"): nothing to cut, keep it as it is
                kept.append(sentence)
                continue
            head = [pieces[0]]
            tail: list[str] = []
            semicolon = sentence.find("; ")
            for piece in pieces[1:]:
                after_semicolon = (
                    semicolon >= 0
                    and sentence.find(piece) > semicolon
                    and len(piece.split()) >= 5
                    and reports(piece)  # a reason after a semicolon stays the point's own
                )
                joined = piece.lower().startswith("and ") and not reports(piece)
                # a clause joined by ", and" is the point's own unless it reports an observed fact
                if (
                    not tail
                    and not after_semicolon
                    and (joined or fact_basis(piece) is None or len(piece.split()) < 4)
                ):
                    head.append(piece)
                else:
                    tail.append(piece)  # a fact clause and whatever follows it
            if tail:
                fact = ", ".join(tail)
                found.append(
                    _evidence(
                        placed,
                        fact,
                        fact_basis(fact) or (Basis.EXAMPLE, "a detail after a semicolon"),
                        len(found),
                    )
                )
            kept.append(_rejoin(sentence, head))
        text = " ".join(kept)
        if found:
            placed.text = text
            for number, evidence in enumerate(found):
                evidence.key = f"{placed.key}-fact-{number + 1}"
            points[index:index] = found
            index += len(found)


def _rejoin(sentence: str, pieces: list[str]) -> str:
    """The sentence again when nothing was taken out of it, else its kept pieces joined."""
    if len(pieces) == len(clauses(sentence)):
        return sentence
    joined = ", ".join(pieces)
    return joined if joined.endswith((".", "!", "?")) else joined + "."


def _evidence(placed: Placed, text: str, basis: tuple[Basis, str], number: int) -> Placed:
    return Placed(
        f"{placed.key}-fact-{number + 1}",
        placed.line,
        text,
        Kind.EVIDENCE,
        f"a fact inside line {placed.line} ({basis[0].value}: {basis[1]})",
        heading=placed.heading,
        parent=placed.key,
        relation=RelationType.SUPPORTS,
        basis=basis[0],
        depth=placed.depth + 1,
    )


def _sides_from_answers(points: list[Placed], thesis: str) -> None:
    """A note answers the other side: when its answers (``Answering the objections``, ``Pros
    answered``) take up the points it was read to make for itself, and none of the points read
    as against it, those points are the other side's, and the note's sides are turned."""
    answers = [p for p in points if p.kind is Kind.REBUTTAL and p.parent is None]
    ours = [p for p in points if p.kind is Kind.CLAIM and p.by_side and p.depth == 0]
    if not answers or not ours:
        return
    rarity = Rarity.of(
        [f"{p.label} {p.text}" if p.label else p.text for p in points if p.kind is not Kind.EVIDENCE]
    )
    claims = Linker([(p.key, f"{p.label or ''} {p.text}") for p in ours], rarity)
    theirs = [p for p in points if p.kind is Kind.COUNTERPOINT]
    against = Linker([(p.key, f"{p.label or ''} {p.text}") for p in theirs], rarity) if theirs else None
    take_up_ours = take_up_theirs = 0
    for answer in answers:
        text = f"{answer.label} {answer.text}" if answer.label else answer.text
        take_up_theirs += against is not None and bool(against.best(text))
        take_up_ours += bool(claims.best(text))
    if take_up_ours * 2 > len(answers) and take_up_theirs * 4 < len(answers):
        thesis_point = next(p for p in points if p.key == thesis)
        _turn_sides(points, thesis_point)


def _link_answers(points: list[Placed], thesis: str | None) -> None:
    """Link way-forward items and unplaced answers to the counterpoints they answer."""
    below: dict[str, list[str]] = {}
    for p in points:
        if p.kind is Kind.EVIDENCE and p.parent:
            below.setdefault(p.parent, []).append(p.text)
    counterpoints = [
        (p.key, " ".join([p.label or "", p.text, *below.get(p.key, [])]))
        for p in points
        if p.kind is Kind.COUNTERPOINT
    ]
    open_counterpoints = [
        p.key for p in points if p.kind is Kind.COUNTERPOINT and p.parent in (None, thesis) and p.depth == 0
    ]
    answered = {p.parent for p in points if p.kind is Kind.REBUTTAL and p.parent}
    open_counterpoints = [key for key in open_counterpoints if key not in answered]
    answers = [p for p in points if p.parent is None and p.kind in (Kind.RECOMMENDATION, Kind.REBUTTAL)]
    # a note of challenges alone (or answers alone) has nothing to index
    linker = (
        Linker(
            counterpoints,
            Rarity.of(
                [f"{p.label} {p.text}" if p.label else p.text for p in points if p.kind is not Kind.EVIDENCE]
            ),
        )
        if answers and counterpoints
        else None
    )
    for rank, placed in enumerate(answers):
        aligned = open_counterpoints[rank] if rank < len(open_counterpoints) else None
        text = placed.text if not placed.label else f"{placed.label} {placed.text}"
        matches = linker.best(text, aligned) if linker is not None else []
        if not matches and aligned is not None and len(answers) == len(open_counterpoints) > 1:
            # as many answers as open challenges: a note answers them in the order it listed them
            placed.parent, placed.relation = aligned, RelationType.OPPOSES
            placed.why += (
                f"; answers line {aligned.split('-')[1]} (shares no idea with any challenge, but is "
                f"number {rank + 1} of {len(answers)} answers to as many challenges)"
            )
            continue
        if matches:
            key, score, shared = matches[0]
            placed.parent, placed.relation = key, RelationType.OPPOSES
            placed.also = [found[0] for found in matches[1:]]
            placed.why += (
                f"; answers line {key.split('-')[1]} (shares {', '.join(shared[:4])}; score {score:.2f})"
            )
            continue
        if placed.kind is Kind.REBUTTAL:
            placed.kind = Kind.CLAIM
            placed.why += "; answers no counterpoint of the note, so read as a claim"
        if thesis is not None:
            placed.parent, placed.relation = thesis, RelationType.SUPPORTS
            if placed.kind is Kind.RECOMMENDATION:
                placed.why += "; matches no counterpoint, so supports the thesis"
    for placed in points:
        if (
            placed.parent is None
            and thesis is not None
            and placed.key != thesis
            and placed.kind in (Kind.CLAIM, Kind.COUNTERPOINT)
        ):
            placed.parent = thesis
            placed.relation = RelationType.SUPPORTS if placed.kind is Kind.CLAIM else RelationType.OPPOSES


def _flatten_evidence(points: list[Placed]) -> None:
    """Evidence nested under evidence belongs to the nearest point that argues; evidence whose
    point is context is context itself."""
    by_key = {p.key: p for p in points}
    for placed in points:
        if placed.kind is not Kind.EVIDENCE:
            continue
        parent = by_key.get(placed.parent or "")
        steps = 0
        while parent is not None and parent.kind is Kind.EVIDENCE and steps < len(points):
            parent = by_key.get(parent.parent or "")
            steps += 1
        if parent is None or parent.kind is Kind.CONTEXT:
            placed.kind, placed.basis = Kind.CONTEXT, None
            placed.parent = parent.key if parent is not None else None
            placed.why += "; under background, so background too"
        else:
            placed.parent = parent.key
