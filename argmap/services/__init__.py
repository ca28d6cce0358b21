"""Use cases that both shells call: the CLI's commands and the app's pages.

A use case is written once here; a shell only turns its input into a call and the result or error
into output. Services raise only :class:`~argmap.errors.ArgmapError` subclasses.
"""
