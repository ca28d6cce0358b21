"""Shared test fixtures: paths to the repository, the seed map, the seed note and the outside corpus.

Everything lives inside the repository (tests/fixtures/), so a clone anywhere passes the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARGUMENTS = ROOT / "arguments"
SEED_MAP = ARGUMENTS / "india-russia.yaml"
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = FIXTURES / "corpus"
SEED_NOTE = FIXTURES / "seed" / "india-russia-relations.txt"


@pytest.fixture
def library(tmp_path: Path):
    """An empty map library in a temporary folder."""
    from argmap.store import Library

    return Library(tmp_path / "library")
