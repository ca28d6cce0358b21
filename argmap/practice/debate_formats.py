"""Debate and answer-writing formats as data: the speeches, who gives them, and their times.

A case file lists the speeches of its format, and the app's timers run from the same table, so the
rules live here once. Each :class:`Speech` says which side gives it, how long it is, and, where
points of information are allowed, the window in which they may be offered (the time outside the
window is *protected*). Adding a format means adding one entry to :data:`DEBATE_FORMATS`.

Times follow the common rule books: British Parliamentary as at WUDC (7-minute speeches, POIs
between the first and the sixth minute, 15 minutes' preparation); Asian Parliamentary (7 minutes,
4-minute replies by the first or second speaker, the opposition replying first); World Schools as at
WSDC (8 minutes, POIs between the first and the seventh minute, 4-minute replies, one hour's
preparation for impromptu motions); Lincoln–Douglas and policy as in the NSDA high-school rules. A
UPSC mains answer is a written answer, not a speech: its "speeches" are the parts of the answer with
the minutes an aspirant can spend on each in the exam (≈7 minutes for 150 words, ≈11 for 250).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from argmap.graph import Side


class SpeechKind(StrEnum):
    CONSTRUCTIVE = "constructive"  # a substantive speech: builds and answers arguments
    REBUTTAL = "rebuttal"  # a later, shorter speech that only answers and weighs (LD, policy)
    REPLY = "reply"  # a biased adjudication of the debate, given by the first or second speaker
    CROSS_EXAMINATION = "cross-examination"  # questions to the speaker who has just spoken
    ANSWER_PART = "answer part"  # one part of a written answer


@dataclass(frozen=True)
class Speech:
    """One speech (or one part of a written answer).

    ``side`` is None for the parts of a written answer, which has no opponent. ``poi_window`` is
    (from, to) in minutes from the start of the speech when points of information may be offered,
    or None when they may not be offered at all.
    """

    role: str
    short: str  # the abbreviation a flow sheet's column carries, e.g. "PM", "1AC"
    side: Side | None
    minutes: float
    kind: SpeechKind = SpeechKind.CONSTRUCTIVE
    poi_window: tuple[float, float] | None = None

    @property
    def seconds(self) -> int:
        return round(self.minutes * 60)

    @property
    def protected(self) -> list[tuple[float, float]]:
        """The protected stretches (minutes from the start) when POIs are allowed in the middle."""
        if self.poi_window is None:
            return []
        start, end = self.poi_window
        return [(0.0, start), (end, self.minutes)]


@dataclass(frozen=True)
class DebateFormat:
    """A debate or answer-writing format: its speeches in order and its preparation time."""

    id: str
    name: str
    speeches: tuple[Speech, ...]
    prep_minutes: float
    for_name: str  # what the format calls the side defending the thesis
    against_name: str
    description: str
    words: int | None = None  # word limit, for written answers

    def side_name(self, side: Side) -> str:
        return self.for_name if side is Side.FOR else self.against_name

    def speeches_of(self, side: Side) -> list[Speech]:
        """The speeches a side gives; for a written answer, every part of it."""
        return [speech for speech in self.speeches if speech.side in (side, None)]

    @property
    def total_minutes(self) -> float:
        return sum(speech.minutes for speech in self.speeches)


@dataclass(frozen=True)
class TimedSection:
    """One section of a timer: its name, its length, the POI window (from, to) in seconds or None,
    and ``warn``: seconds before the end when a written answer's warning shows (None: no warning)."""

    name: str
    seconds: int
    poi: tuple[float, float] | None = None
    warn: int | None = None


#: A written answer's timer warns when this many seconds are left.
ANSWER_WARNING = 60


def timed_sections(fmt: DebateFormat) -> list[TimedSection]:
    """What a timer counts for a format: every speech in order, with its POI window, for a debate;
    the whole answer first and then each part, each warning a minute before its end, for a written
    answer (a plain answer timer: no protected time, no POIs)."""
    if all(speech.side is None for speech in fmt.speeches):
        whole = TimedSection("Whole answer", round(fmt.total_minutes * 60), warn=ANSWER_WARNING)
        return [whole] + [
            TimedSection(speech.role, speech.seconds, warn=ANSWER_WARNING) for speech in fmt.speeches
        ]
    return [
        TimedSection(
            f"{speech.short} — {speech.role}" if speech.short else speech.role,
            speech.seconds,
            (speech.poi_window[0] * 60, speech.poi_window[1] * 60) if speech.poi_window else None,
        )
        for speech in fmt.speeches
    ]


_F, _A = Side.FOR, Side.AGAINST
_C, _R, _X, _P = SpeechKind.CONSTRUCTIVE, SpeechKind.REPLY, SpeechKind.CROSS_EXAMINATION, SpeechKind.REBUTTAL


def _parliamentary(
    roles: list[tuple[str, str]],
    minutes: float,
    poi_window: tuple[float, float],
    replies: tuple[str, str] | None = None,
) -> tuple[Speech, ...]:
    """Substantive speeches alternating from the side for the thesis, then, where the format has
    them, the two 4-minute replies: the side against replies first and the side for has the last word."""
    speeches = [
        Speech(role, short, (_F, _A)[i % 2], minutes, _C, poi_window) for i, (role, short) in enumerate(roles)
    ]
    if replies is not None:
        speeches += [Speech(replies[0], "OR", _A, 4, _R), Speech(replies[1], replies[1][0] + "R", _F, 4, _R)]
    return tuple(speeches)


