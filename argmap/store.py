"""The map library: a folder of YAML maps, read and written safely.

A library is a folder (``arguments/`` by default; ``--library DIR`` or ``ARGMAP_LIBRARY`` changes
it) holding one ``NAME.yaml`` per map, plus a hidden data folder ``.argmap/`` with:

- ``backups/NAME/``: the previous versions of each map, newest last (the last 20 are kept);
- ``trash/``: deleted maps, restorable by name;
- anything else a feature keeps per library (practice progress, for one).

Saves are atomic: the new text goes to a temporary file in the same folder, is flushed and fsynced,
and is renamed over the old file, so a crash leaves either the old map or the new one, never half of
one. A save names the revision (a hash of the bytes) it was loaded from and is refused when the file
changed on disk since, so a second tab or a ``git pull`` is never silently overwritten.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from argmap.errors import MapFileError, StaleMapError, StoreError
from argmap.mapfile import dump_map, parse_map
from argmap.model import ArgumentMap
from argmap.skeletons import SKELETONS, skeleton_map

SUFFIX = ".yaml"
DATA_DIR = ".argmap"
BACKUPS_KEPT = 20
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def default_library() -> Path:
    """The library folder: ``$ARGMAP_LIBRARY`` when set, else ``arguments/`` in the working folder."""
    return Path(os.environ.get("ARGMAP_LIBRARY") or "arguments")


def revision_of(data: bytes) -> str:
    """The revision of a map file's bytes: a SHA-256 hex digest."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class LoadedMap:
    """A map as read from disk, with where it came from and the revision it was read at."""

    map: ArgumentMap
    path: Path
    revision: str

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class Entry:
    """One map in a library listing. ``error`` is set (and ``title`` is the name) when it is invalid."""

    name: str
    path: Path
    title: str
    question: str | None
    node_count: int
    counts_by_kind: dict[str, int]
    modified: datetime
    error: str | None = None


@dataclass(frozen=True)
class TrashEntry:
    name: str
    path: Path
    deleted: datetime


def check_name(name: str) -> str:
    """The map name without a ``.yaml`` suffix; raises StoreError for names that could escape the
    library or that Windows reserves."""
    if "\x00" in name:
        raise StoreError("a map name cannot contain a NUL character")
    bare = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
    if not bare or bare in (".", "..") or "/" in bare or "\\" in bare or os.path.isabs(name):
        raise StoreError(f"map name {name!r} must be a plain name such as 'india-russia', not a path")
    if not NAME_PATTERN.match(bare):
        raise StoreError(
            f"map name {name!r} may use only letters, digits, '-' and '_' (at most 80), starting with a letter or digit"
        )
    if bare.lower() in _RESERVED:
        raise StoreError(f"map name {name!r} is reserved by Windows; choose another")
    return bare


#: A map file larger than this is refused before it is read (a 10,000-node map is about 2.5 MB).
MAP_FILE_LIMIT = 64 * 1024 * 1024


def read_input(path: Path, what: str = "file", limit: int = MAP_FILE_LIMIT) -> bytes:
    """The bytes of a file the user named; StoreError with one line when it cannot be read or is
    larger than ``limit`` bytes. Never reads more than ``limit`` + 1 bytes, so a huge file or a
    device such as /dev/zero is refused without filling the memory."""
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise StoreError(f"{path}: larger than the {limit // (1024 * 1024)} MB limit for a {what}")
        return data
    except FileNotFoundError:
        raise StoreError(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: is a folder, not a {what}") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({exc.strerror})") from None


