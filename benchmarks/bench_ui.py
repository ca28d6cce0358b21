"""Server-side time of an app rerun on the Editor, against an empty single-page app in the same run.

With Streamlit's ``AppTest`` (no browser, so this is the server's share of a rerun), on the seed
map and on a 300-node synthetic map (``argmap generate``), prints the median of several reruns:

* floor: an empty one-line app (``st.write``) rerun;
* no change: the Editor rerun with nothing changed (every heavy view comes from the cache);
* one-node edit: a rerun that saves a changed base score of one node (a new revision, so the
  map is validated, saved, drawn by ``dot`` and checked again);
* the ratios; targets: no-change rerun <= 2x the empty app, one-node edit on 300 nodes <= 300 ms;
* the compile: ``AppTest`` gives every run a new ``ScriptCache``, so each rerun compiles
  ``streamlit_app.py`` and the Editor page again (parse, Streamlit's "magic", bytecode); a server
  compiles a script once and keeps the bytecode. The no-change rerun less this share (and the
  empty app's, which is negligible) estimates what a server spends.

Run: ``.venv/bin/python benchmarks/bench_ui.py``. Not a test: figures vary by machine.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest

from argmap.generate import generate_map
from argmap.store import Library

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
EDITOR_SCRIPTS = (ROOT / "streamlit_app.py", ROOT / "argmap" / "ui" / "pages" / "editor.py")


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def empty_app(folder: Path) -> float:
    script = folder / "empty_app.py"
    script.write_text("import streamlit as st\nst.write('argmap')\n")
    at = AppTest.from_file(str(script), default_timeout=60)
    at.run()
    return median_ms([timed(at.run) for _ in range(RUNS)])


def compile_ms() -> float:
    """What compiling the app's script and the Editor page takes with an empty script cache."""

    def compile_scripts() -> None:
        cache = ScriptCache()
        for script in EDITOR_SCRIPTS:
            cache.get_bytecode(str(script))

    return median_ms([timed(compile_scripts) for _ in range(RUNS)])


def editor(name: str) -> tuple[float, float]:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    at.button(key=f"open_{name}").click().run()
    at.run()  # warm: the first drawing of the map is not what a rerun costs
    unchanged = median_ms([timed(at.run) for _ in range(RUNS)])
    edits = []
    for number in range(RUNS):
        score = next(w for w in at.number_input if w.label.startswith("Base score"))
        score.set_value(round(0.05 + 0.1 * number, 2))
        submit = next(b for b in at.button if b.label == "Save changes")
        edits.append(timed(lambda submit=submit: submit.click().run()))
        assert not at.exception, at.exception
    return unchanged, median_ms(edits)


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        library = folder / "arguments"
        shutil.copytree(ROOT / "arguments", library, ignore=shutil.ignore_patterns(".argmap"))
        Library(library).import_map("synthetic-300", generate_map(300, seed=0))
        os.environ["ARGMAP_LIBRARY"] = str(library)
        floor = empty_app(folder)
        compiling = compile_ms()
        print(f"empty app rerun: {floor:.1f} ms")
        print(
            f"compiling the app and the Editor page (AppTest: every rerun; a server: once): {compiling:.1f} ms"
        )
        print(
            f"{'map':<16} {'no change':>10} {'ratio':>6} {'less compile':>13} {'ratio':>6} {'one edit':>10}"
        )
        for name in ("india-russia", "synthetic-300"):
            unchanged, edit = editor(name)
            served = unchanged - compiling
            print(
                f"{name:<16} {unchanged:>8.1f}ms {unchanged / floor:>5.1f}x"
                f" {served:>11.1f}ms {served / floor:>5.1f}x {edit:>8.1f}ms"
            )


if __name__ == "__main__":
    main()
