"""Drilling a map as a use case: the items of one mode for one side, the next one due, and an answer
turned into a score and a record in the progress store.

``argmap drill`` and the app's Practice page both build a :class:`Drill` and check answers with
:meth:`Drill.answer`, so the card shown and the item the answer is scored against are the same
item, built once with the map's strengths (the strengths order the items and choose the weakest
link a card without the map's answer asks the user to attack).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argmap.graph import Side
from argmap.model import ArgumentMap
from argmap.practice.debate_formats import DebateFormat
from argmap.practice.drills import DrillItem, DrillMode, drill_items, drill_notice, require_items
from argmap.practice.progress import ProgressStore, Scheduled
from argmap.practice.scoring import DrillScore, score_answer
from argmap.practice.sides import PracticeError


@dataclass(frozen=True)
class Answered:
    """An answer checked: the item, what was written, its score and when the item comes back."""

    item: DrillItem
    answer: str
    score: DrillScore
    scheduled: Scheduled


class Drill:
    """The drill of map ``map_name`` in ``mode`` for ``side`` (None: both sides), kept in ``store``.

    Raises PracticeError when the map has no thesis or nothing to drill in this mode for this side
    (saying what it lacks). ``strengths`` are the map's DF-QuAD strengths, computed when not given.
    """

    def __init__(
        self,
        store: ProgressStore,
        map_name: str,
        argument_map: ArgumentMap,
        mode: DrillMode | str,
        side: Side | str | None = None,
        strengths: Mapping[str, float] | None = None,
    ):
        if strengths is None:
            from argmap.analysis import compute_strengths

            strengths = compute_strengths(argument_map).strength
        self.store, self.map_name, self.mode = store, map_name, DrillMode(mode)
        self.side = Side(side) if side is not None else None
        self.items = require_items(drill_items(argument_map, mode, side, strengths), argument_map, mode, side)

    def notice(self, fmt: DebateFormat | None = None) -> str | None:
        """One sentence on the cards the map has no answer to (None: every card has one)."""
        return drill_notice(self.items, self.side, fmt)

    def due(self, now: datetime | None = None) -> list[DrillItem]:
        """The items to drill now: the overdue first, then those never tried."""
        return self.store.due_items(self.map_name, self.items, now)

    def next_due(self, now: datetime | None = None) -> DrillItem | None:
        """The item to show next; None when every item is learnt for now."""
        due = self.due(now)
        return due[0] if due else None

    def next_due_in(self, now: datetime | None = None) -> timedelta:
        """How long until the first item comes back (zero when one is due now)."""
        moment = now or datetime.now(UTC)
        if self.due(moment):
            return timedelta(0)
        schedule = self.store.schedule(self.map_name)
        return max(timedelta(0), min(schedule[item.id] for item in self.items) - moment)

    def item(self, item_id: str) -> DrillItem:
        """The item ``item_id``; PracticeError when this drill has none (the map changed since)."""
        found = next((item for item in self.items if item.id == item_id), None)
        if found is None:
            raise PracticeError(
                f"map {self.map_name!r} has no drill item {item_id!r} in {self.mode} mode any more"
            )
        return found

    def answer(self, item_id: str, answer: str, now: datetime | None = None) -> Answered:
        """Score ``answer`` to item ``item_id`` and record the try.

        Raises PracticeError for an empty answer or an item this drill does not have.
        """
        item = self.item(item_id)
        if not answer.strip():
            raise PracticeError("write an answer before checking it")
        score = score_answer(item, answer)
        return Answered(item, answer, score, self.store.record(self.map_name, item, score, now))


__all__ = ["Answered", "Drill"]
