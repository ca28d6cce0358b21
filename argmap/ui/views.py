"""The heavy views the pages show, computed by the core and cached on the map's content.

Each ``cached_*`` function takes the map's ``key`` (the content hash kept in
:class:`argmap.services.session.OpenMap`) and the map itself as ``_argument_map``: Streamlit skips
hashing arguments whose name starts with an underscore, so the cache is keyed on the content hash
and the options, never on the map object's identity, and a rerun that changes nothing recomputes
nothing. Only the caches live here: what they compute is the core's (``argmap.render.view``,
``argmap.analysis``) or a service's (``argmap.services.documents``), so the CLI and the tests call
the same functions without Streamlit.
"""

from __future__ import annotations

import streamlit as st

from argmap.analysis import (
    Check,
    DimensionBalance,
    Influence,
    Strengths,
    Verdict,
    balance,
    compute_strengths,
    lint,
    sensitivity,
    verdict,
)
from argmap.graph import MapGraph
from argmap.model import ArgumentMap
from argmap.outline import Outline
from argmap.render import RenderOptions, build_dot, render_bytes
from argmap.render.view import MapView, outlined, shown_map
from argmap.rules import relation_for
from argmap.services.documents import build_outline_for
from argmap.ui.texts import node_choices


@st.cache_data(max_entries=64, show_spinner=False)
def cached_strengths(key: str, _argument_map: ArgumentMap) -> Strengths:
    return compute_strengths(_argument_map)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_checks(key: str, _argument_map: ArgumentMap) -> list[Check]:
    return lint(_argument_map)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_verdict(key: str, _argument_map: ArgumentMap) -> Verdict:
    return verdict(_argument_map, cached_strengths(key, _argument_map))


@st.cache_data(max_entries=64, show_spinner=False)
def cached_sensitivity(key: str, node_id: str, _argument_map: ArgumentMap) -> list[Influence]:
    return sensitivity(_argument_map, node_id, cached_strengths(key, _argument_map))


@st.cache_data(max_entries=64, show_spinner=False)
def cached_balance(key: str, _argument_map: ArgumentMap) -> list[DimensionBalance]:
    return balance(_argument_map, cached_strengths(key, _argument_map))


@st.cache_data(max_entries=64, show_spinner=False)
def cached_outlined(key: str, _argument_map: ArgumentMap) -> list[str]:
    """The ids of the nodes that a check finds an error or a warning about (outlined on the map)."""
    return outlined(cached_checks(key, _argument_map))


def _view_options(key: str, argument_map: ArgumentMap, view: MapView) -> tuple[ArgumentMap, RenderOptions]:
    strengths = cached_strengths(key, argument_map) if view.scores else None
    flagged = cached_outlined(key, argument_map) if view.checks else []
    return shown_map(argument_map, view, strengths, flagged)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_dot(key: str, view: MapView, _argument_map: ArgumentMap) -> str:
    """The DOT text of the view (what ``st.graphviz_chart`` draws when ``dot`` is missing)."""
    shown, options = _view_options(key, _argument_map, view)
    return build_dot(shown, options)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_svg(key: str, view: MapView, _argument_map: ArgumentMap) -> str:
    """The view drawn by ``dot`` as SVG text. Raises ToolMissingError when ``dot`` is missing."""
    shown, options = _view_options(key, _argument_map, view)
    return render_bytes(shown, options, "svg").decode("utf-8")


@st.cache_data(max_entries=64, show_spinner=False)
def cached_node_choices(key: str, _argument_map: ArgumentMap) -> dict[str, str]:
    """How the node select boxes show each node id: its kind, then its label (kind first, so that a
    narrow box cutting a long label short still shows it). See :func:`argmap.ui.texts.node_choices`."""
    return node_choices(_argument_map)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_new_parents(key: str, node_id: str, _argument_map: ArgumentMap) -> list[str]:
    """The nodes that ``node_id`` may move or link to: any node outside its own branch that its
    kind can support or oppose. Raises UnknownNodeError for an unknown node."""
    below = set(MapGraph.of(_argument_map).subtree(node_id))
    node = _argument_map.get(node_id)
    return [
        other.id
        for other in _argument_map.nodes
        if other.id not in below and relation_for(node.kind, other.kind) is not None
    ]


@st.cache_data(max_entries=32, show_spinner=False)
def cached_outline(
    key: str, template: str, side: str, words: int | None, _argument_map: ArgumentMap
) -> Outline:
    return build_outline_for(_argument_map, template, side, words)
