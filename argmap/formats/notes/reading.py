"""Reading a note's lines into blocks: headings, points (with their nesting) and metadata.

This room knows only the shapes of lines, not what they mean for an argument: a bullet of any
symbol, a numbered item (``1.``, ``(a)``, ``i)``), an unmarked line or a paragraph is a point; a
short line ending in ``:`` or ``?``, a Markdown or bold heading, a line in capitals or a short
numbered title line is a heading; ``Source:``, ``Tags:``, ``GS Paper 2 …`` and the like are
metadata. Lines broken mid-sentence (a wrapped copy from a PDF) are joined back into their point.

Every step is a plain scan of the text: no regular expression here can backtrack over a long run
of one character, nesting is tracked with a stack (never recursion), and the size of the note is
capped, so a hostile paste costs time linear in its length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from argmap.formats.notes.facts import MONTHS

#: Largest note read (characters): far above any study note, low enough to refuse a mistake.
NOTE_LIMIT_CHARS = 2_000_000

_BULLETS = frozenset("•●◦▪▫·‣∙○■□*➢➤►▸▹✓✔✗✘→⇒»>-–—+~")
# "1." "12)" "1.2." "(a)" "a)" "iv." "(iv)": short, anchored, no nested quantifier.
_NUMBERED = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-zA-Z]|[ivxIVX]{2,5})[.)]\s")
_TERMINAL = ".!;,"
_META_KEYS = {
    "source": "source",
    "sources": "source",
    "ref": "source",
    "reference": "source",
    "references": "source",
    "read more": "source",
    "link": "source",
    "url": "source",
    "author": "source",
    "tags": "tags",
    "tag": "tags",
    "keywords": "tags",
    "date": "date",
    "updated": "date",
    "dated": "date",
    "syllabus": "syllabus",
    "paper": "syllabus",
    "gs paper": "syllabus",
    "relevance": "syllabus",
    "prelims": "syllabus",
    "mains": "syllabus",
    "category": "syllabus",
    "subject": "syllabus",
    "topic": "topic",
    "title": "title",
    "question": "question",
    "motion": "motion",
    "resolved": "motion",
    "resolution": "motion",
    "q": "question",
    "tournament": "note",
    "round": "note",
    "format": "note",
    "venue": "note",
    "judge": "note",
    "speakers": "note",
    "team": "note",
    "value": "note",
    "criterion": "note",
    "marks": "note",
    "word limit": "note",
    "word count": "note",
    "directive word": "note",
    "directive": "note",
    "approach": "note",
    "side": "note",
    "prep time": "note",
}


@dataclass
class Heading:
    """A heading line; ``level`` is 1 for a Markdown ``#``, larger for deeper ones, 2 otherwise."""

    line: int
    text: str
    level: int = 2
    shape: str = "line"  # how it was told apart: markdown, bold, colon, question, capitals, numbered, line


@dataclass
class Point:
    """A point of the note: its first line, its text (wrapped lines joined), its nesting depth
    among points (0 = top level) and the index of the point it is nested under."""

    line: int
    text: str
    depth: int = 0
    marker: str = ""  # "bullet", "numbered" or "" (an unmarked line or paragraph)
    parent: int | None = None
    indent: int = 0
    end_line: int = 0
    gap: int = 0  # blank lines before it
    lead: str = ""  # a mark before its marker, such as "Ans." in a question sheet


@dataclass
class Meta:
    """A metadata line: ``field`` is one of title, question, motion, tags, source, date, syllabus."""

    line: int
    field: str
    value: str
    text: str


Block = Heading | Point | Meta


@dataclass
class _Line:
    number: int
    indent: int
    text: str  # without the marker
    marker: str
    raw: str  # stripped, with the marker
    blank_before: int = 0
    table: str = ""  # "header" or "row" for a line of a Markdown pipe table
    lead: str = ""  # a mark read off before the marker ("Ans.")
    symbol: str = ""  # the emoji or pictograph the line opens with, when that is its marker
    heading: Heading | None = None
    meta: Meta | None = None
    extra: list[str] = field(default_factory=list)


