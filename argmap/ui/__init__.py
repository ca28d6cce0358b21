"""The Streamlit app: pages over the core, and the few helpers they share.

``streamlit_app.py`` (at the repository root) builds the navigation over the page scripts in
:mod:`argmap.ui.pages`. The pages call the core (editing, store, render, analysis, outline,
formats, practice) and hold no domain logic; :mod:`argmap.ui.state` keeps the open map and its
history, :mod:`argmap.ui.views` caches the heavy views on the map's content hash, and
:mod:`argmap.ui.map_component` is the clickable map.
"""
