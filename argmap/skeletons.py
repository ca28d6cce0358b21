"""Starting shapes for new maps: blank, bilateral relations, debate motion, policy question.

A skeleton is a small valid map whose node texts tell the author what to write in each box. They
are data, not code: adding a shape means adding one entry to ``SKELETONS``.
"""

from __future__ import annotations

from typing import Any

from argmap.editing import fresh_id
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


#: (id, text) of every skeleton node as a new map has it: a node still like this is a placeholder
PLACEHOLDERS = frozenset(
    (node["id"], node["text"]) for shape in SKELETONS.values() for node in shape["nodes"]
)


def placeholder_id(before: ArgumentMap, after: ArgumentMap, node_id: str) -> str | None:
    """The id a skeleton node should take now that it is first written over, or None.

    A new map's boxes have ids such as ``irritant`` that only name the placeholder; once the author
    gives the box its own words (the text, or a label, changes from the skeleton's), the id follows
    them, so that a later "Deleted 'irritant'" does not name a box that is no longer an irritant
    placeholder. Only the first time: an id the author has seen in use is never changed again.
    """
    old, new = before.node_index().get(node_id), after.node_index().get(node_id)
    if old is None or new is None or (old.id, old.text) not in PLACEHOLDERS or old.label:
        return None
    if new.text == old.text and not new.label:
        return None
    wanted = fresh_id(after, new.label or new.text)
    return wanted if wanted != node_id else None


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
