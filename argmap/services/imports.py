"""Importing a file as a draft map, reviewing it as a table of points, and applying the fixes.

``argmap import`` and the Library page's import area both go through here:

- :func:`draft_from_bytes` / :func:`draft_from_text` read a file (any format argmap reads) into a
  :class:`DraftImport`: the draft map, the reader's warnings and the report of every point (for
  study notes, the line, kind, parent and why of each; for other formats, what the source said);
- :func:`table_rows` gives the draft as rows a user can edit (kind and parent of each point);
- :func:`apply_rows` builds the map from the edited rows (and a thesis typed by the user when the
  note had none), checked by the model's rules: a bad edit raises MapFileError naming the node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from argmap.formats import MAP_FORMATS, FormatError, detect_format, read_bytes, read_text
from argmap.formats.notes import NoteReport, explain_notes
from argmap.formats.notes.report import PointRow
from argmap.mapfile import map_from_data, parse_map
from argmap.model import ArgumentMap, Kind, RelationType
from argmap.rules import NewIds, default_relation, relation_for
from argmap.services.reading import YAML, read_map

#: Columns of the review table, in order; only ``kind`` and ``parent`` are meant to be edited.
COLUMNS = ("line", "id", "kind", "parent", "text", "why")
KINDS = tuple(kind.value for kind in Kind)


@dataclass(frozen=True)
class DraftImport:
    """A file read as a draft map, with what the reader decided and warned about."""

    map: ArgumentMap
    report: NoteReport
    fmt: str
    source_name: str
    warnings: list[str] = field(default_factory=list)

    @property
    def needs_thesis(self) -> bool:
        """Whether the draft has no thesis, so the user should be asked for one."""
        return self.map.thesis() is None


def draft_from_text(text: str, source_name: str, fmt: str | None = None) -> DraftImport:
    """The draft map of ``text`` in format ``fmt`` (guessed from the name and text when None).

    Raises FormatError for a format that cannot be told or text the reader cannot take.
    """
    fmt = fmt or guess_format(source_name, text)
    if fmt == YAML:
        argument_map = parse_map(text.removeprefix("\ufeff"), source_name)
        return DraftImport(argument_map, report_of_map(argument_map, [], _AS_SAID), YAML, source_name)
    if fmt == "notes":
        result, report = explain_notes(text.removeprefix("\ufeff"), source_name)
    else:
        result = read_text(text, fmt, source_name)
        report = report_of_map(
            result.map, list(result.warnings), f"as the {MAP_FORMATS[fmt].label} file says"
        )
    return DraftImport(result.map, report, fmt, source_name, list(result.warnings))


def draft_from_bytes(
    data: bytes, source_name: str, fmt: str | None = None, limit: int | None = None
) -> DraftImport:
    """The draft map of a file's bytes: the size limit and UTF-8 are checked first (see
    :func:`argmap.formats.read_bytes`). Raises FormatError."""
    fmt = fmt or guess_format(source_name, data[:65536].decode("utf-8", errors="replace"))
    if fmt == YAML:
        argument_map, warnings = read_map(data, YAML, source_name, **({"limit": limit} if limit else {}))
        return DraftImport(
            argument_map, report_of_map(argument_map, warnings, _AS_SAID), YAML, source_name, warnings
        )
    if fmt != "notes":
        result = read_bytes(data, fmt, source_name, **({"limit": limit} if limit else {}))
        report = report_of_map(
            result.map, list(result.warnings), f"as the {MAP_FORMATS[fmt].label} file says"
        )
        return DraftImport(result.map, report, fmt, source_name, list(result.warnings))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(source_name, f"not UTF-8 text (byte {exc.start})", line) from None
    if limit is not None and len(data) > limit:
        raise FormatError(source_name, f"file is {len(data):,} bytes; the limit is {limit:,} bytes")
    return draft_from_text(text, source_name, "notes")


_AS_SAID = "as the map file says"


def guess_format(source_name: str, text: str) -> str:
    """The format of a file to import or upload: argmap's own map file (:data:`YAML`) for
    ``.yaml`` / ``.yml``, else what the suffix (and for ``.txt`` the text) says. The CLI and the
    app's upload box both ask here. Raises FormatError when neither tells."""
    if PurePath(source_name).suffix.lower() in (".yaml", ".yml"):
        return YAML
    fmt = detect_format(source_name, text[:4096])
    if fmt is None:
        raise FormatError(source_name, "cannot tell the format from the suffix; pass --from")
    return fmt


