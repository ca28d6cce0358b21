"""Which outline a map's question asks for: the template and word limit the CLI's ``argmap
outline`` (without ``--template``) and the app's Outline page start from.

A UPSC question says its length ("(250 words)", "in 150 words", "15 marks"); an essay title is a
statement with no directive and no word limit; a debate motion starts "This House …" or says
"motion". What the question does not settle falls back to the 250-word GS answer, the common case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.model import ArgumentMap
from argmap.outline.templates import TEMPLATES

_WORDS = re.compile(r"\b(\d{2,5})\s*(?:-\s*)?words?\b", re.IGNORECASE)
_MARKS = re.compile(r"\b(\d{1,3})\s*marks?\b", re.IGNORECASE)
_MOTION = re.compile(r"^\W*(?:the\s+)?motion\s*[:–-]|\bthis\s+house\b", re.IGNORECASE)
_ESSAY = re.compile(r"\bessay\b", re.IGNORECASE)
#: UPSC's marks and the words they allow: 10 marks, 150 words; 15 marks, 250; an essay's 125, 1,100.
_MARKS_TO_WORDS = {10: 150, 15: 250, 125: 1100}
_GS_LONG = "upsc-gs-250"


@dataclass(frozen=True)
class QuestionTemplate:
    """The template a question asks for, the word limit when the question names one the template
    does not default to (else None), and the reason in the user's words."""

    template: str
    words: int | None
    reason: str


def _named_words(question: str) -> int | None:
    found = _WORDS.search(question)
    if found:
        return int(found.group(1))
    marks = _MARKS.search(question)
    return _MARKS_TO_WORDS.get(int(marks.group(1))) if marks else None


def _template_for_words(words: int) -> str:
    """The template whose usual length is nearest ``words``: a GS answer up to 400 words, an
    essay beyond."""
    if words > 400:
        return "upsc-essay"
    gs = ("upsc-gs-150", _GS_LONG)
    return min(gs, key=lambda name: abs(TEMPLATES[name].words - words))


def template_for_question(argument_map: ArgumentMap) -> QuestionTemplate:
    """The outline the map's question asks for (see the module's docstring); never raises."""
    question = " ".join((argument_map.question or "").split())
    if not question:
        return QuestionTemplate(_GS_LONG, None, "the map has no question: a 250-word GS answer")
    words = _named_words(question)
    if _MOTION.search(question):
        return QuestionTemplate("debate-case", None, "the question is a debate motion")
    if words is not None and 30 <= words <= 20_000:
        name = _template_for_words(words)
        limit = None if words == TEMPLATES[name].words else words
        return QuestionTemplate(name, limit, f"the question asks for {words} words")
    if _ESSAY.search(question) or (argument_map.directive is None and not question.endswith("?")):
        return QuestionTemplate("upsc-essay", None, "the question is an essay title")
    return QuestionTemplate(_GS_LONG, None, "the question names no length: a 250-word GS answer")


__all__ = ["QuestionTemplate", "template_for_question"]
