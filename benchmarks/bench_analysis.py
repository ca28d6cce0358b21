"""Benchmark: DF-QuAD scoring and lint on synthetic maps of 1,000 and 10,000 nodes.

Target (issue 3): score + lint in-process in at most 0.5 s at 10,000 nodes, growing roughly
linearly. Prints, per size, the best of several runs of each step, the ratio 10k/1k, and a floor
measured in the same run: one plain pass over the map's relations (``ArgumentMap.relations()``),
the least any analysis must do, so figures compare across machines.

Cycles (issue 12): a knot of 1,000 and 20,000 claims, each supporting the next and the first
(20,000 cycles, which ``show`` once listed in full: 18 s and 1.8 GB of output). Prints the cycle
report, score and lint per size, the ratio 20k/1k (linear is 20x) and the same relation floor.

Run: ``.venv/bin/python benchmarks/bench_analysis.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from argmap.analysis import compute_strengths, lint, sensitivity, verdict
from argmap.generate import generate_map
from argmap.graph import find_cycles
from argmap.model import ArgumentMap

SIZES = (1_000, 10_000)
KNOT_SIZES = (1_000, 20_000)
TARGET_SECONDS = 0.5


def best_of(repeat: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def measure(argument_map: ArgumentMap, repeat: int) -> dict[str, float]:
    thesis = argument_map.thesis()
    assert thesis is not None
    return {
        "floor": best_of(repeat, argument_map.relations),
        "score": best_of(repeat, lambda: compute_strengths(argument_map)),
        "lint": best_of(repeat, lambda: lint(argument_map)),
        "verdict": best_of(repeat, lambda: verdict(argument_map)),
        "sensitivity": best_of(repeat, lambda: sensitivity(argument_map, thesis.id)),
    }


def knot_map(size: int) -> ArgumentMap:
    """A thesis and ``size`` claims, each supporting the next and the first: one knot, ``size`` cycles."""
    nodes = [{"id": "t", "kind": "thesis", "text": "The thesis."}]
    for index in range(size):
        supports = ([f"c{index + 1}"] if index + 1 < size else []) + (["c0"] if index else ["t"])
        nodes.append({"id": f"c{index}", "kind": "claim", "supports": supports, "text": f"Claim {index}."})
    return ArgumentMap.model_validate({"title": "A knot of circular reasoning", "nodes": nodes})


def measure_knots(repeat: int) -> None:
    rows: dict[int, dict[str, float]] = {}
    for size in KNOT_SIZES:
        argument_map = knot_map(size)
        rows[size] = {
            "floor": best_of(repeat, argument_map.relations),
            "cycles": best_of(repeat, lambda: find_cycles(argument_map)),  # noqa: B023 (run here)
            "score": best_of(1, lambda: compute_strengths(argument_map)),  # noqa: B023
            "lint": best_of(1, lambda: lint(argument_map)),  # noqa: B023
        }
        reported = find_cycles(argument_map)
        row = rows[size]
        print(
            f"{size:>6}-claim knot: cycles {row['cycles'] * 1000:7.1f} ms ({len(reported)} reported, "
            f"{len(reported[0])} nodes long)  score {row['score'] * 1000:7.1f} ms  lint {row['lint'] * 1000:7.1f} ms  "
            f"floor {row['floor'] * 1000:5.2f} ms"
        )
    small, large = rows[KNOT_SIZES[0]], rows[KNOT_SIZES[-1]]
    print(
        "ratio 20k/1k (linear is 20x): "
        + "  ".join(
            f"{step} {large[step] / small[step]:.1f}x" for step in ("cycles", "score", "lint", "floor")
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per step; the best is kept")
    args = parser.parse_args()
    results: dict[int, dict[str, float]] = {}
    for size in SIZES:
        argument_map = generate_map(size, seed=1)
        results[size] = measure(argument_map, args.repeat)
        checks = lint(argument_map)
        strengths = compute_strengths(argument_map)
        row = results[size]
        print(
            f"{size:>6} nodes: score {row['score'] * 1000:7.1f} ms  lint {row['lint'] * 1000:7.1f} ms  "
            f"score+lint {(row['score'] + row['lint']) * 1000:7.1f} ms  verdict {row['verdict'] * 1000:6.1f} ms  "
            f"thesis sensitivity {row['sensitivity'] * 1000:7.1f} ms  floor {row['floor'] * 1000:5.2f} ms  "
            f"({len(checks)} checks, converged={strengths.converged})"
        )
    small, large = results[SIZES[0]], results[SIZES[-1]]
    total_large = large["score"] + large["lint"]
    growth = total_large / (small["score"] + small["lint"])
    print(
        f"ratio 10k/1k: score+lint {growth:.1f}x (floor {large['floor'] / small['floor']:.1f}x; linear is 10x)"
    )
    print(f"score+lint at 10k vs floor: {total_large / large['floor']:.0f}x the plain relation pass")
    verdict_line = "within" if total_large <= TARGET_SECONDS else "OVER"
    print(f"score+lint at 10k: {total_large:.3f} s, {verdict_line} the {TARGET_SECONDS} s target")
    measure_knots(args.repeat)


if __name__ == "__main__":
    main()
