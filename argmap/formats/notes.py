"""Study notes in the common shape of civil-services material, read into a draft map.

Such a note has a ``Context-`` paragraph, headed groups of bullets and a closing paragraph:

- a ``Context-`` paragraph and sections headed like background ("India Russia Relations",
  "Background") become context nodes;
- bullets under "Significance of X", "Areas of convergence", "Opportunities" … become claims
  supporting the thesis;
- bullets under "Challenges", "Irritants", "Concerns" … become counterpoints opposing it; bullets
  nested under a challenge become its evidence (nested bullets under a claim or a recommendation
  likewise become evidence supporting it);
- bullets under "Way Forward", "Recommendations" … become recommendations supporting it;
- the closing paragraph (or the paragraph under a "Conclusion" heading) gives the thesis: its
  first sentence is the thesis text and the whole paragraph the map's conclusion;
- a note that is one paragraph and nothing else is its own closing paragraph, so it gives the
  thesis and the conclusion (a one-point note states a position to argue), unless it is marked
  ``Context-``; a note whose lines all read like headings is taken the same way, its last line
  being the paragraph (a one-line note thus gives both the title and the thesis);
- a heading with nothing under it, other than the one that gives the map its title, becomes a
  context node, with a warning;
- a bullet written ``Heading- text`` gives the node its label (the heading) and, when the heading
  is short, a tag; evidence cites the note as its source.

A group of bullets with no heading of its own (separated from the previous group by two or more
blank lines) is read as challenges when it carries at least two words of difficulty ("sanctions",
"alarmed", "decline" …), otherwise as more of the section before it; either way a warning says so.
Anything that cannot be placed (a stray paragraph inside a section) becomes a context node and is
listed in a warning, so no text of the note is lost. The reader is deterministic and offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from argmap.formats.common import Draft, Edge, FormatError, ImportResult, assemble, one_line, tag_slug
from argmap.model import Kind, RelationType, derive_label

_BULLET = re.compile(r"^(?P<indent>\s*)(?:[•●◦▪▫·‣∙○■□*➢➤►\-–—]|\d{1,2}[.)]|[a-z][.)])\s+(?P<text>\S.*)$")
_CONTEXT = re.compile(r"^\s*context\s*[-–—:]\s*(?P<text>.*)$", re.IGNORECASE)
# "Defence- text", "Space cooperation - text", or a heading alone that ends in a dash.
_HEADED = re.compile(r"^(?P<head>[^\s\-–—:.][^.:;!?]*?)\s*(?:[-–—]\s+|:\s+|[-–—:]\s*$)(?P<text>.*)$")
_MARKDOWN_HEADING = re.compile(r"^\s*(?:#{1,6}\s+|\*\*)(?P<text>.+?)(?:\*\*)?\s*:?\s*$")

_SECTION_WORDS: tuple[tuple[Kind, tuple[str, ...]], ...] = (
    (Kind.THESIS, ("conclusion", "concluding", "in conclusion")),
    (
        Kind.RECOMMENDATION,
        (
            "way forward",
            "way ahead",
            "road ahead",
            "recommendation",
            "suggestion",
            "measures",
            "steps needed",
            "steps to",
            "what should",
            "what needs",
            "solutions",
            "the path ahead",
        ),
    ),
    (
        Kind.COUNTERPOINT,
        (
            "challenge",
            "irritant",
            "concern",
            "issue",
            "hurdle",
            "obstacle",
            "problem",
            "limitation",
            "criticism",
            "divergence",
            "friction",
            "constraint",
            "risk",
            "bottleneck",
            "impediment",
            "difficult",
            "drawback",
            "weakness",
            "threat",
            "area of difference",
            "areas of difference",
        ),
    ),
    (
        Kind.CLAIM,
        (
            "significance",
            "convergence",
            "importance",
            "opportunit",
            "benefit",
            "advantage",
            "cooperation",
            "achievement",
            "pillar",
            "strength",
            "areas of",
            "why ",
            "need for",
            "merits",
            "positive",
            "potential",
            "gains",
        ),
    ),
)

_TROUBLE_WORDS = (
    "alarm",
    "sanction",
    "decline",
    "tension",
    "mistrust",
    "suspicion",
    "dispute",
    "conflict",
    "strain",
    "irritant",
    "concern",
    "threat",
    "hostil",
    "expansionis",
    "isolate",
    "suffer",
    "not in synergy",
    "drawback",
    "friction",
    "rivalry",
    "clash",
    "deficit",
    "delay",
    "hesitat",
    "worr",
    "impede",
    "obstacle",
    "setback",
    "divergen",
    "imbalance",
    "however",
)

_HEADING_TAG_WORDS = 4
_GENERIC_HEADINGS = frozenset(
    {"background", "introduction", "context", "about", "overview", "history", "news"}
)


@dataclass
class _Item:
    line: int
    text: str
    indent: int
    children: list[_Item] = field(default_factory=list)


@dataclass
class _Section:
    kind: Kind
    heading: str | None
    line: int
    items: list[_Item] = field(default_factory=list)
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    marked: bool = False  # a paragraph the note itself marks "Context-"


def _section_kind(heading: str) -> Kind:
    lowered = heading.lower()
    for kind, words in _SECTION_WORDS:
        if any(word in lowered for word in words):
            return kind
    return Kind.CONTEXT


def _is_heading(line: str) -> bool:
    text = line.strip()
    if _MARKDOWN_HEADING.match(line):
        return True
    words = text.rstrip(":").split()
    if not 1 <= len(words) <= 10 or len(text) > 90:
        return False
    return not re.search(r"[.;!?,]$", text) and text[0].isupper()


def read_notes(text: str, source_name: str = "notes.txt") -> ImportResult:
    """Read a study note into a draft map (see the module docstring for what goes where).

    Raises FormatError when the note has no text at all.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(line.strip() for line in lines):
        raise FormatError(source_name, "the note is empty", 1)
    sections = _read_sections(lines)
    if not any(section.items or section.paragraphs for section in sections):
        # only lines that read like headings: the last is the note's one point, not a heading
        last = sections[-1]
        last.paragraphs.append((last.line, last.heading or ""))
    warnings: list[str] = []
    closing = _closing_paragraph(sections)
    return _build(sections, closing, source_name, warnings)


