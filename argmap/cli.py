"""The ``argmap`` command line: a thin shell over the core's functions.

Contract (DESIGN.md): exit 0 on success, 1 on bad input with a one-line message naming the file
(and line where known), 2 on bad usage; never a traceback for bad input; ``--json`` prints
machine-readable output on stdout.

Each group of commands lives in one module of :mod:`argmap.commands` with a ``register(sub)``
function; :data:`COMMAND_MODULES` lists them. Command modules import heavy libraries (python-docx,
Graphviz, Streamlit) inside their handlers, never at module level, so ``argmap render`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from argmap.errors import ArgmapError, MapFileError

COMMAND_MODULES = (
    "argmap.commands.maps",
    "argmap.commands.formats",
    "argmap.commands.render",
    "argmap.commands.analysis",
    "argmap.commands.practice",
    "argmap.commands.outline",
    "argmap.commands.review",
    "argmap.commands.db",
    "argmap.commands.classroom",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # bad usage: exit 2, one line plus the usage
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: usage error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="argmap", description="Argument maps to essay outlines and debate cases.")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="the map library folder (default: $ARGMAP_LIBRARY or ./arguments)",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="a PostgreSQL library instead of the folder (default: $ARGMAP_DATABASE_URL)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(sub)
    for command in sub.choices.values():  # --library is accepted after the command too
        command.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        command.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except MapFileError as exc:  # one line: the first problem and how many more (validate lists all)
        more = "; `argmap validate` lists them all" if len(exc.problems) > 1 else ""
        print(f"argmap: {exc}{more}", file=sys.stderr)
        return 1
    except ArgmapError as exc:
        print(f"argmap: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the environment, not a bug: a folder that cannot be made, a full disk
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"argmap: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
