"""Renderer speed against its floor: Graphviz's own ``dot`` on the same DOT, in the same run.

For synthetic maps of 100, 500 and 2,000 nodes (``argmap generate``), prints:

* DOT build: ``build_dot`` in-process (best of several runs);
* CLI render: wall time of ``argmap render MAP -o OUT.svg`` in a fresh process, the map in a
  library folder, cold (no parsed-map cache: the YAML is parsed) and warm (the map was read
  before: ``.argmap/parsed/`` holds it, see ``argmap.map_cache``);
* floor: wall time of ``dot -Tsvg`` on the emitted DOT alone;
* the same three as CPU time (user + system of the process and its children), the fairer
  comparison on a machine shared with other work (a wait for a core is wall time, not CPU);
* their ratios (targets: build <= 5% of dot at 500 and 2,000 nodes; CLI <= 1.3x dot at 2,000),
  and the peak memory (max RSS) of the CLI's Python process and of its ``dot`` child;
* the CPU ratios of each round (CLI over the floor measured just before it): their median and
  their range over the rounds, the figure to read on a machine shared with other work.

The CLI runs with Python's bytecode cache allowed (``PYTHONDONTWRITEBYTECODE`` removed from its
environment), as an installed package has it: otherwise every run compiles argmap's modules again.

Each round also runs the bare interpreter (``python -c pass``, and ``python -S -c pass`` without
``site`` and the editable install's finder), and prints what share of the warm render's CPU over
``dot`` is the interpreter's own start, a floor no change to argmap can lower.

``--against ARGMAP``: another install's ``argmap`` script (say, a checkout of main with its own
virtual environment), rendered warm in the same rounds, one after the other with this one: a
before/after under the same load.

First, the CLI's start-up (#13 item 6): ``argmap --help`` beside ``python -c pass`` (median of 5).

Run: ``.venv/bin/python benchmarks/bench_render.py [--rounds N] [--against ARGMAP] [SIZES...]``
(default 5 rounds). Not a test: figures vary by machine.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from argmap.generate import generate_map
from argmap.mapfile import dump_map
from argmap.render import build_dot

SIZES = (100, 500, 2000)
ARGMAP = Path(sys.executable).with_name("argmap")
#: The CLI's environment: bytecode cached as in an installed package.
CLI_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], stdin: bytes | None = None) -> float:
    return run(command, stdin)[0]


def run(command: list[str], stdin: bytes | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the process and its children) of ``command``. The
    CPU time is what to compare on a loaded machine: waiting for a core counts in the wall time only."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, input=stdin, check=True, capture_output=True, env=CLI_ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def peak_rss_mb(command: list[str]) -> tuple[float, float]:
    """Peak RSS (MB) of the CLI's own process and of its largest child, via a small wrapper."""
    probe = (
        "import resource, runpy, sys; sys.argv = sys.argv[1:]; "
        "code = 0\n"
        "try:\n    runpy.run_path(sys.argv[0], run_name='__main__')\n"
        "except SystemExit as exit:\n    code = exit.code or 0\n"
        "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(me, kids, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True, env=CLI_ENV
    )
    me, kids = done.stderr.split()[-2:]
    return int(me) / 1024, int(kids) / 1024


def startup() -> None:
    bare = statistics.median(timed([sys.executable, "-c", "pass"]) for _ in range(5))
    helped = statistics.median(timed([str(ARGMAP), "--help"]) for _ in range(5))
    print(
        f"start-up: python -c pass {bare * 1000:.0f} ms, argmap --help {helped * 1000:.0f} ms ({helped / bare:.2f}x)"
    )


