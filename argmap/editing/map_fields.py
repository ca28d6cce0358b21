"""Edits to the map itself: its title, question, directive, tags, vocabulary and conclusion."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from argmap.editing.common import EditError
from argmap.editing.text import parse_tags
from argmap.model import ArgumentMap, Directive, Vocabulary
from argmap.rules import SLUG, SLUG_MAX

#: Map fields a user edits directly.
MAP_FIELDS = ("title", "question", "directive", "tags", "vocabulary", "conclusion")


def update_map(argument_map: ArgumentMap, **fields: Any) -> ArgumentMap:
    """The map with its title, question, directive, tags, vocabulary or conclusion changed.

    Values come as a form gives them: a blank question, directive or conclusion clears it;
    ``directive`` is a :class:`~argmap.model.Directive` or its word ("critically examine");
    ``tags`` a list of slugs or free text for :func:`parse_tags`; ``vocabulary`` a
    :class:`~argmap.model.Vocabulary`, a mapping ``{"for": …, "against": …}`` (both blank: none)
    or None. Raises EditError, in one sentence, for an unknown field or a value the map file would
    refuse (an empty title, one side's word without the other's, a tag that is not a slug).
    """
    unknown = set(fields) - set(MAP_FIELDS)
    if unknown:
        raise EditError(f"cannot edit map field {sorted(unknown)[0]!r}; editable: {', '.join(MAP_FIELDS)}")
    data = argument_map.model_dump(by_alias=True, exclude={"nodes"})
    for key, value in fields.items():
        data[key] = _map_value(key, value)
    try:
        head = ArgumentMap.model_validate({**data, "nodes": []})
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(part) for part in err["loc"])
        raise EditError(f"the map's {field}: {err['msg'].removeprefix('Value error, ')}") from None
    return head.model_copy(update={"nodes": argument_map.nodes})


def _map_value(key: str, value: Any) -> Any:
    """A map field's value as the map file has it, checked with a message a user can act on."""
    if isinstance(value, str):
        value = value.strip()
    if key == "title":
        if not value:
            raise EditError("the map's title cannot be empty; write one, e.g. 'India–Russia relations'")
        return value
    if key in ("question", "conclusion"):
        return value or None
    if key == "directive":
        if not value:
            return None
        directives = [directive.value for directive in Directive]
        if str(value) not in directives:
            raise EditError(f"the map's directive must be one of: {', '.join(directives)} (or none)")
        return str(value)
    if key == "tags":
        tags = parse_tags(value) if isinstance(value, str) else list(value or [])
        for tag in tags:
            if not isinstance(tag, str) or not SLUG.match(tag) or len(tag) > SLUG_MAX:
                raise EditError(
                    f"the map's tag {tag!r} must be lower-case words joined by hyphens, e.g. 'gs-2'"
                )
        return tags
    if key == "vocabulary":
        if value is None or isinstance(value, Vocabulary):
            return value.model_dump(by_alias=True) if value is not None else None
        words = {
            side: str(value.get(side) or value.get(f"{side}_") or "").strip() for side in ("for", "against")
        }
        if not any(words.values()):
            return None
        if not all(words.values()):
            raise EditError(
                "the map's headings for the two sides need both a heading for the points for and one "
                "for the points against (e.g. Convergences and Irritants), or neither"
            )
        return words
    return value
