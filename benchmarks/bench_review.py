"""Review time of a 250-word answer on a 50-node and a 1,000-node map (a benchmark, not a test).

Maps come from :func:`argmap.generate.generate_map`; the answer is the same 250 words for both,
written from the 50-node map's points (intro, points, counter-view, way forward, conclusion), so
the bigger map adds nodes to match against, not a different answer. Each size is timed warm (the
lemma and rarity caches filled by a first review, as in the app; "fresh" also finds every text's
terms again, as for a new answer to a newly edited map), best of several runs, against a
floor measured in the same run: rapidfuzz's ``token_set_ratio`` of the answer against every node
text, the plain string comparison a review replaces. The figure that matters is review time per
node staying flat as the map grows (linear growth), and under 150 ms at 50 nodes.

Run: ``.venv/bin/python benchmarks/bench_review.py``
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from argmap.generate import generate_map  # noqa: E402
from argmap.language import words  # noqa: E402
from argmap.language.matching import clear_text_cache  # noqa: E402
from argmap.model import ArgumentMap, Kind  # noqa: E402
from argmap.review import review_answer  # noqa: E402

SIZES = (50, 1000)
ANSWER_WORDS = 250
RUNS = 5


def answer_for(argument_map: ArgumentMap, target: int = ANSWER_WORDS) -> str:
    """An answer of about ``target`` words built from the map's own points, in answer order."""
    by_kind = {kind: [n.text for n in argument_map.nodes if n.kind is kind] for kind in Kind}
    paragraphs = [
        " ".join(by_kind[Kind.THESIS][:1] + by_kind[Kind.CONTEXT][:1]),
        " ".join(by_kind[Kind.CLAIM][:4] + by_kind[Kind.EVIDENCE][:2]),
        "However, " + " ".join(by_kind[Kind.COUNTERPOINT][:2] + by_kind[Kind.REBUTTAL][:2]),
        "Way forward: " + " ".join(by_kind[Kind.RECOMMENDATION][:2]),
        "On balance, " + " ".join(by_kind[Kind.THESIS][:1]),
    ]
    text = "\n\n".join(p for p in paragraphs if p.strip())
    while len(words(text)) < target:
        text = text.replace(
            "\n\nWay forward:", " " + by_kind[Kind.CLAIM][len(words(text)) % 7] + "\n\nWay forward:", 1
        )
    return text


def best_of(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    answer = answer_for(generate_map(SIZES[0], seed=1))
    print(f"answer: {len(words(answer))} words")
    print(
        f"{'nodes':>6} {'review ms':>10} {'fresh ms':>9} {'floor ms':>9} {'ratio':>7} {'µs/node':>8} {'marks':>6}"
    )
    for size in SIZES:
        argument_map = generate_map(size, seed=1)
        texts = [node.text for node in argument_map.nodes]
        review = review_answer(argument_map, answer)  # warm the caches, as a session does
        took = best_of(lambda argument_map=argument_map: review_answer(argument_map, answer))

        def fresh(argument_map: ArgumentMap = argument_map) -> None:
            clear_text_cache()  # every text's terms found again; word lemmas and rarities stay cached
            review_answer(argument_map, answer)

        cold = best_of(fresh)
        floor = best_of(lambda texts=texts: [fuzz.token_set_ratio(answer, text) for text in texts])
        print(
            f"{size:>6} {took * 1000:>10.1f} {cold * 1000:>9.1f} {floor * 1000:>9.2f} {took / floor:>7.0f} "
            f"{took / size * 1e6:>8.0f} {review.marks:>6g}"
        )
    start = time.perf_counter()
    review_answer(generate_map(SIZES[0], seed=2), answer)
    print(
        f"first review in a fresh map (language caches warm, new node texts): {(time.perf_counter() - start) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
