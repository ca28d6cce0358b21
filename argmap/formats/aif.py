"""AIF JSON (the Argument Interchange Format as AIFdb and xAIF write it), read and written.

Reading. The file is either AIFdb's ``{"nodes", "edges", "locutions"}`` or xAIF, which wraps the
same under a top-level ``"AIF"`` key. Node ids may be strings or integers; ``locutions`` and
``participants`` may be missing.

- An I node (information) becomes a statement; its kind comes from the relation structure (see
  :mod:`argmap.formats.common`) unless the node carries argmap's own ``"argmap"`` record.
- RA (inference): each premise I -> RA -> I conclusion becomes "premise supports conclusion".
- CA (conflict): I -> CA -> I becomes "attacker opposes target". A CA aimed at an RA node is an
  undercut, and argmap has no relation on a relation: it is kept as an attack on that inference's
  conclusion, with a note on the attacker and a warning.
- MA (rephrase): I -> MA -> I becomes a support of the rephrased statement, noted as a rephrase.
- PA (preference) and the dialogue layer (L locutions, YA illocutions, TA transitions) are not
  argument structure and are skipped; the speaker of a statement (found through L -> YA -> I and the
  locution's participant, or the ``Name: text`` form of the L node) is kept in the node's notes.
- Odd but valid JSON is refused in one line naming the file and the node and field, never read
  half-way: ``locutions`` or ``participants`` that are not lists, an ``"argmap"`` record whose
  fields have the wrong type (tags not a list of text, a source without a text title, a score
  outside 0..1), or nesting too deep to read. A ``null`` field counts as missing.

Writing is deterministic: I nodes numbered in map order, then one RA or CA node per relation, edges
in the same order, no timestamps. Each I node carries an ``"argmap"`` record (id, kind, label,
tags, basis, sources, score, notes) and the file an ``"argmap"`` record of the map's own fields, so
that a map survives the round trip exactly; other AIF tools ignore keys they do not know.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from argmap.bounded_yaml import MAX_INT_DIGITS
from argmap.formats.common import Draft, Edge, FormatError, ImportResult, assemble, one_line
from argmap.mapfile import map_to_data
from argmap.model import ArgumentMap, Kind, RelationType

_DIALOGUE = frozenset({"L", "YA", "TA"})
_MAP_FIELDS = ("question", "directive", "tags", "vocabulary", "conclusion")


def read_aif(text: str, source_name: str = "map.json") -> ImportResult:
    """Read AIFdb or xAIF JSON. Raises FormatError naming the line (bad JSON) or the node/edge id."""
    document = _load_json(text, source_name)
    if isinstance(document, dict) and isinstance(document.get("AIF"), dict):
        extension = document.get("argmap")
        document = document["AIF"]
    else:
        extension = document.get("argmap") if isinstance(document, dict) else None
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        raise FormatError(
            source_name, "not AIF: expected an object with a 'nodes' list (or xAIF's 'AIF' key)"
        )
    edges_raw = document.get("edges", [])
    if not isinstance(edges_raw, list):
        raise FormatError(source_name, "not AIF: 'edges' must be a list")

    nodes: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for index, node in enumerate(document["nodes"], start=1):
        if not isinstance(node, dict) or "nodeID" not in node:
            raise FormatError(source_name, f"node #{index} has no nodeID")
        node_id = str(node["nodeID"])
        if node_id in nodes:
            raise FormatError(source_name, f"node {node_id!r} appears twice")
        kind = node.get("type")
        if not isinstance(kind, str):
            raise FormatError(source_name, f"node {node_id!r} has no type (I, RA, CA, MA, …)")
        if kind == "I" and not (isinstance(node.get("text"), str) and node["text"].strip()):
            raise FormatError(source_name, f"I node {node_id!r} has no text")
        nodes[node_id] = node
        order.append(node_id)

    incoming: dict[str, list[str]] = defaultdict(list)
    outgoing: dict[str, list[str]] = defaultdict(list)
    for index, edge in enumerate(edges_raw, start=1):
        if not isinstance(edge, dict) or "fromID" not in edge or "toID" not in edge:
            raise FormatError(source_name, f"edge #{index} needs fromID and toID")
        source, target = str(edge["fromID"]), str(edge["toID"])
        for end in (source, target):
            if end not in nodes:
                name = edge.get("edgeID", f"#{index}")
                raise FormatError(
                    source_name, f"edge {name} refers to node {end!r}, which is not in the file"
                )
        outgoing[source].append(target)
        incoming[target].append(source)

    statements = [node_id for node_id in order if nodes[node_id]["type"] == "I"]
    warnings: list[str] = []
    if not statements:
        if not isinstance(extension, dict):
            raise FormatError(source_name, "the file has no I nodes (statements) to import")
        # a map with no nodes yet, as argmap writes one
        warnings.append(f"{source_name}: the file has no I nodes (statements); the map has no nodes")
    speakers = _speakers(document, nodes, incoming, source_name)
    drafts: dict[str, Draft] = {}
    for node_id in statements:
        drafts[node_id] = _draft(node_id, nodes[node_id], speakers.get(node_id), warnings, source_name)

    edges: list[Edge] = []
    skipped: dict[str, int] = defaultdict(int)
    for node_id in order:
        node_type = nodes[node_id]["type"]
        if node_type == "I":
            continue
        if node_type in _DIALOGUE or node_type == "PA":
            skipped[node_type] += 1
            continue
        if node_type not in ("RA", "CA", "MA"):
            skipped[node_type] += 1
            continue
        sources = [s for s in incoming[node_id] if nodes[s]["type"] == "I"]
        for target in outgoing[node_id]:
            target_type = nodes[target]["type"]
            if target_type == "I":
                relation = RelationType.OPPOSES if node_type == "CA" else RelationType.SUPPORTS
                for source in sources:
                    edges.append(Edge(source, target, relation))
                    if node_type == "MA":
                        drafts[source].notes.append(f"Rephrases AIF node {target} (MA {node_id}).")
            elif node_type == "CA" and target_type == "RA":
                conclusions = [c for c in outgoing[target] if nodes[c]["type"] == "I"]
                for source in sources:
                    for conclusion in conclusions:
                        edges.append(Edge(source, conclusion, RelationType.OPPOSES))
                    drafts[source].notes.append(
                        f"Undercuts the inference {target} (AIF CA {node_id}); kept as an attack on its conclusion."
                    )
                warnings.append(
                    f"{source_name}: node {node_id}: undercut of inference {target} kept as an attack on its conclusion"
                )
            else:
                warnings.append(
                    f"{source_name}: node {node_id}: {node_type} aimed at a {target_type} node is not supported; left out"
                )
    if skipped:
        listed = ", ".join(f"{count} {kind}" for kind, count in sorted(skipped.items()))
        warnings.append(f"{source_name}: skipped nodes outside the argument layer: {listed}")

    fields = extension if isinstance(extension, dict) else {}
    for name in ("title", "question", "conclusion"):
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise FormatError(source_name, f"the file's 'argmap' record: {name!r} must be text")
    title = fields.get("title")
    if title is None:
        raw_text = document.get("text") if isinstance(document.get("text"), str) else None
        title = source_name.rsplit("/", 1)[-1].removesuffix(".json").removesuffix(".aif")
        if raw_text and not raw_text.lstrip().startswith("<"):
            title = one_line(raw_text)[:80] or title
    result = assemble(
        title,
        [drafts[node_id] for node_id in statements],
        edges,
        where=source_name,
        warnings=warnings,
        question=fields.get("question"),
        conclusion=fields.get("conclusion"),
    )
    return _with_map_fields(result, fields, source_name)


_MAX_DEPTH = 64  # AIF nests 3 deep, xAIF 5
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*+"')
_BRACKETS = re.compile(r"[\[\]{}]")
_LONG_NUMBER = re.compile(rf"[0-9]{{{MAX_INT_DIGITS + 1}}}")


def _load_json(text: str, where: str) -> Any:
    """The JSON value of ``text``, its nesting checked before the parser sees it (linear time)."""
    shape = _STRINGS.sub('""', text)  # JSON strings hold no raw line breaks: lines stay true
    depth = 0
    for bracket in _BRACKETS.finditer(shape):
        depth += 1 if bracket[0] in "[{" else -1
        if depth > _MAX_DEPTH:
            line = shape.count("\n", 0, bracket.start()) + 1
            raise FormatError(
                where, f"not valid AIF: lists and objects nested more than {_MAX_DEPTH} deep", line
            )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(where, f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except ValueError:  # an int of too many digits for Python to read
        long_number = _LONG_NUMBER.search(text)
        at = text.count("\n", 0, long_number.start()) + 1 if long_number else None
        raise FormatError(
            where, f"not valid AIF: a number of more than {MAX_INT_DIGITS:,} digits", at
        ) from None


def _draft(node_id: str, node: dict[str, Any], speaker: str | None, warnings: list[str], where: str) -> Draft:
    draft = Draft(node_id, node["text"])
    record = node.get("argmap")
    if record is not None and not isinstance(record, dict):
        raise FormatError(where, f"I node {node_id!r}: its 'argmap' record must be an object")
    if record is not None:

        def field(name: str, expected: type | tuple[type, ...], what: str) -> Any:
            value = record.get(name)
            if value is not None and (not isinstance(value, expected) or isinstance(value, bool)):
                raise FormatError(where, f"I node {node_id!r}: argmap field {name!r} must be {what}")
            return value

        draft.id_hint = field("id", str, "text")
        kind = field("kind", str, "text")
        try:
            draft.kind = Kind(kind) if kind is not None else None
        except ValueError:
            warnings.append(f"{where}: node {node_id}: unknown kind {kind!r}; inferred instead")
        draft.label = field("label", str, "text")
        tags = field("tags", list, "a list of text") or []
        if not all(isinstance(tag, str) for tag in tags):
            raise FormatError(where, f"I node {node_id!r}: argmap field 'tags' must be a list of text")
        draft.tags = tags
        draft.basis = field("basis", str, "text")
        draft.sources = _sources(field("sources", list, "a list of objects") or [], node_id, where)
        score = field("score", (int, float), "a number from 0 to 1")
        if score is not None and not 0 <= score <= 1:
            raise FormatError(where, f"I node {node_id!r}: argmap field 'score' must be a number from 0 to 1")
        draft.score = None if score is None else float(score)
        notes = field("notes", str, "text")
        if notes is not None:
            draft.notes.append(notes)
    else:
        draft.notes.append(f"AIF node {node_id}.")
    if speaker:
        draft.notes.append(f"Speaker: {speaker}.")
    return draft


def _sources(raw: list[Any], node_id: str, where: str) -> list[dict[str, str]]:
    """An I node's argmap sources, each an object with a text title and text (or null) other fields."""
    sources: list[dict[str, str]] = []
    for number, source in enumerate(raw, start=1):
        place = f"I node {node_id!r}: argmap field 'sources' item #{number}"
        if not isinstance(source, dict):
            raise FormatError(where, f"{place} must be an object")
        title = source.get("title")
        if not isinstance(title, str) or not title.strip():
            raise FormatError(where, f"{place} needs a 'title' that is text")
        for key, value in source.items():
            if value is not None and not isinstance(value, str):
                raise FormatError(where, f"{place}: {key!r} must be text")
        sources.append(source)
    return sources


