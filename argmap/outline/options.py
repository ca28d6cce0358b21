"""What a caller may ask of an outline (word limit, debate side) and the error when it cannot be made."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import ArgmapError

SIDES = ("for", "against")


class OutlineError(ArgmapError):
    """An outline that cannot be made: unknown template, bad word limit or side, an empty map."""


@dataclass(frozen=True)
class OutlineOptions:
    """``words``: the word limit (None: the template's); ``side``: the debate side, for|against."""

    words: int | None = None
    side: str = "for"


__all__ = ["SIDES", "OutlineError", "OutlineOptions"]