def _table(*rows: tuple[str, str, Side, float, SpeechKind]) -> tuple[Speech, ...]:
    return tuple(Speech(*row) for row in rows)


def _answer(words: int, *parts: tuple[str, float]) -> DebateFormat:
    minutes = sum(share for _, share in parts)
    return DebateFormat(
        id=f"upsc-{words}",
        name=f"UPSC mains answer ({words} words)",
        speeches=tuple(Speech(role, "", None, share, SpeechKind.ANSWER_PART) for role, share in parts),
        prep_minutes=1,
        for_name="Thesis upheld",
        against_name="Thesis disputed",
        description=f"a written GS answer of about {words} words in about {minutes:g} minutes",
        words=words,
    )


_BP_ROLES = [
    ("Prime Minister (Opening Government)", "PM"),
    ("Leader of the Opposition (Opening Opposition)", "LO"),
    ("Deputy Prime Minister (Opening Government)", "DPM"),
    ("Deputy Leader of the Opposition (Opening Opposition)", "DLO"),
    ("Member of the Government (Closing Government)", "MG"),
    ("Member of the Opposition (Closing Opposition)", "MO"),
    ("Government Whip (Closing Government)", "GW"),
    ("Opposition Whip (Closing Opposition)", "OW"),
]
_AP_ROLES = [
    ("Prime Minister", "PM"),
    ("Leader of the Opposition", "LO"),
    ("Deputy Prime Minister", "DPM"),
    ("Deputy Leader of the Opposition", "DLO"),
    ("Government Whip", "GW"),
    ("Opposition Whip", "OW"),
]
_WSDC_ROLES = [
    (f"{order} {side}", f"{side[0]}{number}")
    for number, order in enumerate(("First", "Second", "Third"), start=1)
    for side in ("Proposition", "Opposition")
]

DEBATE_FORMATS: dict[str, DebateFormat] = {
    fmt.id: fmt
    for fmt in (
        DebateFormat(
            "bp",
            "British Parliamentary",
            _parliamentary(_BP_ROLES, 7, (1, 6)),
            15,
            "Government",
            "Opposition",
            "four teams of two; 7-minute speeches, POIs between minutes 1 and 6; no replies",
        ),
        DebateFormat(
            "ap",
            "Asian Parliamentary",
            _parliamentary(_AP_ROLES, 7, (1, 6), ("Opposition Reply", "Government Reply")),
            30,
            "Government",
            "Opposition",
            "three a side; 7-minute speeches, POIs between minutes 1 and 6; 4-minute replies",
        ),
        DebateFormat(
            "wsdc",
            "World Schools",
            _parliamentary(_WSDC_ROLES, 8, (1, 7), ("Opposition Reply", "Proposition Reply")),
            60,
            "Proposition",
            "Opposition",
            "three a side; 8-minute speeches, POIs between minutes 1 and 7; 4-minute replies",
        ),
        DebateFormat(
            "ld",
            "Lincoln–Douglas",
            _table(
                ("Affirmative Constructive", "AC", _F, 6, _C),
                ("Cross-examination of the Affirmative (by the Negative)", "CX", _A, 3, _X),
                ("Negative Constructive", "NC", _A, 7, _C),
                ("Cross-examination of the Negative (by the Affirmative)", "CX", _F, 3, _X),
                ("First Affirmative Rebuttal", "1AR", _F, 4, _P),
                ("Negative Rebuttal", "NR", _A, 6, _P),
                ("Second Affirmative Rebuttal", "2AR", _F, 3, _P),
            ),
            4,
            "Affirmative",
            "Negative",
            "one against one; 6-3-7-3-4-6-3 minutes; 4 minutes' preparation each during the round",
        ),
        DebateFormat(
            "policy",
            "Policy",
            _table(
                ("First Affirmative Constructive", "1AC", _F, 8, _C),
                ("Cross-examination of the 1AC (by the 2N)", "CX", _A, 3, _X),
                ("First Negative Constructive", "1NC", _A, 8, _C),
                ("Cross-examination of the 1NC (by the 1A)", "CX", _F, 3, _X),
                ("Second Affirmative Constructive", "2AC", _F, 8, _C),
                ("Cross-examination of the 2AC (by the 1N)", "CX", _A, 3, _X),
                ("Second Negative Constructive", "2NC", _A, 8, _C),
                ("Cross-examination of the 2NC (by the 2A)", "CX", _F, 3, _X),
                ("First Negative Rebuttal", "1NR", _A, 5, _P),
                ("First Affirmative Rebuttal", "1AR", _F, 5, _P),
                ("Second Negative Rebuttal", "2NR", _A, 5, _P),
                ("Second Affirmative Rebuttal", "2AR", _F, 5, _P),
            ),
            8,
            "Affirmative",
            "Negative",
            "two against two; 8-minute constructives, 3-minute cross-examinations, 5-minute rebuttals",
        ),
        _answer(
            150,
            ("Introduction", 1),
            ("Body: arguments", 3),
            ("Body: the other side", 1.5),
            ("Way forward and conclusion", 1.5),
        ),
        _answer(
            250,
            ("Introduction", 1.5),
            ("Body: arguments", 4.5),
            ("Body: the other side", 2.5),
            ("Way forward and conclusion", 2.5),
        ),
    )
}
