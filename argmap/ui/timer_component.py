"""A speech, preparation or answer timer that runs in the browser.

It counts in the page itself (a v2 component, no iframe), so a running timer costs the server
nothing; Python only says which sections there are (the speeches of a format, or the parts of a
written answer) and how long each is. The times come from :data:`argmap.practice.DEBATE_FORMATS`; nothing
here knows a debate rule.

The section list, Start/Pause, Reset and Next live in the component, so choosing a section or
moving to the next one never waits for the server and always sets the clock to that section's
length. One interval ticks per timer element whatever Streamlit re-runs (a stale interval painting
an old length is what made the clock flicker), and the state is kept per component key outside the
element, so a running clock survives Streamlit mounting the timer afresh (a tab shown again).

Debate sections show their protected time and POI window beside the clock, never over the buttons;
a section with ``warn`` (a written answer) shows "One minute left" instead, without debate words.

DOM, for browser tests: ``div.argmap-timer`` inside the element keyed ``st-key-<key>``; the section
list ``select.section``; the clock ``.clock`` (``M:SS``); beside it ``.phase`` ("Ready", "Running",
"Paused", "Protected time", "POI window open", "One minute left", "Time is up"); the bar ``.bar``
with ``.shade`` segments for protected time; the buttons ``button.start`` (Start/Pause/Resume), ``button.reset``
and ``button.next``.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from argmap.practice.debate_formats import TimedSection

_CSS = """
.argmap-timer { font-family: inherit; border: 1px solid rgba(128,128,128,.3); border-radius: .5rem; padding: .75rem; }
.argmap-timer .title { font-weight: 600; }
.argmap-timer select.section { width: 100%; margin: .4rem 0; padding: .25rem; border-radius: .4rem;
                               font: inherit; color: inherit; background: transparent; border: 1px solid rgba(128,128,128,.5); }
