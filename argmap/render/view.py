"""A view of a map: what part of it the Editor draws and how (selection, focus and depth, kinds and
tags shown, grouping, scores, the boxes a check outlines, comment marks), turned into the
renderer's options. Pure: the app caches what is computed from it (``argmap/ui/views.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from argmap.analysis import Check, Severity, Strengths
from argmap.editing import filtered
from argmap.model import ArgumentMap
from argmap.render.graph import RenderOptions

#: The findings whose nodes the Editor outlines on the map; hints are only listed.
OUTLINED_SEVERITIES = frozenset({Severity.ERROR, Severity.WARNING})


@dataclass(frozen=True)
class MapView:
    """How the Editor draws the map: what is selected and outlined, and which nodes are shown.

    ``checks``: outline the nodes that a check finds an error or a warning about (hints are only
    listed: most claims of a sound map get one, and outlining them would make it look faulty).
    """

    selected: str | None = None
    checks: bool = False
    focus: str | None = None
    depth: int | None = None
    kinds: tuple[str, ...] = ()  # empty: every kind
    tags: tuple[str, ...] = ()  # empty: every tag
    group_by: str = "tag"
    evidence: bool = True
    scores: bool = False
    comments: tuple[tuple[str, int], ...] = ()  # (node id, open comment threads): the mark on the box


def outlined(checks: Iterable[Check]) -> list[str]:
    """The ids of the nodes that a check finds an error or a warning about, each once, in order."""
    found = (check.node for check in checks if check.severity in OUTLINED_SEVERITIES)
    return list(dict.fromkeys(node for node in found if node))


def render_options(
    argument_map: ArgumentMap, view: MapView, strengths: Strengths | None, flagged: Iterable[str] = ()
) -> RenderOptions:
    """The renderer's options for a view of a (possibly filtered) map, outlining the nodes in
    ``flagged``."""
    present = argument_map.node_index()
    focus = view.focus if view.focus in present else None
    return RenderOptions(
        group_by=view.group_by,  # type: ignore[arg-type]
        focus=focus,
        depth=view.depth if focus else None,
        evidence=view.evidence,
        legend=False,
        scores=strengths.strength if (view.scores and strengths) else None,
        highlight=frozenset(node for node in flagged if node in present),
        selected=view.selected if view.selected in present else None,
        comments=dict(view.comments) or None,
    )


def shown_map(
    argument_map: ArgumentMap, view: MapView, strengths: Strengths | None, flagged: Iterable[str] = ()
) -> tuple[ArgumentMap, RenderOptions]:
    """The part of the map the view shows (its kinds and tags) and the options to draw it with."""
    shown = filtered(argument_map, kinds=view.kinds, tags=view.tags)
    return shown, render_options(shown, view, strengths, flagged)


__all__ = ["OUTLINED_SEVERITIES", "MapView", "outlined", "render_options", "shown_map"]
