"""Practice commands: ``case``, ``flow``, ``drill`` (answers read from stdin) and ``deck``.

``drill`` protocol, so that it can be scripted: each prompt is printed on stdout, and each answer is
ONE line of stdin. An empty line means "I don't know": it scores 0 and the item comes back soon. End
of input stops the drill; items not reached are neither asked nor recorded. So
``printf 'answer one\\nanswer two\\n' | argmap drill PATH --count 2`` answers two items.

Where ``drill`` keeps progress (an SQLite file, keyed by the map's name; see :func:`_progress_store`):
in ``DIR/.argmap/progress.sqlite`` when a library is given (``--library DIR`` or ``ARGMAP_LIBRARY``),
else in the data folder of the folder the map is in, ``<map's folder>/.argmap/progress.sqlite``. So
``argmap drill india-russia`` and ``argmap drill arguments/india-russia.yaml`` share progress in
``arguments/.argmap/``, and ``argmap drill /tmp/x/fr.yaml`` keeps it in ``/tmp/x/.argmap/``, never
in an ``arguments/`` folder made in whatever folder the command was run from. The path is printed
after every drill and by ``--reset``.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from argmap.commands.common import add_map_argument, load_target
from argmap.errors import ArgmapError
from argmap.words import counted

if TYPE_CHECKING:
    from argmap.practice import ProgressStore
    from argmap.store import LoadedMap

_DEBATE_FORMATS = ("bp", "ap", "wsdc", "ld", "policy", "upsc-150", "upsc-250")
_MODES = ("rebuttal", "evidence", "switch", "steelman")
_DOCUMENT_SUFFIXES = (".docx", ".md")


def register(sub: argparse._SubParsersAction) -> None:
    case = sub.add_parser(
        "case", help="a case file for one side in a debate or answer format (DOCX or Markdown)"
    )
    add_map_argument(case)
    case.add_argument("--side", choices=("for", "against"), required=True, help="defend or attack the thesis")
    case.add_argument(
        "--format", dest="format", choices=_DEBATE_FORMATS, default="bp", help="debate or answer format"
    )
    case.add_argument(
        "-o", "--output", metavar="OUT.docx|md", help="default: exports/MAP-SIDE-FORMAT-case.docx"
    )
    case.set_defaults(func=cmd_case)

    flow = sub.add_parser(
        "flow", help="the map as a debate flow sheet, one column per speech (DOCX or Markdown)"
    )
    add_map_argument(flow)
    flow.add_argument("--format", dest="format", choices=_DEBATE_FORMATS, default="bp")
    flow.add_argument("-o", "--output", metavar="OUT.docx|md", help="default: exports/MAP-FORMAT-flow.docx")
    flow.set_defaults(func=cmd_flow)

    drill = sub.add_parser(
        "drill",
        help="drill rebuttals, evidence or switching sides; answers read from stdin",
        description="Drill a map: one prompt per item on stdout, one answer per line of stdin. "
        "Progress is kept in DIR/.argmap/progress.sqlite when a library is given (--library DIR or "
        "ARGMAP_LIBRARY), else beside the map: <map's folder>/.argmap/progress.sqlite.",
    )
    add_map_argument(drill)
    drill.add_argument("--mode", choices=_MODES, default="rebuttal")
    drill.add_argument("--side", choices=("for", "against"), help="your side (default: both sides' items)")
    drill.add_argument("--count", type=int, default=5, metavar="N", help="items to ask (default 5)")
    drill.add_argument("--all", action="store_true", help="ask items even when they are not due yet")
    drill.add_argument("--reset", action="store_true", help="forget this map's progress and stop")
    drill.set_defaults(func=cmd_drill)

    deck = sub.add_parser("deck", help="an Anki deck (.apkg) of the map's rebuttal and evidence drills")
    add_map_argument(deck)
    deck.add_argument("-o", "--output", required=True, metavar="OUT.apkg")
    deck.set_defaults(func=cmd_deck)


@contextmanager
def _naming(path: Path) -> Iterator[None]:
    """Put the map file's path in front of the core's PracticeError (no thesis, nothing to drill),
    which names the map by its title only: the core does not know where a map came from."""
    from argmap.practice import PracticeError

    try:
        yield
    except PracticeError as exc:
        raise PracticeError(f"{path}: {exc}") from None


def _document_path(value: str | None, loaded: LoadedMap, what: str, form: str, side: str | None) -> Path:
    """``-o``, or ``exports/`` + the export naming rule (map, side, format, what)."""
    from argmap.services.exports import export_filename

    if value is None:
        return Path("exports") / export_filename(loaded.name, what, form, side)
    out = Path(value)
    if out.suffix.lower() not in _DOCUMENT_SUFFIXES:
        raise ArgmapError(
            f"{out}: write a case file or flow sheet as .docx or .md, not {out.suffix or 'no suffix'}"
        )
    return out


def cmd_case(args: argparse.Namespace) -> int:
    from argmap.practice.documents import case_document
    from argmap.store import write_atomic

    loaded = load_target(args)
    out = _document_path(args.output, loaded, "case", args.format, args.side)
    with _naming(loaded.path):
        document = case_document(loaded.map, args.side, args.format, _kind(out))
    write_atomic(out, document)
    print(f"wrote {out}")
    return 0


def cmd_flow(args: argparse.Namespace) -> int:
    from argmap.practice.documents import flow_document
    from argmap.store import write_atomic

    loaded = load_target(args)
    out = _document_path(args.output, loaded, "flow", args.format, None)
    with _naming(loaded.path):
        document = flow_document(loaded.map, args.format, _kind(out))
    write_atomic(out, document)
    print(f"wrote {out}")
    return 0


def _kind(out: Path) -> Literal["docx", "md"]:
    return "docx" if out.suffix.lower() == ".docx" else "md"


def cmd_deck(args: argparse.Namespace) -> int:
    from argmap.practice import all_drill_items
    from argmap.practice.deck import build_deck
    from argmap.store import write_atomic

    out = Path(args.output)
    if out.suffix.lower() != ".apkg":
        raise ArgmapError(f"{out}: an Anki deck is written as .apkg")
    loaded = load_target(args)
    with _naming(loaded.path):
        items = all_drill_items(loaded.map)
    # The map file's time, not the clock: the same map gives the same deck, an edited one newer notes.
    modified = datetime.fromtimestamp(loaded.path.stat().st_mtime, UTC)
    write_atomic(out, build_deck(loaded.map, loaded.name, modified, items))
    print(f"wrote {out} ({len(items)} notes)")
    return 0


def cmd_drill(args: argparse.Namespace) -> int:
    from argmap.services.drills import Drill

    if args.count < 1:
        raise ArgmapError(f"--count must be 1 or more, not {args.count}")
    loaded = load_target(args)
    store = _progress_store(args, loaded)
    if args.reset:
        forgotten = store.reset(loaded.name)
        print(f"forgot {forgotten} tries at {loaded.name!r} in {store.path}")
        return 0
    with _naming(loaded.path):
        drill = Drill(store, loaded.name, loaded.map, args.mode, args.side)
    notice = drill.notice()
    if notice:
        print(notice)
    now = datetime.now(UTC)
    queue = (drill.items if args.all else drill.due(now))[: args.count]
    if not queue:
        print(
            f"nothing due in {args.mode} mode; the next item is due in {_span(drill.next_due_in(now))} (or use --all)"
        )
        return 0

    interactive = sys.stdin.isatty()
    scores = []
    for number, item in enumerate(queue, start=1):
        print(f"\n[{number}/{len(queue)}] {item.instruction}:")
        print(textwrap.indent(textwrap.fill(item.prompt, 96), "  "))
        if interactive:
            print("> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            print("(end of input: drill stopped)")
            break
        if not line.strip():
            print("(no answer: skipped)")
            continue
        answered = drill.answer(item.id, line.strip())
        result = answered.score
        scores.append(result.score)
        print(
            f"Score: {result.score:.0%}, {result.feedback}  Next review in {_span(answered.scheduled.interval)}"
        )
        if result.missing_terms:
            print("missed: " + ", ".join(result.missing_terms))
        print("Model answer:")
        for part in result.model_answer.splitlines():
            print(textwrap.indent(textwrap.fill(part, 96), "  "))
    if scores:
        print(
            f"\n{len(scores)} answered, mean score {sum(scores) / len(scores):.0%}; progress kept in {store.path}"
        )
    return 0


def _progress_store(args: argparse.Namespace, loaded: LoadedMap) -> ProgressStore:
    """The progress store of the library the user named (``--library``, else ``ARGMAP_LIBRARY``),
    else of the folder the map file is in: a map found by name in the default library is in that
    library's folder, and a map named by path keeps its progress beside it, so a drill run from an
    arbitrary folder never makes ``./arguments/`` there."""
    from argmap.practice import ProgressStore

    named = getattr(args, "library", None) or os.environ.get("ARGMAP_LIBRARY")
    from argmap.store import Library

    return ProgressStore.of_library(Library(named) if named else Library(loaded.path.parent))


def _span(span: timedelta) -> str:
    """A review interval as a person says it: minutes, hours or days."""
    minutes = max(0, round(span.total_seconds() / 60))
    if minutes < 90:
        return counted(minutes, "minute")
    if minutes < 36 * 60:
        return f"{round(minutes / 60)} hours"
    days = round(minutes / 1440)
    return f"{days} days"
