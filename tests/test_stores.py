"""Every library behaviour, run against both stores: the folder (the default) and PostgreSQL (a
real server started by the tests). What a user sees must not depend on where maps are kept."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pg_cluster import postgres_cluster, postgres_url  # noqa: F401 (fixtures)

from argmap.errors import StaleMapError, StoreError
from argmap.map_diff import diff_maps
from argmap.model import ArgumentMap, Node
from argmap.stores import FolderStore, MapLibrary, open_library


@pytest.fixture(params=["folder", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> MapLibrary:
    if request.param == "folder":
        return FolderStore(tmp_path / "library")
    return open_library(database=request.getfixturevalue("postgres_url"))


def with_claim(argument_map: ArgumentMap, claim_id: str) -> ArgumentMap:
    thesis = argument_map.nodes[0].id
    claim = Node(id=claim_id, kind="claim", supports=[thesis], text=f"Point {claim_id}")
    return argument_map.model_copy(update={"nodes": [*argument_map.nodes, claim]})


def test_a_created_map_loads_as_it_was_made(store: MapLibrary):
    created = store.create("india-china", "India and China", "bilateral", "Critically examine …")
    loaded = store.load("india-china")
    assert loaded.map == created.map
    assert loaded.revision == created.revision
    assert loaded.name == "india-china"


def test_a_taken_name_is_refused(store: MapLibrary):
    store.create("m", "M")
    with pytest.raises(StoreError, match="already exists"):
        store.create("m", "Another")


def test_a_bad_name_is_refused(store: MapLibrary):
    with pytest.raises(StoreError, match="map name"):
        store.create("evil\n", "T")


def test_a_missing_map_is_named(store: MapLibrary):
    with pytest.raises(StoreError, match="no map named 'nothing'"):
        store.load("nothing")


def test_a_save_based_on_an_old_revision_is_refused_as_stale(store: MapLibrary):
    loaded = store.create("m", "M")
    store.save("m", loaded.map.model_copy(update={"title": "First tab"}), loaded.revision)
    with pytest.raises(
        StaleMapError, match=r"since it was loaded.*reload it, or save your version as a copy"
    ):
        store.save("m", loaded.map.model_copy(update={"title": "Second tab"}), loaded.revision)
    assert store.load("m").map.title == "First tab"


def test_a_save_after_the_map_was_deleted_is_refused(store: MapLibrary):
    loaded = store.create("m", "M")
    store.delete("m")
    with pytest.raises(StaleMapError, match="deleted or moved"):
        store.save("m", loaded.map.model_copy(update={"title": "Mine"}), loaded.revision)


def test_saving_an_unchanged_map_keeps_its_revision_and_history(store: MapLibrary):
    loaded = store.create("m", "M")
    before = store.history("m")
    assert store.save("m", loaded.map, loaded.revision) == loaded.revision
    assert store.history("m") == before


def test_the_listing_shows_title_question_and_counts(store: MapLibrary):
    store.create("b", "Second", "debate", "This house would …")
    store.create("a", "First")
    entries = store.entries()
    assert [entry.name for entry in entries] == ["a", "b"]
    debate = entries[1]
    assert (debate.title, debate.question, debate.error) == ("Second", "This house would …", None)
    assert debate.node_count == sum(debate.counts_by_kind.values()) > 1
    assert store.names() == ["a", "b"]
    assert store.exists("a") and not store.exists("c")


def test_the_listing_shows_a_saved_change(store: MapLibrary):
    loaded = store.create("m", "Before")
    store.entries()
    store.save(
        "m", with_claim(loaded.map, "new-point").model_copy(update={"title": "After"}), loaded.revision
    )
    [entry] = store.entries()
    assert (entry.title, entry.node_count) == ("After", 2)


def test_a_download_is_the_canonical_text(store: MapLibrary):
    store.create("m", "M")
    assert store.read_bytes("m").decode("utf-8").startswith("schema: ")


def test_duplicate_copies_under_a_new_name(store: MapLibrary):
    store.create("first", "First")
    store.duplicate("first", "second")
    assert store.load("second").map.title == "First (copy)"
    assert store.load("first").map.title == "First"


def test_rename_moves_the_map_and_refuses_a_taken_name(store: MapLibrary):
    store.create("a", "A")
    store.create("b", "B")
    with pytest.raises(StoreError, match="already exists"):
        store.rename("a", "b")
    store.rename("a", "c")
    assert store.names() == ["b", "c"]
    assert store.load("c").map.title == "A"


def test_delete_moves_to_the_trash_and_restore_brings_it_back(store: MapLibrary):
    created = store.create("m", "M")
    store.delete("m")
    assert store.names() == []
    [entry] = store.trash()
    assert entry.name == "m"
    store.restore(entry)
    assert store.load("m").map == created.map
    assert store.trash() == []


def test_restore_refuses_a_taken_name_and_accepts_another(store: MapLibrary):
    store.create("m", "Old")
    store.delete("m")
    store.create("m", "Newer")
    [entry] = store.trash()
    with pytest.raises(StoreError, match="already exists"):
        store.restore(entry)
    target = store.restore(entry, "m-old")
    assert target.stem == "m-old"
    assert store.load("m-old").map.title == "Old"


def test_history_lists_every_saved_version_oldest_first(store: MapLibrary):
    loaded = store.create("m", "v1")
    revision = loaded.revision
    for title in ("v2", "v3"):
        revision = store.save("m", loaded.map.model_copy(update={"title": title}), revision)
    versions = store.history("m")
    assert [version.number for version in versions] == [1, 2, 3]
    assert versions[-1].revision == store.load("m").revision
    assert [store.version_map("m", version.number).title for version in versions] == ["v1", "v2", "v3"]


def test_an_old_version_is_restored_as_a_new_save(store: MapLibrary):
    loaded = store.create("m", "M")
    edited = store.save("m", with_claim(loaded.map, "later-point"), loaded.revision)
    first = store.version_map("m", 1)
    store.save("m", first, edited, label="restored version 1")
    assert store.load("m").map == first
    assert len(store.history("m")) == 3


def test_the_difference_between_two_versions_names_the_added_node(store: MapLibrary):
    loaded = store.create("m", "M")
    store.save("m", with_claim(loaded.map, "new-point"), loaded.revision)
    difference = diff_maps(store.version_map("m", 1), store.version_map("m", 2))
    assert [node.id for node in difference.added] == ["new-point"]
    assert difference.lines()[0] == "+ claim new-point: Point new-point"


def test_of_saves_based_on_one_revision_exactly_one_lands(store: MapLibrary):
    loaded = store.create("m", "M")
    workers = 6
    start = threading.Barrier(workers)

    def save(worker: int) -> str:
        start.wait()
        try:
            store.save("m", with_claim(loaded.map, f"w{worker}"), loaded.revision)
        except StaleMapError:
            return "refused"
        return "saved"

    with ThreadPoolExecutor(workers) as pool:
        outcomes = list(pool.map(save, range(workers)))
    assert sorted(outcomes) == ["refused"] * (workers - 1) + ["saved"]
    assert len(store.load("m").map.nodes) == 2


def _add_claims(store: MapLibrary, worker: int, saves: int, start, results) -> None:
    start.wait()
    saved = []
    for number in range(saves):
        claim_id = f"w{worker}-{number}"
        while True:
            loaded = store.load("m")
            try:
                store.save("m", with_claim(loaded.map, claim_id), loaded.revision)
            except StaleMapError:
                continue
            saved.append(claim_id)
            break
    results.put(saved)


def test_every_save_reported_done_by_concurrent_processes_is_in_the_final_map(store: MapLibrary):
    store.create("m", "M")
    workers, saves = 4, 8
    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(workers), context.SimpleQueue()
    processes = [
        context.Process(target=_add_claims, args=(store, worker, saves, start, results))
        for worker in range(workers)
    ]
    for process in processes:
        process.start()
    saved = [claim for _ in processes for claim in results.get()]
    for process in processes:
        process.join()
    ids = {node.id for node in store.load("m").map.nodes}
    assert len(saved) == workers * saves
    assert set(saved) <= ids and len(ids) == 1 + workers * saves
    assert store.history("m")[-1].revision == store.load("m").revision


def test_the_database_keeps_every_version_with_its_author_and_change(postgres_url: str):
    store = open_library(database=postgres_url)
    loaded = store.create("m", "M")
    revision = loaded.revision
    for number in range(25):  # more than a folder keeps
        edited = with_claim(store.load("m").map, f"p{number}")
        revision = store.save("m", edited, revision, author="asha", label=f"added p{number}")
    versions = store.history("m")
    assert len(versions) == 26
    assert (versions[1].author, versions[1].label) == ("asha", "added p0")
    assert versions[0].label == "created from the blank skeleton"
