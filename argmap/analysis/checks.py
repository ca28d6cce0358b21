"""Map checks (``argmap lint``): gaps a student should close before writing the answer.

Each check has a code, a severity and a sentence a student can act on. Errors make the map unfit
to judge (no thesis, circular reasoning); warnings are gaps an examiner would mark down (a claim
with no evidence, an irritant left unanswered); hints are worth a look (one-sided dimensions).
:data:`RULES` lists every code with its severity and what it looks for.

"A relation that contradicts its kinds" cannot be a breach of the model's ``ALLOWED`` table here:
every map reaching this module was validated, and validation already rejects such pairs (``argmap
validate`` lists them). The check looks for the subtler contradiction the table cannot see, found
by walking down from the thesis (a supporting child keeps its parent's side, an opposing child takes
the other): a recommendation that ends up arguing against the thesis (a way forward that
strengthens an irritant), and a node whose relations put it on both sides of the thesis at once.

Near-duplicates are found without comparing every pair: texts are normalised (lower case, words
only), identical ones are grouped by a dictionary, and the distinct texts are bucketed by their
three rarest words, so only texts sharing a rare word are compared (rapidfuzz ``process.cdist``,
``token_sort_ratio`` ≥ :data:`NEAR_DUPLICATE_SCORE`). Words shared by more than
:data:`BUCKET_LIMIT` texts say nothing about duplication and form no bucket.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from enum import StrEnum

from argmap.analysis.explain import side_words, unanswered_counterpoints
from argmap.graph import MapGraph, Side, cycle_text, find_cycles
from argmap.model import LABEL_MAX, ArgumentMap, Basis, Kind, Node, RelationType
from argmap.words import counted


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"


@dataclass(frozen=True)
class Check:
    """One finding: its code, severity, the node it is about (None for the whole map) and a
    sentence saying what is wrong and what to do."""

    code: str
    severity: Severity
    node: str | None
    message: str

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    looks_for: str


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("missing-thesis", Severity.ERROR, "the map has no thesis to argue for"),
        Rule("cycle", Severity.ERROR, "relations that go round in a circle (circular reasoning)"),
        Rule("disconnected", Severity.WARNING, "a node with no path of relations up to the thesis"),
        Rule(
            "claim-without-evidence",
            Severity.WARNING,
            "a claim with no evidence under it, directly or through sub-claims",
        ),
        Rule(
            "unanswered-counterpoint",
            Severity.WARNING,
            "a counterpoint (irritant) with no rebuttal or recommendation opposing it",
        ),
        Rule(
            "evidence-without-source",
            Severity.WARNING,
            "evidence that cites no source (common knowledge excepted)",
        ),
        Rule("single-source", Severity.HINT, "a claim whose evidence all comes from one source"),
        Rule("near-duplicate", Severity.WARNING, "a node whose text (nearly) repeats an earlier node's"),
        Rule("one-sided-dimension", Severity.HINT, "a dimension (tag) argued on one side of the thesis only"),
        Rule(
            "label-too-long",
            Severity.WARNING,
            f"a label longer than {LABEL_MAX} characters, too long for a map box",
        ),
        Rule(
            "relation-contradicts-kind",
            Severity.WARNING,
            "a recommendation arguing against the thesis, or a node on both sides of it",
        ),
    )
}

NEAR_DUPLICATE_SCORE = 90
BUCKET_LIMIT = 64
_RARE_WORDS = 3
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.HINT: 2}
_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "that",
        "this",
        "from",
        "into",
        "its",
        "their",
        "has",
        "have",
        "are",
        "was",
        "were",
        "been",
        "not",
        "but",
        "also",
        "more",
        "than",
        "such",
        "which",
        "who",
        "whom",
        "whose",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
    ]
)


def lint(argument_map: ArgumentMap) -> list[Check]:
    """Every check that fires on the map: errors first, then warnings, then hints, each in map order."""
    context = _Context(argument_map)
    found: list[Check] = []
    for rule in _RULE_FUNCTIONS:
        found.extend(rule(context))
    position = {node_id: number for number, node_id in enumerate(context.graph.ids)}
    found.sort(key=lambda c: (_SEVERITY_ORDER[c.severity], position.get(c.node, -1) if c.node else -1))
    return found


def has_errors(checks: list[Check]) -> bool:
    return any(check.severity is Severity.ERROR for check in checks)


def checks_summary(checks: list[Check]) -> str:
    """How many of each severity: ``0 errors, 3 warnings, 15 hints``."""
    return ", ".join(
        counted(sum(1 for check in checks if check.severity is severity), severity.value)
        for severity in Severity
    )


class _Context:
    """What several rules need, computed once."""

    def __init__(self, argument_map: ArgumentMap):
        self.map = argument_map
        self.graph: MapGraph = MapGraph.of(argument_map)
        self.nodes: dict[str, Node] = argument_map.node_index()
        self.sides = self.graph.sides_reached()
        self.for_word, self.against_word = side_words(argument_map)
        self.source_title: dict[str, str] = {}

    def name(self, node_id: str) -> str:
        node = self.nodes[node_id]
        return f"{node.kind.value} “{node.display_label}”"

    def check(self, code: str, node: str | None, message: str) -> Check:
        return Check(code, RULES[code].severity, node, message)


def _missing_thesis(c: _Context) -> Iterator[Check]:
    if c.graph.thesis is None:
        yield c.check(
            "missing-thesis",
            None,
            "The map has no thesis: add the one-sentence answer your essay or case defends.",
        )


def _cycles(c: _Context) -> Iterator[Check]:
    for cycle in find_cycles(c.map, c.graph):
        loop = cycle_text(cycle, " → ")
        yield c.check(
            "cycle",
            cycle[0],
            f"These nodes argue in a circle ({loop}), so none of them can prove the others; break one relation.",
        )


def _disconnected(c: _Context) -> Iterator[Check]:
    if c.graph.thesis is None:
        return
    reached = c.graph.descendants(c.graph.thesis) | {c.graph.thesis}
    for node_id in c.graph.ids:
        if node_id not in reached and c.graph.kind[node_id] is not Kind.CONTEXT:
            yield c.check(
                "disconnected",
                node_id,
                f"The {c.name(node_id)} is not connected to the thesis; link it to the node it argues about, or delete it.",
            )


def _evidence_below(c: _Context) -> tuple[dict[str, bool], dict[str, frozenset[str]]]:
    """For each claim and evidence: whether evidence backs it (through supporting claims) and up to
    two of the distinct sources that evidence cites (two are enough to know it is not one)."""
    backed: dict[str, bool] = {}
    sources: dict[str, frozenset[str]] = {}
    for component in c.graph.components_leaves_first():
        for node_id in component:
            kind = c.graph.kind[node_id]
            if kind is Kind.EVIDENCE:
                keys = set()
                for source in c.nodes[node_id].sources:
                    # The same report cited twice (by url, or by title) is one source.
                    key = (source.url or source.title).strip().lower()
                    c.source_title.setdefault(key, source.title)
                    keys.add(key)
                sources[node_id] = frozenset(sorted(keys)[:2])
                continue
            if kind is not Kind.CLAIM:
                continue
            has_evidence = False
            collected: set[str] = set()
            for child, relation in c.graph.children[node_id]:
                child_kind = c.graph.kind[child]
                if relation is not RelationType.SUPPORTS or child_kind not in (Kind.EVIDENCE, Kind.CLAIM):
                    continue
                has_evidence = has_evidence or child_kind is Kind.EVIDENCE or backed.get(child, False)
                if len(collected) < 2:
                    collected.update(sources.get(child, ()))
            backed[node_id] = has_evidence
            sources[node_id] = frozenset(sorted(collected)[:2])
    return backed, sources


def _claims_and_sources(c: _Context) -> Iterator[Check]:
    backed, sources = _evidence_below(c)
    for node_id in c.graph.ids:
        if c.graph.kind[node_id] is not Kind.CLAIM:
            continue
        if not backed[node_id]:
            yield c.check(
                "claim-without-evidence",
                node_id,
                f"The {c.name(node_id)} has no evidence under it; add a fact, statistic, example or agreement that backs it.",
            )
        elif len(sources[node_id]) == 1:
            (only,) = sources[node_id]
            yield c.check(
                "single-source",
                node_id,
                f"The {c.name(node_id)} rests on one source only ({c.source_title[only]}); a second, independent source makes it safer.",
            )


def _unanswered(c: _Context) -> Iterator[Check]:
    for node_id in unanswered_counterpoints(c.map, c.graph):
        yield c.check(
            "unanswered-counterpoint",
            node_id,
            f"The {c.name(node_id)} is never answered; add a rebuttal or a way-forward recommendation that opposes it.",
        )


def _unsourced(c: _Context) -> Iterator[Check]:
    for node_id, node in c.nodes.items():
        if node.kind is Kind.EVIDENCE and not node.sources and node.basis is not Basis.COMMON_KNOWLEDGE:
            yield c.check(
                "evidence-without-source",
                node_id,
                f"The {c.name(node_id)} cites no source; name where it comes from (report, agreement, news item).",
            )


def _normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(_WORD.findall(folded))


def _near_duplicates(c: _Context) -> Iterator[Check]:
    from rapidfuzz import fuzz, process

    # Identical normalised texts share one entry; only distinct texts are compared.
    nodes_of: dict[str, list[str]] = {}
    for node_id in c.graph.ids:
        nodes_of.setdefault(_normalise(c.nodes[node_id].text), []).append(node_id)
    texts = list(nodes_of)
    words = [{w for w in text.split() if len(w) > 2 and w not in _STOPWORDS} for text in texts]
    frequency = Counter(w for word_set in words for w in word_set)
    buckets: dict[str, list[int]] = {}
    for number, word_set in enumerate(words):
        if len(word_set) < 3:  # too short to call "nearly the same" safely; exact repeats still count
            continue
        for word in sorted(word_set, key=lambda w: (frequency[w], w))[:_RARE_WORDS]:
            buckets.setdefault(word, []).append(number)
    group = list(range(len(texts)))  # union-find over distinct texts

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for members in buckets.values():
        if not 2 <= len(members) <= BUCKET_LIMIT:
            continue
        scores = process.cdist(
            [texts[i] for i in members],
            [texts[i] for i in members],
            scorer=fuzz.token_sort_ratio,
            score_cutoff=NEAR_DUPLICATE_SCORE,
        )
        for row, col in zip(*scores.nonzero(), strict=True):
            if row < col:
                group[root(members[row])] = root(members[col])
    position = {node_id: number for number, node_id in enumerate(c.graph.ids)}
    clusters: dict[int, list[str]] = {}
    for number, text in enumerate(texts):
        clusters.setdefault(root(number), []).extend(nodes_of[text])
    for cluster in clusters.values():
        if len(cluster) < 2:
            continue
        cluster.sort(key=position.__getitem__)
        first = cluster[0]
        first_text = _normalise(c.nodes[first].text)
        for node_id in cluster[1:]:
            score = fuzz.token_sort_ratio(first_text, _normalise(c.nodes[node_id].text))
            how = "repeats" if score == 100 else f"nearly repeats ({score:.0f}% alike)"
            yield c.check(
                "near-duplicate",
                node_id,
                f"The {c.name(node_id)} {how} the text of {first!r}; merge the two or say what is different.",
            )


def _one_sided(c: _Context) -> Iterator[Check]:
    on_side: dict[str, set[Side]] = {}
    for node_id, node_sides in c.sides.items():
        for tag in c.nodes[node_id].tags:
            on_side.setdefault(tag, set()).update(node_sides)
    for tag in c.map.all_tags():
        found = on_side.get(tag, set())
        if len(found) != 1:
            continue
        (side,) = found
        argued, missing = (c.for_word, c.against_word) if side is Side.FOR else (c.against_word, c.for_word)
        yield c.check(
            "one-sided-dimension",
            None,
            f"The dimension '{tag}' appears only among {argued}; weigh the {missing} in it too, or say why there are none.",
        )


def _long_labels(c: _Context) -> Iterator[Check]:
    for node_id, node in c.nodes.items():
        if node.label and len(node.label) > LABEL_MAX:
            yield c.check(
                "label-too-long",
                node_id,
                f"The label of {node_id!r} has {len(node.label)} characters; keep it to {LABEL_MAX} so it fits its box on the map.",
            )


def _contradicting_relations(c: _Context) -> Iterator[Check]:
    for node_id in c.graph.ids:
        node_sides = c.sides.get(node_id, frozenset())
        if len(node_sides) == 2:
            parents = ", ".join(
                f"{relation.value} {parent!r}" for parent, relation in c.graph.parents[node_id]
            )
            yield c.check(
                "relation-contradicts-kind",
                node_id,
                f"The {c.name(node_id)} argues both for and against the thesis ({parents}); keep the relation that says what you mean.",
            )
        elif c.graph.kind[node_id] is Kind.RECOMMENDATION and Side.AGAINST in node_sides:
            yield c.check(
                "relation-contradicts-kind",
                node_id,
                f"The {c.name(node_id)} ends up arguing against the thesis, among the {c.against_word}; "
                "a way-forward measure should ease an irritant or advance the thesis.",
            )


_RULE_FUNCTIONS = (
    _missing_thesis,
    _cycles,
    _disconnected,
    _claims_and_sources,
    _unanswered,
    _unsourced,
    _near_duplicates,
    _one_sided,
    _long_labels,
    _contradicting_relations,
)
