"""The student's answer as the review reads it: paragraphs, sentences, words and its three parts.

An answer of three or more paragraphs has its first paragraph as the introduction, its last as the
conclusion and the rest as the body; a shorter answer has its first and last sentences in those
places. A line that is only a short heading ("Introduction", "Way forward:") labels the paragraph
after it and is not a sentence of the answer. Whether the first and last parts really *are* an
introduction and a conclusion is for the findings to judge; this module only says where they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from argmap.language import Sentence, sentences, words

#: A heading line: a few words without an end mark, such as "Introduction" or "Way forward:".
HEADING_WORDS = 5


@dataclass(frozen=True)
class AnswerSentence:
    """One sentence of the answer: its place (``index`` in the answer, ``paragraph``), span and text."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Answer:
    """A segmented answer. ``text`` is the answer as given, ``headings`` the heading lines found."""

    text: str
    sentences: tuple[AnswerSentence, ...]
    paragraphs: int
    headings: tuple[str, ...]

    @cached_property
    def words(self) -> int:
        """The answer's word count, headings left out (as an examiner counts)."""
        return sum(len(words(sentence.text)) for sentence in self.sentences)

    def paragraph(self, number: int) -> tuple[AnswerSentence, ...]:
        return tuple(s for s in self.sentences if s.paragraph == number)

    @cached_property
    def introduction(self) -> tuple[AnswerSentence, ...]:
        if self.paragraphs >= 3:
            return self.paragraph(0)
        return self.sentences[:1]

    @cached_property
    def conclusion(self) -> tuple[AnswerSentence, ...]:
        if self.paragraphs >= 3:
            return self.paragraph(self.paragraphs - 1)
        return self.sentences[-1:] if len(self.sentences) > 1 else ()

    @cached_property
    def body(self) -> tuple[AnswerSentence, ...]:
        edges = {s.index for s in (*self.introduction, *self.conclusion)}
        return tuple(s for s in self.sentences if s.index not in edges)


def _is_heading(paragraph: str) -> bool:
    text = paragraph.strip().strip("#*_ ").strip()
    return "\n" not in text and len(words(text)) <= HEADING_WORDS and not text.endswith((".", "?", "!", "।"))


def segment(text: str) -> Answer:
    """The answer ``text`` split into paragraphs (a blank line or a line break ends one) and sentences.

    Markdown emphasis and list marks at the start of a line are read as plain text. An answer made
    only of heading-like lines is read as sentences.
    """
    answer = _segment(text, headings_allowed=True)
    return answer if answer.sentences else _segment(text, headings_allowed=False)


def _segment(text: str, headings_allowed: bool) -> Answer:
    found: list[AnswerSentence] = []
    headings: list[str] = []
    paragraphs = 0
    for line in re.finditer(r"[^\n]+", text):
        raw = line.group()
        if not raw.strip():
            continue
        if headings_allowed and _is_heading(raw) and _looks_like_heading(raw):
            headings.append(raw.strip().strip("#*_: ").strip())
            continue
        added = False
        for sentence in sentences(raw):
            found.append(_placed(sentence, len(found), paragraphs, line.start()))
            added = True
        if added:
            paragraphs += 1
    return Answer(text, tuple(found), paragraphs, tuple(headings))


def _looks_like_heading(line: str) -> bool:
    # A one-line answer without an end mark is an answer, not a heading: headings are short
    # lines that start with a capital or a Markdown mark.
    stripped = line.strip()
    return stripped.startswith(("#", "*", "_")) or stripped[:1].isupper()


_LIST_MARK = re.compile(r"^(?:[-*•]\s+|\d+[.)]\s+)")


def _placed(sentence: Sentence, index: int, paragraph: int, offset: int) -> AnswerSentence:
    mark = _LIST_MARK.match(sentence.text)
    skip = mark.end() if mark else 0
    text = sentence.text[skip:].replace("**", "").replace("__", "")
    return AnswerSentence(
        index, paragraph, offset + sentence.start + skip, offset + sentence.end, text.strip()
    )
