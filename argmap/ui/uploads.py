"""Reading an uploaded map file in memory: argmap's own YAML or any format argmap.formats reads.

Kept out of the Library page script so that tests can call it (importing a page script runs it).
"""

from __future__ import annotations

from pathlib import PurePath

from argmap.formats import FORMATS, UPLOAD_LIMIT_BYTES, FormatError, detect_format, read_bytes
from argmap.mapfile import parse_map
from argmap.model import ArgumentMap

#: The upload box's choices: argmap's own YAML first, then every format argmap.formats can read.
YAML = "yaml"
READABLE = {YAML: "argmap map file (YAML)"} | {
    name: fmt.label for name, fmt in FORMATS.items() if fmt.can_read
}
UPLOAD_SUFFIXES = ["yaml", "yml", "argdown", "ad", "json", "txt", "md"]


def read_upload(data: bytes, file_name: str, fmt: str) -> tuple[ArgumentMap, list[str]]:
    """The map in an uploaded file and the reader's warnings. Raises ArgmapError (MapFileError with
    every problem placed, FormatError with file, line and column) for a file that cannot be read."""
    if fmt == YAML:
        if len(data) > UPLOAD_LIMIT_BYTES:
            raise FormatError(
                file_name, f"file is {len(data):,} bytes; the limit is {UPLOAD_LIMIT_BYTES:,} bytes"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FormatError(file_name, f"not UTF-8 text (byte {exc.start})") from None
        return parse_map(text.removeprefix("\ufeff"), file_name), []
    result = read_bytes(data, fmt, file_name)
    return result.map, list(result.warnings)


def guess_format(file_name: str, data: bytes) -> str:
    if PurePath(file_name).suffix.lower() in (".yaml", ".yml"):
        return YAML
    return detect_format(file_name, data[:65536].decode("utf-8", errors="ignore")) or YAML
