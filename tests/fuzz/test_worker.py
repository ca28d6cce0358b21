"""The fuzzing harness's worker: a reader that never finishes is a hang once it has used the deadline
in CPU time, and the worker that replaces it reads the next input."""

from __future__ import annotations

import harness
from harness import Outcome, Worker


def spin_on_the_word_spin(reader: str, text: str) -> Outcome:
    while text == "spin":
        pass
    return Outcome("read", text)


def test_a_reader_that_never_finishes_is_a_hang_and_the_next_input_is_read(monkeypatch) -> None:
    monkeypatch.setattr(harness, "read_and_check", spin_on_the_word_spin)  # before the worker forks
    worker = Worker(deadline=0.5)
    try:
        hung = worker.run("notes", "spin")
        after = worker.run("notes", "a note")
    finally:
        worker.close()
    assert hung.kind == "hang"
    assert hung.detail.endswith("s of CPU time")
    assert after == Outcome("read", "a note")
