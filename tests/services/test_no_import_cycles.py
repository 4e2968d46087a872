"""No import cycle among the services modules, function-local imports included.

A cycle hidden behind an import inside a function (as `cases` ⇄ `case_deadlines` was) still
means neither module can be read, tested or split without the other. Read with `ast`, so
nothing is imported to check it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grievance_desk.services

PACKAGE = "grievance_desk.services"
ROOT = Path(grievance_desk.services.__file__).parent


def services_imports() -> dict[str, set[str]]:
    """Each services module and the services modules it imports anywhere in its body."""
    modules = {p.stem for p in ROOT.glob("*.py") if p.stem != "__init__"}
    graph: dict[str, set[str]] = {}
    for name in modules:
        found: set[str] = set()
        for node in ast.walk(ast.parse((ROOT / f"{name}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == PACKAGE:  # from grievance_desk.services import x
                    found.update(a.name for a in node.names if a.name in modules)
                elif node.module.startswith(PACKAGE + "."):
                    found.add(node.module.split(".")[2])
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith(PACKAGE + "."):
                        found.add(alias.name.split(".")[2])
        graph[name] = (found & modules) - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first walk, each as the path that closes it."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return found


def test_the_walk_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]


def test_no_cycle_among_services_modules() -> None:
    graph = services_imports()
    assert "case_clock" in graph["case_deadlines"], "the walk reads the imports"
    assert cycles(graph) == [], " and ".join(" → ".join(c) for c in cycles(graph))
