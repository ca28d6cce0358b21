"""What a user of the Editor waits for, measured in Chromium against the app served by
``streamlit run`` on 127.0.0.1, beside an empty Streamlit app's round trip in the same run.

For the seed map and synthetic maps of 300 and 1,000 boxes (``argmap generate``, seed 1) it prints
the median and 95th percentile, from the input to the screen showing its result, of:

* select: a click on a box until the box is outlined on the map (``highlight``) and until the
  side panel shows that node (``panel``);
* add: a point added by keyboard (Tab on the selected box, its text typed, Enter) until its box
  is on the map;
* edit: a new label typed in place (F2 on the selected box, Enter) until the box shows it
  (``shown``: the page's script puts the words on the box at once) and until the map drawn
  again by the server with the new label is on the screen (``map redrawn``);
* drag: a box dropped on another box until it is drawn under its new parent;
* undo: Ctrl+Z until the last change is gone from the map;

with the bytes the browser received per action (the websocket frames) and the server's CPU time
per action (the Streamlit process and its ``dot`` children, from /proc). The floor: a one-button
Streamlit app, served the same way, from a click until the page shows the new count.

Time is measured in the page: ``performance.now()`` when the input is dispatched, then checked on
every animation frame, so a figure includes the browser's painting of the change as the user sees it.

Run: ``.venv/bin/python benchmarks/bench_browser.py [--runs N] [--sizes 300 1000] [--app DIR]``
(``--app`` serves another checkout of argmap, e.g. an older commit, for a before/after figure;
its Editor must then offer the same inputs). Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from argmap.generate import generate_map
from argmap.mapfile import dump_map

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 1000}
SEED = "india-russia"
TIMEOUT_MS = 60_000
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

EMPTY_APP = """import streamlit as st

if st.button("Click"):
    st.session_state["clicks"] = st.session_state.get("clicks", 0) + 1
st.write(f"clicks: {st.session_state.get('clicks', 0)}")
"""

#: Helpers installed in every page: the map's shadow root, its boxes, and ``until``, which
#: resolves with the milliseconds since ``started`` once ``done()`` holds on an animation frame.
PAGE_HELPERS = """
window.bench = {
  root() {
    const host = document.querySelector('.st-key-map_click');
    if (!host) return null;
    for (const element of host.querySelectorAll('*')) if (element.shadowRoot) return element.shadowRoot;
    return host;
  },
  node(id) {
    const root = this.root();
    return root ? root.querySelector(`g.node[id="${CSS.escape(id)}"]`) : null;
  },
  count() {
    const root = this.root();
    return root ? root.querySelectorAll('g.node').length : 0;
  },
  settled() {
    return !document.querySelector('[data-stale="true"]');
  },
  until(done, started) {
    return new Promise((resolve, reject) => {
      const limit = started + 60000;
      const tick = () => {
        let ok = false;
        try { ok = done(); } catch (error) { ok = false; }
        if (ok) resolve(performance.now() - started);
        else if (performance.now() > limit) reject(new Error('timed out'));
        else requestAnimationFrame(tick);
      };
      tick();
    });
  },
  need(id) {
    const node = this.node(id);
    if (!node) throw new Error(`the map shows no box ${id}`);
    return node;
  },
  key(target, key, options = {}) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...options });
    target.dispatchEvent(event);
  },
};
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    url: str
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time of the server process and its waited-for children (``dot``), in seconds."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
        return (utime + stime + cutime + cstime) / CLOCK_TICKS

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0


