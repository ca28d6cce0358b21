"""Property and mutation tests over every reader: only argmap's own one-line errors, no hang, and what
reads cleanly writes and reads back (see harness.py for the outcomes).

``make test`` runs a short bounded pass (ARGMAP_FUZZ_EXAMPLES inputs per reader and test, 20 by default);
``make fuzz`` a long one, and prints how many inputs ran and what they found. The deadline per input
(ARGMAP_FUZZ_DEADLINE seconds of the worker's CPU time, 10 by default) is a hang guard far above any
reader's time.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
from harness import MARKUP, READERS, Worker, mutate, seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "20"))
DEADLINE = float(os.environ.get("ARGMAP_FUZZ_DEADLINE", "10"))
SEEDS = seeds()
TALLY: Counter[tuple[str, str]] = Counter()
FINDINGS: list[tuple[str, str, str, str]] = []


@pytest.fixture(scope="module")
def worker():
    running = Worker(DEADLINE)
    yield running
    running.close()
    counts = ", ".join(f"{reader} {kind} {count}" for (reader, kind), count in sorted(TALLY.items()))
    print(f"\nfuzz: {sum(TALLY.values())} inputs ({counts}); {len(FINDINGS)} findings")
    for reader, kind, detail, text in FINDINGS:
        print(f"  {reader} {kind}: {detail.splitlines()[-1][:200]} <- {text[:120]!r}")


def steps(reader: str):
    operation = st.sampled_from(["insert", "delete", "repeat", "move"])
    insertion = st.lists(st.sampled_from(MARKUP[reader]), min_size=1, max_size=6).map("".join) | st.text(
        max_size=4
    )
    step = st.tuples(operation, st.integers(0, 200_000), st.integers(0, 400), insertion)
    return st.lists(step, min_size=1, max_size=8)


def check(worker: Worker, reader: str, text: str) -> None:
    outcome = worker.run(reader, text)
    TALLY[reader, outcome.kind] += 1
    if outcome.is_finding:
        FINDINGS.append((reader, outcome.kind, outcome.detail, text))
    assert not outcome.is_finding, f"{outcome.kind}: {outcome.detail}"


def fuzz_settings():
    return settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )


@pytest.mark.parametrize("reader", READERS)
def test_every_seed_reads_or_is_refused_in_one_line(worker, reader):
    for text in SEEDS[reader]:
        check(worker, reader, text)


@pytest.mark.parametrize("reader", READERS)
def test_mutated_seeds_read_or_are_refused_in_one_line(worker, reader):

    @fuzz_settings()
    @given(seed=st.sampled_from(SEEDS[reader]), changes=steps(reader))
    def mutated(seed: str, changes) -> None:
        check(worker, reader, mutate(seed, changes))

    mutated()


@pytest.mark.parametrize("reader", READERS)
def test_random_markup_reads_or_is_refused_in_one_line(worker, reader):

    @fuzz_settings()
    @given(text=st.lists(st.sampled_from(MARKUP[reader]) | st.text(max_size=3), max_size=80).map("".join))
    def random_markup(text: str) -> None:
        check(worker, reader, text)

    random_markup()
