"""The fuzzing harness: seeds from the test corpus, mutations of them, and a worker that reads each
input under a deadline.

Every reader (argmap's map YAML, Argdown, AIF, Kialo, notes) gets inputs made from the files the
tests already hold (tests/fixtures/…, arguments/*.yaml, the hostile inputs of issue #12), mutated
by hypothesis: spans deleted, repeated (to build deep nesting and long runs), moved, and markup
characters of the format inserted. Each input is read in a forked worker process, so a hang is
stopped once it has used the deadline in CPU time (a loaded machine does not make a big input look
hung) and a crash of the interpreter is seen, not suffered. An outcome is one of:

- ``read``: the reader returned a map, and the map written back (argmap YAML, Argdown, AIF) read
  back cleanly: a ``round-trip`` finding otherwise;
- ``refused``: the reader raised argmap's own error, in one line (a ``multi-line`` finding otherwise);
- ``crash`` (any other exception or a dead worker) or ``hang`` (past the deadline in CPU time): findings.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from hostile_inputs import hostile_inputs, hostile_notes

import argmap.formats.aif
import argmap.formats.argdown
import argmap.formats.kialo
import argmap.formats.notes
import argmap.services.reading  # noqa: F401 (loaded before the worker forks, not on its first input)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
READERS = ("yaml", "argdown", "aif", "kialo", "notes")
MAX_INPUT_CHARS = 120_000
POLL_SECONDS = 0.2  # how often a waiting run looks at the worker's CPU time
IDLE_LIMIT = 10  # deadlines on the clock after which a worker that is not working counts as hung
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# Characters that mean something to each reader, for insertions that reach its rules.
MARKUP = {
    "yaml": [*list("[]{}:-?&*!|>'\"#,\n "), "<<: ", "!!int ", "!!bool ", "&a ", "*a", "\n  - ", "\n- "],
    "argdown": [
        *list("[]<>(){}#*_-+:@/!\\\n "),
        "<!--",
        "-->",
        "/*",
        "*/",
        "//",
        "<+ ",
        "<- ",
        "\n    + ",
        "(1) ",
        "\n----\n",
        "===\n",
        "{a: 1}",
    ],
    "aif": [*list('[]{}",:0123456789\n '), '"nodeID": ', '"type": "I"', '"edges": [', '"text": ""'],
    "kialo": [*list(".:0123456789\n "), "Pro: ", "Con: ", "1.1. ", "-> See 1.", "Discussion Title: "],
    "notes": [*list("#-*+>:.()0123456789\n \t"), "## ", "- ", "  - ", "1. ", "**", "Way forward:", "But "],
}


def _texts(folder: Path, pattern: str) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob(pattern))]


def seeds() -> dict[str, list[str]]:
    """The starting texts of each reader: the corpus files and hostile inputs it reads."""
    corpus = FIXTURES / "corpus"
    found = {
        "yaml": _texts(ROOT / "arguments", "*.yaml"),
        "argdown": _texts(corpus / "argdown", "*.argdown"),
        "aif": _texts(corpus / "aif", "*.json"),
        "kialo": _texts(FIXTURES / "kialo", "*.txt"),
        "notes": _texts(FIXTURES / "notes", "*.txt") + _texts(FIXTURES / "seed", "*.txt"),
    }
    for case in [*hostile_inputs(), *hostile_notes()]:
        found[case.fmt].append(case.text)
    return {reader: [text[:MAX_INPUT_CHARS] for text in texts] for reader, texts in found.items()}


def mutate(text: str, steps: list[tuple[str, int, int, str]]) -> str:
    """``text`` after each step: (operation, position, length, insertion), positions taken modulo
    the text's length so that any drawn numbers make a valid step."""
    for operation, position, length, insertion in steps:
        size = len(text)
        start = position % (size + 1)
        end = min(size, start + length)
        if operation == "insert":
            text = text[:start] + insertion + text[start:]
        elif operation == "delete":
            text = text[:start] + text[end:]
        elif operation == "repeat":  # deep nesting and long runs come from repeating a span
            text = text[:start] + text[start:end] * (2 + length % 200) + text[end:]
        elif operation == "move" and size:
            piece = text[start:end]
            rest = text[:start] + text[end:]
            where = (position * 7) % (len(rest) + 1)
            text = rest[:where] + piece + rest[where:]
        text = text[:MAX_INPUT_CHARS]
    return text


