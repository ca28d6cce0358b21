"""The command line's parsed-map cache (#21): used only for the very bytes it was made from,
never able to give a map the file would not, ignored when damaged, kept inside the library and
bounded in size."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap import map_cache, mapfile
from argmap.errors import MapFileError, StoreError
from argmap.generate import generate_map
from argmap.map_cache import load_cached, load_for_drawing
from argmap.mapfile import dump_map, parse_map
from argmap.model import ArgumentMap
from argmap.model_plain import PlainMap
from argmap.render import RenderOptions, build_dot, build_dot_utf8
from argmap.store import Library

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted((ROOT / "arguments").glob("*.yaml"))


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose YAML was parsed, in order."""
    parsed: list[str] = []
    real = mapfile.read_map_data

    def counting(text: str, where: str = "<text>"):
        parsed.append(Path(where).name)
        return real(text, where)

    monkeypatch.setattr(mapfile, "read_map_data", counting)
    return parsed


def entries(library: Library) -> list[Path]:
    folder = library.data_dir / map_cache.FOLDER
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def put(library: Library, name: str, text: str) -> Path:
    library.root.mkdir(parents=True, exist_ok=True)
    path = library.path_of(name)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.stem)
def test_a_cached_read_gives_the_map_the_yaml_gives(library: Library, path: Path, parses: list[str]):
    put(library, "m", path.read_text(encoding="utf-8"))
    first = load_cached("m", library)
    second = load_cached("m", library)
    assert parses == ["m.yaml"]  # the second read came from the cache
    assert second.map == first.map == parse_map(path.read_text(encoding="utf-8"))
    assert second.revision == first.revision and second.path == first.path


def test_a_changed_file_is_parsed_again(library: Library, parses: list[str]):
    path = put(library, "m", dump_map(generate_map(40, seed=3)))
    load_cached("m", library)
    path.write_text(path.read_text().replace("title: Synthetic", "title: Edited"))
    again = load_cached("m", library)
    assert again.map.title.startswith("Edited")
    assert parses == ["m.yaml", "m.yaml"]
    assert len(entries(library)) == 2  # one per content, each named by its hash


def test_a_file_changed_back_uses_its_old_entry(library: Library, parses: list[str]):
    path = put(library, "m", "title: One\nnodes: []\n")
    load_cached("m", library)
    path.write_text("title: Two\nnodes: []\n")
    load_cached("m", library)
    path.write_text("title: One\nnodes: []\n")
    assert load_cached("m", library).map.title == "One"
    assert parses == ["m.yaml", "m.yaml"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"",
        lambda raw: raw[: len(raw) // 2],  # torn write
        lambda raw: b"not json at all\n{}",
        lambda raw: raw.replace(f'"format": {map_cache.FORMAT}'.encode(), b'"format": 99', 1),
        lambda raw: raw.replace(b"Ties hold", b"Ties fold", 1),  # altered data, header unchanged
        lambda raw: raw.split(b"\n", 1)[1],  # no header
        lambda raw: b"\xff\xfe" + raw,
    ],
    ids=["empty", "torn", "garbage", "other-format", "altered", "headless", "binary"],
)
def test_a_damaged_entry_is_ignored_and_replaced(library: Library, parses: list[str], damage):
    put(library, "m", "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: Ties hold.\n")
    expected = load_cached("m", library).map
    [entry] = entries(library)
    entry.write_bytes(damage(entry.read_bytes()))
    assert load_cached("m", library).map == expected
    assert load_cached("m", library).map == expected
    assert parses == ["m.yaml", "m.yaml"]  # parsed again once, then the rewritten entry served


def test_an_entry_breaking_the_maps_rules_is_never_served(library: Library, parses: list[str]):
    """Even an entry whose header is made to match cannot hold a map the model refuses."""
    put(library, "m", "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: Ties hold.\n")
    expected = load_cached("m", library).map
    [entry] = entries(library)
    header, payload = entry.read_bytes().split(b"\n", 1)
    data = json.loads(payload)
    data["nodes"].append(
        {"id": "t", "kind": "claim", "text": "A second node with the same id.", "supports": ["t"]}
    )
    forged = json.dumps(data).encode()
    revision = json.loads(header)["revision"]
    entry.write_bytes(map_cache.ParsedMaps._header(revision, forged) + b"\n" + forged)
    assert load_cached("m", library).map == expected
    assert parses == ["m.yaml", "m.yaml"]


def test_an_invalid_map_is_never_cached(library: Library):
    put(library, "m", "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n  size: 3\n")
    with pytest.raises(MapFileError, match=r"m\.yaml:6: unknown key 'size'"):
        load_cached("m", library)
    with pytest.raises(MapFileError, match=r"m\.yaml:6: unknown key 'size'"):
        load_cached("m", library)
    assert entries(library) == []


