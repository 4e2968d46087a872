"""Alembic migrations of the register: forward only, run at open, tested from every revision."""
