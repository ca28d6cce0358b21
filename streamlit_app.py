"""argmap's app: ``streamlit run streamlit_app.py`` (or ``make run``) opens it on 127.0.0.1.

The pages are files in ``argmap/ui/pages/`` so that ``AppTest.switch_page`` can reach each one;
their URL paths (``/``, ``/editor``, ``/outline``, ``/analysis``, ``/practice``, ``/answer``,
``/history``, and in classroom mode ``/classes`` and ``/assignments``) are stable, and
browser tests use them.

In classroom mode (a database and a sign-in provider configured, see ``argmap/ui/people.py``) a
visitor signs in first, and the Classes and Assignments pages join the others.
"""

from __future__ import annotations

import streamlit as st

from argmap.ui import people
from argmap.ui.common import APP_CSS, account_sidebar

PAGES = "argmap/ui/pages"

st.set_page_config(page_title="argmap", page_icon=":material/account_tree:", layout="wide")

classroom = people.classroom_mode()
if classroom and not people.signed_in():
    people.sign_in_page()  # stops the run

pages = [
    st.Page(
        f"{PAGES}/library.py",
        title="Library",
        icon=":material/folder_open:",
        url_path="library",
        default=True,
    ),
    st.Page(f"{PAGES}/editor.py", title="Editor", icon=":material/account_tree:", url_path="editor"),
    st.Page(f"{PAGES}/outline.py", title="Outline & export", icon=":material/article:", url_path="outline"),
    st.Page(f"{PAGES}/analysis.py", title="Analysis", icon=":material/analytics:", url_path="analysis"),
    st.Page(f"{PAGES}/practice.py", title="Practice", icon=":material/timer:", url_path="practice"),
    st.Page(f"{PAGES}/answer.py", title="Answer", icon=":material/edit_note:", url_path="answer"),
    st.Page(f"{PAGES}/history.py", title="History", icon=":material/history:", url_path="history"),
]
if classroom:
    pages += [
        st.Page(f"{PAGES}/classes.py", title="Classes", icon=":material/groups:", url_path="classes"),
        st.Page(
            f"{PAGES}/assignments.py",
            title="Assignments",
            icon=":material/assignment:",
            url_path="assignments",
        ),
    ]
navigation = st.navigation(pages)
if classroom:
    account_sidebar()
# Streamlit's captions and quotes are a grey of 3.9:1 on white; WCAG's AA asks 4.5:1 for text
# (axe-core's color-contrast rule, tests/browser/test_accessibility_browser.py). A Markdown
# element in the sidebar, not st.html: a style-only st.html goes to Streamlit's event container,
# which a later run can empty, and the browser test then found the old grey again.
st.sidebar.markdown(f"<style>{APP_CSS}</style>", unsafe_allow_html=True)
navigation.run()
