"""Running Graphviz's ``dot``: DOT text in, SVG, PNG or PDF bytes out.

This is the renderer's only side effect, kept apart from the pure :mod:`argmap.render.graph`.
A missing ``dot`` is a :class:`~argmap.errors.ToolMissingError` and a failing one a
:class:`~argmap.render.graph.RenderError`, each one line that says what to do, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import BinaryIO

from argmap.errors import ToolMissingError
from argmap.render.graph import RenderError

PICTURE_FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot")
_NOT_INSTALLED = (
    "Graphviz's 'dot' program is not installed; install Graphviz (Debian: apt-get install graphviz)"
)
PNG_DPI = 144  # crisp on high-density screens and in a README without a huge file
DOT_TIMEOUT = 600  # seconds; a map that takes longer is far past what anyone can read


def format_of(path: Path | str) -> str:
    """The output format named by a file's suffix; raises RenderError for any other suffix."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in PICTURE_FORMATS:
        raise RenderError(f"{path}: cannot tell the format from the suffix; use .svg, .png, .pdf or .dot")
    return suffix


def run_dot(dot_source: str, fmt: str, *, dot: str = "dot") -> bytes:
    """``dot_source`` laid out and drawn by Graphviz as ``fmt`` (svg, png or pdf).

    Raises ToolMissingError when the ``dot`` program is not installed and RenderError when it
    fails or runs longer than :data:`DOT_TIMEOUT` seconds.
    """
    done = _run(_command(fmt, dot), dot_source.encode("utf-8"), subprocess.PIPE)
    if not done.stdout:
        raise _failed(done)
    return done.stdout


def run_dot_into(dot_utf8: bytes, fmt: str, out: BinaryIO, *, dot: str = "dot") -> None:
    """As :func:`run_dot` for the DOT text encoded as UTF-8 (:func:`~argmap.render.graph.build_dot_utf8`),
    ``dot`` writing the picture straight into the file ``out`` (at its start): a 2,000-node map's
    SVG is 3.5 MB, which the command line need not pass through Python."""
    done = _run(_command(fmt, dot), dot_utf8, out)
    if not os.fstat(out.fileno()).st_size:
        raise _failed(done)
    out.seek(0, os.SEEK_END)


def _command(fmt: str, dot: str) -> list[str]:
    if fmt not in ("svg", "png", "pdf"):
        raise RenderError(f"Graphviz output format {fmt!r} is not one of svg, png, pdf")
    command = [dot, f"-T{fmt}"]  # found on PATH when run (no shutil.which: importing shutil costs ms)
    if fmt == "png":
        command.append(f"-Gdpi={PNG_DPI}")
    return command


def _run(command: list[str], dot_utf8: bytes, stdout: int | BinaryIO) -> subprocess.CompletedProcess[bytes]:
    """``dot`` run on the DOT text ``dot_utf8``; RenderError when it fails or takes too long."""
    source = _in_memory_file(dot_utf8)
    try:
        done = subprocess.run(
            command,
            input=dot_utf8 if source is None else None,
            stdin=source,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=DOT_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz's dot took longer than {DOT_TIMEOUT} s; draw less with --focus or --depth"
        ) from None
    except FileNotFoundError:  # not on PATH (the command names it, unresolved)
        raise ToolMissingError(_NOT_INSTALLED) from None
    except OSError as exc:
        raise ToolMissingError(f"cannot run Graphviz's dot at {command[0]} ({exc.strerror})") from None
    finally:
        if source is not None:
            os.close(source)
    if done.returncode != 0:
        raise _failed(done)
    return done


def _in_memory_file(data: bytes) -> int | None:
    """``data`` in an anonymous file in memory, open at its start, for ``dot`` to read as its
    input; None where the system has no such files (then the input goes through a pipe). Fed
    through a pipe, Python writes it 4 KB at a time as ``dot`` reads: about 3 ms of the command
    line's CPU for a 2,000-node map (#21)."""
    if not hasattr(os, "memfd_create"):
        return None
    try:
        handle = os.memfd_create("argmap-dot")
    except OSError:  # a system or sandbox without them
        return None
    try:
        view = memoryview(data)
        while view:  # a write may take less than asked
            view = view[os.write(handle, view) :]
        os.lseek(handle, 0, os.SEEK_SET)
    except OSError:
        os.close(handle)
        return None
    return handle


def _failed(done: subprocess.CompletedProcess[bytes]) -> RenderError:
    message = " ".join(done.stderr.decode("utf-8", "replace").split()) or f"exit status {done.returncode}"
    return RenderError(f"Graphviz's dot failed: {message[:300]}")
