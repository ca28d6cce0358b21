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

A new picture (after an edit) replaces in the page only the boxes, arrows and frames whose drawing
changed: the script cuts Graphviz's SVG into its pieces (one per box, arrow or frame) and parses,
cleans and lays out only those the page does not show yet, comparing them with their y coordinates
counted from the top (a picture that grew taller moves every coordinate Graphviz writes).

DOM, for browser tests: the component's root is ``div.argmap-map`` inside the element keyed
``st-key-map_click``; each node is ``svg g.node`` with ``id`` = the node id (edges ``g.edge``,
id ``child->parent``), with the class ``selected`` on the selected box and ``highlight`` on the
outlined ones, and ``collapsed`` on a box whose branch is folded away. A click on a node sends
its id; the Editor selects it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import streamlit as st

from argmap.render.themes import DEFAULT

KEY = "map_click"
#: The revision of the picture the last run sent to the browser (stable; tests read it).
SENT = "map_sent"
#: The smallest type, in CSS pixels, that "Fit width" shrinks a map's text to: the script finds
#: the smallest type in the picture (a box's caption, 9 pt: 12 px at actual size) and never fits
#: the map to a scale that makes it smaller. A wider map scrolls in its frame instead; "Whole map"
#: shows all of it at any scale, and the zoom buttons go anywhere between.
MIN_TEXT_PX = 11

# The outlines match what argmap.render draws for RenderOptions.selected and .highlight.
_CSS = f"""
.argmap-bar {{ display: flex; flex-wrap: wrap; gap: .25rem; align-items: center; margin-bottom: .25rem;
              font: 14px/1.4 "Source Sans", "Source Sans Pro", sans-serif; }}
.argmap-bar input {{ flex: 1 1 12rem; min-width: 8rem; padding: .3rem .5rem; border-radius: .4rem;
                    border: 1px solid #8a8f98; font: inherit; color: #1a1a1a; background: #fff; }}
.argmap-bar button {{ padding: .25rem .6rem; border-radius: .4rem; border: 1px solid #8a8f98;
                     background: #fff; color: #1a1a1a; font: inherit; cursor: pointer; }}
.argmap-bar button:hover {{ background: #eef2f7; }}
.argmap-bar button:focus-visible, .argmap-bar input:focus-visible, .argmap-map:focus-visible {{
  outline: 2px solid {DEFAULT.selected}; outline-offset: 1px; }}
.argmap-hits {{ min-width: 5rem; color: #444; }}
.argmap-map {{ position: relative; overflow: auto; height: calc(100vh - 11rem); min-height: 18rem;
              border: 1px solid rgba(128,128,128,.25); border-radius: .5rem; background: #fff;
              touch-action: pan-x pan-y; }}
.argmap-map svg {{ display: block; margin: 0 auto; }}
.argmap-map.panning {{ cursor: grabbing; }}
.argmap-map g.node {{ cursor: pointer; }}
.argmap-map g.node:hover .box {{ filter: brightness(0.93); }}
.argmap-map g.node.match .box {{ stroke: #6a1b9a; stroke-width: 3px; stroke-dasharray: 6 3; }}
.argmap-map g.node.highlight .box {{ stroke: {DEFAULT.highlight}; stroke-width: 3px; }}
.argmap-map g.node.selected .box {{ stroke: {DEFAULT.selected}; stroke-width: 3.5px; }}
.argmap-map g.node.dragging {{ opacity: .55; }}
.argmap-map g.node.pending text {{ font-style: italic; }}
.argmap-map g.node.drop-target .box {{ stroke: {DEFAULT.selected}; stroke-width: 4px; stroke-dasharray: 4 2; }}
.argmap-inline {{ position: absolute; z-index: 2; min-width: 14rem; padding: .3rem .45rem;
                 font: 14px/1.3 "Source Sans", sans-serif; border: 2px solid {DEFAULT.selected};
                 border-radius: .35rem; background: #fff; color: #1a1a1a; box-shadow: 0 2px 8px rgba(0,0,0,.2); }}
.argmap-help {{ margin: .25rem 0; padding: .5rem .75rem; border: 1px solid #8a8f98; border-radius: .5rem;
               background: #fff; color: #1a1a1a; font: 14px/1.5 "Source Sans", sans-serif; }}
.argmap-help[hidden] {{ display: none; }}
.argmap-help dl {{ display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }}
.argmap-help dt {{ font-weight: 600; }}
.argmap-help dd {{ margin: 0; }}
"""

