"""A speech or preparation timer that runs in the browser, with protected time and the POI window
marked on its bar.

It counts in the page itself (a v2 component, no iframe), so a running timer costs the server
nothing; Python only says which speech to time. The times come from
:data:`argmap.practice.FORMATS`; nothing here knows a debate rule.

DOM, for browser tests: ``div.argmap-timer`` inside the element keyed ``st-key-<key>``; the clock
is ``.clock`` (``M:SS``), the phase ``.phase`` ("Ready", "Running", "Paused", "Protected time", "POI window open", "Time is up"),
the bar ``.bar`` with ``.protected`` segments, and the buttons ``button.start`` (Start/Pause) and
``button.reset``.
"""

from __future__ import annotations

import streamlit as st

_CSS = """
.argmap-timer { font-family: inherit; border: 1px solid rgba(128,128,128,.3); border-radius: .5rem; padding: .75rem; }
.argmap-timer .clock { font-size: 2.6rem; font-variant-numeric: tabular-nums; font-weight: 600; }
.argmap-timer .phase { margin: .2rem 0 .5rem; font-weight: 600; }
.argmap-timer .phase.open { color: #2e7d32; } .argmap-timer .phase.protected { color: #8d6e63; }
.argmap-timer .phase.over { color: #c62828; }
.argmap-timer .bar { position: relative; height: 14px; background: #e8f5e9; border-radius: 7px; overflow: hidden; }
.argmap-timer .protected { position: absolute; top: 0; bottom: 0; background: #d7ccc8; }
.argmap-timer .elapsed { position: absolute; top: 0; bottom: 0; left: 0; background: rgba(29,53,87,.55); }
.argmap-timer .legend { font-size: .8rem; opacity: .8; margin-top: .3rem; }
.argmap-timer button { margin: .5rem .4rem 0 0; padding: .3rem .9rem; border-radius: .4rem;
                       border: 1px solid rgba(128,128,128,.5); background: transparent; color: inherit; cursor: pointer; }
"""

_JS = """
function fmt(s) { s = Math.max(0, Math.ceil(s)); return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0'); }

export default function (component) {
  const { data, parentElement } = component;
  let root = parentElement.querySelector('.argmap-timer');
  if (!root) {
    root = document.createElement('div');
    root.className = 'argmap-timer';
    root.innerHTML = '<div class="title"></div><div class="clock"></div><div class="phase"></div>' +
      '<div class="bar"><div class="elapsed"></div></div><div class="legend"></div>' +
      '<button class="start" type="button">Start</button><button class="reset" type="button">Reset</button>';
    parentElement.appendChild(root);
  }
  const total = Number(data.seconds) || 0;
  const windows = data.poi || null;  // [from, to] in seconds, or null
  const identity = data.title + '|' + total;
  if (root.dataset.identity !== identity) {
    root.dataset.identity = identity;
    root.dataset.elapsed = '0';
    root.dataset.startedAt = '';
    root.querySelector('.title').textContent = data.title;  // textContent: never parsed as HTML
    const bar = root.querySelector('.bar');
    bar.querySelectorAll('.protected').forEach((el) => el.remove());
    if (windows && total) {
      for (const [a, b] of [[0, windows[0]], [windows[1], total]]) {
        const seg = document.createElement('div');
        seg.className = 'protected';
        seg.style.left = (100 * a / total) + '%';
        seg.style.width = (100 * (b - a) / total) + '%';
        bar.insertBefore(seg, bar.firstChild);
      }
      root.querySelector('.legend').textContent =
        'Shaded: protected time (no points of information). POIs may be offered from ' + fmt(windows[0]) + ' to ' + fmt(windows[1]) + '.';
    } else {
      root.querySelector('.legend').textContent = '';
    }
  }
  const startButton = root.querySelector('.start');
  const elapsed = () => Number(root.dataset.elapsed) + (root.dataset.startedAt ? (Date.now() - Number(root.dataset.startedAt)) / 1000 : 0);
  const paint = () => {
    const used = Math.min(elapsed(), total);
    root.querySelector('.clock').textContent = fmt(total - used);
    root.querySelector('.elapsed').style.width = (total ? 100 * used / total : 0) + '%';
    const phase = root.querySelector('.phase');
    const running = !!root.dataset.startedAt;
    let text = running ? 'Running' : (used > 0 ? 'Paused' : 'Ready'), cls = '';
    if (used >= total && total) { text = 'Time is up'; cls = 'over'; }
    else if (windows && (running || used > 0)) {
      if (used >= windows[0] && used < windows[1]) { text = 'POI window open'; cls = 'open'; }
      else { text = 'Protected time'; cls = 'protected'; }
    }
    phase.textContent = text; phase.className = 'phase ' + cls;
    startButton.textContent = root.dataset.startedAt ? 'Pause' : (Number(root.dataset.elapsed) > 0 ? 'Resume' : 'Start');
  };
  startButton.onclick = () => {
    if (root.dataset.startedAt) { root.dataset.elapsed = String(elapsed()); root.dataset.startedAt = ''; }
    else { root.dataset.startedAt = String(Date.now()); }
    paint();
  };
  root.querySelector('.reset').onclick = () => { root.dataset.elapsed = '0'; root.dataset.startedAt = ''; paint(); };
  paint();
  const tick = setInterval(paint, 250);
  return () => clearInterval(tick);
}
"""

_component = st.components.v2.component("argmap.speech_timer", css=_CSS, js=_JS)


def speech_timer(title: str, seconds: int, poi_window: tuple[float, float] | None, *, key: str) -> None:
    """A countdown of ``seconds`` titled ``title``; ``poi_window`` (from, to) in seconds marks the
    time when points of information may be offered (the rest is protected)."""
    _component(
        key=key,
        data={"title": title, "seconds": int(seconds), "poi": list(poi_window) if poi_window else None},
    )
