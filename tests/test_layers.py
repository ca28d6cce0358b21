"""The layers hold: nothing outside the shells imports Streamlit or the app, and the modules'
imports have no cycle. Read from the source with ``ast``, so a lazy import inside a function counts
for the shells' rule too."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "argmap"
#: The app: the only part that may import Streamlit.
SHELL = ("argmap.ui",)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports(path: Path, module: str, top_level_only: bool) -> set[str]:
    """The modules ``path`` imports (argmap's as module names, others by their top package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's own package
                package = module if path.name == "__init__.py" else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}".rstrip(".")
            submodules = {f"{base}.{alias.name}" for alias in node.names} & MODULES.keys()
            found.update(submodules)
            if len(submodules) < len(node.names):  # names defined in the package itself
                found.add(base)
    return found


def in_shell(module: str) -> bool:
    return any(module == shell or module.startswith(shell + ".") for shell in SHELL)


def test_nothing_outside_the_app_imports_streamlit_or_the_app():
    offenders = sorted(
        f"{module} imports {name}"
        for module, path in MODULES.items()
        if not in_shell(module)
        for name in imports(path, module, top_level_only=False)
        if name.split(".")[0] == "streamlit" or in_shell(name)
    )
    assert offenders == []


def test_the_module_imports_have_no_cycle():
    graph = {
        module: sorted(
            name for name in imports(path, module, top_level_only=True) if name in MODULES and name != module
        )
        for module, path in MODULES.items()
    }
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(start: str) -> None:
        stack = [(start, iter(graph[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                cycles.append([*path[path.index(child) :], child])
            elif child not in state:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(graph[child])))

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert cycles == []