def _read_sections(lines: list[str]) -> list[_Section]:
    sections: list[_Section] = [_Section(Kind.CONTEXT, None, 1)]
    blank_run = 0
    stack: list[_Item] = []  # the open bullets, outermost first
    last_was_bullet = False
    for number, raw in enumerate(lines, start=1):
        line = raw.replace("\t", "    ").rstrip()
        if not line.strip():
            blank_run += 1
            continue
        section = sections[-1]
        bullet = _BULLET.match(line)
        if bullet:
            indent = len(bullet["indent"])
            if blank_run >= 2 and last_was_bullet and section.items:
                section = _Section(_unheaded_kind(section), None, number)
                sections.append(section)
                stack = []
            item = _Item(number, bullet["text"].strip(), indent)
            while stack and stack[-1].indent >= indent:
                stack.pop()
            (stack[-1].children if stack else section.items).append(item)
            stack.append(item)
            last_was_bullet, blank_run = True, 0
            continue
        if last_was_bullet and blank_run == 0 and stack and raw[:1].isspace():
            stack[-1].text += " " + line.strip()  # a wrapped bullet
            continue
        context = _CONTEXT.match(line)
        if context and context["text"]:
            section = _Section(Kind.CONTEXT, None, number, marked=True)
            section.paragraphs.append((number, context["text"].strip()))
            sections.append(section)
        elif _is_heading(line) and not (blank_run == 0 and section.paragraphs and not last_was_bullet):
            heading = _MARKDOWN_HEADING.match(line)
            name = (heading["text"] if heading else line).strip().rstrip(":").strip("* ")
            sections.append(_Section(_section_kind(name), name, number))
        elif blank_run == 0 and section.paragraphs and not last_was_bullet:
            start, previous = section.paragraphs[-1]
            section.paragraphs[-1] = (start, previous + " " + line.strip())
        else:
            section.paragraphs.append((number, line.strip()))
        stack = []
        last_was_bullet, blank_run = False, 0
    return [s for s in sections if s.items or s.paragraphs or s.heading]


def _unheaded_kind(previous: _Section) -> Kind:
    """The kind of a bullet group without a heading (decided later, once its text is known)."""
    return Kind.CONTEXT if previous.kind is Kind.CONTEXT and previous.heading is None else previous.kind


def _closing_paragraph(sections: list[_Section]) -> tuple[_Section, int, str] | None:
    for section in sections:
        if section.kind is Kind.THESIS and section.paragraphs:
            line, text = section.paragraphs[0]
            return section, line, text
    last = sections[-1] if sections else None
    if last is not None and last.paragraphs:
        line, text = last.paragraphs[-1]
        last_bullet = max((item.line for item in _walk(last.items)), default=0)
        alone = len(sections) == 1 and not last.items and len(last.paragraphs) == 1 and not last.marked
        if line > last_bullet and (last.heading is not None or len(sections) > 1 or alone):
            return last, line, text
    return None


def _walk(items: list[_Item]) -> list[_Item]:
    out: list[_Item] = []
    for item in items:
        out.append(item)
        out.extend(_walk(item.children))
    return out


def _trouble_words(section: _Section) -> list[str]:
    text = " ".join(item.text for item in _walk(section.items)).lower()
    return [word for word in _TROUBLE_WORDS if word in text]