def test_a_map_outside_the_library_is_read_without_a_cache(
    tmp_path: Path, library: Library, parses: list[str]
):
    put(library, "other", "title: O\nnodes: []\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    path = elsewhere / "m.yaml"
    path.write_text("title: T\nnodes: []\n")
    load_cached(str(path), library)
    load_cached(str(path), library)
    assert parses == ["m.yaml", "m.yaml"]
    assert entries(library) == [] and not (elsewhere / ".argmap").exists()


def test_a_path_into_the_library_uses_its_cache(library: Library, parses: list[str]):
    path = put(library, "m", "title: T\nnodes: []\n")
    load_cached(str(path), library)
    assert load_cached(str(path), library).path == path
    assert load_cached("m", library).map.title == "T"
    assert parses == ["m.yaml"]


def test_a_linked_cache_folder_is_never_written_through(tmp_path: Path, library: Library, parses: list[str]):
    outside = tmp_path / "outside"
    outside.mkdir()
    put(library, "m", "title: T\nnodes: []\n")
    library.data_dir.mkdir(parents=True)
    (library.data_dir / map_cache.FOLDER).symlink_to(outside, target_is_directory=True)
    assert load_cached("m", library).map.title == "T"
    assert load_cached("m", library).map.title == "T"
    assert list(outside.iterdir()) == []
    assert parses == ["m.yaml", "m.yaml"]


def test_a_linked_entry_is_not_read(tmp_path: Path, library: Library, parses: list[str]):
    put(library, "m", "title: T\nnodes: []\n")
    load_cached("m", library)
    [entry] = entries(library)
    planted = tmp_path / "planted.json"
    planted.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(planted)
    assert load_cached("m", library).map.title == "T"
    assert parses == ["m.yaml", "m.yaml"]


def test_a_library_that_cannot_hold_a_cache_still_reads(library: Library):
    put(library, "m", "title: T\nnodes: []\n")
    library.data_dir.write_text("not a folder")  # .argmap is a file: nothing can be made in it
    assert load_cached("m", library).map.title == "T"
    assert load_cached("m", library).map.title == "T"


def test_the_cache_keeps_the_most_recently_used_entries(library: Library, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(map_cache, "KEPT", 3)
    for number in range(5):
        put(library, f"m{number}", f"title: Map {number}\nnodes: []\n")
        load_cached(f"m{number}", library)
    kept = [json.loads(entry.read_bytes().split(b"\n", 1)[1])["title"] for entry in entries(library)]
    assert sorted(kept) == ["Map 2", "Map 3", "Map 4"]


def test_the_cache_keeps_within_its_size(library: Library, monkeypatch: pytest.MonkeyPatch):
    text = dump_map(generate_map(60, seed=2))
    monkeypatch.setattr(map_cache, "ENTRY_LIMIT", len(text) // 2)
    put(library, "big", text)
    put(library, "small", "title: S\nnodes: []\n")
    load_cached("big", library)
    load_cached("small", library)
    assert [json.loads(e.read_bytes().split(b"\n", 1)[1])["title"] for e in entries(library)] == ["S"]
    monkeypatch.setattr(map_cache, "ENTRY_LIMIT", 10 * len(text))
    load_cached("big", library)
    big = max(entries(library), key=lambda entry: entry.stat().st_size)
    monkeypatch.setattr(map_cache, "TOTAL_LIMIT", big.stat().st_size + 10)
    put(library, "small", "title: S2\nnodes: []\n")
    load_cached("small", library)  # the newest entries are kept, the oldest beyond the total go
    assert [json.loads(e.read_bytes().split(b"\n", 1)[1])["title"] for e in entries(library)] == ["S2"]


def cli_twice(
    library: Library, command: str, loaded: str, argvs: list[str]
) -> list[subprocess.CompletedProcess]:
    """The seed map put in ``library`` as ``m``, then ``argmap --library … COMMAND`` (Python list
    items, which may use ``sys.argv[1]``: each of ``argvs`` in turn) run in two fresh interpreters,
    each printing ``LOADED`` and the value of the ``loaded`` expression after the command."""
    put(library, "m", (ROOT / "arguments" / "india-russia.yaml").read_text(encoding="utf-8"))
    probe = (
        "import sys\n"
        "from argmap.cli import main\n"
        f"code = main(['--library', {str(library.root)!r}, {command}])\n"
        f"print('LOADED', {loaded})\n"
    )
    return [
        subprocess.run(
            [sys.executable, "-c", probe, argv], capture_output=True, text=True, check=True, timeout=60
        )
        for argv in argvs
    ]


def test_a_cached_show_reads_no_yaml(library: Library):
    """`argmap show` imports only what it uses (#13 item 6): never Graphviz, python-docx or the
    checks; and for a map read before, neither PyYAML nor the map file reader."""
    runs = cli_twice(
        library,
        "'show', 'm'",
        "sorted(m for m in ('yaml', 'argmap.mapfile', 'graphviz', 'docx', 'argmap.analysis.checks') if m in sys.modules)",
        ["", ""],
    )
    assert runs[0].stdout.splitlines()[0] == runs[1].stdout.splitlines()[0]  # the same title
    assert "LOADED ['argmap.mapfile', 'yaml']" in runs[0].stdout  # the first read parses the YAML
    assert "LOADED []" in runs[1].stdout


# -- drawing from the cache without pydantic (argmap.model_plain) ---------------------------------

DRAWINGS = [
    RenderOptions(),
    RenderOptions(theme="print", group_by="kind", direction="down", legend=False),
    RenderOptions(group_by="none", evidence=False, direction="right", wrap=22),
]


@pytest.mark.parametrize(
    "text",
    [*(path.read_text(encoding="utf-8") for path in MAPS), dump_map(generate_map(700, seed=5))],
    ids=[*(path.stem for path in MAPS), "generated-700"],
)
def test_a_map_drawn_from_the_cache_is_drawn_as_the_yaml_gives_it(library: Library, text: str):
    put(library, "m", text)
    first = load_for_drawing("m", library)
    second = load_for_drawing("m", library)
    assert isinstance(first, ArgumentMap) and isinstance(second, PlainMap)  # parsed, then cached
    for options in DRAWINGS:
        assert build_dot(second, options) == build_dot(first, options)
        # what the command line hands to dot: the same text, encoded statement by statement
        assert build_dot_utf8(second, options) == build_dot(first, options).encode("utf-8")
    assert second.relations() == first.relations() and second.all_tags() == first.all_tags()
    assert [node.display_label for node in second.nodes] == [node.display_label for node in first.nodes]


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data["nodes"].append(
            {**data["nodes"][0], "kind": "claim", "supports": [data["nodes"][0]["id"]]}
        ),
        lambda data: data.pop("title"),  # a field missing
        lambda data: data["nodes"][0].update(size=3),  # a field the model does not have
        lambda data: data["nodes"][0].update(kind="verdict"),
        lambda data: data.update(schema=7),
        lambda data: data.update(vocabulary=["for", "against"]),
        lambda data: data.update(nodes=None),
    ],
    ids=[
        "duplicate-id",
        "missing-field",
        "unknown-field",
        "unknown-kind",
        "schema",
        "not-a-mapping",
        "no-list",
    ],
)
def test_a_forged_entry_is_never_drawn(library: Library, parses: list[str], change):
    """An entry whose header is made to match still cannot give a drawing a map the model refuses:
    the map file is parsed again and its own map drawn."""
    put(library, "m", "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: Ties hold.\n  notes: N\n")
    expected = load_for_drawing("m", library)
    [entry] = entries(library)
    header, payload = entry.read_bytes().split(b"\n", 1)
    data = json.loads(payload)
    change(data)
    forged = json.dumps(data).encode()
    entry.write_bytes(map_cache.ParsedMaps._header(json.loads(header)["revision"], forged) + b"\n" + forged)
    drawn = load_for_drawing("m", library)
    assert isinstance(drawn, ArgumentMap) and drawn == expected
    assert parses == ["m.yaml", "m.yaml"]
    assert isinstance(load_for_drawing("m", library), PlainMap)  # the entry was written again


def test_drawing_a_changed_file_parses_it_again(library: Library, parses: list[str]):
    path = put(library, "m", "title: One\nnodes: []\n")
    load_for_drawing("m", library)
    path.write_text("title: Two\nnodes: []\n")
    assert load_for_drawing("m", library).title == "Two"
    assert parses == ["m.yaml", "m.yaml"]


def test_drawing_reports_bad_input_as_a_full_read_does(tmp_path: Path, library: Library):
    put(library, "bad", "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: x\n  size: 3\n")
    for _ in range(2):  # an invalid map is never cached
        with pytest.raises(MapFileError, match=r"bad\.yaml:6: unknown key 'size'"):
            load_for_drawing("bad", library)
    with pytest.raises(StoreError, match="no map named 'missing'"):
        load_for_drawing("missing", library)
    with pytest.raises(StoreError, match="no such map file"):
        load_for_drawing(str(tmp_path / "nowhere.yaml"), library)


def test_drawing_a_map_outside_the_library_uses_no_cache(tmp_path: Path, library: Library, parses: list[str]):
    path = tmp_path / "m.yaml"
    path.write_text("title: T\nnodes: []\n")
    assert load_for_drawing(str(path), library).title == "T"
    assert isinstance(load_for_drawing(str(path), library), ArgumentMap)
    assert parses == ["m.yaml", "m.yaml"] and entries(library) == []


def test_a_cached_render_imports_no_pydantic_and_draws_the_same_picture(library: Library, tmp_path: Path):
    """`argmap render` of a map read before (#21 item 4): no pydantic, YAML or graphviz package,
    nor dataclasses (with inspect) or shutil and tempfile (each several ms of every start), and the
    same SVG as the first, parsing run."""
    outputs = [tmp_path / "first.svg", tmp_path / "second.svg"]
    runs = cli_twice(
        library,
        "'render', 'm', '-o', sys.argv[1]",
        "sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'yaml', 'graphviz', 'dataclasses', 'inspect', 'shutil', 'tempfile'})",
        [str(out) for out in outputs],
    )
    cold = runs[0].stdout.split("LOADED ")[1]
    assert "'pydantic'" in cold and "'yaml'" in cold  # the first run parses and validates the YAML
    assert "LOADED []" in runs[1].stdout
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
