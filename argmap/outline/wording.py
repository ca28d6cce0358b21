"""A point's wording cut to its word budget: the map's text condensed, never rewritten.

A budget says how much the student will write on a point; the outline should give them about that
much to write from. When a point, with its evidence and sub-points, says more than its budget, the
pieces are condensed in proportion: whole sentences first, then a sentence cut at a clause
boundary (a comma, a semicolon, a dash, "which", "while" …), and only then at a word, marked with
an ellipsis. Words are dropped, never invented, so a point can fall short of its budget only when
the map says less than that about it. The full text is kept on the point (``detail``) for the Word
file's comment and the Markdown note.
"""

from __future__ import annotations

import dataclasses
import math
import re

from argmap.outline.model import EvidenceRef, Outline, Point, Section

#: the share of its budget a point's wording may fall short or run over and still fit it
TOLERANCE = 0.3
_MIN_PIECE = 6  # a piece condensed below this many words says nothing; keep that many
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(A-Z0-9])")
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
# where a sentence may end early and still read as one: after a clause, not inside a phrase
_CLAUSE = re.compile(
    r"(?:[,;:]|\s[—–-])\s+(?=\S)|\s(?=(?:which|while|whereas|although|though|but|because|as well as|"
    r"including|so that|even as|and thus|thereby|and (?=(?:for|to|in|on|by|with|at|as)\b)))"
)
# a cut must not leave a sentence ending on a word that promises more
_DANGLING = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "that",
        "which",
        "who",
        "whose",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "than",
        "such",
        "into",
        "over",
        "under",
        "between",
        "among",
        "about",
        "while",
        "whereas",
    ]
)


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces."""
    return len(text.split())


def fits(words: int, budget: int) -> bool:
    """Whether ``words`` is within :data:`TOLERANCE` of ``budget``."""
    return (1 - TOLERANCE) * budget <= words <= (1 + TOLERANCE) * budget


def as_sentence(text: str) -> str:
    """``text`` closed as a sentence: a full stop unless it already ends in one (or an ellipsis)."""
    text = text.rstrip(" ,;:—–-")
    return text if text.endswith((".", "!", "?", "…", '"', "”", ")")) else text + "."


def _word_cut(text: str, target: int) -> str:
    words = text.split()[: max(target, 1)]
    while len(words) > 1 and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:—–-") + "…"


def condense(text: str, target: int) -> str:
    """``text`` in about ``target`` words: itself when it fits; else its first sentences, or the
    sentence that overflows ended at a clause, whichever comes nearest ``target``; else cut at a
    word with an ellipsis."""
    flat = " ".join(text.split())
    if target <= 0 or word_count(flat) <= target * (1 + TOLERANCE):
        return flat
    sentences = _SENTENCE.split(flat)
    candidates = [" ".join(sentences[:end]) for end in range(1, len(sentences) + 1)]
    kept: list[str] = []
    overflow = sentences[-1]
    for sentence in sentences:
        if word_count(" ".join([*kept, sentence])) > target * (1 + TOLERANCE):
            overflow = sentence
            break
        kept.append(sentence)
    prefix = " ".join(kept)
    shorter = _PARENTHESIS.sub("", overflow)
    candidates += [
        f"{prefix} {shorter[: m.start()]}".strip()
        for m in _CLAUSE.finditer(shorter)
        if word_count(shorter[: m.start()]) >= 4  # "India and …" is no clause to stop at
    ]
    candidates.append(f"{prefix} {shorter}".strip())
    fitting = [c for c in candidates if word_count(c) <= target * (1 + TOLERANCE)]
    if fitting:
        best = min(fitting, key=lambda c: abs(word_count(c) - target))
        # a clause cut reads better than a word cut, even a little short of the target
        if word_count(best) >= max(target / 2, min(_MIN_PIECE, target)):
            return as_sentence(best)
    return _word_cut(f"{prefix} {shorter}".strip(), target)


def point_words(point: Point) -> int:
    """The words an outline gives for a point: its text, its evidence and its sub-points'."""
    return (
        word_count(point.text)
        + sum(word_count(item.text) for item in point.evidence)
        + sum(point_words(sub) for sub in point.sub_points)
    )


