"""The library's listing index: what a listing shows of each map, kept between listings.

A listing of hundreds of maps must not parse every map (#21): ``.argmap/index.json`` keeps each
map's title, question, counts and error with the file's size, modification time (ns) and inode,
and a listing parses only the files whose three no longer match. The index is a cache, never a
source of truth: an unreadable or foreign index is rebuilt, and a map file is always what counts.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

INDEX_FILE = "index.json"
INDEX_FORMAT = 1
#: An index larger than this is not read (about 400 bytes a map: far beyond any real library).
INDEX_LIMIT = 32 * 1024 * 1024


class Entry(NamedTuple):
    """One map in a library listing. ``error`` is set (and ``title`` is the name) when it is invalid.
    (A named tuple, not a dataclass: :mod:`argmap.store` imports this module on the start of every
    command, #21.)"""

    name: str
    path: Path
    title: str
    question: str | None
    node_count: int
    counts_by_kind: dict[str, int]
    modified: datetime
    error: str | None = None


def file_key(status: os.stat_result) -> list[int]:
    """What must be unchanged for a map's indexed summary to stand: size, mtime (ns), inode.

    A save replaces the file by a rename, so even a same-size save within one clock tick has a
    new inode."""
    return [status.st_size, status.st_mtime_ns, status.st_ino]


class ListingIndex:
    """The summaries read from ``folder/index.json``; :meth:`write` keeps what a listing found."""

    def __init__(self, folder: Path, read: bytes | None):
        self.path = folder / INDEX_FILE
        self.changed = False
        self._maps: dict[str, dict] = {}
        if read:
            try:
                stored = json.loads(read)
            except ValueError:
                stored = None
            if isinstance(stored, dict) and stored.get("format") == INDEX_FORMAT:
                maps = stored.get("maps")
                self._maps = maps if isinstance(maps, dict) else {}
        self._seen: set[str] = set()

    def cached(self, name: str, path: Path, status: os.stat_result) -> Entry | None:
        """The indexed entry of ``name`` when its file is unchanged, else None."""
        self._seen.add(name)
        stored = self._maps.get(name)
        if not isinstance(stored, dict) or stored.get("key") != file_key(status):
            return None
        try:
            return Entry(
                name,
                path,
                str(stored["title"]),
                stored["question"],
                int(stored["node_count"]),
                dict(stored["counts_by_kind"]),
                _modified(status),
                stored["error"],
            )
        except (KeyError, TypeError, ValueError):
            return None

    def record(self, entry: Entry, status: os.stat_result) -> None:
        summary = entry._asdict()
        for transient in ("name", "path", "modified"):
            del summary[transient]
        self._maps[entry.name] = {"key": file_key(status), **summary}
        self.changed = True

    def outdated(self) -> bool:
        """True when the listing found a changed map, or the index still holds a map now gone."""
        return self.changed or set(self._maps) != self._seen

    def text(self) -> str:
        """The index to write: the maps seen by this listing."""
        maps = {name: self._maps[name] for name in sorted(self._seen) if name in self._maps}
        return json.dumps({"format": INDEX_FORMAT, "maps": maps}, ensure_ascii=False, separators=(",", ":"))


def summary_entry(name: str, path: Path, status: os.stat_result, **found) -> Entry:
    """The entry of a map file with the ``found`` fields (title, question, counts or error)."""
    return Entry(name=name, path=path, modified=_modified(status), **found)


def _modified(status: os.stat_result) -> datetime:
    return datetime.fromtimestamp(status.st_mtime, UTC)