def report_of_map(argument_map: ArgumentMap, warnings: list[str], why: str) -> NoteReport:
    """A report for a map read from a structured format: each node as the source gave it."""
    rows = [
        PointRow(
            0,
            node.id,
            node.kind.value,
            node.text,
            [parent for _, parent in node.parents()],
            next((relation.value for relation, _ in node.parents()), None),
            why,
        )
        for node in argument_map.nodes
    ]
    thesis = argument_map.thesis()
    return NoteReport(argument_map.title, thesis.text if thesis else None, rows, warnings)


def table_rows(draft: DraftImport) -> list[dict[str, Any]]:
    """The draft's points as rows with :data:`COLUMNS`; ``parent`` is the first parent's id or ""."""
    rows = []
    by_id = {row.node: row for row in draft.report.points}
    for node in draft.map.nodes:
        row = by_id.get(node.id)
        parents = [parent for _, parent in node.parents()]
        rows.append(
            {
                "line": row.line if row else 0,
                "id": node.id,
                "kind": node.kind.value,
                "parent": parents[0] if parents else "",
                "text": node.text,
                "why": row.why if row else "",
            }
        )
    return rows


def apply_rows(
    draft_map: ArgumentMap,
    rows: list[dict[str, Any]],
    thesis_text: str | None = None,
    where: str = "the table",
) -> ArgumentMap:
    """The draft map with each row's kind, parent and text as edited.

    A changed parent replaces the node's first parent (others are kept); the relation follows the
    kind (a counterpoint or rebuttal opposes, a recommendation opposes a counterpoint and supports
    anything else, the rest support). ``thesis_text``, when the draft has no thesis, adds one that
    every point without a parent (other than context) then argues about.

    Raises MapFileError (an ArgmapError) naming the node when an edit breaks a rule of the model,
    and ArgmapError for an unknown kind or parent.
    """
    from argmap.errors import ArgmapError

    nodes = {node.id: node for node in draft_map.nodes}
    edited: dict[str, dict[str, Any]] = {}
    for row in rows:
        node_id = str(row.get("id") or "")
        if node_id not in nodes:
            raise ArgmapError(f"{where}: no point with id {node_id!r} in the draft")
        edited[node_id] = row
    thesis_id = None
    data_nodes: list[dict[str, Any]] = []
    if thesis_text and thesis_text.strip() and draft_map.thesis() is None:
        thesis_id = NewIds(nodes).make(thesis_text, fallback="thesis")
        data_nodes.append({"id": thesis_id, "kind": Kind.THESIS.value, "text": thesis_text.strip()})
    kinds = {
        node_id: str(edited.get(node_id, {}).get("kind") or nodes[node_id].kind.value) for node_id in nodes
    }
    for node_id, kind in kinds.items():
        if kind not in KINDS:
            raise ArgmapError(f"{where}: {node_id}: unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    for node in draft_map.nodes:
        row = edited.get(node.id, {})
        kind = Kind(kinds[node.id])
        parents = [parent for _, parent in node.parents()]
        wanted = str(row.get("parent") if row.get("parent") is not None else (parents[0] if parents else ""))
        if wanted and wanted not in nodes and wanted != thesis_id:
            raise ArgmapError(f"{where}: {node.id}: no point with id {wanted!r} to be its parent")
        if not parents or wanted != parents[0]:
            parents = ([wanted] if wanted else []) + parents[1:]
        if thesis_id and not parents and kind not in (Kind.THESIS, Kind.CONTEXT):
            parents = [thesis_id]
        if kind is Kind.THESIS:
            parents = []
        node_data = node.model_dump(mode="json", by_alias=True, exclude_none=True)
        node_data.update(kind=kind.value, supports=[], opposes=[], text=str(row.get("text") or node.text))
        if kind is not Kind.EVIDENCE:
            node_data.pop("basis", None)
            node_data.pop("sources", None)
        for parent in parents:
            parent_kind = Kind(kinds[parent]) if parent in kinds else Kind.THESIS
            node_data[_relation(kind, parent_kind, node, parent).value].append(parent)
        data_nodes.append(node_data)
    data = draft_map.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["nodes"] = data_nodes
    return map_from_data(data, where)


def _relation(kind: Kind, parent_kind: Kind, node: Any, parent: str) -> RelationType:
    """The relation an edited row takes to its parent: evidence keeps the one it had (it may
    oppose); the rest take the rules' relation for the place (:func:`argmap.rules.relation_for`),
    or their usual one when none fits, so that the model's check names the node and why."""
    if kind is Kind.EVIDENCE:
        kept = {p: relation for relation, p in node.parents()}
        return kept.get(parent, RelationType.SUPPORTS)
    return relation_for(kind, parent_kind) or default_relation(kind) or RelationType.SUPPORTS
