"""The map pictures for an outline: PNGs drawn by :mod:`argmap.render`, or a note saying why not.

Kept apart from the builder because it runs Graphviz's ``dot`` (a side effect the pure outline
does not have) and apart from the DOCX writer so that the render path never imports python-docx.

An outline's picture shows the part of the map the outline uses (its thesis, points and answers,
not the evidence it lists or the points it left out), so that it is legible on an A4 page. When
even that would be a strip (far taller than wide), it is drawn as one picture per dimension.
"""

from __future__ import annotations

import struct
from collections.abc import Collection

from argmap.editing import restricted_to
from argmap.errors import ArgmapError, ToolMissingError
from argmap.model import ArgumentMap, Kind
from argmap.outline.model import Outline, Point

#: taller than this many times its width, a picture fitted to an A4 page has unreadable text
STRIP_RATIO = 1.6


def _draw(argument_map: ArgumentMap) -> bytes:
    from argmap.render import RenderOptions, render_bytes

    # print colours; no evidence boxes (the outline lists the evidence); no legend (the caption
    # says what it is); grouped by dimension like the body
    options = RenderOptions(theme="print", evidence=False, legend=False, group_by="tag")
    return render_bytes(argument_map, options, "png")


def _failed(exc: ArgmapError) -> str:
    if isinstance(exc, ToolMissingError):
        return f"The outline has no map picture: {exc}"
    return f"The outline has no map picture, because drawing the map failed: {exc}"


def map_picture(argument_map: ArgumentMap) -> tuple[bytes | None, str | None]:
    """``(png, None)`` with the whole map drawn, or ``(None, note)`` saying why there is no
    picture (Graphviz missing, or the drawing failed); never raises for those."""
    try:
        return _draw(argument_map), None
    except ArgmapError as exc:
        return None, _failed(exc)


def png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height, from its IHDR chunk (ISO/IEC 15948 §11.2.2)."""
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _used(points: Collection[Point]) -> list[str]:
    found: list[str] = []
    for point in points:
        if point.node_id:
            found.append(point.node_id)
        found += _used(point.sub_points)
    return found


def outline_pictures(
    argument_map: ArgumentMap, outline: Outline
) -> tuple[list[tuple[bytes, str]], str | None]:
    """The pictures for ``outline``'s Word file, each with its caption, and a note when there are
    none (see the module docstring); never raises for a missing or failing Graphviz."""
    index = argument_map.node_index()
    used = [
        node_id
        for node_id in dict.fromkeys(_used([p for s in outline.sections for p in s.all_points()]))
        if node_id in index and index[node_id].kind not in (Kind.EVIDENCE, Kind.CONTEXT)
    ]
    thesis = argument_map.thesis()
    keep = set(used) | ({thesis.id} if thesis else set())
    caption = outline.map_caption or f"The argument map: {argument_map.title}"
    try:
        whole = _draw(restricted_to(argument_map, keep) if used else argument_map)
        width, height = png_size(whole)
        if height <= STRIP_RATIO * width or not used:
            return [(whole, caption)], None
        # A strip: one picture per dimension (a point's first tag), each with the thesis it bears on.
        groups: dict[str, set[str]] = {}
        for node_id in used:
            node = index[node_id]
            top = next((t for t in node.tags), "")
            groups.setdefault(top, set()).add(node_id)
        pictures = []
        for tag, members in groups.items():
            part = restricted_to(argument_map, members | ({thesis.id} if thesis else set()))
            name = tag.replace("-", " ") if tag else "other points"
            pictures.append((_draw(part), f"{caption}: {name}"))
        return pictures, None
    except ArgmapError as exc:
        return [], _failed(exc)


__all__ = ["STRIP_RATIO", "map_picture", "outline_pictures", "png_size"]
