"""The water level that shares a point's words among its pieces, and a tag's spelling in the map,
give exactly what the plain loops they replace gave (the outline rounds and compares the level,
so a last bit of difference would change a point's wording)."""

from __future__ import annotations

import random
import re

from argmap.outline.wording import _level, as_written


def bisected(lengths: list[int], target: float) -> float:
    """40 bisection steps over the capped lengths' sum, as the outline first worked the level out."""
    low, high = 0.0, float(max(lengths, default=0))
    for _ in range(40):
        middle = (low + high) / 2
        if sum(min(length, middle) for length in lengths) < target:
            low = middle
        else:
            high = middle
    return high


def cases(rng: random.Random) -> tuple[list[int], float]:
    lengths = [rng.choice([0, rng.randint(0, 12), rng.randint(0, 300)]) for _ in range(rng.randint(0, 12))]
    total = sum(lengths)
    kind = rng.randrange(5)
    if kind == 0:
        return lengths, rng.randint(-2, total + 3)
    if kind == 1:  # halves: the level lands on an x.5 that round() takes to the even side
        return lengths, rng.randint(0, 2 * total + 2) / 2
    if kind == 2:
        return lengths, rng.uniform(0, total * 1.2 + 1)
    if kind == 3 and lengths:  # a level exactly on a length, a half or a bisection middle
        level = rng.randint(0, 4 * max(lengths)) / 4
        return lengths, float(sum(min(length, level) for length in lengths))
    # a sub-point's target: a level already worked out, scaled as the fitting loop scales it
    level = bisected(lengths, rng.uniform(6, total + 5))
    return lengths, max(min(rng.randint(0, 300), level * rng.choice([1, 0.85, 0.85**2, 1.3])), 6)


def test_the_level_is_the_bisections_to_the_last_bit() -> None:
    rng = random.Random(21)
    for _ in range(20_000):
        lengths, target = cases(rng)
        assert _level(lengths, target) == bisected(lengths, target), (lengths, target)


def test_the_level_of_halves_and_whole_pieces() -> None:
    assert _level([10, 20], 15) == 7.5  # round(7.5) is 8, round of a hair above it too
    assert _level([10, 20], 13) == bisected([10, 20], 13)  # 6.5: a hair above rounds to 7, not 6
    assert _level([4, 20], 100) == 20.0  # more words wanted than the pieces have: all kept
    assert _level([], 10) == 0.0


def first_spelling(tag: str, texts: list[str]) -> str | None:
    parts = [re.escape(part) for part in tag.split("-") if part]
    if not parts:
        return None
    pattern = re.compile(r"\b" + r"[\s\-–]+".join(parts) + r"\b", re.IGNORECASE)
    for text in texts:
        if found := pattern.search(text):
            phrase = " ".join(found.group(0).split())
            return phrase[0].upper() + phrase[1:]
    return None


def test_a_tag_is_spelt_as_the_first_text_that_has_it() -> None:
    rng = random.Random(4)
    alphabet = [*"abAB -–.,\n\t\0_é1", "cpec", "and", "bri"]
    for _ in range(20_000):
        texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 12))) for _ in range(rng.randint(0, 5))]
        tag = "-".join(rng.choices(["cpec", "and", "bri", "a", "b", "é", "", ".", "\0"], k=rng.randint(1, 3)))
        assert as_written(tag, texts) == first_spelling(tag, texts), (tag, texts)
    assert as_written("cpec-and-bri", ["no", "The CPEC  and-BRI talks", "cpec and bri"]) == "CPEC and-BRI"
