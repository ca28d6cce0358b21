"""Import speed of the format readers (a benchmark, not a test).

Measures, in-process and as a CLI call:
- Argdown import of a 2,000-statement file (written from a synthetic map by argmap's own writer);
- AIF import of the 739-node xAIF file from the shared corpus.

Floors measured in the same run: reading the same map from argmap's own YAML (``parse_map``) for
the in-process figures, and the start-up of ``python -m argmap --help`` for the CLI figures. With
``--argdown-cli`` it also times ``npx @argdown/cli json`` on the same Argdown file (needs npm).

Run: ``.venv/bin/python benchmarks/bench_formats.py [--argdown-cli]``
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.formats import read_text, write_text  # noqa: E402
from argmap.mapfile import dump_map, map_from_data, parse_map  # noqa: E402

AIF_FILE = (
    ROOT / "tests" / "fixtures" / "corpus" / "aif" / "recap-utr__arguebuf-typescript__test__xAifTestFile.json"
)
STATEMENTS = 2000


def synthetic_map(count: int):
    """A thesis and a tree of claims, counterpoints and rebuttals, three children per node."""
    nodes = [{"id": "n0", "kind": "thesis", "text": "The thesis of a large synthetic debate."}]
    for index in range(1, count):
        parent = nodes[(index - 1) // 3]
        if parent["kind"] == "counterpoint":
            kind, relation = ("rebuttal", "opposes") if index % 2 else ("claim", "supports")
        else:
            kind, relation = ("counterpoint", "opposes") if index % 3 == 0 else ("claim", "supports")
        nodes.append(
            {
                "id": f"n{index}",
                "kind": kind,
                relation: [parent["id"]],
                "label": f"Point {index}",
                "text": f"Statement number {index} argues one thing about the question, with some detail.",
                "tags": ["economy" if index % 2 else "security"],
            }
        )
    return map_from_data({"title": "Synthetic debate", "nodes": nodes})


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli(*args: str) -> float:
    def call() -> None:
        subprocess.run([sys.executable, "-m", "argmap", *args], cwd=ROOT, check=True, capture_output=True)

    return best_of(3, call)


EXPORT_SIZES = (1_000, 20_000)


def export_lines() -> None:
    """Argdown and AIF export at 1,000 and 20,000 statements: linear is 20x (issue 12: Argdown
    export once took 1.8 s at 1,000 and over 300 s at 20,000). Floor: dump_map of the same map."""
    print(f"export, {EXPORT_SIZES[0]:,} and {EXPORT_SIZES[-1]:,} statements:")
    times: dict[str, list[float]] = {"floor": [], "argdown": [], "aif": []}
    for size in EXPORT_SIZES:
        argument_map = synthetic_map(size)
        times["floor"].append(best_of(3, lambda: dump_map(argument_map)))  # noqa: B023 (run here)
        times["argdown"].append(best_of(3, lambda: write_text(argument_map, "argdown")))  # noqa: B023
        times["aif"].append(best_of(3, lambda: write_text(argument_map, "aif")))  # noqa: B023
    for name, label in (
        ("floor", "floor: dump_map (YAML)"),
        ("argdown", "Argdown export"),
        ("aif", "AIF export"),
    ):
        small, large = times[name]
        print(
            f"  {label:24} {small * 1000:8.1f} ms -> {large * 1000:8.1f} ms  ({large / small:.1f}x; "
            f"{large / times['floor'][-1]:.2f}x floor at {EXPORT_SIZES[-1]:,})"
        )


def main() -> None:
    argument_map = synthetic_map(STATEMENTS)
    argdown_text = write_text(argument_map, "argdown")
    yaml_text = dump_map(argument_map)
    aif_text = AIF_FILE.read_text(encoding="utf-8")

    floor_yaml = best_of(5, lambda: parse_map(yaml_text))
    argdown_in = best_of(5, lambda: read_text(argdown_text, "argdown", "bench.argdown"))
    aif_in = best_of(5, lambda: read_text(aif_text, "aif", AIF_FILE.name))
    print(f"in-process, {STATEMENTS}-statement map:")
    print(f"  floor: parse_map of the same map as YAML   {floor_yaml * 1000:8.1f} ms")
    print(
        f"  Argdown import                             {argdown_in * 1000:8.1f} ms  ({argdown_in / floor_yaml:.2f}x floor)"
    )
    print(
        f"in-process, 739-node xAIF file: AIF import   {aif_in * 1000:8.1f} ms  ({aif_in / floor_yaml:.2f}x the YAML floor above)"
    )

    export_lines()

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "bench.argdown"
        source.write_text(argdown_text, encoding="utf-8")
        floor_cli = cli("--help")
        argdown_cli = cli("import", str(source), "-o", str(Path(folder) / "a.yaml"), "--force")
        aif_cli = cli("import", str(AIF_FILE), "-o", str(Path(folder) / "b.yaml"), "--force")
        print("as a CLI call (median of 3):")
        print(f"  floor: python -m argmap --help             {floor_cli * 1000:8.1f} ms")
        print(
            f"  argmap import bench.argdown                {argdown_cli * 1000:8.1f} ms  ({argdown_cli / floor_cli:.2f}x floor)"
        )
        print(
            f"  argmap import xAifTestFile.json            {aif_cli * 1000:8.1f} ms  ({aif_cli / floor_cli:.2f}x floor)"
        )
        if "--argdown-cli" in sys.argv and shutil.which("npx"):

            def argdown_json() -> None:
                subprocess.run(
                    ["npx", "--yes", "@argdown/cli", "json", str(source), folder],
                    check=True,
                    capture_output=True,
                )

            argdown_json()  # first call installs the package; not timed
            theirs = best_of(3, argdown_json)
            print(
                f"  argdown json bench.argdown (npx)           {theirs * 1000:8.1f} ms  "
                f"(argmap import takes {argdown_cli / theirs:.2f}x its time)"
            )


if __name__ == "__main__":
    main()
