"""A point's wording fits its budget; verdicts give reasons; labels and order read as a student's.

The budget measure runs every template on every map in ``arguments/`` and on maps imported from
the notes in ``tests/fixtures/notes/``: a point fits when its wording (its sentence, evidence and
sub-points) is within ±30% of its budget.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import ARGUMENTS, ROOT

from argmap.formats.notes import read_notes
from argmap.mapfile import parse_map
from argmap.model import ArgumentMap
from argmap.outline.builder import build_outline
from argmap.outline.model import Outline, Point
from argmap.outline.templates import TEMPLATES
from argmap.outline.wording import condense, drop_repeats, echoes, fit_point, fits, point_words, word_count

NOTES = ROOT / "tests" / "fixtures" / "notes"


def all_maps() -> dict[str, ArgumentMap]:
    maps = {
        path.stem: parse_map(path.read_text(encoding="utf-8"), str(path)) for path in ARGUMENTS.glob("*.yaml")
    }
    for path in NOTES.glob("*.txt"):
        maps[f"notes/{path.name}"] = read_notes(path.read_text(encoding="utf-8"), path.name).map
    return maps


def budgeted(outline: Outline) -> list[Point]:
    return [point for section in outline.sections for point in section.all_points() if point.words]


def mapped(nodes: list[dict], **fields) -> ArgumentMap:
    return ArgumentMap.model_validate({"title": "T", "nodes": nodes, **fields})


LONG = (
    "China's expansionist foreign policy has pushed India to drop its old hesitations and seek closer "
    "ties with the West, above all the United States, which Russia watches with open unease, while "
    "Moscow itself courts Beijing ever more closely."
)


def claims(*specs: dict) -> ArgumentMap:
    nodes = [{"id": "t", "kind": "thesis", "text": "Ties hold."}]
    for spec in specs:
        nodes.append({"kind": "claim", "supports": ["t"], "text": f"Point {spec['id']} matters.", **spec})
    return mapped(nodes)


# -- condensing -------------------------------------------------------------------------------
def test_a_text_within_its_budget_is_left_as_written():
    assert (
        condense("Russia is still India's biggest arms supplier.", 8)
        == "Russia is still India's biggest arms supplier."
    )


def test_a_long_sentence_ends_at_a_clause_near_its_budget():
    short = condense(LONG, 20)
    assert short == (
        "China's expansionist foreign policy has pushed India to drop its old hesitations and seek "
        "closer ties with the West."
    )


def test_condensing_only_drops_words_never_adds_them():
    def words(text: str) -> set[str]:
        return {word.strip(".,…") for word in text.split()}

    for target in (5, 9, 14, 22, 30):
        assert words(condense(LONG, target)) <= words(LONG)
        assert word_count(condense(LONG, target)) <= round(target * 1.3)


def test_a_point_and_its_answer_cut_at_clauses_still_fit_together():
    """Each piece may end at a clause a little past its share; the whole must still fit."""
    point = Point(
        text="Bail hearings for petty offences are listed far behind long serious trials, "
        "so undertrials sit in jail for months.",
        words=19,
        sub_points=(
            Point(
                text="Give bail matters a separate daily list with a hearing date for each, "
                "as several busy sessions courts tried in 2019.",
                label="Way out",
            ),
        ),
    )
    fitted = fit_point(point)
    assert point_words(fitted) <= 19 * 1.3
    assert fitted.sub_points  # the answer is kept, shortened, not dropped


# -- the measure ------------------------------------------------------------------------------
@pytest.mark.parametrize("template", [name for name, t in TEMPLATES.items() if t.condense])
def test_no_point_runs_over_its_budget(template):
    for name, argument_map in all_maps().items():
        for point in budgeted(build_outline(argument_map, template)):
            assert point_words(point) <= point.words * 1.3, (name, point.label, point.text)


def test_nine_in_ten_points_fit_their_budget_where_the_map_has_the_words():
    """A point can fall short only when the map says less than the budget: words are never made up.
    Where the map has the words, the outline's wording fits the budget."""
    fit = total = 0
    for argument_map in all_maps().values():
        for template in TEMPLATES.values():
            if not template.condense:
                continue
            whole = budgeted(build_outline(argument_map, dataclasses.replace(template, condense=False)))
            for point, uncut in zip(budgeted(build_outline(argument_map, template)), whole, strict=True):
                if point_words(uncut) >= 0.7 * point.words:
                    total += 1
                    fit += fits(point_words(point), point.words)
    assert total >= 100
    assert fit / total >= 0.9


