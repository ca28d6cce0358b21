"""Starting shapes for new maps: blank, bilateral relations, debate motion, policy question.

A skeleton is a small valid map whose node texts tell the author what to write in each box. They
are data, not code: adding a shape means adding one entry to ``SKELETONS``.
"""

from __future__ import annotations

from typing import Any

from argmap.model import ArgumentMap, Directive

SkeletonNode = dict[str, Any]

SKELETONS: dict[str, dict[str, Any]] = {
    "blank": {
        "description": "just a thesis to build from",
        "directive": None,
        "vocabulary": None,
        "nodes": [
            {"id": "thesis", "kind": "thesis", "text": "State the answer your essay or case defends."},
        ],
    },
    "bilateral": {
        "description": "bilateral relations: context, convergences, irritants, way forward",
        "directive": Directive.CRITICALLY_EXAMINE,
        "vocabulary": {"for": "Convergences", "against": "Irritants"},
        "nodes": [
            {
                "id": "context",
                "kind": "context",
                "supports": ["thesis"],
                "text": "Recent event or background that frames the relationship.",
            },
            {"id": "thesis", "kind": "thesis", "text": "State your overall judgement of the relationship."},
            {
                "id": "convergence",
                "kind": "claim",
                "supports": ["thesis"],
                "tags": ["strategic"],
                "text": "An area where the two countries' interests converge.",
            },
            {
                "id": "irritant",
                "kind": "counterpoint",
                "opposes": ["thesis"],
                "tags": ["strategic"],
                "text": "An irritant that strains the relationship.",
            },
            {
                "id": "way-forward",
                "kind": "recommendation",
                "opposes": ["irritant"],
                "text": "A measure that would ease the irritant.",
            },
        ],
    },
    "debate": {
        "description": "debate motion: proposition case, opposition case, rebuttals",
        "directive": Directive.DISCUSS,
        "vocabulary": {"for": "Proposition", "against": "Opposition"},
        "nodes": [
            {
                "id": "motion",
                "kind": "thesis",
                "text": "This House would ... (the motion, as the proposition defends it).",
            },
            {
                "id": "prop-argument",
                "kind": "claim",
                "supports": ["motion"],
                "text": "The proposition's strongest argument.",
            },
            {
                "id": "opp-argument",
                "kind": "counterpoint",
                "opposes": ["motion"],
                "text": "The opposition's strongest argument.",
            },
            {
                "id": "prop-rebuttal",
                "kind": "rebuttal",
                "opposes": ["opp-argument"],
                "text": "The proposition's answer to it.",
            },
        ],
    },
    "policy": {
        "description": "policy question: context, benefits, challenges, way forward",
        "directive": Directive.DISCUSS,
        "vocabulary": {"for": "Benefits", "against": "Challenges"},
        "nodes": [
            {
                "id": "context",
                "kind": "context",
                "supports": ["thesis"],
                "text": "The policy and why it is in the news.",
            },
            {"id": "thesis", "kind": "thesis", "text": "Your judgement of the policy."},
            {"id": "benefit", "kind": "claim", "supports": ["thesis"], "text": "A benefit of the policy."},
            {
                "id": "challenge",
                "kind": "counterpoint",
                "opposes": ["thesis"],
                "text": "A challenge it faces.",
            },
            {
                "id": "measure",
                "kind": "recommendation",
                "opposes": ["challenge"],
                "text": "A measure that would meet the challenge.",
            },
        ],
    },
}


def skeleton_map(skeleton: str, title: str, question: str | None = None) -> ArgumentMap:
    """A new, valid map of the given shape. Raises KeyError for an unknown skeleton."""
    shape = SKELETONS[skeleton]
    return ArgumentMap.model_validate(
        {
            "title": title,
            "question": question,
            "directive": shape["directive"],
            "vocabulary": shape["vocabulary"],
            "nodes": shape["nodes"],
        }
    )
