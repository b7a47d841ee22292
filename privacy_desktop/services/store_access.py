"""Opening the encrypted inventory store with its key from the OS keyring.

The key is 256 random bits (``secrets.token_hex(32)``), created the first time the store is
opened and kept only in the keyring (``SecuritySecret.STORE_KEY``). The store is opened once
and shared (its pool gives each thread its own connection); opening reads the keyring, so
the GUI calls :meth:`StoreAccess.database` on a worker the first time.
"""

from __future__ import annotations

import logging
import secrets
import threading
from pathlib import Path

from privacy_desktop.security.secret_store import SecretStore, SecuritySecret
from privacy_desktop.store.database import STORE_FILE_NAME, Database, load_driver, open_database
from privacy_desktop.store.errors import StoreKeyMissing

log = logging.getLogger(__name__)


class StoreAccess:
    """The profile's inventory store, opened on first use.

    Args:
        data_dir: where ``inventory.db`` lives.
        secret_store: where its key is kept (the keyring in the application).
    """

    def __init__(self, data_dir: Path, secret_store: SecretStore) -> None:
        self._path = data_dir / STORE_FILE_NAME
        self._secrets = secret_store
        self._lock = threading.Lock()
        self._database: Database | None = None

    @property
    def path(self) -> Path:
        return self._path

    def database(self) -> Database:
        """The open store (opened, created and migrated on the first call).

        Raises:
            EncryptionUnavailable: SQLCipher is missing; nothing is written.
            StoreKeyMissing: the file exists but the keyring has no key for it.
            StoreUnavailable: the file cannot be opened (wrong key, newer version, disk).
            KeyringUnavailable, VaultError: the keyring cannot be used.
        """
        with self._lock:
            if self._database is None:
                load_driver()  # refuse before a key is made for a store that cannot exist
                self._database = open_database(self._path, self._key())
            return self._database

    def close(self) -> None:
        with self._lock:
            if self._database is not None:
                self._database.close()
                self._database = None

    def clear(self) -> None:
        """Forget the open store when the session locks: the key and decrypted pages leave
        this process's memory with its connections.

        Safe on the GUI thread: the connections close on a short-lived thread (closing may
        fold the WAL into the file). Work in progress keeps the connection it holds; the next
        :meth:`database` call opens the store again with the key from the keyring.
        """
        with self._lock:
            database, self._database = self._database, None
        if database is not None:
            threading.Thread(target=database.close, name="store-close", daemon=True).start()

    def _key(self) -> str:
        key = self._secrets.get_secret(SecuritySecret.STORE_KEY)
        if key:
            return key
        if self._path.exists() and self._path.stat().st_size > 0:
            # A new key would not open the old file; never overwrite it silently.
            raise StoreKeyMissing(str(self._path))
        key = secrets.token_hex(32)
        self._secrets.set_secret(SecuritySecret.STORE_KEY, key)
        log.info("Created the inventory store's key in the keyring")
        return key
