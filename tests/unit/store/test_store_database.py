"""The encrypted store file: key, encryption, missing SQLCipher, migrations, driver errors.

Everything runs on real SQLCipher files. The one stand-in is the missing ``sqlcipher3``
module (its import is made to fail), since the library cannot be uninstalled for a test.
"""

from __future__ import annotations

import hashlib
import secrets
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
import sqlcipher3
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from store_helpers import EMAIL, PHONE, PORTAL, contact, start_scan

from privacy_desktop.domain.personal_data import Entity
from privacy_desktop.security.secret_store import MemorySecretStore, SecuritySecret
from privacy_desktop.services.store_access import StoreAccess
from privacy_desktop.store.database import (
    MIGRATIONS_DIR,
    STORE_FILE_NAME,
    Database,
    head_revision,
    open_database,
)
from privacy_desktop.store.errors import (
    EncryptionUnavailable,
    StoreBug,
    StoreBusy,
    StoreFull,
    StoreKeyMissing,
    StoreKeyRejected,
    StoreTooNew,
)
from privacy_desktop.store.record_writes import RecordWriter
from privacy_desktop.store.repositories import ScanRepository
from privacy_desktop.store.tables import Base


@pytest.fixture
def key() -> str:
    return secrets.token_hex(32)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / STORE_FILE_NAME


def raw_connection(path: Path, key: str) -> sqlcipher3.Connection:
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{key}'\"")
    return connection


def test_personal_data_never_reaches_the_file_in_the_clear(path: Path, key: str) -> None:
    records = [contact(number, phones=2) for number in range(1, 201)]
    secrets_in_records = {
        found.display.encode() for record in records for found in record.values
    } | {found.value.encode() for record in records for found in record.values}
    secrets_in_records |= {record.title.encode() for record in records}
    with open_database(path, key) as database:
        scans = ScanRepository(database)
        scan = start_scan(scans)
        scans.save_fields(scan.id, Entity.CONTACT, [PHONE, EMAIL], phase="records")
        RecordWriter(database).store_page(PORTAL, scan.id, Entity.CONTACT, records, phase="records")
        with database.session() as session:  # the data is really there
            stored = session.execute(text("SELECT count(*) FROM found_values")).scalar_one()
        assert stored == 600
        files = sorted(path.parent.iterdir())  # the WAL is still open: check it too
        assert any(item.name.endswith("-wal") for item in files)
        contents = b"".join(item.read_bytes() for item in files if item.is_file())
    contents += path.read_bytes()

    leaked = [value for value in secrets_in_records if value in contents]
    assert leaked == []
    assert b"SQLite format 3" not in path.read_bytes()[:16]


def test_the_standard_sqlite_library_cannot_read_the_file(path: Path, key: str) -> None:
    open_database(path, key).close()

    plain = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        plain.execute("SELECT name FROM sqlite_master").fetchall()
    plain.close()


def test_the_file_is_private_to_its_owner(path: Path, key: str) -> None:
    open_database(path, key).close()

    assert path.stat().st_mode & 0o777 == 0o600


