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


def test_the_command_table_names_what_each_module_registers():
    """A run builds only the parser of the command it names, found in cli.COMMANDS."""
    import argparse
    import importlib

    from argmap.cli import COMMANDS

    for module, names in COMMANDS.items():
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(sub)
        assert tuple(sub.choices) == names, module


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["render", "m", "-o", "m.svg"], "render"),
        (["--library", "render", "show", "m"], "show"),  # a library folder named "render"
        (["--database", "postgresql://x", "--library", "lib", "outline", "m"], "outline"),
        (["--library=lib", "list"], "list"),
        (["--", "validate", "m"], "validate"),
        (["--help"], None),
        ([], None),
    ],
)
def test_the_command_is_found_past_the_options_before_it(argv, command):
    from argmap.cli import command_named

    assert command_named(argv) == command


def test_a_command_run_alone_parses_as_with_every_command_built(capsys):
    from argmap.cli import build_parser

    argv = ["--library", "lib", "render", "m", "-o", "m.svg", "--theme", "print", "--depth", "2"]
    assert vars(build_parser("render").parse_args(argv)) == vars(build_parser().parse_args(argv))
    with pytest.raises(SystemExit):
        build_parser("render").parse_args(["render", "m", "-o", "m.svg", "--theme", "neon"])
    assert "invalid choice: 'neon'" in capsys.readouterr().err


@pytest.mark.parametrize("columns", [60, 150])
def test_help_is_wrapped_to_the_terminals_width(columns: int, monkeypatch: pytest.MonkeyPatch):
    """Help fills the terminal's width ($COLUMNS, as argparse reads it), no wider."""
    from argmap.cli import build_parser

    monkeypatch.setenv("COLUMNS", str(columns))
    lines = build_parser("render").format_help().splitlines()
    widest = max(len(line) for line in lines)
    assert widest <= columns - 2 and (columns < 100 or widest > 80)
