"""Commands that bring maps in from other tools and hand them out: ``import`` and ``export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.commands.common import Choices, load_target
from argmap.errors import ArgmapError
from argmap.words import counted


def register(sub: argparse._SubParsersAction) -> None:
    importer = sub.add_parser(
        "import", help="read notes, Argdown, AIF JSON, a Kialo export or a map file into a map file"
    )
    importer.add_argument("source", metavar="SRC", help="the file to read")
    importer.add_argument(
        "--from",
        dest="fmt",
        choices=Choices(lambda: _formats("can_read")),
        metavar="FORMAT",
        help="its format, one of: %(choices)s (default: from the suffix and content)",
    )
    importer.add_argument(
        "-o", "--output", metavar="OUT.yaml", help="the map file to write (optional with --explain or --json)"
    )
    importer.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    importer.add_argument(
        "--explain", action="store_true", help="print every point with its line, kind, parent and why"
    )
    importer.add_argument("--json", action="store_true", help="print the same report as JSON on stdout")
    importer.set_defaults(func=cmd_import)

    exporter = sub.add_parser("export", help="write a map as Argdown or AIF JSON")
    exporter.add_argument("path", metavar="PATH", help="a map file, or a map's name in the library")
    exporter.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.argdown or OUT.aif.json")
    exporter.add_argument(
        "--to",
        dest="fmt",
        choices=Choices(lambda: _formats("can_write")),
        metavar="FORMAT",
        help="the format, one of: %(choices)s (default: from OUT's suffix)",
    )
    exporter.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    exporter.set_defaults(func=cmd_export)


def _formats(can: str) -> list[str]:
    """The formats that can be read (``can_read``) or written (``can_write``)."""
    from argmap.formats import MAP_FORMATS

    return [name for name, fmt in MAP_FORMATS.items() if getattr(fmt, can)]


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise ArgmapError(f"{path}: already exists; pass --force to overwrite it")


def cmd_import(args: argparse.Namespace) -> int:
    import json

    from argmap.formats import FILE_LIMIT_BYTES
    from argmap.services.imports import draft_from_bytes
    from argmap.store import read_input, write_map_file

    if args.output is None and not (args.explain or args.json):
        print("argmap import: error: give -o OUT.yaml, or --explain / --json to only report", file=sys.stderr)
        return 2
    source = Path(args.source)
    output = Path(args.output) if args.output else None
    if output is not None:
        _refuse_overwrite(output, args.force)
    data = read_input(source, limit=FILE_LIMIT_BYTES)
    draft = draft_from_bytes(data, str(source), args.fmt, limit=FILE_LIMIT_BYTES)
    if args.json:
        print(json.dumps(draft.report.as_data(), ensure_ascii=False, indent=2))
    else:
        for warning in draft.warnings:
            print(f"argmap: warning: {warning}", file=sys.stderr)
    if args.explain and not args.json:
        print(draft.report.as_text())
    if output is not None:
        write_map_file(output, draft.map, replace=args.force)
        nodes, relations = (
            counted(len(draft.map.nodes), "node"),
            counted(len(draft.map.relations()), "relation"),
        )
        print(
            f"{output}: {nodes}, {relations} from {draft.fmt}", file=sys.stderr if args.json else sys.stdout
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from argmap.formats import MAP_FORMATS, FormatError, detect_format, write_text
    from argmap.store import write_atomic

    output = Path(args.output)
    fmt = args.fmt or detect_format(output.name)
    if fmt is None or not MAP_FORMATS[fmt].can_write:
        writable = ", ".join(s for f in MAP_FORMATS.values() if f.can_write for s in f.suffixes)
        raise FormatError(str(output), f"cannot write this suffix; use one of {writable} or pass --to")
    _refuse_overwrite(output, args.force)
    loaded = load_target(args)
    write_atomic(output, write_text(loaded.map, fmt).encode("utf-8"))
    print(f"{output}: {counted(len(loaded.map.nodes), 'node')} written as {MAP_FORMATS[fmt].label}")
    return 0
