"""The shared text matcher: an answer states a point when it says it in other words."""

from __future__ import annotations

from argmap.language import (
    Matcher,
    extended,
    field_aliases,
    is_content_word,
    lemma,
    rarity,
    sentences,
    similarity,
    terms,
    words,
)


def _keys(text: str, aliases=None) -> set[str]:
    return {term.key for term in terms(text, aliases).items}


def test_codes_and_possessives_are_one_word_each():
    assert words("India's Mi-35 and S-400 deals, U.S. policy") == [
        "India's",
        "Mi-35",
        "and",
        "S-400",
        "deals",
        "US",
        "policy",
    ]


def test_devanagari_vowel_signs_stay_inside_words():
    assert words("भारत और रूस के संबंध") == ["भारत", "और", "रूस", "के", "संबंध"]


def test_lemmas_fold_plurals_and_verb_forms():
    assert lemma("helicopters") == "helicopter"
    assert lemma("supported") == "support"
    assert lemma("S-400") == lemma("S400")


def test_rare_words_weigh_more_than_common_ones():
    assert rarity("kudankulam") > rarity("helicopter") > rarity("country") > rarity("have")
    assert 0 < rarity("the") <= 0.1


def test_stop_words_and_single_letters_carry_no_meaning():
    assert not is_content_word("the")
    assert not is_content_word("however")
    assert not is_content_word("x")
    assert is_content_word("2014")
    assert is_content_word("sanctions")


def test_capitals_and_demonyms_are_their_countries():
    assert _keys("Washington") == _keys("the United States") == _keys("US") == _keys("America")
    assert _keys("Moscow") == _keys("Russia") == _keys("Russian")
    assert _keys("New Delhi") == _keys("India")
    assert _keys("Islamabad") == _keys("Pakistan")
    assert _keys("Beijing") == _keys("China")
    assert _keys("Tokyo") == _keys("Japan")


def test_acronyms_are_their_expansions():
    assert _keys("UNSC") == _keys("the UN Security Council") == _keys("the Security Council")
    assert _keys("NSG") == _keys("Nuclear Suppliers Group")
    assert _keys("SCO") == _keys("Shanghai Cooperation Organisation")
    assert _keys("INSTC") == _keys("the International North-South Transport Corridor")
    assert _keys("MEA") == _keys("Ministry of External Affairs")


def test_the_pronoun_us_is_not_the_united_states():
    assert _keys("Let us act") != _keys("Let US act")
    assert _keys("Let us act") == _keys("Let act")


def test_a_map_adds_its_own_aliases_without_losing_the_fields():
    table = extended({"helicopters": ["Mi-35", "Hind"], "Russia": ["Rus"]})

    assert _keys("Mi-35", table) == _keys("helicopters", table)
    assert _keys("Rus", table) == _keys("Moscow", table) == _keys("Russia", table)
    assert _keys("Mi-35") != _keys("helicopters")
    assert extended(None) is field_aliases()


def test_paraphrase_with_aliases_is_more_similar_than_an_unrelated_text():
    model = "Closer ties with Washington are a response to China, not a break with Moscow."
    paraphrase = "Getting closer to the US is India's answer to Beijing; it is no break with Russia."
    unrelated = "The monsoon brought heavy rain to Kerala and flooded paddy fields."

    assert similarity(model, paraphrase) > 0.5
    assert similarity(model, unrelated) == 0.0


def test_spelling_variants_and_derived_forms_match():
    assert similarity("defence cooperation", "defense cooperation") == 1.0
    assert similarity("a strategic partnership", "the strategy of partners") == 1.0
    assert similarity("Kudankulam plant", "Kudankulum plant") == 1.0


def test_figures_and_concepts_are_never_fuzzy():
    assert similarity("signed in 2014", "signed in 2016") < 1.0
    assert similarity("Russia", "Prussia") == 0.0


def test_the_matcher_names_the_node_a_sentence_states():
    matcher = Matcher(
        {
            "nsg-backing": "Russia backs India's application to join the Nuclear Suppliers Group.",
            "unsc-backing": "Russia supports India's bid to become a permanent member of the UN Security Council.",
            "space": "Space is a long-running field of cooperation, from India's first satellite to crewed spaceflight.",
        }
    )

    ranked = matcher.ranked("Moscow backs New Delhi's bid to join the NSG.")

    assert ranked[0][0] == "nsg-backing"
    assert ranked[0][1] > 0.8
    assert "space" not in dict(matcher.ranked("Moscow backs New Delhi's bid to join the NSG.", 0.3))


def test_the_matcher_says_which_terms_a_sentence_missed():
    matcher = Matcher({"mi35": "Russia sold Mi-35 attack helicopters to Pakistan."})

    found, missed = matcher.split("mi35", "Moscow sold helicopters to Islamabad.")

    assert [term.surface for term in found] == ["Russia", "sold", "helicopters", "Pakistan"]
    assert [term.surface for term in missed] == ["Mi-35", "attack"]


def test_sentences_keep_their_spans_and_skip_abbreviations():
    text = "India and Russia are friends. The U.S. is far, e.g. here.\nMr. Modi agreed"

    found = sentences(text)

    assert [s.text for s in found] == [
        "India and Russia are friends.",
        "The U.S. is far, e.g. here.",
        "Mr. Modi agreed",
    ]
    assert all(text[s.start : s.end] == s.text for s in found)


def test_blank_text_has_no_sentences_and_no_terms():
    assert sentences("  \n ") == []
    assert terms("the of and").items == ()


def test_a_maps_aliases_survive_loading_and_saving_unchanged():
    from argmap.mapfile import dump_map, parse_map

    text = (
        "schema: 1\n"
        "title: Helicopters\n"
        "aliases:\n"
        "  helicopters: [Mi-35, Hind]\n"
        "nodes:\n"
        "- id: sale\n"
        "  kind: thesis\n"
        "  text: Russia sold helicopters to Pakistan.\n"
    )

    loaded = parse_map(text)

    assert loaded.aliases == {"helicopters": ["Mi-35", "Hind"]}
    assert dump_map(loaded) == text


def test_related_words_of_policy_writing_are_found_by_lemma():
    from argmap.language.related import related_groups

    assert "jobs" in related_groups(lemma("employees")) & related_groups(lemma("layoffs"))
    assert "time taken" in related_groups(lemma("delays")) & related_groups(lemma("backlog"))
    assert related_groups(lemma("tram")) == frozenset()
