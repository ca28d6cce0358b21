"""Many users clicking on the Editor's map at once: N = 1, 5, 20 and 40 concurrent sessions of the
app served by ``streamlit run`` on 127.0.0.1, each clicking boxes of the seed map.

The sessions are a replay of a real browser's websocket messages: Chromium (through Playwright)
opens the Editor once and clicks a few boxes while the messages it sends are recorded; then N
websocket clients each open a session with the same first messages and send the recorded clicks
in turn, each waiting for the server to finish the run a click starts (``script_finished``)
before the next. So the figures are the server's share of a click (no browser draws anything),
which is what many sessions contend for on one server.

Prints, per N: the median and worst latency of a click (message sent → run finished), the clicks
per second the server completed, and the server's CPU time per click and its load (CPU seconds per
second of wall time, 2.0 = both cores of this machine). Then the memory of a long session: the
server's resident memory before and after one session clicks ``--long`` times.

Run: ``.venv/bin/python benchmarks/bench_sessions.py [--clicks N] [--sessions 1 5 20 40]
[--server-option=--runner.postScriptGC=true]``. Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import websockets
from bench_browser import CHROMIUM, CHROMIUM_ARGS, PAGE_HELPERS, ROOT, SEED, VIEWPORT, Server, served
from playwright.sync_api import sync_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

CLICKED = ["defence", "mi35-sale", "west-tilt", "nuclear-energy", "strong-ties", "space"]


def record(server: Server) -> tuple[list[bytes], list[bytes]]:
    """The messages a browser sends to open the Editor on the seed map, and those of each click."""
    opening: list[bytes] = []
    clicks: list[bytes] = []
    sink = opening
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=server.url, viewport=VIEWPORT)
        context.add_init_script(PAGE_HELPERS)
        page = context.new_page()

        def sent(payload: str | bytes) -> None:
            if (
                isinstance(payload, bytes)
                and BackMsg.FromString(payload).WhichOneof("type") == "rerun_script"
            ):
                sink.append(payload)

        page.on("websocket", lambda socket: socket.on("framesent", sent))
        page.goto(f"/editor?map={SEED}")
        page.wait_for_function("window.bench.count() > 0 && window.bench.settled()")
        del opening[:-1]  # only the last run's request: it carries the page and the widgets' state
        for node_id in CLICKED:
            sink = clicks
            before = len(clicks)
            page.locator(f'.st-key-map_click svg g.node[id="{node_id}"]').click()
            page.wait_for_function(
                "(id) => document.querySelector(`[class*='_${id}_label']`) && window.bench.settled()",
                arg=node_id,
            )
            del clicks[before + 1 :]
        browser.close()
    if len(clicks) < len(CLICKED):
        raise SystemExit("the browser sent no message for a click")
    return opening, clicks


async def finished(socket: websockets.ClientConnection) -> None:
    """Wait for the end of the run the last message started (the page's, or a fragment's)."""
    while True:
        message = ForwardMsg.FromString(await socket.recv())
        if message.WhichOneof("type") == "script_finished" and message.script_finished in (
            ForwardMsg.FINISHED_SUCCESSFULLY,
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,  # a click reruns the map and panel only
            ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
        ):
            return


async def session(
    url: str, opening: list[bytes], clicks: list[bytes], count: int, ready: list[int], start: asyncio.Event
) -> list[float]:
    """One user: opens the Editor, says it is ready, and once ``start`` is set clicks ``count``
    times; returns the seconds each click took."""
    async with websockets.connect(
        f"{url.replace('http', 'ws')}/_stcore/stream", subprotocols=["streamlit"], max_size=None
    ) as socket:
        for message in opening:
            await socket.send(message)
        await finished(socket)
        ready.append(1)
        await start.wait()
        times = []
        for index in range(count):
            started = time.perf_counter()
            await socket.send(clicks[index % len(clicks)])
            await finished(socket)
            times.append(time.perf_counter() - started)
        return times


async def concurrent(
    server: Server, opening: list[bytes], clicks: list[bytes], sessions: int, count: int
) -> None:
    start, ready = asyncio.Event(), []
    tasks = [
        asyncio.create_task(session(server.url, opening, clicks, count, ready, start))
        for _ in range(sessions)
    ]
    while len(ready) < sessions:  # every session has opened the map before the clock starts
        await asyncio.sleep(0.1)
    start.set()
    cpu, began = server.cpu_seconds(), time.perf_counter()
    results = await asyncio.gather(*tasks)
    wall = time.perf_counter() - began
    cpu = server.cpu_seconds() - cpu
    times = [value for result in results for value in result]
    print(
        f"  {sessions:>3} sessions: median {statistics.median(times) * 1000:>6.0f} ms, worst "
        f"{max(times) * 1000:>6.0f} ms, {len(times) / wall:>5.1f} clicks/s, server CPU "
        f"{cpu / len(times) * 1000:>4.0f} ms per click, load {cpu / wall:.2f}"
    )


async def long_session(server: Server, opening: list[bytes], clicks: list[bytes], count: int) -> None:
    before = server.rss_mb()
    start = asyncio.Event()
    start.set()
    times = await session(server.url, opening, clicks, count, [], start)
    print(
        f"  one session, {count} clicks: server memory {before:.0f} MB -> {server.rss_mb():.0f} MB; "
        f"median click {statistics.median(times) * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=10, help="clicks per session")
    parser.add_argument("--sessions", type=int, nargs="*", default=[1, 5, 20, 40])
    parser.add_argument("--long", type=int, default=200, help="clicks of the long session (memory)")
    parser.add_argument("--app", type=Path, default=ROOT, help="the argmap checkout to serve")
    parser.add_argument(
        "--server-option", action="append", default=[], help="e.g. --runner.postScriptGC=true"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        library = Path(scratch) / "library"
        library.mkdir()
        shutil.copy(args.app / "arguments" / f"{SEED}.yaml", library)
        with served(
            "streamlit_app.py", args.app, {"ARGMAP_LIBRARY": str(library)}, *args.server_option
        ) as server:
            opening, clicks = record(server)
            print(
                f"recorded {len(clicks)} clicks; server options: {' '.join(args.server_option) or 'defaults'}"
            )
            asyncio.run(long_session(server, opening, clicks, args.long))
            for sessions in args.sessions:
                asyncio.run(concurrent(server, opening, clicks, sessions, args.clicks))


if __name__ == "__main__":
    main()