def test_a_wrong_key_is_refused_with_a_clear_message(path: Path, key: str) -> None:
    open_database(path, key).close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    with pytest.raises(StoreKeyRejected) as caught:
        open_database(path, secrets.token_hex(32))

    message = caught.value.user_message.english()
    assert "key in the system keyring does not match" in message
    assert str(path) in message
    assert key not in str(caught.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_malformed_key_is_refused_before_the_file_is_touched(path: Path) -> None:
    with pytest.raises(StoreKeyRejected):
        open_database(path, "x'00'; DROP TABLE scans")
    assert not path.exists()


def test_without_sqlcipher_nothing_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The only stand-in of the suite: the import of sqlcipher3 fails as on a system where it
    # could not be installed (None in sys.modules makes "import sqlcipher3" raise).
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    secret_store = MemorySecretStore()
    access = StoreAccess(tmp_path, secret_store)

    with pytest.raises(EncryptionUnavailable) as caught:
        access.database()

    assert "never written to disk unencrypted" in caught.value.user_message.english()
    assert list(tmp_path.iterdir()) == []
    assert secret_store.get_secret(SecuritySecret.STORE_KEY) is None


def test_the_key_is_made_once_and_a_lost_key_is_not_replaced(tmp_path: Path) -> None:
    secret_store = MemorySecretStore()
    access = StoreAccess(tmp_path, secret_store)
    access.database()
    access.close()
    key = secret_store.get_secret(SecuritySecret.STORE_KEY)
    assert key is not None
    assert len(key) == 64
    int(key, 16)

    again = StoreAccess(tmp_path, secret_store)
    again.database()
    again.close()
    assert secret_store.get_secret(SecuritySecret.STORE_KEY) == key

    secret_store.delete_secret(SecuritySecret.STORE_KEY)
    with pytest.raises(StoreKeyMissing):
        StoreAccess(tmp_path, secret_store).database()
    assert secret_store.get_secret(SecuritySecret.STORE_KEY) is None


def test_the_migrations_create_exactly_the_mapped_schema(path: Path, key: str) -> None:
    with open_database(path, key) as database:
        assert database.revision() == head_revision()
        with database.session() as session:
            context = MigrationContext.configure(session.connection())
            differences = compare_metadata(context, Base.metadata)

    assert differences == []


def test_a_database_from_a_newer_version_is_refused_and_left_alone(path: Path, key: str) -> None:
    open_database(path, key).close()
    connection = raw_connection(path, key)
    connection.execute("UPDATE alembic_version SET version_num = 'f00d'")
    connection.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    with pytest.raises(StoreTooNew) as caught:
        open_database(path, key)

    assert "newer version" in caught.value.user_message.english()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not list(path.parent.glob("*.backup-*"))


NEXT_REVISION = '''"""A test revision: a column more."""

import sqlalchemy as sa
from alembic import op

revision = "0002test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scans") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scans") as batch:
        batch.drop_column("note")
'''


def test_an_upgrade_copies_the_file_aside_first(path: Path, key: str, tmp_path: Path) -> None:
    with open_database(path, key) as database:
        scan = start_scan(ScanRepository(database))
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts)
    head = head_revision()
    (scripts / "versions" / "rev_0002_test.py").write_text(NEXT_REVISION.replace("{head}", head))

    with open_database(path, key, migrations_dir=scripts) as database:
        assert database.revision() == "0002test"
        with database.session() as session:
            note = session.execute(text("SELECT note FROM scans WHERE id = :id"), {"id": scan.id})
            assert note.scalar_one() is None

    backup = path.with_name(f"{path.name}.backup-{head}")
    assert backup.exists()
    with open_database(backup, key, backup=False) as old:  # same key, old schema, old data
        assert old.revision() == head
        assert ScanRepository(old).state(scan.id).info.portal == PORTAL


def fill(database: Database, scan_id: int, max_pages: int) -> None:
    """Write contacts until SQLite's own limit on the file's size (``max_page_count``)
    stops it: the same SQLITE_FULL as a full disk."""
    writer = RecordWriter(database)
    for start in range(0, 5000, 50):
        records = [contact(n, phones=3) for n in range(start + 1, start + 51)]
        with database.session() as session:
            session.execute(text(f"PRAGMA max_page_count = {max_pages}"))
            writer._upsert(session, PORTAL, scan_id, Entity.CONTACT, records)


def test_a_full_disk_is_reported_as_such(path: Path, key: str) -> None:
    with open_database(path, key) as database:
        scan = start_scan(ScanRepository(database))
        with database.session() as session:
            pages = session.execute(text("PRAGMA page_count")).scalar_one()
        with pytest.raises(StoreFull) as caught:
            fill(database, scan.id, pages + 2)

    assert "disk holding the inventory database is full" in caught.value.user_message.english()
    assert "+38050" not in str(caught.value)


def test_a_lock_held_too_long_by_another_program_is_reported(path: Path, key: str) -> None:
    with open_database(path, key, busy_timeout_ms=50) as database:
        scans = ScanRepository(database)
        other = raw_connection(path, key)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreBusy):
                start_scan(scans)
        finally:
            other.execute("ROLLBACK")
            other.close()
        start_scan(scans)  # free again


def test_a_programming_error_is_a_bug_without_the_parameters(path: Path, key: str) -> None:
    with (
        open_database(path, key) as database,
        pytest.raises(StoreBug) as caught,
        database.session() as session,
    ):
        session.execute(
            text("INSERT INTO records (portal, entity, record_id) VALUES (:p, :e, :r)"),
            {"p": "+380501234567", "e": "contact", "r": 1},
        )

    assert "+380501234567" not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__
