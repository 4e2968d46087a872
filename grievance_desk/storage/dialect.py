"""The SQL only SQLite speaks, behind one small seam, so services can later run elsewhere.

The architecture keeps SQL dialect-neutral outside two places: the full-text search adapter
(``storage/search.py``, FTS5) and this module. Services and table definitions ask
``DIALECT`` for what SQLite does its own way (a JSON array as a table, a planner hint, an
index on an expression, a partial index, the schema catalogue); a PostgreSQL register would
bring its own implementation of the same few methods (``jsonb_array_elements_text``,
``NULLS LAST`` indexes, ``pg_trigger``) and the services stay as they are. Migrations,
being history, keep their SQL and say in a comment which parts are SQLite-only. A test
(``tests/storage/test_dialect_seam.py``) fails on any of these constructs anywhere else.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Index, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression


class SqlDialect(Protocol):
    """What the register's SQL needs that dialects spell differently."""

    name: str

    def json_array_values(self, values: Sequence[Any]) -> Any:
        """A one-column subquery of ``values``, sent as one parameter however many."""

    def unindexed(self, column: Any) -> ColumnElement[Any]:
        """``column`` as a term the planner must not serve from an index (same value)."""

    def nulls_last_ascending(self, column: Any) -> list[ColumnElement[Any]]:
        """ORDER BY terms: ``column`` ascending with NULLs after every value."""

    def nulls_last_index(self, name: str, column_name: str) -> Index:
        """The index that serves ``nulls_last_ascending`` on that column."""

    def partial_index(self, name: str, column_name: str, where: str) -> Index:
        """An index of only the rows where ``where`` holds."""

    def stored_triggers(self, session: Session) -> dict[str, str]:
        """Every trigger in the database: name to its CREATE statement as stored."""


class SqliteDialect:
    """SQLite (SQLCipher): the register's engine today."""

    name = "sqlite"

    def json_array_values(self, values: Sequence[Any]) -> Any:
        # json_each turns one JSON text parameter into rows, past the 32,766-value bind limit.
        listed = func.json_each(json.dumps(list(values))).table_valued("value")
        return select(listed.c.value)

    def unindexed(self, column: Any) -> ColumnElement[Any]:
        # SQLite's idiom: a unary plus leaves the value alone but disqualifies the index.
        element = column.__clause_element__() if hasattr(column, "__clause_element__") else column
        return UnaryExpression(element, operator=operators.custom_op("+"), type_=element.type)

    def nulls_last_ascending(self, column: Any) -> list[ColumnElement[Any]]:
        # ``IS NULL`` first (false sorts before true), served by ``nulls_last_index``.
        return [column.is_(None), column.asc()]

    def nulls_last_index(self, name: str, column_name: str) -> Index:
        # An index on an expression: SQLite has no NULLS LAST in index definitions, and
        # Alembic cannot reflect it (the migration test checks it by name).
        return Index(name, text(f"{column_name} IS NULL"), column_name)

    def partial_index(self, name: str, column_name: str, where: str) -> Index:
        return Index(name, column_name, sqlite_where=text(where), postgresql_where=text(where))

    def stored_triggers(self, session: Session) -> dict[str, str]:
        rows = session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        return {str(name): str(sql or "") for name, sql in rows}


SQLITE = SqliteDialect()
#: The dialect of the register's engine (SQLCipher is the only one today).
DIALECT: SqlDialect = SQLITE
