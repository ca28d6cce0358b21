"""The map's own words for its kinds, as the Editor's add menu shows them."""

from __future__ import annotations

from argmap.model import ArgumentMap, Kind, Node, Vocabulary
from argmap.words import kind_words, singular


def test_a_sides_name_is_made_singular_at_its_first_plural_word():
    assert singular("Convergences") == "Convergence"
    assert singular("Irritants") == "Irritant"
    assert singular("Opportunities for trade") == "Opportunity for trade"
    assert singular("Reasons to act") == "Reason to act"
    assert singular("Progress") == "Progress"  # no plural: kept
    assert singular("Analysis") == "Analysis"


def test_a_map_without_a_vocabulary_has_no_words_of_its_own():
    thesis = Node(id="t", kind=Kind.THESIS, text="Thesis")
    assert kind_words(ArgumentMap(title="Plain", nodes=[thesis])) == {}
    named = ArgumentMap(
        title="Named",
        nodes=[thesis],
        vocabulary=Vocabulary.model_validate({"for": "Benefits", "against": "Challenges"}),
    )
    assert kind_words(named) == {Kind.CLAIM: "Benefit", Kind.COUNTERPOINT: "Challenge"}
