"""The clickable map: the SVG that ``dot`` drew, served by a small Streamlit component that
reports the id of the node clicked.

Streamlit's v2 components (``st.components.v2.component``) mount inline HTML/CSS/JS in the page
itself, without an iframe, and send values back with ``setTriggerValue``. The SVG comes from
:mod:`argmap.render`, which escapes every piece of user text for DOT, and Graphviz escapes it again
for SVG; the script still parses it as SVG (never as HTML) and drops scripts, event attributes and
links before showing it, so a map file cannot run code in the page.

The picture is drawn once per content and view: the selected box and the boxes a check outlines
are marked by the script (a class on the box), not baked into the SVG, and the SVG travels to the
browser only when the picture changes. The script keeps the last pictures it was given by
revision; a rerun whose picture the browser already has sends only the revision, the selection and
the outlined ids (a few hundred bytes). Should the browser lack it all the same (a reload of the
script), it asks for it (the ``missing`` trigger) and the next run sends it.

DOM, for browser tests: the component's root is ``div.argmap-map`` inside the element keyed
``st-key-map_click``; each node is ``svg g.node`` with ``id`` = the node id (edges ``g.edge``,
id ``child->parent``), with the class ``selected`` on the selected box and ``highlight`` on the
outlined ones. A click on a node sends its id; the Editor selects it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import streamlit as st

from argmap.render.themes import DEFAULT

KEY = "map_click"
#: The revision of the picture the last run sent to the browser (stable; tests read it).
SENT = "map_sent"
#: The smallest share of its actual size that "Fit width" shrinks a map to. At 0.55 a box's text
#: (12 pt, 16 px) is 8.8 px high and evidence's (10 pt) 7.3 px: small but legible, a whole-width
#: overview in which a click selects a box for the side panel ("Actual size" reads it at full
#: size). The shipped maps (1,280 to 1,410 px wide) fit the Editor's frame at a 1400 px window;
#: a wider map scrolls in its frame instead of shrinking further.
MIN_SCALE = 0.55

# The outlines match what argmap.render draws for RenderOptions.selected and .highlight.
_CSS = f"""
.argmap-map {{ overflow: auto; max-height: 75vh; border: 1px solid rgba(128,128,128,.25);
              border-radius: .5rem; background: #fff; }}
.argmap-map svg {{ display: block; height: auto; margin: 0 auto; }}
.argmap-map g.node {{ cursor: pointer; }}
.argmap-map g.node:hover .box {{ filter: brightness(0.93); }}
.argmap-map g.node.highlight .box {{ stroke: {DEFAULT.highlight}; stroke-width: 3px; }}
.argmap-map g.node.selected .box {{ stroke: {DEFAULT.selected}; stroke-width: 3.5px; }}
"""

_JS = """
const DROP = ['script', 'foreignObject', 'iframe', 'object', 'embed', 'style'];
const KEPT = 4; // pictures kept by revision: the map, a filtered view of it, and an undo away
const pictures = new Map(); // revision -> SVG text, for this page's lifetime
let lastSelected = null; // the box selected when the map was last shown in this page

function remember(revision, svg) {
  pictures.delete(revision);
  pictures.set(revision, svg);
  while (pictures.size > KEPT) pictures.delete(pictures.keys().next().value);
}

function clean(svg) {
  svg.querySelectorAll(DROP.join(',')).forEach((el) => el.remove());
  svg.querySelectorAll('*').forEach((el) => {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'href' || name === 'xlink:href') el.removeAttribute(attr.name);
    }
  });
  // The box of each node is its first shape; the selection and the check outlines restyle it.
  svg.querySelectorAll('g.node').forEach((node) => {
    const box = node.querySelector('path, polygon, ellipse');
    if (box) box.classList.add('box');
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

function mark(root, className, ids) {
  const wanted = new Set(ids);
  root.querySelectorAll(`g.node.${className}`).forEach((node) => {
    if (!wanted.has(node.id)) node.classList.remove(className);
  });
  for (const id of wanted) {
    const node = root.querySelector(`g.node[id="${CSS.escape(id)}"]`);
    if (node) node.classList.add(className);
  }
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

function draw(root, revision, svgText) {
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
  root.dataset.revision = revision;
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
  const revision = (data && data.revision) || '';
  if (data && typeof data.svg === 'string') remember(revision, data.svg);
  let changed = false;
  if (root.dataset.revision !== revision) {
    if (!pictures.has(revision)) {
      setTriggerValue('missing', revision);
      return () => {};
    }
    draw(root, revision, pictures.get(revision));
    changed = true;
  }
  const selected = (data && data.selected) || '';
  mark(root, 'highlight', (data && data.flagged) || []);
  mark(root, 'selected', selected ? [selected] : []);
  const shown = root.querySelector('svg');
  if (shown) size(shown, parseFloat(root.dataset.width) || 0, natural, minScale);
  // The page scrolls only for a new selection, never when the map is first shown. Remembered in
  // the module, not on the root: a notice above the map makes Streamlit mount the map anew.
  const moved = lastSelected !== null && lastSelected !== selected;
  if (changed || moved || root.dataset.natural !== String(natural)) reveal(root, moved);
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


def _trigger(name: str) -> Any:
    value: Any = st.session_state.get(KEY)
    if value is None:
        return None
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


def clickable_map(
    picture: Callable[[], str],
    revision: str,
    on_click: Callable[[str], None],
    *,
    selected: str | None = None,
    flagged: Collection[str] = (),
    natural: bool = False,
) -> None:
    """Show the map drawn by ``picture()`` (SVG from ``argmap.render``, drawn without a selection
    or outlines) and call ``on_click(node_id)`` when a node is clicked.

    ``revision`` identifies the picture: ``picture`` is called, and the SVG sent, only when the
    browser does not have that revision yet. ``selected`` is outlined as the selection and the ids
    in ``flagged`` as a check's findings. ``natural`` shows it at its own size; otherwise it is
    fitted to the frame's width, but never enlarged and never shrunk below :data:`MIN_SCALE`. The
    frame scrolls to the selected box when the picture or the selection changes, and the page too
    when a newly selected box is outside the window.
    """

    def clicked() -> None:
        node_id = _trigger("clicked")
        if isinstance(node_id, str) and node_id:
            on_click(node_id)

    def missing() -> None:
        st.session_state.pop(SENT, None)

    data: dict[str, Any] = {
        "revision": revision,
        "selected": selected,
        "flagged": sorted(flagged),
        "natural": natural,
        "min_scale": MIN_SCALE,
    }
    if st.session_state.get(SENT) != revision:
        data["svg"] = picture()
        st.session_state[SENT] = revision
    _component(key=KEY, data=data, on_clicked_change=clicked, on_missing_change=missing)
