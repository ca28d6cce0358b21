"""Helpers shared by command modules: the map argument, the library, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from argmap.store import LoadedMap, resolve
from argmap.stores import MapLibrary, open_library


def library_of(args: argparse.Namespace) -> MapLibrary:
    """The library the command works on: the database of ``--database`` or
    ``$ARGMAP_DATABASE_URL`` when one is named, else the folder of ``--library`` (or the default)."""
    return open_library(getattr(args, "library", None), getattr(args, "database", None))


def load_target(args: argparse.Namespace, attribute: str = "path") -> LoadedMap:
    """The map named by a PATH argument: a file path, or a map name in the library."""
    return resolve(getattr(args, attribute), library_of(args))


def add_map_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="a map file, or a map's name in the library")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
