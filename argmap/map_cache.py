"""Parsed maps kept between runs of the command line, keyed by the map file's content hash (#21).

Reading a 2,000-node map's YAML takes about 0.2 s, most of what ``argmap render`` adds to ``dot``;
the same data as JSON validates in about 20 ms. So when the command line reads a map of a folder
library (by name, or by a path to a file directly in the library's folder), it keeps the validated
map's dump as JSON in ``.argmap/parsed/SHA256.json``, named by the SHA-256 of the map file's bytes,
and the next run that reads the same bytes validates that JSON instead of parsing the YAML.
Drawing a map (:func:`load_for_drawing`) goes further: the entry's header proves which bytes it
was made from and that its JSON is what was written, and what was written was a map the model
validated, so it is read back as a plain map (:mod:`argmap.model_plain`) without importing pydantic,
whose import alone costs about 0.1 s of CPU at every start.

What the cache may never do, and why it cannot:

- **Be trusted for other bytes.** An entry is looked up by the hash of the bytes just read from
  the map file, and its first line must name that same hash (and the hash of the JSON that
  follows it); a changed file has another hash, so it is parsed again.
- **Give a map the file would not give.** An entry is written only when its JSON, validated, is
  equal to the map the YAML gave; a hit still passes the model's full validation (every rule),
  and a plain map read for drawing must have exactly the model's fields and keep every rule of the
  map, so even an edited entry cannot hold a map breaking the rules. Maps that fail to load are
  never cached.
- **Break a run.** An entry that cannot be read, is not JSON, is of another format, is too large
  or fails validation is ignored (the YAML is parsed as if there were no cache) and replaced.
  A library that cannot be written (read-only, full disk) is read without caching.
- **Leave the library or grow without bound.** Entries live only in the library's own
  ``.argmap/`` (a symbolic link there is refused, as for backups), an entry is at most
  :data:`ENTRY_LIMIT` bytes, and at most :data:`KEPT` entries and :data:`TOTAL_LIMIT` bytes are
  kept; the least recently used go first.

The app does not use it: a session parses a map once when it opens it and keeps it in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import StoreError
from argmap.model_base import MapRuleError
from argmap.model_plain import PlainMapError, plain_map
from argmap.store import (
    MAP_FILE_LIMIT,
    SUFFIX,
    Library,
    LoadedMap,
    load_path,
    read_own_file,
    resolve,
    revision_of,
    target_path,
    write_atomic,
)

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.model_plain import AnyMap, PlainMap
    from argmap.stores import MapLibrary

FOLDER = "parsed"
#: Bumped whenever what an entry holds changes meaning (the model's dump, the header).
FORMAT = 2
#: An entry larger than this is neither written nor read.
ENTRY_LIMIT = MAP_FILE_LIMIT
#: At most this many entries (one per map version read) and this many bytes in all.
KEPT = 64
TOTAL_LIMIT = 256 * 1024 * 1024


class ParsedMaps:
    """The parsed-map cache of one folder library (see the module's documentation)."""

    def __init__(self, library: Library):
        self.library = library

    def _folder(self, create: bool = False) -> Path:
        return self.library.own_folder(FOLDER, create=create)

    @staticmethod
    def _header(revision: str, payload: bytes) -> bytes:
        """The entry's first line: its format, the map file's hash and the hash of the JSON after
        it (a torn or altered entry does not match)."""
        fields = {"format": FORMAT, "revision": revision, "payload": hashlib.sha256(payload).hexdigest()}
        return json.dumps(fields).encode("ascii")

    def _payload(self, revision: str) -> bytes | None:
        """The JSON of a sound entry for ``revision``: its header names that revision and the
        hash of the JSON; else None."""
        try:
            path = self._folder() / f"{revision}.json"
            raw = read_own_file(path, "parsed-map cache entry", ENTRY_LIMIT)
        except (StoreError, OSError):
            return None  # none yet, a link, a folder: parsed from the YAML as without a cache
        header, newline, payload = raw.partition(b"\n")
        if not newline or header != self._header(revision, payload):
            return None
        with suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return payload

    def get(self, revision: str) -> ArgumentMap | None:
        """The map whose file's bytes hash to ``revision``, when a sound entry holds it; else None."""
        payload = self._payload(revision)
        if payload is None:
            return None
        from argmap.model import ArgumentMap

        try:
            return ArgumentMap.model_validate_json(payload)
        except (ValueError, MapRuleError):  # pydantic's ValidationError is a ValueError
            return None

    def get_plain(self, revision: str) -> PlainMap | None:
        """As :meth:`get`, read back without pydantic (:mod:`argmap.model_plain`): for drawing."""
        payload = self._payload(revision)
        if payload is None:
            return None
        try:
            return plain_map(json.loads(payload))
        except (ValueError, PlainMapError, RecursionError):  # JSONDecodeError is a ValueError
            return None

    def keep(self, revision: str, argument_map: ArgumentMap) -> None:
        """Remember ``argument_map`` under ``revision`` when its dump, validated, gives the very
        same map; never raises."""
        from argmap.model import ArgumentMap

        try:
            dump = argument_map.model_dump(mode="json")
            payload = json.dumps(dump, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
        except (TypeError, ValueError):
            return
        if len(payload) > ENTRY_LIMIT:
            return
        try:
            same = ArgumentMap.model_validate_json(payload) == argument_map
        except (ValueError, MapRuleError):
            same = False
        if not same:
            return
        try:
            folder = self._folder(create=True)
            write_atomic(folder / f"{revision}.json", self._header(revision, payload) + b"\n" + payload)
            self._prune(folder)
        except (StoreError, OSError):
            return  # a read-only library still reads its maps

    @staticmethod
    def _prune(folder: Path) -> None:
        """Remove the least recently used entries beyond :data:`KEPT` or :data:`TOTAL_LIMIT`."""
        found = []
        for path in folder.glob("*.json"):
            with suppress(OSError):
                status = path.lstat()
                found.append((status.st_mtime_ns, status.st_size, path))
        found.sort(reverse=True)  # newest first
        total = 0
        for count, (_, size, path) in enumerate(found, start=1):
            total += size
            if count > KEPT or total > TOTAL_LIMIT:
                with suppress(OSError):
                    path.unlink()


def parsed_with_cache(cache: ParsedMaps, text: str, where: str, revision: str) -> ArgumentMap:
    """The map in ``text`` (the bytes hashing to ``revision``): from the cache when it holds it,
    else parsed (MapFileError as without a cache) and kept for the next run."""
    found = cache.get(revision)
    if found is not None:
        return found
    from argmap.mapfile import map_from_data, read_map_data  # YAML is loaded only on a miss

    argument_map = map_from_data(read_map_data(text, where), where, text)
    cache.keep(revision, argument_map)
    return argument_map


def load_cached(target: str, library: MapLibrary) -> LoadedMap:
    """The command line's read of a map (a name, or a path; see :func:`argmap.store.resolve`)
    through the library's cache, when the library is a folder and the map one of its files."""
    if not isinstance(library, Library):
        return resolve(target, library)
    cache = ParsedMaps(library)

    def parse(text: str, where: str, revision: str) -> ArgumentMap:
        return parsed_with_cache(cache, text, where, revision)

    path = target_path(target)
    if path is None:
        return library.load(target, parse)
    return load_path(path, parse if _in_folder(path, library.root) else None)


def load_for_drawing(target: str, library: MapLibrary) -> AnyMap:
    """The map to draw (a name, or a path): read back as a plain map, without pydantic, when the
    library's cache holds the file's bytes; else as :func:`load_cached` reads it (and caches it),
    with the same errors."""
    if isinstance(library, Library):
        path = target_path(target)
        try:
            if path is None:
                path = library.path_of(target)
            elif not _in_folder(path, library.root):
                path = None
            data = None if path is None else read_own_file(path, "map file")
        except (StoreError, OSError):
            data = None  # reported, one line, by the full read below
        found = None if data is None else ParsedMaps(library).get_plain(revision_of(data))
        if found is not None:
            return found
    return load_cached(target, library).map


def _in_folder(path: Path, folder: Path) -> bool:
    """True when ``path`` is a map file directly in ``folder`` (no link on the way)."""
    try:
        return path.suffix == SUFFIX and not path.is_symlink() and path.parent.samefile(folder)
    except OSError:
        return False


__all__ = [
    "ENTRY_LIMIT",
    "FOLDER",
    "KEPT",
    "TOTAL_LIMIT",
    "ParsedMaps",
    "load_cached",
    "load_for_drawing",
    "parsed_with_cache",
]