def read_blocks(text: str, source_name: str) -> list[Block]:
    """The note's headings, points and metadata in the order they appear.

    Raises FormatError for an empty note or one over :data:`NOTE_LIMIT_CHARS`.
    """
    from argmap.formats.common import FormatError

    if len(text) > NOTE_LIMIT_CHARS:
        raise FormatError(
            source_name, f"the note has {len(text):,} characters; the limit is {NOTE_LIMIT_CHARS:,}"
        )
    lines = _lines(text)
    if not lines:
        raise FormatError(source_name, "the note is empty", 1)
    _mark_headings(lines)
    _headings_over_headings(lines)
    _number_levels(lines)
    return _blocks(lines)


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    blank = 0
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        expanded = raw.expandtabs(4)
        stripped = expanded.strip()
        if not stripped or _is_rule(stripped):
            blank += 1
            continue
        indent = len(expanded) - len(expanded.lstrip())
        cells = _table_cells(stripped)
        if cells is not None:
            if all(set(cell) <= set("-: ") and cell for cell in cells):
                # the row under a table's header: the line before it was the header
                if out and out[-1].table == "row" and out[-1].number == number - 1:
                    out[-1].table = "header"
                blank += 1
                continue
            out.append(
                _Line(number, indent, _row_text(cells), "bullet", stripped, blank if out else 1, table="row")
            )
            blank = 0
            continue
        chat = _CHAT_PREFIX.match(stripped)
        if chat is not None:
            # "[14/10/25, 9:12 pm] Sender: text": who sent it and when is a line of metadata
            sender = chat.group(0).strip()
            out.append(_Line(number, indent, sender, "", sender, blank if out else 1))
            blank, stripped = 0, stripped[chat.end() :].strip()
            if not stripped:
                continue
        stripped, stamp = _formatting(stripped)
        lead = _answer_mark(stripped)
        marker, body = _marker(stripped[len(lead) :].strip() or stripped)
        if lead in SIGN_MARKS:
            marker = "bullet"
        mark = (lead.strip() + " " + stamp).strip()
        out.append(_Line(number, indent, body, marker, stripped, blank if out else 1, lead=mark))
        if marker == "bullet" and not lead and _pictograph(stripped[0]):
            out[-1].symbol = stripped[0]
        blank = 0
    _decorations(out)
    return out


#: A chat export's prefix: ``[14/10/25, 9:12 pm] Sender:`` or ``14/10/25, 9:12 pm - Sender:``.
_CHAT_PREFIX = re.compile(
    r"(?:\[\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?\]"
    r"|\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?\s+-)"
    r"\s*[^:\[\]\n]{1,60}?:(?:\s+|$)"
)
#: A video's timestamp before a line (``(06:40) Where we are``, ``[1:02:15]``).
_TIMESTAMP = re.compile(r"[(\[]\d{1,2}:\d{2}(?::\d{2})?[)\]]\s+")
#: A thread's post counter after a post (``… on its own feet. 1/11``).
_THREAD_COUNT = re.compile(r"(?<=[.!?)\"'”’…\u2600-\U0001faff])\s+(\d{1,3})\s?/\s?(\d{1,3})$")


def _formatting(text: str) -> tuple[str, str]:
    """The line without a timestamp before it or a thread's post counter after it, and those
    read off (kept in the point's notes as the mark it came after): formatting, not words."""
    marks = []
    stamp = _TIMESTAMP.match(text)
    if stamp is not None and text[stamp.end() :].strip():
        marks.append(stamp.group(0).strip())
        text = text[stamp.end() :]
    count = _THREAD_COUNT.search(text)
    if count is not None and 0 < int(count.group(1)) <= int(count.group(2)) and count.start() > 0:
        marks.append(count.group(0).strip())
        text = text[: count.start()]
    return text, " ".join(marks)


def _pictograph(char: str) -> bool:
    """An emoji or other pictograph (``🌱``, ``⚠``), not a bullet character of its own."""
    return char not in _BULLETS and unicodedata.category(char) == "So"


def _decorations(lines: list[_Line]) -> None:
    """An emoji set before a heading, a title or a filing line (``🌱 Basics``, ``⚠️ Concerns``,
    ``🔖 GS-3 | Environment``) decorates it; it is no bullet. Told apart from an emoji bullet by
    shape: a short line with no closing punctuation whose emoji neither line beside it shares (a
    list's items share their marker)."""
    for index, line in enumerate(lines):
        if not line.symbol or not _short(line.text, 12) or line.text[-1] in _TERMINAL:
            continue
        beside = lines[max(index - 1, 0) : index] + lines[index + 1 : index + 2]
        if any(other.symbol == line.symbol for other in beside):
            continue
        line.marker, line.raw = "", line.text


