"""`argmap db upgrade | import DIR | export DIR` against a real PostgreSQL, and the other commands
on a database library (`--database URL`)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from conftest import ARGUMENTS
from pg_cluster import postgres_cluster, postgres_url  # noqa: F401 (fixtures)

from argmap.cli import main
from argmap.store import Library
from argmap.stores import open_library


def empty_schema(cluster: str, schema: str) -> str:
    """The URL of a new, empty schema (no migrations applied) in the test cluster."""
    with psycopg.connect(cluster, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        connection.execute(f"CREATE SCHEMA {schema}")
    return f"{cluster}&options={quote(f'-csearch_path={schema}')}"


def test_upgrade_applies_the_migrations_once_and_records_the_version(
    postgres_cluster: str, capsys: pytest.CaptureFixture[str]
):
    url = empty_schema(postgres_cluster, "fresh")
    assert main(["db", "upgrade", "--database", url]) == 0
    assert (
        capsys.readouterr().out
        == "applied 0001_library.sql, 0002_classroom.sql, 0003_app_role_usage.sql, 0004_answer_reviews.sql, 0005_submission_guard.sql; schema version 5\n"
    )
    assert main(["db", "upgrade", "--database", url]) == 0
    assert capsys.readouterr().out == "schema version 5: up to date\n"


def test_a_database_without_the_schema_says_to_upgrade(
    postgres_cluster: str, capsys: pytest.CaptureFixture[str]
):
    url = empty_schema(postgres_cluster, "bare")
    assert main(["list", "--database", url]) == 1
    assert capsys.readouterr().err.endswith("has no map library yet; run: argmap db upgrade\n")


def test_an_unreachable_database_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    url = f"postgresql://nobody@/none?host={tmp_path}&connect_timeout=2"
    assert main(["list", "--database", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("argmap: database ") and err.count("\n") == 1


def test_import_brings_maps_and_their_backups_in_as_versions(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    folder = tmp_path / "library"
    shutil.copytree(ARGUMENTS, folder, ignore=shutil.ignore_patterns(".argmap"))
    source = Library(folder)
    loaded = source.load("india-russia")
    source.save("india-russia", loaded.map.model_copy(update={"title": "Edited once"}), loaded.revision)
    assert main(["db", "import", str(folder), "--database", postgres_url]) == 0
    maps = len(source.names())  # one version each, and the seed map's backup before its edit
    assert capsys.readouterr().out.endswith(f"imported {maps} maps with {maps + 1} versions from {folder}\n")
    store = open_library(database=postgres_url)
    assert store.names() == source.names()
    assert [version.label for version in store.history("india-russia")][-1] == f"imported from {folder}"
    assert store.version_map("india-russia", 1) == loaded.map
    assert store.load("india-russia").map.title == "Edited once"


def test_export_writes_every_map_as_its_canonical_file(postgres_url: str, tmp_path: Path):
    assert main(["db", "import", str(ARGUMENTS), "--database", postgres_url]) == 0
    assert main(["db", "export", str(tmp_path / "out"), "--database", postgres_url]) == 0
    for original in sorted(ARGUMENTS.glob("*.yaml")):
        assert (tmp_path / "out" / original.name).read_bytes() == original.read_bytes()


def test_new_and_list_work_on_the_database(postgres_url: str, capsys: pytest.CaptureFixture[str]):
    assert main(["--database", postgres_url, "new", "india-china", "--title", "India and China"]) == 0
    assert main(["list", "--database", postgres_url]) == 0
    assert "India and China" in capsys.readouterr().out
