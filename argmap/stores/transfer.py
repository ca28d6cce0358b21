"""Moving maps between a folder library and the PostgreSQL library (``argmap db import`` and
``argmap db export``): a class can start from its folder and keep its library in git."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from argmap.errors import MapFileError, StoreError
from argmap.store import SUFFIX, Library, loaded_from, read_own_file, write_atomic
from argmap.stores.postgres import PostgresStore

IMPORT_AUTHOR = "import"


@dataclass
class ImportReport:
    maps: int = 0
    versions: int = 0
    skipped: list[str] = field(default_factory=list)


def import_folder(folder: Path, url: str) -> ImportReport:
    """Add every map of the folder library ``folder`` to the database, its backups first (oldest
    first) as earlier versions; a map whose name is taken, or that does not read, is skipped and
    named in the report. Raises StoreError when ``folder`` is not a library folder."""
    if not folder.is_dir():
        raise StoreError(f"{folder}: not a folder")
    source, target = Library(folder), PostgresStore(url)
    report = ImportReport()
    for name in source.names():
        if target.exists(name):
            report.skipped.append(f"{name}: a map of that name is already in the database")
            continue
        try:
            current = source.load(name)
        except (MapFileError, StoreError) as exc:
            report.skipped.append(f"{name}: {exc}")
            continue
        revision: str | None = None
        for backup in source.backups_of(name):
            try:
                earlier = loaded_from(backup, read_own_file(backup, "backup")).map
            except (MapFileError, StoreError):
                continue  # a backup that no longer reads (an older schema) is left behind
            revision, added = _add_version(target, name, earlier, revision, f"imported backup {backup.stem}")
            report.versions += added
        revision, added = _add_version(target, name, current.map, revision, f"imported from {folder}")
        report.versions += added
        report.maps += 1
    return report


def _add_version(store: PostgresStore, name: str, argument_map, revision: str | None, label: str):
    new = store.save(name, argument_map, revision, author=IMPORT_AUTHOR, label=label)
    return new, int(new != revision)


def export_folder(url: str, folder: Path) -> int:
    """Write every map of the database to ``folder`` as ``NAME.yaml`` (the canonical text, so
    git shows only what changed); returns how many were written."""
    store = PostgresStore(url)
    names = store.names()
    for name in names:
        write_atomic(folder / f"{name}{SUFFIX}", store.read_bytes(name))
    return len(names)
