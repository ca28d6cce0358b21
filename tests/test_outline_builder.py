"""The outline builder: sections per template and directive, sides, budgets, odd maps."""

from __future__ import annotations

import pytest
from conftest import SEED_MAP

from argmap.model import ArgumentMap, Kind
from argmap.outline.builder import OutlineError, OutlineOptions, build_outline
from argmap.outline.model import Outline, Point
from argmap.outline.templates import TEMPLATES
from argmap.store import load_path

ROLES = {
    "upsc-gs-150": ["introduction", "for", "against", "judgement", "conclusion"],
    "upsc-gs-250": ["introduction", "for", "against", "judgement", "way-forward", "conclusion"],
    "upsc-essay": ["introduction", "for", "against", "judgement", "way-forward", "conclusion"],
    "debate-case": ["definitions", "case", "attacks", "conclusion"],
    "argumentative-essay": ["introduction", "for", "against", "conclusion"],
    "study-notes": ["introduction", "dimensions", "conclusion"],
}


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load_path(SEED_MAP).map


def node_ids(outline: Outline) -> set[str]:
    found: set[str] = set()

    def walk(point: Point) -> None:
        if point.node_id:
            found.add(point.node_id)
        found.update(e.node_id for e in point.evidence if e.node_id)
        for sub in point.sub_points:
            walk(sub)

    for section in outline.sections:
        for point in section.all_points():
            walk(point)
    return found


def small_map(directive: str | None = "critically examine", title: str = "Solar") -> ArgumentMap:
    nodes = [
        {"id": "thesis", "kind": "thesis", "text": "Solar power should be India's main energy source."},
        {
            "id": "cheap",
            "kind": "claim",
            "supports": ["thesis"],
            "tags": ["economy"],
            "text": "Solar is cheap.",
        },
        {
            "id": "jobs",
            "kind": "claim",
            "supports": ["thesis"],
            "tags": ["society"],
            "text": "Solar makes jobs.",
        },
        {
            "id": "night",
            "kind": "counterpoint",
            "opposes": ["thesis"],
            "tags": ["technology"],
            "text": "No sun at night.",
        },
        {"id": "storage", "kind": "rebuttal", "opposes": ["night"], "text": "Batteries store it."},
    ]
    return ArgumentMap.model_validate({"title": title, "directive": directive, "nodes": nodes})


@pytest.mark.parametrize("template", list(ROLES))
def test_each_template_gives_its_sections_in_order_for_the_seed_map(seed, template):
    outline = build_outline(seed, template)
    assert [s.role for s in outline.sections] == ROLES[template]


@pytest.mark.parametrize("template", list(TEMPLATES))
@pytest.mark.parametrize("words", [None, 400])
def test_budgets_add_up_to_the_word_limit(seed, template, words):
    outline = build_outline(seed, template, OutlineOptions(words=words))
    limit = words or TEMPLATES[template].words
    assert abs(outline.budget_total() - limit) <= 0.05 * limit
    for section in outline.sections:
        assert section.words == sum(p.words for p in section.points) + sum(
            s.words for s in section.subsections
        ) or (not section.points and not section.subsections)


@pytest.mark.parametrize("template", ["upsc-essay", "study-notes"])
def test_every_convergence_and_irritant_appears(seed, template):
    wanted = {n.id for n in seed.nodes if n.kind in (Kind.CLAIM, Kind.COUNTERPOINT)}
    assert wanted <= node_ids(build_outline(seed, template))


def test_study_notes_hold_every_node_of_the_map(seed):
    assert node_ids(build_outline(seed, "study-notes")) | {"strong-ties"} >= {n.id for n in seed.nodes}


def test_study_notes_group_the_body_by_dimension(seed):
    body = build_outline(seed, "study-notes").sections[1]
    assert {"Defence", "Space", "Nuclear energy"} <= {sub.title for sub in body.subsections}


def test_stronger_points_get_more_words(seed):
    body = next(s for s in build_outline(seed, "upsc-essay").sections if s.role == "for")
    strongest = max(body.points, key=lambda p: p.strength)
    weakest = min(body.points, key=lambda p: p.strength)
    assert strongest.words > weakest.words


def test_seed_sections_use_the_maps_vocabulary(seed):
    titles = [s.title for s in build_outline(seed, "upsc-essay").sections]
    assert "Convergences" in titles and "The other side: Irritants" in titles


def test_a_map_without_vocabulary_says_arguments_for_and_against():
    titles = [s.title for s in build_outline(small_map(), "upsc-gs-250").sections]
    assert "Arguments for" in titles and "Arguments against" in titles


def test_irritants_carry_their_answers(seed):
    against = next(s for s in build_outline(seed, "upsc-essay").sections if s.role == "against")
    mi35 = next(p for p in against.points if p.node_id == "mi35-sale")
    assert [sub.node_id for sub in mi35.sub_points] == ["defence-scale"]
    assert mi35.sub_points[0].label.startswith("Answer")


def test_gs_answers_keep_only_the_strongest_points_and_name_the_rest(seed):
    body = next(s for s in build_outline(seed, "upsc-gs-150").sections if s.role == "for")
    assert len(body.points) == 3
    assert any(line.startswith("Left out for length") for line in body.guidance)
    assert body.hint.startswith("Diagram here")


