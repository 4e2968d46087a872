"""No ``triggered``/``clicked``/``toggled`` connection lands its bool in an optional parameter.

``QAction.triggered`` and ``QAbstractButton.clicked`` pass ``checked``; connected straight to a
slot whose first parameter has a default, it arrives there as ``False``. That is how "New case"
raised ``'bool' object has no attribute 'draft'`` and "Snooze 1 day" snoozed 0 days. This
parses grievance_desk/ui like the before-stop hook, and also follows a slot handed through a
helper's parameter (``make(..., self.new_case, ...)``), ``functools.partial`` and lambdas
that pass their first argument on.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grievance_desk.ui

SIGNALS = {"triggered", "clicked", "toggled"}
UI = Path(grievance_desk.ui.__file__).parent


def _methods(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    found: dict[str, ast.FunctionDef] = {}
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for item in cls.body:
            if isinstance(item, ast.FunctionDef):
                found[item.name] = item
    return found


def _has_slot_decorator(func: ast.FunctionDef) -> bool:
    for deco in func.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if isinstance(target, ast.Name) and target.id == "Slot":
            return True
    return False


def _optional_first(func: ast.FunctionDef, skip: int = 0) -> bool:
    """Whether the parameter that receives the bool (after ``self`` and ``skip``) has a default."""
    params = func.args.args[1 + skip :]
    if not params or _has_slot_decorator(func):
        return False
    first_default = len(func.args.args) - len(func.args.defaults)
    return 1 + skip >= first_default


def _self_method(node: ast.expr, methods: dict[str, ast.FunctionDef]) -> ast.FunctionDef | None:
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
        and node.attr in methods
    ):
        return methods[node.attr]
    return None


def _problem(node: ast.expr, signal: str, methods: dict[str, ast.FunctionDef]) -> str | None:
    """Why connecting ``node`` to ``signal`` would put the bool somewhere optional."""
    method = _self_method(node, methods)
    if method is not None and _optional_first(method):
        return f"{signal} -> {method.name}() puts the bool into an optional parameter"
    func_name = (
        getattr(node.func, "attr", getattr(node.func, "id", ""))
        if isinstance(node, ast.Call)
        else ""
    )
    if isinstance(node, ast.Call) and func_name == "partial" and node.args:
        inner = _self_method(node.args[0], methods)
        given = len(node.args) - 1
        if inner is not None and _optional_first(inner, skip=given):
            return f"{signal} -> partial({inner.name}) appends the bool to an optional parameter"
    if isinstance(node, ast.Lambda) and node.args.args and signal != "toggled":
        first = node.args.args[0].arg
        used = any(isinstance(n, ast.Name) and n.id == first for n in ast.walk(node.body))
        if used:
            return f"{signal} -> lambda passes the bool ({first}) on; ignore it (_c) instead"
    return None


def _helper_params(tree: ast.Module) -> dict[str, int]:
    """Functions that connect one of their own parameters: name -> that parameter's index."""
    found: dict[str, int] = {}
    for func in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        names = [a.arg for a in func.args.args]
        for call in (n for n in ast.walk(func) if isinstance(n, ast.Call)):
            target = call.args[0] if _signal_of(call) else None
            if isinstance(target, ast.Name) and target.id in names:
                found[func.name] = names.index(target.id)
    return found


def _signal_of(call: ast.Call) -> str | None:
    if (
        isinstance(call.func, ast.Attribute)
        and call.func.attr == "connect"
        and call.args
        and isinstance(call.func.value, ast.Attribute)
        and call.func.value.attr in SIGNALS
    ):
        return call.func.value.attr
    return None


def find_bool_leaks(source: str, filename: str = "<ui>") -> list[str]:
    """Every connection in ``source`` that hands a checked bool to an optional parameter."""
    tree = ast.parse(source)
    methods = _methods(tree)
    helpers = _helper_params(tree)
    problems = []
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        signal = _signal_of(call)
        if signal is not None:
            why = _problem(call.args[0], signal, methods)
            if why:
                problems.append(f"{filename}:{call.lineno} {why}")
            continue
        name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
        if name in helpers:
            index = helpers[name]
            offset = 1 if isinstance(call.func, ast.Attribute) else 0
            position = index - offset
            if 0 <= position < len(call.args):
                why = _problem(call.args[position], "triggered", methods)
                if why:
                    problems.append(f"{filename}:{call.lineno} via {name}(): {why}")
    return problems


def test_the_guard_catches_the_new_case_mistake() -> None:
    source = """
class W:
    def build(self):
        def make(text, slot):
            action.triggered.connect(slot)
        make("New case", self.new_case)
        self.snooze.clicked.connect(self.snooze_selected)
        self.x.clicked.connect(functools.partial(self.go, 1))
        self.y.clicked.connect(lambda c=False: self.go(c))
        self.ok.clicked.connect(lambda _c=False: self.snooze_selected())
    def new_case(self, intake=None): ...
    def snooze_selected(self, days=1): ...
    def go(self, row, extra=None): ...
"""
    found = find_bool_leaks(source)
    assert len(found) == 4, found
    assert any("new_case" in f for f in found)
    assert any("snooze_selected" in f for f in found)


def test_no_ui_connection_puts_a_bool_in_an_optional_parameter() -> None:
    problems = []
    for path in sorted(UI.rglob("*.py")):
        problems += find_bool_leaks(path.read_text(encoding="utf-8"), path.name)
    assert problems == [], "\n".join(problems)
