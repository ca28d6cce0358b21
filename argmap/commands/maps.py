"""Commands on map files and the library: validate, show, schema, new, list."""

from __future__ import annotations

import argparse
import sys

from argmap.commands.common import Choices, add_map_argument, library_of, load_target, print_json
from argmap.errors import ArgmapError, MapFileError
from argmap.words import counted


def register(sub: argparse._SubParsersAction) -> None:
    validate = sub.add_parser("validate", help="check maps; every problem is listed")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(func=cmd_validate)

    show = sub.add_parser("show", help="title, question, counts by kind and relation, tags")
    add_map_argument(show)
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(func=cmd_show)

    schema = sub.add_parser("schema", help="print the JSON Schema of the map file")
    schema.set_defaults(func=cmd_schema)

    new = sub.add_parser("new", help="create a map in the library from a skeleton")
    new.add_argument("name", help="file name in the library, e.g. india-china")
    new.add_argument("--title", required=True)
    new.add_argument("--question")
    new.add_argument(
        "--skeleton", choices=Choices(_skeletons), default="blank", metavar="S", help="one of: %(choices)s"
    )
    new.set_defaults(func=cmd_new)

    listing = sub.add_parser("list", help="the maps in the library")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list)


def _skeletons() -> list[str]:
    from argmap.skeletons import SKELETONS

    return list(SKELETONS)


def cmd_validate(args: argparse.Namespace) -> int:
    failed = 0
    for target in args.paths:
        args.path = target
        try:
            loaded = load_target(args)
        except MapFileError as exc:
            failed += 1
            for problem in exc.problems:
                print(f"argmap: {problem}", file=sys.stderr)
            continue
        except ArgmapError as exc:
            failed += 1
            print(f"argmap: {exc}", file=sys.stderr)
            continue
        print(f"{loaded.path}: ok ({counted(len(loaded.map.nodes), 'node')})")
    return 1 if failed else 0


def map_summary(loaded) -> dict:
    from argmap.graph import find_cycles

    argument_map = loaded.map
    thesis = argument_map.thesis()
    return {
        "path": str(loaded.path),
        "title": argument_map.title,
        "question": argument_map.question,
        "directive": argument_map.directive.value if argument_map.directive else None,
        "thesis": thesis.id if thesis else None,
        "nodes": len(argument_map.nodes),
        "relations": len(argument_map.relations()),
        "kinds": argument_map.counts_by_kind(),
        "relation_types": argument_map.counts_by_relation(),
        "tags": argument_map.all_tags(),
        "cycles": find_cycles(argument_map),
        "revision": loaded.revision,
    }


def cmd_show(args: argparse.Namespace) -> int:
    from argmap.graph import cycle_text
    from argmap.render.escape import without_bidi_controls

    info = map_summary(load_target(args))
    if args.json:
        print_json(info)
        return 0
    print(without_bidi_controls(info["title"]))
    if info["question"]:
        print(f"Question: {without_bidi_controls(info['question'])}")
    if info["directive"]:
        print(f"Directive: {info['directive']}")
    print(f"Nodes: {info['nodes']}  Relations: {info['relations']}")
    print("By kind: " + ", ".join(f"{k} {v}" for k, v in info["kinds"].items() if v))
    print("By relation: " + ", ".join(f"{k} {v}" for k, v in info["relation_types"].items()))
    if info["tags"]:
        print("Tags: " + ", ".join(info["tags"]))
    for cycle in info["cycles"]:
        print("Cycle: " + cycle_text(cycle))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from argmap.mapfile import json_schema

    print_json(json_schema())
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    loaded = library_of(args).create(args.name, args.title, args.skeleton, args.question)
    print(f"created {loaded.path}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    entries = library_of(args).entries()
    if args.json:
        print_json(
            [
                {
                    "name": e.name,
                    "path": str(e.path),
                    "title": e.title,
                    "question": e.question,
                    "nodes": e.node_count,
                    "kinds": e.counts_by_kind,
                    "modified": e.modified.isoformat(),
                    "error": e.error,
                }
                for e in entries
            ]
        )
        return 0
    if not entries:
        print(f"no maps in {library_of(args).where}")
    for e in entries:
        status = f"INVALID: {e.error}" if e.error else counted(e.node_count, "node")
        print(f"{e.name:24} {e.title}  ({status})")
    return 0
