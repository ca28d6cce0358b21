"""Study notes as aspirants keep them, read into a draft map with a report of every decision.

The reader is a pipeline of rooms, each reading and adding to one result:

- :mod:`.reading` turns lines into headings, points and metadata (bounded, no backtracking);
- :mod:`.cues` holds the heading vocabulary and the cue words that say what a point is;
- :mod:`.facts` splits sentences and tells facts (figures, years, agreements) and their basis;
- :mod:`.placing` gives each point its kind, parent and reason, and finds the thesis;
- :mod:`.linking` matches answers to the counterpoints they answer by rare shared words;
- :mod:`.building` makes the valid map; :mod:`.report` the ``--explain`` / ``--json`` report.

No text of the note is lost: every point becomes a node (background it cannot place becomes
context, with a warning when that is more than a third of the note), headings and metadata go to
the map's fields and the nodes' notes. The reader is offline and deterministic.
"""

from __future__ import annotations

from argmap.formats.common import ImportResult
from argmap.formats.notes.building import build
from argmap.formats.notes.placing import place
from argmap.formats.notes.reading import NOTE_LIMIT_CHARS, read_blocks
from argmap.formats.notes.report import NoteReport, report_of

__all__ = ["NOTE_LIMIT_CHARS", "NoteReport", "explain_notes", "read_notes"]


def explain_notes(text: str, source_name: str = "notes.txt") -> tuple[ImportResult, NoteReport]:
    """The draft map of a note and the report of where each point went and why.

    Raises FormatError for an empty note or one over the size limit.
    """
    placement = place(read_blocks(text, source_name), source_name)
    result = build(placement, source_name)
    return result, report_of(placement, result)


def read_notes(text: str, source_name: str = "notes.txt") -> ImportResult:
    """The draft map of a study note (see the module docstring). Raises FormatError as above."""
    return explain_notes(text, source_name)[0]