def _table_cells(text: str) -> list[str] | None:
    """The cells of a Markdown pipe-table row (``| a | b |``), or None for any other line."""
    if len(text) < 3 or text[0] != "|" or text[-1] != "|" or text.count("|") < 3:
        return None
    cells = [cell.strip() for cell in text[1:-1].split("|")]
    return cells if any(cells) else None


def _row_text(cells: list[str]) -> str:
    """A table row as one point: the first cell as its label, the other cells as its sentences."""
    filled = [cell for cell in cells if cell]
    if len(filled) < 2 or _words(filled[0]) > 8:
        return " ".join(cell if cell[-1] in ".!?" else cell + "." for cell in filled)
    rest = " ".join(cell if cell[-1] in ".!?" else cell + "." for cell in filled[1:])
    return f"{filled[0]}: {rest}"


def _is_rule(text: str) -> bool:
    """A separator line such as ``----``, ``====``, ``* * *`` or ``━━━━`` (one mark repeated)."""
    chars = set(text.replace(" ", ""))
    if len(chars) != 1 or len(text) < 3:
        return False
    mark = next(iter(chars))
    return mark in "-=_*~#•" or "\u2500" <= mark <= "\u257f"  # box-drawing lines


_ANSWER_MARKS = ("ans. ", "ans: ", "ans.- ", "ans - ", "ans.", "ans:")


#: Marks of a side written before a point: ``(+)`` for, ``(–)`` against.
SIGN_MARKS = {"(+)": "+", "[+]": "+", "(-)": "-", "(–)": "-", "(−)": "-", "[-]": "-", "[–]": "-"}


def _answer_mark(text: str) -> str:
    """``Ans.`` before an answer in a question sheet (``Ans. (i) …``), or a side's sign
    (``(+) …``, ``(–) …``): read off, so that the answer's own marker, if any, is the point's;
    kept in the point's notes (and a sign tells the point's side)."""
    for sign in SIGN_MARKS:
        if text.startswith(sign + " ") and text[len(sign) :].strip():
            return sign
    lowered = text[:6].lower()
    for mark in _ANSWER_MARKS:
        if lowered.startswith(mark) and len(text) > len(mark) and text[len(mark) :].strip():
            return text[: len(mark)]
    return ""


def _marker(text: str) -> tuple[str, str]:
    first = text[0]
    if first == "o" and text[1:2] == " " and (text[2:3].isupper() or text[2:3].isdigit()):
        return "bullet", text[2:].strip()  # a word processor's second-level bullet copied as "o"
    keycap = _KEYCAP.match(text)
    if keycap:
        return "numbered", text[keycap.end() :].strip()  # "1️⃣ …": a digit in an emoji keycap
    if first in _BULLETS and (len(text) == 1 or text[1].isspace()):
        return "bullet", text[1:].strip()
    if first in "-–—" and len(text) > 1 and text[1] not in "-–—" and not text[1].isalnum():
        return "bullet", text[1:].strip()
    if unicodedata.category(first) == "So" and (len(text) > 1 and (text[1].isspace() or _skin(text[1]))):
        return "bullet", text[1:].lstrip("\ufe0f\u200d ").strip()
    numbered = _NUMBERED.match(text)
    if numbered:
        return "numbered", text[numbered.end() :].strip()
    return "", text


_KEYCAP = re.compile("\\d{1,2}\ufe0f?\u20e3\\s*|\U0001f51f\\s*")


def _skin(char: str) -> bool:
    return char in "\ufe0f\u200d"


def _words(text: str) -> int:
    return len(text.split())


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


_QUESTION = re.compile(r"(?:Q|Qn|Ques)\s?\d{0,3}\s?[.:)]\s", re.IGNORECASE)


def _question_line(line: _Line) -> Meta | None:
    """``Q. …``, ``Q1. …``, ``Q: …``: the question a model answer answers (``Q.`` would otherwise
    read as an item lettered Q). Questions numbered inside an FAQ (``Q1. What …?`` alone on its
    line, answered below) are headings, not this."""
    found = _QUESTION.match(line.raw)
    if found is None:
        return None
    value = line.raw[found.end() :].strip()
    if value.endswith("?") and _words(value) <= 16:
        return None
    return Meta(line.number, "question", value, line.raw)


