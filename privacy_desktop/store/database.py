"""The encrypted inventory database: SQLCipher file, key, pragmas, migrations, sessions.

The key (64 hex digits: 256 random bits) is handed in by the service layer, which keeps it in
the OS keyring. It is given to SQLCipher as a raw key (``PRAGMA key = "x'…'"``) by a
``creator`` function — never in an URL, which SQLAlchemy would print in some errors — and
SQLAlchemy is told to hide statement parameters, which may hold personal data.

Without the ``sqlcipher3`` package the store refuses to open (:class:`EncryptionUnavailable`)
instead of falling back to plain SQLite: personal data is never written in the clear.

At open: the key is checked, WAL is switched on, and Alembic migrations run on the open
connection after the file is copied aside (``inventory.db.backup-<revision>``) when an
upgrade is due. A file whose revision this version does not know — written by a newer
version — is refused and left untouched.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from privacy_desktop.store.errors import (
    EncryptionUnavailable,
    StoreBug,
    StoreError,
    StoreKeyRejected,
    StoreTooNew,
    classify_driver_error,
)

log = logging.getLogger(__name__)

#: The inventory file under the data directory.
STORE_FILE_NAME = "inventory.db"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: Milliseconds a connection waits for another one's write lock before giving up.
BUSY_TIMEOUT_MS = 10_000
_KEY = re.compile(r"[0-9a-f]{64}\Z")
_FILE_MODE = 0o600


def load_driver() -> ModuleType:
    """The SQLCipher DB-API module.

    Raises:
        EncryptionUnavailable: ``sqlcipher3`` cannot be imported.
    """
    try:
        import sqlcipher3
    except ImportError as error:
        raise EncryptionUnavailable(type(error).__name__) from None
    module: ModuleType = sqlcipher3
    return module


def is_valid_key(key_hex: str) -> bool:
    """Whether ``key_hex`` has the store key's form (64 lower-case hex digits)."""
    return bool(_KEY.match(key_hex))


class Database:
    """An open inventory database: hands out one :class:`Session` per unit of work.

    Sessions are never shared between threads; the pool gives each its own connection.
    """

    def __init__(self, path: Path, engine: Engine) -> None:
        self._path = path
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def path(self) -> Path:
        return self._path

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed when the block ends, rolled back on error.

        Raises:
            StoreUnavailable: the file cannot be used (full disk, locked, damaged).
            StoreBug: any other database error.
        """
        with translate_errors(self._path), self._sessions() as session, session.begin():
            yield session

    def revision(self) -> str | None:
        """The schema revision of the file (None: not migrated)."""
        with translate_errors(self._path), self._engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def close(self) -> None:
        """Close every pooled connection (the file stays as it is)."""
        self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn SQLAlchemy and driver errors into :class:`StoreError` (without their text).

    The original exception is dropped (``from None``): its message may quote a statement's
    parameters, which can be personal data.
    """
    try:
        yield
    except StoreError:
        raise
    except DBAPIError as error:
        translated = classify_driver_error(error.orig or error, str(path))
        if isinstance(translated, StoreBug):
            log.error("Database error %s in: %s", translated.detail, _statement(error))
        raise translated from None
    except SQLAlchemyError as error:
        raise StoreBug(type(error).__name__) from None
    except Exception as error:
        # A driver error raised outside SQLAlchemy (the connection's own setup).
        module = type(error).__module__
        if module.startswith(("sqlcipher3", "sqlite3")):
            raise classify_driver_error(error, str(path)) from None
        raise


def _statement(error: DBAPIError) -> str:
    # The SQL text holds only placeholders; the parameters are never logged.
    return " ".join(str(error.statement or "").split())[:200]


def open_database(
    path: Path,
    key_hex: str,
    *,
    backup: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    migrations_dir: Path = MIGRATIONS_DIR,
) -> Database:
    """Open (creating if needed) the encrypted database at ``path`` and migrate it.

    Args:
        path: the database file.
        key_hex: the 256-bit key as 64 lower-case hex digits.
        backup: copy the file aside before a migration changes it.
        busy_timeout_ms: how long a write waits for another connection's lock.
        migrations_dir: the Alembic scripts (tests add revisions of their own).

    Raises:
        EncryptionUnavailable: SQLCipher is missing (nothing is created).
        StoreKeyRejected: the key does not open the file, or it is not a database.
        StoreTooNew: the file comes from a newer version of the application.
        StoreUnavailable: the file cannot be created, read or written.
    """
    driver = load_driver()
    if not is_valid_key(key_hex):
        raise StoreKeyRejected(str(path), "malformed key")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    engine = create_engine(
        f"sqlite:///{path}",
        creator=_connector(driver, path, key_hex, busy_timeout_ms),
        module=driver,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=8,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # The driver runs in autocommit mode; SQLAlchemy's transactions begin here, so that
        # reads and writes of a unit of work are one SQLite transaction.
        connection.exec_driver_sql("BEGIN")

    try:
        with translate_errors(path):
            engine.connect().close()  # creates the file and checks the key
            if os.name == "posix":
                path.chmod(_FILE_MODE)
            _migrate(engine, path, migrations_dir, backup=backup and existed)
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine)


def _connector(
    driver: ModuleType, path: Path, key_hex: str, busy_timeout_ms: int
) -> Callable[[], Any]:
    def connect() -> Any:
        connection = driver.connect(str(path), check_same_thread=False, isolation_level=None)
        try:
            # SQLCipher logs failed decryptions on stderr; the error itself is enough.
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f"PRAGMA key = \"x'{key_hex}'\"")
            # Reading the schema is what checks the key (SQLITE_NOTADB when it is wrong).
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            # Sorts and temporary indexes stay in memory: nothing leaves the encrypted file.
            connection.execute("PRAGMA temp_store = MEMORY")
            # WAL: readers (the GUI) never wait for the scan's writes, and a commit per
            # page is cheap; persistent in the file, so a no-op after the first connection.
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            connection.close()
            raise
        return connection

    return connect


def migration_config(migrations_dir: Path = MIGRATIONS_DIR) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    return config


def head_revision(migrations_dir: Path = MIGRATIONS_DIR) -> str:
    """The newest schema revision this version knows."""
    head = ScriptDirectory.from_config(migration_config(migrations_dir)).get_current_head()
    if head is None:
        raise StoreBug("no migration scripts")
    return head


def _migrate(engine: Engine, path: Path, migrations_dir: Path, *, backup: bool) -> None:
    config = migration_config(migrations_dir)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        return
    if current is not None:
        try:
            known = script.get_revision(current) is not None
        except (CommandError, RevisionError):
            known = False
        if not known:
            raise StoreTooNew(str(path), current)
        if backup:
            _backup(engine, path, current)
    log.info("Migrating the inventory store from %s to %s", current or "empty", head)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _backup(engine: Engine, path: Path, revision: str) -> None:
    """Copy the (still encrypted) file aside before its schema changes (Vorta's
    ``backup_current_db``); the WAL is folded in first so that the copy is complete."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    target = path.with_name(f"{path.name}.backup-{revision}")
    shutil.copy2(path, target)
    if os.name == "posix":
        target.chmod(_FILE_MODE)
    log.info("Backed up the inventory store before migrating it")
