"""The map library in PostgreSQL (issue #18): many app processes over one database, every saved
version kept with its author, time and change label.

A map is a row of ``maps`` (its canonical YAML text, the same content as JSONB, and the listing's
summary columns) and one row of ``map_versions`` per save. A save is one statement that updates
the map only where it is still at the revision the save was based on and records the version
from what it updated, so two saves based on one revision can never both land (the second waits
for the first's row lock, then finds the revision changed and updates nothing). Deleting sets
``deleted_at`` (the trash); restoring clears it. The schema comes from ``migrations/`` through
:func:`upgrade` (``argmap db upgrade``).
"""

from __future__ import annotations

import getpass
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import psycopg
import psycopg.sql
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from argmap.errors import StaleMapError, StoreError
from argmap.mapfile import dump_map, parse_map
from argmap.model import ArgumentMap
from argmap.store import (
    SUFFIX,
    LoadedMap,
    TrashEntry,
    Version,
    check_name,
    copy_of,
    default_library,
    new_map,
    revision_of,
)
from argmap.store_index import Entry

#: Held while migrating, so two processes upgrading at once apply each migration once.
MIGRATION_LOCK = 0x4172676D6170  # "Argmap"
_pools: dict[tuple[int, str], ConnectionPool] = {}
_pools_lock = threading.Lock()


def default_author() -> str:
    """Who a save is recorded as: ``$ARGMAP_AUTHOR``, else the system user's name."""
    return os.environ.get("ARGMAP_AUTHOR") or getpass.getuser()


def _pool(url: str) -> ConnectionPool:
    """One pool per database per process (a forked child makes its own)."""
    key = (os.getpid(), url)
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            pool = ConnectionPool(url, min_size=1, max_size=8, open=False, name="argmap")
            with _database_errors(url):
                pool.open(wait=True, timeout=15)
            _pools[key] = pool
        return pool


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the database"
    info.pop("password", None)
    return "database " + " ".join(f"{key}={value}" for key, value in info.items())