def _level(lengths: list[int], target: float) -> float:
    """The cap ``c`` at which pieces of these lengths, each cut to at most ``c`` words, add up to
    ``target``: short pieces stay whole, long ones give up the words (water-filling).

    The value is that of 40 bisection steps over ``[0, max(lengths)]`` (the cap is rounded and
    compared further on, so it must not move by a last bit). The level is worked out in closed
    form from the sorted lengths, and each step is decided against it; only a step whose middle
    lies within a rounding error's reach of the level sums the capped lengths as before."""
    high = float(max(lengths, default=0))
    level = _closed_level(sorted(lengths), target)
    near = 1e-13 * (len(lengths) + 1) ** 2 * (high + abs(target) + 1)
    low = 0.0
    for _ in range(40):
        middle = (low + high) / 2
        if abs(middle - level) > near:
            below = middle < level
        else:  # min(length, middle) in the list's order, as the bisection always summed them
            below = sum([middle if middle < length else length for length in lengths]) < target
        if below:
            low = middle
        else:
            high = middle
    return high


def _closed_level(ordered: list[int], target: float) -> float:
    """The water level of ``ordered`` (ascending) for ``target``: ``inf`` when even whole the
    pieces add up to less than ``target``."""
    whole = 0  # the words of the pieces shorter than the level, kept whole
    for index, length in enumerate(ordered):
        level = (target - whole) / (len(ordered) - index)
        if level <= length:
            return level
        whole += length
    return math.inf


def _fit_point(point: Point, target: float) -> Point:
    """``point`` with its text, evidence and sub-points condensed to about ``target`` words.

    The longest pieces are cut first, so a short sentence is never chopped to save a long one's
    words; when even then a piece would keep fewer than a handful of words, the last evidence and
    sub-points are left out, evidence first (the full text stays in ``detail`` and the map). A
    ``fixed`` sub-point (an instruction, not the map's text) is kept whole and its words come off
    the target first."""
    if point_words(point) <= target * (1 + TOLERANCE):
        return point
    fixed = [sub for sub in point.sub_points if sub.fixed]  # kept whole; the rest share what is left
    fixed_words = sum(point_words(sub) for sub in fixed)
    target = max(target - fixed_words, _MIN_PIECE)
    evidence, subs = list(point.evidence), [sub for sub in point.sub_points if not sub.fixed]
    while True:
        lengths = [word_count(point.text), *(word_count(e.text) for e in evidence)]
        lengths += [point_words(sub) for sub in subs]
        cap = _level(lengths, target)
        if cap >= _MIN_PIECE * 1.5 or not (evidence or subs):
            break
        if evidence:  # evidence goes first: an answer to an objection is what the examiner looks for
            evidence.pop()
        else:
            subs.pop()
    cap = max(cap, _MIN_PIECE)
    fitted = _cut_pieces(point, evidence, subs, cap)
    # each piece may end at a clause up to TOLERANCE past the cap, so together they can overflow:
    # lower the cap until the whole fits (or the pieces are as short as a piece may be)
    while point_words(fitted) > (target + fixed_words) * (1 + TOLERANCE) and cap > _MIN_PIECE:
        cap = max(cap * 0.85, _MIN_PIECE)
        fitted = _cut_pieces(point, evidence, subs, cap)
    return fitted


def _cut_pieces(point: Point, evidence: list[EvidenceRef], subs: list[Point], cap: float) -> Point:
    """``point`` keeping ``evidence`` and ``subs`` (and its fixed sub-points), each piece
    condensed to about ``cap`` words."""
    text = condense(point.text, round(cap))
    fitted_evidence = tuple(dataclasses.replace(e, text=condense(e.text, round(cap))) for e in evidence)
    fitted_subs = tuple(
        sub if sub.fixed else _fit_point(sub, min(point_words(sub), cap))
        for sub in point.sub_points
        if sub.fixed or sub in subs
    )
    detail = point.detail or (point.text if text != " ".join(point.text.split()) else "")
    return dataclasses.replace(
        point, text=text, evidence=fitted_evidence, sub_points=fitted_subs, detail=detail
    )


def fit_point(point: Point) -> Point:
    """``point`` condensed to its own budget (unchanged when it has none or fits it already)."""
    return _fit_point(point, point.words) if point.words else point


def _fit_section(section: Section) -> Section:
    points = tuple(fit_point(point) for point in section.points)
    short = [
        f"{point.label or ' '.join(point.text.split()[:4]) + '…'} ({point_words(point)} of {point.words} words)"
        for point in points
        # only the map's own points: the outline's instructions (a burden, a weighing) are no
        # shortfall of the map's, and adding evidence would not lengthen them
        if point.words and point.node_id and point_words(point) < (1 - TOLERANCE) * point.words
    ]
    thin = (
        (
            f"The map gives fewer words than the budget for {'; '.join(short)}: write the rest "
            "from your own reading, or add evidence to the map in the Editor.",
        )
        if short
        else ()
    )
    return dataclasses.replace(
        section,
        points=points,
        subsections=tuple(_fit_section(sub) for sub in section.subsections),
        guidance=section.guidance + thin,
    )


