"""Use cases that both shells (the CLI and the Streamlit app) call, written once.

Each module holds one area's use cases as plain functions over the core; they raise only
:class:`argmap.errors.ArgmapError` subclasses, which the shells turn into one-line messages.
"""
