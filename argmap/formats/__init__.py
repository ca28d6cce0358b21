"""Maps in and out of other tools' formats: the one registry of readers and writers.

Each format is one module with one public reader and/or writer; this module is the only place
that knows them all. The CLI (``argmap import`` / ``argmap export``) and the app's Library page
and map menu call :func:`read_bytes`, :func:`read_text`, :func:`write_text` and
:func:`detect_format`, and list :data:`MAP_FORMATS` to offer them.

| name    | reads | writes | suffixes                    |
|---------|-------|--------|-----------------------------|
| notes   | yes   | no     | .txt, .md                   |
| argdown | yes   | yes    | .argdown, .ad               |
| aif     | yes   | yes    | .aif.json, .json            |
| kialo   | yes   | no     | .txt (told apart by content) |

Every reader returns an :class:`ImportResult` (a valid map and its warnings) or raises
:class:`FormatError` with one line naming the file, line and column; none writes anything.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from argmap.formats.common import FormatError, ImportResult
from argmap.model import ArgumentMap

__all__ = [
    "FILE_LIMIT_BYTES",
    "MAP_FORMATS",
    "UPLOAD_LIMIT_BYTES",
    "FormatError",
    "ImportResult",
    "MapFormat",
    "detect_format",
    "read_bytes",
    "read_text",
    "write_text",
]

#: Largest upload the app accepts (the Library page checks it before reading).
UPLOAD_LIMIT_BYTES = 2 * 1024 * 1024
#: Largest file ``argmap import`` reads: far above any real map, low enough to refuse a mistake.
FILE_LIMIT_BYTES = 32 * 1024 * 1024

Reader = Callable[[str, str], ImportResult]
Writer = Callable[[ArgumentMap], str]


@dataclass(frozen=True)
class MapFormat:
    """One format: its name (``--from``), a label for menus, file suffixes, and whether argmap
    reads and writes it. The reader is ``argmap.formats.NAME.read_NAME`` and the writer
    ``write_NAME``, imported on first use so that listing formats (every CLI start) stays cheap."""

    name: str
    label: str
    suffixes: tuple[str, ...]
    can_read: bool
    can_write: bool

    @property
    def reader(self) -> Reader | None:
        return self._function("read") if self.can_read else None

    @property
    def writer(self) -> Writer | None:
        return self._function("write") if self.can_write else None

    def _function(self, verb: str) -> Callable:
        return getattr(importlib.import_module(f"argmap.formats.{self.name}"), f"{verb}_{self.name}")

    @property
    def suffix(self) -> str:
        """The suffix a written file gets."""
        return self.suffixes[0]


MAP_FORMATS: dict[str, MapFormat] = {
    fmt.name: fmt
    for fmt in (
        MapFormat("argdown", "Argdown", (".argdown", ".ad"), can_read=True, can_write=True),
        MapFormat("aif", "AIF JSON (AIFdb, xAIF)", (".aif.json", ".json"), can_read=True, can_write=True),
        MapFormat("kialo", "Kialo text export", (".txt",), can_read=True, can_write=False),
        MapFormat("notes", "Study notes (plain text)", (".txt", ".md"), can_read=True, can_write=False),
    )
}


def detect_format(filename: str, text: str | None = None) -> str | None:
    """The format a file name (and, for ``.txt``, its text) suggests, or None when unknown.

    A ``.txt`` file is a Kialo export when its text looks like one (``1. `` then ``1.1. Pro:``
    lines), else a study note; without the text, ``.txt`` means notes.
    """
    from argmap.formats.kialo import looks_like_kialo

    name = PurePath(filename).name.lower()
    if name.endswith(".txt"):
        return "kialo" if text is not None and looks_like_kialo(text) else "notes"
    for fmt in sorted(MAP_FORMATS.values(), key=lambda f: -max(len(s) for s in f.suffixes)):
        if any(name.endswith(suffix) for suffix in fmt.suffixes):
            return fmt.name
    return None


def _format(fmt: str) -> MapFormat:
    try:
        return MAP_FORMATS[fmt]
    except KeyError:
        names = ", ".join(MAP_FORMATS)
        raise FormatError(fmt, f"unknown format; choose one of {names}") from None


def read_text(text: str, fmt: str, source_name: str) -> ImportResult:
    """Read ``text`` in format ``fmt``; ``source_name`` names it in messages and citations.

    Raises FormatError (one line, placed) for input the reader cannot take.
    """
    spec = _format(fmt)
    if spec.reader is None:
        raise FormatError(source_name, f"argmap cannot read {spec.label}")
    return spec.reader(text.removeprefix("\ufeff"), source_name)


def read_bytes(data: bytes, fmt: str, source_name: str, limit: int = UPLOAD_LIMIT_BYTES) -> ImportResult:
    """Read an uploaded or opened file: checks the size limit and the UTF-8 encoding first."""
    if len(data) > limit:
        raise FormatError(
            source_name,
            f"file is {len(data):,} bytes; the limit is {limit:,} bytes ({limit // 1024 // 1024} MB)",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(source_name, f"not UTF-8 text (byte {exc.start})", line) from None
    return read_text(text, fmt, source_name)


def write_text(argument_map: ArgumentMap, fmt: str) -> str:
    """The map written in format ``fmt``. Raises FormatError for a format argmap cannot write."""
    spec = _format(fmt)
    if spec.writer is None:
        raise FormatError(fmt, f"argmap cannot write {spec.label}")
    return spec.writer(argument_map)
