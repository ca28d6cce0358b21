"""A map session: one user's work on one map of a library, written once for every shell.

Open a map, apply an edit under its label (saved at once, through the store), undo and redo (each
saved too), and, when a save is refused because the file changed on disk since it was opened, the
stale-file choice: reload it from the store (dropping the unsaved version) or save the version on
screen as a copy and work on that. The app keeps one :class:`MapSession` per browser session
(``argmap/ui/state.py``); tests drive it without Streamlit.

Every method raises only :class:`~argmap.errors.ArgmapError` subclasses: the store turns OSError
into StoreError, and a node id that is not in the map (a stale click, a node deleted in another
tab) is an EditError naming it, never a KeyError.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.editing import EditError, History
from argmap.errors import ArgmapError, StaleMapError
from argmap.mapfile import dump_map
from argmap.model import ArgumentMap, Node
from argmap.store import LoadedMap, revision_of
from argmap.stores import MapLibrary


@dataclass
class OpenMap:
    """The map being worked on.

    ``revision`` is the revision of the stored map that the next save expects; ``key`` is the
    content hash of the map shown (``history.current``), which view caches are keyed on. They are
    equal except while the map is ``stale``: a save was refused because the stored map changed
    since it was opened, and ``stale`` holds the store's message.
    """

    name: str
    revision: str
    key: str
    history: History
    stale: str | None = None

    @property
    def map(self) -> ArgumentMap:
        return self.history.current


class MapSession:
    """The open map of one user, its undo history and the selected node, over a library.

    ``selected`` is the node the user works on (the thesis when a map opens); after an undo or a
    delete takes it away, the session falls back to the thesis.
    """

    def __init__(self, library: MapLibrary):
        self.library = library
        self.opened: OpenMap | None = None
        self.selected: str | None = None

    # -- opening -----------------------------------------------------------------------------
    def open(self, name: str) -> OpenMap:
        """Load ``name`` with a fresh history and select its thesis.

        Raises ArgmapError (MapFileError, StoreError) for a map that cannot be read; the map open
        before, if any, stays open.
        """
        return self._install(self.library.load(name))

    def open_first(self) -> OpenMap | None:
        """Open the first map of the library that reads cleanly; None when there is none."""
        for entry in self.library.entries():
            if entry.error is None:
                try:
                    return self.open(entry.name)
                except ArgmapError:
                    continue
        return None

    def close(self) -> None:
        self.opened = None
        self.selected = None

    def _install(self, loaded: LoadedMap) -> OpenMap:
        self.opened = OpenMap(loaded.name, loaded.revision, loaded.revision, History(loaded.map))
        thesis = loaded.map.thesis()
        self.selected = thesis.id if thesis else (loaded.map.nodes[0].id if loaded.map.nodes else None)
        return self.opened

    def require(self) -> OpenMap:
        """The open map; EditError when none is."""
        if self.opened is None:
            raise EditError("no map is open; open one in the Library")
        return self.opened

    def node(self, node_id: str) -> Node:
        """The node ``node_id`` of the open map; EditError when the map has none (it was deleted or
        renamed meanwhile, in this tab or another)."""
        opened = self.require()
        found = opened.map.node_index().get(node_id)
        if found is None:
            raise EditError(f"no node {node_id!r} in map {opened.name!r}; it was deleted or renamed")
        return found

    # -- changing ----------------------------------------------------------------------------
    def apply(self, new_map: ArgumentMap, label: str, select: str | None = None) -> bool:
        """Make ``new_map`` the open map under the edit's ``label`` (what undo names) and save it
        at once; True when saved.

        A save the store refuses because the map changed meanwhile keeps the edit on screen and
        marks the map stale (see :meth:`reload` and :meth:`save_as_copy`). ``select`` selects a
        node afterwards (the one just added, the parent of one deleted). Raises EditError when no
        map is open, StoreError when the store cannot write.
        """
        opened = self.require()
        self._save(opened, new_map, label)  # a store that cannot write raises: nothing is recorded
        opened.history.record(new_map, label)
        if select is not None:
            self.selected = select
        self._keep_selection(opened)
        return not opened.stale

    def step_label(self, back: bool) -> str | None:
        """The change that undo (``back``) or redo would take back or bring back; None: nothing."""
        if self.opened is None:
            return None
        history = self.opened.history
        return history.undo_label if back else history.redo_label

    def step(self, back: bool) -> str | None:
        """Undo (``back``) or redo the last change and save the map as it then is.

        Returns what to tell the user ("Undone: add claim 'x'"), or None when there was nothing to
        undo or redo, or the save was refused (the map is then stale and says so).
        """
        label = self.step_label(back)
        opened = self.opened
        if opened is None or label is None:
            return None
        stepped = opened.history.undo() if back else opened.history.redo()
        try:
            self._save(opened, stepped, f"{'undo' if back else 'redo'}: {label}")
        except ArgmapError:  # the store cannot write: the history stays where the stored map is
            opened.history.redo() if back else opened.history.undo()
            raise
        self._keep_selection(opened)
        return None if opened.stale else f"{'Undone' if back else 'Redone'}: {label}"

    def undo(self) -> str | None:
        return self.step(back=True)

    def redo(self) -> str | None:
        return self.step(back=False)

    # -- the stale-file choice ---------------------------------------------------------------
    def reload(self) -> str | None:
        """Drop the unsaved version and load the map as the store has it now (a new history); the
        selection stays when the node is still there. Returns what to tell the user."""
        opened = self.opened
        if opened is None:
            return None
        selected = self.selected
        reopened = self.open(opened.name)
        if selected in reopened.map.node_index():
            self.selected = selected
        return f"Reloaded {opened.name!r} from disk."

    def save_as_copy(self, new_name: str) -> str | None:
        """Save the map on screen under ``new_name`` and work on that copy from now on.

        Returns what to tell the user. Raises StoreError for a bad or taken name.
        """
        opened = self.opened
        if opened is None:
            return None
        selected = self.selected
        loaded = self.library.import_map(new_name, opened.map)
        self._install(loaded)
        self.selected = selected
        return f"Saved your version as {loaded.name!r}; you are now editing that copy."

    # -- inside ------------------------------------------------------------------------------
    def _save(self, opened: OpenMap, new_map: ArgumentMap, label: str) -> None:
        try:
            opened.revision = self.library.save(opened.name, new_map, opened.revision, label=label)
            opened.key = opened.revision
            opened.stale = None
        except StaleMapError as exc:
            opened.stale = str(exc)
            opened.key = revision_of(dump_map(new_map).encode("utf-8"))

    def _keep_selection(self, opened: OpenMap) -> None:
        """After an undo or a delete the selected node may be gone: fall back to the thesis."""
        ids = opened.map.node_index()
        if self.selected not in ids:
            thesis = opened.map.thesis()
            self.selected = thesis.id if thesis else next(iter(ids), None)


__all__ = ["MapSession", "OpenMap"]
