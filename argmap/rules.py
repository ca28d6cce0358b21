"""The rules of a map in one place: the kinds, which kind may relate to which and how, the kind a new
child should get, the ids of new nodes, and the sentence that says why a relation is refused.

The model (:mod:`argmap.model`) validates a map against these rules; the Editor
(:mod:`argmap.editing`), the importers of other formats and the generator of test maps all ask here
rather than keeping their own copies. This module imports nothing else of argmap, so the model can
stand on it.

Allowed kind / relation pairs (child kind, relation, parent kinds):

==============  ==========  ======================================================
child kind      relation    parent kinds allowed
==============  ==========  ======================================================
thesis          (none)      the root: a thesis has no parents
claim           supports    thesis, claim, counterpoint, rebuttal, recommendation
counterpoint    opposes     thesis, claim, rebuttal, recommendation, evidence
rebuttal        opposes     counterpoint
evidence        supports    thesis, claim, counterpoint, rebuttal, recommendation
evidence        opposes     thesis, claim, counterpoint, rebuttal, recommendation
recommendation  supports    thesis, claim
recommendation  opposes     counterpoint
context         supports    thesis, context
==============  ==========  ======================================================

Why these: a claim is by definition a point *for* its parent and a counterpoint a point *against*
it, so a claim that opposes or a counterpoint that supports contradicts its own kind. A point
against a counterpoint is what a rebuttal is, so a counterpoint may not oppose a counterpoint.
Evidence backs or undermines an argumentative node, never context or other evidence. Context only
frames the question.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from enum import StrEnum

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 64


class Kind(StrEnum):
    THESIS = "thesis"
    CLAIM = "claim"
    COUNTERPOINT = "counterpoint"
    REBUTTAL = "rebuttal"
    EVIDENCE = "evidence"
    RECOMMENDATION = "recommendation"
    CONTEXT = "context"


class RelationType(StrEnum):
    SUPPORTS = "supports"
    OPPOSES = "opposes"


_ARGUMENTATIVE = frozenset({Kind.THESIS, Kind.CLAIM, Kind.COUNTERPOINT, Kind.REBUTTAL, Kind.RECOMMENDATION})

#: (child kind, relation) -> parent kinds allowed. A pair missing here is not allowed at all.
ALLOWED: dict[tuple[Kind, RelationType], frozenset[Kind]] = {
    (Kind.CLAIM, RelationType.SUPPORTS): _ARGUMENTATIVE,
    (Kind.COUNTERPOINT, RelationType.OPPOSES): frozenset(
        {Kind.THESIS, Kind.CLAIM, Kind.REBUTTAL, Kind.RECOMMENDATION, Kind.EVIDENCE}
    ),
    (Kind.REBUTTAL, RelationType.OPPOSES): frozenset({Kind.COUNTERPOINT}),
    (Kind.EVIDENCE, RelationType.SUPPORTS): _ARGUMENTATIVE,
    (Kind.EVIDENCE, RelationType.OPPOSES): _ARGUMENTATIVE,
    (Kind.RECOMMENDATION, RelationType.SUPPORTS): frozenset({Kind.THESIS, Kind.CLAIM}),
    (Kind.RECOMMENDATION, RelationType.OPPOSES): frozenset({Kind.COUNTERPOINT}),
    (Kind.CONTEXT, RelationType.SUPPORTS): frozenset({Kind.THESIS, Kind.CONTEXT}),
}


def allowed_parent_kinds(kind: Kind, relation: RelationType) -> frozenset[Kind]:
    """Parent kinds that a node of ``kind`` may point to with ``relation`` (empty: none)."""
    return ALLOWED.get((kind, relation), frozenset())


def may_relate(kind: Kind, relation: RelationType, parent_kind: Kind) -> bool:
    """Whether a ``kind`` node may bear on a ``parent_kind`` node by ``relation``."""
    return parent_kind in allowed_parent_kinds(kind, relation)


def default_relation(kind: Kind) -> RelationType | None:
    """The relation a new child of this kind takes to its parent, or None for a thesis."""
    if kind is Kind.THESIS:
        return None
    if kind in (Kind.COUNTERPOINT, Kind.REBUTTAL):
        return RelationType.OPPOSES
    return RelationType.SUPPORTS


def relation_for(kind: Kind, parent_kind: Kind) -> RelationType | None:
    """The relation a new ``kind`` node takes to a ``parent_kind`` parent, or None when none fits.

    The kind's usual relation (:func:`default_relation`) comes first; a recommendation under a
    counterpoint opposes it, because easing an irritant is arguing against it.
    """
    usual = default_relation(kind)
    if usual is None:
        return None
    for relation in (usual, *(r for r in RelationType if r is not usual)):
        if may_relate(kind, relation, parent_kind):
            return relation
    return None


#: The kind a user most often hangs below each kind: an irritant is answered by a rebuttal, a claim
#: or a rebuttal is backed by evidence, evidence is questioned by a counterpoint.
NATURAL_CHILD = {
    Kind.THESIS: Kind.CLAIM,
    Kind.CLAIM: Kind.EVIDENCE,
    Kind.COUNTERPOINT: Kind.REBUTTAL,
    Kind.REBUTTAL: Kind.EVIDENCE,
    Kind.EVIDENCE: Kind.COUNTERPOINT,
    Kind.RECOMMENDATION: Kind.EVIDENCE,
    Kind.CONTEXT: Kind.CONTEXT,
}


def child_kinds(parent_kind: Kind) -> list[Kind]:
    """The kinds of node that may hang below a ``parent_kind`` node: the most natural one first
    (:data:`NATURAL_CHILD`), then the others in the Kind order."""
    allowed = [kind for kind in Kind if relation_for(kind, parent_kind) is not None]
    first = NATURAL_CHILD[parent_kind]
    return sorted(allowed, key=lambda kind: kind is not first)


def kind_by_polarity(relation: RelationType, parent_kind: Kind) -> Kind:
    """The kind of a statement that the source gives no kind, from how it bears on its parent: one
    that supports is a claim, one that opposes a counterpoint is a rebuttal, one that opposes
    anything else a counterpoint (so kinds follow polarity relative to the root)."""
    if relation is RelationType.SUPPORTS:
        return Kind.CLAIM
    return Kind.REBUTTAL if parent_kind is Kind.COUNTERPOINT else Kind.COUNTERPOINT


# -- why a relation is refused -------------------------------------------------------------------


def _a(kind: Kind) -> str:
    # "evidence" is uncountable: "evidence may support only …", not "a evidence …"
    return "evidence" if kind is Kind.EVIDENCE else f"a {kind.value}"


def _verb(relation: RelationType) -> str:
    return relation.value.rstrip("s")


def refusal_reason(kind: Kind, relation: RelationType, parent_kind: Kind) -> str:
    """Why a ``kind`` node may not bear on a ``parent_kind`` node by ``relation``, as the clause
    after the colon: "a rebuttal may oppose only counterpoint"."""
    if kind is Kind.THESIS:
        return "the thesis is the root and has no parents"
    if kind is Kind.COUNTERPOINT and parent_kind is Kind.COUNTERPOINT:
        return "an answer to a counterpoint is a rebuttal"
    allowed = allowed_parent_kinds(kind, relation)
    if not allowed:
        other = RelationType.OPPOSES if relation is RelationType.SUPPORTS else RelationType.SUPPORTS
        return f"{_a(kind)} only {other.value} its parent"
    names = ", ".join(sorted(allowed_kind.value for allowed_kind in allowed))
    return f"{_a(kind)} may {_verb(relation)} only {names}"


def refusal(
    node_id: str | None, kind: Kind, relation: RelationType, parent_id: str, parent_kind: Kind
) -> str:
    """The one sentence that refuses a relation, naming both ends: "node 'x' (claim) cannot oppose
    'y' (thesis): a claim only supports its parent". A node not made yet (``node_id`` None) is
    called by its kind: "a rebuttal cannot oppose …"."""
    who = f"node {node_id!r} ({kind.value})" if node_id is not None else _a(kind)
    return (
        f"{who} cannot {_verb(relation)} {parent_id!r} ({parent_kind.value}): "
        f"{refusal_reason(kind, relation, parent_kind)}"
    )


# -- ids of new nodes --------------------------------------------------------------------------


def slugify(text: str, limit: int = 40) -> str:
    """A slug id made from free text: lower case ASCII words joined by hyphens (may be empty)."""
    # Accents go (é -> e); dashes and other punctuation separate words ("India–Japan" ->
    # "india-japan", not "indiajapan"); letters of other scripts drop out.
    unquoted = re.sub(r"['’]", "", text)  # "India's" -> "indias"
    decomposed = "".join(c for c in unicodedata.normalize("NFKD", unquoted) if not unicodedata.combining(c))
    spaced = re.sub(r"[\W_]+", " ", decomposed)
    ascii_text = spaced.encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")


class NewIds:
    """Ids for new nodes, each made from the node's text (:func:`slugify`) and free among ``taken``
    and every id given before: ``defence``, then ``defence-2``, ``defence-3`` … (the first number
    free). Ids stay within :data:`SLUG_MAX`. Many equal texts cost linear time, not quadratic: the
    search for a number starts after the last one given for that text, since ids are only ever
    added, so every smaller number is still taken."""

    def __init__(self, taken: Iterable[str] = ()):
        self.taken = set(taken)
        self._next: dict[str, int] = {}

    def reserve(self, node_id: str) -> None:
        """Mark an id as used (one the source asked for, given before the others are made)."""
        self.taken.add(node_id)

    def make(self, text: str, fallback: str = "node") -> str:
        """A new id from ``text`` (``fallback`` when no slug can be made of it), now taken."""
        return self.free(slugify(text), fallback)

    def free(self, base: str, fallback: str = "node") -> str:
        """``base`` (a slug) as a new id: itself when free, else numbered; now taken."""
        base = base[:SLUG_MAX].strip("-") or fallback
        candidate, number = base, self._next.get(base, 2)
        if base in self._next or candidate in self.taken:
            while True:
                suffix = f"-{number}"
                candidate = base[: SLUG_MAX - len(suffix)].rstrip("-") + suffix
                number += 1
                if candidate not in self.taken:
                    break
        self._next[base] = number
        self.taken.add(candidate)
        return candidate


__all__ = [
    "ALLOWED",
    "NATURAL_CHILD",
    "SLUG",
    "SLUG_MAX",
    "Kind",
    "NewIds",
    "RelationType",
    "allowed_parent_kinds",
    "child_kinds",
    "default_relation",
    "kind_by_polarity",
    "may_relate",
    "refusal",
    "refusal_reason",
    "relation_for",
    "slugify",
]
