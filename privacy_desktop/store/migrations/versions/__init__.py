"""Alembic revisions of the inventory store."""
