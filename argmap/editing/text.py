"""Tags and sources as a form types them, and back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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


#: The fields of a source, in the order the side panel shows them.
SOURCE_FIELDS = ("title", "publisher", "date", "url")


def sources_from_fields(rows: Iterable[Mapping[str, str]]) -> list[Source]:
    """Sources from the fields a form shows for each (``title``, ``publisher``, ``date``,
    ``url``); a row left empty is skipped.

    Raises EditError naming the source (by its place, from 1) that has other fields but no title.
    """
    sources = []
    for number, row in enumerate(rows, start=1):
        fields = {name: (row.get(name) or "").strip() for name in SOURCE_FIELDS}
        if not any(fields.values()):
            continue
        if not fields["title"]:
            raise EditError(f"source {number} has no title; write its title, or empty its other fields")
        sources.append(Source(**{name: value for name, value in fields.items() if value}))
    return sources