def _meta(line: _Line) -> Meta | None:
    """A metadata line: ``Key: value`` with a known key, ``GS Paper 2 – …``, a bare date or ``#tags``."""
    question = _question_line(line)
    if question is not None:
        return question
    if _CHAT_PREFIX.fullmatch(line.raw + " "):
        return Meta(line.number, "note", line.raw, line.raw)
    if line.marker:
        return None
    text = line.raw.strip("*_ ")
    lowered = text.lower()
    if lowered.startswith(("gs paper", "gs-", "gs ", "general studies")) and _words(text) <= 12:
        return Meta(line.number, "syllabus", text, line.raw)
    if lowered.startswith("q. "):
        return Meta(line.number, "question", text[3:].strip(), line.raw)
    for separator in (":", " - ", " – ", " — ", "- ", "– "):
        head, found, value = text.partition(separator)
        if found and head.strip("*_ ").lower() in _META_KEYS:
            key = head.strip("*_ ").lower()
            return Meta(line.number, _META_KEYS[key], value.strip("*_ "), line.raw)
    if all(word.startswith("#") and len(word) > 1 for word in text.split()):
        return Meta(line.number, "tags", " ".join(w.lstrip("#") for w in text.split()), line.raw)
    if _is_date(text):
        return Meta(line.number, "date", text, line.raw)
    if _set_apart_metadata(line.raw) or _byline(text):
        return Meta(line.number, "note", text, line.raw)
    from argmap.formats.notes.cues import motion_opening

    if motion_opening(text):
        return Meta(line.number, "motion", text, line.raw)
    for quote, end in (('"', '"'), ("“", "”")):
        start = text.find(quote)
        if start >= 0 and motion_opening(text[start + 1 :]):
            stop = text.find(end, start + 1)
            return Meta(line.number, "motion", text[start + 1 : stop if stop > 0 else None].strip(), line.raw)
    return None


def _set_apart_metadata(raw: str) -> bool:
    """A line set apart in italics or brackets that files the note (``*Economy · Monetary policy
    · last edited 3 Feb 2026*``, ``(Environment, GS-3) — notes from …, May 2025``): a syllabus
    word or a dated edit, with separators."""
    if raw[:1] not in "*_(" or raw[:2] == "**" or len(raw) > 200:
        return False
    lowered = " " + raw.lower().replace("(", " ").replace(")", " ").replace(",", " ") + " "
    filed = any(
        f" {word} " in lowered for word in ("gs", "gs-1", "gs-2", "gs-3", "gs-4", "paper", "syllabus")
    )
    filed = filed or any(f"gs{n}" in lowered or f"gs-{n}" in lowered for n in "1234")
    dated = any(month in lowered.split() for month in MONTHS) and any(ch.isdigit() for ch in raw)
    separated = sum(raw.count(sep) for sep in ("·", "|", ",", " — ", " – ")) >= 1
    return separated and (filed or dated)


def _byline(text: str) -> bool:
    """A byline: ``By Name (…) · 12 October 2025 · 6 min read``: "By" and a name, then a date or a
    reading time after a separator."""
    if not text.startswith("By ") or not text[3:4].isupper() or len(text) > 200:
        return False
    parts = [part.strip() for part in re.split(r"\s[·|•—–]\s|\s-\s", text)]
    if len(parts) < 2 or _words(parts[0]) > 8:
        return False
    return any(
        _is_date(part) or part.lower().endswith(("min read", "minute read", "mins read"))
        for part in parts[1:]
    )


def _is_date(text: str) -> bool:
    words = text.replace(",", " ").replace("/", " ").replace("-", " ").replace(".", " ").split()
    if not 1 <= len(words) <= 4:
        return False
    has_year = any(w.isdigit() and len(w) == 4 and w[:2] in ("19", "20") for w in words)
    rest_ok = all(w.isdigit() or w.lower().rstrip("stndrh") in MONTHS or w.lower() in MONTHS for w in words)
    return has_year and rest_ok


