"""The layers hold: imports point down, nothing is circular, Qt stays in ui/ (issue 16).

domain imports nothing of ours; documents only domain; storage only domain; services any of
those; ui and cli only services and domain (services are their one door to the register);
app.py, the composition root, may import anything. Imports under ``if TYPE_CHECKING`` are
annotations only and are not counted.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "grievance_desk"
LAYERS = ("domain", "documents", "storage", "services", "ui", "cli")
ALLOWED = {
    "domain": {"domain", "top"},
    "documents": {"documents", "domain", "top"},
    "storage": {"storage", "domain", "top"},
    "services": {"services", "storage", "documents", "domain", "top"},
    "ui": {"ui", "services", "domain", "top"},
    "cli": {"cli", "services", "domain", "top"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those inside ``if TYPE_CHECKING:`` blocks."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in ast.walk(child))
            continue
        yield node
        yield from _runtime_nodes(node)


def _resolve(name: str) -> str:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _imports(name: str) -> set[str]:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found |= {_resolve(a.name) for a in node.names if a.name.startswith("grievance_desk")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("grievance_desk"):
            module = node.module or ""
            for alias in node.names:
                full = f"{module}.{alias.name}"
                found.add(_resolve(full) if full in MODULES else _resolve(module))
    return found - {name, ""}


GRAPH = {name: _imports(name) for name in MODULES}


def _layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "top"


def test_imports_point_down_only() -> None:
    wrong = sorted(
        f"{name} -> {target}"
        for name, targets in GRAPH.items()
        if _layer(name) in ALLOWED and name != "grievance_desk.app"
        for target in targets
        if _layer(target) not in ALLOWED[_layer(name)]
    )
    assert not wrong, "upward or sideways imports:\n" + "\n".join(wrong)


def test_no_import_cycles() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in GRAPH.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in GRAPH:
        if node not in index:
            visit(node)
    assert not cycles, f"import cycles: {cycles}"


def test_qt_only_in_ui_and_the_composition_root() -> None:
    outside = sorted(
        name
        for name, path in MODULES.items()
        if _layer(name) != "ui"
        and name != "grievance_desk.app"
        and any(
            isinstance(node, ast.Import | ast.ImportFrom)
            and any(
                (getattr(node, "module", None) or alias.name).startswith(("PySide6", "shiboken6"))
                for alias in node.names
            )
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    )
    assert not outside, f"Qt imported outside ui/: {outside}"
