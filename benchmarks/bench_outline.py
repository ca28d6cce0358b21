"""Outline + DOCX for a synthetic 1,000-node map, against python-docx writing the same paragraphs.

Run: ``.venv/bin/python benchmarks/bench_outline.py [--nodes N] [--repeat R]``. Prints, per
template, the best time of ``R`` runs for building the outline, rendering it to .docx (no picture)
and both together, and the floor: a bare python-docx document with the same number of headings
and paragraphs (same texts, no styles, numbering or logic), measured in the same run. Targets:
outline + DOCX within 2 s, and within 1.5x the floor.
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable

import docx

from argmap.generate import generate_map
from argmap.outline import Outline, Point, Section, outline_to_docx
from argmap.outline.builder import build_outline


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


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
    print(f"{'template':20} {'blocks':>7} {'outline':>8} {'docx':>8} {'total':>8} {'floor':>8} {'ratio':>6}")
    for template in ("upsc-gs-250", "upsc-essay", "debate-case", "study-notes"):
        outline = build_outline(argument_map, template)
        headings, paragraphs = blocks(outline)
        t_outline = best_of(args.repeat, lambda t=template: build_outline(argument_map, t))
        t_docx = best_of(args.repeat, lambda o=outline: outline_to_docx(o))
        t_total = best_of(args.repeat, lambda t=template: outline_to_docx(build_outline(argument_map, t)))
        t_floor = best_of(args.repeat, lambda h=headings, p=paragraphs: floor(h, p))
        print(
            f"{template:20} {len(headings) + len(paragraphs):>7} {t_outline:>7.3f}s {t_docx:>7.3f}s "
            f"{t_total:>7.3f}s {t_floor:>7.3f}s {t_total / t_floor:>5.2f}x"
        )


if __name__ == "__main__":
    main()
