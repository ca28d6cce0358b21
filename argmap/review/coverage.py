"""Which of the map's nodes the answer states, and where.

Each node is matched on its text and, when it has one, its own label (a label is the author's short
name for the point, so an answer that names it states the point). A sentence is scored alone and
together with the next sentence of its paragraph, since students often spread one point over
two sentences. A node is covered when some place states at least :data:`COVERED` of its weight
(see :class:`argmap.language.Matcher`); the question and the map's conclusion are matched too, as
pseudo-nodes, to judge the introduction and the conclusion.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.language import AliasTable, Matcher
from argmap.model import ArgumentMap
from argmap.review.answer import Answer

#: Share of a node's weight a place must state for the node to count as covered.
COVERED = 0.5
#: A label stands for its node, but it is short: stating all of it counts this much.
LABEL_CREDIT = 0.9
QUESTION = "?question"
CONCLUSION = "?conclusion"
_LABEL = "\tlabel"


@dataclass(frozen=True)
class Coverage:
    """How well each node is stated: ``best`` score per node, ``place`` the sentence index where,
    ``by_sentence`` each sentence's node scores with the next sentence's help, and ``alone`` each
    sentence's own (pseudo-nodes included in both)."""

    best: dict[str, float]
    place: dict[str, int]
    by_sentence: tuple[dict[str, float], ...]
    alone: tuple[dict[str, float], ...]

    def covered(self, node_id: str, threshold: float = COVERED) -> bool:
        return self.best.get(node_id, 0.0) >= threshold

    def score_in(self, node_id: str, sentence_indexes: set[int] | range) -> float:
        """The best score of a node over some sentences of the answer."""
        return max((self.by_sentence[i].get(node_id, 0.0) for i in sentence_indexes), default=0.0)


def node_matcher(argument_map: ArgumentMap, aliases: AliasTable) -> Matcher:
    """A matcher over the map's node texts, explicit labels, question and conclusion."""
    texts: dict[str, str] = {}
    for node in argument_map.nodes:
        texts[node.id] = node.text
        if node.label:
            texts[node.id + _LABEL] = node.label
    if argument_map.question:
        texts[QUESTION] = argument_map.question
    if argument_map.conclusion:
        texts[CONCLUSION] = argument_map.conclusion
    return Matcher(texts, aliases)


def coverage(answer: Answer, matcher: Matcher) -> Coverage:
    """Each node's best score over the answer's sentences and two-sentence windows (see the module)."""
    by_sentence: list[dict[str, float]] = []
    alone: list[dict[str, float]] = []
    sentences = answer.sentences
    for position, sentence in enumerate(sentences):
        scores = _node_scores(matcher.scores(sentence.text))
        alone.append(dict(scores))
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        if following is not None and following.paragraph == sentence.paragraph:
            window = _node_scores(matcher.scores(sentence.text + " " + following.text))
            for node_id, score in window.items():
                if score > scores.get(node_id, 0.0):
                    scores[node_id] = score
        by_sentence.append(scores)
    best, place = _highest(by_sentence)
    # A node's place is the sentence that states most of it on its own, where there is one: the
    # window of a sentence and the next also holds the next sentence's points.
    place.update(_highest(alone)[1])
    return Coverage(best, place, tuple(by_sentence), tuple(alone))


def _highest(rows: list[dict[str, float]]) -> tuple[dict[str, float], dict[str, int]]:
    """Each node's highest score over the rows and the first row that has it."""
    best: dict[str, float] = {}
    place: dict[str, int] = {}
    for index, scores in enumerate(rows):
        for node_id, score in scores.items():
            if score > best.get(node_id, 0.0):
                best[node_id] = score
                place[node_id] = index
    return best, place


def _node_scores(raw: dict[str, float]) -> dict[str, float]:
    scores: dict[str, float] = {}
    for key, score in raw.items():
        node_id, is_label = (key[: -len(_LABEL)], True) if key.endswith(_LABEL) else (key, False)
        value = score * LABEL_CREDIT if is_label else score
        if value > scores.get(node_id, 0.0):
            scores[node_id] = value
    return scores
