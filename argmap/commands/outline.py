"""Commands for outlines: ``argmap templates`` lists them, ``argmap outline`` writes one.

``outline`` writes Word (.docx) or Markdown (.md), chosen by the output's suffix; without
``--template`` it writes the outline the map's question asks for; without ``-o`` it writes
``exports/MAP-TEMPLATE.docx`` (``MAP-opposition-debate-case.docx`` for a debate case).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.commands.common import Choices, add_map_argument, load_target, print_json
from argmap.errors import ArgmapError

SUFFIXES = (".docx", ".md")
EXPORTS = Path("exports")


def register(sub: argparse._SubParsersAction) -> None:
    templates = sub.add_parser("templates", help="outline templates with their word limits")
    templates.add_argument("--json", action="store_true", help="machine-readable output")
    templates.set_defaults(func=cmd_templates)

    outline = sub.add_parser("outline", help="write an essay, answer or debate-case outline (.docx or .md)")
    add_map_argument(outline)
    outline.add_argument(
        "--template",
        "-t",
        choices=Choices(_templates),
        metavar="T",
        help="one of: %(choices)s (default: the one the map's question asks for)",
    )
    outline.add_argument(
        "-o", "--output", metavar="OUT", help="OUT.docx or OUT.md (default: exports/MAP-TEMPLATE.docx)"
    )
    outline.add_argument(
        "--side", choices=("for", "against"), default="for", help="the side of a debate case"
    )
    outline.add_argument(
        "--words", type=int, metavar="N", help="word limit (default: the question's, else the template's)"
    )
    outline.add_argument("--no-map", action="store_true", help="leave the map picture out of the .docx")
    outline.add_argument("--no-guidance", action="store_true", help="leave out the writing guidance")
    outline.set_defaults(func=cmd_outline)


def _templates() -> list[str]:
    from argmap.outline.templates import TEMPLATES

    return list(TEMPLATES)


def cmd_templates(args: argparse.Namespace) -> int:
    from argmap.outline.templates import TEMPLATES

    rows = [
        {
            "name": t.name,
            "title": t.title,
            "words": t.words,
            "range": [t.low, t.high],
            "minutes": t.minutes,
            "follows_directive": t.follows_directive,
            "needs_side": t.needs_side,
            "sections": [s.title or s.role for s in t.sections],
            "description": t.description,
        }
        for t in TEMPLATES.values()
    ]
    if args.json:
        print_json(rows)
        return 0
    for t in TEMPLATES.values():
        minutes = f"{t.minutes} min" if t.minutes else "-"
        print(f"{t.name:20} {t.words:>5} words ({t.low}–{t.high})  {minutes:>7}  {t.description}")
    return 0


def default_output(map_name: str, template: str, side: str, needs_side: bool) -> Path:
    from argmap.services.exports import export_filename

    return EXPORTS / export_filename(map_name, template, side=side if needs_side else None)


def cmd_outline(args: argparse.Namespace) -> int:
    from argmap.outline.builder import template_named
    from argmap.services.documents import build_outline_for, outline_bytes
    from argmap.services.outline import template_for_question
    from argmap.store import write_atomic

    output = Path(args.output) if args.output else None
    if output is not None and output.suffix.lower() not in SUFFIXES:
        raise ArgmapError(
            f"{output}: the outline is written as .docx or .md, not {output.suffix or 'no suffix'}"
        )
    loaded = load_target(args)
    words = args.words
    if args.template is None:
        asked = template_for_question(loaded.map)
        template = template_named(asked.template)
        words = asked.words if words is None else words
        print(f"argmap: template {template.name} ({asked.reason})", file=sys.stderr)
    else:
        template = template_named(args.template)
    outline = build_outline_for(loaded.map, template, args.side, words)
    output = output or default_output(loaded.name, template.name, args.side, template.needs_side)
    ext = "md" if output.suffix.lower() == ".md" else "docx"
    data, note = outline_bytes(
        loaded.map, outline, ext, picture=not args.no_map, guidance=not args.no_guidance
    )
    if note:
        print(f"argmap: {note}", file=sys.stderr)
    write_atomic(output, data)
    points = sum(len(section.all_points()) for section in outline.sections)
    print(
        f"wrote {output} ({len(outline.sections)} sections, {points} points, {outline.budget_total()} words)"
    )
    for note in outline.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0
