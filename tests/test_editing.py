"""Editing a map: each operation returns a new valid map or refuses with a sentence naming the node."""

from __future__ import annotations

import pytest
from conftest import SEED_MAP
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.editing import (
    EditError,
    History,
    add_child,
    add_node,
    apply_table,
    delete_node,
    filtered,
    fresh_id,
    link,
    parse_sources,
    parse_tags,
    rename_node,
    reparent,
    rows_with_edits,
    sources_text,
    table_edits,
    table_rows,
    unlink,
    update_map,
    update_node,
)
from argmap.graph import MapGraph
from argmap.mapfile import dump_map, parse_map
from argmap.model import ArgumentMap, Basis, Directive, Kind, RelationType
from argmap.rules import child_kinds, relation_for
from argmap.store import load_path

SMALL = """\
title: India and Russia
question: Ties remain strong. Critically examine.
nodes:
- id: thesis
  kind: thesis
  text: The ties remain strong despite differences.
- id: defence
  kind: claim
  supports: [thesis]
  text: Russia is India's largest arms supplier.
  tags: [defence]
- id: sipri
  kind: evidence
  supports: [defence]
  text: SIPRI puts Russia's share of India's arms imports at about half.
  basis: statistic
  sources:
  - title: SIPRI Arms Transfers Database
- id: china-pivot
  kind: counterpoint
  opposes: [thesis]
  text: Russia has moved closer to China.
  tags: [geopolitics]
- id: bridge
  kind: rebuttal
  opposes: [china-pivot]
  text: Russia can be a bridge between India and China.
"""


@pytest.fixture
def small() -> ArgumentMap:
    return parse_map(SMALL, "small.yaml")


# -- adding ------------------------------------------------------------------------------------------


def test_a_counterpoint_added_to_a_claim_opposes_it(small: ArgumentMap):
    edited = add_child(small, "defence", Kind.COUNTERPOINT, "Russian spares arrive late.")
    new = edited.get("russian-spares-arrive-late")
    assert new.opposes == ["defence"] and new.supports == []


def test_a_rebuttal_added_to_a_counterpoint_opposes_it(small: ArgumentMap):
    edited = add_child(small, "china-pivot", "rebuttal", "India buys Russian oil at record levels.")
    assert edited.get("india-buys-russian-oil-at-record-levels").opposes == ["china-pivot"]


def test_a_recommendation_under_a_counterpoint_opposes_it_and_under_the_thesis_supports_it(small):
    under_counterpoint = add_child(small, "china-pivot", "recommendation", "Revive RIC.", node_id="ric")
    under_thesis = add_child(small, "thesis", "recommendation", "Hold 2+2 talks.", node_id="two-plus-two")
    assert under_counterpoint.get("ric").opposes == ["china-pivot"]
    assert under_thesis.get("two-plus-two").supports == ["thesis"]


def test_a_rebuttal_cannot_be_added_under_a_claim(small: ArgumentMap):
    with pytest.raises(
        EditError,
        match=r"a rebuttal cannot oppose 'defence' \(claim\): a rebuttal may oppose only counterpoint",
    ):
        add_child(small, "defence", Kind.REBUTTAL, "Not so.")


def test_a_claim_cannot_be_added_as_opposing(small: ArgumentMap):
    with pytest.raises(EditError, match="a claim only supports its parent"):
        add_child(small, "thesis", Kind.CLAIM, "Against.", relation=RelationType.OPPOSES)


def test_a_thesis_cannot_be_added_below_another_node(small: ArgumentMap):
    with pytest.raises(EditError, match="the thesis is the root"):
        add_child(small, "defence", Kind.THESIS, "Another answer.")


def test_adding_below_an_unknown_node_names_it(small: ArgumentMap):
    with pytest.raises(EditError, match="there is no node 'nowhere' in this map"):
        add_child(small, "nowhere", Kind.CLAIM, "Text.")


def test_a_new_child_inherits_its_parents_tags_unless_given(small: ArgumentMap):
    inherited = add_child(small, "china-pivot", Kind.EVIDENCE, "Power of Siberia pipeline.", node_id="pipe")
    given_tags = add_child(
        small, "china-pivot", Kind.EVIDENCE, "Joint exercises.", node_id="ex", tags=["defence"]
    )
    assert inherited.get("pipe").tags == ["geopolitics"]
    assert given_tags.get("ex").tags == ["defence"]