@contextmanager
def _database_errors(url: str) -> Iterator[None]:
    """Turn a database failure into one line naming the database (never its password)."""
    try:
        yield
    except psycopg.errors.UndefinedTable:
        raise StoreError(f"{shown_url(url)} has no map library yet; run: argmap db upgrade") from None
    except (psycopg.Error, TimeoutError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"{shown_url(url)}: {first}") from None


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("argmap.stores") / "migrations"
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            number = int(item.name.split("_", 1)[0])
            found.append((number, item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


def upgrade(url: str) -> tuple[int, list[str]]:
    """Apply the migrations the database lacks, in order, each recorded in ``schema_migrations``;
    returns the schema version and the migrations applied now (none when up to date)."""
    applied_now = []
    with _database_errors(url), psycopg.connect(url) as connection:
        connection.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version integer PRIMARY KEY, name text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = {row[0] for row in connection.execute("SELECT version FROM schema_migrations")}
        for number, name, script in _migrations():
            if number in done:
                continue
            connection.execute(script)  # type: ignore[arg-type]  # our own files, not user text
            connection.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", [number, name]
            )
            applied_now.append(name)
    return schema_version(url), applied_now


def schema_version(url: str) -> int:
    """The highest migration applied (0: none)."""
    with _database_errors(url), psycopg.connect(url) as connection:
        exists = connection.execute("SELECT to_regclass('schema_migrations')").fetchone()
        if exists is None or exists[0] is None:
            return 0
        row = connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
        return int(row[0]) if row else 0


def _content(argument_map: ArgumentMap) -> dict[str, Any]:
    return argument_map.model_dump(mode="json", by_alias=True, exclude_none=True)


@contextmanager
def transaction(url: str, user_id: int | None = None) -> Iterator[psycopg.Connection]:
    """One transaction on a pooled connection; with ``user_id``, the signed-in user's id is set for
    this transaction only (``argmap.user_id``), which the row-level security of classroom mode
    reads. Committed on a clean exit, rolled back on an error."""
    with _database_errors(url), _pool(url).connection() as connection:
        if user_id is not None:
            connection.execute("SELECT set_config('argmap.user_id', %s, true)", [str(int(user_id))])
        yield connection


def create_app_role(url: str, login: str, password: str | None = None) -> str:
    """Make (or update) ``login``, a login role that is a member of ``argmap_app`` and nothing more
    (owns no table, not a superuser), on the database of ``url`` (connected as its owner, after
    ``upgrade``); returns the URL the app connects with: ``url`` with that role and password."""
    if not login.replace("_", "").isalnum():
        raise StoreError(f"{login!r} is not a role name (letters, digits and _ only)")
    with _database_errors(url), psycopg.connect(url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [login]).fetchone()
        verb = "ALTER" if exists else "CREATE"
        statement = f"{verb} ROLE {login} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT"
        if password is not None:
            statement += " PASSWORD " + psycopg.sql.quote(password)
        connection.execute(statement)  # type: ignore[arg-type]  # checked name, quoted password
        connection.execute(f"GRANT argmap_app TO {login}")  # type: ignore[arg-type]
    info = psycopg.conninfo.conninfo_to_dict(url)
    info["user"] = login
    if password is not None:
        info["password"] = password
    return psycopg.conninfo.make_conninfo(**info)  # type: ignore[arg-type]


class PostgresStore:
    """The maps in one PostgreSQL database; the same methods as the folder :class:`Library`.

    ``user_id`` (classroom mode): every transaction runs as that signed-in user, so the database's
    row-level security shows and changes only what they may; ``author`` names their saves."""

    def __init__(
        self,
        url: str,
        data_dir: Path | None = None,
        *,
        user_id: int | None = None,
        author: str | None = None,
    ):
        self.url = url
        self.where = shown_url(url)
        self.user_id = user_id
        self.author = author
        #: Per-machine data that is not the library's (practice progress) stays in a folder.
        self.data_dir = data_dir if data_dir is not None else default_library() / ".argmap"

    # -- plumbing ---------------------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection]:
        with transaction(self.url, self.user_id) as connection:
            yield connection

    def _path(self, name: str) -> Path:
        return Path(f"{name}{SUFFIX}")

    def _missing(self, name: str) -> StoreError:
        return StoreError(f"no map named {name!r} in {self.where}")

    # -- reading ----------------------------------------------------------------------------
    def names(self) -> list[str]:
        with self._transaction() as connection:
            rows = connection.execute("SELECT name FROM maps WHERE deleted_at IS NULL ORDER BY name")
            return [row[0] for row in rows]

    def exists(self, name: str) -> bool:
        bare = check_name(name)
        with self._transaction() as connection:
            found = connection.execute(
                "SELECT 1 FROM maps WHERE name = %s AND deleted_at IS NULL", [bare]
            ).fetchone()
            return found is not None

    def entries(self) -> list[Entry]:
        """Every live map's summary, from the summary columns (no map is parsed)."""
        with self._transaction() as connection:
            rows = connection.execute(
                "SELECT name, title, question, node_count, counts_by_kind, updated_at"
                " FROM maps WHERE deleted_at IS NULL ORDER BY name"
            ).fetchall()
        return [
            Entry(name, self._path(name), title, question, count, dict(kinds), updated)
            for name, title, question, count, kinds, updated in rows
        ]

    def read_bytes(self, name: str) -> bytes:
        return self._row(name)[0].encode("utf-8")

    def _row(self, name: str) -> tuple[str, str, datetime]:
        bare = check_name(name)
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT yaml, revision, updated_at FROM maps WHERE name = %s AND deleted_at IS NULL", [bare]
            ).fetchone()
        if row is None:
            raise self._missing(bare)
        return row

    def load(self, name: str) -> LoadedMap:
        bare = check_name(name)
        text, revision, _ = self._row(bare)
        return LoadedMap(parse_map(text, f"{bare}{SUFFIX}"), self._path(bare), revision)

    def touch_time(self, name: str) -> float:
        return self._row(name)[2].timestamp()

    # -- writing ----------------------------------------------------------------------------
    def save(
        self,
        name: str,
        argument_map: ArgumentMap,
        expected_revision: str | None,
        *,
        author: str | None = None,
        label: str = "saved",
    ) -> str:
        """Save a new version when the map is still at ``expected_revision`` (None: a new map);
        returns the new revision. Raises StaleMapError when someone saved first (or deleted it),
        StoreError for a taken name."""
        bare = check_name(name)
        text = dump_map(argument_map)
        revision = revision_of(text.encode("utf-8"))
        columns = self.columns(argument_map, text, revision)
        who = author or self.author or default_author()
        with self._transaction() as connection:
            if expected_revision is None:
                self.insert(connection, bare, columns, who, label)
                return revision
            if revision == expected_revision:  # nothing changed: no new version
                if self._revision(connection, bare) == expected_revision:
                    return revision
            else:
                row = connection.execute(
                    "WITH saved AS ("
                    " UPDATE maps SET yaml = %(yaml)s, content = %(content)s, revision = %(revision)s,"
                    " title = %(title)s, question = %(question)s, node_count = %(node_count)s,"
                    " counts_by_kind = %(counts)s, version = version + 1, updated_at = now()"
                    " WHERE name = %(name)s AND deleted_at IS NULL AND revision = %(expected)s"
                    " RETURNING id, version)"
                    " INSERT INTO map_versions (map_id, version, revision, yaml, content, author, label)"
                    " SELECT id, version, %(revision)s, %(yaml)s, %(content)s, %(author)s, %(label)s FROM saved"
                    " RETURNING version",
                    {**columns, "name": bare, "expected": expected_revision, "author": who, "label": label},
                ).fetchone()
                if row is not None:
                    return revision
            current = self._revision(connection, bare)
        if current is None:
            raise StaleMapError(f"{bare} was deleted or moved since it was loaded; save it as a copy instead")
        if current == expected_revision:  # unchanged, yet not updated: the database refused
            raise StoreError(
                f"{bare} cannot be changed: it is submitted, or not yours; save your version as a copy"
            )
        raise StaleMapError(
            f"{bare} changed in {self.where} since it was loaded (another tab or another user?); "
            "reload it, or save your version as a copy"
        )

    @staticmethod
    def columns(argument_map: ArgumentMap, text: str, revision: str) -> dict[str, Any]:
        return {
            "yaml": text,
            "content": Jsonb(_content(argument_map)),
            "revision": revision,
            "title": argument_map.title,
            "question": argument_map.question,
            "node_count": len(argument_map.nodes),
            "counts": Jsonb(argument_map.counts_by_kind()),
        }

    @classmethod
    def insert(cls, connection: psycopg.Connection, name: str, columns: dict, author: str, label: str) -> int:
        """Add a new map and its first version in ``connection``'s transaction; returns its id."""
        row = connection.execute(
            "INSERT INTO maps (name, revision, version, yaml, content, title, question, node_count,"
            " counts_by_kind)"
            " VALUES (%(name)s, %(revision)s, 1, %(yaml)s, %(content)s, %(title)s, %(question)s,"
            " %(node_count)s, %(counts)s)"
            " ON CONFLICT (name) WHERE deleted_at IS NULL DO NOTHING RETURNING id",
            {**columns, "name": name},
        ).fetchone()
        if row is None:
            raise StoreError(
                f"{name} already exists in {shown_url(connection.info.dsn)}; choose another name"
            )
        connection.execute(
            "INSERT INTO map_versions (map_id, version, revision, yaml, content, author, label)"
            " VALUES (%s, 1, %s, %s, %s, %s, %s)",
            [row[0], columns["revision"], columns["yaml"], columns["content"], author, label],
        )
        return int(row[0])

    @staticmethod
    def _revision(connection: psycopg.Connection, name: str) -> str | None:
        row = connection.execute(
            "SELECT revision FROM maps WHERE name = %s AND deleted_at IS NULL", [name]
        ).fetchone()
        return row[0] if row else None

    def create(
        self, name: str, title: str, skeleton: str = "blank", question: str | None = None
    ) -> LoadedMap:
        argument_map = new_map(name, title, skeleton, question)
        revision = self.save(name, argument_map, None, label=f"created from the {skeleton} skeleton")
        return LoadedMap(argument_map, self._path(check_name(name)), revision)

    def import_map(self, name: str, argument_map: ArgumentMap, label: str = "added") -> LoadedMap:
        revision = self.save(name, argument_map, None, label=label)
        return LoadedMap(argument_map, self._path(check_name(name)), revision)

    def duplicate(self, name: str, new_name: str) -> LoadedMap:
        return self.import_map(
            new_name, copy_of(self.load(name).map), label=f"copied from {check_name(name)}"
        )

    def rename(self, name: str, new_name: str) -> Path:
        old, new = check_name(name), check_name(new_name)
        try:
            with self._transaction() as connection:
                row = connection.execute(
                    "UPDATE maps SET name = %s WHERE name = %s AND deleted_at IS NULL RETURNING id",
                    [new, old],
                ).fetchone()
        except StoreError as exc:
            if "maps_live_name" in str(exc):
                raise StoreError(f"a map named {new!r} already exists in {self.where}") from None
            raise
        if row is None:
            raise self._missing(old)
        return self._path(new)

    def delete(self, name: str) -> TrashEntry:
        bare = check_name(name)
        with self._transaction() as connection:
            row = connection.execute(
                "UPDATE maps SET deleted_at = now() WHERE name = %s AND deleted_at IS NULL"
                " RETURNING id, deleted_at",
                [bare],
            ).fetchone()
        if row is None:
            raise self._missing(bare)
        return TrashEntry(bare, Path(f"{bare}--{row[0]}{SUFFIX}"), row[1])

    def trash(self) -> list[TrashEntry]:
        with self._transaction() as connection:
            rows = connection.execute(
                "SELECT id, name, deleted_at FROM maps WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
            ).fetchall()
        return [
            TrashEntry(name, Path(f"{name}--{number}{SUFFIX}"), deleted) for number, name, deleted in rows
        ]

    def restore(self, entry: TrashEntry, new_name: str | None = None) -> Path:
        target = check_name(new_name or entry.name)
        number = entry.path.stem.rpartition("--")[2]
        if not number.isdigit():
            raise StoreError(f"{entry.path.name} is not in this library's trash")
        try:
            with self._transaction() as connection:
                row = connection.execute(
                    "UPDATE maps SET deleted_at = NULL, name = %s WHERE id = %s AND deleted_at IS NOT NULL"
                    " RETURNING id",
                    [target, int(number)],
                ).fetchone()
        except StoreError as exc:
            if "maps_live_name" in str(exc):
                raise StoreError(
                    f"a map named {target!r} already exists; restore it under another name"
                ) from None
            raise
        if row is None:
            raise StoreError(f"{entry.path.name} is not in this library's trash")
        return self._path(target)

    # -- history ----------------------------------------------------------------------------
    def history(self, name: str) -> list[Version]:
        """Every saved version of a map, oldest first."""
        bare = check_name(name)
        with self._transaction() as connection:
            rows = connection.execute(
                "SELECT v.version, v.revision, v.author, v.label, v.saved_at FROM map_versions v"
                " JOIN maps m ON m.id = v.map_id WHERE m.name = %s AND m.deleted_at IS NULL"
                " ORDER BY v.version",
                [bare],
            ).fetchall()
        if not rows:
            raise self._missing(bare)
        return [Version(*row) for row in rows]

    def version_map(self, name: str, number: int) -> ArgumentMap:
        """The map as it was saved in version ``number``."""
        bare = check_name(name)
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT v.yaml FROM map_versions v JOIN maps m ON m.id = v.map_id"
                " WHERE m.name = %s AND m.deleted_at IS NULL AND v.version = %s",
                [bare, number],
            ).fetchone()
        if row is None:
            raise StoreError(f"map {bare!r} has no version {number}")
        return parse_map(row[0], f"{bare}{SUFFIX} (version {number})")


def close_pools() -> None:
    """Close this process's connection pools (tests, and a process about to end)."""
    with _pools_lock:
        for key, pool in list(_pools.items()):
            if key[0] == os.getpid():
                pool.close()
            del _pools[key]
