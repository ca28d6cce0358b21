"""Answer review: an answer checked against the map it was written from (issue 15).

Pure core, no files and no Streamlit: :func:`review_answer` takes a map and the answer's text and
returns a :class:`Review` with marks on a published-style rubric (:mod:`.rubric`), the nodes covered
and missed (:mod:`.coverage`, matching ideas with :mod:`argmap.language`) and findings with fixed
codes (:data:`CODES`). :mod:`argmap.services.review` reads answers from files and keeps attempts.
"""

from argmap.review.answer import Answer, AnswerSentence, segment
from argmap.review.limits import WordLimit, word_limit
from argmap.review.review import CODES, Finding, Review, review_answer
from argmap.review.rubric import RUBRICS, Criterion, shares_text

__all__ = [
    "CODES",
    "RUBRICS",
    "Answer",
    "AnswerSentence",
    "Criterion",
    "Finding",
    "Review",
    "WordLimit",
    "review_answer",
    "segment",
    "shares_text",
    "word_limit",
]