def test_a_new_child_is_placed_after_its_parents_last_descendant(small: ArgumentMap):
    edited = add_child(small, "defence", Kind.EVIDENCE, "S-400 deliveries.", node_id="s400")
    assert [n.id for n in edited.nodes] == ["thesis", "defence", "sipri", "s400", "china-pivot", "bridge"]


def test_adding_leaves_the_original_map_unchanged(small: ArgumentMap):
    before = dump_map(small)
    add_child(small, "thesis", Kind.CLAIM, "Space cooperation.")
    assert dump_map(small) == before


def test_a_taken_id_is_refused_and_fresh_id_avoids_it(small: ArgumentMap):
    with pytest.raises(EditError, match="node id 'defence' is already used"):
        add_child(small, "thesis", Kind.CLAIM, "More defence.", node_id="defence")
    assert fresh_id(small, "Defence") == "defence-2"


def test_a_new_node_with_a_bad_field_is_refused_naming_it(small: ArgumentMap):
    with pytest.raises(EditError, match=r"node 'bad': score: .*less than or equal to 1"):
        add_child(small, "thesis", Kind.CLAIM, "Text.", node_id="bad", score=1.5)


def test_a_second_thesis_is_refused(small: ArgumentMap):
    with pytest.raises(EditError, match="second thesis"):
        add_node(small, Kind.THESIS, "Another answer.")


def test_a_parentless_context_can_be_added(small: ArgumentMap):
    edited = add_node(small, "context", "Background to the question.", node_id="background")
    assert edited.nodes[-1].id == "background" and edited.nodes[-1].supports == []


def test_child_kinds_follow_the_map_rules():
    assert set(child_kinds(Kind.COUNTERPOINT)) == {
        Kind.CLAIM,
        Kind.REBUTTAL,
        Kind.EVIDENCE,
        Kind.RECOMMENDATION,
    }
    assert Kind.REBUTTAL not in child_kinds(Kind.CLAIM)
    assert child_kinds(Kind.EVIDENCE) == [Kind.COUNTERPOINT]
    assert relation_for(Kind.CONTEXT, Kind.CLAIM) is None


def test_child_kinds_offer_the_most_natural_child_first_then_the_kind_order():
    firsts = {parent.value: child_kinds(parent)[0].value for parent in Kind}
    assert firsts == {
        "thesis": "claim",
        "claim": "evidence",
        "counterpoint": "rebuttal",
        "rebuttal": "evidence",
        "evidence": "counterpoint",
        "recommendation": "evidence",
        "context": "context",
    }
    assert child_kinds(Kind.COUNTERPOINT) == [
        Kind.REBUTTAL,
        Kind.CLAIM,
        Kind.EVIDENCE,
        Kind.RECOMMENDATION,
    ]


# -- changing one node -------------------------------------------------------------------------------


def test_update_node_changes_text_label_tags_and_score(small: ArgumentMap):
    edited = update_node(
        small, "defence", text="Defence ties.", label="Defence", tags=["defence", "trade"], score=0.8
    )
    node = edited.get("defence")
    assert (node.text, node.label, node.tags, node.score) == (
        "Defence ties.",
        "Defence",
        ["defence", "trade"],
        0.8,
    )


def test_an_empty_label_means_derive_it_from_the_text(small: ArgumentMap):
    labelled = update_node(small, "defence", label="Arms")
    assert update_node(labelled, "defence", label="").get("defence").label is None


def test_evidence_basis_and_sources_can_be_edited(small: ArgumentMap):
    edited = update_node(small, "sipri", basis=Basis.FACT, sources=[{"title": "SIPRI", "publisher": "SIPRI"}])
    assert edited.get("sipri").basis is Basis.FACT
    assert edited.get("sipri").sources[0].publisher == "SIPRI"


def test_a_basis_on_a_claim_is_refused_naming_the_node(small: ArgumentMap):
    with pytest.raises(EditError, match="node 'defence' has a basis, but only evidence has one"):
        update_node(small, "defence", basis="fact")


def test_empty_text_is_refused(small: ArgumentMap):
    with pytest.raises(EditError, match="node 'defence': text"):
        update_node(small, "defence", text="")


def test_a_bad_tag_is_refused_with_the_example(small: ArgumentMap):
    with pytest.raises(EditError, match="nuclear-energy"):
        update_node(small, "defence", tags=["Nuclear Energy"])


def test_changing_a_claim_to_a_counterpoint_turns_its_relation_round(small: ArgumentMap):
    edited = update_node(small, "defence", kind=Kind.COUNTERPOINT)
    assert edited.get("defence").opposes == ["thesis"] and edited.get("defence").supports == []


