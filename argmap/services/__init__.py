"""Use cases that both shells call: the CLI (:mod:`argmap.commands`) and the app (:mod:`argmap.ui`).

A use case reads and writes files, calls the pure core and raises only :class:`argmap.errors.ArgmapError`
subclasses, so a shell only turns input into a call and the result or error into output.
"""
