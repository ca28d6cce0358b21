"""Kialo's plain-text discussion export, read into a map.

The export is a numbered outline: ``Discussion Title: …``, the thesis as ``1. …``, then each claim
as ``1.2.1. Pro: …`` or ``Con: …`` under the claim its number extends. A claim may run over several
lines: a line that does not start with a claim number extending the thesis's (so also ``1. first
reason`` or ``2. second`` of a numbered list) continues the claim above. A claim whose whole
text is ``-> See 1.4.2.`` is a cross-link: the claim it names also supports (Pro) or attacks (Con)
this parent. Files may use CRLF line endings.

Mapping: ``1.`` is the thesis and the discussion title the map's title and question; Pro is a
support, Con an attack, and the kinds follow from polarity (a Con on a Con is a rebuttal, a Pro on
a Con a claim supporting the counterpoint; see :mod:`argmap.formats.common`). Each node notes its
Kialo number. Kialo has no writer here: Kialo imports only its own discussions.
"""

from __future__ import annotations

import re

from argmap.formats.common import Draft, Edge, FormatError, ImportResult, assemble
from argmap.model import Kind, RelationType

_TITLE = re.compile(r"^\s*Discussion Title:\s*(?P<title>.*)$")
_CLAIM = re.compile(r"^(?P<number>\d+(?:\.\d+)*)(?P<dot>\.)?\s+(?:(?P<side>Pro|Con):\s*)?(?P<text>.*)$")
_SEE = re.compile(r"^->\s*See\s+(?P<number>\d+(?:\.\d+)*)\.?\s*$")
_SIDE = {"Pro": RelationType.SUPPORTS, "Con": RelationType.OPPOSES}


def looks_like_kialo(text: str) -> bool:
    """Whether text has the shape of a Kialo export (used to tell it from a study note)."""
    head = text.lstrip("\ufeff").lstrip()
    if head.startswith("Discussion Title:"):
        return True
    return (
        bool(re.match(r"1\.\s", head)) and re.search(r"(?m)^1(?:\.\d+)+\.\s+(?:Pro|Con):", text) is not None
    )


def _starts_claim(claim: re.Match[str], thesis: str | None) -> bool:
    """Whether a numbered line starts a claim, by Kialo's numbering, or continues the claim above.

    Before the thesis, any numbered line starts it. After it, a claim's number extends the
    thesis's (``1.2.1.`` under ``1.``), so a line numbered otherwise (``1. first reason``,
    ``2. second``, ``3.5 million``) is text of the claim above, such as a numbered list; only a
    depth-0 line marked ``Pro:`` or ``Con:`` is taken as a (refused) second thesis.
    """
    if thesis is None:
        return True
    key = claim["number"]
    if "." not in key:
        return claim["side"] is not None
    return key.startswith(thesis + ".") and (claim["side"] is not None or claim["dot"] is not None)


def read_kialo(text: str, source_name: str = "kialo.txt") -> ImportResult:
    """Read a Kialo text export. Raises FormatError naming the line of the first malformed claim."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title: str | None = None
    claims: dict[str, tuple[int, RelationType | None, list[str]]] = {}
    order: list[str] = []
    current: str | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        heading = _TITLE.match(line)
        if heading and title is None and not claims:
            title = heading["title"].strip()
            continue
        claim = _CLAIM.match(line.strip())
        if claim and _starts_claim(claim, order[0] if order else None):
            key = claim["number"]
            depth = key.count(".")
            if depth == 0 and claims:
                raise FormatError(
                    source_name, f"a second thesis {key}.; a discussion has one, '1.'", number, 1
                )
            if key in claims:
                raise FormatError(source_name, f"claim {key}. appears twice", number, 1)
            if depth > 0 and not claim["side"]:
                raise FormatError(source_name, f"claim {key}. needs 'Pro:' or 'Con:'", number, len(key) + 3)
            if depth > 0 and key.rsplit(".", 1)[0] not in claims:
                parent = key.rsplit(".", 1)[0]
                raise FormatError(source_name, f"claim {key}. comes before its parent {parent}.", number, 1)
            side = _SIDE[claim["side"]] if claim["side"] else None
            claims[key] = (number, side, [claim["text"].strip()])
            order.append(key)
            current = key
            continue
        if current is None:
            raise FormatError(
                source_name, "expected 'Discussion Title:' or the thesis line '1. …' here", number, 1
            )
        claims[current][2].append(line.strip())  # a claim that runs over several lines
    if not claims:
        raise FormatError(
            source_name, "no claims found: a Kialo export starts with the thesis line '1. …'", 1
        )

    warnings: list[str] = []
    drafts: list[Draft] = []
    edges: list[Edge] = []
    for key in order:
        at, side, parts = claims[key]
        body = "\n".join(part for part in parts if part)
        parent = key.rsplit(".", 1)[0] if "." in key else None
        see = _SEE.match(body)
        if see and parent is not None and side is not None:
            target = see["number"]
            if target not in claims:
                warnings.append(
                    f"{source_name}:{at}: cross-link to {target}. which is not in the file; left out"
                )
            else:
                edges.append(Edge(target, parent, side))
            continue
        if not body:
            raise FormatError(source_name, f"claim {key}. has no text", at)
        drafts.append(
            Draft(key, body, kind=Kind.THESIS if parent is None else None, notes=[f"Kialo claim {key}."])
        )
        if parent is not None and side is not None:
            edges.append(Edge(key, parent, side))
    thesis_text = claims[order[0]][2][0] if order else ""
    return assemble(
        title or thesis_text or "Kialo discussion",
        drafts,
        edges,
        where=source_name,
        warnings=warnings,
        question=title,
        thesis_key=order[0],
    )
