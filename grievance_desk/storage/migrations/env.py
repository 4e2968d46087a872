"""Alembic environment: always runs on the keyed connection the register hands it."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import grievance_desk.storage.tables  # noqa: F401  (registers the models)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    transactional_ddl=True,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
