"""The report of a note's import: every point with its line, the kind and parent it got, and why."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from argmap.formats.common import ImportResult
from argmap.formats.notes.placing import Placement


@dataclass(frozen=True)
class PointRow:
    """One point of the note as the reader placed it; ``node`` and ``parents`` are map node ids."""

    line: int
    node: str
    kind: str
    text: str
    parents: list[str]
    relation: str | None
    why: str


@dataclass(frozen=True)
class NoteReport:
    """What the reader decided: the map's title and thesis, each point, and the warnings."""

    title: str
    thesis: str | None
    points: list[PointRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_data(self) -> dict:
        """The report as plain data (for ``--json``)."""
        return asdict(self)

    def as_text(self) -> str:
        """The report as lines for a terminal: ``line  kind  -> parent  text  (why)``."""
        out = [f"title: {self.title}", f"thesis: {self.thesis or '(none found)'}", ""]
        for row in self.points:
            parents = ", ".join(row.parents) if row.parents else "-"
            out.append(f"{row.line:>4}  {row.kind:<14} {row.node} -> {parents}")
            out.append(f"      {_short(row.text)}")
            out.append(f"      why: {row.why}")
        if self.warnings:
            out.append("")
            out += [f"warning: {warning}" for warning in self.warnings]
        return "\n".join(out)


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_of(placement: Placement, result: ImportResult) -> NoteReport:
    """The report of a placed note and the map built from it (nodes are in the points' order)."""
    argument_map = result.map
    rows = []
    thesis = argument_map.thesis()
    for placed, node in zip(placement.points, argument_map.nodes, strict=True):
        parents = [parent for _, parent in node.parents()]
        relation = node.parents().__next__()[0].value if parents else None
        rows.append(PointRow(placed.line, node.id, node.kind.value, node.text, parents, relation, placed.why))
    return NoteReport(argument_map.title, thesis.text if thesis else None, rows, list(result.warnings))
