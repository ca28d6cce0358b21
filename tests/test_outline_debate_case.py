"""The debate-case outline for either side: the side's whole case first, a prompt for every gap."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.model import ArgumentMap
from argmap.outline import outline_to_markdown
from argmap.outline.builder import OutlineOptions, build_outline
from argmap.outline.model import Outline, Section
from argmap.store import load_path

ROOT = Path(__file__).resolve().parent.parent
MOTIONS = ["arguments/social-media-ban-under-16.yaml", "arguments/compulsory-voting.yaml"]
# the kind of node a side's main arguments are: claims for the motion, counterpoints against it
MAIN_KIND = {"for": ("claim", "supports"), "against": ("counterpoint", "opposes")}


def main_arguments(argument_map: ArgumentMap, side: str) -> set[str]:
    """The side's main arguments, read from the map's own links: those on the motion itself."""
    thesis = argument_map.thesis()
    assert thesis is not None
    kind, link = MAIN_KIND[side]
    return {
        node.id for node in argument_map.nodes if node.kind.value == kind and thesis.id in getattr(node, link)
    }


def section(outline: Outline, role: str) -> Section:
    [found] = [s for s in outline.sections if s.role == role]
    return found


def case_for(path: str, side: str) -> tuple[ArgumentMap, Outline]:
    argument_map = load_path(ROOT / path).map
    return argument_map, build_outline(argument_map, "debate-case", OutlineOptions(side=side))


@pytest.mark.parametrize("side", ["for", "against"])
@pytest.mark.parametrize("path", MOTIONS)
def test_every_main_argument_of_the_side_is_in_our_case(path: str, side: str) -> None:
    argument_map, outline = case_for(path, side)

    placed = {point.node_id for point in section(outline, "case").points}

    assert main_arguments(argument_map, side) <= placed


@pytest.mark.parametrize("side", ["for", "against"])
@pytest.mark.parametrize("path", MOTIONS)
def test_no_argument_of_our_case_is_left_out_for_length(path: str, side: str) -> None:
    argument_map, outline = case_for(path, side)
    index = argument_map.node_index()
    left = " ".join(line for s in outline.sections for line in s.guidance if line.startswith("Left out"))

    assert [node for node in main_arguments(argument_map, side) if index[node].display_label in left] == []


@pytest.mark.parametrize("side", ["for", "against"])
@pytest.mark.parametrize("path", MOTIONS)
def test_an_unanswered_argument_gets_a_prompt_not_none_in_the_map(path: str, side: str) -> None:
    _, outline = case_for(path, side)

    text = outline_to_markdown(outline)

    prompts = [
        sub for point in section(outline, "attacks").points for sub in point.sub_points if not sub.node_id
    ]

    assert "None in the map yet" not in text
    assert "Thesis" not in text and "Directive" not in text
    assert all(prompt.text.endswith("counter-example: ______.") for prompt in prompts)  # whole, not cut


@pytest.mark.parametrize("side", ["for", "against"])
@pytest.mark.parametrize("path", MOTIONS)
def test_our_case_comes_before_their_attacks_strongest_first(path: str, side: str) -> None:
    _, outline = case_for(path, side)

    roles = [s.role for s in outline.sections]
    strengths = [point.strength or 0.0 for point in section(outline, "case").points]

    assert roles.index("case") < roles.index("attacks")
    assert strengths == sorted(strengths, reverse=True)


def small_motion() -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": "Homework ban",
            "nodes": [
                {"id": "m", "kind": "thesis", "text": "This house would ban homework."},
                {
                    "id": "rest",
                    "kind": "claim",
                    "supports": ["m"],
                    "label": "Rest helps learning",
                    "text": "Children need rest to learn well.",
                },
                {
                    "id": "sleep",
                    "kind": "evidence",
                    "supports": ["rest"],
                    "basis": "expert opinion",
                    "label": "A sleep researcher",
                    "text": "A sleep researcher says homework cuts sleep.",
                },
                {
                    "id": "cost",
                    "kind": "counterpoint",
                    "opposes": ["m"],
                    "label": "Skill needs practice",
                    "text": "Practice at home builds skill.",
                },
            ],
        }
    )


def test_the_prompt_names_the_weakest_link_the_missing_evidence_and_a_counter_example_slot() -> None:
    outline = build_outline(small_motion(), "debate-case", OutlineOptions(side="against"))

    [attack] = section(outline, "attacks").points
    [prompt] = attack.sub_points

    assert attack.node_id == "rest"
    assert "“A sleep researcher”" in prompt.text
    assert "ask what was measured" in prompt.text
    assert "counter-example: ______" in prompt.text


def test_the_prompt_for_an_argument_with_nothing_behind_it_asks_why_and_for_a_figure() -> None:
    outline = build_outline(small_motion(), "debate-case", OutlineOptions(side="for"))

    [attack] = section(outline, "attacks").points
    [prompt] = attack.sub_points

    assert attack.node_id == "cost"
    assert "Ask why it holds" in prompt.text
    assert "demand a figure" in prompt.text


def test_the_weighing_sets_our_strongest_argument_against_theirs() -> None:
    outline = build_outline(small_motion(), "debate-case", OutlineOptions(side="against"))

    [weighing] = section(outline, "conclusion").points

    assert weighing.text.startswith("Our strongest line: Practice at home builds skill.")
    assert "Weigh “Skill needs practice” against their strongest, “Rest helps learning”" in weighing.text


def test_the_burden_names_the_side_in_debate_words() -> None:
    outline = build_outline(small_motion(), "debate-case", OutlineOptions(side="against"))

    labels = [point.label for point in section(outline, "definitions").points]

    assert "Burden (opposition)" in labels


def test_the_outlines_own_instructions_are_not_called_short_of_the_maps_words() -> None:
    _, outline = case_for(MOTIONS[0], "against")

    guidance = " ".join(line for s in outline.sections for line in s.guidance)

    assert "Burden (opposition) (" not in guidance
    assert "Weighing (" not in guidance


def test_a_debate_case_indexes_the_map_once(monkeypatch):
    """The ranking, the strengths and the unanswered-point prompts share one MapGraph (#21 item 4)."""
    from argmap.generate import generate_map
    from argmap.graph import MapGraph
    from argmap.outline.builder import build_outline

    argument_map = generate_map(200, seed=4)
    real = MapGraph.of.__func__
    built: list[int] = []

    def counting(cls, indexed):
        built.append(len(indexed.nodes))
        return real(cls, indexed)

    monkeypatch.setattr(MapGraph, "of", classmethod(counting))
    for side in ("for", "against"):
        build_outline(argument_map, "debate-case", OutlineOptions(side=side))
    assert built == [len(argument_map.nodes)] * 2
