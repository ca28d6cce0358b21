"""A class on the shared PostgreSQL library: N simulated users saving edits at once, then an audit.

Each user is a separate process (``--users N``, default 40) that for ``--seconds S`` opens a map
(most often its group's map, which it shares with the others of its group; sometimes any map),
adds a point to it and saves it with the revision it loaded, reloading after a refused (stale)
save. Every attempt is logged. Then the audit reads the database: every save reported as landed
must be a version row with its label and its point must be in the final map (users only add
points, so nothing may go missing); every refused save must have left no version. Prints saves
per second, p50 and p95 save latency, refused saves, the audit's findings, and as its last line
exactly ``lost updates: N``.

Uses the database named by ``$ARGMAP_DATABASE_URL`` (its tables are migrated; the benchmark's maps
are named ``bench-…`` and deleted first), else a throw-away cluster of its own (Debian's
PostgreSQL, as the tests start it).

Run: ``.venv/bin/python benchmarks/bench_class.py [--users 40] [--seconds 20]``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import statistics
import time

import psycopg

from argmap.errors import StaleMapError
from argmap.model import Node
from argmap.stores import local_cluster
from argmap.stores.postgres import PostgresStore, close_pools, upgrade


def map_names(users: int) -> list[str]:
    return [f"bench-{group:02d}" for group in range(max(2, users // 4))]


def user(url: str, number: int, seconds: float, names: list[str], start, results) -> None:
    store = PostgresStore(url)
    chance = random.Random(number)
    attempts = []
    start.wait()
    ends = time.monotonic() + seconds
    count = 0
    while time.monotonic() < ends:
        name = names[number % len(names)] if chance.random() < 0.8 else chance.choice(names)
        loaded = store.load(name)
        point = f"u{number}-{count}"
        count += 1
        thesis = loaded.map.nodes[0].id
        edited = loaded.map.model_copy(
            update={"nodes": [*loaded.map.nodes, Node(id=point, kind="claim", supports=[thesis], text=point)]}
        )
        began = time.perf_counter()
        try:
            store.save(name, edited, loaded.revision, author=f"user-{number}", label=f"added {point}")
            outcome = "landed"
        except StaleMapError:
            outcome = "refused"
        attempts.append((name, point, outcome, time.perf_counter() - began))
    close_pools()
    results.put(attempts)


def audit(url: str, attempts: list[tuple[str, str, str, float]]) -> tuple[int, list[str]]:
    """Lost updates (landed saves whose point is missing from the final map or that left no
    version) and the other findings (refused saves that left a version)."""
    store = PostgresStore(url)
    final = {name: {node.id for node in store.load(name).map.nodes} for name in {a[0] for a in attempts}}
    with psycopg.connect(url) as connection:
        labels = {
            (name, label)
            for name, label in connection.execute(
                "SELECT m.name, v.label FROM map_versions v JOIN maps m ON m.id = v.map_id WHERE m.name LIKE 'bench-%'"
            )
        }
    lost, findings = 0, []
    for name, point, outcome, _ in attempts:
        recorded = (name, f"added {point}") in labels
        if outcome == "landed" and (point not in final[name] or not recorded):
            lost += 1
        if outcome == "refused" and recorded:
            findings.append(f"{name}: refused save {point} left a version")
    return lost, findings


def run(url: str, users: int, seconds: float) -> None:
    upgrade(url)
    store = PostgresStore(url)
    names = map_names(users)
    with psycopg.connect(url) as connection:
        connection.execute("DELETE FROM maps WHERE name LIKE 'bench-%'")
    for name in names:
        store.create(name, f"Class map {name}")
    close_pools()  # the users are forked: none may inherit this process's connections
    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(users + 1), context.SimpleQueue()
    processes = [
        context.Process(target=user, args=(url, number, seconds, names, start, results))
        for number in range(users)
    ]
    for process in processes:
        process.start()
    start.wait()
    began = time.perf_counter()
    attempts = [attempt for _ in processes for attempt in results.get()]
    elapsed = time.perf_counter() - began
    for process in processes:
        process.join()
    landed = [a for a in attempts if a[2] == "landed"]
    refused = [a for a in attempts if a[2] == "refused"]
    latencies = sorted(a[3] * 1000 for a in attempts)
    lost, findings = audit(url, attempts)
    print(f"users: {users} processes, {len(names)} maps, {seconds:g} s")
    print(f"saves: {len(attempts)} attempted, {len(landed)} landed, {len(refused)} refused as stale")
    print(f"saves per second: {len(landed) / elapsed:.1f} landed ({len(attempts) / elapsed:.1f} attempted)")
    print(
        f"save latency: p50 {statistics.median(latencies):.1f} ms, p95 {latencies[int(0.95 * (len(latencies) - 1))]:.1f} ms"
    )
    for finding in findings:
        print(f"audit: {finding}")
    print(f"audit: {len(findings)} other findings")
    print(f"lost updates: {lost}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    url = os.environ.get("ARGMAP_DATABASE_URL")
    if url:
        run(url, args.users, args.seconds)
        return
    folder = local_cluster.temporary_folder()
    try:
        run(local_cluster.start(folder / "cluster"), args.users, args.seconds)
    finally:
        local_cluster.stop(folder / "cluster")
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
