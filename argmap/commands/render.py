"""Commands that draw maps and make maps to draw: ``render`` and ``generate``.

Handlers import the renderer and the generator inside their bodies, so ``argmap --help`` and the
other commands do not pay for them, and ``argmap render`` never imports Streamlit or python-docx.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.errors import ArgmapError

GENERATE_MAX = 100_000  # far beyond any real map; stops a typo from filling the disk


def register(sub: argparse._SubParsersAction) -> None:
    generate = sub.add_parser("generate", help="write a synthetic map of about N nodes (for benchmarks)")
    generate.add_argument("--nodes", type=int, required=True, metavar="N", help="number of nodes")
    generate.add_argument("--seed", type=int, default=0, metavar="S", help="same seed, same file (default 0)")
    generate.add_argument("-o", "--output", required=True, metavar="OUT.yaml", help="where to write the map")
    generate.set_defaults(func=cmd_generate)


def cmd_generate(args: argparse.Namespace) -> int:
    from argmap.generate import generate_map
    from argmap.mapfile import dump_map
    from argmap.store import write_atomic

    if not 1 <= args.nodes <= GENERATE_MAX:
        raise ArgmapError(f"--nodes must be between 1 and {GENERATE_MAX}, not {args.nodes}")
    out = Path(args.output)
    argument_map = generate_map(args.nodes, args.seed)
    try:
        write_atomic(out, dump_map(argument_map).encode("utf-8"))
    except OSError as exc:
        raise ArgmapError(f"{out}: cannot write ({exc.strerror})") from None
    print(f"wrote {out} ({len(argument_map.nodes)} nodes, seed {args.seed})")
    return 0
