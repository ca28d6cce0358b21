"""Outline + DOCX for a synthetic 1,000-node map, against python-docx writing the same paragraphs.

Run: ``.venv/bin/python benchmarks/bench_outline.py [--nodes N] [--repeat R]``. Prints, per
template, the best time of ``R`` runs for building the outline, rendering it to .docx (no picture)
and both together, and the floor: a bare python-docx document with the same number of headings
and paragraphs (same texts, no styles, numbering or logic), measured in the same run. Times are
CPU time of this process (``time.process_time``): on a machine shared with other work, a wait for
a core is not counted. Then the ratio of each of ``R`` rounds, outline + DOCX and the floor
measured one after the other (so a burst of load weighs on both alike): its median and range.
Targets: outline + DOCX within 2 s, and within 1.5x the floor.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from collections.abc import Callable

import docx

from argmap.generate import generate_map
from argmap.outline import Outline, Point, Section, outline_to_docx
from argmap.outline.builder import build_outline


def best_of(repeat: int, work: Callable[[], object]) -> float:
    return min(cpu_time(work) for _ in range(repeat))


def cpu_time(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def blocks(outline: Outline) -> tuple[list[str], list[str]]:
    """The headings and paragraphs the rendered outline holds (guidance and sources included)."""
    headings, paragraphs = [outline.title], []

    def point(p: Point) -> None:
        paragraphs.append(f"{p.label}: {p.text}")
        for sub in p.sub_points:
            point(sub)
        paragraphs.extend(e.text for e in p.evidence)

    def section(s: Section) -> None:
        headings.append(s.title)
        paragraphs.extend(s.guidance)
        for p in s.points:
            point(p)
        for sub in s.subsections:
            section(sub)

    for s in outline.sections:
        section(s)
    headings.append("Sources")
    paragraphs.extend(source.citation() for source in outline.sources)
    return headings, paragraphs


def floor(headings: list[str], paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in headings:
        document.add_heading(text, 1)
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    argument_map = generate_map(args.nodes, seed=1)
    print(f"synthetic map: {len(argument_map.nodes)} nodes, {len(argument_map.relations())} relations")
    print(f"load average: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    print(
        f"{'template':20} {'blocks':>7} {'outline':>8} {'docx':>8} {'total':>8} {'floor':>8} {'ratio':>6}"
        "  ratio per round: median (range)"
    )
    for template in ("upsc-gs-250", "upsc-essay", "debate-case", "study-notes"):
        outline = build_outline(argument_map, template)
        headings, paragraphs = blocks(outline)
        t_outline = best_of(args.repeat, lambda t=template: build_outline(argument_map, t))
        t_docx = best_of(args.repeat, lambda o=outline: outline_to_docx(o))
        t_total = best_of(args.repeat, lambda t=template: outline_to_docx(build_outline(argument_map, t)))
        t_floor = best_of(args.repeat, lambda h=headings, p=paragraphs: floor(h, p))
        ratios = sorted(
            cpu_time(lambda t=template: outline_to_docx(build_outline(argument_map, t)))
            / cpu_time(lambda h=headings, p=paragraphs: floor(h, p))
            for _ in range(args.repeat)
        )
        print(
            f"{template:20} {len(headings) + len(paragraphs):>7} {t_outline:>7.3f}s {t_docx:>7.3f}s "
            f"{t_total:>7.3f}s {t_floor:>7.3f}s {t_total / t_floor:>5.2f}x  "
            f"{statistics.median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f}x)"
        )


if __name__ == "__main__":
    main()
