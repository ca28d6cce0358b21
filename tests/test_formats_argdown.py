"""Argdown in and out: the real files of Argdown's own repository, hand-written cases, round trips."""

from __future__ import annotations

import pytest
from conftest import CORPUS, SEED_MAP

from argmap.formats import FormatError, read_text, write_text
from argmap.formats.common import one_line
from argmap.mapfile import map_from_data, map_to_data
from argmap.model import Kind, RelationType
from argmap.store import load_path

ARGDOWN = sorted((CORPUS / "argdown").glob("*.argdown"))
# Files that Argdown itself treats as fragments or lexer exercises, each refused for a documented reason.
REFUSED = {
    "packages__argdown-cli__test___partial1.argdown": "@include is not supported",
    "packages__argdown-cli__test___partial2.argdown": "@include is not supported",
    "packages__argdown-cli__test__include-test.argdown": "@include is not supported",
    "packages__argdown-core__test__lexer-relation-after-emptyline.argdown": "no empty line before it",
    "packages__argdown-core__test__lexer-relations.argdown": "no empty line before it",
    # the by-number syntax this lexer fixture tried out is commented out of Argdown's own lexer
    "packages__argdown-core__test__lexer-statements-by-number.argdown": (
        ":1:1: statement references by number (<A>(1)) are not supported"
    ),
}


def _read(text: str, name: str = "t.argdown"):
    return read_text(text, "argdown", name)


def _edges(argument_map) -> set[tuple[str, str, str]]:
    return {(r.source, r.target, r.type.value) for r in argument_map.relations()}


@pytest.mark.parametrize("path", ARGDOWN, ids=lambda p: p.name)
def test_every_corpus_file_imports_or_is_refused_for_a_documented_reason(path):
    text = path.read_text(encoding="utf-8")
    if path.name in REFUSED:
        with pytest.raises(FormatError) as caught:
            _read(text, path.name)
        message = str(caught.value)
        assert REFUSED[path.name] in message and message.startswith(f"{path.name}:")
        assert "\n" not in message
    else:
        assert _read(text, path.name).map.nodes


def test_the_populism_example_keeps_its_statements_and_relations():
    path = CORPUS / "argdown" / "examples__Populism-Core-Argument-Argdown-Example.argdown"
    argument_map = _read(path.read_text(encoding="utf-8"), path.name).map
    assert len(argument_map.nodes) == 96 and len(argument_map.relations()) == 83
    assert argument_map.thesis() is not None


def test_statements_arguments_and_relations_become_kinds_by_polarity():
    text = (
        "[Ban]: Social media should be banned for children.\n"
        "  + <Harm>: It harms their sleep.\n"
        "    - <Weak data>: The studies are correlational.\n"
        "      - [Trials]: Randomised trials show the same.\n"
        "  - <Rights>: Children have a right to information. #rights\n"
        "    + [UNCRC]: The UN convention says so.\n"
    )
    argument_map = _read(text).map
    kinds = {n.label: n.kind for n in argument_map.nodes}
    assert kinds == {
        "Ban": Kind.THESIS,
        "Harm": Kind.CLAIM,
        "Weak data": Kind.COUNTERPOINT,
        "Trials": Kind.REBUTTAL,
        "Rights": Kind.COUNTERPOINT,
        "UNCRC": Kind.CLAIM,
    }
    assert _edges(argument_map) == {
        ("harm", "ban", "supports"),
        ("weak-data", "harm", "opposes"),
        ("trials", "weak-data", "opposes"),
        ("rights", "ban", "opposes"),
        ("uncrc", "rights", "supports"),
    }
    assert argument_map.get("rights").tags == ["rights"]


def test_incoming_relations_run_from_the_parent_to_the_child():
    argument_map = _read("[A]: a\n  +> [B]: b\n  -> [C]: c\n").map
    assert _edges(argument_map) == {("a", "b", "supports"), ("a", "c", "opposes")}


def test_a_premise_conclusion_structure_is_kept_as_premises_supporting_the_argument():
    text = "<Mortal>: Socrates is mortal.\n\n(1) All humans are mortal.\n(2) Socrates is human.\n----\n(3) [Socrates mortal]: Socrates is mortal.\n"
    argument_map = _read(text).map
    assert _edges(argument_map) == {
        ("all-humans-are-mortal", "mortal", "supports"),
        ("socrates-is-human", "mortal", "supports"),
        ("mortal", "socrates-mortal", "supports"),
    }
    assert "(1) All humans are mortal." in argument_map.get("mortal").notes


def test_an_undercut_becomes_an_attack_on_the_argument_with_a_note_and_a_warning():
    result = _read("<Arg>: a\n  _ [Doubt]: the inference fails\n")
    assert _edges(result.map) == {("doubt", "arg", "opposes")}
    assert "Undercuts <Arg>" in result.map.get("doubt").notes
    assert any("undercut kept as an attack" in w for w in result.warnings)


def test_frontmatter_headings_tags_data_and_equivalence_classes():
    text = (
        "===\ntitle: Drugs\nsubTitle: Should soft drugs be legal?\n===\n\n"
        "# Health\n\n"
        "[Legal]: Soft drugs should be legal. {score: 0.7}\n  + [Safer]: Regulated supply is safer. #(public health)\n\n"
        "[Safer]: A legal market is safer.\n"
    )
    argument_map = _read(text).map
    assert (argument_map.title, argument_map.question) == ("Drugs", "Should soft drugs be legal?")
    safer = argument_map.get("safer")
    assert safer.text == "Regulated supply is safer." and "A legal market is safer." in safer.notes
    assert safer.tags == ["public-health", "health"]
    assert argument_map.get("legal").score == 0.7