def _markdown_heading(line: _Line) -> Heading | None:
    raw = line.raw
    if raw.startswith("#"):
        hashes = len(raw) - len(raw.lstrip("#"))
        rest = raw[hashes:]
        if hashes <= 6 and rest[:1].isspace() and rest.strip():
            return Heading(line.number, _clean(rest), hashes, "markdown")
    for fence in ("**", "__"):
        body = line.text if line.marker == "" else ""
        if (
            body.startswith(fence)
            and body.rstrip(":").endswith(fence)
            and len(body.rstrip(":")) > 2 * len(fence)
        ):
            inner = body.rstrip(":")[len(fence) : -len(fence)]
            if fence not in inner and _words(inner) <= 14:
                return Heading(line.number, _clean(inner), 2, "bold")
    return None


def _clean(text: str) -> str:
    return text.strip().strip("*_").strip().rstrip(":").strip()


def _short(text: str, words: int = 10) -> bool:
    return 1 <= _words(text) <= words and len(text) <= 100


def _mark_headings(lines: list[_Line]) -> None:
    """Decide which lines are headings or metadata (see the module docstring)."""
    from argmap.formats.notes.cues import heading_role

    for line in lines:
        line.meta = _meta(line)
    if lines and lines[0].meta is None and not lines[0].marker:
        _split_title_line(lines[0])
        under = lines[1].meta if len(lines) > 1 else None
        if (
            lines[0].meta is None
            and under is not None
            and under.field in ("title", "topic", "question", "motion")
            and _note_on_note(lines[0].raw)
        ):
            lines[0].meta = Meta(lines[0].number, "note", lines[0].raw, lines[0].raw)
    for line in lines[1:]:
        if line.blank_before or line.marker:
            break
        if line.meta is None and _header_field(line.text):
            # "Case Title and Citation: …", "Bench: … | Decided: …" right under the title line
            line.meta = Meta(line.number, "note", line.text, line.raw)
    for index, line in enumerate(lines):
        if line.meta is not None:
            continue
        if _in_metadata_block(lines, index):
            # an unpunctuated line inside a block of metadata ("Debate club prep, round 3")
            line.meta = Meta(line.number, "note", line.text, line.raw)
            continue
        if line.table == "header":
            # a table's header names its column(s) under the section the table sits in
            line.heading = Heading(line.number, " / ".join(_table_cells(line.raw) or []), 7, "table")
            continue
        if line.table:
            continue
        markdown = _markdown_heading(line)
        if markdown is not None:
            line.heading = markdown
            continue
        text = line.text
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        known = heading_role(_clean(text)) is not None
        if line.marker == "numbered":
            if (
                _short(text, 6)
                and (
                    text[-1] not in _TERMINAL + ":?"
                    or (text[-1] == ":" and nxt is not None and nxt.marker == "bullet")
                )
                and nxt is not None
                and nxt.indent <= line.indent + 4
                and (
                    (nxt.marker == "" and nxt.meta is None)
                    or (known and (nxt.marker == "bullet" or _style(nxt.raw) != _style(line.raw)))
                    or _heads_a_list(line, nxt)
                )
            ):
                line.heading = Heading(line.number, _clean(text), 2, "numbered")
            continue
        if line.marker:
            continue
        if text.endswith(":") and _short(text, 12) and ":" not in text[:-1]:
            line.heading = Heading(line.number, _clean(text), 2, "colon")
        elif text.endswith("?") and _short(text, 16):
            line.heading = Heading(line.number, _clean(text), 2, "question")
        elif _capitals(text):
            line.heading = Heading(line.number, _clean(text), 2, "capitals")
        elif (
            _short(text, 8)
            and text[-1] not in _TERMINAL
            and (text[0].isupper() or text[0].isdigit() or known)
        ):
            if _continues(lines, index):
                continue
            if index == 0 and (nxt is None or not _continues(lines, 1) or _title_case(text)):
                line.heading = Heading(line.number, _clean(text), 2, "first line")
                continue
            followed_by_list = nxt is not None and nxt.marker != "" and nxt.blank_before <= 2
            alone = line.blank_before > 0 and (nxt is None or nxt.blank_before > 0)
            over_a_sentence = (
                line.blank_before > 0
                and _words(text) <= 3
                and nxt is not None
                and nxt.marker == ""
                and nxt.text[:1].isupper()
                and nxt.text[-1:] in ".!?"
            )  # "Pre-empt" set over a full sentence: it names what follows
            over_labels = (
                nxt is not None
                and nxt.marker == ""
                and not nxt.blank_before
                and _labelled(nxt.text)
                and not _labelled(text)
                and _words(text) <= 5
            )  # "PRO 1 — Productivity" over "Claim: …" / "Warrant: …" lines
            if (
                known
                or followed_by_list
                or over_a_sentence
                or over_labels
                or (alone and nxt is not None and not _weak_next(lines, index + 1))
            ):
                line.heading = Heading(line.number, _clean(text), 2, "line")
        elif index == 0 and _long_title(lines, text):
            # a longer first line in title case, set apart: the note's title (or a motion)
            line.heading = Heading(line.number, _clean(text), 2, "first line")


