"""Map files that keep their comments: what loading and saving a commented 2,000-node map costs.

A synthetic map (``argmap generate``, seed 1) is written canonically and again with comments (a
heading above every tenth node, a remark beside the title). Printed, best of N runs each:

- load: today's reader (``parse_map``) on the canonical file, the floor, and on the commented file
  (comments cost the reader nothing: it is the same reader; there is no second one to keep safe);
- save: the canonical writer (``dump_map``), the floor, then ``dump_map_over`` after a one-node
  edit, on the canonical file (the fast path: no comments, canonical form) and on the commented
  file (compose, splice, read back);
- when ``ruamel.yaml`` is importable (it is not a dependency), its round-trip load of the commented
  file, for comparison with the reader we kept.

Usage: ``.venv/bin/python benchmarks/bench_comments.py [NODES] [RUNS]`` (default 2000 and 5).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argmap.editing import update_node
from argmap.mapfile import dump_map, parse_map
from argmap.mapfile_keep import dump_map_over


def best(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def commented(text: str) -> str:
    """The canonical text with a comment above every tenth node and one beside the title."""
    count = 0

    def heading(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"# --- section {count // 10} ---\n{match[0]}" if count % 10 == 0 else match[0]

    text = re.sub(r"^- id: ", heading, text, flags=re.MULTILINE)
    return text.replace("\ntitle: ", "\n# why this map exists\ntitle: ", 1).replace(
        "\nnodes:\n", "  # a remark beside the conclusion\nnodes:\n", 1
    )


def main() -> None:
    nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.yaml"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "argmap",
                "generate",
                "--nodes",
                str(nodes),
                "--seed",
                "1",
                "-o",
                str(path),
            ],
            check=True,
            capture_output=True,
        )
        canonical = path.read_text()
    hand = commented(canonical)
    argument_map = parse_map(canonical)
    assert parse_map(hand) == argument_map
    target = argument_map.nodes[len(argument_map.nodes) // 2].id
    edited = update_node(argument_map, target, text="An edited point, in the middle of the map.")
    kept = dump_map_over(hand, edited)
    assert parse_map(kept) == edited and kept.count("# --- section") == hand.count("# --- section")

    load_floor = best(runs, lambda: parse_map(canonical))
    load_hand = best(runs, lambda: parse_map(hand))
    save_floor = best(runs, lambda: dump_map(edited))
    save_fast = best(runs, lambda: dump_map_over(canonical, edited))
    save_hand = best(runs, lambda: dump_map_over(hand, edited))
    print(f"{len(argument_map.nodes):,} nodes, {len(hand):,} bytes with comments; best of {runs}")
    print(f"load  parse_map canonical (floor)      {load_floor * 1000:8.1f} ms")
    print(
        f"load  parse_map commented              {load_hand * 1000:8.1f} ms  {load_hand / load_floor:5.2f} x floor"
    )
    print(f"save  dump_map (floor)                 {save_floor * 1000:8.1f} ms")
    print(
        f"save  dump_map_over, no comments       {save_fast * 1000:8.1f} ms  {save_fast / save_floor:5.2f} x floor"
    )
    print(
        f"save  dump_map_over, commented         {save_hand * 1000:8.1f} ms  {save_hand / save_floor:5.2f} x floor"
    )
    try:
        from ruamel.yaml import YAML  # type: ignore[import-not-found]
    except ImportError:
        print("ruamel.yaml is not installed: its round-trip load is not measured")
        return
    round_trip = YAML()
    ruamel_load = best(max(1, runs // 2), lambda: round_trip.load(hand))
    print(
        f"load  ruamel.yaml round trip, commented {ruamel_load * 1000:8.1f} ms  "
        f"{ruamel_load / load_floor:5.2f} x floor (data only, not yet a validated map)"
    )


if __name__ == "__main__":
    main()
