"""Analysis of an argument map: DF-QuAD strength of every node, explanations, and map checks.

Pure functions of an :class:`~argmap.model.ArgumentMap`; nothing here reads files or imports a UI.
The renderer (``--scores``), the outline (ordering and word budgets), the case builder and the app
all call these, so the exports below are stable:

- :func:`compute_strengths` (map) -> :class:`Strengths` (frozen): ``base`` and ``strength``
  (dicts node id -> float, in map order), ``converged``, ``rounds``, ``cyclic``, ``unconverged``.
  :func:`base_score` (node) -> float; :data:`KIND_BASE` and :data:`EVIDENCE_BASE` are the defaults.
- :func:`verdict` (map, strengths=None) -> :class:`Verdict` with the one-sentence ``sentence``,
  the thesis ``strength``, ``holds``, its ``supporting``/``opposing`` lines, the
  ``strongest_objection`` and the ``unanswered`` counterpoints.
- :func:`sensitivity` (map, node_id, strengths=None) -> list of :class:`Influence` (node,
  without, change), the node whose removal would move ``node_id`` most first.
- :func:`balance` (map, strengths=None) -> list of :class:`DimensionBalance`, one per tag: the
  strength and nodes of each side of the thesis.
- :func:`lint` (map) -> list of :class:`Check` (code, severity, node, message), errors first;
  :class:`Severity`, :data:`RULES` (every code), :func:`has_errors`.
- :func:`side_words` (map) -> what the map calls the lines for and against the thesis;
  :func:`unanswered_counterpoints` (map) -> ids of counterpoints nobody answers.

Passing the ``strengths`` already computed avoids computing them twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.lazy import lazy_names

if TYPE_CHECKING:
    from argmap.analysis.checks import RULES, Check, Rule, Severity, checks_summary, has_errors, lint
    from argmap.analysis.explain import (
        DimensionBalance,
        Influence,
        Verdict,
        balance,
        sensitivity,
        side_words,
        unanswered_counterpoints,
        verdict,
    )
    from argmap.analysis.strength import (
        EVIDENCE_BASE,
        KIND_BASE,
        Strengths,
        aggregate,
        base_score,
        combine,
        compute_strengths,
    )

# Each name is loaded from its module on first use (PEP 562), so that importing one part (the
# explanations, say) does not load the checks and the strengths.
_HOMES = {
    "RULES": "checks",
    "Check": "checks",
    "Rule": "checks",
    "Severity": "checks",
    "has_errors": "checks",
    "lint": "checks",
    "checks_summary": "checks",
    "DimensionBalance": "explain",
    "Influence": "explain",
    "Verdict": "explain",
    "balance": "explain",
    "sensitivity": "explain",
    "side_words": "explain",
    "unanswered_counterpoints": "explain",
    "verdict": "explain",
    "EVIDENCE_BASE": "strength",
    "KIND_BASE": "strength",
    "Strengths": "strength",
    "aggregate": "strength",
    "base_score": "strength",
    "combine": "strength",
    "compute_strengths": "strength",
}


__getattr__ = lazy_names(__name__, _HOMES)


__all__ = [
    "EVIDENCE_BASE",
    "KIND_BASE",
    "RULES",
    "Check",
    "DimensionBalance",
    "Influence",
    "Rule",
    "Severity",
    "Strengths",
    "Verdict",
    "aggregate",
    "balance",
    "base_score",
    "checks_summary",
    "combine",
    "compute_strengths",
    "has_errors",
    "lint",
    "sensitivity",
    "side_words",
    "unanswered_counterpoints",
    "verdict",
]
