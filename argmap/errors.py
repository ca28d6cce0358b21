"""The project's own exception types: each carries a one-line message a user can act on.

Entry points (CLI, UI) catch :class:`ArgmapError` and show ``str(error)``; nothing else is
expected to reach a user, so a traceback means a bug, not bad input.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.words import counted


class ArgmapError(Exception):
    """Base of every error caused by the user's input or environment, not by a bug."""


class Located(NamedTuple):
    """A message placed in a file: ``where`` is a path or a name, ``line`` 1-based when known.
    (A named tuple, not a dataclass: this module is on the start of every command, and importing
    :mod:`dataclasses` costs the command line several milliseconds, #21.)"""

    where: str
    line: int | None
    message: str

    def __str__(self) -> str:
        place = f"{self.where}:{self.line}" if self.line else self.where
        return f"{place}: {self.message}"


class MapFileError(ArgmapError):
    """A map file (or text) that cannot be read as a valid map. Lists every problem found.

    ``str()`` is the first problem, with a count of the others, on one line.
    """

    def __init__(self, problems: list[Located]):
        if not problems:
            raise ValueError("MapFileError needs at least one problem")
        self.problems = problems
        first = str(problems[0])
        more = len(problems) - 1
        super().__init__(first + (f" (and {counted(more, 'more problem')})" if more else ""))

    def __reduce__(self) -> tuple[object, ...]:  # pickled whole: a read in a worker process raises it
        return (type(self), (self.problems,))


class StoreError(ArgmapError):
    """A library operation that cannot be done: a bad name, a missing map, a name taken."""


class StaleMapError(StoreError):
    """The map file changed on disk since it was loaded; saving would overwrite someone's work."""


class ToolMissingError(ArgmapError):
    """An external program the task needs (Graphviz's dot, LibreOffice) is not installed."""


class ClassroomError(StoreError):
    """A classroom action the user may not take, or that names nothing they can see: a wrong join
    code, a student setting an assignment, a submission after the map was frozen."""
