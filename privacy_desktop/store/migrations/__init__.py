"""Alembic scripts of the inventory store, shipped inside the package (STYLE.md rule 9)."""
