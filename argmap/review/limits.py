"""The word limit an answer is held to, and the range an examiner lets pass.

Which limit a question asks for is settled in one place, :func:`argmap.services.outline.template_for_question`
(the outline starts from it too); :mod:`argmap.services.review` passes its answer here. The usual
range is the template's for its own limit (225–275 for 250 words, 130–170 for 150) and ten per cent
either side for any other limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.outline.templates import TEMPLATES, Template

DEFAULT_TEMPLATE = "upsc-gs-250"
SHORT_TEMPLATE = "upsc-gs-150"
MIN_WORDS, MAX_WORDS = 30, 5000
#: Answers up to this limit are 10-mark answers; longer ones are 15-mark answers.
SHORT_LIMIT = 200


@dataclass(frozen=True)
class WordLimit:
    """The limit, the range that passes (``low``..``high``) and the template it comes from."""

    words: int
    low: int
    high: int
    template: Template


def word_limit(words: int | None = None, template: str | None = None) -> WordLimit:
    """The limit of ``words`` in ``template`` (default: the GS answer of 150 or 250 words nearest)."""
    if template is None:
        short = words is not None and words <= SHORT_LIMIT
        template = SHORT_TEMPLATE if short else DEFAULT_TEMPLATE
    chosen = TEMPLATES[template]
    if words is None or words == chosen.words:
        return WordLimit(chosen.words, chosen.low, chosen.high, chosen)
    return WordLimit(words, round(words * 0.9), round(words * 1.1), chosen)
