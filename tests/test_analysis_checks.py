"""`lint` and the `argmap score` / `argmap lint` commands: each check fires on a map written for
it and stays quiet on a clean one."""

from __future__ import annotations

import json

import pytest
from conftest import SEED_MAP

from argmap.analysis import Severity, lint
from argmap.cli import main
from argmap.mapfile import dump_map
from argmap.model import ArgumentMap

SOURCE_A = [{"title": "Annual Report 2023", "publisher": "Ministry of Defence"}]
SOURCE_B = [{"title": "SIPRI Arms Transfers Database"}]


def build(*nodes: dict, **fields) -> ArgumentMap:
    return ArgumentMap.model_validate({"title": "Test", **fields, "nodes": list(nodes)})


def clean_nodes() -> list[dict]:
    return [
        {"id": "thesis", "kind": "thesis", "text": "The partnership remains strong despite its differences."},
        {
            "id": "arms",
            "kind": "claim",
            "supports": ["thesis"],
            "tags": ["defence"],
            "text": "Russia is still the largest supplier of arms to the Indian forces.",
        },
        {
            "id": "arms-share",
            "kind": "evidence",
            "supports": ["arms"],
            "basis": "statistic",
            "sources": SOURCE_B,
            "text": "Russian systems made up about half of Indian arms imports over five years.",
        },
        {
            "id": "s400",
            "kind": "evidence",
            "supports": ["arms"],
            "basis": "agreement",
            "sources": SOURCE_A,
            "text": "Deliveries of the S-400 air defence regiments went ahead despite sanctions threats.",
        },
        {
            "id": "mi35",
            "kind": "counterpoint",
            "opposes": ["thesis"],
            "tags": ["defence"],
            "text": "Moscow sold Mi-35 attack helicopters to Pakistan.",
        },
        {
            "id": "mi35-small",
            "kind": "rebuttal",
            "opposes": ["mi35"],
            "text": "The sale was tiny next to the volume of Russian supplies to India.",
        },
    ]


def codes_on(argument_map: ArgumentMap) -> set[tuple[str, str | None]]:
    return {(check.code, check.node) for check in lint(argument_map)}


def with_nodes(*extra: dict, **fields) -> ArgumentMap:
    return build(*clean_nodes(), *extra, **fields)


def test_a_clean_map_passes_every_check():
    assert lint(build(*clean_nodes())) == []


def test_every_check_carries_the_severity_of_its_rule_and_a_sentence():
    checks = lint(build({"id": "c", "kind": "claim", "text": "An orphan point.", "label": "x" * 60}))
    assert [(check.code, check.severity) for check in checks] == [
        ("missing-thesis", Severity.ERROR),
        ("claim-without-evidence", Severity.WARNING),
        ("label-too-long", Severity.WARNING),
    ]
    assert all(check.message.endswith(".") for check in checks)


def test_a_map_without_thesis_is_an_error():
    checks = lint(build({"id": "ctx", "kind": "context", "text": "Background."}))
    assert [(c.code, c.severity, c.node) for c in checks] == [("missing-thesis", Severity.ERROR, None)]


def test_reasoning_in_a_circle_is_an_error_naming_the_loop():
    m = with_nodes(
        {
            "id": "a",
            "kind": "claim",
            "supports": ["arms", "b"],
            "text": "Supply is steady because ties are close.",
        },
        {"id": "b", "kind": "claim", "supports": ["a"], "text": "Ties are close because supply is steady."},
    )
    cycle = [c for c in lint(m) if c.code == "cycle"]
    assert len(cycle) == 1
    assert cycle[0].severity is Severity.ERROR
    assert "a → b → a" in cycle[0].message or "b → a → b" in cycle[0].message


def test_a_node_with_no_path_to_the_thesis_is_disconnected():
    m = with_nodes({"id": "stray", "kind": "claim", "text": "Tourism between the two countries is growing."})
    assert ("disconnected", "stray") in codes_on(m)


def test_context_without_a_parent_is_not_disconnected():
    m = with_nodes({"id": "background", "kind": "context", "text": "The annual summit resumed in 2024."})
    assert lint(m) == []


