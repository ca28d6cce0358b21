"""How well outline points fit their word budgets: every template on every map in ``arguments/``
and on the maps imported from ``tests/fixtures/notes/*.txt``.

A point fits when its wording (its sentence, evidence and sub-points) is within ±30% of its budget.
Words are never made up, so a point can only fall short where the map says less than the budget:
the table says how many points the map has the words for (≥ 70% of the budget before condensing)
and how many of those fit. ``tests/test_outline_wording.py`` asserts the figures' floor.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.formats.notes import read_notes  # noqa: E402
from argmap.mapfile import parse_map  # noqa: E402
from argmap.outline.builder import build_outline  # noqa: E402
from argmap.outline.model import Outline, Point  # noqa: E402
from argmap.outline.templates import TEMPLATES  # noqa: E402
from argmap.outline.wording import TOLERANCE, fits, point_words  # noqa: E402


def budgeted(outline: Outline) -> list[Point]:
    return [point for section in outline.sections for point in section.all_points() if point.words]


def main() -> None:
    maps = {
        p.stem: parse_map(p.read_text(encoding="utf-8"), str(p))
        for p in sorted((ROOT / "arguments").glob("*.yaml"))
    }
    for path in sorted((ROOT / "tests" / "fixtures" / "notes").glob("*.txt")):
        maps[f"notes/{path.stem}"] = read_notes(path.read_text(encoding="utf-8"), path.name).map
    print(f"{len(maps)} maps; a point fits within ±{TOLERANCE:.0%} of its budget")
    print(
        f"{'template':20} {'points':>6} {'fit':>10} {'over':>5} {'map has the words':>18} {'of which fit':>13}"
    )
    totals = [0, 0, 0, 0, 0]
    for name, template in TEMPLATES.items():
        row = [0, 0, 0, 0, 0]
        for argument_map in maps.values():
            whole = budgeted(build_outline(argument_map, dataclasses.replace(template, condense=False)))
            for point, uncut in zip(budgeted(build_outline(argument_map, template)), whole, strict=True):
                words, enough = point_words(point), point_words(uncut) >= (1 - TOLERANCE) * point.words
                good = fits(words, point.words)
                row = [
                    row[0] + 1,
                    row[1] + good,
                    row[2] + (words > (1 + TOLERANCE) * point.words),
                    row[3] + enough,
                    row[4] + (enough and good),
                ]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        kept = "" if template.condense else "  (keeps every word: not condensed)"
        print(
            f"{name:20} {row[0]:>6} {row[1]:>4} ({row[1] / row[0]:4.0%}) {row[2]:>5} {row[3]:>18} "
            f"{row[4]:>6} ({row[4] / max(row[3], 1):4.0%}){kept}"
        )
    print(
        f"{'all':20} {totals[0]:>6} {totals[1]:>4} ({totals[1] / totals[0]:4.0%}) {totals[2]:>5} {totals[3]:>18} "
        f"{totals[4]:>6} ({totals[4] / max(totals[3], 1):4.0%})"
    )


if __name__ == "__main__":
    main()
