"""Signpost phrases an examiner reads for: a conclusion, a verdict, a way forward, a counter-view.

They help find a part of the answer that the map alone cannot: a student's own measures for the way
forward, or a verdict in words the map never uses. Phrases are matched on whole words, case-blind.
"""

from __future__ import annotations

import re
from functools import cache

CONCLUSION = (
    "in conclusion",
    "to conclude",
    "to sum up",
    "in sum",
    "in summary",
    "summing up",
    "overall",
    "on the whole",
    "on balance",
    "all in all",
    "in the final analysis",
    "ultimately",
)
#: Words that often open a conclusion but as often a way forward ("Hence, India should …").
CONCLUSION_WEAK = ("thus", "hence", "therefore")

VERDICT = (
    "on balance",
    "overall",
    "on the whole",
    "all things considered",
    "in my view",
    "in my opinion",
    "i believe",
    "i conclude",
    "it is evident",
    "it is clear",
    "clearly",
    "evidently",
    "outweigh",
    "outweighs",
    "by and large",
    "to a large extent",
    "to some extent",
    "largely",
    "ultimately",
    "the verdict",
    "holds true",
    "holds good",
    "is justified",
    "is unjustified",
    "is valid",
)
#: Words that state a verdict only when the sentence also restates the thesis or the question.
VERDICT_WEAK = ("therefore", "thus", "hence", "stands", "holds", "remains", "remain", "still")

#: Phrases that open a way forward on their own.
WAY_FORWARD = ("way forward", "way ahead", "it is imperative", "recommend", "recommended", "the road ahead")
#: Phrases that propose a measure; a way forward needs two sentences with one.
MEASURE = (
    "should",
    "must",
    "need to",
    "needs to",
    "ought to",
    "has to",
    "have to",
    "going forward",
    "going ahead",
)

COUNTER_VIEW = (
    "however",
    "on the other hand",
    "nevertheless",
    "nonetheless",
    "critics",
    "yet",
    "but",
    "although",
    "though",
    "challenges",
    "irritants",
    "concerns",
)


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w'-])", re.IGNORECASE)


def has_cue(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``phrases`` as whole words."""
    return _pattern(phrases).search(text) is not None
