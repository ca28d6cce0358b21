"""The outline as Markdown: headings, numbered lists, footnote-style source references.

The same :class:`~argmap.outline.model.Outline` as the Word rendering, for notes apps, Git and
quick previews. User text is escaped so that a ``*`` or ``[`` in a map never turns into markup.
"""

from __future__ import annotations

import re

from argmap.outline.model import EvidenceRef, Outline, Point, Section, Table, xml_safe

# "&" only where it would start an entity ("&amp;", "&#39;"): "Tom & Jerry" stays as typed.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~]|&(?=#?[A-Za-z0-9]+;))")
_INDENT = "   "  # three spaces: the width of "1. ", so nested lists line up under the text


def md_escape(text: str) -> str:
    """``text`` with Markdown's special characters backslash-escaped and on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(xml_safe(text).split()))


def _budget(words: int) -> str:
    return f" *(≈ {words} words)*" if words else ""


def _point_lines(point: Point, number: int, depth: int, guidance: bool = True) -> list[str]:
    label = f"**{md_escape(point.label)}**" + (": " if point.text else "") if point.label else ""
    refs = "".join(f"[^{source}]" for source in point.sources)
    lines = [f"{_INDENT * depth}{number}. {label}{md_escape(point.text)}{refs}{_budget(point.words)}"]
    if guidance and point.detail:  # the node's full text, on a line of its own below the point
        lines.append(f"{_INDENT * (depth + 1)}- *In the map, in full:* *{md_escape(point.detail)}*")
    children = 0
    for evidence in point.evidence:  # its evidence first, then its sub-points (as in the Word file)
        children += 1
        lines.append(f"{_INDENT * (depth + 1)}{children}. {_evidence_text(evidence)}")
    for sub_point in point.sub_points:
        children += 1
        lines += _point_lines(sub_point, children, depth + 1, guidance)
    return lines


def _evidence_text(evidence: EvidenceRef) -> str:
    basis = f"*{md_escape(evidence.basis.capitalize())}:* " if evidence.basis else ""
    refs = "".join(f"[^{number}]" for number in evidence.sources)
    return f"{basis}{md_escape(evidence.text)}{refs}"


def _table_lines(table: Table) -> list[str]:
    width = len(table.columns)
    lines = [
        "| " + " | ".join(md_escape(c) for c in table.columns) + " |",
        "|" + "---|" * width,
    ]
    for row in table.rows:
        cells = [md_escape(cell) for cell in row[:width]] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def _section_lines(section: Section, level: int, guidance: bool) -> list[str]:
    lines = [f"{'#' * level} {md_escape(section.title)}{_budget(section.words)}", ""]
    if guidance and section.guidance:
        lines += [f"> {md_escape(line)}" for line in section.guidance] + [""]
    if section.hint:
        lines += [f"*{md_escape(section.hint)}*", ""]
    if section.points:
        for number, point in enumerate(section.points, start=1):
            lines += _point_lines(point, number, 0, guidance)
        lines.append("")
    if section.table is not None and section.table.columns:
        lines += _table_lines(section.table)
    for subsection in section.subsections:
        lines += _section_lines(subsection, min(level + 1, 3), guidance)
    return lines


def outline_to_markdown(outline: Outline, guidance: bool = True) -> str:
    """The outline as Markdown text; ``guidance=False`` leaves out the writing guidance."""
    lines = [f"# {md_escape(outline.title)}", ""]
    if outline.prompt:
        lines += [f"**{md_escape(outline.prompt)}**", ""]
    meta = [
        f"Directive: {md_escape(outline.directive)}" if outline.directive else "",
        f"{outline.words} words" if outline.words else "",
        f"{outline.minutes} minutes" if outline.minutes else "",
        f"template `{outline.template}`" if outline.template else "",
    ]
    if any(meta):
        lines += [" · ".join(part for part in meta if part), ""]
    for note in outline.notes:
        lines += [f"> **Note:** {md_escape(note)}", ""]
    for section in outline.sections:
        lines += _section_lines(section, 2, guidance)
    if outline.sources:
        lines += ["## Sources", ""]
        lines += [f"[^{source.number}]: {md_escape(source.citation())}" for source in outline.sources]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["md_escape", "outline_to_markdown"]