def load_path(path: Path | str) -> LoadedMap:
    """Read and validate a map file. Raises MapFileError (naming the file and line) or StoreError."""
    path = Path(path)
    data = read_input(path, "map file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StoreError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return LoadedMap(parse_map(text, str(path)), path, revision_of(data))


def _read_umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


# Read once at import: os.umask can only be read by setting it, which is unsafe once the app's
# threads are running.
_UMASK = _read_umask()


def write_atomic(path: Path, data: bytes, *, before_replace: Callable[[], None] | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old bytes or the new, never a mix.

    Raises StoreError naming the path when the folder cannot be made or written. ``before_replace``
    runs after the temporary file is complete and before the rename (tests use it to simulate a
    crash at the worst moment).
    """
    try:
        _write_atomic(path, data, before_replace)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _write_atomic(path: Path, data: bytes, before_replace: Callable[[], None] | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would, or keep
        # the mode of the file it replaces.
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_UMASK
        os.chmod(temporary, mode)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def save_path(
    path: Path,
    argument_map: ArgumentMap,
    expected_revision: str | None,
    *,
    backups: Path | None = None,
    before_replace: Callable[[], None] | None = None,
) -> str:
    """Save a map atomically and return its new revision.

    ``expected_revision`` is the revision the map was loaded at, or None for a new file. Raises
    StaleMapError when the file on disk is not at that revision (or exists when None was given).
    The previous bytes are copied into ``backups`` first when given.
    """
    try:
        current = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        current = None  # no map there yet; write_atomic reports a folder that cannot be made
    if current is None and expected_revision is not None:
        raise StaleMapError(f"{path} was deleted or moved since it was loaded; save it as a copy instead")
    if current is not None and revision_of(current) != expected_revision:
        if expected_revision is None:
            raise StoreError(f"{path} already exists; choose another name")
        raise StaleMapError(
            f"{path} changed on disk since it was loaded (another tab or a git pull?); "
            "reload it, or save your version as a copy"
        )
    data = dump_map(argument_map).encode("utf-8")
    if current == data:
        return revision_of(data)
    if current is not None and backups is not None:
        _keep_backup(backups, current)
    write_atomic(path, data, before_replace=before_replace)
    return revision_of(data)


def _keep_backup(folder: Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    write_atomic(folder / f"{stamp}-{revision_of(data)[:8]}{SUFFIX}", data)
    kept = sorted(folder.glob(f"*{SUFFIX}"))
    for old in kept[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)


class Library:
    """The maps in one folder. Every method takes map names, never paths, and refuses names that
    could leave the folder."""

    def __init__(self, root: Path | str | None = None):
        self.root = Path(root) if root is not None else default_library()

    # -- places ---------------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        """The library's own data folder (backups, trash, practice progress)."""
        return self.root / DATA_DIR

    def path_of(self, name: str) -> Path:
        return self.root / f"{check_name(name)}{SUFFIX}"

    def backups_of(self, name: str) -> list[Path]:
        """Saved previous versions of a map, oldest first."""
        return sorted((self.data_dir / "backups" / check_name(name)).glob(f"*{SUFFIX}"))

    # -- reading --------------------------------------------------------------------------
    def names(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.stem for p in self.root.glob(f"*{SUFFIX}") if NAME_PATTERN.match(p.stem))

    def exists(self, name: str) -> bool:
        return self.path_of(name).is_file()

    def entries(self) -> list[Entry]:
        """Every map with its title, question, counts and last change; invalid maps are listed
        with their error rather than hidden."""
        entries = []
        for name in self.names():
            path = self.path_of(name)
            modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            try:
                loaded = load_path(path)
            except (MapFileError, StoreError) as exc:
                entries.append(Entry(name, path, name, None, 0, {}, modified, str(exc)))
                continue
            argument_map = loaded.map
            entries.append(
                Entry(
                    name,
                    path,
                    argument_map.title,
                    argument_map.question,
                    len(argument_map.nodes),
                    argument_map.counts_by_kind(),
                    modified,
                )
            )
        return entries

    def load(self, name: str) -> LoadedMap:
        path = self.path_of(name)
        if not path.is_file():
            raise StoreError(f"no map named {check_name(name)!r} in {self.root}")
        return load_path(path)

    # -- writing --------------------------------------------------------------------------
    def save(self, name: str, argument_map: ArgumentMap, expected_revision: str | None) -> str:
        """Save atomically, keeping the previous version as a backup; returns the new revision."""
        if self.root.is_file():  # checked where it matters, not on every path lookup
            raise StoreError(
                f"{self.root}: is a file, not a folder; --library must name the map library's folder"
            )
        return save_path(
            self.path_of(name),
            argument_map,
            expected_revision,
            backups=self.data_dir / "backups" / check_name(name),
        )

    def create(
        self, name: str, title: str, skeleton: str = "blank", question: str | None = None
    ) -> LoadedMap:
        """A new map from a skeleton (see ``argmap.skeletons.SKELETONS``); refuses a taken name."""
        if skeleton not in SKELETONS:
            raise StoreError(f"unknown skeleton {skeleton!r}; choose one of {', '.join(SKELETONS)}")
        if not title.strip():
            raise StoreError(f"map {check_name(name)!r} needs a title: give one with --title")
        argument_map = skeleton_map(skeleton, title, question)
        revision = self.save(name, argument_map, None)
        return LoadedMap(argument_map, self.path_of(name), revision)

    def import_map(self, name: str, argument_map: ArgumentMap) -> LoadedMap:
        """Add an already validated map (an upload, an import) under a new name."""
        revision = self.save(name, argument_map, None)
        return LoadedMap(argument_map, self.path_of(name), revision)

    def duplicate(self, name: str, new_name: str) -> LoadedMap:
        source = self.load(name)
        copy = source.map.model_copy(update={"title": f"{source.map.title} (copy)"})
        return self.import_map(new_name, copy)

    def rename(self, name: str, new_name: str) -> Path:
        source, target = self.path_of(name), self.path_of(new_name)
        if not source.is_file():
            raise StoreError(f"no map named {check_name(name)!r} in {self.root}")
        if target.exists():
            raise StoreError(f"a map named {check_name(new_name)!r} already exists in {self.root}")
        backups = self.data_dir / "backups"
        old_backups, new_backups = backups / check_name(name), backups / check_name(new_name)
        if new_backups.exists():
            # Left by a deleted map of the new name: kept, but set aside, so they never pass for
            # earlier versions of the renamed map.
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            os.replace(new_backups, backups / f"{check_name(new_name)}--set-aside-{stamp}")
        if old_backups.is_dir():
            os.replace(old_backups, new_backups)
        try:
            os.rename(source, target)
        except OSError:
            if new_backups.is_dir():
                os.replace(new_backups, old_backups)  # the map keeps its name and its backups
            raise
        return target

    def delete(self, name: str) -> TrashEntry:
        """Move a map to the library's trash, from where :meth:`restore` brings it back."""
        source = self.path_of(name)
        if not source.is_file():
            raise StoreError(f"no map named {check_name(name)!r} in {self.root}")
        trash = self.data_dir / "trash"
        trash.mkdir(parents=True, exist_ok=True)
        now = datetime.now(UTC)
        target = trash / f"{check_name(name)}--{now.strftime('%Y%m%dT%H%M%S%fZ')}{SUFFIX}"
        os.replace(source, target)
        return TrashEntry(check_name(name), target, now)

    def trash(self) -> list[TrashEntry]:
        """Deleted maps, newest first."""
        entries = []
        for path in (self.data_dir / "trash").glob(f"*--*{SUFFIX}"):
            name, _, stamp = path.stem.rpartition("--")
            try:
                deleted = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
            except ValueError:
                deleted = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            entries.append(TrashEntry(name, path, deleted))
        return sorted(entries, key=lambda entry: entry.deleted, reverse=True)

    def restore(self, entry: TrashEntry, new_name: str | None = None) -> Path:
        """Bring a deleted map back, under its old name or ``new_name``; refuses a taken name."""
        target = self.path_of(new_name or entry.name)
        if target.exists():
            raise StoreError(f"a map named {target.stem!r} already exists; restore it under another name")
        if entry.path.parent != self.data_dir / "trash" or not entry.path.is_file():
            raise StoreError(f"{entry.path.name} is not in this library's trash")
        os.replace(entry.path, target)
        return target

    def touch_time(self, name: str) -> float:
        """Last modification time of a map's file (seconds since the epoch)."""
        return self.path_of(name).stat().st_mtime


def resolve(target: str, library: Library | None = None) -> LoadedMap:
    """Load a map given either a file path or a name in the library (the CLI's PATH argument)."""
    path = Path(target)
    if path.suffix in (SUFFIX, ".yml") or os.sep in target or path.is_file():
        return load_path(path)
    return (library or Library()).load(target)


__all__ = [
    "MAP_FILE_LIMIT",
    "Entry",
    "Library",
    "LoadedMap",
    "TrashEntry",
    "check_name",
    "default_library",
    "load_path",
    "read_input",
    "resolve",
    "revision_of",
    "save_path",
    "write_atomic",
]