def test_comments_escapes_and_emphasis_are_not_part_of_the_text():
    argument_map = _read(
        "[S]: A **bold** \\[claim\\] // trailing comment\n  <!-- a comment -->\n  + [T]: t\n"
    ).map
    assert argument_map.get("s").text == "A bold [claim]"
    assert _edges(argument_map) == {("t", "s", "supports")}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[A]: a {broken: [}\n", "t.argdown:1:8:"),
        ("[A]: a\n\n  + [B]: b\n", "t.argdown:3:1:"),
        ("===\ntitle: x\n", "t.argdown:1:1:"),
        ("(1) only one\n", "t.argdown:1:1:"),
        ("x\n\n@include(other.argdown)\n", "t.argdown:3:1:"),
        ("[A]: a <!-- never closed\n", "t.argdown:1:8:"),
    ],
)
def test_malformed_argdown_is_refused_with_line_and_column(text, where):
    with pytest.raises(FormatError) as caught:
        _read(text)
    assert str(caught.value).startswith(where) and "\n" not in str(caught.value)


def test_the_seed_map_survives_the_argdown_round_trip_exactly():
    argument_map = load_path(SEED_MAP).map
    again = _read(write_text(argument_map, "argdown")).map
    assert map_to_data(again) == map_to_data(argument_map)


def test_written_argdown_escapes_markup_so_text_comes_back_unchanged():
    from argmap.mapfile import map_from_data

    text = "Uses *stars*, [brackets], <angles>, {braces}, #hash, @at, a//b /* c */ and :heart: and .~."
    argument_map = map_from_data({"title": "T", "nodes": [{"id": "t", "kind": "thesis", "text": text}]})
    written = write_text(argument_map, "argdown")
    assert "\\*stars\\*" in written and "\\:heart:" in written
    assert _read(written).map.get("t").text == text


def test_line_breaks_in_text_become_spaces_in_argdown():
    from argmap.mapfile import map_from_data

    argument_map = map_from_data(
        {"title": "T", "nodes": [{"id": "t", "kind": "thesis", "text": "two\nlines"}]}
    )
    assert _read(write_text(argument_map, "argdown")).map.get("t").text == one_line("two\nlines")


def test_argdown_relations_match_the_map_relations_when_written():
    argument_map = load_path(SEED_MAP).map
    written = write_text(argument_map, "argdown")
    supports = sum(r.type is RelationType.SUPPORTS for r in argument_map.relations())
    assert written.count("\n    <+ [") == supports
    assert written.count("\n    <- [") == len(argument_map.relations()) - supports


def test_a_heading_runs_on_to_the_empty_line_so_its_continuation_lines_are_not_statements():
    # Argdown's own parser finds 42 statements and arguments here; its headings run over three lines.
    path = CORPUS / "argdown" / "examples__semmelweis_betz.argdown"
    argument_map = _read(path.read_text(encoding="utf-8"), path.name).map
    assert len(argument_map.nodes) == 42
    assert not any("Available Evidence" in n.text or n.text.startswith("@[") for n in argument_map.nodes)
    sections = {tag for n in argument_map.nodes for tag in n.tags if tag.startswith("inferential-relations")}
    assert sections == {
        "inferential-relations-between-epidemic",
        "inferential-relations-between-rough",
        "inferential-relations-between-cadavric",
    }
    assert "inferential-relations-between-epidemic" in argument_map.get("difference-in-exposure").tags


def test_a_heading_line_in_a_block_tags_only_what_follows_it():
    argument_map = _read("# Costs of\n*the* ban {isGroup: true}\n[A]: a\n\n[B]: b\n# Benefits\n[C]: c\n").map
    tags = {n.id: n.tags for n in argument_map.nodes}
    assert tags == {"a": ["costs-of-the-ban"], "b": ["costs-of-the-ban"], "c": ["benefits"]}


def test_a_relation_under_a_heading_is_refused_with_its_line():
    with pytest.raises(FormatError, match=r"^t\.argdown:2:1: a relation must sit under a statement"):
        _read("# Heading\n  + [B]: b\n")


def test_an_escaped_bracket_belongs_to_the_title_and_is_unescaped():
    argument_map = _read("[A\\]]: a \\[b\\] \\# c\n\n<R\\>>: r\n  + [A\\]]\n").map
    statement, argument = argument_map.nodes
    assert (statement.label, statement.text) == ("A]", "a [b] # c")
    assert (argument.label, argument.text) == ("R>", "r")
    assert _edges(argument_map) == {(statement.id, argument.id, "supports")}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("<A>(1): Text\n", "t.argdown:1:1:"),
        ("[S]: text\n  + <A>(2)\n", "t.argdown:2:5:"),
        ("[S]: as @<A>(1) says\n", "t.argdown:1:9:"),
    ],
)
def test_statement_references_by_number_are_refused_with_line_and_column(text, where):
    with pytest.raises(FormatError) as caught:
        _read(text)
    assert str(caught.value).startswith(f"{where} statement references by number")


def test_an_escaped_number_reference_is_text():
    assert _read("[S]: see \\<A>(1)\n").map.nodes[0].text == "see <A>(1)"


@pytest.mark.parametrize("text", ["\\", "a // b", "a/*b*/c", "x \\] y"])
def test_titles_with_backslashes_and_comment_marks_survive_the_round_trip(text):
    data = {
        "title": "t",
        "nodes": [
            {"id": "n0", "kind": "thesis", "text": text},
            {"id": "n1", "kind": "claim", "supports": ["n0"], "text": "x"},
        ],
    }
    argument_map = map_from_data(data, "t.yaml")
    again = _read(write_text(argument_map, "argdown")).map
    assert map_to_data(again) == map_to_data(argument_map)
