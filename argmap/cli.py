"""The ``argmap`` command line: a thin shell over the core's functions.

Contract (DESIGN.md): exit 0 on success, 1 on bad input with a one-line message naming the file
(and line where known), 2 on bad usage; never a traceback for bad input; ``--json`` prints
machine-readable output on stdout.

Each group of commands lives in one module of :mod:`argmap.commands` with a ``register(sub)``
function; :data:`COMMANDS` lists them with the commands each registers. Command modules import
heavy libraries (python-docx, Graphviz, Streamlit) inside their handlers, never at module level, and
a run builds only the parser of the command it names (all of them for ``--help``, a mistyped
command or none), so ``argmap render`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from argmap.errors import ArgmapError, MapFileError

#: Each command module and the commands its ``register`` adds (tests/test_cli_startup.py checks them).
COMMANDS: dict[str, tuple[str, ...]] = {
    "argmap.commands.maps": ("validate", "show", "schema", "new", "list"),
    "argmap.commands.formats": ("import", "export"),
    "argmap.commands.render": ("render", "generate"),
    "argmap.commands.analysis": ("score", "lint"),
    "argmap.commands.practice": ("case", "flow", "drill", "deck"),
    "argmap.commands.outline": ("templates", "outline"),
    "argmap.commands.review": ("review",),
    "argmap.commands.db": ("db",),
    "argmap.commands.classroom": ("class",),
}
COMMAND_MODULES = tuple(COMMANDS)
#: The options before the command that take a value (``--library DIR``).
_VALUED = ("--library", "--database")


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, given the terminal's width (:func:`_columns`): argparse's own
    asks :mod:`shutil`, whose import (with bz2 and lzma) cost every command a few ms, as argparse
    makes a formatter for each argument added (#21)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ):
        super().__init__(
            prog, indent_increment, max_help_position, _columns() - 2 if width is None else width
        )


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size()`` finds it: ``$COLUMNS``, else the
    width of the terminal on standard output, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0 and sys.__stdout__ is not None:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # bad usage: exit 2, one line plus the usage
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: usage error: {message}\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser: of ``command`` alone (and the others of its module) when it is one of
    :data:`COMMANDS`, else of every command (building all 30 takes about 15 ms of a run)."""
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
    modules = [module for module, names in COMMANDS.items() if command in names] or COMMAND_MODULES
    for module_name in modules:
        importlib.import_module(module_name).register(sub)
    for command_parser in sub.choices.values():  # --library is accepted after the command too
        command_parser.add_argument(
            "--library", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
        command_parser.add_argument(
            "--database", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
    return parser


def command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names: its first word that is neither an option nor an option's value."""
    words = iter(argv)
    for word in words:
        if word in _VALUED:
            next(words, None)
        elif word == "--":
            return next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(command_named(argv))
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