_TITLE_SEPARATORS = (" — ", " – ", " | ", " - ", " -- ", "    ")
_TITLE_META_SIGNS = (
    "handout",
    "questions",
    "practice",
    "draft",
    "revision",
    "updated",
    "words",
    "marks",
    "answer",
    "one-page",
    "summary",
    "gs",
    "gs1",
    "gs2",
    "gs3",
    "gs4",
    "gs-ii",
    "gs-iii",
    "ir",
    "paper",
    "mains",
    "prelims",
    "upsc",
)


def _header_field(text: str) -> bool:
    """A ``Key: value`` line of a note's heading block: a short key in title case (``Case Title
    and Citation:``, ``Bench:``) and a value that is no sentence (it does not end in a full stop)."""
    key, found, value = text.partition(": ")
    if not found or not value or text[-1] in ".!?" or not 1 <= _words(key) <= 5 or _words(value) > 20:
        return False
    capitals = [word for word in key.split() if word.lower() not in ("and", "of", "the", "&")]
    return bool(capitals) and all(word[:1].isupper() for word in capitals)


def _split_title_line(line: _Line) -> None:
    """A first line holding a title and notes on the note after a dash or a bar
    (``India–Canada Relations — GS2 | IR | updated March 2025``, ``Essay practice – "Topic" –
    draft 2``): the title is the quoted part, else the part before the first separator; the whole
    line is kept as metadata too, so nothing of it is lost."""
    text = line.raw
    if len(text) > 300:
        return
    quoted = _quoted(text)
    separators = _TITLE_SEPARATORS + ((": ",) if quoted else ())  # 'Essay (test 4): "Topic"'
    cut = min((at for sep in separators if (at := text.find(sep)) > 0), default=-1)
    if cut < 0:
        return
    head, tail = text[:cut].strip(), text[cut:].strip(" —–|-:")
    signs = tail.lower().replace("(", " ").replace(")", " ").replace(",", " ").split()
    from argmap.formats.notes.cues import stance_opening

    if stance_opening(head.strip("*_ ")) is not None:
        return  # "**TL;DR** — Keep the cap …": a position, not a title
    signed = any(word.strip(".:;") in _TITLE_META_SIGNS for word in signs)
    sentence = tail[-1:] in ".!?"
    if not (quoted or signed or (_reads_as_metadata(tail) and _words(tail) <= 8 and not sentence)):
        return
    title = quoted or head
    if not title or title[-1] in ".;,":
        return
    line.heading = Heading(line.number, _clean(title), 2, "first line")
    line.meta = Meta(line.number, "note", tail, line.raw)


def _note_on_note(text: str) -> bool:
    """A first line such as ``Essay practice (1000-1200 words target)`` above a ``Topic:`` line."""
    words = text.lower().replace("(", " ").replace(")", " ").replace(";", " ").split()
    return any(word.strip(".:,") in _TITLE_META_SIGNS for word in words) and (
        "(" in text or any(ch.isdigit() for ch in text)
    )


def _quoted(text: str) -> str | None:
    for opening, closing in (('"', '"'), ("“", "”")):
        start = text.find(opening)
        stop = text.find(closing, start + 1) if start >= 0 else -1
        if start >= 0 and stop > start + 1 and _words(text[start + 1 : stop]) >= 2:
            return text[start + 1 : stop].strip()
    return None


