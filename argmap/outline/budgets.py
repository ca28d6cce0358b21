"""Word budgets: the template's word limit shared over an outline's sections and points.

Sections with a share in the template get that fraction of the word limit, split evenly over
their parts; the body sections share the rest. The counter-view (``against``, ``attacks``) first
takes the directive's ``counter_share`` of the body, the rest goes to the main side, and within
each the points share by strength (stronger points get more words, from a floor of a quarter).
Whole words are handed out by the largest-remainder method, so the budgets add up to the word
limit exactly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from argmap.outline.model import Point, Section

_MIN_WEIGHT = 0.25  # a point of strength 0 gets a quarter of a point of strength 1


def _weight(point: Point) -> float:
    """A point's claim on its section's words: more for a stronger point, never next to nothing
    (an objection that is well answered is weak, yet still needs its sentences)."""
    return _MIN_WEIGHT + (1 - _MIN_WEIGHT) * point.strength if point.strength is not None else 1.0


def _leaves(section: Section) -> Iterator[Point | Section]:
    """What budgets attach to: each top-level point, or the section itself when it has none."""
    if not section.points and not section.subsections:
        yield section
    yield from section.points
    for sub in section.subsections:
        yield from _leaves(sub)


def _largest_remainder(shares: list[float], total: int) -> list[int]:
    """Whole numbers in proportion to ``shares`` that add up to ``total`` exactly."""
    whole = [int(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: (-(shares[i] - whole[i]), i))
    for i in by_remainder[: total - sum(whole)]:
        whole[i] += 1
    return whole


def _with_budgets(section: Section, words: Iterator[int]) -> Section:
    if not section.points and not section.subsections:
        return dataclasses.replace(section, words=next(words))
    points = tuple(dataclasses.replace(p, words=next(words)) for p in section.points)
    subsections = tuple(_with_budgets(sub, words) for sub in section.subsections)
    total = sum(p.words for p in points) + sum(s.words for s in subsections)
    return dataclasses.replace(section, points=points, subsections=subsections, words=total)


def apportion(sections: list[tuple[float, Section]], limit: int, counter: float = 0.0) -> tuple[Section, ...]:
    """Share ``limit`` words over the sections.

    A section with a share > 0 gets that fraction, split evenly over its parts (introduction,
    conclusion). The body sections (share 0) get the rest, point by point by strength; when
    ``counter`` > 0 the counter-view sections (role ``against`` or ``attacks``) first take that
    part of the body and share it by strength among their own points.
    """
    fixed = sum(share for share, _ in sections if share > 0)

    def weight_of(section: Section) -> float:
        return sum(_weight(leaf) for leaf in _leaves(section) if isinstance(leaf, Point))

    body = [section for share, section in sections if share == 0]
    body_weight = sum(weight_of(section) for section in body)
    scale = 1.0 if body_weight else 1.0 / fixed if fixed else 1.0
    body_words = max(limit * (1.0 - fixed), 0.0) if body_weight else 0.0
    counters = [s for s in body if s.role in _COUNTER_ROLES and weight_of(s)]
    mains = [s for s in body if s.role not in _COUNTER_ROLES and weight_of(s)]
    part = counter if counters and mains else 0.0
    pools = {
        False: (body_words * (1 - part), sum(weight_of(s) for s in (body if not part else mains))),
        True: (body_words * part, sum(weight_of(s) for s in counters)),
    }
    floats: list[float] = []
    for share, section in sections:
        leaves = list(_leaves(section))
        if share > 0:
            weights = [1.0] * len(leaves)  # introduction, conclusion …: their parts count alike
            words, total = limit * share * scale, float(len(leaves))
        else:
            weights = [_weight(leaf) if isinstance(leaf, Point) else 0.0 for leaf in leaves]
            words, total = pools[bool(part) and section.role in _COUNTER_ROLES]
        floats += [words * w / total if total else 0.0 for w in weights]
    rounded = iter(_largest_remainder(floats, limit if sum(floats) else 0))
    return tuple(_with_budgets(section, rounded) for _, section in sections)


_COUNTER_ROLES = frozenset({"against", "attacks"})


__all__ = ["apportion"]