_JS = """
const DROP = ['script', 'foreignObject', 'iframe', 'object', 'embed', 'style'];
const KEPT = 4; // pictures kept by revision: the map, a filtered view of it, and an undo away
const pictures = new Map(); // revision -> SVG text, for this page's lifetime
const zooms = new Map(); // map name -> the zoom the user chose ('width', 'whole' or a scale)
let lastSelected = null; // the box selected when the map was last shown in this page
const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const DRAG_START = 6; // pixels a press must move before it is a drag, not a click
const SHORTCUTS = [
  ['Click, arrow keys', 'select a box; the side panel shows it'],
  ['Tab', 'add a point below the selected box (type its text, Enter; Tab again leaves the map)'],
  ['Enter', 'add a point beside it, of the same kind, under the same parent'],
  ['F2, double-click', 'edit the label in place'],
  ['Space', 'collapse or expand the branch below the selected box'],
  ['Delete', 'delete the selected box (Ctrl+Z brings it back)'],
  ['Drag a box onto another', 'move it there; with Alt or Ctrl held, link it there as well'],
  ['Ctrl+Z, Ctrl+Shift+Z', 'undo, redo (Cmd on a Mac)'],
  ['/', 'search the map; Enter steps through the matches'],
  ['Ctrl + wheel, + and −', 'zoom; drag the background to pan'],
  ['?', 'show or hide these shortcuts'],
];

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

// Graphviz gives the picture's size in points; a CSS pixel is 4/3 of a point.
function naturalSize(svg) {
  const box = svg.viewBox && svg.viewBox.baseVal;
  const read = (name, fallback) => {
    const value = svg.getAttribute(name) || '';
    if (parseFloat(value)) return parseFloat(value) * (value.endsWith('px') ? 1 : 4 / 3);
    return fallback * 4 / 3;
  };
  return [read('width', box ? box.width : 0), read('height', box ? box.height : 0)];
}

function element(tag, attributes = {}, text = '') {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  if (text) made.textContent = text;
  return made;
}

// The frame, the bar above it and the shortcuts, made once per mount.
function build(parentElement) {
  const bar = element('div', { class: 'argmap-bar', role: 'toolbar', 'aria-label': 'Map view' });
  const search = element('input', { type: 'search', class: 'argmap-search', placeholder: 'Search the map ( / )',
                                    'aria-label': 'Search the map' });
  const hits = element('span', { class: 'argmap-hits', 'aria-live': 'polite' });
  bar.append(search, hits);
  for (const [zoom, text, label] of [['out', '−', 'Zoom out'], ['in', '+', 'Zoom in'],
                                      ['width', 'Fit width', 'Fit the map to the frame\\'s width'],
                                      ['whole', 'Whole map', 'Show the whole map in the frame'],
                                      ['actual', '100%', 'Actual size'],
                                      ['help', '?', 'Keyboard shortcuts']]) {
    bar.append(element('button', { type: 'button', 'data-zoom': zoom, 'aria-label': label, title: label }, text));
  }
  const help = element('div', { class: 'argmap-help', hidden: '' });
  const list = element('dl');
  for (const [keys, what] of SHORTCUTS) list.append(element('dt', {}, keys), element('dd', {}, what));
  help.append(element('strong', {}, 'Keyboard and mouse on the map'), list);
  const root = element('div', { class: 'argmap-map', tabindex: '0', role: 'region',
                                'aria-label': 'Argument map: arrow keys move the selection, ? lists the shortcuts' });
  parentElement.append(bar, help, root);
  // Listeners are added once per frame and call the handlers of the latest run (root.handlers):
  // a run replaces the handlers, never adds listeners. Those on the page leave with the frame.
  const call = (name) => (event) => root.handlers && root.handlers[name](event);
  const onPage = [[document, 'keydown', call('keydown')], [window, 'pointerup', call('pointerup')],
                  [window, 'resize', call('resize')]];
  const listening = onPage.map(([target, name, handler]) => {
    const listener = (event) => {
      if (root.isConnected) handler(event);
      else listening.forEach(([place, type, added]) => place.removeEventListener(type, added));
    };
    target.addEventListener(name, listener);
    return [target, name, listener];
  });
  for (const name of ['pointerdown', 'pointermove', 'pointerup', 'click', 'dblclick']) {
    root.addEventListener(name, call(name));
  }
  root.addEventListener('wheel', call('wheel'), { passive: false });
  bar.addEventListener('click', call('bar'));
  search.addEventListener('input', call('input'));
  search.addEventListener('keydown', call('searchkey'));
  return root;
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

// A label edited in place shows on its box at once, before the server has saved it and dot has
// drawn the map again (a second or more at 1,000 boxes): the new words take the box's label
// lines, spread over as many lines as the old label had. The box keeps the class 'pending' until
// the next run: a new picture replaces it, and a run without one (the edit was refused, or
// changed nothing) puts the old words back.
const pendingLabels = new Map(); // node id -> the label lines' old words

function showLabel(node, label) {
  const lines = Array.from(node.querySelectorAll('text')).slice(1);
  if (!lines.length || !label) return;
  if (!pendingLabels.has(node.id)) pendingLabels.set(node.id, lines.map((line) => line.textContent));
  const words = label.split(/\\s+/);
  const per = Math.ceil(label.length / lines.length);
  let at = 0;
  lines.forEach((line, index) => {
    let text = '';
    while (at < words.length && (index === lines.length - 1 || !text || text.length + words[at].length < per)) {
      text = text ? `${text} ${words[at]}` : words[at];
      at += 1;
    }
    line.textContent = text;
  });
  node.classList.add('pending');
}

function settleLabels(root) {
  for (const [id, old] of pendingLabels) {
    const node = root.querySelector(`g.node[id="${CSS.escape(id)}"]`);
    if (!node) continue;
    Array.from(node.querySelectorAll('text')).slice(1).forEach((line, index) => { line.textContent = old[index] || ''; });
    node.classList.remove('pending');
  }
  pendingLabels.clear();
}

// Graphviz writes the picture as a header (the svg element and the graph's group), then one
// element per cluster, box and arrow, each after a comment naming it. splitPicture cuts the text
// there; draw parses only the pieces the shown picture lacks and keeps the others' elements as
// they are, so an edit that moves a few boxes re-parses, cleans and lays out only those.
// A change of the picture's height moves every y coordinate by the same amount (Graphviz counts
// them from the bottom): pieces are compared with their y coordinates counted from the top.
const GRAPH_OPEN = /<g id="[^"]*" class="graph" transform="[^"]*translate\\(([-\\d.]+) ([-\\d.]+)\\)"[^>]*>/;
const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

function splitPicture(svgText) {
  const open = GRAPH_OPEN.exec(svgText);
  const close = svgText.lastIndexOf('</g>');
  if (!open || close < open.index) return null;
  const start = open.index + open[0].length;
  const height = parseFloat(open[2]);
  const pieces = svgText.slice(start, close).split('\\n<!-- ').map((text, index) => (index ? `<!-- ${text}` : text));
  return { head: `${svgText.slice(0, start)}</g></svg>`, height, pieces };
}

// A piece's text with its y coordinates counted from the top of the picture (y="…", and the
// second number of each x,y pair of a path or polygon), rounded to a tenth of a point.
function fromTop(text, height) {
  const shift = (value) => (parseFloat(value) + height).toFixed(1);
  return text
    .replace(/\\b(y|cy|y1|y2)="([-\\d.]+)"/g, (all, name, value) => `${name}="${shift(value)}"`)
    .replace(/ (points|d)="([^"]*)"/g, (all, name, value) =>
      ` ${name}="${value.replace(/(-?[\\d.]+),(-?[\\d.]+)/g, (pair, x, y) => `${x},${shift(y)}`)}"`);
}

function parseSvg(text) {
  const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  return svg && svg.nodeName.toLowerCase() === 'svg' ? svg : null;
}

function draw(root, revision, svgText) {
  settleLabels(root);
  const split = splitPicture(svgText);
  const head = split && parseSvg(split.head);
  if (head) clean(head);
  let svg = root.querySelector('svg');
  if (!head) { // not Graphviz's layout: drawn whole
    root.querySelectorAll('svg').forEach((old) => old.remove());
    svg = parseSvg(svgText);
    if (svg) {
      clean(svg);
      root.prepend(document.adoptNode(svg)); // moved, not copied: a 1,000-box map is 12,000 elements
    }
  } else {
    if (!svg || !svg.argmapPieces) {
      root.querySelectorAll('svg').forEach((old) => old.remove());
      svg = document.adoptNode(head);
      svg.argmapPieces = new Map();
      root.prepend(svg);
    } else {
      for (const name of ['width', 'height', 'viewBox']) {
        const value = head.getAttribute(name);
        if (value === null) svg.removeAttribute(name);
        else svg.setAttribute(name, value);
      }
      svg.querySelector('g.graph').setAttribute('transform', head.querySelector('g.graph').getAttribute('transform'));
    }
    const graph = svg.querySelector('g.graph');
    const kept = svg.argmapPieces; // a piece's text from the top -> its groups in the page
    const keys = split.pieces.map((text) => fromTop(text, split.height));
    const wanted = keys.map((key) => {
      const groups = kept.get(key);
      return groups && groups.length ? groups.shift() : null;
    });
    for (const groups of kept.values()) groups.forEach((group) => group.remove());
    const fresh = split.pieces.filter((text, index) => !wanted[index]);
    if (fresh.length) {
      const parsed = parseSvg(`<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}">${fresh.map((text) => `<g>${text}</g>`).join('')}</svg>`);
      if (parsed) clean(parsed);
      const groups = parsed ? Array.from(parsed.children) : [];
      let next = 0;
      wanted.forEach((group, index) => {
        if (!group) wanted[index] = groups[next++] || document.createElementNS(SVG_NS, 'g');
      });
    }
    // Each group holds one piece; its offset keeps it where it was drawn when the height changed.
    const pieces = new Map();
    let at = graph.firstChild;
    wanted.forEach((group, index) => {
      if (group.argmapHeight === undefined) group.argmapHeight = split.height;
      const offset = group.argmapHeight - split.height;
      if (offset) group.setAttribute('transform', `translate(0 ${offset.toFixed(2)})`);
      else group.removeAttribute('transform');
      if (group === at) at = at.nextSibling;
      else graph.insertBefore(group, at);
      if (!pieces.has(keys[index])) pieces.set(keys[index], []);
      pieces.get(keys[index]).push(group);
    });
    svg.argmapPieces = pieces;
  }
  if (svg) {
    const [width, height] = naturalSize(head || svg);
    root.dataset.width = String(width);
    root.dataset.height = String(height);
    // The smallest type in the picture, in points (Graphviz's unit): what "Fit width" keeps legible.
    const sizes = Array.from(svg.querySelectorAll('text'), (text) => parseFloat(text.getAttribute('font-size')));
    root.dataset.smallest = String(Math.min(...sizes.filter((size) => size > 0), 14));
    svg.removeAttribute('width');
    svg.removeAttribute('height');
  }
  root.dataset.revision = revision;
}

// The scale a zoom choice gives: 'width' fits the frame's width, 'whole' the whole map, but
// 'width' never so small that the smallest type is under minText pixels (smaller text cannot be
// read: the frame scrolls instead); a number is a scale the user zoomed to.
function scaleOf(root, zoom, minText) {
  const minScale = minText / ((parseFloat(root.dataset.smallest) || 14) * 4 / 3);
  const width = parseFloat(root.dataset.width) || 1;
  const height = parseFloat(root.dataset.height) || 1;
  const room = root.clientWidth - 2;
  if (zoom === 'width') return Math.min(1, Math.max(minScale, room / width));
  if (zoom === 'whole') return Math.min(1, room / width, (root.clientHeight - 2) / height);
  return zoom;
}

function applyZoom(root, zoom, minText) {
  const svg = root.querySelector('svg');
  if (!svg) return;
  const scale = scaleOf(root, zoom, minText);
  svg.style.width = `${(parseFloat(root.dataset.width) || 0) * scale}px`;
  svg.style.height = `${(parseFloat(root.dataset.height) || 0) * scale}px`;
  root.dataset.scale = String(scale);
}

function isField(target) {
  return !!target && (FIELDS.has(target.tagName) || target.isContentEditable);
}

// The nearest box in an arrow's direction from the selected one.
function neighbour(root, from, key) {
  const centre = (node) => {
    const box = node.getBoundingClientRect();
    return [box.left + box.width / 2, box.top + box.height / 2];
  };
  const [x0, y0] = centre(from);
  const [ax, ay] = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key];
  let best = null;
  let bestScore = Infinity;
  for (const node of root.querySelectorAll('g.node')) {
    if (node === from) continue;
    const [x, y] = centre(node);
    const along = (x - x0) * ax + (y - y0) * ay;
    const across = Math.abs((x - x0) * ay) + Math.abs((y - y0) * ax);
    if (along <= 1 || across > along * 2) continue;
    const score = along + across * 2;
    if (score < bestScore) { bestScore = score; best = node; }
  }
  return best;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let root = parentElement.querySelector('.argmap-map');
  if (!root) root = build(parentElement);
  const bar = parentElement.querySelector('.argmap-bar');
  const search = bar.querySelector('input');
  const hits = bar.querySelector('.argmap-hits');
  const help = parentElement.querySelector('.argmap-help');
  const minText = (data && data.min_text_px) || 11;
  const revision = (data && data.revision) || '';
  const mapName = (data && data.map) || '';
  const adds = (data && data.adds) || {};
  const editable = !(data && data.editable === false); // a read-only map: select, fold, never change
  const words = (data && data.words) || {}; // the map's own word for a kind: claim -> convergence
  if (data && typeof data.svg === 'string') remember(revision, data.svg);
  let changed = false;
  if (root.dataset.revision !== revision) {
    if (!pictures.has(revision)) {
      setTriggerValue('missing', revision);
      return () => {};
    }
    draw(root, revision, pictures.get(revision));
    changed = true;
  } else settleLabels(root);
  const selected = (data && data.selected) || '';
  mark(root, 'highlight', (data && data.flagged) || []);
  mark(root, 'selected', selected ? [selected] : []);
  root.dataset.selected = selected; // the box the server's run drew the keys' kinds (adds) for
  const zoomOf = () => zooms.get(mapName) || 'width';
  applyZoom(root, zoomOf(), minText);

  const nodeOf = (id) => root.querySelector(`g.node[id="${CSS.escape(id)}"]`);
  const current = () => root.querySelector('g.node.selected');
  const send = (action) => setTriggerValue('action', action);
  // The box is outlined at once; the server's run that follows fills the side panel.
  const choose = (node) => {
    mark(root, 'selected', [node.id]);
    reveal(root, false);
    setTriggerValue('clicked', node.id);
  };

  const matches = () => Array.from(root.querySelectorAll('g.node.match'));
  const find = () => {
    const words = search.value.trim().toLowerCase();
    const found = [];
    if (words) {
      for (const node of root.querySelectorAll('g.node')) {
        const tip = (node.querySelector('a') || node).getAttribute('xlink:title') || '';
        if (`${node.textContent} ${tip}`.toLowerCase().includes(words)) found.push(node.id);
      }
    }
    mark(root, 'match', found);
    hits.textContent = words ? `${found.length} found` : '';
    return found;
  };
  const step = (back) => {
    const found = matches();
    if (!found.length) return;
    const at = found.indexOf(current());
    const next = found[(at + (back ? found.length - 1 : 1) + (at < 0 && back ? 1 : 0)) % found.length];
    hits.textContent = `${found.indexOf(next) + 1} of ${found.length}`;
    choose(next);
  };
  if (search.value) find();

  // The text field over a box: the label (F2) or a new point's text (Tab, Enter).
  const inline = (node, place) => {
    root.querySelectorAll('input.argmap-inline').forEach((old) => old.dispatchEvent(new Event('close')));
    const box = node.getBoundingClientRect();
    const frame = root.getBoundingClientRect();
    const editing = place === 'label';
    const kind = words[adds[place]] || adds[place] || '';
    const field = element('input', {
      class: 'argmap-inline', type: 'text',
      'aria-label': editing ? 'Label of the box' : `Text of the new ${kind || 'point'}`,
      placeholder: editing ? 'Label' : `New ${kind || 'point'}: its text, then Enter (Esc: cancel)`,
    });
    // The box's lines after its caption (the kind) are its label.
    if (editing) field.value = Array.from(node.querySelectorAll('text')).slice(1).map((t) => t.textContent).join(' ');
    const below = editing ? 0 : box.height + 6;
    field.style.left = `${box.left - frame.left + root.scrollLeft + (place === 'child' ? 24 : 0)}px`;
    field.style.top = `${box.top - frame.top + root.scrollTop + below}px`;
    field.style.width = `${Math.max(box.width, 240)}px`;
    let open = true;
    const drop = () => { if (open) { open = false; field.remove(); } };
    const close = () => { drop(); root.focus({ preventScroll: true }); };
    field.addEventListener('close', drop);
    field.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') { event.preventDefault(); close(); }
      if (event.key === 'Enter') {
        event.preventDefault();
        const text = field.value.trim();
        if (editing && text) showLabel(node, text);
        if (editing) send({ name: 'label', node: node.id, label: text });
        else if (text) send({ name: 'add', node: node.id, place, text });
        close();
      }
    });
    field.addEventListener('blur', () => setTimeout(drop, 0));
    root.append(field);
    field.focus({ preventScroll: true });
    if (editing) field.select();
  };

  const onKey = (event) => {
    if (!root.isConnected) return;
    const target = event.composedPath()[0];
    if (isField(target)) return; // typing in a field: never a shortcut
    const inMap = root.contains(target) || target === document.body || target === document.documentElement;
    if (!inMap) return; // a focused button or link keeps its own keys
    const command = event.ctrlKey || event.metaKey;
    const node = current();
    const key = event.key;
    let done = true;
    if (command && (key === 'z' || key === 'Z') && editable) send({ name: event.shiftKey ? 'redo' : 'undo' });
    else if (command && key === 'y' && editable) send({ name: 'redo' });
    else if (command || event.altKey) done = false;
    else if (key === '/') search.focus();
    else if (key === '?') help.hidden = !help.hidden;
    else if (key === 'Escape') help.hidden = true;
    else if (node && key.startsWith('Arrow')) {
      const next = neighbour(root, node, key);
      if (next) choose(next);
    } else if (node && key === 'Tab' && !event.shiftKey && adds.child) inline(node, 'child');
    else if (node && key === 'Enter' && adds.sibling) inline(node, 'sibling');
    else if (node && key === 'F2' && editable) inline(node, 'label');
    else if (node && (key === 'Delete' || key === 'Backspace') && editable) send({ name: 'delete', node: node.id });
    else if (node && key === ' ') send({ name: 'collapse', node: node.id });
    else done = false;
    if (done) event.preventDefault();
  };

  let press = null; // a press on the map: {node, x, y, dragging, left, top}
  let dropped = false; // the click that ends a drag selects nothing
  const onDown = (event) => {
    dropped = false;
    if (event.button !== 0 || isField(event.target)) return;
    const node = event.target.closest && event.target.closest('g.node');
    press = { node, x: event.clientX, y: event.clientY, dragging: false,
              left: root.scrollLeft, top: root.scrollTop };
  };
  const onMove = (event) => {
    if (!press) return;
    const dx = event.clientX - press.x;
    const dy = event.clientY - press.y;
    if (!press.dragging && Math.hypot(dx, dy) < DRAG_START) return;
    press.dragging = true;
    if (!press.node) { // the background: pan
      root.classList.add('panning');
      root.scrollLeft = press.left - dx;
      root.scrollTop = press.top - dy;
      return;
    }
    if (!editable) return; // a box of a read-only map does not move
    press.node.classList.add('dragging');
    const over = event.target.closest && event.target.closest('g.node');
    mark(root, 'drop-target', over && over !== press.node ? [over.id] : []);
  };
  const onUp = (event) => {
    if (!press) return;
    const { node, dragging } = press;
    press = null;
    root.classList.remove('panning');
    mark(root, 'drop-target', []);
    if (!dragging) return;
    dropped = true;
    if (!node || !editable) return;
    node.classList.remove('dragging');
    const over = event.target.closest && event.target.closest('g.node');
    if (over && over !== node && root.contains(over)) {
      send({ name: event.altKey || event.ctrlKey || event.metaKey ? 'link' : 'move', node: node.id, target: over.id });
    }
  };
  const onClick = (event) => {
    if (dropped) { dropped = false; return; }
    const node = event.target.closest('g.node');
    if (node && root.contains(node)) {
      event.preventDefault();
      root.focus({ preventScroll: true });
      choose(node);
    }
  };
  const onDouble = (event) => {
    const node = event.target.closest('g.node');
    if (node && root.contains(node) && editable) inline(node, 'label');
  };
  const zoomBy = (factor) => {
    const scale = Math.min(3, Math.max(0.1, (parseFloat(root.dataset.scale) || 1) * factor));
    zooms.set(mapName, scale);
    applyZoom(root, scale, minText);
  };
  const onWheel = (event) => {
    if (!event.ctrlKey && !event.metaKey) return; // a plain wheel scrolls; a pinch comes with Ctrl
    event.preventDefault();
    zoomBy(event.deltaY < 0 ? 1.1 : 1 / 1.1);
  };
  const onBar = (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    const zoom = button.dataset.zoom;
    if (zoom === 'help') { help.hidden = !help.hidden; return; }
    if (zoom === 'in' || zoom === 'out') { zoomBy(zoom === 'in' ? 1.25 : 0.8); return; }
    const choice = zoom === 'actual' ? 1 : zoom;
    zooms.set(mapName, choice);
    applyZoom(root, choice, minText);
    reveal(root, false);
  };
  const onSearch = () => find();
  const onSearchKey = (event) => {
    event.stopPropagation();
    if (event.key === 'Enter') { event.preventDefault(); step(event.shiftKey); }
    if (event.key === 'Escape') { search.value = ''; find(); root.focus({ preventScroll: true }); }
  };
  const onResize = () => applyZoom(root, zoomOf(), minText);

  // The page scrolls only for a new selection, never when the map is first shown. Remembered in
  // the module, not on the root: a notice above the map makes Streamlit mount the map anew.
  const moved = lastSelected !== null && lastSelected !== selected;
  if (changed || moved) reveal(root, moved);
  lastSelected = selected;

  root.handlers = {
    keydown: onKey, pointerdown: onDown, pointermove: onMove, pointerup: onUp, click: onClick,
    dblclick: onDouble, wheel: onWheel, bar: onBar, input: onSearch, searchkey: onSearchKey,
    resize: onResize,
  };
  return () => {};
}
"""