@contextmanager
def served(script: str, cwd: Path, env: dict[str, str], *options: str) -> Iterator[Server]:
    """``streamlit run SCRIPT`` on a free port of 127.0.0.1, stopped at the end."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false", *options,
    ]  # fmt: skip
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=os.environ | env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise SystemExit(f"the app did not start:\n{log.read().decode(errors='replace')[-2000:]}")
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.read().strip() == b"ok":
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    time.sleep(0.2)  # poll while the server starts
            yield Server(url, process.pid)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@dataclass
class Samples:
    """The figures of one action on one map."""

    times: dict[str, list[float]] = field(default_factory=dict)  # what -> milliseconds
    received: list[int] = field(default_factory=list)  # bytes per action
    cpu: list[float] = field(default_factory=list)  # server CPU ms per action

    def add(self, what: str, ms: float) -> None:
        self.times.setdefault(what, []).append(ms)


class Wire:
    """Counts the bytes the page receives on Streamlit's websocket."""

    def __init__(self, page: Page) -> None:
        self.received = 0
        page.on("websocket", lambda socket: socket.on("framereceived", self._count))

    def _count(self, payload: str | bytes) -> None:
        self.received += len(payload)


def measure(
    page: Page, server: Server, wire: Wire, samples: Samples, action: Callable[[], dict[str, float]]
) -> None:
    page.wait_for_function("window.bench.count() > 0 && window.bench.settled()")
    cpu, received = server.cpu_seconds(), wire.received
    for what, ms in action().items():
        samples.add(what, ms)
    # The run's last messages (its end, the status) may trail the screen by a few frames.
    page.wait_for_function("window.bench.settled()")
    samples.received.append(wire.received - received)
    samples.cpu.append((server.cpu_seconds() - cpu) * 1000)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def open_map(page: Page, name: str) -> None:
    page.goto("/")
    page.locator(f".st-key-open_{name}").get_by_role("button", name="Open").click()
    page.wait_for_function("window.bench.count() > 0 && window.bench.settled()", timeout=TIMEOUT_MS)


def select(page: Page, node_id: str) -> dict[str, float]:
    highlight, panel = page.evaluate(
        """async (id) => {
          const b = window.bench;
          const started = performance.now();
          b.need(id).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          const highlight = await b.until(() => b.node(id).classList.contains('selected'), started);
          const panel = await b.until(
            () => document.querySelector(`[class*="_${id}_label"]`) && b.settled(), started);
          return [highlight, panel];
        }""",
        node_id,
    )
    return {"select → highlight": highlight, "select → panel": panel}


def add_by_keyboard(page: Page, parent: str, text: str) -> dict[str, float]:
    page.evaluate(
        """(id) => { const b = window.bench; b.key(b.need(id), 'Tab'); }""",
        parent,
    )
    field_ = page.locator(".st-key-map_click input.argmap-inline")
    field_.fill(text)
    ms = page.evaluate(
        """async () => {
          const b = window.bench;
          const before = b.count();
          const input = b.root().querySelector('input.argmap-inline');
          const started = performance.now();
          b.key(input, 'Enter');
          return await b.until(() => b.count() === before + 1, started);
        }"""
    )
    return {"add by keyboard": ms}


def edit_label(page: Page, node_id: str, label: str) -> dict[str, float]:
    page.evaluate("(id) => { const b = window.bench; b.key(b.need(id), 'F2'); }", node_id)
    page.locator(".st-key-map_click input.argmap-inline").fill(label)
    shown, drawn = page.evaluate(
        """async ([id, label]) => {
          const b = window.bench;
          const input = b.root().querySelector('input.argmap-inline');
          const drawing = () => b.root().querySelector('.argmap-map').dataset.revision;
          const before = drawing();
          const started = performance.now();
          b.key(input, 'Enter');
          const shown = await b.until(() => (b.node(id)?.textContent || '').includes(label), started);
          const drawn = await b.until(() => drawing() !== before
            && (b.node(id)?.textContent || '').includes(label), started);
          return [shown, drawn];
        }""",
        [node_id, label],
    )
    return {"edit label → shown": shown, "edit label → map redrawn": drawn}