.argmap-timer .face { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1rem; }
.argmap-timer .clock { font-size: 2.6rem; font-variant-numeric: tabular-nums; font-weight: 600; min-width: 5.5ch; }
.argmap-timer .phase { font-weight: 600; padding: .15rem .55rem; border-radius: .8rem; border: 1px solid transparent; }
.argmap-timer .phase.is-open { color: #1b5e20; border-color: #2e7d32; }
.argmap-timer .phase.is-protected { color: #5d4037; border-color: #8d6e63; }
.argmap-timer .phase.is-warning { color: #8a4b00; border-color: #e65100; }
.argmap-timer .phase.is-over { color: #b71c1c; border-color: #c62828; }
.argmap-timer .bar { position: relative; height: 14px; background: #e8f5e9; border-radius: 7px; overflow: hidden; margin-top: .4rem; }
.argmap-timer .bar .shade { position: absolute; top: 0; bottom: 0; background: #d7ccc8; }
.argmap-timer .elapsed { position: absolute; top: 0; bottom: 0; left: 0; background: rgba(29,53,87,.55); }
.argmap-timer .legend { font-size: .8rem; opacity: .8; margin-top: .3rem; min-height: 1em; }
.argmap-timer .controls { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .5rem; }
.argmap-timer button { padding: .3rem .9rem; border-radius: .4rem; border: 1px solid rgba(128,128,128,.5);
                       background: transparent; color: inherit; cursor: pointer; font: inherit; }
"""

_JS = """
// Timer state lives outside the element, keyed by the component's stable key: Streamlit may mount
// a fresh element (a tab shown, a rerun), and a running clock must survive that.
const TIMERS = (globalThis.__argmapTimers = globalThis.__argmapTimers || new Map());

function fmt(s) { s = Math.max(0, Math.ceil(s - 1e-9)); return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0'); }

function build(parentElement) {
  const root = document.createElement('div');
  root.className = 'argmap-timer';
  root.innerHTML = '<div class="title"></div><select class="section" aria-label="Section"></select>' +
    '<div class="face"><div class="clock" role="timer" aria-live="off"></div><div class="phase" aria-live="polite"></div></div>' +
    '<div class="bar"><div class="elapsed"></div></div><div class="legend"></div>' +
    '<div class="controls"><button class="start" type="button">Start</button>' +
    '<button class="reset" type="button">Reset</button><button class="next" type="button">Next</button></div>';
  parentElement.appendChild(root);
  return root;
}

function current(t) { return t.sections[t.index] || { name: '', seconds: 0, poi: null, warn: null }; }

function paint(root, t) {
  const section = current(t);
  const total = section.seconds;
  const used = Math.min(t.elapsed + (t.startedAt !== null ? (Date.now() - t.startedAt) / 1000 : 0), total);
  const clock = fmt(total - used);
  const node = root.querySelector('.clock');
  if (node.textContent !== clock) node.textContent = clock;
  root.querySelector('.elapsed').style.width = (total ? 100 * used / total : 0) + '%';
  const running = t.startedAt !== null;
  let text = running ? 'Running' : (used > 0 ? 'Paused' : 'Ready'), cls = '';
  if (total && used >= total) { text = 'Time is up'; cls = 'is-over'; }
  else if (section.poi && (running || used > 0)) {
    if (used >= section.poi[0] && used < section.poi[1]) { text = 'POI window open'; cls = 'is-open'; }
    else { text = 'Protected time'; cls = 'is-protected'; }
  } else if (section.warn && (running || used > 0) && total - used <= section.warn) {
    text = section.warn === 60 ? 'One minute left' : fmt(section.warn) + ' left'; cls = 'is-warning';
  }
  const phase = root.querySelector('.phase');
  if (phase.textContent !== text) phase.textContent = text;
  phase.className = 'phase ' + cls;
  root.querySelector('.start').textContent = running ? 'Pause' : (t.elapsed > 0 ? 'Resume' : 'Start');
  if (running && used >= total) { t.elapsed = total; t.startedAt = null; }
}

// Draw the element from the state: title, section list, shaded bar, legend (never touches the clock).
function draw(root, t) {
  root.querySelector('.title').textContent = t.title;  // textContent: never parsed as HTML
  const select = root.querySelector('select.section');
  select.replaceChildren(...t.sections.map((section, i) => {
    const option = document.createElement('option');
    option.value = String(i);
    option.textContent = section.name + ' (' + fmt(section.seconds) + ')';
    return option;
  }));
  select.hidden = t.sections.length < 2;
  root.querySelector('.next').hidden = t.sections.length < 2;
  select.value = String(t.index);
  const section = current(t);
  const bar = root.querySelector('.bar');
  bar.querySelectorAll('.shade').forEach((el) => el.remove());
  const legend = root.querySelector('.legend');
  legend.textContent = '';
  if (section.poi && section.seconds) {
    for (const [a, b] of [[0, section.poi[0]], [section.poi[1], section.seconds]]) {
      const seg = document.createElement('div');
      seg.className = 'shade';
      seg.style.left = (100 * a / section.seconds) + '%';
      seg.style.width = (100 * (b - a) / section.seconds) + '%';
      bar.insertBefore(seg, bar.firstChild);
    }
    legend.textContent = 'Shaded: protected time (no points of information). POIs may be offered from ' +
      fmt(section.poi[0]) + ' to ' + fmt(section.poi[1]) + '.';
  } else if (section.warn) {
    legend.textContent = 'A warning shows when ' + fmt(section.warn) + ' is left.';
  }
  paint(root, t);
}

function show(root, t, index) {
  t.index = Math.max(0, Math.min(index, t.sections.length - 1));
  t.elapsed = 0;
  t.startedAt = null;
  draw(root, t);
}

export default function (component) {
  const { data, parentElement, key } = component;
  const fresh = !parentElement.querySelector('.argmap-timer');
  const root = parentElement.querySelector('.argmap-timer') || build(parentElement);
  const sections = Array.isArray(data.sections) ? data.sections : [];
  const identity = String(data.identity) + '|' + JSON.stringify(sections);
  let t = TIMERS.get(key);
  if (!t || t.identity !== identity) {
    // A new format, side or set of sections: start afresh at the chosen section.
    t = { identity, title: data.title || '', sections, index: 0, elapsed: 0, startedAt: null };
    TIMERS.set(key, t);
    show(root, t, Number(data.start) || 0);
  } else if (fresh) {
    draw(root, t);  // the same timer in a new element: carry on where it was
  }
  root.querySelector('select.section').onchange = (event) => show(root, t, Number(event.target.value));
  root.querySelector('.start').onclick = () => {
    if (t.startedAt !== null) { t.elapsed += (Date.now() - t.startedAt) / 1000; t.startedAt = null; }
    else if (t.elapsed < current(t).seconds) { t.startedAt = Date.now(); }
    paint(root, t);
  };
  root.querySelector('.reset').onclick = () => show(root, t, t.index);
  root.querySelector('.next').onclick = () => show(root, t, (t.index + 1) % Math.max(1, t.sections.length));
  // One interval per element, however often Streamlit calls this function.
  if (root._tick) clearInterval(root._tick);
  root._tick = setInterval(() => paint(root, t), 200);
  return () => { clearInterval(root._tick); root._tick = null; };
}
"""

_component = st.components.v2.component("argmap.speech_timer", css=_CSS, js=_JS)


def speech_timer(
    title: str, sections: Sequence[TimedSection], *, key: str, identity: str, start: int = 0
) -> None:
    """A countdown over ``sections`` (chosen in its list, or one after another with Next), titled
    ``title``. ``identity`` names the set (format, side): when it changes the timer starts afresh
    at section ``start``; while it stays, a rerun keeps the running clock."""
    _component(
        key=key,
        data={
            "title": title,
            "identity": identity,
            "start": start,
            "sections": [
                {
                    "name": section.name,
                    "seconds": int(section.seconds),
                    "poi": list(section.poi) if section.poi else None,
                    "warn": section.warn,
                }
                for section in sections
            ],
        },
    )
