"""Commands on a map's analysis: ``score`` (DF-QuAD strengths and the thesis verdict) and ``lint``."""

from __future__ import annotations

import argparse

from argmap.commands.common import add_map_argument, load_target, print_json


def register(sub: argparse._SubParsersAction) -> None:
    score = sub.add_parser("score", help="DF-QuAD strength of every node, thesis verdict")
    add_map_argument(score)
    score.add_argument("--json", action="store_true", help="machine-readable output")
    score.set_defaults(func=cmd_score)

    lint = sub.add_parser("lint", help="structural and coverage checks (exit 1 if any error)")
    add_map_argument(lint)
    lint.add_argument("--json", action="store_true", help="machine-readable output")
    lint.set_defaults(func=cmd_lint)


def cmd_score(args: argparse.Namespace) -> int:
    from argmap.analysis import compute_strengths, side_words, verdict
    from argmap.graph import cycle_text, find_cycles

    loaded = load_target(args)
    argument_map = loaded.map
    strengths = compute_strengths(argument_map)
    # A settled cycle still shapes the verdict (two claims propping each other up reach 1.0), so
    # it is always reported, not only when it fails to converge.
    cycles = find_cycles(argument_map)
    judgement = verdict(argument_map, strengths)
    kinds = {node.id: node.kind.value for node in argument_map.nodes}
    # Strongest first; ties keep the map's order (sorted is stable).
    ranked = sorted(strengths.strength, key=lambda node_id: -strengths.strength[node_id])
    rows = [
        {
            "id": node_id,
            "kind": kinds[node_id],
            "base": round(strengths.base[node_id], 4),
            "strength": round(strengths.strength[node_id], 4),
        }
        for node_id in ranked
    ]
    if args.json:
        print_json(
            {
                "verdict": judgement.sentence,
                "thesis": judgement.thesis,
                "thesis_strength": judgement.strength,
                "converged": strengths.converged,
                "rounds": strengths.rounds,
                "cycles": cycles,
                "unanswered": list(judgement.unanswered),
                "nodes": rows,
            }
        )
        return 0
    width = max([len("id"), *(len(node_id) for node_id in ranked)])
    print(f"{'id':{width}}  {'kind':14}  {'base':>5}  {'strength':>8}")
    for row in rows:
        print(f"{row['id']:{width}}  {row['kind']:14}  {row['base']:5.2f}  {row['strength']:8.2f}")
    print()
    print(judgement.sentence)
    if cycles:
        loops = "; ".join(cycle_text(cycle) for cycle in cycles)
        settled = f"settled in {strengths.rounds} rounds" if strengths.converged else "did not settle"
        print(f"Cycle{'s' if len(cycles) > 1 else ''} (circular reasoning, {settled}): {loops}")
    against_word = side_words(argument_map)[1]
    print(f"Unanswered {against_word}: " + (", ".join(judgement.unanswered) or "none"))
    if not strengths.converged:
        print("Did not converge: " + ", ".join(sorted(strengths.unconverged)))
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    from argmap.analysis import checks_summary, has_errors, lint

    loaded = load_target(args)
    checks = lint(loaded.map)
    if args.json:
        print_json([check.to_dict() for check in checks])
        return 1 if has_errors(checks) else 0
    for check in checks:
        print(
            f"{loaded.path}: {check.severity.value.upper()} {check.code} {check.node or '(map)'}: {check.message}"
        )
    if checks:
        print(checks_summary(checks))
    else:
        print(f"{loaded.path}: no problems found")
    return 1 if has_errors(checks) else 0
