"""Command groups of the ``argmap`` CLI, one module each, listed in ``argmap.cli.COMMAND_MODULES``."""
