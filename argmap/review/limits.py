"""The word limit an answer is held to, and the range an examiner lets pass.

The limit comes from ``--words`` when given, else from the question ("... (250 words)"), else from
the GS answer template (250 words). The usual range is the template's for its own limit (225–275
for 250 words, 130–170 for 150) and ten per cent either side for any other limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.outline.templates import TEMPLATES, Template

DEFAULT_TEMPLATE = "upsc-gs-250"
SHORT_TEMPLATE = "upsc-gs-150"
MIN_WORDS, MAX_WORDS = 30, 5000
#: Answers up to this limit are 10-mark answers; longer ones are 15-mark answers.
SHORT_LIMIT = 200
_IN_QUESTION = re.compile(r"(\d{2,4})\s*words?\b", re.IGNORECASE)


@dataclass(frozen=True)
class WordLimit:
    """The limit, the range that passes (``low``..``high``) and the template it comes from."""

    words: int
    low: int
    high: int
    template: Template


def limit_in(question: str | None) -> int | None:
    """The word limit written in a question, as in "(250 words)", or None."""
    found = _IN_QUESTION.search(question or "")
    return int(found.group(1)) if found else None


def word_limit(question: str | None, words: int | None = None) -> WordLimit:
    """The limit for an answer to ``question`` (see the module); ``words`` overrides the question."""
    limit = words if words is not None else limit_in(question)
    template = TEMPLATES[SHORT_TEMPLATE if limit is not None and limit <= SHORT_LIMIT else DEFAULT_TEMPLATE]
    if limit is None or limit == template.words:
        return WordLimit(template.words, template.low, template.high, template)
    return WordLimit(limit, round(limit * 0.9), round(limit * 1.1), template)