def _build(
    sections: list[_Section],
    closing: tuple[_Section, int, str] | None,
    source_name: str,
    warnings: list[str],
) -> ImportResult:
    drafts: list[Draft] = []
    edges: list[Edge] = []
    source = {"title": source_name}
    title = _title(sections, source_name)
    title_section = _title_section(sections)
    thesis_key: str | None = None
    conclusion: str | None = None
    if closing is not None:
        _, line, paragraph = closing
        first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph, maxsplit=1)[0]
        thesis_key = f"line-{line}"
        drafts.append(Draft(thesis_key, first, kind=Kind.THESIS, notes=[f"From {source_name}, line {line}."]))
        conclusion = paragraph
    else:
        warnings.append(f"{source_name}: no closing paragraph, so the map has no thesis")

    def add(item_or_line: _Item | tuple[int, str], kind: Kind, section: _Section, parent: str | None) -> str:
        line, raw = (
            (item_or_line.line, item_or_line.text) if isinstance(item_or_line, _Item) else item_or_line
        )
        key = f"line-{line}"
        label, body, tags = _split_heading(raw)
        if not body:  # a heading alone ("India's tilt to the West-"): the heading is the point
            body, label = label or raw, None
        draft = Draft(
            key, body, label=label, kind=kind, tags=tags, notes=[f"From {source_name}, line {line}."]
        )
        if kind is Kind.EVIDENCE:
            draft.sources = [source]
        drafts.append(draft)
        if parent is not None:
            relation = (
                RelationType.OPPOSES if kind in (Kind.COUNTERPOINT, Kind.REBUTTAL) else RelationType.SUPPORTS
            )
            edges.append(Edge(key, parent, relation))
        return key

    for section in sections:
        kind = section.kind
        if (
            section.heading is None
            and section.items
            and kind is not Kind.CONTEXT
            and section is not sections[0]
        ):
            trouble = _trouble_words(section)
            if len(trouble) >= 2:
                kind = Kind.COUNTERPOINT
                warnings.append(
                    f"{source_name}:{section.line}: bullets with no heading read as challenges "
                    f"(they mention {', '.join(trouble[:4])})"
                )
            else:
                warnings.append(
                    f"{source_name}:{section.line}: bullets with no heading kept with the section before them"
                )
        if kind is Kind.THESIS:
            kind = Kind.CONTEXT  # a Conclusion section's other paragraphs are background
        if section.heading and not section.items and not section.paragraphs and section is not title_section:
            add((section.line, section.heading), Kind.CONTEXT, section, None)
            warnings.append(
                f"{source_name}:{section.line}: heading {derive_label(section.heading)!r} has nothing "
                "under it; kept as context"
            )
        for line, paragraph in section.paragraphs:
            if closing is not None and line == closing[1]:
                continue
            add((line, paragraph), Kind.CONTEXT, section, None)
            if kind is not Kind.CONTEXT:
                warnings.append(
                    f"{source_name}:{line}: paragraph {derive_label(paragraph)!r} could not be placed; "
                    "kept as context"
                )
        parent = thesis_key if kind is not Kind.CONTEXT else None
        for item in section.items:
            key = add(item, kind, section, parent)
            child_kind = Kind.CONTEXT if kind is Kind.CONTEXT else Kind.EVIDENCE
            for nested in _walk(item.children):
                add(nested, child_kind, section, key)
    return assemble(
        title,
        drafts,
        edges,
        where=source_name,
        warnings=warnings,
        conclusion=conclusion,
        thesis_key=thesis_key,
    )


def _split_heading(text: str) -> tuple[str | None, str, list[str]]:
    """``Heading- text`` as (label, text, tags); a bullet without such a heading keeps its text."""
    match = _HEADED.match(text)
    if not match:
        return None, text, []
    head, body = match["head"].strip(), match["text"].strip()
    words = head.split()
    if not words or not head[0].isupper() or len(words) > (12 if not body else 8):
        return None, text, []
    tags = [tag] if len(words) <= _HEADING_TAG_WORDS and (tag := tag_slug(head)) else []
    return head, body, tags


def _title_section(sections: list[_Section]) -> _Section | None:
    """The section whose heading names the map: the first background heading that is not generic."""
    for section in sections:
        if (
            section.heading
            and section.kind is Kind.CONTEXT
            and section.heading.lower() not in _GENERIC_HEADINGS
        ):
            return section
    return None


def _title(sections: list[_Section], source_name: str) -> str:
    section = _title_section(sections)
    if section is not None and section.heading:
        return one_line(section.heading)
    stem = PurePath(source_name).name.split(".")[0]
    return " ".join(word.capitalize() for word in re.split(r"[-_\s]+", stem) if word) or "Imported notes"