def test_a_claim_without_evidence_is_flagged_but_one_backed_through_a_sub_claim_is_not():
    m = with_nodes(
        {"id": "bare", "kind": "claim", "supports": ["thesis"], "text": "Space cooperation is deepening."},
        {"id": "parent", "kind": "claim", "supports": ["thesis"], "text": "Both sides value the ties."},
        {"id": "child", "kind": "claim", "supports": ["parent"], "text": "Summits happen every year."},
        {
            "id": "summit",
            "kind": "evidence",
            "supports": ["child"],
            "basis": "event",
            "sources": SOURCE_A,
            "text": "The 22nd annual summit was held in Moscow.",
        },
        {
            "id": "summit-2",
            "kind": "evidence",
            "supports": ["child"],
            "basis": "event",
            "sources": SOURCE_B,
            "text": "The 21st annual summit was held in New Delhi.",
        },
    )
    found = codes_on(m)
    assert ("claim-without-evidence", "bare") in found
    assert ("claim-without-evidence", "parent") not in found


def test_a_counterpoint_nobody_answers_is_an_unanswered_irritant():
    m = with_nodes(
        {
            "id": "china",
            "kind": "counterpoint",
            "opposes": ["thesis"],
            "tags": ["defence"],
            "text": "Russia is drawing ever closer to China.",
        }
    )
    checks = [c for c in lint(m) if c.code == "unanswered-counterpoint"]
    assert [c.node for c in checks] == ["china"]
    assert "rebuttal or a way-forward recommendation" in checks[0].message


def test_evidence_without_a_source_is_flagged_unless_it_is_common_knowledge():
    m = with_nodes(
        {
            "id": "unsourced",
            "kind": "evidence",
            "supports": ["arms"],
            "basis": "fact",
            "text": "Most Indian fighter jets are of Russian origin.",
        },
        {
            "id": "known",
            "kind": "evidence",
            "supports": ["arms"],
            "basis": "common knowledge",
            "text": "The two countries have been friends since the Cold War.",
        },
    )
    found = codes_on(m)
    assert ("evidence-without-source", "unsourced") in found
    assert ("evidence-without-source", "known") not in found


def test_a_claim_whose_evidence_all_cites_one_source_rests_on_one_source():
    m = with_nodes(
        {
            "id": "nuclear",
            "kind": "claim",
            "supports": ["thesis"],
            "text": "Nuclear energy ties are growing.",
        },
        {
            "id": "kudankulam",
            "kind": "evidence",
            "supports": ["nuclear"],
            "basis": "fact",
            "sources": SOURCE_A,
            "text": "Kudankulam units 3 to 6 are under construction with Russian help.",
        },
        {
            "id": "fuel",
            "kind": "evidence",
            "supports": ["nuclear"],
            "basis": "agreement",
            "sources": SOURCE_A,
            "text": "A fuel supply contract covers the reactors' whole life.",
        },
    )
    single = [c for c in lint(m) if c.code == "single-source"]
    assert [c.node for c in single] == ["nuclear"]
    assert "Annual Report 2023" in single[0].message


def test_near_duplicate_texts_are_found_and_an_exact_repeat_is_called_one():
    m = with_nodes(
        {
            "id": "arms-again",
            "kind": "claim",
            "supports": ["thesis"],
            "tags": ["defence"],
            "text": "Russia is still the largest supplier of arms to Indian forces!",
        },
        {
            "id": "mi35-again",
            "kind": "counterpoint",
            "opposes": ["thesis"],
            "text": "Moscow sold Mi-35 attack helicopters to Pakistan.",
        },
        {
            "id": "mi35-answer",
            "kind": "rebuttal",
            "opposes": ["mi35-again"],
            "text": "Only four helicopters were sold, under a 2014 deal.",
        },
    )
    duplicates = {c.node: c.message for c in lint(m) if c.code == "near-duplicate"}
    assert set(duplicates) == {"arms-again", "mi35-again"}
    assert "nearly repeats" in duplicates["arms-again"] and "'arms'" in duplicates["arms-again"]
    assert "repeats the text of 'mi35'" in duplicates["mi35-again"]


