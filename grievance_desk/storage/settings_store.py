"""Register-wide settings (organisation, officer, preferences) as JSON values by key.

They live inside the encrypted register, not in Qt settings or a plain file, because the
organisation's and officer's details travel with the register and its backups.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.storage.tables import Setting


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else json.loads(row.value)


def put_setting(session: Session, key: str, value: Any) -> None:
    text_value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text_value))
    else:
        row.value = text_value
    session.flush()


def all_settings(session: Session, prefix: str = "") -> dict[str, Any]:
    rows = session.scalars(select(Setting).where(col(Setting.key).startswith(prefix))).all()
    return {row.key: json.loads(row.value) for row in rows}


def settings_in(session: Session, keys: Iterable[str]) -> dict[str, Any]:
    """The stored values of these keys (those set), in one query."""
    rows = session.scalars(select(Setting).where(col(Setting.key).in_(sorted(keys)))).all()
    return {row.key: json.loads(row.value) for row in rows}
