"""The map library: a folder of YAML maps, read and written safely.

A library is a folder (``arguments/`` by default; ``--library DIR`` or ``ARGMAP_LIBRARY`` changes
it) holding one ``NAME.yaml`` per map, plus a hidden data folder ``.argmap/`` with:

- ``backups/NAME/``: the previous versions of each map, newest last (the last 20 are kept);
- ``trash/``: deleted maps, restorable by name;
- anything else a feature keeps per library (practice progress, for one).

- ``locks/NAME.lock``: empty files that saves, renames, deletes and restores of NAME lock.

Saves are atomic: the new text goes to a temporary file in the same folder, is flushed and fsynced,
and is renamed over the old file, so a crash leaves either the old map or the new one, never half of
one. A save names the revision (a hash of the bytes) it was loaded from and is refused when the file
changed on disk since, so a second tab or a ``git pull`` is never silently overwritten. The check
and the replacement happen under an exclusive lock on the map's lock file (``fcntl.flock``, which
threads and processes alike respect), so of two saves based on one revision exactly one lands.

The library stays inside itself: maps, backups, trash and ``.argmap/`` that are symbolic links are
refused (listed with a warning, never followed), and every read is capped in size.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from argmap.errors import MapFileError, StaleMapError, StoreError
from argmap.store_index import INDEX_FILE, INDEX_LIMIT, Entry, ListingIndex, file_key, summary_entry

if TYPE_CHECKING:
    from argmap.model import ArgumentMap  # for types only: a cached read for drawing needs no pydantic
    from argmap.stores import MapLibrary

#: Reads a map from its text, the file's name for messages and its revision (see
#: ``argmap.map_cache``); the default parses the YAML.
Parser = Callable[[str, str, str], "ArgumentMap"]

SUFFIX = ".yaml"
DATA_DIR = ".argmap"
BACKUPS_KEPT = 20
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")  # always used with fullmatch
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def default_library() -> Path:
    """The library folder: ``$ARGMAP_LIBRARY`` when set, else ``arguments/`` in the working folder."""
    return Path(os.environ.get("ARGMAP_LIBRARY") or "arguments")


def revision_of(data: bytes) -> str:
    """The revision of a map file's bytes: a SHA-256 hex digest."""
    return hashlib.sha256(data).hexdigest()


# The records here are named tuples, not dataclasses: this module is on the start of every command
# that reads a map, and importing dataclasses costs the command line several milliseconds (#21).
class LoadedMap(NamedTuple):
    """A map as read from disk, with where it came from and the revision it was read at."""

    map: ArgumentMap
    path: Path
    revision: str

    @property
    def name(self) -> str:
        return self.path.stem


class Version(NamedTuple):
    """One saved version of a map: its number (1 = first), revision, who saved it, the change
    (its undo label), and when. A folder library records no author or label ("")."""

    number: int
    revision: str
    author: str
    label: str
    saved: datetime


class TrashEntry(NamedTuple):
    name: str
    path: Path
    deleted: datetime


def check_name(name: str) -> str:
    """The map name without a ``.yaml`` suffix; raises StoreError for names that could escape the
    library or that Windows reserves."""
    if "\x00" in name:
        raise StoreError("a map name cannot contain a NUL character")
    bare = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
    if bare != bare.strip():
        raise StoreError(f"map name {name!r} starts or ends with a space; remove it")
    if not bare or bare in (".", "..") or "/" in bare or "\\" in bare or os.path.isabs(name):
        raise StoreError(f"map name {name!r} must be a plain name such as 'india-russia', not a path")
    if not NAME_PATTERN.fullmatch(bare):
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
    return _read_capped(path, what, limit, own=False)


def read_own_file(path: Path, what: str, limit: int = MAP_FILE_LIMIT) -> bytes:
    """The bytes of a file the library keeps: as :func:`read_input`, but a symbolic link or
    anything other than a regular file (a device, a FIFO) is refused, never opened through."""
    return _read_capped(path, what, limit, own=True)


