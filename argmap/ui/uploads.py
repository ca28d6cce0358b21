"""Reading an uploaded map file in memory: argmap's own YAML or any format argmap.formats reads.

Kept out of the Library page script so that tests can call it (importing a page script runs it).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from argmap.errors import ArgmapError
from argmap.formats import MAP_FORMATS, FormatError
from argmap.model import ArgumentMap
from argmap.services import imports
from argmap.services.reading import YAML, read_map_in_worker

#: The upload box's choices: argmap's own YAML first, then every format argmap.formats can read.
READABLE = {YAML: "argmap map file (YAML)"} | {
    name: fmt.label for name, fmt in MAP_FORMATS.items() if fmt.can_read
}
UPLOAD_SUFFIXES = ["yaml", "yml", "argdown", "ad", "json", "txt", "md"]
_READ_CACHE: OrderedDict[tuple[str, str, str], tuple[ArgumentMap, list[str]] | ArgmapError] = OrderedDict()
_CACHED_READS = 8


def read_upload(data: bytes, file_name: str, fmt: str) -> tuple[ArgumentMap, list[str]]:
    """The map in an uploaded file and the reader's warnings, read in a worker process with a time
    budget (so a hostile file cannot stall the server) and remembered for the page's reruns.

    Raises ArgmapError (MapFileError with every problem placed, FormatError with file, line and
    column, or FormatError when the read was stopped) for a file that cannot be read.
    """
    key = (hashlib.sha256(data).hexdigest(), file_name, fmt)
    outcome = _READ_CACHE.get(key)
    if outcome is None:
        try:
            outcome = read_map_in_worker(data, fmt, file_name)
        except ArgmapError as exc:
            outcome = exc
        _READ_CACHE[key] = outcome
        while len(_READ_CACHE) > _CACHED_READS:
            _READ_CACHE.popitem(last=False)
    _READ_CACHE.move_to_end(key)
    if isinstance(outcome, ArgmapError):
        raise outcome
    argument_map, warnings = outcome
    return argument_map.model_copy(deep=True), list(warnings)


def guess_format(file_name: str, data: bytes) -> str:
    """The format the upload box starts from: :func:`argmap.services.imports.guess_format`, else
    argmap's own map file (the user can choose another)."""
    try:
        return imports.guess_format(file_name, data[:65536].decode("utf-8", errors="ignore"))
    except FormatError:
        return YAML
