"""Sentences and facts: splitting a point into sentences, and telling a fact from an argument.

A fact is a sentence (or a bracketed aside) that carries a figure, money, a percentage, a year, or
names an agreement, an exercise or an event; its basis is guessed from which of these it carries.
The sentence splitter is a single left-to-right scan that knows common abbreviations (``e.g.``,
``U.S.``, ``Rs.``) and decimal points, so it is linear in the length of the text.
"""

from __future__ import annotations

import re

from argmap.language import lemma, words
from argmap.model import Basis

#: Month names and their short forms, as dates are written in notes.
MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december".split()  # noqa: SIM905
)
_ABBREVIATIONS = MONTHS | frozenset(
    "e.g i.e etc vs mr mrs ms dr prof st no nos rs govt dept approx est fig al inc ltd co jr sr u.s u.k u.n u.s.a e.u mt km kg bn mn cr lakh art sec cl ch vol pp p viz cf hon sh smt shri".split()  # noqa: SIM905
)

_PERCENT = re.compile(r"\d(?:[\d,.]{0,12})\s?(?:%|per ?cent|percent|pc\b)", re.IGNORECASE)
_MONEY = re.compile(
    r"(?:[$₹€£¥]|\b(?:rs|inr|usd|us\$)\.?)\s?\d[\d,.]{0,12}(?:\s?(?:billion|million|trillion|crore|lakh|bn|mn|cr)\b)?"
    r"|\d(?:[\d,.]{0,12})\s?(?:billion|million|trillion|crore|lakh|bn|mn|cr)\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"\b\d(?:[\d,.]{0,12})\s?(?:km|kms|kilomet\w{0,4}|mw|gw|mt|tonnes|tons|barrels|units|jets|aircraft|"
    r"ships|satellites|students|people|projects|countries|members|times|fold|years|months|days|troops|"
    r"soldiers|sq|hectares|acres|seats|states|ministers)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = re.compile(
    r"\b(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"hundred|hundreds|thousand|thousands|lakh|crore|million|billion|double|twice|triple|half|"
    r"two-thirds|one-third|a third|a quarter|three-quarters)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)(?:-\d\d)?\b")
_NUMBER = re.compile(r"\b\d[\d,.]{0,12}\b")
_AGREEMENT = re.compile(
    r"\b(?:agreement|treaty|accord|pact|mou|memorandum|declaration|convention|protocol|deal|"
    r"framework|charter|compact|partnership agreement|cepa|fta|ceca|lemoa|comcasa|beca|gsomia)s?\b",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:exercise|exercises|summit|visit|visited|clash|clashes|attack|war|crisis|election|launched|"
    r"inaugurated|held|hosted|signed|annexation|standoff|stand-off|operation|mission|meeting|dialogue)\b",
    re.IGNORECASE,
)
_EXAMPLE = re.compile(
    r"\b(?:e\.g\.|eg\.|for example|for instance|such as|example|instance|case of|like the)\b", re.IGNORECASE
)
_QUOTE = re.compile(r"\b(?:said|says|according to|stated|remarked|quipped)\b", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (a point), each stripped; a single sentence gives a list of one."""
    out: list[str] = []
    start = 0
    length = len(text)
    index = 0
    while index < length:
        char = text[index]
        if char in ".!?" and index + 1 < length and text[index + 1] == " ":
            following = text[index + 2 : index + 3]
            if (
                following
                and (following.isupper() or following.isdigit() or following in "\"“‘'(")
                and not _abbreviation(text, start, index)
            ):
                out.append(text[start : index + 1].strip())
                start = index + 2
        index += 1
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [sentence for sentence in out if sentence]


def _abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > start and not text[word_start - 1].isspace() and dot - word_start < 12:
        word_start -= 1
    word = text[word_start:dot].lower().strip("(\"'“")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def fact_basis(text: str) -> tuple[Basis, str] | None:
    """The basis of a fact the text states (statistic, agreement, event, example, quote) and the
    words that show it, or None when it carries no fact."""
    for pattern, basis in (
        (_PERCENT, Basis.STATISTIC),
        (_MONEY, Basis.STATISTIC),
        (_QUANTITY, Basis.STATISTIC),
    ):
        found = pattern.search(text)
        if found:
            return basis, found.group(0).strip()
    for number_word in _NUMBER_WORDS.finditer(text):
        if not _duration(text, number_word.end()):
            return Basis.STATISTIC, number_word.group(0)
    if _QUOTE.search(text) and ("“" in text or '"' in text):
        return Basis.QUOTE, "a quotation"
    agreement = _AGREEMENT.search(text)
    year = _YEAR.search(text)
    if agreement and (year or _capitalised_name(text)):
        return Basis.AGREEMENT, agreement.group(0)
    event = _EVENT.search(text)
    if year and event:
        return Basis.EVENT, f"{event.group(0)} {year.group(0)}"
    example = _EXAMPLE.search(text)
    if example and (year or _NUMBER.search(text) or _capitalised_name(text)):
        return Basis.EXAMPLE, example.group(0)
    if year:
        return Basis.FACT, year.group(0)
    if "“" in text or '"' in text:
        return Basis.EXAMPLE, "a quoted name"
    number = _NUMBER.search(text)
    if number and len(number.group(0).strip(",.")) >= 2:
        return Basis.STATISTIC, number.group(0)
    return None


_DURATION_UNITS = ("year", "month", "week", "day", "hour", "minute", "decade")


def _duration(text: str, end: int) -> bool:
    """Whether the number word ending at ``end`` counts time (``a three-year contract``, ``ten
    years of service``): a span a point describes, not a figure it reports."""
    after = text[end : end + 12].lower().lstrip(" -")
    return after.startswith(_DURATION_UNITS)


def _capitalised_name(text: str) -> bool:
    """Whether the text names something: two capitalised words in a row not at its start, or an acronym."""
    words = text.split()
    for index in range(1, len(words)):
        word = words[index].strip("(),.;:\"'“”")
        if len(word) >= 2 and word.isupper() and word.isalpha():
            return True
        if index + 1 < len(words) and word[:1].isupper() and words[index + 1][:1].isupper():
            return True
    return False


# Where a point's sentence hands over to a fact about it: "…, with trade near $190 billion in 2023".
_CLAUSE_BREAKS = (
    "; ",
    ", with ",
    ", as ",
    ", e.g. ",
    " e.g. ",
    ", eg ",
    ", under ",
    " under the ",
    ", after ",
    ", backed by ",
    ", worth ",
    ", through ",
    ", since ",
    ", when ",
    " — ",
    " – ",
    ", up from ",
    ", down from ",
    ", accounting for ",
    ", for example",
    ", for instance",
    ": ",
    " with over ",
    " with nearly ",
    " with about ",
    " with a ",
    ", and ",
)


_AUXILIARIES = frozenset(
    "is are was were has have had will would can could may might must do does did".split()  # noqa: SIM905
)


def _inside_subject(lowered: str, after: int) -> bool:
    """Whether a break found with no comma before it (`` under the ``) sits inside the sentence's
    subject: the words after it, up to the next comma, still hold the main verb (``imports under
    the CEPA have surged``), so cutting there would split the subject from its verb."""
    stop = lowered.find(",", after, after + 200)
    return bool(set(lowered[after : stop if stop >= 0 else after + 200].split()) & _AUXILIARIES)


def clauses(sentence: str) -> list[str]:
    """The sentence cut before each clause that may carry a fact about its head; the first piece is
    the head (at least four words), each later piece starts with its connecting word."""
    cuts: list[int] = []
    lowered = sentence.lower()
    first_semicolon = lowered.find("; ")
    if first_semicolon >= 0:
        cuts.append(first_semicolon)
        lowered = lowered[:first_semicolon]  # after a semicolon, the rest is one clause
    for marker in _CLAUSE_BREAKS:
        start = 0
        while True:
            at = lowered.find(marker, start)
            if at < 0:
                break
            if not (marker[0] == " " and marker[1].isalpha()) or not _inside_subject(
                lowered, at + len(marker)
            ):
                cuts.append(at)
            start = at + len(marker)
    joined = [at for at in cuts if sentence[at : at + 6] == ", and "]
    if joined and min(cuts) < min(joined):
        # ", and" parts a clause from the sentence's head only: after another break it joins
        # two details of the same clause
        cuts = [at for at in cuts if at not in joined]
    pieces: list[str] = []
    last = 0
    for at in sorted(set(cuts)):
        head = sentence[last:at]
        if len(head.split()) >= 3:
            pieces.append(head.strip(" ,;:—–"))
            last = at
    pieces.append(sentence[last:].strip(" ,;:—–"))
    return [piece for piece in pieces if piece]


_INFERENCES = (
    ", which shows ",
    ", which proves ",
    ", which suggests ",
    ", which means ",
    ", showing ",
    ", proving ",
)


def inference(sentence: str) -> tuple[str, str] | None:
    """A sentence that states a fact and then what it shows (``X passed a law in 2024, which shows
    the idea is workable``) as (the fact, what it shows); None for any other sentence."""
    lowered = sentence.lower()
    for marker in _INFERENCES:
        at = lowered.find(marker)
        if at > 0:
            fact, shown = sentence[:at].strip(), sentence[at + 2 :].strip()
            if fact_basis(fact) is not None and len(shown.split()) >= 4:
                return fact, shown
    return None


def asides(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each bracketed aside ``( … )`` in the text, outermost only, found in one scan."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char == "(":
            if depth == 0:
                start = index
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1))
    return spans


#: Lemmas of the words that report what was observed: a study found, data show, groups count.
_REPORTING = frozenset(
    {
        "study",
        "survey",
        "research",
        "review",
        "data",
        "report",
        "find",
        "found",
        "show",
        "count",
        "record",
        "estimate",
        "evidence",
        "poll",
        "census",
        "audit",
        "trial",
        "pilot",
    }
)


def reports(text: str) -> bool:
    """Whether a clause reports something observed rather than reasons: a reporting word
    (``studies … find``), a name after its first word (``Kazakhstan is …``) or a past event
    (``were dismantled``)."""
    found = words(text)
    for position, word in enumerate(found):
        key = lemma(word)
        if key in _REPORTING or (position and word[:1].isupper()):
            return True
        if word.lower().endswith("ed") and key != word.lower() and len(word) > 4:
            return True
    return False