def drag(page: Page, node_id: str, target: str) -> dict[str, float]:
    ms = page.evaluate(
        """async ([id, target]) => {
          const b = window.bench;
          if (!b.node(id) || !b.node(target)) throw new Error(`no box ${id} or ${target}`);
          const from = b.node(id).getBoundingClientRect();
          const to = b.node(target).getBoundingClientRect();
          const at = (box) => ({ clientX: box.x + box.width / 2, clientY: box.y + box.height / 2,
                                  bubbles: true, composed: true, pointerId: 1, button: 0, buttons: 1 });
          const edge = b.root().querySelector(`g.edge[id="${CSS.escape(id)}->${CSS.escape(target)}"]`);
          if (edge) throw new Error('already there');
          b.node(id).dispatchEvent(new PointerEvent('pointerdown', at(from)));
          b.node(target).dispatchEvent(new PointerEvent('pointermove', at(to)));
          const started = performance.now();
          b.node(target).dispatchEvent(new PointerEvent('pointerup', at(to)));
          return await b.until(
            () => b.root().querySelector(`g.edge[id="${CSS.escape(id)}->${CSS.escape(target)}"]`), started);
        }""",
        [node_id, target],
    )
    return {"drag": ms}


def undo(page: Page, gone: str) -> dict[str, float]:
    """Ctrl+Z until the map no longer shows ``gone`` (a label typed, or an edge id drawn)."""
    ms = page.evaluate(
        """async (gone) => {
          const b = window.bench;
          const shows = () => b.root().querySelector(`g.edge[id="${CSS.escape(gone)}"]`)
                           || (b.root().querySelector('svg')?.textContent || '').includes(gone);
          const started = performance.now();
          b.key(document.body, 'z', { ctrlKey: true });
          return await b.until(() => b.count() > 0 && !shows(), started);
        }""",
        gone,
    )
    return {"undo": ms}


def empty_round_trip(page: Page, url: str, runs: int) -> list[float]:
    page.goto(url)
    page.get_by_role("button", name="Click").wait_for()
    times = []
    for count in range(1, runs + 1):
        times.append(
            page.evaluate(
                """async (count) => {
                  const button = [...document.querySelectorAll('[data-testid="stMain"] button')].find((b) => b.textContent.includes('Click'));
                  const started = performance.now();
                  button.click();
                  return await window.bench.until(() => document.body.innerText.includes(`clicks: ${count}`), started);
                }""",
                count,
            )
        )
    return times


def node_ids(library: Path, name: str) -> list[str]:
    from argmap.store import Library

    return [node.id for node in Library(library).load(name).map.nodes]