def _headings_over_headings(lines: list[_Line]) -> None:
    """A short unmarked line set right above a heading (``PRO will run`` over ``PRO 1 —
    Productivity``) heads it: it is not a point with nothing to say."""
    for index in range(len(lines) - 2, -1, -1):
        line, nxt = lines[index], lines[index + 1]
        if (
            line.heading is None
            and line.meta is None
            and not line.marker
            and not line.table
            and nxt.heading is not None
            and nxt.heading.shape not in ("table", "first line")
            and not nxt.blank_before
            and _short(line.text, 4)
            and line.text[-1] not in _TERMINAL
        ):
            line.heading = Heading(line.number, _clean(line.text), 2, "line")
            if nxt.heading.level <= 2:
                nxt.heading.level = 3


def _heads_a_list(line: _Line, nxt: _Line) -> bool:
    """A short numbered line over a list of its own: bullets indented under it, or items numbered
    in another style (``1. Factors`` over ``A. Agricultural over-extraction``)."""
    if nxt.marker == "bullet":
        return nxt.indent > line.indent
    return nxt.marker == "numbered" and _style(nxt.raw) != _style(line.raw) and _words(line.text) <= 6


def _number_levels(lines: list[_Line]) -> None:
    """Numbered headings nest by their numbering style, in the order the styles first appear
    (``1.`` over ``A.`` over ``i)``), below every plain heading."""
    styles: list[str] = []
    for line in lines:
        if line.heading is None or line.heading.shape != "numbered":
            continue
        style = _style(line.raw.lstrip("*_"))
        if style not in styles:
            styles.append(style)
        line.heading.level = 3 + styles.index(style)


def _long_title(lines: list[_Line], text: str) -> bool:
    nxt = lines[1] if len(lines) > 1 else None
    if not (_short(text, 14) and text[-1] not in _TERMINAL):
        return False
    if nxt is not None and nxt.meta is not None and not nxt.blank_before and nxt.meta.field == "note":
        return True  # a first line set right over the note's filing lines names the note
    if not _title_case(text):
        return False
    return nxt is None or nxt.meta is not None or bool(nxt.blank_before) or _in_metadata_block(lines, 1)


def _in_metadata_block(lines: list[_Line], index: int) -> bool:
    """A line right under a metadata line or under the note's first line (its title), with no
    blank line between, that reads as a note on the note ("Debate club prep, round 3")."""
    line = lines[index]
    if not index or line.blank_before or line.marker:
        return False
    before = lines[index - 1]
    under_title = (
        index == 1 and before.marker == "" and _short(before.text, 12) and before.text[-1] not in ".:"
    )
    if before.meta is None and not under_title:
        return False
    if not (_short(line.text, 14) or _filing_line(line.text)) or (
        line.text[-1] in ".:;" and not line.text.startswith("(")
    ):
        return False
    return before.meta is not None or _reads_as_metadata(line.text)


def _filing_line(text: str) -> bool:
    """A longer line that files the note by fields set apart with dots or bars (``Editorial gist ·
    GS Paper 2 – Governance; GS Paper 3 – Internal security · 22 Sep 2025``)."""
    return len(text) <= 200 and text.count(" · ") + text.count(" | ") >= 2


_META_SIGNS = ("notes", "prep", "debate", "round", "format", "club", "class", "lecture", "compiled", "source")


def _reads_as_metadata(text: str) -> bool:
    """Whether a line under a title reads as a note on the note: a date or number, separators, or
    words such as ``prep``, ``round``, ``notes``."""
    lowered = text.lower()
    if any(ch.isdigit() for ch in text) or any(sign in text for sign in (",", "—", "--", "|", "(", "/")):
        return True
    return any(word in lowered.split() for word in _META_SIGNS)


def _style(raw: str) -> str:
    """How a numbered line counts: ``1.`` digits, ``(a)`` letters in brackets, ``I.`` Roman
    numerals, ``A.`` capitals, ``a)`` small letters (``I. Introduction`` over ``a. Hydropower``)."""
    opening = raw[:1]
    if opening == "(":
        return "bracket"
    if opening.isdigit():
        return "digit"
    token = raw[: next((i for i, ch in enumerate(raw) if ch in ".)"), len(raw))]
    if token and set(token) <= set("IVXL"):
        return "roman"
    if token and len(token) > 1 and set(token) <= set("ivxl"):
        return "small roman"
    return "capital" if opening.isupper() else "letter"