@dataclass(frozen=True)
class Outcome:
    kind: str  # read, refused, crash, hang, multi-line, round-trip
    detail: str

    @property
    def is_finding(self) -> bool:
        return self.kind not in ("read", "refused")


def read_and_check(reader: str, text: str) -> Outcome:
    """Read ``text`` with ``reader`` in this process and classify the outcome (see the module doc)."""
    from argmap.errors import ArgmapError
    from argmap.services.reading import read_map

    try:
        argument_map, _ = read_map(text.encode("utf-8", "surrogatepass"), reader, f"fuzz.{reader}")
    except ArgmapError as exc:
        message = str(exc)
        if "\n" in message or not message.startswith(f"fuzz.{reader}"):
            return Outcome("multi-line", message[:300])
        return Outcome("refused", message[:300])
    except Exception:
        return Outcome("crash", traceback.format_exc(limit=-3)[-600:])
    try:
        _write_and_read_back(argument_map)
    except Exception:
        return Outcome("round-trip", traceback.format_exc(limit=-3)[-600:])
    return Outcome("read", f"{len(argument_map.nodes)} nodes")


def _write_and_read_back(argument_map: Any) -> None:
    from argmap.formats import read_text, write_text
    from argmap.mapfile import dump_map, parse_map

    if parse_map(dump_map(argument_map), "back.yaml") != argument_map:
        raise AssertionError("the map file written does not read back as the same map")
    for fmt in ("argdown", "aif"):
        back = read_text(write_text(argument_map, fmt), fmt, f"back.{fmt}").map
        if [node.id for node in back.nodes] != [node.id for node in argument_map.nodes]:
            raise AssertionError(f"{fmt}: the ids read back differ from the ids written")


def _serve(connection: Connection) -> None:
    while True:
        try:
            reader, text = connection.recv()
        except EOFError:
            return
        connection.send(read_and_check(reader, text))


class Worker:
    """A forked process that reads inputs one at a time; one that runs past the deadline (or dies)
    is replaced, and its input is a ``hang`` (or ``crash``) finding."""

    def __init__(self, deadline: float):
        self.deadline = deadline
        self._context = multiprocessing.get_context("fork")
        self._start()

    def _start(self) -> None:
        self._connection, theirs = self._context.Pipe()
        self._process = self._context.Process(target=_serve, args=(theirs,), daemon=True)
        self._process.start()
        theirs.close()

    def _restart(self) -> None:
        self._process.kill()
        self._process.join()
        self._connection.close()
        self._start()

    def run(self, reader: str, text: str) -> Outcome:
        """Read ``text`` in the worker. A hang is an input that keeps the worker busy for more than
        the deadline in CPU time, not on the clock: on a loaded machine (the suite beside other
        jobs on two cores) a 13,000-node map's round trip took 50 s on the clock though its reader
        is linear. A worker that waits without working is stopped after :data:`IDLE_LIMIT` times
        the deadline on the clock."""
        self._connection.send((reader, text))
        started, clock = self._cpu_seconds(), time.monotonic()
        try:
            while not self._connection.poll(POLL_SECONDS):
                busy = self._cpu_seconds() - started
                if busy > self.deadline or time.monotonic() - clock > IDLE_LIMIT * self.deadline:
                    self._restart()
                    return Outcome("hang", f"no outcome after {busy:.1f} s of CPU time")
            return self._connection.recv()
        except EOFError:
            self._restart()
            return Outcome("crash", f"the worker died (exit {self._process.exitcode})")

    def _cpu_seconds(self) -> float:
        """The CPU time the worker has used (user and system), from /proc (Linux)."""
        fields = Path(f"/proc/{self._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def close(self) -> None:
        self._process.kill()
        self._process.join()
        self._connection.close()