def fit_outline(outline: Outline) -> Outline:
    """Every budgeted point of ``outline`` condensed to its budget (see the module docstring)."""
    return dataclasses.replace(outline, sections=tuple(_fit_section(s) for s in outline.sections))


def budget_fit(outline: Outline) -> tuple[int, int]:
    """How many of the outline's budgeted points fit their budget, and how many there are."""
    budgeted = [p for section in outline.sections for p in section.all_points() if p.words]
    return sum(fits(point_words(p), p.words) for p in budgeted), len(budgeted)


def _plain_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def echoes(label: str, text: str) -> bool:
    """Whether ``label`` is only the first words of ``text`` (a label cut from the text, with or
    without its ellipsis): printed beside the text it would say the same thing twice."""
    label_words = _plain_words(label.rstrip("…"))
    return bool(label_words) and _plain_words(text)[: len(label_words)] == label_words


def as_written(tag: str, texts: list[str]) -> str | None:
    """The tag's words as the first of ``texts`` that has them spells them, hyphens and capitals
    kept (``cpec-and-bri`` -> ``CPEC and BRI``), with a capital first letter; None when no text
    has them together."""
    parts = [re.escape(part) for part in tag.split("-") if part]
    if not parts:
        return None
    pattern = re.compile(r"\b" + r"[\s\-–]+".join(parts) + r"\b", re.IGNORECASE)
    # one search over the texts joined by a character the pattern cannot match (nor a word
    # boundary tell from a text's own edge): its first match is the first text's that has one
    if "\0" in tag:
        found = next(filter(None, map(pattern.search, texts)), None)
    else:
        found = pattern.search("\0".join(texts))
    if found:
        phrase = " ".join(found.group(0).split())
        return phrase[0].upper() + phrase[1:]
    return None


_COMMON_OPENERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "there",
        "their",
        "both",
        "each",
        "every",
        "one",
        "many",
        "most",
        "some",
        "such",
        "with",
        "without",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "under",
        "over",
        "as",
        "while",
        "when",
    ]
)


def reason(text: str) -> str:
    """A point's first sentence as a clause to follow "because": without its full stop, its
    first word in lower case when it is a common word ("The …" -> "the …"; names keep capitals)."""
    first = _SENTENCE.split(" ".join(text.split()))[0].rstrip(".!?")
    head, _, rest = first.partition(" ")
    if head.lower() in _COMMON_OPENERS:
        return f"{head.lower()} {rest}".strip()
    return first


#: What is left at the edges of a text once a quoted thesis is taken out: spaces, punctuation,
#: arrows and quotation marks.
_JOINERS = " \t.,;:-–—=>→⇒\"'“”‘’()"


def _trimmed(piece: str) -> str:
    """A piece of text left beside a quoted thesis, without the joiners at its edges (a full stop
    that ends a sentence of its own stays)."""
    piece = piece.lstrip(_JOINERS).rstrip()
    return piece if piece.endswith((".", "!", "?")) else piece.rstrip(_JOINERS)


def drop_repeats(text: str, thesis: str) -> str:
    """``text`` without the thesis quoted whole in it and without its sentences that only say
    ``thesis`` again (four in five of their words are the thesis's)."""
    thesis_words = set(_plain_words(thesis))
    flat = " ".join(text.split())
    if not thesis_words:
        return flat
    whole = " ".join(thesis.split())
    if whole in flat:  # the thesis quoted whole inside a longer text ("… => and so …")
        pieces = [_trimmed(part) for part in flat.split(whole)]
        # what only led into or out of the thesis ("So,", "In sum,") goes with it; a sentence of
        # its own stays
        flat = " ".join(
            piece
            for piece in pieces
            if _plain_words(piece) and (piece.endswith((".", "!", "?")) or len(_plain_words(piece)) >= 4)
        )
    kept = []
    for sentence in _SENTENCE.split(flat):
        words = _plain_words(sentence)
        if words and sum(word in thesis_words for word in words) / len(words) < 0.8:
            kept.append(sentence)
    return " ".join(kept)


__all__ = [
    "TOLERANCE",
    "as_sentence",
    "as_written",
    "budget_fit",
    "condense",
    "drop_repeats",
    "echoes",
    "fit_outline",
    "fit_point",
    "fits",
    "point_words",
    "reason",
    "word_count",
]
