"""Reading a map from a file's bytes, in any format argmap reads, within limits of size, time and memory.

The readers are linear and bounded on every input known to us, but an upload is read inside the
app's server, where one slow or crashing read would stall or kill every user's page (Python's
``re`` holds the interpreter while it matches, so a thread cannot be stopped). So the app reads in
a worker process (``python -m argmap.services.reading``): a read that runs past :data:`READ_SECONDS`
is stopped, one that would use more than :data:`READ_MEMORY_BYTES` fails there, and one that
crashes the worker (a bug in a C parser) ends the worker, not the server; each is a one-line error.
"""

from __future__ import annotations

import os
import pickle
import resource
import subprocess
import sys
from pathlib import Path

import argmap
from argmap.errors import ArgmapError
from argmap.formats import UPLOAD_LIMIT_BYTES, FormatError, read_bytes
from argmap.mapfile import parse_map
from argmap.model import ArgumentMap

#: ``fmt`` for argmap's own YAML map file (every other name is one of argmap.formats.MAP_FORMATS).
YAML = "yaml"
#: How long a read in the worker may take, its start included, before it is stopped.
READ_SECONDS = 10.0
#: Address space the worker may grow to (the interpreter with argmap loaded takes ~0.3 GB).
READ_MEMORY_BYTES = 2 * 1024**3

_ROOT = str(Path(argmap.__file__).resolve().parent.parent)


def read_map(
    data: bytes, fmt: str, file_name: str, limit: int = UPLOAD_LIMIT_BYTES
) -> tuple[ArgumentMap, list[str]]:
    """The map in a file's bytes and the reader's warnings, read in this process; a file larger
    than ``limit`` bytes is refused.

    Raises ArgmapError: MapFileError (every problem placed) for argmap's own YAML, FormatError
    (file, line and column) for the other formats, each for a file that cannot be read.
    """
    if fmt != YAML:
        result = read_bytes(data, fmt, file_name, limit=limit)
        return result.map, list(result.warnings)
    if len(data) > limit:
        raise FormatError(file_name, f"file is {len(data):,} bytes; the limit is {limit:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(file_name, f"not UTF-8 text (byte {exc.start})") from None
    return parse_map(text.removeprefix("\ufeff"), file_name), []


def read_map_in_worker(
    data: bytes, fmt: str, file_name: str, *, seconds: float = READ_SECONDS
) -> tuple[ArgumentMap, list[str]]:
    """:func:`read_map` in a worker process, stopped after ``seconds``.

    Raises what read_map raises, and FormatError when the read took too long, ran out of memory
    or ended the worker.
    """
    command = [sys.executable, "-m", "argmap.services.reading", fmt, file_name]
    path = os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")]))
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=seconds, env={**os.environ, "PYTHONPATH": path}
        )
    except subprocess.TimeoutExpired:
        raise FormatError(
            file_name, f"reading stopped after {seconds:g} seconds; the file is too complex to read"
        ) from None
    if done.returncode != 0 or not done.stdout:
        raise FormatError(file_name, "the reader stopped unexpectedly; the file cannot be read")
    outcome = pickle.loads(done.stdout)  # written by _main below, in our own worker
    if isinstance(outcome, ArgmapError):
        raise outcome
    argument_map, warnings = outcome
    return argument_map, warnings


def _main() -> None:
    """The worker: bytes on stdin, the pickled map and warnings (or the ArgmapError) on stdout."""
    resource.setrlimit(resource.RLIMIT_AS, (READ_MEMORY_BYTES, READ_MEMORY_BYTES))
    fmt, file_name = sys.argv[1], sys.argv[2]
    outcome: tuple[ArgumentMap, list[str]] | ArgmapError
    try:
        outcome = read_map(sys.stdin.buffer.read(), fmt, file_name)
    except ArgmapError as exc:
        outcome = exc
    except MemoryError:
        outcome = FormatError(
            file_name, "reading needs more memory than a map may take; the file cannot be read"
        )
    sys.stdout.buffer.write(pickle.dumps(outcome))


if __name__ == "__main__":
    _main()
