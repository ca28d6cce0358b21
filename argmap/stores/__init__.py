"""Where maps are kept: one library interface, two stores.

:class:`MapLibrary` is what the app and the CLI do to a library (list, load, save with the revision
check, create, duplicate, rename, delete to the trash, restore, history). The folder store
(:class:`argmap.store.Library`, the default that ``make run`` uses) and :class:`PostgresStore`
(a shared library for a class, chosen by ``ARGMAP_DATABASE_URL`` or ``--database URL``) both
implement it and pass the same tests (``tests/test_stores.py``). A store keeps maps, their
versions and the trash; it never decides anything about arguments.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from argmap.store import Library, LoadedMap, TrashEntry, Version
from argmap.store_index import Entry

if TYPE_CHECKING:
    from argmap.model import ArgumentMap  # for types only: drawing a cached map needs no pydantic
    from argmap.stores.postgres import PostgresStore

FolderStore = Library
DATABASE_VARIABLE = "ARGMAP_DATABASE_URL"


class MapLibrary(Protocol):
    """The operations every store offers; names are map names, never paths."""

    @property
    def where(self) -> str:
        """The library as shown to the user: the folder, or the database without its password."""
        ...

    @property
    def data_dir(self) -> Path:
        """Per-machine data that is not maps (practice progress)."""
        ...

    def names(self) -> list[str]: ...
    def exists(self, name: str) -> bool: ...
    def entries(self) -> list[Entry]: ...
    def read_bytes(self, name: str) -> bytes: ...
    def load(self, name: str) -> LoadedMap: ...
    def save(
        self,
        name: str,
        argument_map: ArgumentMap,
        expected_revision: str | None,
        *,
        author: str | None = None,
        label: str = "saved",
    ) -> str: ...
    def create(
        self, name: str, title: str, skeleton: str = "blank", question: str | None = None
    ) -> LoadedMap: ...
    def import_map(self, name: str, argument_map: ArgumentMap, label: str = "added") -> LoadedMap: ...
    def duplicate(self, name: str, new_name: str) -> LoadedMap: ...
    def rename(self, name: str, new_name: str) -> Path: ...
    def delete(self, name: str) -> TrashEntry: ...
    def trash(self) -> list[TrashEntry]: ...
    def restore(self, entry: TrashEntry, new_name: str | None = None) -> Path: ...
    def touch_time(self, name: str) -> float: ...
    def history(self, name: str) -> list[Version]: ...
    def version_map(self, name: str, number: int) -> ArgumentMap: ...


def database_url(database: str | None = None) -> str | None:
    """The database named by ``--database`` or ``$ARGMAP_DATABASE_URL``; None: the folder library."""
    return database or os.environ.get(DATABASE_VARIABLE) or None


def open_library(root: Path | str | None = None, database: str | None = None) -> MapLibrary:
    """The library to work on: PostgreSQL when a database is named, else the folder ``root``
    (``$ARGMAP_LIBRARY`` or ``arguments/``)."""
    url = database_url(database)
    if url:
        from argmap.stores.postgres import PostgresStore  # psycopg only when a database is used

        return PostgresStore(url)
    return Library(root)


__all__ = [
    "DATABASE_VARIABLE",
    "Entry",
    "FolderStore",
    "MapLibrary",
    "PostgresStore",
    "Version",
    "database_url",
    "open_library",
]
