"""The marks: a published-style rubric for a 15-mark (250 words) or 10-mark (150 words) answer.

=============================  ==========  ==========
criterion                      15 marks    10 marks
=============================  ==========  ==========
Introduction                   2           1
Structure                      2           1
Content from the map           5           4
Dimensions covered             2           1
Conclusion and way forward     3           2
Word limit                     1           1
=============================  ==========  ==========

Each criterion earns its marks times a quality in 0..1 (see :mod:`argmap.review.review`), rounded
to the half mark; the total is the sum of the rounded criteria, so the rubric always adds up.
"""

from __future__ import annotations

from dataclasses import dataclass

INTRODUCTION = "Introduction"
STRUCTURE = "Structure"
CONTENT = "Content from the map"
DIMENSIONS = "Dimensions covered"
CONCLUSION = "Conclusion and way forward"
WORD_LIMIT = "Word limit"

RUBRICS: dict[int, tuple[tuple[str, int], ...]] = {
    15: ((INTRODUCTION, 2), (STRUCTURE, 2), (CONTENT, 5), (DIMENSIONS, 2), (CONCLUSION, 3), (WORD_LIMIT, 1)),
    10: ((INTRODUCTION, 1), (STRUCTURE, 1), (CONTENT, 4), (DIMENSIONS, 1), (CONCLUSION, 2), (WORD_LIMIT, 1)),
}


@dataclass(frozen=True)
class Criterion:
    """One line of the rubric: the marks earned of ``out_of``."""

    criterion: str
    marks: float
    out_of: int


def marks_out_of(limit: int, short_limit: int) -> int:
    """10 marks for an answer of up to ``short_limit`` words, else 15."""
    return 10 if limit <= short_limit else 15


def grade(out_of: int, quality: dict[str, float]) -> tuple[Criterion, ...]:
    """The rubric's lines for these qualities (criterion -> 0..1), each rounded to the half mark."""
    lines = []
    for name, marks in RUBRICS[out_of]:
        share = min(1.0, max(0.0, quality.get(name, 0.0)))
        lines.append(Criterion(name, round(share * marks * 2) / 2, marks))
    return tuple(lines)


def shares_text(out_of: int) -> str:
    """The rubric in one line, as the CLI's help and the README give it."""
    return ", ".join(f"{name} {marks}" for name, marks in RUBRICS[out_of])
