"""A live word count under a text area, counted in the browser as the student types.

``st.text_area`` sends its text to the server only when it loses focus, so a count made in Python
lags behind the typing. This v2 component (no iframe) finds the text area of the widget keyed
``target`` in the page and counts its words on every keystroke; the server counts again (with
:func:`argmap.language.words`) when the answer is reviewed. A word here is a run of letters and
digits with inner marks, apostrophes and hyphens, as in :mod:`argmap.language.tokens`.

DOM, for browser tests: ``div.argmap-words`` inside the element keyed ``st-key-<key>``, its text
"N words of LIMIT: within the limit" (or "short of the limit", "over the limit").
"""

from __future__ import annotations

import streamlit as st

_CSS = """
.argmap-words { font-size: .875rem; opacity: .75; }
.argmap-words.is-over { color: #b71c1c; opacity: 1; }
"""

_JS = """
const WORD = /[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}]|['’‑-](?=[\\p{L}\\p{N}]))*/gu;

function paint(out, area, data) {
  const text = (area ? area.value : '').replace(/\\b(?:[A-Z]\\.){2,}/g, (m) => m.replace(/\\./g, ''));
  const n = (text.match(WORD) || []).length;
  const state = n > data.high ? 'over the limit' : (n < data.low ? 'short of the limit' : 'within the limit');
  out.textContent = `${n} word${n === 1 ? '' : 's'} of ${data.limit}: ${state}.`;
  out.classList.toggle('is-over', n > data.high);
}

export default function (component) {
  const { data, parentElement } = component;
  let out = parentElement.querySelector('.argmap-words');
  if (!out) {
    out = document.createElement('div');
    out.className = 'argmap-words';
    out.setAttribute('aria-live', 'polite');
    parentElement.appendChild(out);
  }
  const find = () => document.querySelector(`.st-key-${data.target} textarea`);
  // One listener per text area, attached once; it paints with the data of the latest run (kept on
  // the area), so a rerun with another limit (another map) is counted against the new limit.
  const listener = (event) => {
    const latest = event.target.argmapWords;
    if (latest) paint(latest.out, event.target, latest.data);
  };
  // The text area may be drawn after this component on a rerun: look again for a moment.
  let tries = 0;
  const attach = setInterval(() => {
    const area = find();
    tries += 1;
    if (area || tries > 50) clearInterval(attach);
    if (area) {
      area.argmapWords = { out, data };
      if (area.dataset.argmapWords !== data.target) {
        area.dataset.argmapWords = data.target;
        area.addEventListener('input', listener);
      }
    }
    paint(out, area, data);
  }, 100);
  paint(out, find(), data);
  return () => clearInterval(attach);
}
"""

_component = st.components.v2.component("argmap.word_count", css=_CSS, js=_JS)


def word_count(target: str, limit: int, low: int, high: int, *, key: str) -> None:
    """A live count of the words in the text area keyed ``target``, against ``limit`` (``low``–``high`` pass)."""
    _component(key=key, data={"target": target, "limit": limit, "low": low, "high": high})
