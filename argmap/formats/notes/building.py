"""From placed points to a valid map: drafts, relations, the note as a (weak) source, map fields."""

from __future__ import annotations

import re
from pathlib import PurePath

from argmap.analysis.strength import EVIDENCE_BASE
from argmap.formats.common import Draft, Edge, ImportResult, assemble, one_line, tag_slug
from argmap.formats.notes.placing import Placement
from argmap.model import Kind, RelationType


def build(placement: Placement, source_name: str) -> ImportResult:
    """The draft map of a placed note. Evidence cites the note as a study note and starts with
    the score of unsourced evidence, so it never looks as strong as a published source."""
    drafts: list[Draft] = []
    edges: list[Edge] = []
    source = {"title": f"{PurePath(source_name).name} (study note)"}
    for placed in placement.points:
        under = (
            placed.path
            if placed.path and placed.heading and placed.path != placed.heading
            else placed.heading
        )
        where = (
            f"From {source_name}, line {placed.line}"
            + (f" (after '{placed.lead}')" if placed.lead else "")
            + (f", under '{under}'" if under else "")
            + "."
        )
        draft = Draft(
            placed.key,
            placed.text,
            label=placed.label,
            kind=placed.kind,
            tags=[tag for tag in (tag_slug(t) for t in placed.tags) if tag],
            notes=[where],
        )
        if placed.kind is Kind.EVIDENCE:
            draft.basis = placed.basis.value if placed.basis else None
            draft.sources = [source]
            draft.score = EVIDENCE_BASE[placed.basis][1]
        drafts.append(draft)
        if placed.parent is not None and placed.relation is not None:
            edges.append(Edge(placed.key, placed.parent, placed.relation))
            edges.extend(Edge(placed.key, other, RelationType.OPPOSES) for other in placed.also)
    if placement.meta_lines and drafts:
        holder = next((d for d in drafts if d.key == placement.thesis), drafts[0])
        holder.notes.extend(placement.meta_lines)
    title = one_line(placement.title) if placement.title else _title_from_name(source_name)
    return assemble(
        title,
        drafts,
        edges,
        where=source_name,
        warnings=placement.warnings,
        question=placement.question,
        conclusion=placement.conclusion,
        thesis_key=placement.thesis,
        map_tags=[tag for tag in (tag_slug(t) for t in placement.tags) if tag],
    )


def _title_from_name(source_name: str) -> str:
    stem = PurePath(source_name).name.split(".")[0]
    return " ".join(word.capitalize() for word in re.split(r"[-_\s]+", stem) if word) or "Imported notes"
