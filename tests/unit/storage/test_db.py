"""The SQLCipher connection: self-check, error mapping, transactions, rekey, export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from clientvault.core.errors import DamagedFile, DiskFull, VaultBusy, VaultReadOnly
from clientvault.security.keyfile import new_key
from clientvault.storage.db import Database, OpenOptions, is_cloud_sync_path, map_error

KEY = new_key()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "t.db", KEY)
    database.execute("CREATE TABLE t (x INTEGER)")
    yield database
    database.close()


@pytest.mark.parametrize(("shared", "journal"), [(False, "wal"), (True, "delete")])
def test_self_check_pragmas(tmp_path: Path, shared: bool, journal: str) -> None:
    db = Database(tmp_path / "t.db", KEY, OpenOptions(shared=shared))
    try:
        assert db.pragma("secure_delete") == 1
        assert db.pragma("temp_store") == 2
        assert str(db.pragma("journal_mode")).lower() == journal
        assert db.pragma("synchronous") == (2 if shared else 1)
        assert db.pragma("busy_timeout") == 5000
    finally:
        db.close()


def test_wrong_key_is_damaged_file_not_a_crash(db: Database, tmp_path: Path) -> None:
    db.close()
    with pytest.raises(DamagedFile) as info:
        Database(tmp_path / "t.db", new_key())
    assert info.value.detail == "not_a_database"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (5, VaultBusy),
        (6, VaultBusy),
        (11, DamagedFile),
        (26, DamagedFile),
        (13, DiskFull),
        (11 | (1 << 8), DamagedFile),
        (8, VaultReadOnly),  # SQLITE_READONLY: a read-only folder in DELETE-journal mode
        (14, VaultReadOnly),  # SQLITE_CANTOPEN: WAL mode cannot create -wal/-shm in a read-only folder
        (3, VaultReadOnly),  # SQLITE_PERM
        (10, DamagedFile),  # SQLITE_IOERR: the drive failed
        (10 | (2 << 8), DamagedFile),  # SQLITE_IOERR_SHORT_READ
    ],
)
def test_result_codes_map_to_known_errors(code: int, expected: type) -> None:
    exc = sqlcipher3.DatabaseError("some message")
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    assert isinstance(map_error(exc), expected)


def _error(code: int, message: str = "some message") -> sqlcipher3.Error:
    exc = sqlcipher3.OperationalError(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


def test_damage_details(tmp_path: Path) -> None:
    whole, cut = tmp_path / "whole.db", tmp_path / "cut.db"
    whole.write_bytes(b"x" * 8192)
    cut.write_bytes(b"x" * 8000)
    details = {
        "corrupt": map_error(_error(11), path=whole),
        "corrupt, cut": map_error(_error(11), path=cut),
        "short read": map_error(_error(10 | (2 << 8)), path=whole),
        "io": map_error(_error(10), path=whole),
        "not a db": map_error(_error(26), path=whole),
    }
    assert {k: (type(v), getattr(v, "detail", "")) for k, v in details.items()} == {
        "corrupt": (DamagedFile, "pages"),
        "corrupt, cut": (DamagedFile, "truncated"),
        "short read": (DamagedFile, "pages"),
        "io": (DamagedFile, "io_error"),
        "not a db": (DamagedFile, "not_a_database"),
    }


def test_readonly_after_damage_is_damage_not_a_read_only_folder(tmp_path: Path) -> None:
    # SQLCipher refuses every write as "readonly" once a page failed its HMAC on this connection.
    assert isinstance(map_error(_error(8)), VaultReadOnly)
    mapped = map_error(_error(8), path=tmp_path / "t.db", damage_seen=True)
    assert isinstance(mapped, DamagedFile) and mapped.detail == "pages"


def test_cannot_open_in_a_writable_folder_is_not_called_read_only(tmp_path: Path) -> None:
    mapped = map_error(_error(14), path=tmp_path / "t.db")
    assert isinstance(mapped, DamagedFile) and mapped.detail == "cannot_open"


def _damage_a_page_of_t(tmp_path: Path) -> Path:
    """A database whose table ``t`` spans many pages, one of them (not the root) flipped on disk."""
    path = tmp_path / "damaged.db"
    db = Database(path, KEY)
    db.execute("CREATE TABLE t (x TEXT)")
    db.executemany("INSERT INTO t VALUES (?)", [("v" * 200,) for _ in range(500)])
    db.checkpoint()
    db.close()
    data = bytearray(path.read_bytes())
    data[10 * 4096 - 300] ^= 0x5A  # page 10: a leaf of t, never read on open
    path.write_bytes(bytes(data))
    return path


def test_damage_found_while_fetching_rows_is_a_typed_error(tmp_path: Path) -> None:
    path = _damage_a_page_of_t(tmp_path)
    db = Database(path, KEY)
    try:
        with pytest.raises(DamagedFile) as info:
            db.all("SELECT x FROM t")  # the statement starts fine; the damaged page is read while fetching
        assert info.value.detail == "pages"
        with pytest.raises(DamagedFile):
            list(db.execute("SELECT x FROM t"))  # iterating the cursor too
        with pytest.raises(DamagedFile):
            db.scalar("SELECT count(*) FROM t")
        with pytest.raises(DamagedFile) as info:  # SQLCipher's "readonly" after the HMAC failure
            db.execute("INSERT INTO t VALUES ('w')")
        assert info.value.detail == "pages"
    finally:
        db.close()


def test_unknown_errors_stay_as_they_are() -> None:
    exc = sqlcipher3.OperationalError("no such table: x")
    assert map_error(exc) is exc


def test_transaction_commits_nests_and_rolls_back(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO t VALUES (1)")
        with db.transaction():
            db.execute("INSERT INTO t VALUES (2)")
            assert db.in_transaction
    assert not db.in_transaction
    with pytest.raises(RuntimeError), db.transaction():
        db.execute("INSERT INTO t VALUES (3)")
        raise RuntimeError("boom")
    assert db.all("SELECT x FROM t ORDER BY x") == [(1,), (2,)]
    db.close()


def test_integrity_is_clean_right_after_a_rekey(db: Database, tmp_path: Path) -> None:
    db.execute("INSERT INTO t VALUES (randomblob(20000))")
    new = new_key()
    db.rekey(new)
    assert db.integrity_problems() == []  # same connection: it was reopened under the new key
    db.execute("INSERT INTO t VALUES (1)")
    db.close()
    with pytest.raises(DamagedFile):
        Database(tmp_path / "t.db", KEY)
    reopened = Database(tmp_path / "t.db", new)
    assert reopened.scalar("SELECT count(*) FROM t") == 2
    reopened.close()


def test_export_is_encrypted_with_the_given_key(db: Database, tmp_path: Path) -> None:
    db.execute("INSERT INTO t VALUES (42)")
    db.execute("PRAGMA user_version = 7")
    target, key = tmp_path / "copy.db", new_key()
    db.export_to(target, key)
    db.close()
    copy = Database(target, key)
    assert copy.scalar("SELECT x FROM t") == 42 and copy.pragma("user_version") == 7
    copy.close()
    with pytest.raises(DamagedFile):
        Database(target, KEY)


def test_closed_connection_refuses_work(db: Database) -> None:
    db.close()
    assert db.closed
    with pytest.raises(VaultBusy):
        db.execute("SELECT 1")


@pytest.mark.parametrize("folder", ["Dropbox/vault", "OneDrive - Firm/vault", "坚果云/vault"])
def test_cloud_sync_folders_are_recognised(tmp_path: Path, folder: str) -> None:
    assert is_cloud_sync_path(tmp_path / folder)
    assert not is_cloud_sync_path(tmp_path / "vault")
