"""The outline: what an essay, answer or debate case should say, section by section, with budgets.

An :class:`Outline` is plain data, made by :func:`argmap.outline.builder.build_outline` from a map
or built directly by other views (the practice module's case files and flow sheets). The DOCX and
Markdown renderers read only this model, so both renderings always say the same thing.

Everything here is frozen: an outline is a value, computed again when the map changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# XML 1.0 allows tab, newline and carriage return but no other C0 control character, no lone
# surrogate and not U+FFFE/U+FFFF; python-docx raises ValueError on them, so they are removed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML 1.0 document cannot hold (control characters)."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True)
class SourceRef:
    """A numbered entry of the outline's Sources list; evidence cites it by ``number``."""

    number: int
    title: str
    publisher: str | None = None
    date: str | None = None
    url: str | None = None

    def citation(self) -> str:
        """One line: title, publisher, date and address, those that are known, comma-separated."""
        return ", ".join(part for part in (self.title, self.publisher, self.date, self.url) if part)


@dataclass(frozen=True)
class EvidenceRef:
    """A piece of evidence under a point: its text, its basis (statistic, agreement …) and the
    numbers of the sources it cites."""

    text: str
    basis: str | None = None
    sources: tuple[int, ...] = ()
    node_id: str | None = None


@dataclass(frozen=True)
class Point:
    """One numbered point: an optional bold ``label`` (a dimension or a short title), the ``text``
    to write about, its word budget (0: none shown), its sub-points and evidence.

    ``strength`` is the score the budget was shared by (None when the outline was not built from a
    map); ``node_id`` names the map node it came from; ``detail`` is the node's full text when
    ``text`` was condensed to fit the budget (see :mod:`argmap.outline.wording`); a ``fixed`` point
    is kept whole when its parent is condensed.
    """

    text: str
    label: str = ""
    words: int = 0
    sub_points: tuple[Point, ...] = ()
    evidence: tuple[EvidenceRef, ...] = ()
    node_id: str | None = None
    strength: float | None = None
    sources: tuple[int, ...] = ()  # numbered references for the point's own text (a hook's figure)
    detail: str = ""  # the node's full text when ``text`` is condensed to the budget
    fixed: bool = False  # the outline's own instruction (a debate gap's prompt): never condensed


@dataclass(frozen=True)
class Table:
    """A simple grid (for flow sheets): column headings and rows of cell text."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Section:
    """A heading with its numbered points, optional sub-sections (one level down), a table,
    writing ``guidance`` (dropped when rendering without guidance) and a ``hint`` (e.g. where a
    diagram would replace prose), which is always shown.

    ``words`` is the section's budget including its sub-sections; ``role`` says what the section is
    for (introduction, for, against, judgement, way-forward, conclusion …) so that tests and the UI
    can find it without matching titles.
    """

    title: str
    role: str = ""
    words: int = 0
    points: tuple[Point, ...] = ()
    subsections: tuple[Section, ...] = ()
    guidance: tuple[str, ...] = ()
    hint: str = ""
    table: Table | None = None

    def all_points(self) -> tuple[Point, ...]:
        """The points of this section and of its sub-sections, in reading order."""
        return self.points + tuple(p for sub in self.subsections for p in sub.all_points())


@dataclass(frozen=True)
class Outline:
    """A whole outline: title, the question it answers and its directive, the sections in order,
    the numbered sources, the word limit, and notes about the map (e.g. "the map has no thesis")
    that the reader should see whatever the guidance setting."""

    title: str
    sections: tuple[Section, ...]
    prompt: str | None = None
    directive: str | None = None
    template: str = ""
    words: int = 0
    minutes: int | None = None
    sources: tuple[SourceRef, ...] = ()
    notes: tuple[str, ...] = ()
    map_caption: str = ""
    keywords: tuple[str, ...] = field(default=())

    def budget_total(self) -> int:
        """The sum of the sections' budgets (equal to ``words`` for a built outline)."""
        return sum(section.words for section in self.sections)


__all__ = ["EvidenceRef", "Outline", "Point", "Section", "SourceRef", "Table", "xml_safe"]
