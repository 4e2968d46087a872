"""SQLite-only SQL stays behind the dialect seam, so services could run on PostgreSQL later.

Allowed places: ``storage/dialect.py`` (the seam), ``storage/search.py`` (the FTS5 adapter)
and the migrations (history; each says in its docstring what is SQLite-only). PRAGMAs and
the ``sqlite_master`` catalogue also belong to the SQLCipher engine and file layer (opening,
keying, checkpoints, backups). Everything else is scanned: the SQL text in its string
literals (docstrings aside) and its Python (``func.json_each``, ``sqlite_where``,
``column + 0`` planner hints).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "grievance_desk"
SEAM = {"storage/dialect.py", "storage/search.py"}
ENGINE_LAYER = {
    "storage/engine.py",
    "storage/register.py",
    "storage/read_only.py",
    "storage/backup.py",
}
#: SQL text constructs: name -> pattern.
SQL_CONSTRUCTS = {
    "json_each": re.compile(r"\bjson_each\b", re.IGNORECASE),
    "rowid": re.compile(r"\browid\b", re.IGNORECASE),
    # ``+column`` where an operand starts (after a keyword or an operator), not ``a + b``.
    "unary plus planner hint": re.compile(
        r"(\b(AND|OR|WHERE|ON|NOT|BY|SELECT|WHEN)|[(,=<>])\s*\+\s*[a-z_]", re.IGNORECASE
    ),
    "two-argument min/max": re.compile(r"\b(min|max)\s*\([^()]*,[^()]*\)", re.IGNORECASE),
    "expression index on IS NULL": re.compile(r"^\s*[\w.]+ IS NULL\s*$", re.IGNORECASE),
    "PRAGMA": re.compile(r"\bPRAGMA\b", re.IGNORECASE),
    "sqlite_master": re.compile(r"\bsqlite_master\b", re.IGNORECASE),
}
ENGINE_ONLY = {"PRAGMA", "sqlite_master"}
#: Python spellings of the same constructs.
CODE_NAMES = {"json_each": "json_each", "sqlite_where": "sqlite partial index"}
#: Modules allowed a construct while they move to the seam (none left).
PENDING: set[tuple[str, str]] = set()


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def findings(source: str) -> set[str]:
    """The SQLite-only constructs in one module's code and SQL strings."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            found |= {name for name, rx in SQL_CONSTRUCTS.items() if rx.search(node.value)}
        elif isinstance(node, ast.Attribute) and node.attr in CODE_NAMES:
            found.add(CODE_NAMES[node.attr])
        elif isinstance(node, ast.keyword) and node.arg in CODE_NAMES:
            found.add(CODE_NAMES[node.arg])
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Add)
            and isinstance(node.right, ast.Constant)
            and node.right.value == 0
        ):
            found.add("unary plus planner hint")
    return found


def test_no_sqlite_only_sql_outside_the_seam() -> None:
    offending = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name in SEAM or name.startswith("storage/migrations/"):
            continue
        for construct in sorted(findings(path.read_text(encoding="utf-8"))):
            if construct in ENGINE_ONLY and name in ENGINE_LAYER:
                continue
            if (name, construct) not in PENDING:
                offending.append(f"{name}: {construct}")
    assert offending == []


def test_the_pending_exceptions_are_still_needed() -> None:
    """An exception above goes as soon as its module uses the seam."""
    for name, construct in PENDING:
        assert construct in findings((PACKAGE / name).read_text(encoding="utf-8")), name


@pytest.mark.parametrize(
    ("source", "construct"),
    [
        ('q = "SELECT value FROM json_each(:x)"', "json_each"),
        ("q = func.json_each(x)", "json_each"),
        ('q = "WHERE closed_at IS NULL AND +received_at < :end"', "unary plus planner hint"),
        ("q = (col(Case.id) + 0).in_(ids)", "unary plus planner hint"),
        ("q = \"WHERE x > coalesce(min(OLD.a, NEW.a), '')\"", "two-argument min/max"),
        (
            'i = Index("n", text("next_due_at IS NULL"), "next_due_at")',
            "expression index on IS NULL",
        ),
        ('i = Index("n", "c", sqlite_where=text("c IS NOT NULL"))', "sqlite partial index"),
        ('q = "SELECT rowid FROM case_search"', "rowid"),
        ('q = "PRAGMA foreign_keys=ON"', "PRAGMA"),
    ],
)
def test_the_scan_recognises_each_construct(source: str, construct: str) -> None:
    assert construct in findings(source)


def test_the_scan_passes_portable_sql() -> None:
    portable = (
        'q = "SELECT id FROM grievance_case WHERE received_at >= :start AND a + b > 2"\n'
        'r = "SELECT min(received_at) FROM grievance_case"\n'
        "n = count + 1\n"
    )
    assert findings(portable) == set()
