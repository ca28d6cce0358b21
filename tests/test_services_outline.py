"""The outline a map's question asks for: its template and word limit."""

from __future__ import annotations

from argmap.model import ArgumentMap, Directive
from argmap.services.outline import template_for_question


def asked(question: str | None, directive: Directive | None = None):
    return template_for_question(ArgumentMap(title="T", question=question, directive=directive))


def test_a_question_of_250_words_asks_for_the_15_mark_answer():
    choice = asked("Critically examine the ties. (250 words)", Directive.CRITICALLY_EXAMINE)
    assert (choice.template, choice.words) == ("upsc-gs-250", None)
    assert "250 words" in choice.reason


def test_a_question_of_150_words_asks_for_the_10_mark_answer():
    assert asked("Discuss the scheme in 150 words.", Directive.DISCUSS).template == "upsc-gs-150"


def test_marks_stand_for_their_usual_length():
    assert asked("Comment on the reform. (10 marks)", Directive.COMMENT).template == "upsc-gs-150"
    assert asked("Comment on the reform. (15 marks)", Directive.COMMENT).template == "upsc-gs-250"


def test_an_unusual_length_keeps_the_nearest_answer_and_its_own_word_limit():
    choice = asked("Explain the shift. (200 words)", Directive.EXPLAIN)
    assert choice.words == 200
    assert choice.template in ("upsc-gs-150", "upsc-gs-250")


def test_an_essay_title_asks_for_the_essay():
    assert asked("Technology is a double-edged sword").template == "upsc-essay"
    assert asked("Write an essay on water and the cities of tomorrow.").template == "upsc-essay"


def test_a_long_word_limit_asks_for_the_essay():
    choice = asked("Is growth without jobs growth at all? (1000-1200 words)")
    assert choice.template == "upsc-essay"


def test_a_motion_asks_for_a_debate_case():
    assert (
        asked("This House would ban social media for under-16s", Directive.DISCUSS).template == "debate-case"
    )
    assert asked("Motion: cities should ban private cars").template == "debate-case"


def test_a_map_without_a_question_gets_the_common_gs_answer():
    assert asked(None).template == "upsc-gs-250"


def test_a_question_with_a_directive_and_no_length_gets_the_common_gs_answer():
    assert asked("Examine the role of the Quad.", Directive.ANALYSE).template == "upsc-gs-250"