def main(sizes: tuple[int, ...], rounds: int = 5, against: str | None = None) -> None:
    print(f"load average: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    startup()
    print(
        f"{'nodes':>6} {'build ms':>9} {'dot s':>7} {'cold s':>7} {'warm s':>7} {'build/dot':>10} "
        f"{'cold/dot':>9} {'warm/dot':>9} {'cli MB':>7} {'dot MB':>7}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            argument_map = generate_map(size, seed=1)
            library = Path(folder, f"library-{size}")
            library.mkdir()
            map_path = library / f"map-{size}.yaml"
            map_path.write_text(dump_map(argument_map), encoding="utf-8")
            build = min(_build_time(argument_map) for _ in range(10))
            dot_source = build_dot(argument_map).encode("utf-8")
            out = str(Path(folder, f"map-{size}.svg"))
            arguments = ["--library", str(library), "render", str(map_path), "-o", out]
            render = [str(ARGMAP), *arguments]
            other = [against, *arguments] if against else None
            cache = library / ".argmap" / "parsed"
            floor, cold, warm, warm_other, bare, bare_s = [], [], [], [], [], []
            subprocess.run(render, check=True, capture_output=True, env=CLI_ENV)  # bytecode written
            if other:
                subprocess.run(other, check=True, capture_output=True, env=CLI_ENV)
            for _ in range(rounds):  # interleaved, so that a burst of load weighs on all alike
                floor.append(run(["dot", "-Tsvg"], dot_source))
                bare.append(run([sys.executable, "-c", "pass"]))
                bare_s.append(run([sys.executable, "-S", "-c", "pass"]))
                shutil.rmtree(cache, ignore_errors=True)
                cold.append(run(render))
                warm.append(run(render))
                if other:  # its own cache entry (the format may differ): written by its first run
                    shutil.rmtree(cache, ignore_errors=True)
                    run(other)
                    warm_other.append(run(other))
            cli_mb, dot_mb = peak_rss_mb(render)
            best = min(wall for wall, _ in floor)
            cold_s, warm_s = min(wall for wall, _ in cold), min(wall for wall, _ in warm)
            print(
                f"{size:>6} {build * 1000:>9.1f} {best:>7.2f} {cold_s:>7.2f} {warm_s:>7.2f} "
                f"{build / best:>9.1%} {cold_s / best:>9.2f} {warm_s / best:>9.2f} "
                f"{cli_mb:>7.0f} {dot_mb:>7.0f}",
                flush=True,
            )
            cpu = [min(used for _, used in runs) for runs in (floor, cold, warm)]
            print(
                f"{'':>6} CPU time: dot {cpu[0]:.2f} s, cold {cpu[1]:.2f} s ({cpu[1] / cpu[0]:.2f}x), "
                f"warm {cpu[2]:.2f} s ({cpu[2] / cpu[0]:.2f}x)",
                flush=True,
            )
            measured = [("cold", cold), ("warm", warm)] + ([("warm, --against", warm_other)] if other else [])
            for name, runs in measured:
                ratios = sorted(
                    used / floor_used for (_, used), (_, floor_used) in zip(runs, floor, strict=True)
                )
                print(
                    f"{'':>6} CPU {name} / dot per round: median {statistics.median(ratios):.2f}x, "
                    f"range {ratios[0]:.2f}-{ratios[-1]:.2f}x over {len(ratios)} rounds",
                    flush=True,
                )
            medians = {name: statistics.median(used for _, used in runs) for name, runs in measured}
            floor_median = statistics.median(used for _, used in floor)
            print(
                f"{'':>6} CPU medians over the rounds: dot {floor_median:.3f} s, "
                + ", ".join(
                    f"{name} {used:.3f} s ({used / floor_median:.2f}x)" for name, used in medians.items()
                ),
                flush=True,
            )
            over = [used - floor_used for (_, used), (_, floor_used) in zip(warm, floor, strict=True)]
            start, start_s = (statistics.median(used for _, used in runs) for runs in (bare, bare_s))
            print(
                f"{'':>6} CPU, median per round: warm over dot {statistics.median(over) * 1000:.0f} ms; "
                f"python -c pass {start * 1000:.0f} ms, python -S -c pass {start_s * 1000:.0f} ms "
                f"(the interpreter's start: {start / statistics.median(over):.0%} of what the warm "
                f"render adds to dot; {start / statistics.median(u for _, u in floor):.1%} of dot)",
                flush=True,
            )
    print(f"load average at the end: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    print(
        f"(max RSS of this benchmark process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)"
    )


def _build_time(argument_map) -> float:
    start = time.perf_counter()
    build_dot(argument_map)
    return time.perf_counter() - start


if __name__ == "__main__":
    arguments = sys.argv[1:]
    count, before = 5, None
    while arguments[:1] in (["--rounds"], ["--against"]):
        if arguments[0] == "--rounds":
            count = int(arguments[1])
        else:
            before = arguments[1]
        arguments = arguments[2:]
    main(tuple(int(arg) for arg in arguments) or SIZES, count, before)