def test_evidence_cites_numbered_sources(seed):
    outline = build_outline(seed, "upsc-essay")
    cited = {n for s in outline.sections for p in s.all_points() for e in p.evidence for n in e.sources}
    assert cited == {source.number for source in outline.sources}
    assert [source.number for source in outline.sources] == list(range(1, len(outline.sources) + 1))


@pytest.mark.parametrize(
    ("directive", "roles", "judgement"),
    [
        (
            "critically examine",
            ["introduction", "for", "against", "judgement", "way-forward", "conclusion"],
            "Judgement",
        ),
        (
            "evaluate",
            ["introduction", "for", "against", "judgement", "way-forward", "conclusion"],
            "Evaluation",
        ),
        (
            "discuss",
            ["introduction", "for", "against", "judgement", "way-forward", "conclusion"],
            "Weighing the views",
        ),
        ("comment", ["introduction", "for", "against", "way-forward", "conclusion"], None),
        ("explain", ["introduction", "for", "way-forward", "conclusion"], None),
    ],
)
def test_the_directive_word_shapes_a_gs_answer(directive, roles, judgement):
    outline = build_outline(small_map(directive), "upsc-gs-250")
    present = [s.role for s in outline.sections]
    assert present == [r for r in roles if r != "way-forward"]  # the small map has no way forward
    titles = {s.role: s.title for s in outline.sections}
    assert titles.get("judgement") == judgement


def test_analyse_breaks_the_body_into_dimensions():
    outline = build_outline(small_map("analyse"), "upsc-essay")
    body = next(s for s in outline.sections if s.role == "for")
    assert body.title == "Dimensions"
    assert {sub.title for sub in body.subsections} == {"Economy", "Society", "Technology"}
    technology = next(sub for sub in body.subsections if sub.title == "Technology")
    assert technology.points[0].label == "Arguments against — No sun at night"
    assert "against" not in [s.role for s in outline.sections]


def test_debate_case_for_the_opposition_argues_from_the_counterpoints():
    outline = build_outline(small_map(), "debate-case", OutlineOptions(side="against"))
    case = next(s for s in outline.sections if s.role == "case")
    attacks = next(s for s in outline.sections if s.role == "attacks")
    assert [p.node_id for p in case.points] == ["night"]
    assert {p.node_id for p in attacks.points} == {"cheap", "jobs"}
    assert attacks.points[0].sub_points[0].label == "Response"


def test_a_map_without_a_thesis_still_gives_an_outline_with_a_note():
    argument_map = ArgumentMap.model_validate(
        {
            "title": "Open question",
            "question": "Should cities ban cars?",
            "nodes": [{"id": "air", "kind": "claim", "text": "Cleaner air."}],
        }
    )
    outline = build_outline(argument_map, "upsc-gs-250")
    assert any("no thesis" in note for note in outline.notes)
    assert outline.sections[0].points[-1].text == "Should cities ban cars?"
    assert outline.budget_total() == 250


def test_a_map_without_counterpoints_drops_the_counter_view_and_says_so():
    argument_map = small_map()
    argument_map = argument_map.model_copy(update={"nodes": argument_map.nodes[:3]})
    outline = build_outline(argument_map, "upsc-essay")
    assert "against" not in [s.role for s in outline.sections]
    assert any("no arguments against" in note for note in outline.notes)


def test_a_single_node_map_gives_intro_and_conclusion_with_the_whole_budget():
    argument_map = ArgumentMap.model_validate(
        {"title": "Bare", "nodes": [{"id": "t", "kind": "thesis", "text": "Cities should ban cars."}]}
    )
    outline = build_outline(argument_map, "upsc-gs-150")
    assert [s.role for s in outline.sections] == ["introduction", "conclusion"]
    assert outline.budget_total() == 150
    assert any("single node" in note for note in outline.notes)


def test_an_empty_map_is_refused_with_a_clear_message():
    with pytest.raises(OutlineError, match="has no nodes to outline"):
        build_outline(ArgumentMap(title="Empty"), "upsc-essay")


@pytest.mark.parametrize(
    ("template", "options", "message"),
    [
        ("upsc-novel", OutlineOptions(), "unknown template 'upsc-novel'"),
        ("upsc-essay", OutlineOptions(words=5), "--words must be between"),
        ("debate-case", OutlineOptions(side="both"), "--side must be"),
    ],
)
def test_bad_options_are_refused_in_one_sentence(template, options, message):
    with pytest.raises(OutlineError, match=message):
        build_outline(small_map(), template, options)


def test_control_characters_in_the_map_are_cleaned_out():
    argument_map = small_map(title="Sol\x07ar")
    argument_map.nodes[1].text = "Solar\x0b is \x00cheap."
    outline = build_outline(argument_map, "upsc-essay")
    body = next(s for s in outline.sections if s.role == "for")
    assert outline.title == "Solar"
    assert "Solar is cheap." in [p.text for p in body.points]


def test_essay_points_are_labelled_with_their_dimension_once(seed):
    body = next(s for s in build_outline(seed, "upsc-essay").sections if s.role == "for")
    labels = [p.label for p in body.points]
    assert "Health — Help in the pandemic" in labels
    assert "Space cooperation" in labels  # not "Space — Space cooperation": the label names it
