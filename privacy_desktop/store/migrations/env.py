"""Alembic environment: migrations run on a connection the application already opened.

``store.database`` opens the SQLCipher file with its key, then runs ``alembic upgrade`` on
that connection (passed in ``config.attributes["connection"]``): the key never goes into an
URL or a configuration file. Without a connection there is nothing to do — the database
cannot be opened without its key from the keyring.
"""

from __future__ import annotations

from alembic import context

from privacy_desktop.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "The inventory store's migrations run from the application (store.database), "
        "which opens the encrypted file with the key from the keyring."
    )
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
