"""The Library page and the listing behind it at 5 and 500 maps, against an empty app in the same run.

With Streamlit's ``AppTest`` (the server's share of a page run), for a library of 5 and of 500
synthetic maps (``argmap generate``, 20 to 120 nodes each), prints:

* floor: an empty one-line app (``st.write``) run;
* the listing alone (``Library.entries()``): cold (no ``.argmap/index.json`` yet: every map is
  parsed once) and warm (the index answers; only size, mtime and inode are read from the disk);
* the Library page: its first run on a cold library, and the median of later reruns;
* the aim from issue #21: the Library page of 500 maps within 2 s.

Run: ``.venv/bin/python benchmarks/bench_library.py``. Not a test: figures vary by machine.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench_ui import empty_app, median_ms, timed  # the same floor and timing as the Editor's bench
from streamlit.testing.v1 import AppTest

from argmap.generate import generate_map
from argmap.store import Library

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def filled_library(folder: Path, maps: int) -> Library:
    library = Library(folder / f"library-{maps}")
    for number in range(maps):
        library.import_map(f"map-{number:03d}", generate_map(20 + (number * 37) % 100, seed=number))
    return library


def forget_index(library: Library) -> None:
    (library.data_dir / "index.json").unlink(missing_ok=True)


def listing(library: Library) -> tuple[float, float]:
    forget_index(library)
    cold = timed(library.entries) * 1000
    warm = median_ms([timed(library.entries) for _ in range(RUNS)])
    return cold, warm


def page(library: Library) -> tuple[float, float]:
    forget_index(library)
    os.environ["ARGMAP_LIBRARY"] = str(library.root)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    first = timed(at.run) * 1000
    assert not at.exception, at.exception
    rerun = median_ms([timed(at.run) for _ in range(RUNS)])
    return first, rerun


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        floor = empty_app(folder)
        print(f"empty app run: {floor:.1f} ms")
        print(
            f"{'maps':>5} {'listing cold':>13} {'warm':>9} {'page first':>11} {'page rerun':>11} {'ratio':>6}"
        )
        for maps in (5, 500):
            library = filled_library(folder, maps)
            cold, warm = listing(library)
            first, rerun = page(library)
            print(
                f"{maps:>5} {cold:>11.1f}ms {warm:>7.1f}ms {first:>9.1f}ms {rerun:>9.1f}ms {rerun / floor:>5.1f}x"
            )
        print(f"aim: the Library page of 500 maps within 2 s: {'met' if rerun <= 2000 else 'not met'}")


if __name__ == "__main__":
    main()