def test_a_condensed_point_keeps_its_full_text_as_a_note():
    outline = build_outline(parse_map((ARGUMENTS / "india-russia.yaml").read_text(), "seed"), "upsc-gs-150")
    condensed = [p for p in budgeted(outline) if p.detail]
    assert condensed
    assert all(word_count(p.detail) > word_count(p.text) for p in condensed)


def test_a_point_short_of_words_in_the_map_is_named_in_the_guidance():
    maldives = read_notes((NOTES / "india-maldives-relations.txt").read_text(), "m.txt").map
    outline = build_outline(maldives, "upsc-essay")
    guidance = " ".join(line for section in outline.sections for line in section.guidance)
    assert "The map gives fewer words than the budget for" in guidance


# -- verdict and conclusion -------------------------------------------------------------------
def test_the_verdict_gives_its_reason_within_its_budget():
    seed = parse_map((ARGUMENTS / "india-russia.yaml").read_text(), "seed")
    outline = build_outline(seed, "upsc-gs-250")
    [judgement] = [s for s in outline.sections if s.role == "judgement"]
    [verdict] = judgement.points
    assert " because " in verdict.text
    assert fits(point_words(verdict), verdict.words)


def test_the_conclusion_does_not_repeat_the_thesis_word_for_word():
    japan = read_notes((NOTES / "india-japan-relations.txt").read_text(), "j.txt").map
    thesis = japan.thesis()
    assert thesis is not None
    outline = build_outline(japan, "upsc-gs-250")
    [conclusion] = [s for s in outline.sections if s.role == "conclusion"]
    assert thesis.text not in " ".join(p.text for p in conclusion.all_points())


def test_a_map_whose_conclusion_is_its_thesis_closes_in_new_words():
    argument_map = mapped(
        [
            {"id": "t", "kind": "thesis", "text": "Ties are strong."},
            {"id": "c", "kind": "claim", "supports": ["t"], "text": "Trade keeps growing every year."},
        ],
        conclusion="Ties are strong.",
    )
    [conclusion] = [s for s in build_outline(argument_map, "upsc-gs-250").sections if s.role == "conclusion"]
    assert conclusion.points[0].text != "Ties are strong."
    assert "because trade keeps growing every year" in conclusion.points[0].text.lower()


# -- labels -----------------------------------------------------------------------------------
def test_a_dimension_keeps_the_maps_capitals_and_hyphens():
    argument_map = claims(
        {"id": "a", "tags": ["cpec-and-bri"], "text": "India rejects CPEC and BRI."},
        {"id": "b", "tags": ["people-to-people-ties"], "text": "People-to-people ties run deep."},
    )
    labels = [p.label for p in build_outline(argument_map, "upsc-gs-250").sections[1].points]
    assert sorted(labels) == ["CPEC and BRI", "People-to-people ties"]


def test_a_label_that_only_repeats_its_texts_first_words_is_not_printed():
    argument_map = claims(
        {
            "id": "a",
            "label": "Japan is among the largest",
            "text": "Japan is among the largest investors in India.",
        }
    )
    [point] = build_outline(argument_map, "argumentative-essay").sections[1].points
    assert point.label == ""
    assert point.text.startswith("Japan is among the largest")


# -- order ------------------------------------------------------------------------------------
def for_points(argument_map: ArgumentMap, template: str = "argumentative-essay") -> list[str | None]:
    [body] = [s for s in build_outline(argument_map, template).sections if s.role == "for"]
    return [p.node_id for p in body.all_points()]


def test_points_that_tie_in_strength_come_in_order_of_their_evidence():
    argument_map = claims({"id": "a", "score": 0.75}, {"id": "b", "score": 0.5})
    argument_map.nodes.append(
        mapped([{"id": "e", "kind": "evidence", "text": "A figure.", "score": 0.5}])
        .nodes[0]
        .model_copy(update={"supports": ["b"]})
    )
    # a: 0.75 on its own; b: 0.5 raised to 0.75 by its evidence. Same strength: b has the evidence.
    assert for_points(argument_map) == ["b", "a"]


def test_a_key_point_comes_before_a_stronger_normal_one():
    argument_map = claims({"id": "a", "score": 0.9}, {"id": "b", "score": 0.3, "priority": "key"})
    assert for_points(argument_map) == ["b", "a"]


def test_a_minor_point_comes_after_a_weaker_normal_one():
    argument_map = claims({"id": "a", "score": 0.9, "priority": "minor"}, {"id": "b", "score": 0.3})
    assert for_points(argument_map) == ["b", "a"]


