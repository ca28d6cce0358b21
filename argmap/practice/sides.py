"""What practice needs of a map before it can take sides: a thesis.

Practice is always from a side: the case file, the drills and the flow sheet all ask "whose point is
this, and what does the map say back to it?". The answers come from :mod:`argmap.graph`
(:meth:`~argmap.graph.MapGraph.sides` for whose point a node is, by its one rule for nodes with
several parents; :meth:`~argmap.graph.MapGraph.answers`, ``evidence``, ``reasons`` and
``main_points``); sides are taken on the thesis, so a map without one cannot be practised.
"""

from __future__ import annotations

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Node


class PracticeError(ArgmapError):
    """A map that cannot be practised as asked: no thesis, no items for a drill mode."""


def require_thesis(argument_map: ArgumentMap) -> Node:
    """The map's thesis; raises PracticeError when it has none, since sides are taken on it."""
    thesis = argument_map.thesis()
    if thesis is None:
        raise PracticeError(
            f"map {argument_map.title!r} has no thesis, so it has no sides to practise; add a thesis node"
        )
    return thesis