def test_a_kind_change_that_leaves_a_child_stranded_is_refused(small: ArgumentMap):
    with pytest.raises(
        EditError, match="node 'bridge' \\(rebuttal\\) cannot oppose 'china-pivot' \\(claim\\)"
    ):
        update_node(small, "china-pivot", kind=Kind.CLAIM)


def test_a_node_with_parents_cannot_become_the_thesis(small: ArgumentMap):
    with pytest.raises(EditError, match="cannot become the thesis while it has parents"):
        update_node(small, "defence", kind=Kind.THESIS)


def test_relations_cannot_be_set_through_update_node(small: ArgumentMap):
    with pytest.raises(EditError, match="use reparent, link or unlink"):
        update_node(small, "defence", supports=["bridge"])


def test_update_map_changes_title_and_refuses_an_empty_one(small: ArgumentMap):
    assert update_map(small, title="India–Russia").title == "India–Russia"
    assert update_map(small, title="New").nodes == small.nodes
    with pytest.raises(EditError, match="the map's title"):
        update_map(small, title="")


def test_update_map_sets_every_detail_the_outlines_use(small: ArgumentMap):
    edited = update_map(
        small,
        title=" India–Russia ",
        question="Critically examine India–Russia ties. (250 words)",
        directive="critically examine",
        vocabulary={"for": "Convergences", "against": "Irritants"},
        tags="GS 2, international relations",
        conclusion="Ties endure.",
    )
    assert edited.title == "India–Russia"
    assert edited.directive is Directive.CRITICALLY_EXAMINE
    assert (edited.vocabulary.for_, edited.vocabulary.against) == ("Convergences", "Irritants")
    assert edited.tags == ["gs-2", "international-relations"]
    assert edited.conclusion == "Ties endure." and edited.nodes == small.nodes
    cleared = update_map(
        edited, question=" ", directive=None, vocabulary={"for": "", "against": ""}, conclusion=""
    )
    assert (cleared.question, cleared.directive, cleared.vocabulary, cleared.conclusion) == (
        None,
        None,
        None,
        None,
    )
    assert parse_map(dump_map(cleared), "m.yaml") == cleared


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "  "}, "the map's title cannot be empty"),
        ({"directive": "summarise"}, "the map's directive must be one of: discuss, critically examine"),
        (
            {"vocabulary": {"for": "Convergences", "against": " "}},
            "the map's headings for the two sides need both",
        ),
        ({"tags": ["GS 2"]}, "the map's tag 'GS 2' must be"),
    ],
)
def test_update_map_refuses_a_bad_detail_in_one_sentence(small: ArgumentMap, fields: dict, message: str):
    with pytest.raises(EditError) as refused:
        update_map(small, **fields)
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)


# -- moving, linking, deleting, renaming -----------------------------------------------------------


def test_reparent_moves_a_node_under_another_parent(small: ArgumentMap):
    edited = add_child(small, "thesis", Kind.EVIDENCE, "Kudankulam reactors.", node_id="kudankulam")
    moved = reparent(edited, "kudankulam", "defence")
    assert moved.get("kudankulam").supports == ["defence"]


def test_reparent_picks_the_relation_the_kind_takes_to_the_new_parent(small: ArgumentMap):
    edited = add_child(small, "thesis", Kind.RECOMMENDATION, "Revive RIC.", node_id="ric")
    moved = reparent(edited, "ric", "china-pivot")
    assert moved.get("ric").opposes == ["china-pivot"] and moved.get("ric").supports == []


def test_reparent_under_a_descendant_is_refused(small: ArgumentMap):
    with pytest.raises(EditError, match="cannot move 'china-pivot' under 'bridge'"):
        reparent(small, "china-pivot", "bridge")


def test_reparent_of_a_rebuttal_under_a_claim_is_refused(small: ArgumentMap):
    with pytest.raises(EditError, match="a rebuttal may oppose only counterpoint"):
        reparent(small, "bridge", "defence")


def test_reparent_with_old_parent_keeps_the_other_parents(small: ArgumentMap):
    linked = link(small, "sipri", "thesis")
    moved = reparent(linked, "sipri", "china-pivot", RelationType.OPPOSES, old_parent="thesis")
    node = moved.get("sipri")
    assert node.supports == ["defence"] and node.opposes == ["china-pivot"]