def _title_case(text: str) -> bool:
    """Whether most longer words start with a capital (``India Russia Relations``)."""
    longer = [word for word in text.split() if len(word) > 3]
    return bool(longer) and sum(word[0].isupper() for word in longer) * 10 >= len(longer) * 7


def _capitals(text: str) -> bool:
    letters = _letters(text)
    return len(letters) >= 3 and letters.isupper() and _short(text, 10) and text[-1] not in ".;,"


def _continues(lines: list[_Line], index: int) -> bool:
    """Whether the line carries on the point before it (no blank line, the point not ended)."""
    if index == 0:
        return False
    line, before = lines[index], lines[index - 1]
    if line.blank_before or before.heading is not None or before.meta is not None or line.meta is not None:
        return False
    return before.text[-1:] not in ".!?:;" or (line.text[:1].islower())


def _weak_next(lines: list[_Line], index: int) -> bool:
    """Whether the line at ``index`` is itself only a short title-like line (so the one before it
    heads nothing and is a point of a list of short lines)."""
    line = lines[index]
    return (
        line.marker == ""
        and _short(line.text, 8)
        and line.text[-1] not in _TERMINAL + ":?"
        and not line.text.isupper()
    )


def _blocks(lines: list[_Line]) -> list[Block]:
    blocks: list[Block] = []
    stack: list[tuple[int, int]] = []  # (indent, index of the point in blocks) of open points
    current: Point | None = None  # the point that a wrapped line would continue
    for line in lines:
        if line.meta is not None:
            if line.heading is not None:  # a title line with notes on the note after a dash
                blocks.append(line.heading)
            blocks.append(line.meta)
            stack, current = [], None
            continue
        if line.heading is not None:
            blocks.append(line.heading)
            if line.lead:  # "(06:40) Where we are": the timestamp is kept with the metadata
                blocks.append(Meta(line.number, "note", line.lead, line.lead))
            stack, current = [], None
            continue
        if current is not None and not line.marker and not line.blank_before and _wraps(current, line):
            current.text += " " + line.text
            current.end_line = line.number
            continue
        indent = line.indent
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if not line.marker and stack and line.blank_before:
            stack = []  # an unmarked paragraph after a blank line starts afresh at the top
        parent = stack[-1][1] if stack else None
        depth = 0 if parent is None else _depth(blocks, parent) + 1
        point = Point(
            line.number,
            line.text,
            depth,
            line.marker,
            parent,
            indent,
            line.number,
            line.blank_before,
            line.lead,
        )
        blocks.append(point)
        stack.append((indent, len(blocks) - 1))
        current = point
    return blocks


def _depth(blocks: list[Block], index: int) -> int:
    block = blocks[index]
    return block.depth if isinstance(block, Point) else 0


_EXAMPLE_OPENINGS = ("e.g", "eg.", "eg:", "eg ", "for example", "for instance", "example:", "examples:")


def _labelled(text: str) -> bool:
    """Whether a line opens with a short label and a colon (``Point: …``, ``Example: …``)."""
    colon = text.find(": ", 0, 30)
    head = text[:colon]
    return colon > 0 and head[:1].isupper() and _words(head) <= 3 and not any(ch in head for ch in ".;,")


def _wraps(point: Point, line: _Line) -> bool:
    """Whether an unmarked line with no blank line before it is the rest of ``point``: never a
    line that opens with an example (``e.g. …``), with a label of its own (``Point: …``) or, at
    the bullet's own indent, with a conclusion (``bottom line - …``)."""
    from argmap.formats.notes.cues import stance_opening

    if line.text.lower().startswith(_EXAMPLE_OPENINGS) or (_labelled(line.text) and _labelled(point.text)):
        return False
    if stance_opening(line.text) is not None and line.indent <= point.indent:
        return False  # "bottom line - …" under the last bullet: the note's position, not the bullet's end
    end = point.text[-1:]
    if line.text[:1].islower() or line.text[:1] in "(&,;":
        return True
    if point.marker:
        # a bullet's own lines are indented under its text; a long line cut mid-sentence carries on
        return line.indent > point.indent or (end not in ".!?:;" and len(point.text) >= 60)
    # a paragraph: lines run on until one ends a sentence
    return end not in ".!?:"