def test_different_texts_sharing_most_words_are_not_near_duplicates():
    m = with_nodes(
        {
            "id": "arms-old",
            "kind": "claim",
            "supports": ["thesis"],
            "tags": ["defence"],
            "text": "Russia was once the only supplier of fighter aircraft to Indian forces.",
        },
        {
            "id": "old-share",
            "kind": "evidence",
            "supports": ["arms-old"],
            "basis": "statistic",
            "sources": SOURCE_B,
            "text": "In the 1980s over 80 per cent of Indian arms imports came from the USSR.",
        },
        {
            "id": "old-deal",
            "kind": "evidence",
            "supports": ["arms-old"],
            "basis": "agreement",
            "sources": SOURCE_A,
            "text": "The MiG-21 licence deal of 1962 set the pattern.",
        },
    )
    assert "near-duplicate" not in {c.code for c in lint(m)}


def test_a_dimension_argued_on_one_side_only_is_a_hint_in_the_maps_words():
    m = with_nodes(
        {
            "id": "rockets",
            "kind": "claim",
            "supports": ["thesis"],
            "tags": ["space"],
            "text": "Russia trains Indian astronauts for Gaganyaan.",
        },
        {
            "id": "gctc",
            "kind": "evidence",
            "supports": ["rockets"],
            "basis": "agreement",
            "sources": SOURCE_A,
            "text": "Four Indian pilots trained at the Gagarin centre in 2020-21.",
        },
        {
            "id": "gctc-2",
            "kind": "evidence",
            "supports": ["rockets"],
            "basis": "event",
            "sources": SOURCE_B,
            "text": "Glavkosmos confirmed the course was completed.",
        },
        vocabulary={"for": "Convergences", "against": "Irritants"},
    )
    checks = [c for c in lint(m) if c.code == "one-sided-dimension"]
    assert len(checks) == 1
    assert checks[0].severity is Severity.HINT
    assert checks[0].message.startswith(
        "The dimension 'space' appears only among convergences; weigh the irritants"
    )


def test_a_label_too_long_for_its_box_is_flagged():
    m = with_nodes(
        {
            "id": "long",
            "kind": "context",
            "label": "A label that goes on and on well past the map box",
            "text": "Background.",
        }
    )
    assert [c.code for c in lint(m)] == ["label-too-long"]


def test_a_recommendation_that_strengthens_an_irritant_contradicts_its_kind():
    m = with_nodes(
        {"id": "china", "kind": "counterpoint", "opposes": ["thesis"], "text": "Russia leans on China."},
        {
            "id": "china-answer",
            "kind": "rebuttal",
            "opposes": ["china"],
            "text": "Russia avoids taking sides.",
        },
        {"id": "trade", "kind": "claim", "supports": ["china"], "text": "Russia-China trade keeps rising."},
        {
            "id": "more-trade",
            "kind": "recommendation",
            "supports": ["trade"],
            "text": "Expand trade corridors.",
        },
    )
    checks = [c for c in lint(m) if c.code == "relation-contradicts-kind"]
    assert [c.node for c in checks] == ["more-trade"]
    assert "against the thesis" in checks[0].message


def test_evidence_that_backs_both_sides_of_the_thesis_contradicts_itself():
    m = with_nodes(
        {
            "id": "both",
            "kind": "evidence",
            "supports": ["arms", "mi35"],
            "basis": "fact",
            "sources": SOURCE_A,
            "text": "Arms sales are a tool of Russian diplomacy.",
        }
    )
    assert ("relation-contradicts-kind", "both") in codes_on(m)


def test_checks_come_errors_first_then_warnings_then_hints():
    checks = lint(
        build(
            {"id": "c", "kind": "claim", "text": "An orphan claim.", "tags": ["x"]},
            {"id": "e", "kind": "evidence", "supports": ["c"], "text": "Unsourced."},
        )
    )
    ranks = [list(Severity).index(c.severity) for c in checks]
    assert ranks == sorted(ranks)


# -- the commands ---------------------------------------------------------------------------------


@pytest.fixture
def clean_file(tmp_path):
    path = tmp_path / "clean.yaml"
    path.write_text(dump_map(build(*clean_nodes())), encoding="utf-8")
    return path


