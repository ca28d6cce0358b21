"""Practice from a map: case files, drills with scoring, spaced repetition, Anki decks, flow sheets.

Maps are built once and reused; this package is how a debater or an aspirant reuses them. Everything
here is a pure function of a map except :class:`ProgressStore` (SQLite) — the CLI
(:mod:`argmap.commands.practice`) and the app's Practice page are thin shells over it.
"""

from argmap.graph import Side
from argmap.practice.case import build_case
from argmap.practice.debate_formats import DEBATE_FORMATS, DebateFormat, Speech, SpeechKind
from argmap.practice.deck import build_deck
from argmap.practice.documents import case_document, flow_document
from argmap.practice.drills import DrillItem, DrillMode, all_drill_items, drill_items
from argmap.practice.flow import flow_sheet
from argmap.practice.progress import (
    DayProgress,
    ProgressStore,
    Review,
    Scheduled,
    daily_progress,
    progress_path,
)
from argmap.practice.scoring import DrillScore, grade_for, score_answer
from argmap.practice.sides import PracticeError

__all__ = [
    "DEBATE_FORMATS",
    "DayProgress",
    "DebateFormat",
    "DrillItem",
    "DrillMode",
    "DrillScore",
    "PracticeError",
    "ProgressStore",
    "Review",
    "Scheduled",
    "Side",
    "Speech",
    "SpeechKind",
    "all_drill_items",
    "build_case",
    "build_deck",
    "case_document",
    "daily_progress",
    "drill_items",
    "flow_document",
    "flow_sheet",
    "grade_for",
    "progress_path",
    "score_answer",
]