def _read_capped(path: Path, what: str, limit: int, own: bool) -> bytes:
    # O_NONBLOCK: opening a FIFO planted in the library must not wait for a writer.
    flags = os.O_RDONLY | os.O_CLOEXEC | (os.O_NOFOLLOW | os.O_NONBLOCK if own else 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise StoreError(f"{path}: no such {what}") from None
    except OSError as exc:
        if own and exc.errno == errno.ELOOP:
            raise StoreError(f"{path}: is a symbolic link; the library reads only its own files") from None
        raise StoreError(f"{path}: cannot read ({exc.strerror})") from None
    with os.fdopen(handle, "rb") as stream:
        kind = os.fstat(handle).st_mode
        if stat.S_ISDIR(kind):
            raise StoreError(f"{path}: is a folder, not a {what}")
        if own and not stat.S_ISREG(kind):
            raise StoreError(f"{path}: is not a regular file")
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise StoreError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise StoreError(f"{path}: larger than the {limit // (1024 * 1024)} MB limit for a {what}")
    return data


def load_path(path: Path | str, parse: Parser | None = None) -> LoadedMap:
    """Read and validate a map file. Raises MapFileError (naming the file and line) or StoreError."""
    path = Path(path)
    return loaded_from(path, read_input(path, "map file"), parse)


def loaded_from(path: Path, data: bytes, parse: Parser | None = None) -> LoadedMap:
    """The map in ``data`` (the bytes of ``path``); MapFileError or StoreError when invalid.
    ``parse`` reads the text instead of :func:`argmap.mapfile.parse_map` (the CLI's cache)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StoreError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    revision = revision_of(data)
    if parse is not None:
        return LoadedMap(parse(text, str(path), revision), path, revision)
    from argmap.mapfile import parse_map  # imported on use: a cached read needs no YAML

    return LoadedMap(parse_map(text, str(path)), path, revision)


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
    write_atomic_with(path, lambda out: out.write(data), before_replace=before_replace)


def write_atomic_with(
    path: Path, fill: Callable[[BinaryIO], object], *, before_replace: Callable[[], None] | None = None
) -> None:
    """As :func:`write_atomic`, the temporary file filled by ``fill`` (which may hand its file to
    another program, as the renderer does to ``dot``); whatever ``fill`` raises leaves ``path``
    as it was."""
    try:
        _write_atomic(path, fill, before_replace)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _write_atomic(
    path: Path, fill: Callable[[BinaryIO], object], before_replace: Callable[[], None] | None
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = _new_temporary(path)
    try:
        # The temporary file is private (0600); give it the mode a plain open() would, or keep
        # the mode of the file it replaces.
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_UMASK
        os.chmod(temporary, mode)
        with os.fdopen(handle, "wb") as out:
            fill(out)
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


#: Flags of a new temporary file, as tempfile.mkstemp opens one: created here or not at all, no
#: link followed, not inherited by a program this process runs (dot).
_NEW_FILE = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def _new_temporary(path: Path) -> tuple[int, str]:
    """A new private file beside ``path`` (``.NAME.RANDOM.tmp``), open for writing: what
    ``tempfile.mkstemp`` gives, without importing :mod:`tempfile` (with :mod:`shutil` and
    :mod:`random`), a few ms of every ``argmap render`` (#21)."""
    for _ in range(100):
        temporary = str(path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(temporary, _NEW_FILE, 0o600), temporary
        except FileExistsError:
            continue  # another writer's name, however unlikely: draw again
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


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
    The previous bytes are copied into ``backups`` first when given. The map is written over the
    old text (:func:`argmap.mapfile_keep.dump_map_over`): a hand-edited file keeps its comments.
    """
    try:
        current: bytes | None = read_own_file(path, "map file")
    except StoreError:
        if path.exists() or path.is_symlink():
            raise  # a link, a folder, a file too large: never replaced
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
    from argmap.mapfile_keep import dump_map_over

    # Written over the old text: a hand-edited file keeps its comments and unchanged lines.
    data = dump_map_over(_text_of(current), argument_map).encode("utf-8")
    if current == data:
        return revision_of(data)
    if current is not None and backups is not None:
        _keep_backup(backups, current)
    write_atomic(path, data, before_replace=before_replace)
    return revision_of(data)


def _text_of(data: bytes | None) -> str | None:
    try:
        return data.decode("utf-8") if data is not None else None
    except UnicodeDecodeError:
        return None


def write_map_file(path: Path | str, argument_map: ArgumentMap, *, replace: bool = False) -> str:
    """Write a map to a file the user named (``argmap import -o``, ``argmap generate -o``) and
    return its revision.

    A ``NAME.yaml`` is saved through the library of its folder, as the app saves: atomically,
    under the map's lock, the version it replaces kept in ``.argmap/backups/NAME/``. Any other file
    name (``.yml``, a name with spaces) is written atomically without a backup, since it cannot be
    a map of that library. Raises StoreError when the file exists and ``replace`` is not given, or
    it cannot be written; StaleMapError when it changed while being replaced.
    """
    path = Path(path)
    try:
        current: str | None = revision_of(read_own_file(path, "map file")) if replace else None
    except StoreError:
        if path.exists() or path.is_symlink():
            raise  # a link, a folder, a file too large: never replaced
        current = None
    if path.suffix == SUFFIX and NAME_PATTERN.fullmatch(path.stem) and path.stem.lower() not in _RESERVED:
        return Library(path.parent).save(path.stem, argument_map, current)
    return save_path(path, argument_map, current)


def new_map(name: str, title: str, skeleton: str = "blank", question: str | None = None) -> ArgumentMap:
    from argmap.skeletons import SKELETONS, skeleton_map

    """The map a store's ``create`` saves under ``name``: the skeleton with the title and question.
    Raises StoreError for a bad name, an unknown skeleton or an empty title."""
    if skeleton not in SKELETONS:
        raise StoreError(f"unknown skeleton {skeleton!r}; choose one of {', '.join(SKELETONS)}")
    if not title.strip():
        raise StoreError(f"map {check_name(name)!r} needs a title: give one with --title")
    return skeleton_map(skeleton, title, question)


def copy_of(argument_map: ArgumentMap) -> ArgumentMap:
    """What a store's ``duplicate`` saves: the map, its title marked as a copy."""
    return argument_map.model_copy(update={"title": f"{argument_map.title} (copy)"})


def _keep_backup(folder: Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    write_atomic(folder / f"{stamp}-{revision_of(data)[:8]}{SUFFIX}", data)
    kept = sorted(folder.glob(f"*{SUFFIX}"))
    for old in kept[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)


class Library:
    """The maps in one folder. Every method takes map names, never paths, and refuses names that
    could leave the folder; every failure is a StoreError (or MapFileError) of one line."""

    def __init__(self, root: Path | str | None = None):
        self.root = Path(root) if root is not None else default_library()

    # -- places ---------------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        """The library's own data folder (backups, trash, practice progress)."""
        return self.root / DATA_DIR

    @property
    def where(self) -> str:
        """The library as shown to the user: its folder."""
        return str(self.root)

    def path_of(self, name: str) -> Path:
        return self.root / f"{check_name(name)}{SUFFIX}"

    def own_folder(self, *parts: str, create: bool = False) -> Path:
        """``.argmap/<parts>``, refused (StoreError) when it or a folder on the way is a symbolic
        link, so backups, trash and locks never land outside the library; made when ``create``."""
        folders = [self.data_dir]
        for part in parts:
            folders.append(folders[-1] / part)
        for folder in folders:
            if folder.is_symlink():
                raise StoreError(f"{folder}: is a symbolic link; the library keeps its data inside itself")
            if create:
                with _as_store_error(folder, "create"):
                    folder.mkdir(parents=True, exist_ok=True)
        folder = folders[-1]
        return folder

    def backups_of(self, name: str) -> list[Path]:
        """Saved previous versions of a map, oldest first (symbolic links are not versions)."""
        folder = self.own_folder("backups", check_name(name))
        return sorted(path for path in folder.glob(f"*{SUFFIX}") if not path.is_symlink())

    @contextmanager
    def locked(self, *names: str) -> Iterator[None]:
        """Hold the exclusive lock of each map named (taken in name order, so two operations on
        the same pair never wait for each other forever) until the block ends."""
        folder = self.own_folder("locks", create=True)
        handles: list[int] = []
        try:
            for name in sorted({check_name(name) for name in names}):
                lock = folder / f"{name}.lock"
                with _as_store_error(lock, "lock"):
                    handle = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
                    handles.append(handle)
                    fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        finally:
            for handle in reversed(handles):
                os.close(handle)  # releases the lock

    # -- reading --------------------------------------------------------------------------
    def names(self) -> list[str]:
        """The maps that can be opened: valid names, regular files (no symbolic links)."""
        return [name for name, linked in self._files() if not linked]

    def _files(self) -> list[tuple[str, bool]]:
        """Every map file's name, and whether it is a symbolic link, in name order."""
        if not self.root.is_dir():
            return []
        with _as_store_error(self.root, "list"):
            found = [
                (path.stem, path.is_symlink())
                for path in self.root.glob(f"*{SUFFIX}")
                if NAME_PATTERN.fullmatch(path.stem)
            ]
        return sorted(found)

    def exists(self, name: str) -> bool:
        path = self.path_of(name)
        return path.is_file() and not path.is_symlink()

    def entries(self) -> list[Entry]:
        """Every map with its title, question, counts and last change; invalid maps are listed
        with their error rather than hidden, symbolic links with a warning (never read)."""
        folder = self.own_folder()
        try:
            stored: bytes | None = read_own_file(folder / INDEX_FILE, "listing index", INDEX_LIMIT)
        except StoreError:
            stored = None  # none yet, or unreadable: rebuilt from the maps
        index = ListingIndex(folder, stored)
        entries = [entry for name, linked in self._files() if (entry := self._entry(name, linked, index))]
        if index.outdated() and self.root.is_dir():
            # A read-only library still lists; it parses the changed maps again next time.
            with suppress(StoreError):
                write_atomic(index.path, index.text().encode("utf-8"))
        return entries

    def _entry(self, name: str, linked: bool, index: ListingIndex) -> Entry | None:
        """The listing entry of one map file, from the index when the file is unchanged; None when
        the file went away while listing."""
        path = self.path_of(name)
        try:
            before = path.lstat()
        except OSError:
            return None
        if linked:
            warning = f"{path}: is a symbolic link; not read (the library reads only its own files)"
            return summary_entry(name, path, before, **_unreadable(name, warning))
        cached = index.cached(name, path, before)
        if cached is not None:
            return cached
        try:
            argument_map = loaded_from(path, read_own_file(path, "map file")).map
            found = {
                "title": argument_map.title,
                "question": argument_map.question,
                "node_count": len(argument_map.nodes),
                "counts_by_kind": argument_map.counts_by_kind(),
            }
        except (MapFileError, StoreError) as exc:
            found = _unreadable(name, str(exc))
        entry = summary_entry(name, path, before, **found)
        try:
            unchanged = file_key(path.lstat()) == file_key(before)
        except OSError:
            unchanged = False
        if unchanged:  # a file saved while it was read is summarised again next time
            index.record(entry, before)
        return entry

    def read_bytes(self, name: str) -> bytes:
        """The bytes of a map file (for a download); StoreError for a link or a missing map."""
        return read_own_file(self.path_of(name), "map file")

    def load(self, name: str, parse: Parser | None = None) -> LoadedMap:
        path = self.path_of(name)
        if not os.path.lexists(path):
            raise StoreError(f"no map named {check_name(name)!r} in {self.root}")
        return loaded_from(path, read_own_file(path, "map file"), parse)

    # -- writing --------------------------------------------------------------------------
    def save(
        self,
        name: str,
        argument_map: ArgumentMap,
        expected_revision: str | None,
        *,
        author: str | None = None,
        label: str = "saved",
    ) -> str:
        """Save atomically, keeping the previous version as a backup; returns the new revision.
        (A folder keeps no author or change label: ``author`` and ``label`` are for the database.)

        Raises StaleMapError when the map is no longer at ``expected_revision``; the check and the
        replacement hold the map's lock, so a concurrent save cannot slip between them.
        """
        if self.root.is_file():  # checked where it matters, not on every path lookup
            raise StoreError(
                f"{self.root}: is a file, not a folder; --library must name the map library's folder"
            )
        bare = check_name(name)
        with _as_store_error(self.path_of(bare), "write"):
            self.root.mkdir(parents=True, exist_ok=True)
        with self.locked(bare), _as_store_error(self.path_of(bare), "save"):
            backups = self.own_folder("backups", bare)
            _remove_leftovers(self.root, f".{bare}{SUFFIX}.")
            _remove_leftovers(backups, ".")
            return save_path(self.path_of(bare), argument_map, expected_revision, backups=backups)

    def create(
        self, name: str, title: str, skeleton: str = "blank", question: str | None = None
    ) -> LoadedMap:
        """A new map from a skeleton (see ``argmap.skeletons.SKELETONS``); refuses a taken name."""
        argument_map = new_map(name, title, skeleton, question)
        revision = self.save(name, argument_map, None)
        return LoadedMap(argument_map, self.path_of(name), revision)

    def import_map(self, name: str, argument_map: ArgumentMap, label: str = "added") -> LoadedMap:
        """Add an already validated map (an upload, an import) under a new name."""
        revision = self.save(name, argument_map, None)
        return LoadedMap(argument_map, self.path_of(name), revision)

    def duplicate(self, name: str, new_name: str) -> LoadedMap:
        return self.import_map(new_name, copy_of(self.load(name).map))

    def rename(self, name: str, new_name: str) -> Path:
        """Give a map (and its backups) a new name; refuses a taken name. Holds both names' locks."""
        old, new = check_name(name), check_name(new_name)
        with self.locked(old, new), _as_store_error(self.path_of(old), "rename"):
            return self._rename(old, new)

    def _rename(self, old: str, new: str) -> Path:
        source, target = self.path_of(old), self.path_of(new)
        if not self.exists(old):
            raise StoreError(f"no map named {old!r} in {self.root}")
        if target.exists() or target.is_symlink():
            raise StoreError(f"a map named {new!r} already exists in {self.root}")
        backups = self.own_folder("backups", create=True)
        old_backups, new_backups = self.own_folder("backups", old), self.own_folder("backups", new)
        if new_backups.exists():
            # Left by a deleted map of the new name: kept, but set aside, so they never pass for
            # earlier versions of the renamed map.
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            os.replace(new_backups, backups / f"{new}--set-aside-{stamp}")
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
        bare = check_name(name)
        source = self.path_of(bare)
        with self.locked(bare), _as_store_error(source, "delete"):
            if not self.exists(bare):
                raise StoreError(f"no map named {bare!r} in {self.root}")
            trash = self.own_folder("trash", create=True)
            now = datetime.now(UTC)
            target = trash / f"{bare}--{now.strftime('%Y%m%dT%H%M%S%fZ')}{SUFFIX}"
            os.replace(source, target)
        return TrashEntry(bare, target, now)

    def trash(self) -> list[TrashEntry]:
        """Deleted maps, newest first (symbolic links in the trash are not deleted maps)."""
        entries = []
        folder = self.own_folder("trash")
        with _as_store_error(folder, "list"):
            for path in folder.glob(f"*--*{SUFFIX}"):
                if path.is_symlink():
                    continue
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
        with self.locked(target.stem), _as_store_error(target, "restore"):
            if target.exists() or target.is_symlink():
                raise StoreError(f"a map named {target.stem!r} already exists; restore it under another name")
            trash = self.own_folder("trash")
            if entry.path.parent != trash or entry.path.is_symlink() or not entry.path.is_file():
                raise StoreError(f"{entry.path.name} is not in this library's trash")
            os.replace(entry.path, target)
        return target

    # -- history ----------------------------------------------------------------------------
    def history(self, name: str) -> list[Version]:
        """The versions a folder keeps: the backups (the last BACKUPS_KEPT), then the map as it is,
        oldest first and numbered from 1; a folder records no author or change label."""
        current = self.path_of(name)
        if not self.exists(name):
            raise StoreError(f"no map named {check_name(name)!r} in {self.root}")
        versions = []
        for number, path in enumerate([*self.backups_of(name), current], start=1):
            data = read_own_file(path, "map file")
            with _as_store_error(path, "read"):
                saved = datetime.fromtimestamp(path.lstat().st_mtime, UTC)
            versions.append(Version(number, revision_of(data), "", "", saved))
        return versions

    def version_map(self, name: str, number: int) -> ArgumentMap:
        """The map as it was in version ``number`` of :meth:`history`."""
        paths = [*self.backups_of(name), self.path_of(name)]
        if not 1 <= number <= len(paths):
            raise StoreError(f"map {check_name(name)!r} has no version {number}")
        path = paths[number - 1]
        return loaded_from(path, read_own_file(path, "map file")).map

    def touch_time(self, name: str) -> float:
        """Last modification time of a map's file (seconds since the epoch)."""
        with _as_store_error(self.path_of(name), "read"):
            return self.path_of(name).lstat().st_mtime


def _unreadable(name: str, error: str) -> dict:
    return {"title": name, "question": None, "node_count": 0, "counts_by_kind": {}, "error": error}


@contextmanager
def _as_store_error(path: Path, doing: str) -> Iterator[None]:
    """Turn an OSError of the block into a one-line StoreError naming ``path``."""
    try:
        yield
    except OSError as exc:
        raise StoreError(f"{path}: cannot {doing} ({exc.strerror or exc})") from None


def _remove_leftovers(folder: Path, prefix: str) -> None:
    """Delete the temporary files a killed save left in ``folder`` (``write_atomic`` names them
    ``<prefix>…tmp``). Called under the map's lock, so no live save of that map owns one."""
    if not folder.is_dir():
        return
    for leftover in folder.glob(f"{prefix}*.tmp"):
        if leftover.name.startswith(prefix):
            leftover.unlink(missing_ok=True)


def target_path(target: str) -> Path | None:
    """The file a CLI PATH argument names, or None when it names a map in the library."""
    path = Path(target)
    if path.suffix in (SUFFIX, ".yml") or os.sep in target or path.is_file():
        return path
    return None


def resolve(target: str, library: MapLibrary | None = None) -> LoadedMap:
    """Load a map given either a file path or a name in the library (the CLI's PATH argument)."""
    path = target_path(target)
    if path is not None:
        return load_path(path)
    return (library or Library()).load(target)


__all__ = [
    "MAP_FILE_LIMIT",
    "Entry",
    "Library",
    "LoadedMap",
    "TrashEntry",
    "Version",
    "check_name",
    "default_library",
    "load_path",
    "read_input",
    "resolve",
    "revision_of",
    "save_path",
    "write_atomic",
    "write_atomic_with",
    "write_map_file",
]
