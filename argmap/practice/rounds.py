"""A practice round against the map: the map plays the other side, one clash at a time.

Each clash shows one of the other side's strongest arguments (their main arguments first, strongest
first, then their other points); the debater types a response under a timer and gets a score from
:func:`argmap.practice.scoring.score_answer` (its public interface only: the answer-review matcher
may replace its internals), the points missed, and the map's own rebuttal, or, where the map has
none, the prompt to prepare one. A round ends with a summary that the progress store keeps.

:class:`PracticeRound` is a value: answering or moving on returns a new round, so the app keeps it
in its session and tests step through it without a clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from argmap.graph import MapGraph, Side
from argmap.model import ArgumentMap
from argmap.practice.debate_formats import DebateFormat
from argmap.practice.drills import DrillItem, DrillMode, drill_items, require_items
from argmap.practice.gaps import side_name
from argmap.practice.scoring import DrillScore, score_answer
from argmap.practice.sides import PracticeError

#: Clashes in a round unless asked otherwise: about the points one rebuttal speech can answer.
ROUND_CLASHES = 5
#: Seconds to answer one clash: about what one point gets in a rebuttal speech.
CLASH_SECONDS = 90


@dataclass(frozen=True)
class Clash:
    """One argument of the other side to answer: its drill item (prompt, model answer, key terms)
    and its short label."""

    item: DrillItem
    label: str

    @property
    def prepared(self) -> bool:
        """True when the map holds our rebuttal; False when its model answer is a prompt."""
        return self.item.from_map


@dataclass(frozen=True)
class ClashResult:
    clash: Clash
    answer: str
    score: DrillScore


@dataclass(frozen=True)
class RoundSummary:
    """The end of a round: how many clashes, the mean score, the best and the weakest answer, and
    how many clashes the map has no rebuttal for yet."""

    side: Side
    results: tuple[ClashResult, ...]
    unprepared: int

    @property
    def mean_score(self) -> float:
        return round(sum(r.score.score for r in self.results) / len(self.results), 3) if self.results else 0.0

    @property
    def weakest(self) -> ClashResult | None:
        return min(self.results, key=lambda r: r.score.score, default=None)

    @property
    def best(self) -> ClashResult | None:
        return max(self.results, key=lambda r: r.score.score, default=None)

    def sentences(self) -> tuple[str, ...]:
        """What the app shows at the end, one line each."""
        if not self.results:
            return ("No clash was answered.",)
        lines = [f"{len(self.results)} clashes answered, mean score {self.mean_score:.0%}."]
        best, weakest = self.best, self.weakest
        if best is not None and weakest is not None and best is not weakest:
            lines.append(
                f"Best answer: “{best.clash.label}” ({best.score.score:.0%}); "
                f"work on “{weakest.clash.label}” ({weakest.score.score:.0%})."
            )
        if self.unprepared:
            verb = "has" if self.unprepared == 1 else "have"
            lines.append(
                f"{self.unprepared} of these arguments {verb} no rebuttal in the map yet: write yours into the map."
            )
        return tuple(lines)


@dataclass(frozen=True)
class PracticeRound:
    """A round in progress: the clashes, the one being shown, and the answers so far."""

    side: Side
    speaker: str  # what the format calls our side, e.g. "Opposition"
    opponent: str
    clashes: tuple[Clash, ...]
    position: int = 0
    results: tuple[ClashResult, ...] = ()

    @property
    def current(self) -> Clash | None:
        return self.clashes[self.position] if self.position < len(self.clashes) else None

    @property
    def answered_current(self) -> ClashResult | None:
        """The result of the clash being shown, once answered (until the debater moves on)."""
        return self.results[self.position] if self.position < len(self.results) else None

    @property
    def finished(self) -> bool:
        return self.position >= len(self.clashes)

    def answer(self, text: str) -> PracticeRound:
        """The round with the shown clash answered; PracticeError for an empty answer or a clash
        already answered."""
        clash = self.current
        if clash is None or self.answered_current is not None:
            raise PracticeError("this clash is already answered: go on to the next one")
        if not text.strip():
            raise PracticeError("write a response before checking it")
        result = ClashResult(clash, text, score_answer(clash.item, text))
        return replace(self, results=(*self.results, result))

    def next(self) -> PracticeRound:
        """The round moved on to the next clash (or to its end) once the shown one is answered."""
        if self.answered_current is None:
            raise PracticeError("answer this clash before going on")
        return replace(self, position=self.position + 1)

    def summary(self) -> RoundSummary:
        return RoundSummary(self.side, self.results, sum(1 for r in self.results if not r.clash.prepared))


def start_round(
    argument_map: ArgumentMap,
    side: Side | str,
    strengths: Mapping[str, float],
    fmt: DebateFormat | None = None,
    count: int = ROUND_CLASHES,
) -> PracticeRound:
    """A round of up to ``count`` clashes for ``side``: the other side's main arguments first,
    strongest first, then its other points. Raises PracticeError (one sentence on what is missing)
    when the other side has nothing to answer, or the map has no thesis."""
    side = Side(side)
    if count < 1:
        raise PracticeError(f"a round has at least one clash, not {count}")
    items = require_items(
        drill_items(argument_map, DrillMode.REBUTTAL, side, strengths), argument_map, DrillMode.REBUTTAL, side
    )
    main = {node.id for node in MapGraph.of(argument_map).main_points(side.other)}
    ordered = sorted(items, key=lambda item: item.node_id not in main)  # stable: strength order kept
    index = argument_map.node_index()
    clashes = tuple(Clash(item, index[item.node_id].display_label) for item in ordered[:count])
    return PracticeRound(side, side_name(side, fmt), side_name(side.other, fmt), clashes)


__all__ = [
    "CLASH_SECONDS",
    "ROUND_CLASHES",
    "Clash",
    "ClashResult",
    "PracticeRound",
    "RoundSummary",
    "start_round",
]
