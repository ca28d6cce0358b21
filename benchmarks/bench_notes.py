"""Accuracy of the notes importer on the labelled corpus (a benchmark, not a test).

Reads every ``tests/fixtures/notes/*.labels.yaml`` (the format is in that folder's README.md),
imports the note beside it with ``--from notes`` and prints, per note and overall:

- placed: the share of labelled points whose node has the labelled kind (and, for evidence, sits
  under the node of its labelled parent);
- linked: the share of answerable counterpoints (those some labelled point answers) whose answer's
  node opposes the counterpoint's node;
- thesis: whether the map's thesis holds the labelled position (and title and metadata checks).

:func:`score_note` and :func:`score_corpus` are what ``tests/test_notes_benchmark.py`` runs.

It then times the hostile notes of issue #12 (a Markdown heading with 1,000 spaces, a bullet with
20,000 spaces, 1,100 nested bullets, and the same at ten times the size), a note of 2,000 and of
10,000 challenges each with its answer (linking: five times the points should take about five
times as long, not twenty-five) and one of 20,000 challenges alone, against a floor measured in
the same run: reading the seed note.

Each label file names the batch its note came in (``batch: N``, in the order the batches were
written); the totals are printed per batch and overall, since a batch measured on arrival is the
honest figure for notes the importer has not seen.

Run: ``.venv/bin/python benchmarks/bench_notes.py [FOLDER] [-v] [--batch N]`` (``-v`` lists every
miss; ``--batch N`` scores only that batch).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.formats.notes import explain_notes  # noqa: E402
from argmap.model import ArgumentMap, Node  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "notes"


@dataclass
class NoteScore:
    """One note's figures and the misses behind them."""

    name: str
    batch: int = 0
    points: int = 0
    placed: int = 0
    answerable: int = 0
    linked: int = 0
    thesis: bool = False
    title: bool = True
    meta: bool = True
    misses: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _norm(text: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return " ".join(text.translate(table).lower().split())


def _holder(argument_map: ArgumentMap, text: str) -> Node | None:
    """The node whose text (or label) holds ``text``: the shortest such node, evidence last. A
    ``Label: text`` point keeps its label as the node's label, so the two are read together."""
    wanted = _norm(text)
    found = [n for n in argument_map.nodes if wanted in _shown(n) or wanted == _norm(n.label or "")]
    if not found:
        return None
    return min(found, key=lambda n: len(n.text))


def _shown(node: Node) -> str:
    """A node's words as the reader kept them: its label (when it has one) and its text."""
    return _norm(f"{node.label}: {node.text}" if node.label else node.text)


def score_note(labels_path: Path) -> NoteScore:
    """Import the note beside ``labels_path`` and score it against the labels."""
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    name = labels_path.name.removesuffix(".labels.yaml")
    note = next(
        p for p in sorted(labels_path.parent.glob(name + ".*")) if not p.name.endswith(".labels.yaml")
    )
    started = time.perf_counter()
    result, _ = explain_notes(note.read_text(encoding="utf-8"), note.name)
    score = NoteScore(name, batch=labels.get("batch", 0), seconds=time.perf_counter() - started)
    argument_map = result.map
    parents_of = {n.id: {p for _, p in n.parents()} for n in argument_map.nodes}
    for point in labels.get("points") or []:
        score.points += 1
        node = _holder(argument_map, point["text"])
        if node is None:
            score.misses.append(f"not found: {point['text']!r}")
            continue
        right = node.kind.value == point["kind"]
        if right and point["kind"] == "evidence" and point.get("parent"):
            parent = _holder(argument_map, point["parent"])
            right = parent is not None and parent.id in parents_of[node.id]
        if right:
            score.placed += 1
        else:
            score.misses.append(f"{point['kind']} read as {node.kind.value} ({node.id}): {point['text']!r}")
    answered: dict[str, bool] = {}
    for point in labels.get("points") or []:
        if not point.get("answers"):
            continue
        target = _holder(argument_map, point["answers"])
        node = _holder(argument_map, point["text"])
        ok = target is not None and node is not None and target.id in {p for _, p in node.parents()}
        answered[point["answers"]] = answered.get(point["answers"], False) or ok
        if not ok:
            score.misses.append(f"not linked: {point['text']!r} -> {point['answers']!r}")
    score.answerable, score.linked = len(answered), sum(answered.values())
    thesis = argument_map.thesis()
    if labels.get("thesis"):
        score.thesis = thesis is not None and _norm(labels["thesis"]) in _norm(thesis.text)
    else:
        score.thesis = thesis is None
    if not score.thesis:
        score.misses.append(f"thesis: got {thesis.text if thesis else None!r}, want {labels.get('thesis')!r}")
    if labels.get("title"):
        score.title = _norm(labels["title"]) in _norm(argument_map.title)
        if not score.title:
            score.misses.append(f"title: got {argument_map.title!r}, want {labels['title']!r}")
    for meta in labels.get("meta") or []:
        if any(_norm(meta) in _norm(n.text) for n in argument_map.nodes):
            score.meta = False
            score.misses.append(f"metadata read as a point: {meta!r}")
    return score


def score_corpus(folder: Path = CORPUS) -> list[NoteScore]:
    """Every labelled note in ``folder``, scored."""
    return [score_note(path) for path in sorted(folder.glob("*.labels.yaml"))]


def _best_of(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


HOSTILE = {
    "'## a' + 1,000 spaces + 'b'": "## a" + " " * 1000 + "b",
    "'## a' + 100,000 spaces + 'b'": "## a" + " " * 100_000 + "b",
    "'- a' + 20,000 spaces + 'b'": "- a" + " " * 20_000 + "b",
    "'- a' + 200,000 spaces + 'b'": "- a" + " " * 200_000 + "b",
    "1,100 nested bullets": "".join(" " * depth + "- point\n" for depth in range(1100)),
    "1,900 nested bullets": "".join(" " * depth + "- point\n" for depth in range(1900)),
    "2,000 challenges, 2,000 answers": "Challenges\n"
    + "".join(f"- The port {n} and the grid {n % 7} fail.\n" for n in range(2000))
    + "\nWay forward\n"
    + "".join(f"- Fix the port {n} and the grid soon.\n" for n in range(2000)),
    "20,000 challenges, no answer": "Challenges\n"
    + "".join(f"- The port {n} and the grid {n % 7} fail.\n" for n in range(20_000)),
    "10,000 challenges, 10,000 answers": "Challenges\n"
    + "".join(f"- The port {n} and the grid {n % 7} fail.\n" for n in range(10_000))
    + "\nWay forward\n"
    + "".join(f"- Fix the port {n} and the grid soon.\n" for n in range(10_000)),
}


def hostile_timings() -> None:
    seed = (ROOT / "tests" / "fixtures" / "seed" / "india-russia-relations.txt").read_text(encoding="utf-8")
    explain_notes(seed, "seed.txt")  # warm the language look-ups
    floor = _best_of(3, lambda: explain_notes(seed, "seed.txt"))
    print(f"\nhostile notes (floor: the seed note, {len(seed):,} characters, {floor * 1000:.0f} ms)")
    for name, text in HOSTILE.items():
        seconds = _best_of(3, lambda text=text: explain_notes(text, "hostile.txt"))
        print(f"  {name:<32} {len(text):>9,} chars {seconds * 1000:8.1f} ms  {seconds / floor:6.2f} x seed")


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "-"


def _print_total(name: str, scores: list[NoteScore]) -> None:
    placed, points = sum(s.placed for s in scores), sum(s.points for s in scores)
    linked, answerable = sum(s.linked for s in scores), sum(s.answerable for s in scores)
    theses = sum(s.thesis for s in scores)
    print(
        f"{name:<34} {_share(placed, points):>14} {_share(linked, answerable):>12} "
        f"{theses}/{len(scores)} theses found ({len(scores)} notes)"
    )


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    only = None
    if "--batch" in argv:
        at = argv.index("--batch")
        only = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    folders = [Path(a) for a in argv if not a.startswith("-")] or [CORPUS]
    scores = [s for folder in folders for s in score_corpus(folder) if only is None or s.batch == only]
    print(f"{'note':<34} {'placed':>14} {'linked':>12} thesis title meta  ms")
    for s in scores:
        print(
            f"{s.name:<34} {_share(s.placed, s.points):>14} {_share(s.linked, s.answerable):>12} "
            f"{'yes' if s.thesis else 'no':>6} {'yes' if s.title else 'no':>5} {'yes' if s.meta else 'no':>4} "
            f"{s.seconds * 1000:4.0f}"
        )
        if verbose:
            for miss in s.misses:
                print(f"    {miss}")
    for batch in sorted({s.batch for s in scores}):
        _print_total(f"batch {batch}", [s for s in scores if s.batch == batch])
    _print_total("overall", scores)
    hostile_timings()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
