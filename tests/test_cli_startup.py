"""The CLI starts light: building the parser (every command's start) loads no heavy module.

`argmap render` must stay close to bare `dot` (see benchmarks/README.md), so listing templates and
formats for the parser must not import python-docx, Streamlit, the analysis or the readers.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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


def test_help_imports_no_library_at_all():
    """`argmap --help` needs only the parser: not even pydantic, PyYAML or Graphviz (#13 item 6)."""
    probe = (
        "import contextlib, io, json, sys\n"
        "from argmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "assert 'render' in out.getvalue()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'yaml', 'graphviz'))))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert json.loads(loaded) == []


def test_choices_are_still_checked_and_listed(capsys):
    from argmap.cli import main

    with pytest.raises(SystemExit):
        main(["outline", "m", "--template", "no-such-template"])
    assert "invalid choice: 'no-such-template' (choose from 'upsc-gs-150'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    assert "one of: blank, bilateral, debate, policy" in capsys.readouterr().out


def test_outline_names_still_import_from_the_package():
    from argmap.outline import TEMPLATES, build_outline, outline_to_docx

    assert "upsc-essay" in TEMPLATES and callable(build_outline) and callable(outline_to_docx)


def test_formats_load_their_reader_on_first_use():
    from argmap.formats import MAP_FORMATS

    assert MAP_FORMATS["argdown"].reader.__name__ == "read_argdown"
    assert MAP_FORMATS["notes"].writer is None
