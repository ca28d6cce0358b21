"""The clickable map: the SVG that ``dot`` drew, served by a small Streamlit component that
reports the id of the node clicked.

Streamlit's v2 components (``st.components.v2.component``) mount inline HTML/CSS/JS in the page
itself, without an iframe, and send values back with ``setTriggerValue``. The SVG comes from
:mod:`argmap.render`, which escapes every piece of user text for DOT, and Graphviz escapes it again
for SVG; the script still parses it as SVG (never as HTML) and drops scripts, event attributes and
links before showing it, so a map file cannot run code in the page.

DOM, for browser tests: the component's root is ``div.argmap-map`` inside the element keyed
``st-key-map_click``; each node is ``svg g.node`` with ``id`` = the node id (edges ``g.edge``,
id ``child->parent``). A click on a node sends its id; the Editor selects it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

KEY = "map_click"
#: The smallest share of its actual size that "Fit width" shrinks a map to. At 0.55 a box's text
#: (12 pt, 16 px) is 8.8 px high and evidence's (10 pt) 7.3 px: small but legible, a whole-width
#: overview in which a click selects a box for the side panel ("Actual size" reads it at full
#: size). The shipped maps (1,280 to 1,410 px wide) fit the Editor's frame at a 1400 px window;
#: a wider map scrolls in its frame instead of shrinking further.
MIN_SCALE = 0.55

_CSS = """
.argmap-map { overflow: auto; max-height: 75vh; border: 1px solid rgba(128,128,128,.25);
              border-radius: .5rem; background: #fff; }
.argmap-map svg { display: block; height: auto; margin: 0 auto; }
.argmap-map g.node { cursor: pointer; }
.argmap-map g.node:hover polygon, .argmap-map g.node:hover path { filter: brightness(0.93); }
"""

_JS = """
const DROP = ['script', 'foreignObject', 'iframe', 'object', 'embed', 'style'];
let lastSelected = null; // the box selected when the map was last drawn in this page

function clean(svg) {
  svg.querySelectorAll(DROP.join(',')).forEach((el) => el.remove());
  svg.querySelectorAll('*').forEach((el) => {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'href' || name === 'xlink:href') el.removeAttribute(attr.name);
    }
  });
}

// Graphviz gives the picture's size in points; a CSS pixel is 3/4 of a point.
function naturalWidth(svg) {
  const width = svg.getAttribute('width') || '';
  if (parseFloat(width)) return parseFloat(width) * (width.endsWith('px') ? 1 : 4 / 3);
  const box = svg.viewBox && svg.viewBox.baseVal;
  return box && box.width ? box.width * 4 / 3 : 0;
}

// Fitted: as wide as the frame, but never larger than the actual size nor smaller than
// minScale of it (smaller text cannot be read; the frame scrolls instead). Natural: actual size.
function size(svg, width, natural, minScale) {
  const fitted = !natural && width > 0;
  svg.style.width = natural && width > 0 ? `${width}px` : '100%';
  svg.style.minWidth = fitted ? `${width * minScale}px` : '';
  svg.style.maxWidth = fitted ? `${width}px` : 'none';
}

// Scroll the frame so that the selected box is in view; with page, the page too when the box is
// then outside the window (a point added from the side panel's lower form, a finding clicked in
// the checks list below the map), so that the user sees what they selected.
function reveal(root, page) {
  const node = root.querySelector('g.node.selected');
  if (!node) return;
  const box = node.getBoundingClientRect();
  const frame = root.getBoundingClientRect();
  // clientWidth and clientHeight leave out the frame's scroll bars.
  const top = box.top - frame.top;
  const left = box.left - frame.left;
  if (top < 0 || top + box.height > root.clientHeight) {
    root.scrollTop += top - (root.clientHeight - box.height) / 2;
  }
  if (left < 0 || left + box.width > root.clientWidth) {
    root.scrollLeft += left - (root.clientWidth - box.width) / 2;
  }
  const shown = node.getBoundingClientRect();
  if (page && (shown.top < 0 || shown.bottom > window.innerHeight)) {
    node.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let root = parentElement.querySelector('.argmap-map');
  if (!root) {
    root = document.createElement('div');
    root.className = 'argmap-map';
    parentElement.appendChild(root);
  }
  const natural = !!(data && data.natural);
  const minScale = (data && data.min_scale) || 1;
  const svgText = (data && data.svg) || '';
  let changed = false;
  if (root.dataset.revision !== (data && data.revision)) {
    const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const svg = parsed.documentElement;
    root.replaceChildren();
    if (svg && svg.nodeName.toLowerCase() === 'svg') {
      clean(svg);
      root.dataset.width = String(naturalWidth(svg));
      svg.removeAttribute('width');
      svg.removeAttribute('height');
      root.appendChild(document.importNode(svg, true));
    }
    root.dataset.revision = (data && data.revision) || '';
    changed = true;
  }
  const shown = root.querySelector('svg');
  if (shown) size(shown, parseFloat(root.dataset.width) || 0, natural, minScale);
  // The page scrolls only for a new selection, never when the map is first shown. Remembered in
  // the module, not on the root: a notice above the map makes Streamlit mount the map anew.
  const selected = (root.querySelector('g.node.selected') || {}).id || '';
  const moved = lastSelected !== null && lastSelected !== selected;
  if (changed || root.dataset.natural !== String(natural)) reveal(root, moved);
  root.dataset.natural = String(natural);
  lastSelected = selected;
  const onClick = (event) => {
    const node = event.target.closest('g.node');
    if (node && root.contains(node)) {
      event.preventDefault();
      setTriggerValue('clicked', node.id);
    }
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
"""

_component = st.components.v2.component("argmap.clickable_map", css=_CSS, js=_JS, html=None)


def clickable_map(svg: str, revision: str, on_click: Callable[[str], None], *, natural: bool = False) -> None:
    """Show ``svg`` (from ``argmap.render``) and call ``on_click(node_id)`` when a node is clicked.

    ``revision`` identifies the picture: the browser replaces the SVG only when it changes, so a
    rerun that draws the same map does not flicker. ``natural`` shows it at its own size; otherwise
    it is fitted to the frame's width, but never enlarged and never shrunk below
    :data:`MIN_SCALE`. The frame scrolls to the selected box when the picture changes, and the page
    too when a newly selected box is outside the window.
    """

    def clicked() -> None:
        value: Any = st.session_state.get(KEY)
        node_id = getattr(value, "clicked", None) if value is not None else None
        if node_id is None and isinstance(value, dict):
            node_id = value.get("clicked")
        if isinstance(node_id, str) and node_id:
            on_click(node_id)

    _component(
        key=KEY,
        data={"svg": svg, "revision": revision, "natural": natural, "min_scale": MIN_SCALE},
        on_clicked_change=clicked,
    )