@pytest.fixture
def broken_file(tmp_path):
    path = tmp_path / "nothesis.yaml"
    path.write_text(
        dump_map(build({"id": "c", "kind": "claim", "text": "An orphan claim."})), encoding="utf-8"
    )
    return path


def test_score_prints_a_table_strongest_first_then_the_verdict(clean_file, capsys):
    assert main(["score", str(clean_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "kind", "base", "strength"]
    strengths = [float(line.split()[-1]) for line in lines[1:7]]
    assert strengths == sorted(strengths, reverse=True)
    # arms = 0.5 + 0.5 * (1 - 0.2 * 0.2) = 0.98; mi35 = 0.5 - 0.5 * 0.5 = 0.25;
    # thesis = 0.5 + 0.5 * (0.98 - 0.25) = 0.865
    assert lines[1].split() == ["arms", "claim", "0.50", "0.98"]
    assert lines[-2].startswith(
        "The thesis stands (about 9 in 10): the case for (supporting lines: 1 point) outweighs the case against "
        "(objections: 1 point)"
    )
    assert lines[-1] == "Unanswered objections: none"


def test_score_json_lists_every_node_with_base_and_strength(clean_file, capsys):
    assert main(["score", str(clean_file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["converged"] is True
    assert result["verdict"].startswith("The thesis stands")
    assert {row["id"] for row in result["nodes"]} == {n["id"] for n in clean_nodes()}
    evidence = next(row for row in result["nodes"] if row["id"] == "arms-share")
    assert evidence == {"id": "arms-share", "kind": "evidence", "base": 0.8, "strength": 0.8}


@pytest.fixture
def cycle_file(tmp_path):
    # Two claims supporting each other settle at 1.0 and carry the thesis with them.
    path = tmp_path / "cycle.yaml"
    nodes = [
        {"id": "t", "kind": "thesis", "text": "The thesis."},
        {"id": "a", "kind": "claim", "supports": ["t", "b"], "text": "Claim a."},
        {"id": "b", "kind": "claim", "supports": ["a"], "text": "Claim b."},
    ]
    path.write_text(dump_map(build(*nodes)), encoding="utf-8")
    return path


def test_score_names_a_cycle_even_when_it_settles(cycle_file, capsys):
    assert main(["score", str(cycle_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    verdict_at = next(
        i for i, line in enumerate(lines) if line.startswith("The thesis stands (about 10 in 10)")
    )
    assert lines[verdict_at + 1].startswith("Cycle (circular reasoning, settled in ")
    assert lines[verdict_at + 1].endswith(" rounds): a -> b -> a")
    assert not any(line.startswith("Did not converge") for line in lines)


def test_score_json_lists_the_cycles(cycle_file, clean_file, capsys):
    assert main(["score", str(cycle_file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["converged"] is True
    assert result["cycles"] == [["a", "b"]]
    assert main(["score", str(clean_file), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["cycles"] == []


def test_score_of_the_seed_map_reports_the_thesis_strength(capsys):
    assert main(["score", str(SEED_MAP)]) == 0
    out = capsys.readouterr().out
    assert "The thesis stands (about 6 in 10): " in out
    assert "\nUnanswered irritants: " in out


def test_lint_of_a_clean_map_exits_0(clean_file, capsys):
    assert main(["lint", str(clean_file)]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_lint_prints_one_line_per_check_and_exits_1_on_an_error(broken_file, capsys):
    assert main(["lint", str(broken_file)]) == 1
    out = capsys.readouterr().out
    assert f"{broken_file}: ERROR missing-thesis (map): The map has no thesis" in out
    assert out.splitlines()[-1] == "1 error, 1 warning, 0 hints"


def test_lint_json_is_a_list_of_checks(broken_file, capsys):
    assert main(["lint", str(broken_file), "--json"]) == 1
    checks = json.loads(capsys.readouterr().out)
    assert {k: checks[1][k] for k in ("code", "severity", "node")} == {
        "code": "claim-without-evidence",
        "severity": "warning",
        "node": "c",
    }


def test_score_of_a_missing_file_is_one_line_and_exit_1(tmp_path, capsys):
    assert main(["score", str(tmp_path / "gone.yaml")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "gone.yaml" in err