_component = st.components.v2.component("argmap.clickable_map", css=_CSS, js=_JS, html=None)


def picture_sent() -> str | None:
    """The revision of the picture the last run sent to the browser (None before the first)."""
    sent = st.session_state.get(SENT)
    return sent if isinstance(sent, str) else None


def _trigger(name: str) -> Any:
    value: Any = st.session_state.get(KEY)
    if value is None:
        return None
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


def clickable_map(
    picture: Callable[[], str],
    revision: str,
    on_click: Callable[[str], None],
    on_action: Callable[[dict[str, Any]], None],
    *,
    map_name: str,
    selected: str | None = None,
    flagged: Collection[str] = (),
    adds: dict[str, str | None] | None = None,
    words: dict[str, str] | None = None,
    editable: bool = True,
) -> None:
    """Show the map drawn by ``picture()`` (SVG from ``argmap.render``, drawn without a selection
    or outlines); call ``on_click(node_id)`` when a box is clicked or chosen with the arrow keys,
    and ``on_action(action)`` for the map's other inputs.

    ``revision`` identifies the picture: ``picture`` is called, and the SVG sent, only when the
    browser does not have that revision yet. ``selected`` is outlined as the selection and the ids
    in ``flagged`` as a check's findings. ``adds`` names the kind a new point gets below the
    selected box (``child``, Tab) and beside it (``sibling``, Enter); None where none may be added.
    ``words`` names a kind in the map's own words (``{"claim": "convergence"}``) in the field
    that types a new point.
    ``editable`` False (a read-only map): the keyboard, double-click and drag change nothing, and no
    action but ``collapse`` reaches ``on_action``. ``map_name`` keeps the zoom chosen for each map. An action is a dict with ``name``: ``add``
    (``node``, ``place`` child or sibling, ``text``), ``label`` (``node``, ``label``), ``delete``
    (``node``), ``collapse`` (``node``: collapse or expand its branch), ``move`` or ``link``
    (``node`` dropped on ``target``), ``undo``, ``redo``.

    The map fits the frame's width but never shrinks its smallest type below :data:`MIN_TEXT_PX`
    (the frame scrolls instead); its bar zooms, fits the whole map, searches and lists the shortcuts. The frame scrolls
    to the selected box when the picture or the selection changes, and the page too when a newly
    selected box is outside the window.
    """

    def clicked() -> None:
        node_id = _trigger("clicked")
        if isinstance(node_id, str) and node_id:
            on_click(node_id)

    def acted() -> None:
        action = _trigger("action")
        named = isinstance(action, dict) and isinstance(action.get("name"), str)
        if named and (editable or action["name"] == "collapse"):
            on_action(action)

    def missing() -> None:
        st.session_state.pop(SENT, None)

    data: dict[str, Any] = {
        "revision": revision,
        "map": map_name,
        "selected": selected,
        "flagged": sorted(flagged),
        "adds": (adds or {}) if editable else {},
        "editable": editable,
        "words": words or {},
        "min_text_px": MIN_TEXT_PX,
    }
    if picture_sent() != revision:
        data["svg"] = picture()
        st.session_state[SENT] = revision
    _component(
        key=KEY,
        data=data,
        on_clicked_change=clicked,
        on_action_change=acted,
        on_missing_change=missing,
    )
