"""An Anki deck (``.apkg``) of a map's drills, written offline with genanki, the same bytes every time.

Ids are derived, never drawn: the note type's id is fixed for all argmap decks, the deck's id is a
hash of the map's name, and each note's ``guid`` is a hash of the map's name and the drill item's id
(``MODE:NODE-ID``). So importing the deck of an edited map again updates the cards already in Anki
(and their review history) instead of adding copies.

genanki stamps the current time on every note and card (their ``mod`` field and the row ids it
counts from) and zips the collection with the temporary file's time, so two runs differ. Here the
time is the caller's ``modified`` (the CLI passes the map file's modification time: an edited map
gives newer notes, which Anki's importer takes as updates), and the package is zipped again with a
fixed entry date, which makes the same map give a byte-identical deck.

Each note is tagged ``argmap::MODE`` and ``argmap::map::NAME``. Anki tags cannot hold spaces (nor
quotes, control characters or, outside the hierarchy, ``::``), so characters of the name that a tag
cannot hold become ``_`` (see :func:`tag_name`): ``my map.yaml`` is tagged ``argmap::map::my_map``.
Library names (letters, digits, ``-`` and ``_``) are used as they are.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import genanki

from argmap.model import ArgumentMap
from argmap.practice.drills import INSTRUCTIONS, DrillItem, all_drill_items

_MODEL_NAME = "argmap drill"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
#: What a tag cannot hold: whitespace (Anki's separator, the ideographic space included), quotes,
#: control characters, and colons (``::`` would make a tag hierarchy of the name).
_TAG_UNSAFE = re.compile(r'[\s"\x00-\x1f\x7f:]+')
_CSS = """
.card { font-family: sans-serif; font-size: 19px; text-align: left; color: #1d1d1f; background: #fff; }
.instruction { font-size: 14px; color: #5b5b66; text-transform: uppercase; letter-spacing: .04em; }
.map { font-size: 13px; color: #8a8a94; margin-top: 1.2em; }
"""


def anki_id(*parts: str) -> int:
    """A stable id in the range Anki expects for note types and decks (between 2^30 and 2^31)."""
    digest = hashlib.sha256("\0".join(parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


_MODEL = genanki.Model(
    anki_id("argmap", "note type", "drill", "1"),
    _MODEL_NAME,
    fields=[
        {"name": "Prompt"},
        {"name": "Answer"},
        {"name": "Instruction"},
        {"name": "Map"},
        {"name": "Item"},
    ],
    templates=[
        {
            "name": "Drill",
            "qfmt": '<div class="instruction">{{Instruction}}</div><p>{{Prompt}}</p>'
            '<div class="map">{{Map}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer"><p>{{Answer}}</p>',
        }
    ],
    css=_CSS,
)


def build_deck(
    argument_map: ArgumentMap,
    map_name: str,
    modified: datetime,
    items: Sequence[DrillItem] | None = None,
) -> bytes:
    """The ``.apkg`` bytes of a deck with one note per drill item (by default every rebuttal and
    evidence item of the map, from both sides). ``map_name`` keys the deck and note ids;
    ``modified`` is the time stamped on the notes."""
    chosen = list(items) if items is not None else all_drill_items(argument_map)
    deck = genanki.Deck(anki_id("argmap", "deck", map_name), f"argmap::{argument_map.title}")
    for item in chosen:
        deck.add_note(
            genanki.Note(
                model=_MODEL,
                fields=[
                    _html(item.prompt),
                    _html(item.model_answer),
                    _html(INSTRUCTIONS[item.mode]),
                    _html(argument_map.title),
                    _html(item.id),
                ],
                tags=[f"argmap::{item.mode.value}", f"argmap::map::{tag_name(map_name)}"],
                guid=genanki.guid_for("argmap", map_name, item.id),
            )
        )
    with tempfile.TemporaryDirectory(prefix="argmap-deck-") as folder:
        raw = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(raw), timestamp=modified.timestamp())
        return _rezip(raw.read_bytes())


def tag_name(name: str) -> str:
    """A map name as one Anki tag component: every run of characters a tag cannot hold (see
    :data:`_TAG_UNSAFE`) becomes ``_``; a name left empty becomes ``map``."""
    return _TAG_UNSAFE.sub("_", name).strip("_") or "map"


def _rezip(package: bytes) -> bytes:
    """The same zip with every entry dated :data:`_ZIP_DATE` and compressed, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry))
    return out.getvalue()


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