def test_link_and_unlink_add_and_remove_one_parent(small: ArgumentMap):
    linked = link(small, "sipri", "thesis")
    assert linked.get("sipri").supports == ["defence", "thesis"]
    assert unlink(linked, "sipri", "defence").get("sipri").supports == ["thesis"]
    with pytest.raises(EditError, match="already hangs from 'thesis'"):
        link(linked, "sipri", "thesis")
    with pytest.raises(EditError, match="does not hang from 'bridge'"):
        unlink(linked, "sipri", "bridge")


def test_delete_removes_the_node_and_every_relation_to_it(small: ArgumentMap):
    edited = delete_node(small, "china-pivot")
    assert "china-pivot" not in edited.node_index()
    assert edited.get("bridge").opposes == []
    assert all(relation.target != "china-pivot" for relation in edited.relations())


def test_delete_with_orphans_removes_what_hung_only_from_the_node(small: ArgumentMap):
    assert MapGraph.of(small).only_below("defence") == ["sipri"]
    edited = delete_node(small, "defence", with_orphans=True)
    assert [n.id for n in edited.nodes] == ["thesis", "china-pivot", "bridge"]


def test_delete_keeps_a_child_that_hangs_from_another_node_too(small: ArgumentMap):
    linked = link(small, "sipri", "thesis")
    edited = delete_node(linked, "defence", with_orphans=True)
    assert edited.get("sipri").supports == ["thesis"]


def test_deleting_an_unknown_node_names_it(small: ArgumentMap):
    with pytest.raises(EditError, match="no node 'ghost'"):
        delete_node(small, "ghost")


def test_rename_updates_every_relation_that_names_the_node(small: ArgumentMap):
    edited = rename_node(small, "china-pivot", "russia-china")
    assert edited.get("bridge").opposes == ["russia-china"]
    assert "china-pivot" not in edited.node_index()


def test_rename_refuses_a_bad_or_taken_id(small: ArgumentMap):
    with pytest.raises(EditError, match="must be lower-case"):
        rename_node(small, "defence", "Defence Ties")
    with pytest.raises(EditError, match="already used"):
        rename_node(small, "defence", "thesis")


def test_subtree_lists_the_node_and_everything_below_it(small: ArgumentMap):
    assert MapGraph.of(small).subtree("thesis") == ["thesis", "defence", "sipri", "china-pivot", "bridge"]
    assert MapGraph.of(small).subtree("china-pivot") == ["china-pivot", "bridge"]


def test_a_filtered_view_keeps_the_thesis_and_drops_relations_to_hidden_nodes(small: ArgumentMap):
    shown = filtered(small, kinds=["rebuttal", "evidence"])
    assert [n.id for n in shown.nodes] == ["thesis", "sipri", "bridge"]
    assert shown.get("sipri").supports == [] and shown.get("bridge").opposes == []


def test_a_tag_filter_keeps_only_nodes_with_one_of_the_tags(small: ArgumentMap):
    assert [n.id for n in filtered(small, tags=["geopolitics"]).nodes] == ["thesis", "china-pivot"]
    assert filtered(small) is small


# -- the table view --------------------------------------------------------------------------------


def test_table_rows_round_trip_unchanged(small: ArgumentMap):
    assert apply_table(small, table_rows(small)) == small


def test_apply_table_changes_many_nodes_at_once(small: ArgumentMap):
    rows = table_rows(small)
    rows[1]["tags"] = "Defence, arms trade"
    rows[2]["score"] = 0.9
    rows[4]["label"] = "Russia as bridge"
    edited = apply_table(small, rows)
    assert edited.get("defence").tags == ["defence", "arms-trade"]
    assert edited.get("sipri").score == 0.9
    assert edited.get("bridge").label == "Russia as bridge"


def test_apply_table_treats_nan_cells_as_empty(small: ArgumentMap):
    rows = table_rows(small)
    rows[1]["score"] = float("nan")
    assert apply_table(small, rows) == small


def test_a_kind_change_in_the_table_turns_the_relation_round(small: ArgumentMap):
    rows = table_rows(small)
    rows[4]["kind"] = "claim"
    assert apply_table(small, rows).get("bridge").supports == ["china-pivot"]


def test_apply_table_names_the_row_of_a_bad_edit(small: ArgumentMap):
    rows = table_rows(small)
    rows[4]["kind"] = "context"
    with pytest.raises(
        EditError, match=r"table row 5: node 'bridge' \(context\) cannot oppose 'china-pivot'"
    ):
        apply_table(small, rows)