def _speakers(
    document: dict[str, Any], nodes: dict[str, dict[str, Any]], incoming: dict[str, list[str]], where: str
) -> dict[str, str]:
    """Speaker name of each I node, from L -> YA -> I and the locution's participant."""
    for name in ("participants", "locutions"):
        if document.get(name) is not None and not isinstance(document[name], list):
            raise FormatError(where, f"not AIF: {name!r} must be a list")
    people: dict[str, str] = {}
    for participant in document.get("participants") or []:
        if isinstance(participant, dict) and "participantID" in participant:
            name = " ".join(str(participant.get(k, "")).strip() for k in ("firstname", "surname")).strip()
            if name:
                people[str(participant["participantID"])] = name
    by_locution: dict[str, str] = {}
    for locution in document.get("locutions") or []:
        if isinstance(locution, dict) and str(locution.get("personID")) in people:
            by_locution[str(locution.get("nodeID"))] = people[str(locution["personID"])]
    speakers: dict[str, str] = {}
    for node_id, node in nodes.items():
        if node["type"] != "I":
            continue
        for ya in incoming.get(node_id, []):
            if nodes[ya]["type"] != "YA":
                continue
            for locution in incoming.get(ya, []):
                if nodes[locution]["type"] != "L":
                    continue
                speaker = by_locution.get(locution)
                text = nodes[locution].get("text")
                if speaker is None and isinstance(text, str) and ": " in text:
                    speaker = text.split(": ", 1)[0].strip()
                if speaker:
                    speakers.setdefault(node_id, speaker)
    return speakers


