"""Outline & export page: choose a template (the one the question asks for to start with), a side
for a debate case, and a word limit; see the outline with its word budgets live; download it as
Word or Markdown, the map as SVG, PNG or PDF, and the map file as YAML, Argdown or AIF JSON.

Downloads are built when clicked (``st.download_button`` with a callable), so the page stays
fast however heavy a Word file or a PDF is to make.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from argmap.errors import ArgmapError
from argmap.outline.options import SIDES
from argmap.outline.templates import TEMPLATES
from argmap.services.documents import (
    MAP_FILE_DOWNLOADS,
    map_file_text,
    map_picture_bytes,
    outline_docx_bytes,
    outline_markdown_text,
)
from argmap.services.exports import export_filename
from argmap.services.outline import template_for_question
from argmap.ui.common import md, report, require_map
from argmap.ui.downloads import Download, download_buttons
from argmap.ui.texts import outline_preview_markdown
from argmap.ui.views import cached_outline

PICTURE_TYPES = (
    ("svg", "SVG", "image/svg+xml"),
    ("png", "PNG", "image/png"),
    ("pdf", "PDF", "application/pdf"),
)

opened = require_map()
argument_map = opened.map
st.title("Outline & export")
st.caption(f"{md(argument_map.title)}: the map turned into what to write, with a word budget for each part.")

asked = template_for_question(argument_map)
names = list(TEMPLATES)
one, two, three = st.columns([2, 1, 1])
template_name = one.selectbox(
    "Template",
    names,
    index=names.index(asked.template),
    key="template",
    format_func=lambda name: f"{TEMPLATES[name].title} ({TEMPLATES[name].words} words)",
)
template = TEMPLATES[template_name]
one.caption(f"{template.description}. Chosen to start with because {md(asked.reason)}.")
if template.needs_side:
    side = two.radio(
        "Side of the motion",
        list(SIDES),
        key="side",
        format_func={"for": "Proposition (for the motion)", "against": "Opposition (against the motion)"}.get,
        help="The side this case argues; the other side's arguments become the attacks to prepare for",
    )
else:
    side = "for"  # an answer or an essay weighs both sides: there is no side to choose
asked_words = asked.words if template_name == asked.template and asked.words else template.words
words = three.number_input(
    "Word limit",
    min_value=30,
    max_value=20_000,
    step=10,
    value=asked_words,
    key=f"words_{template_name}",  # each template starts at its own usual length
    help=f"Usual range for this template: {template.low}–{template.high}",
)

try:
    with st.spinner("Building the outline…"):
        outline = cached_outline(opened.key, template_name, side, int(words), argument_map)
except ArgmapError as exc:
    report(exc)
    st.stop()

# A third of the width for the downloads: at a quarter, a 1280-pixel window cut their labels.
preview, downloads = st.columns([2, 1], gap="large")
with downloads:
    st.markdown("**Outline**")
    picture = st.checkbox(
        "Include the map picture", value=True, key="docx_picture", help="Put the map picture in the Word file"
    )
    file_name = partial(
        export_filename, opened.name, template_name, side=side if template.needs_side else None
    )
    download_buttons(
        [
            Download(
                "Download Word (.docx)",
                "download_docx",
                partial(outline_docx_bytes, argument_map, template_name, side, int(words), picture=picture),
                file_name(ext="docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                icon=":material/description:",
                primary=True,
            ),
            Download(
                "Download Markdown (.md)",
                "download_md",
                partial(outline_markdown_text, argument_map, template_name, side, int(words)),
                file_name(ext="md"),
                "text/markdown",
            ),
        ]
    )
    st.markdown("**Map picture**")
    download_buttons(
        Download(
            f"Download map as {label}",
            f"download_{fmt}",
            partial(map_picture_bytes, argument_map, fmt),
            f"{opened.name}.{fmt}",
            mime,
        )
        for fmt, label, mime in PICTURE_TYPES
    )
    st.markdown("**Map file**")
    download_buttons(
        Download(
            f"Download {label}",
            f"download_{fmt}",
            partial(map_file_text, argument_map, fmt),
            f"{opened.name}{suffix}",
            mime,
            help=description,
        )
        for fmt, label, suffix, mime, description in MAP_FILE_DOWNLOADS
    )

with preview:
    budget = outline.budget_total()
    minutes = f" · about {outline.minutes} minutes to write" if outline.minutes else ""
    st.caption(f"Preview: {budget} words in {len(outline.sections)} sections{minutes}")
    st.dataframe(
        [
            {"Section": section.title, "Words": section.words, "Points": len(section.all_points())}
            for section in outline.sections
        ],
        hide_index=True,
        key="outline_budgets",
    )
    for note in outline.notes:
        st.info(md(note), icon=":material/info:")
    with st.container(border=True, key="outline_preview"):
        st.markdown(outline_preview_markdown(outline))
