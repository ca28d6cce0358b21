"""The bytes of every document a shell hands out for a map: the outline (Word or Markdown), the map
picture and the map file in each format argmap writes.

The Outline page's download buttons and ``argmap outline`` build their documents here, so a
download and a file written by the CLI are the same bytes for the same options; the page only
caches them (``argmap/ui/views.py``) and the CLI only writes them. File names come from
:mod:`argmap.services.exports`.
"""

from __future__ import annotations

from argmap.formats import MAP_FORMATS, write_text
from argmap.mapfile import dump_map
from argmap.model import ArgumentMap
from argmap.outline import Outline, outline_to_docx, outline_to_markdown
from argmap.outline.builder import OutlineOptions, build_outline
from argmap.outline.templates import Template
from argmap.render import RenderOptions, render_bytes

#: The picture the export buttons give: print colours, grouped by dimension, with the key.
EXPORT_OPTIONS = RenderOptions(theme="print", group_by="tag", legend=True)

#: Map-file downloads: (format name, short button label, file suffix, MIME type, what it is).
MAP_FILE_DOWNLOADS = (
    ("yaml", "argmap YAML", ".yaml", "application/yaml", "argmap's own map file"),
    (
        "argdown",
        "Argdown",
        MAP_FORMATS["argdown"].suffix,
        "text/plain",
        "Argdown text, for the Argdown tools",
    ),
    (
        "aif",
        "AIF JSON",
        MAP_FORMATS["aif"].suffix,
        "application/json",
        f"{MAP_FORMATS['aif'].label}: for AIF tools",
    ),
)


def build_outline_for(
    argument_map: ArgumentMap, template: str | Template, side: str, words: int | None
) -> Outline:
    """The outline of the map for a template, a side and a word limit (None: the template's).
    Raises OutlineError for bad options."""
    return build_outline(argument_map, template, OutlineOptions(words=words, side=side))


def outline_bytes(
    argument_map: ArgumentMap, outline: Outline, ext: str, *, picture: bool = True, guidance: bool = True
) -> tuple[bytes, str | None]:
    """The outline as a file: ``md`` (Markdown) or ``docx`` (Word, with the map picture when
    ``picture`` and ``dot`` allow). Returns the bytes and a note on the picture left out (None: none)."""
    if ext == "md":
        return outline_to_markdown(outline, guidance=guidance).encode("utf-8"), None
    pictures: list[tuple[bytes, str]] = []
    note = None
    if picture:
        from argmap.outline.picture import outline_pictures

        pictures, note = outline_pictures(argument_map, outline)
    return outline_to_docx(outline, pictures=pictures, guidance=guidance), note


def outline_docx_bytes(
    argument_map: ArgumentMap, template: str, side: str, words: int | None, *, picture: bool = True
) -> bytes:
    """The outline as a Word document, with the map picture when ``picture`` and ``dot`` allow."""
    outline = build_outline_for(argument_map, template, side, words)
    return outline_bytes(argument_map, outline, "docx", picture=picture)[0]


def outline_markdown_text(argument_map: ArgumentMap, template: str, side: str, words: int | None) -> str:
    """The outline as Markdown text."""
    return outline_to_markdown(build_outline_for(argument_map, template, side, words))


def map_picture_bytes(argument_map: ArgumentMap, fmt: str) -> bytes:
    """The whole map drawn for print as ``svg``, ``png`` or ``pdf``. Raises ToolMissingError
    when ``dot`` is missing."""
    return render_bytes(argument_map, EXPORT_OPTIONS, fmt)


def map_file_text(argument_map: ArgumentMap, fmt: str) -> str:
    """The map as a file in ``fmt``: ``yaml`` (argmap's own), or a writer of argmap.formats."""
    if fmt == "yaml":
        return dump_map(argument_map)
    return write_text(argument_map, fmt)


__all__ = [
    "EXPORT_OPTIONS",
    "MAP_FILE_DOWNLOADS",
    "build_outline_for",
    "map_file_text",
    "map_picture_bytes",
    "outline_bytes",
    "outline_docx_bytes",
    "outline_markdown_text",
]
