"""Tags and sources as a form types them, and back."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.editing.common import EditError
from argmap.model import Source
from argmap.rules import SLUG_MAX, slugify


def parse_tags(text: str) -> list[str]:
    """Tags typed as free text ("Defence, nuclear energy") as slugs, in order, without repeats."""
    tags: dict[str, None] = {}
    for part in text.replace(";", ",").split(","):
        slug = slugify(part, limit=SLUG_MAX)
        if slug:
            tags[slug] = None
    return list(tags)


def parse_sources(text: str) -> list[Source]:
    """Sources typed one per line as ``title | publisher | date | url`` (only the title needed).

    Raises EditError naming the line of a source with no title.
    """
    sources = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if not parts[0]:
            raise EditError(f"source line {number} has no title; write 'title | publisher | date | url'")
        fields = dict(zip(("title", "publisher", "date", "url"), parts, strict=False))
        sources.append(Source(**{key: value for key, value in fields.items() if value}))
    return sources


def sources_text(sources: Iterable[Source]) -> str:
    """Sources as :func:`parse_sources` reads them, one per line, trailing empty parts left out."""
    lines = []
    for source in sources:
        parts = [source.title, source.publisher or "", source.date or "", source.url or ""]
        while parts and not parts[-1]:
            parts.pop()
        lines.append(" | ".join(parts))
    return "\n".join(lines)
