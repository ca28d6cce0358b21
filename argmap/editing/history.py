"""Undo and redo over snapshots of a map."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.editing.common import EditError
from argmap.model import ArgumentMap


@dataclass(frozen=True)
class Step:
    """One state in the history: the map, and what the edit that made it was called."""

    map: ArgumentMap
    label: str


class History:
    """Undo and redo over snapshots of a map. Maps are never changed in place, so keeping the
    snapshot objects themselves is both cheap and safe.

    ``record`` after an ``undo`` drops the steps that had been undone, as every editor does.
    At most ``limit`` steps are kept; the oldest go first.
    """

    def __init__(self, initial: ArgumentMap, limit: int = 100):
        if limit < 2:
            raise ValueError("a history needs room for at least two steps")
        self._steps: list[Step] = [Step(initial, "opened")]
        self._at = 0
        self._limit = limit

    @property
    def current(self) -> ArgumentMap:
        return self._steps[self._at].map

    @property
    def can_undo(self) -> bool:
        return self._at > 0

    @property
    def can_redo(self) -> bool:
        return self._at < len(self._steps) - 1

    @property
    def undo_label(self) -> str | None:
        """What undo would take back, e.g. "add rebuttal 'no-sanctions'"; None when nothing."""
        return self._steps[self._at].label if self.can_undo else None

    @property
    def redo_label(self) -> str | None:
        return self._steps[self._at + 1].label if self.can_redo else None

    def record(self, argument_map: ArgumentMap, label: str) -> None:
        """Make ``argument_map`` the current state, reached by the edit called ``label``."""
        del self._steps[self._at + 1 :]
        self._steps.append(Step(argument_map, label))
        if len(self._steps) > self._limit:
            del self._steps[: len(self._steps) - self._limit]
        self._at = len(self._steps) - 1

    def undo(self) -> ArgumentMap:
        """Step back and return the map as it was; raises EditError when there is nothing to undo."""
        if not self.can_undo:
            raise EditError("there is nothing to undo")
        self._at -= 1
        return self.current

    def redo(self) -> ArgumentMap:
        """Step forward again; raises EditError when there is nothing to redo."""
        if not self.can_redo:
            raise EditError("there is nothing to redo")
        self._at += 1
        return self.current

    def __len__(self) -> int:
        return len(self._steps)
