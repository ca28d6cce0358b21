"""Practice from a map: case files, drills with scoring, spaced repetition, Anki decks, flow sheets.

Maps are built once and reused; this package is how a debater or an aspirant reuses them. Everything
here is a pure function of a map except :class:`ProgressStore` (SQLite) — the CLI
(:mod:`argmap.commands.practice`) and the app's Practice page are thin shells over it.
"""

from argmap.practice.drills import DrillItem, DrillMode, all_drill_items, drill_items
from argmap.practice.formats import FORMATS, Format, Side, Speech, SpeechKind
from argmap.practice.progress import ProgressStore, Review, Scheduled, progress_path
from argmap.practice.scoring import DrillScore, grade_for, score_answer
from argmap.practice.sides import PracticeError

__all__ = [
    "FORMATS",
    "DrillItem",
    "DrillMode",
    "DrillScore",
    "Format",
    "PracticeError",
    "ProgressStore",
    "Review",
    "Scheduled",
    "Side",
    "Speech",
    "SpeechKind",
    "all_drill_items",
    "drill_items",
    "grade_for",
    "progress_path",
    "score_answer",
]
