"""Names a package exports, each imported from its module on first use (PEP 562).

A package whose ``__init__`` imported every module would make each import of one small part pay
for all of it: ``argmap show`` needs ``argmap.render.escape`` and ``argmap.graph``, not
Graphviz and the checks. Such a package lists where each name lives and sets::

    __getattr__ = lazy_names(__name__, {"build_dot": "graph", "run_dot": "dot"})

(with the same imports under ``if TYPE_CHECKING:`` for the type checker).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of ``package``: ``homes`` maps each name to its module (the
    part after the package's name); a name once loaded is kept in the package."""

    def load(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return load