def spread(ids: list[str], count: int) -> list[str]:
    step = max(1, len(ids) // count)
    return ids[1::step][:count]


def movable(library: Path, name: str, count: int) -> list[tuple[str, str]]:
    """Pairs (box, new parent) that a drag may make: a claim onto a claim outside its branch."""
    from argmap.graph import MapGraph
    from argmap.rules import relation_for
    from argmap.store import Library

    argument_map = Library(library).load(name).map
    pairs: list[tuple[str, str]] = []
    nodes = [node for node in argument_map.nodes if node.kind.value != "thesis" and node.parents()]
    for node in nodes[:: max(1, len(nodes) // (count * 2))]:
        below = set(MapGraph.of(argument_map).subtree(node.id))
        parents = {parent for _, parent in node.parents()}
        for other in argument_map.nodes:
            if other.id not in below and other.id not in parents and relation_for(node.kind, other.kind):
                pairs.append((node.id, other.id))
                break
        if len(pairs) == count:
            break
    return pairs


ACTIONS = ("select", "edit", "add", "drag")


def bench_map(
    page: Page, server: Server, wire: Wire, library: Path, name: str, runs: int, actions: list[str]
) -> dict[str, Samples]:
    open_map(page, name)
    ids = node_ids(library, name)
    results: dict[str, Samples] = {what: Samples() for what in ("select", "add", "edit", "drag", "undo")}
    for node_id in spread(ids, runs):
        measure(page, server, wire, results["select"], lambda n=node_id: select(page, n))
    for index, node_id in enumerate(spread(ids, runs) if "edit" in actions else []):
        measure(page, server, wire, results["select"], lambda n=node_id: select(page, n))
        label = f"Bench{index}x"
        measure(page, server, wire, results["edit"], lambda n=node_id, t=label: edit_label(page, n, t))
        measure(page, server, wire, results["undo"], lambda t=label: undo(page, t))
    for index, node_id in enumerate(spread(ids, runs) if "add" in actions else []):
        measure(page, server, wire, results["select"], lambda n=node_id: select(page, n))
        measure(
            page,
            server,
            wire,
            results["add"],
            lambda n=node_id, i=index: add_by_keyboard(page, n, f"Added {i}"),
        )
    for node_id, target in movable(library, name, runs) if "drag" in actions else []:
        measure(page, server, wire, results["select"], lambda n=node_id: select(page, n))
        measure(page, server, wire, results["drag"], lambda n=node_id, t=target: drag(page, n, t))
        measure(page, server, wire, results["undo"], lambda n=node_id, t=target: undo(page, f"{n}->{t}"))
    return {what: samples for what, samples in results.items() if samples.times}


def print_results(title: str, results: dict[str, Samples], floor: float) -> None:
    print(f"\n{title}")
    print(f"  {'action':<22} {'median':>8} {'p95':>8} {'× empty':>8} {'KB recv':>8} {'server CPU':>11}")
    for samples in results.values():
        kilobytes = statistics.median(samples.received) / 1024 if samples.received else 0
        cpu = statistics.median(samples.cpu) if samples.cpu else 0
        for what, times in samples.times.items():
            median = statistics.median(times)
            print(
                f"  {what:<22} {median:>6.0f}ms {p95(times):>6.0f}ms {median / floor:>7.1f}× "
                f"{kilobytes:>7.1f} {cpu:>8.0f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="inputs of each kind per map")
    parser.add_argument("--sizes", type=int, nargs="*", default=[300, 1000], help="generated map sizes")
    parser.add_argument("--app", type=Path, default=ROOT, help="the argmap checkout to serve")
    parser.add_argument(
        "--actions", nargs="*", choices=ACTIONS, default=list(ACTIONS), help="what to measure"
    )
    parser.add_argument(
        "--server-option", action="append", default=[], help="e.g. --runner.postScriptGC=false"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        library = folder / "library"
        library.mkdir()
        shutil.copy(args.app / "arguments" / f"{SEED}.yaml", library)
        names = [SEED]
        for size in args.sizes:
            names.append(f"generated-{size}")
            (library / f"{names[-1]}.yaml").write_text(dump_map(generate_map(size, seed=1)))
        (folder / "empty_app.py").write_text(EMPTY_APP)
        env = {"ARGMAP_LIBRARY": str(library)}
        with (
            served("streamlit_app.py", args.app, env, *args.server_option) as server,
            served(str(folder / "empty_app.py"), folder, {}) as empty,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            context = browser.new_context(base_url=server.url, viewport=VIEWPORT)
            context.set_default_timeout(TIMEOUT_MS)
            context.add_init_script(PAGE_HELPERS)
            page = context.new_page()
            wire = Wire(page)
            floor = statistics.median(empty_round_trip(page, empty.url, args.runs * 2))
            print(f"empty Streamlit app, click → new text: median {floor:.0f} ms")
            for name in names:
                results = bench_map(page, server, wire, library, name, args.runs, args.actions)
                print_results(f"{name} ({len(node_ids(library, name))} boxes)", results, floor)
            again = statistics.median(empty_round_trip(page, empty.url, args.runs * 2))
            print(f"\nempty Streamlit app again at the end: median {again:.0f} ms")
            print(f"server memory at the end: {server.rss_mb():.0f} MB")
            browser.close()


if __name__ == "__main__":
    main()
