"""Answer review as a use case: read the answer (text, Markdown or Word), check it, review it, keep it.

The CLI's ``argmap review`` and the app's Answer page both call :func:`review_text`; the app also
keeps every attempt with :class:`AttemptStore`, one JSON line per attempt in the library's data
folder (``.argmap/answers.jsonl``), beside the drill progress.
"""

from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap
from argmap.review import Review, WordLimit, review_answer, word_limit
from argmap.review.limits import MAX_WORDS, MIN_WORDS
from argmap.services.outline import template_for_question

ANSWER_SUFFIXES = (".txt", ".md", ".docx")
ATTEMPTS_FILE = "answers.jsonl"


class ReviewError(ArgmapError):
    """An answer that cannot be reviewed: empty, unreadable, of an unknown kind, or a map without a question."""


def answer_from_bytes(name: str, data: bytes) -> str:
    """The text of an answer file's bytes; ``name`` (its file name) says the kind and names it in errors.

    A ``.docx`` gives its paragraphs, one a line; ``.txt`` and ``.md`` are read as UTF-8.
    Raises ReviewError for another kind or bytes that are not what the name says.
    """
    suffix = Path(name).suffix.lower()
    if suffix not in ANSWER_SUFFIXES:
        raise ReviewError(f"{name}: write the answer as .txt, .md or .docx, not {suffix or 'no suffix'}")
    return _docx_text(name, data) if suffix == ".docx" else _text(name, data)


def _docx_text(name: str, data: bytes) -> str:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise ReviewError(f"{name}: not a Word document that can be read ({exc})") from None
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def _text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReviewError(f"{name}: not UTF-8 text (byte {exc.start}); save the answer as UTF-8") from None


def read_answer(source: str, stdin: BinaryIO | None = None) -> tuple[str, str]:
    """The answer named on a command line: a file path, or ``-`` for standard input (plain text).

    Returns (where, text); ``where`` names the answer in messages. Raises ReviewError when the file
    cannot be read.
    """
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return "<stdin>", _text("<stdin>", stream.read())
    path = Path(source)
    if path.suffix.lower() not in ANSWER_SUFFIXES:
        raise ReviewError(f"{path}: write the answer as .txt, .md or .docx, not {path.suffix or 'no suffix'}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read the answer ({exc.strerror or exc})") from None
    return str(path), answer_from_bytes(str(path), data)


def review_text(
    argument_map: ArgumentMap, text: str, where: str, words: int | None = None, map_where: str = ""
) -> Review:
    """Review ``text`` against the map (see :func:`argmap.review.review_answer`).

    Raises ReviewError for an empty answer (naming ``where``), a map without a question (naming
    ``map_where`` or the map's title) or a word limit outside 30–5,000.
    """
    if not argument_map.question:
        place = map_where or f"map {argument_map.title!r}"
        raise ReviewError(f"{place}: the map has no question to answer; add one (Map details in the Editor)")
    if words is not None and not MIN_WORDS <= words <= MAX_WORDS:
        raise ReviewError(f"--words must be between {MIN_WORDS} and {MAX_WORDS:,}, not {words}")
    if not any(ch.isalnum() for ch in text):
        raise ReviewError(f"{where}: the answer is empty")
    return review_answer(argument_map, text, limit_for(argument_map, words))


def limit_for(argument_map: ArgumentMap, words: int | None = None) -> WordLimit:
    """The word limit of an answer to the map: ``words`` when given, else the one its question asks
    for (the template and limit the outline starts from), else 250."""
    if words is not None:
        return word_limit(words)
    asked = template_for_question(argument_map)
    return word_limit(asked.words, asked.template)


@dataclass(frozen=True)
class Attempt:
    """One reviewed answer kept for a map: when, the marks and the answer itself."""

    when: datetime
    marks: float
    out_of: int
    words: int
    answer: str


class AttemptStore:
    """Every answer reviewed for each map of a library, oldest first, in one JSON-lines file."""

    def __init__(self, path: Path | str):
        self.path = Path(path)

    @classmethod
    def in_folder(cls, data_dir: Path | str) -> AttemptStore:
        """The store in a library's data folder (``.argmap/``)."""
        return cls(Path(data_dir) / ATTEMPTS_FILE)

    def record(self, map_name: str, review: Review, when: datetime | None = None) -> Attempt:
        """Keep one attempt; appends a line (the folder is made when missing)."""
        moment = (when or datetime.now(UTC)).astimezone(UTC)
        attempt = Attempt(moment, review.marks, review.out_of, review.words, review.answer.text)
        line = {
            "map": map_name,
            "when": moment.isoformat(),
            "marks": attempt.marks,
            "out_of": attempt.out_of,
            "words": attempt.words,
            "answer": attempt.answer,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())
        return attempt

    def history(self, map_name: str) -> list[Attempt]:
        """The map's attempts, oldest first; lines that cannot be read are skipped."""
        if not self.path.exists():
            return []
        found = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                data = json.loads(line)
                if data.get("map") != map_name:
                    continue
                found.append(
                    Attempt(
                        datetime.fromisoformat(data["when"]),
                        float(data["marks"]),
                        int(data["out_of"]),
                        int(data["words"]),
                        str(data.get("answer", "")),
                    )
                )
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
        return sorted(found, key=lambda attempt: attempt.when)
