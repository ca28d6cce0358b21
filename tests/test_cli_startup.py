"""The CLI starts light: building the parser (every command's start) loads no heavy module.

`argmap render` must stay close to bare `dot` (see benchmarks/README.md), so listing templates and
formats for the parser must not import python-docx, Streamlit, the analysis or the readers.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = [
    "docx",
    "streamlit",
    "argmap.analysis",
    "argmap.outline.builder",
    "argmap.formats.argdown",
    "genanki",
    "argmap.language",
]


def test_building_the_parser_imports_no_heavy_module():
    probe = (
        "import json, sys\n"
        "from argmap.cli import build_parser\n"
        "build_parser()\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert json.loads(loaded) == []


def test_outline_names_still_import_from_the_package():
    from argmap.outline import TEMPLATES, build_outline, outline_to_docx

    assert "upsc-essay" in TEMPLATES and callable(build_outline) and callable(outline_to_docx)


def test_formats_load_their_reader_on_first_use():
    from argmap.formats import FORMATS

    assert FORMATS["argdown"].reader.__name__ == "read_argdown"
    assert FORMATS["notes"].writer is None
