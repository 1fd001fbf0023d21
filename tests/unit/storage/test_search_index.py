"""The client search index really forgets deleted rows (FTS5 secure-delete on a table with content).

FTS5 stores terms prefix-compressed, so a short term can hide from a byte search; these tests
use long unique tokens, whose tails survive prefix compression, to see the index itself.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
import sqlcipher3

from clientvault.security.residue import scan_residue
from clientvault.storage.migrate import migrations, split_statements

KEY = secrets.token_bytes(32)
TAIL = "xwvutsrqpo7391"  # the part of the token that prefix compression cannot share


def _search_ddl() -> list[str]:
    sql = next(m.sql for m in migrations() if m.name.endswith("_clients.sql"))
    return [s for s in split_statements(sql) if "client_search" in s]


def _index(db: Path, ddl: list[str]) -> None:
    conn = sqlcipher3.connect(str(db), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{KEY.hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA secure_delete = 1")
    for statement in ddl:
        conn.execute(statement)
    conn.execute("BEGIN")
    for i in range(1, 400):
        conn.execute(
            "INSERT INTO client_search (rowid, u, b, pu, pb) VALUES (?, ?, ?, '', '')", (i, f"w{i} filler", "aa bb")
        )
    conn.execute("INSERT INTO client_search (rowid, u, b, pu, pb) VALUES (999, ?, 'cc', '', '')", ("zq" + TAIL,))
    conn.execute("COMMIT")
    for i in range(400, 800):  # later segments, so nothing gets merged away by chance
        conn.execute("INSERT INTO client_search (rowid, u, b, pu, pb) VALUES (?, ?, 'dd', '', '')", (i, f"v{i}"))
    assert (
        conn.execute("SELECT count(*) FROM client_search WHERE client_search MATCH ?", ("u:zq" + TAIL,)).fetchone()[0]
        == 1
    )
    conn.execute("DELETE FROM client_search WHERE rowid = 999")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_deleted_row_leaves_no_term_in_the_shipped_search_index(tmp_path: Path) -> None:
    db = tmp_path / "fts.db"
    _index(db, _search_ddl())
    report = scan_residue(db, KEY, [TAIL])
    assert report.key_verified and report.hits == ()


@pytest.mark.parametrize(
    "variant",
    ["no secure-delete", "contentless_delete"],
)
def test_the_check_sees_residue_in_weaker_index_designs(tmp_path: Path, variant: str) -> None:
    """The same check finds the term when the index is built the ways we rejected."""
    ddl = _search_ddl()
    if variant == "no secure-delete":
        ddl = [s for s in ddl if "secure-delete" not in s]
    else:
        ddl = [ddl[0].replace("u, b, pu, pb,", "u, b, pu, pb, content = '', contentless_delete = 1,"), *ddl[1:]]
    db = tmp_path / "fts.db"
    _index(db, ddl)
    assert scan_residue(db, KEY, [TAIL]).hits != ()
