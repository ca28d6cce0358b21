"""Which branches of each map are collapsed on the Editor's map, remembered per map.

In the session, ``st.session_state["collapsed"]`` maps each map's name to the ids of its
collapsed boxes, so switching maps and back keeps them. Across a reload, a bookmark or a link,
the address keeps them for the open map: ``/editor?map=india-russia&collapsed=defence,space``
(node ids are slugs, so a comma separates them). The address is read when a session starts; a map
opened later in the session starts with every branch open.
"""

from __future__ import annotations

import streamlit as st

from argmap.model import ArgumentMap
from argmap.render import folded_away
from argmap.ui import state

COLLAPSED = "collapsed"  # the session key and the address's parameter


def collapsed(opened: state.OpenMap) -> tuple[str, ...]:
    """The ids of the open map's collapsed boxes that still exist, in map order; the address
    names them too."""
    remembered: dict[str, list[str]] | None = st.session_state.get(COLLAPSED)
    if remembered is None:  # a new session (a reload, a link): the address says, for its map
        asked = st.query_params.get(COLLAPSED, "")
        remembered = st.session_state[COLLAPSED] = {
            opened.name: [node_id for node_id in asked.split(",") if node_id]
        }
    elif opened.name not in remembered:  # another map opened in this session: the address was the last map's
        remembered[opened.name] = []
    present = set(remembered[opened.name])
    ids = tuple(node.id for node in opened.map.nodes if node.id in present)
    _publish(ids)
    return ids


def _publish(ids: tuple[str, ...]) -> None:
    if ids:
        st.query_params[COLLAPSED] = ",".join(ids)
    else:
        st.query_params.pop(COLLAPSED, None)


def _store(opened: state.OpenMap, ids: set[str]) -> None:
    st.session_state.setdefault(COLLAPSED, {})[opened.name] = sorted(ids)


def toggle(node_id: str) -> None:
    """Collapse the branch below ``node_id``, or expand it when it is collapsed."""
    opened = state.current()
    if opened is None:
        return
    ids = set(collapsed(opened))
    ids.symmetric_difference_update({node_id})
    _store(opened, ids)


def expand_all() -> None:
    opened = state.current()
    if opened is not None:
        _store(opened, set())


def hidden_count(argument_map: ArgumentMap, ids: tuple[str, ...], node_id: str) -> int:
    """How many boxes the collapsed ``node_id`` hides (0: it is not collapsed or hides nothing)."""
    return len(folded_away(argument_map, ids).get(node_id, ()))


def shown_with(opened: state.OpenMap, ids: tuple[str, ...], node_id: str | None) -> tuple[str, ...]:
    """``ids`` less the collapsed boxes that would hide ``node_id`` (a point just added below a
    collapsed box, a node chosen in the list or a finding): the view follows the selection."""
    if node_id is None or not ids:
        return ids
    hiding = {fold for fold, hidden in folded_away(opened.map, ids).items() if node_id in hidden}
    if not hiding:
        return ids
    kept = tuple(fold for fold in ids if fold not in hiding)
    _store(opened, set(kept))
    _publish(kept)
    return shown_with(opened, kept, node_id)  # a fold further up may hide it still