def test_points_left_out_for_length_are_named_with_their_standing_in_words_never_as_weaker():
    argument_map = claims(*({"id": name} for name in "abcde"))  # five equal points, room for three
    [body] = [s for s in build_outline(argument_map, "argumentative-essay").sections if s.role == "for"]
    [left] = [line for line in body.guidance if line.startswith("Left out for length")]
    assert "Point d matters (an evenly balanced point)" in left
    assert "weaker" not in left and "strength" not in left and "0.5" not in left
    assert "Those as strong and as important as a point kept come after it" in left
    assert [p.node_id for p in body.points] == ["a", "b", "c"]  # ties keep the map's order


# -- outlines of imported notes (issue 14, item 7) -------------------------------------------
@pytest.mark.parametrize("template", ["upsc-gs-250", "upsc-essay", "argumentative-essay"])
def test_outlines_of_imported_notes_read_as_a_students(template):
    for name, argument_map in all_maps().items():
        if not name.startswith("notes/"):
            continue
        outline = build_outline(argument_map, template)
        guidance = " ".join(line for section in outline.sections for line in section.guidance)
        # the outline's own words, not the note's (a point may say "a weaker rupee"): each point
        # left out is named by its opening words and then described in brackets
        assert not re.search(r"\([^()]*weaker[^()]*\)", guidance), name
        for point in (p for section in outline.sections for p in section.all_points()):
            own = point.label.split(" — ")[-1]
            assert not (own and echoes(own, point.text)), (name, point.label)
        thesis = argument_map.thesis()
        closing = [s for s in outline.sections if s.role == "conclusion"]
        if thesis is not None and closing:
            assert thesis.text not in " ".join(p.text for p in closing[0].all_points()), name


THESIS = "Smaller states should share river data in real time."


@pytest.mark.parametrize(
    ("closing", "kept"),
    [
        # the thesis quoted whole inside a longer line: the line's own words stay
        (f'my answer → "{THESIS}" => Trust grows from shared numbers.', "Trust grows from shared numbers."),
        (
            f"Both banks gain from it. {THESIS} Start with the flood season.",
            "Both banks gain from it. Start with the flood season.",
        ),
        (f"In short, {THESIS}", ""),  # only a lead-in is left: nothing
        (f"Hence {THESIS.lower()}", ""),  # a sentence that only says it again
        (
            "Data sharing builds trust between riparian states.",
            "Data sharing builds trust between riparian states.",
        ),
    ],
)
def test_a_conclusion_never_repeats_the_thesis_word_for_word(closing, kept):
    assert drop_repeats(closing, THESIS) == kept


def test_a_left_out_points_standing_names_its_priority_when_it_has_one():
    argument_map = claims(
        *({"id": name, "score": 0.95, "priority": "key"} for name in "abc"),
        {"id": "d", "score": 0.1, "priority": "minor"},
        {"id": "e", "score": 0.9, "priority": "key"},
    )
    [body] = [s for s in build_outline(argument_map, "argumentative-essay").sections if s.role == "for"]
    [left] = [line for line in body.guidance if line.startswith("Left out for length")]
    assert "Point e matters (a strong point, marked key)" in left
    assert "Point d matters (a very weak point, marked minor)" in left


@pytest.mark.parametrize(
    ("strength", "words"),
    [
        (1.0, "a strong point"),
        (0.8, "a strong point"),
        (0.79, "a fairly strong point"),
        (0.5, "an evenly balanced point"),
        (0.2, "a weak point"),
        (0.19, "a very weak point"),
        (0.0, "a very weak point"),
    ],
)
def test_strengths_read_in_words(strength, words):
    from argmap.analysis.explain import in_ten, strength_words

    assert strength_words(strength) == words
    assert in_ten(strength) == f"about {round(strength * 10)} in 10"


def test_the_debate_case_document_shows_no_strength_figures(tmp_path):
    """The case a student prints names standings in words, never DF-QuAD's numbers."""
    from argmap.generate import generate_map
    from argmap.outline import outline_to_markdown
    from argmap.outline.builder import OutlineOptions

    argument_map = generate_map(300, seed=2)
    for side in ("for", "against"):
        text = outline_to_markdown(build_outline(argument_map, "debate-case", OutlineOptions(side=side)))
        assert "Left out for length" in text
        assert not re.search(r"strength \d|priority, strength|DF-QuAD|\d\.\d\d\)", text), side
