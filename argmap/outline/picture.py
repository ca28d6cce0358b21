"""The map picture for an outline: a PNG drawn by :mod:`argmap.render`, or a note saying why not.

Kept apart from the builder because it runs Graphviz's ``dot`` (a side effect the pure outline
does not have) and apart from the DOCX writer so that the render path never imports python-docx.
"""

from __future__ import annotations

from argmap.errors import ArgmapError, ToolMissingError
from argmap.model import ArgumentMap


def map_picture(argument_map: ArgumentMap) -> tuple[bytes | None, str | None]:
    """``(png, None)`` with the map drawn, or ``(None, note)`` saying why there is no picture
    (Graphviz missing, or the drawing failed); never raises for those."""
    from argmap.render import RenderOptions, render_bytes

    # print colours; no evidence boxes (the outline lists the evidence); no legend (the caption
    # says what it is); grouped by dimension like the body
    options = RenderOptions(theme="print", evidence=False, legend=False, group_by="tag")
    try:
        return render_bytes(argument_map, options, "png"), None
    except ToolMissingError as exc:
        return None, f"The outline has no map picture: {exc}"
    except ArgmapError as exc:
        return None, f"The outline has no map picture, because drawing the map failed: {exc}"
