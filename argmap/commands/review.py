"""The ``review`` command: an answer checked against the map it was written from.

A thin shell over :mod:`argmap.services.review`: read the answer, review it, print the marks, the
rubric and the findings (or one JSON object with ``--json``).
"""

from __future__ import annotations

import argparse
import sys

from argmap.commands.common import add_map_argument, load_target, print_json

# Kept here as text so that building the parser imports no part of the review core.
_RUBRIC_HELP = (
    "Marks: 15 for a 250-word answer (Introduction 2, Structure 2, Content from the map 5, "
    "Dimensions covered 2, Conclusion and way forward 3, Word limit 1); 10 for a 150-word answer "
    "(Introduction 1, Structure 1, Content from the map 4, Dimensions covered 1, Conclusion and "
    "way forward 2, Word limit 1)."
)


def register(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser(
        "review",
        help="an answer (.txt, .md, .docx or - for stdin) checked against the map: marks, rubric, findings",
        description="Review an answer to the map's question against the map. The question, directive "
        "and word limit come from the map (the limit from the question's '(250 words)', else 250); "
        "--words overrides the limit. " + _RUBRIC_HELP,
    )
    add_map_argument(review)
    review.add_argument(
        "answer", metavar="ANSWER", help="the answer: a .txt, .md or .docx file, or - for stdin"
    )
    review.add_argument("--json", action="store_true", help="print one JSON object")
    review.add_argument(
        "--words", type=int, metavar="N", help="the word limit (default: the question's, else 250)"
    )
    review.set_defaults(func=cmd_review)


def cmd_review(args: argparse.Namespace) -> int:
    from argmap.services.review import read_answer, review_text

    loaded = load_target(args)
    where, text = read_answer(args.answer, sys.stdin.buffer)
    result = review_text(loaded.map, text, where, args.words, str(loaded.path))
    if args.json:
        print_json(result.to_json())
        return 0
    limit = result.limit
    print(f"Marks: {result.marks:g} / {result.out_of}")
    print(f"Words: {result.words} (limit {limit.words}; {limit.low}–{limit.high} passes)")
    print("\nRubric:")
    width = max(len(line.criterion) for line in result.rubric)
    for line in result.rubric:
        print(f"  {line.criterion:<{width}}  {line.marks:g} / {line.out_of}")
    print("\nFindings:" if result.findings else "\nFindings: none")
    for finding in result.findings:
        node = f" [{finding.node}]" if finding.node else ""
        print(f"  - {finding.code}{node}: {finding.message}")
    print(f"\nCovered: {len(result.covered)} of the map's {len(loaded.map.nodes)} nodes")
    if result.missing:
        print("Missed: " + ", ".join(result.missing))
    return 0