def _with_map_fields(result: ImportResult, fields: dict[str, Any], where: str) -> ImportResult:
    extra = {k: fields[k] for k in ("directive", "tags", "vocabulary") if fields.get(k)}
    if not extra:
        return result
    from argmap.mapfile import map_from_data

    data = map_to_data(result.map)
    data.update(extra)
    return ImportResult(map_from_data(dict(data), where), result.warnings)


def write_aif(argument_map: ArgumentMap) -> str:
    """The map as AIFdb-style JSON text (nodes, edges, empty locutions), the same bytes every time."""
    numbers = {node.id: str(index) for index, node in enumerate(argument_map.nodes, start=1)}
    nodes: list[dict[str, Any]] = []
    data = map_to_data(argument_map)
    for raw, node in zip(data.get("nodes", []), argument_map.nodes, strict=True):
        record = {k: v for k, v in raw.items() if k not in ("text", "supports", "opposes")}
        nodes.append({"nodeID": numbers[node.id], "text": node.text, "type": "I", "argmap": record})
    edges: list[dict[str, Any]] = []
    next_id = len(argument_map.nodes) + 1
    for relation in argument_map.relations():
        scheme = str(next_id)
        is_support = relation.type is RelationType.SUPPORTS
        nodes.append(
            {
                "nodeID": scheme,
                "text": "Default Inference" if is_support else "Default Conflict",
                "type": "RA" if is_support else "CA",
            }
        )
        for source, target in ((numbers[relation.source], scheme), (scheme, numbers[relation.target])):
            edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target})
        next_id += 1
    header = {k: v for k, v in data.items() if k not in ("nodes", "schema")}
    document = {"nodes": nodes, "edges": edges, "locutions": [], "argmap": header}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
