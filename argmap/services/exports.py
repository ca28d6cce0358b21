"""The one file-naming rule for exported documents, used by the CLI and the app's download buttons.

A coach with a folder of exports must see from a file's name which map it comes from, which side it
argues, in which format or template, and what it is: ``social-media-ban-under-16-opposition-wsdc-case.docx``.
The side is named as the format names it (government, opposition, affirmative …); a written answer
format keeps ``for`` / ``against``; anything else with a side (a debate-case outline) is
``proposition`` / ``opposition``.
"""

from __future__ import annotations

import re

from argmap.errors import ArgmapError
from argmap.graph import Side
from argmap.practice.debate_formats import DEBATE_FORMATS
from argmap.practice.gaps import DEFAULT_SIDE_NAMES

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_EXTENSION = re.compile(r"[a-z0-9]+(\.[a-z0-9]+)*")  # docx, md, apkg, aif.json


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def side_word(side: Side | str, form: str | None = None) -> str:
    """How a file name says the side: the debate format's name for it (``government``), ``for`` /
    ``against`` for a written answer, else ``proposition`` / ``opposition``."""
    side = Side(side)
    fmt = DEBATE_FORMATS.get(form or "")
    if fmt is None:
        return DEFAULT_SIDE_NAMES[side]
    if all(speech.side is None for speech in fmt.speeches):
        return side.value
    return _slug(fmt.side_name(side))


def export_filename(
    map_name: str, what: str, form: str | None = None, side: Side | str | None = None, ext: str = "docx"
) -> str:
    """``MAP[-SIDE][-FORMAT]-WHAT.EXT``, each part lower-case with hyphens.

    ``form`` is a debate format id (``wsdc``) or an outline template name (``upsc-250``); ``side``
    for or against (None: a document for both sides, like a flow sheet). Raises ArgmapError when
    the map name or ``what`` leaves nothing to name the file by, or ``side`` is not a side.
    """
    try:
        side_part = side_word(side, form) if side is not None else ""
    except ValueError:
        raise ArgmapError(f"a side is 'for' or 'against', not {side!r}") from None
    parts = [_slug(map_name), side_part, _slug(form or ""), _slug(what)]
    if not parts[0] or not parts[3]:
        raise ArgmapError(
            f"cannot name an export of map {map_name!r} as {what!r}: both need a letter or digit"
        )
    extension = ext.lower().lstrip(".")
    if not _EXTENSION.fullmatch(extension):
        raise ArgmapError(f"{ext!r} is not a file extension")
    return "-".join(part for part in parts if part) + "." + extension


__all__ = ["export_filename", "side_word"]
