"""A real PostgreSQL for the tests: one throw-away cluster per test session (Debian's initdb and
pg_ctl, on a Unix socket in a temporary folder, run as ``postgres`` when the tests run as root),
and a fresh schema with the migrations applied for each test that asks for ``postgres_url``."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from urllib.parse import quote

import psycopg
import pytest

from argmap.stores import local_cluster
from argmap.stores.postgres import close_pools, upgrade

_schemas = itertools.count()


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[str]:
    """The URL of a cluster started once for the session (``pg_ctl -w`` waits until it is ready).
    Its folder is not in pytest's temporary folder, which the ``postgres`` user cannot enter."""
    folder = local_cluster.temporary_folder()
    try:
        url = local_cluster.start(folder / "cluster")
        yield url
    finally:
        close_pools()
        local_cluster.stop(folder / "cluster")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_cluster: str) -> Iterator[str]:
    """A database URL whose tables live in a schema of their own, migrated, dropped afterwards."""
    schema = f"test_{next(_schemas)}"
    with psycopg.connect(postgres_cluster, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    url = f"{postgres_cluster}&options={quote(f'-csearch_path={schema}')}"
    upgrade(url)
    yield url
    close_pools()
    with psycopg.connect(postgres_cluster, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA {schema} CASCADE")
