"""Shared test fixtures: paths to the repository, the seed map and the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARGUMENTS = ROOT / "arguments"
SEED_MAP = ARGUMENTS / "india-russia.yaml"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED_NOTE = SHARED / "seed" / "india-russia-relations.txt"


@pytest.fixture
def library(tmp_path: Path):
    """An empty map library in a temporary folder."""
    from argmap.store import Library

    return Library(tmp_path / "library")
