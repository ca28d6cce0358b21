"""Helpers shared by command modules: the map argument, the library, JSON output.

Command modules are imported to build the parser, so this module and they import nothing heavy at
module level (no pydantic, YAML, Graphviz): ``argmap --help`` loads only the parser, and each
command loads what it uses when it runs (``tests/test_cli_startup.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.store import LoadedMap
    from argmap.stores import MapLibrary


def library_of(args: argparse.Namespace) -> MapLibrary:
    """The library the command works on: the database of ``--database`` or
    ``$ARGMAP_DATABASE_URL`` when one is named, else the folder of ``--library`` (or the default)."""
    from argmap.stores import open_library

    return open_library(getattr(args, "library", None), getattr(args, "database", None))


def load_target(args: argparse.Namespace, attribute: str = "path") -> LoadedMap:
    """The map named by a PATH argument: a file path, or a map name in the library. A map of a
    folder library is read through its parsed-map cache (:mod:`argmap.map_cache`)."""
    from argmap.map_cache import load_cached

    return load_cached(getattr(args, attribute), library_of(args))


def add_map_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="a map file, or a map's name in the library")


class Choices:
    """argparse ``choices`` computed on first use: ``Choices(skeleton_names)`` imports the table
    behind them only when a command's own help is shown or its argument is checked, not to build
    the parser. Give the argument a ``metavar`` (argparse lists the choices in the usage line
    otherwise) and write ``%(choices)s`` in its help to list them there."""

    def __init__(self, names: Callable[[], Iterable[str]]):
        self._source = names
        self._names: list[str] | None = None

    def names(self) -> list[str]:
        if self._names is None:
            self._names = list(self._source())
        return self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __contains__(self, name: object) -> bool:
        return name in self.names()

    def __len__(self) -> int:
        return len(self.names())


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