def test_table_edits_keep_what_was_typed_and_forget_a_cell_typed_back(small: ArgumentMap):
    edits = table_edits(small, {}, {"1": {"text": "Russia sells arms.", "id": "x"}, 4: {"score": 0.4}})
    assert edits == {
        "defence": {"text": ("Russia is India's largest arms supplier.", "Russia sells arms.")},
        "bridge": {"score": (None, 0.4)},
    }
    again = table_edits(small, edits, {"1": {"text": "Russia is India's largest arms supplier."}})
    assert again == {"bridge": {"score": (None, 0.4)}}
    rows, kept, dropped = rows_with_edits(small, edits)
    assert (rows[1]["text"], rows[4]["score"], kept, dropped) == ("Russia sells arms.", 0.4, edits, 0)
    assert apply_table(small, rows).get("defence").text == "Russia sells arms."


def test_a_kept_table_edit_of_a_cell_changed_since_is_dropped(small: ArgumentMap):
    edits = table_edits(small, {}, {"1": {"text": "Russia sells arms.", "tags": "arms"}})
    changed = delete_node(update_node(small, "defence", text="Changed in the panel."), "bridge")
    rows, kept, dropped = rows_with_edits(changed, {**edits, "bridge": {"score": (None, 0.4)}})
    assert kept == {"defence": {"tags": ("defence", "arms")}} and dropped == 2
    assert rows[1]["text"] == "Changed in the panel." and rows[1]["tags"] == "arms"


def test_parse_tags_makes_slugs_without_repeats():
    assert parse_tags("Defence, nuclear energy; defence,,") == ["defence", "nuclear-energy"]


def test_sources_typed_one_per_line_read_back_as_written():
    text = "SIPRI Arms Transfers | SIPRI | 2021 | https://sipri.org\nPIB release"
    sources = parse_sources(text)
    assert sources[0].publisher == "SIPRI" and sources[0].url == "https://sipri.org"
    assert sources[1].title == "PIB release" and sources[1].publisher is None
    assert sources_text(sources) == text


def test_a_source_line_without_a_title_is_refused_naming_the_line():
    with pytest.raises(EditError, match="source line 2 has no title"):
        parse_sources("PIB\n | The Hindu")


# -- undo and redo -----------------------------------------------------------------------------------


def test_undo_and_redo_walk_the_snapshots(small: ArgumentMap):
    history = History(small)
    added = add_child(small, "china-pivot", Kind.REBUTTAL, "Oil trade is at a record.", node_id="oil")
    history.record(added, "add rebuttal 'oil'")
    assert history.undo_label == "add rebuttal 'oil'"
    assert history.undo() == small
    assert history.redo_label == "add rebuttal 'oil'"
    assert history.redo() == added


def test_a_new_edit_after_undo_drops_the_undone_steps(small: ArgumentMap):
    history = History(small)
    history.record(update_map(small, title="A"), "title A")
    history.undo()
    history.record(update_map(small, title="B"), "title B")
    assert not history.can_redo
    assert history.current.title == "B"


def test_undo_with_nothing_to_undo_says_so(small: ArgumentMap):
    with pytest.raises(EditError, match="nothing to undo"):
        History(small).undo()
    with pytest.raises(EditError, match="nothing to redo"):
        History(small).redo()


def test_history_keeps_at_most_its_limit(small: ArgumentMap):
    history = History(small, limit=3)
    for title in ("A", "B", "C", "D"):
        history.record(update_map(small, title=title), f"title {title}")
    assert len(history) == 3
    history.undo()
    history.undo()
    assert not history.can_undo and history.current.title == "B"


# -- on the seed map -------------------------------------------------------------------------------


def test_a_counterpoint_and_its_rebuttal_added_to_the_seed_map_save_and_reload(tmp_path):
    seed = load_path(SEED_MAP).map
    edited = add_child(
        seed, "defence", Kind.COUNTERPOINT, "Russian spares arrive late.", node_id="late-spares"
    )
    edited = add_child(
        edited, "late-spares", Kind.REBUTTAL, "Joint production fixes it.", node_id="joint-production"
    )
    again = parse_map(dump_map(edited), "edited.yaml")
    assert again.get("late-spares").opposes == ["defence"]
    assert again.get("joint-production").opposes == ["late-spares"]
    assert len(again.nodes) == len(seed.nodes) + 2


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_allowed_add_then_delete_gives_back_the_same_map(data):
    seed = parse_map(SMALL, "small.yaml")
    parent = data.draw(st.sampled_from(seed.nodes))
    kinds = child_kinds(parent.kind)
    if not kinds:
        return
    kind = data.draw(st.sampled_from(kinds))
    edited = add_child(seed, parent.id, kind, "A new point.", node_id="new-point", tags=[])
    assert delete_node(edited, "new-point") == seed
