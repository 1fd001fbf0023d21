"""Migrations: numbering, statement splitting, one transaction each, refusing newer databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clientvault.core.errors import NewerDatabase
from clientvault.security.keyfile import new_key
from clientvault.storage import migrate as migrate_module
from clientvault.storage.db import Database
from clientvault.storage.migrate import Migration, latest_version, migrate, migrations, split_statements


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "m.db", new_key())
    yield database
    database.close()


def test_shipped_migrations_are_numbered_from_one() -> None:
    found = migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1)) == list(range(1, latest_version() + 1))
    assert found[0].name == "0001_foundation.sql"


def test_split_keeps_trigger_bodies_whole() -> None:
    sql = "-- comment\nCREATE TABLE a (x);\nCREATE TRIGGER t BEFORE DELETE ON a BEGIN SELECT RAISE(ABORT, 'no'); END;\n"
    parts = split_statements(sql)
    assert len(parts) == 2 and parts[1].endswith("END;")


def test_fresh_database_gets_every_migration_and_no_backup(db: Database) -> None:
    calls: list[int] = []
    assert migrate(db, backup=calls.append) == list(range(1, latest_version() + 1))
    assert calls == [] and int(db.pragma("user_version")) == latest_version()
    assert migrate(db, backup=calls.append) == []
    db.close()


def test_existing_database_is_backed_up_first_and_failures_roll_back(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate(db)
    n = latest_version()
    real = migrations()
    bad = Migration(n + 1, "x.sql", "CREATE TABLE fine (x);\nTHIS IS NOT SQL;")
    monkeypatch.setattr(migrate_module, "migrations", lambda: [*real, bad])
    calls: list[int] = []
    with pytest.raises(Exception, match="syntax error"):
        migrate(db, backup=calls.append)
    assert calls == [n]
    assert int(db.pragma("user_version")) == n
    assert db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'fine'") == 0
    db.close()


def test_newer_database_is_refused(db: Database) -> None:
    db.execute(f"PRAGMA user_version = {latest_version() + 3}")
    with pytest.raises(NewerDatabase) as info:
        migrate(db)
    assert (info.value.found, info.value.supported) == (latest_version() + 3, latest_version())
    db.close()
