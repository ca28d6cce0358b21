"""Commands that draw maps and make maps to draw: ``render`` and ``generate``.

Handlers import the renderer and the generator inside their bodies, so ``argmap --help`` and the
other commands do not pay for them, and ``argmap render`` never imports Streamlit or python-docx.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.commands.common import add_map_argument, library_of, load_target
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.model_plain import AnyMap

GENERATE_MAX = 100_000  # far beyond any real map; stops a typo from filling the disk


def register(sub: argparse._SubParsersAction) -> None:
    render = sub.add_parser("render", help="draw a map as SVG, PNG, PDF or DOT (format from the suffix)")
    add_map_argument(render)
    render.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="OUT.svg, OUT.png, OUT.pdf or OUT.dot"
    )
    render.add_argument(
        "--theme", choices=("default", "print"), default="default", help="print: grayscale, patterns"
    )
    render.add_argument(
        "--group-by", choices=("tag", "kind", "none"), default="tag", help="clusters (default: tag)"
    )
    render.add_argument(
        "--direction",
        choices=("auto", "down", "right"),
        default="auto",
        help="down: thesis on top; right: thesis on the left; auto: down while it fits (default)",
    )
    render.add_argument("--focus", metavar="ID", help="draw only this node and what hangs below it")
    render.add_argument(
        "--depth", type=int, metavar="N", help="levels below the focus (or the roots) to draw"
    )
    render.add_argument("--no-evidence", action="store_true", help="hide evidence (counted on each parent)")
    render.add_argument("--no-legend", action="store_true", help="leave out the title and key")
    render.add_argument(
        "--scores",
        action="store_true",
        help="shade nodes and thicken edges by DF-QuAD strength (argmap score)",
    )
    render.set_defaults(func=cmd_render)

    generate = sub.add_parser("generate", help="write a synthetic map of about N nodes (for benchmarks)")
    generate.add_argument("--nodes", type=int, required=True, metavar="N", help="number of nodes")
    generate.add_argument("--seed", type=int, default=0, metavar="S", help="same seed, same file (default 0)")
    generate.add_argument("-o", "--output", required=True, metavar="OUT.yaml", help="where to write the map")
    generate.set_defaults(func=cmd_generate)


def cmd_generate(args: argparse.Namespace) -> int:
    from argmap.generate import generate_map
    from argmap.store import write_map_file

    if not 1 <= args.nodes <= GENERATE_MAX:
        raise ArgmapError(f"--nodes must be between 1 and {GENERATE_MAX}, not {args.nodes}")
    out = Path(args.output)
    argument_map = generate_map(args.nodes, args.seed)
    write_map_file(out, argument_map, replace=True)
    print(f"wrote {out} ({len(argument_map.nodes)} nodes, seed {args.seed})")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from argmap.render import RenderOptions, format_of, render_file

    out = Path(args.output)
    format_of(out)  # a bad suffix is reported before the map is even read
    if args.depth is not None and args.depth < 0:
        raise ArgmapError(f"--depth must be 0 or more, not {args.depth}")
    scores = None
    if args.scores:
        # Imported here: the plain render path must not pay for the analysis.
        from argmap.analysis import compute_strengths

        loaded = load_target(args).map
        scores = compute_strengths(loaded).strength
        argument_map: AnyMap = loaded
    else:  # a map read before comes from the cache without pydantic (argmap.map_cache)
        from argmap.map_cache import load_for_drawing

        argument_map = load_for_drawing(args.path, library_of(args))
    options = RenderOptions(
        theme=args.theme,
        group_by=args.group_by,
        direction=args.direction,
        focus=args.focus,
        depth=args.depth,
        evidence=not args.no_evidence,
        legend=not args.no_legend,
        scores=scores,
    )
    render_file(argument_map, out, options)
    print(f"wrote {out}")
    return 0
