"""Residue scanner against real SQLCipher files: what it finds, where, and what it never reveals."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from clientvault.core.errors import DamagedFile
from clientvault.security.residue import (
    JOURNAL_MAGIC,
    DecryptedPage,
    PageRef,
    ResidueReport,
    decrypt_pages,
    scan_residue,
    sidecar_path,
)

KEY = bytes.fromhex("5d1f0c2a9b7e43d8a6f1e2c3b4a596870f1e2d3c4b5a69788796a5b4c3d2e1f0")
NEEDLES = ("欧阳紫萱", "OuYang ZiXuan", "11010519880605123X", "紫萱会计事务所-甲-13912345678")
PAGE = 4096


def _connect(
    path: Path, *, journal_mode: str = "WAL", secure_delete: int = 1, key: bytes = KEY
) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(f"PRAGMA secure_delete = {secure_delete}")
    assert conn.execute(f"PRAGMA journal_mode = {journal_mode}").fetchone()[0] == journal_mode.lower()
    conn.execute("PRAGMA wal_autocheckpoint = 0")  # the tests decide when frames reach the db
    return conn


def _fill(conn: sqlcipher3.Connection, needles: tuple[str, ...] = NEEDLES) -> None:
    """Create a small client table holding the needles between unrelated rows."""
    conn.execute("BEGIN")
    conn.execute("CREATE TABLE IF NOT EXISTS client(id INTEGER PRIMARY KEY, name TEXT, id_no TEXT, note TEXT)")
    conn.execute("CREATE TABLE IF NOT EXISTS other(id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO other(body) VALUES (?)", [(f"无关记录 filler row {i:04d}",) for i in range(200)])
    conn.execute(
        "INSERT INTO client(name, id_no, note) VALUES (?, ?, ?)",
        (needles[0], needles[2], f"{needles[1]} / {needles[3]}"),
    )
    # A value far larger than a page lives mostly on overflow pages; it must be found there too.
    conn.execute("INSERT INTO client(name, note) VALUES ('big', ?)", ("填" * 3000 + needles[3] + "x" * 5000,))
    conn.execute("COMMIT")


def _needles_hit(report: ResidueReport, file: str) -> set[int]:
    return {h.needle for h in report.hits if h.file == file}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "vault.db"


@pytest.fixture
def committed_db(db: Path) -> Iterator[Path]:
    """A vault whose needles are checkpointed into vault.db; the connection is closed."""
    conn = _connect(db)
    _fill(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    yield db


def test_page_layout_matches_the_documented_sqlcipher_format(committed_db: Path) -> None:
    pages = list(decrypt_pages(committed_db, KEY))
    assert len(pages) == committed_db.stat().st_size // PAGE
    assert [p.page for p in pages] == list(range(1, len(pages) + 1))
    assert all(p.hmac_ok and not p.blank for p in pages)
    first = pages[0]
    # Plaintext of page 1 starts at header offset 16: page size (big-endian), then the reserve
    # byte at header offset 20, which SQLCipher sets to IV + HMAC = 80.
    assert first.offset == 16 and len(first.plaintext) == PAGE - 16 - 80
    assert int.from_bytes(first.plaintext[0:2], "big") == PAGE
    assert first.plaintext[20 - 16] == 80
    assert all(p.offset == 0 and len(p.plaintext) == PAGE - 80 for p in pages[1:])
    assert first.looks_like_btree


def test_values_in_the_database_are_found(committed_db: Path) -> None:
    report = scan_residue(committed_db, KEY, NEEDLES)
    assert report.key_verified and not report.wrong_key
    assert report.bad_hmac_pages == ()
    assert _needles_hit(report, "db") == set(range(len(NEEDLES)))
    assert not report.clean
    db_scan = report.file("db")
    assert db_scan.pages == db_scan.verified == committed_db.stat().st_size // PAGE
    assert report.encodings == ("utf-8",)


def test_lower_cased_and_upper_cased_copies_are_found(db: Path) -> None:
    conn = _connect(db)
    conn.execute("CREATE TABLE t(x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("ouyang zixuan",), ("ID 11010519880605123X".upper(),)])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    report = scan_residue(db, KEY, ["OuYang ZiXuan", "id 11010519880605123x", "not stored anywhere"])
    assert _needles_hit(report, "db") == {0, 1}


def test_secure_delete_and_truncating_checkpoint_leave_nothing(committed_db: Path) -> None:
    conn = _connect(committed_db)
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    conn.execute("BEGIN")
    conn.execute("DELETE FROM client")
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    report = scan_residue(committed_db, KEY, NEEDLES)
    assert report.hits == ()
    assert report.clean
    assert report.file("db").pages > 3  # the filler table is still there: it is a real scan
    assert not report.file("wal").present or report.file("wal").size == 0


def test_without_secure_delete_free_pages_and_cells_keep_the_values(db: Path) -> None:
    conn = _connect(db, secure_delete=0)
    _fill(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("DELETE FROM client")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] > 0  # the overflow pages were freed
    conn.close()
    report = scan_residue(db, KEY, NEEDLES)
    assert _needles_hit(report, "db") == set(range(len(NEEDLES)))
    assert report.key_verified and report.bad_hmac_pages == ()


def test_wal_frames_before_a_checkpoint_are_scanned(db: Path) -> None:
    conn = _connect(db)
    conn.execute("CREATE TABLE seed(x)")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _fill(conn)
    try:
        report = scan_residue(db, KEY, NEEDLES)
    finally:
        conn.close()
    assert _needles_hit(report, "wal") == set(range(len(NEEDLES)))
    assert _needles_hit(report, "db") == set()
    wal = report.file("wal")
    assert wal.present and wal.pages == wal.verified > 0 and wal.tail_bytes == 0
    assert (wal.size - 32) % (24 + PAGE) == 0
    assert report.bad_hmac_pages == ()


def test_stale_wal_frames_after_a_passive_checkpoint_are_residue(db: Path) -> None:
    # Insert and delete both go to the WAL; a non-truncating checkpoint copies the latest
    # (zeroed) page images into the db but leaves the earlier frames, values and all, in the WAL.
    conn = _connect(db)
    _fill(conn)
    conn.execute("DELETE FROM client")
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        passive = scan_residue(db, KEY, NEEDLES)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        truncated = scan_residue(db, KEY, NEEDLES)
    finally:
        conn.close()
    assert _needles_hit(passive, "db") == set()
    assert _needles_hit(passive, "wal") == set(range(len(NEEDLES)))
    assert truncated.clean


def test_rollback_journal_records_are_scanned_mid_transaction(db: Path) -> None:
    conn = _connect(db, journal_mode="DELETE")
    _fill(conn)
    conn.execute("BEGIN")
    conn.execute("DELETE FROM client")
    journal = sidecar_path(db, "journal")
    try:
        raw = journal.read_bytes()
        report = scan_residue(db, KEY, NEEDLES)
    finally:
        conn.execute("COMMIT")
    # Until SQLite syncs the journal, the header's magic and record count are zeros.
    assert raw[:12] == bytes(12)
    sector = int.from_bytes(raw[20:24], "big")
    scan = report.file("journal")
    assert scan.pages == scan.verified > 0 and scan.tail_bytes == 0
    assert scan.size == sector + scan.pages * (PAGE + 8)
    assert _needles_hit(report, "journal") == set(range(len(NEEDLES)))
    assert report.bad_hmac_pages == ()
    after = scan_residue(db, KEY, NEEDLES)
    conn.close()
    assert after.clean and not after.file("journal").present


def test_journal_with_several_segments_is_walked_by_headers(db: Path) -> None:
    conn = _connect(db, journal_mode="DELETE")
    conn.execute("CREATE TABLE t(x BLOB)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t VALUES (randomblob(3000))", [()] * 400)
    conn.execute("COMMIT")
    conn.execute("PRAGMA cache_size = 2")  # force cache spills, each starting a new journal segment
    conn.execute("BEGIN")
    conn.execute("UPDATE t SET x = randomblob(3000)")
    journal = sidecar_path(db, "journal")
    try:
        raw = journal.read_bytes()
        pages = list(decrypt_pages(journal, KEY))
        report = scan_residue(db, KEY, [])
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    sector = int.from_bytes(raw[20:24], "big")
    synced = [pos for pos in range(0, len(raw), sector) if raw[pos : pos + 8] == JOURNAL_MAGIC]
    assert len(synced) >= 2  # every spill synced the journal, so earlier headers carry the magic
    assert pages and all(p.hmac_ok for p in pages)
    assert len({p.page for p in pages}) == len(pages)  # each page is journalled once per transaction
    scan = report.file("journal")
    assert scan.pages == len(pages) and scan.tail_bytes == 0
    assert report.clean


def test_persisted_journal_with_zeroed_header_still_yields_its_records(db: Path) -> None:
    conn = _connect(db, journal_mode="PERSIST")
    _fill(conn)
    conn.execute("DELETE FROM client")
    conn.close()
    journal = sidecar_path(db, "journal")
    raw = journal.read_bytes()
    assert raw[:28] == bytes(28)  # PERSIST zeroes the header at commit and keeps the records
    report = scan_residue(db, KEY, NEEDLES)
    assert _needles_hit(report, "db") == set()
    assert _needles_hit(report, "journal") == set(range(len(NEEDLES)))
    assert report.file("journal").verified > 0 and report.bad_hmac_pages == ()


FTS_FILLER = [f"记账凭证 summary {i} 月度报表" for i in range(30)]


def _fts_vault(db: Path, *, fts_secure_delete: bool, secure_delete: int, with_needles: bool = True) -> None:
    conn = _connect(db, secure_delete=secure_delete)
    conn.execute("CREATE VIRTUAL TABLE search USING fts5(body, tokenize='trigram')")
    if fts_secure_delete:
        conn.execute("INSERT INTO search(search, rank) VALUES ('secure-delete', 1)")
    conn.executemany("INSERT INTO search(body) VALUES (?)", [(f,) for f in FTS_FILLER])
    if with_needles:
        conn.execute("INSERT INTO search(body) VALUES (?)", (" ".join(NEEDLES),))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert conn.execute("SELECT count(*) FROM search WHERE search MATCH ?", ('"紫萱会"',)).fetchone()[0] == 1
        conn.execute("DELETE FROM search WHERE body = ?", (" ".join(NEEDLES),))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_fts5_trigram_index_with_secure_delete_leaves_nothing(db: Path, tmp_path: Path) -> None:
    _fts_vault(db, fts_secure_delete=True, secure_delete=1)
    report = scan_residue(db, KEY, NEEDLES, ngrams=3)
    assert report.clean
    # Trigrams also occur in text that never held a needle (the schema says "USING", which has
    # "ng "), so compare with a vault that never held them: the erased one has no more.
    control = tmp_path / "control.db"
    _fts_vault(control, fts_secure_delete=True, secure_delete=1, with_needles=False)
    assert report.ngram_evidence == scan_residue(control, KEY, NEEDLES, ngrams=3).ngram_evidence
    assert all(e.total > e.found for e in report.ngram_evidence)


def test_fts5_without_any_secure_delete_keeps_the_values(db: Path) -> None:
    _fts_vault(db, fts_secure_delete=False, secure_delete=0)
    report = scan_residue(db, KEY, NEEDLES)
    assert _needles_hit(report, "db") == set(range(len(NEEDLES)))


def test_fts5_index_residue_is_only_visible_as_trigrams(db: Path, tmp_path: Path) -> None:
    # PRAGMA secure_delete zeroes the deleted content row, but without FTS5's own secure-delete
    # the index keeps the trigram terms. They are stored prefix-compressed, so the whole value
    # is not there to find (the value search says "no hits"); many of its trigrams are.
    _fts_vault(db, fts_secure_delete=False, secure_delete=1)
    report = scan_residue(db, KEY, NEEDLES, ngrams=3)
    assert report.hits == ()
    control = tmp_path / "control.db"
    _fts_vault(control, fts_secure_delete=False, secure_delete=1, with_needles=False)
    baseline = scan_residue(control, KEY, NEEDLES, ngrams=3).ngram_evidence
    for left, clean in zip(report.ngram_evidence, baseline, strict=True):
        assert left.found > clean.found


def _bigram_vault(db: Path, value: str, *, contentless_delete: bool, optimize: bool) -> None:
    """A contentless FTS5 index over pre-split bigrams with secure-delete, holding ``value`` once, then erasing it."""

    def bigrams(text: str) -> str:
        return " ".join(text[i : i + 2] for i in range(len(text) - 1))

    conn = _connect(db)
    extra = ", contentless_delete=1" if contentless_delete else ""
    conn.execute(f"CREATE VIRTUAL TABLE s USING fts5(b, content=''{extra}, tokenize='unicode61 remove_diacritics 0')")
    conn.execute("INSERT INTO s(s, rank) VALUES ('secure-delete', 1)")
    conn.executemany("INSERT INTO s(rowid, b) VALUES (?, ?)", [(i + 1, bigrams(f)) for i, f in enumerate(FTS_FILLER)])
    conn.execute("INSERT INTO s(rowid, b) VALUES (999, ?)", (bigrams(value),))
    if contentless_delete:
        conn.execute("DELETE FROM s WHERE rowid = 999")
    else:  # a plain contentless table is told the tokens to remove
        conn.execute("INSERT INTO s(s, rowid, b) VALUES ('delete', 999, ?)", (bigrams(value),))
    if optimize:
        conn.execute("INSERT INTO s(s) VALUES ('optimize')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.mark.parametrize(
    ("contentless_delete", "optimize", "residue"),
    [
        # contentless_delete=1 marks the row deleted (tombstone) but leaves its terms in the
        # segment even with secure-delete on; only rewriting the index removes them.
        (True, False, True),
        (True, True, False),
        (False, False, False),
    ],
)
def test_contentless_bigram_index_residue_shows_only_in_ngram_evidence(
    db: Path, contentless_delete: bool, optimize: bool, residue: bool
) -> None:
    value = "紫萱会计事务所"  # none of its bigrams occurs in the filler
    _bigram_vault(db, value, contentless_delete=contentless_delete, optimize=optimize)
    report = scan_residue(db, KEY, [value], ngrams=2)
    assert report.hits == () and report.bad_hmac_pages == ()  # the value search alone sees nothing either way
    (evidence,) = report.ngram_evidence
    assert evidence.total == 6
    assert (evidence.found > 0) is residue


def test_wrong_key_is_flagged_and_never_clean(committed_db: Path) -> None:
    report = scan_residue(committed_db, secrets.token_bytes(32), NEEDLES)
    assert report.wrong_key and not report.key_verified and not report.clean
    pages = committed_db.stat().st_size // PAGE
    assert report.bad_hmac_pages == tuple(PageRef("db", i, i + 1) for i in range(pages))
    assert "key_verified=False" in str(report) and "clean=False" in str(report)


def test_flipped_byte_on_page_3_is_reported_as_bad_hmac(committed_db: Path) -> None:
    data = bytearray(committed_db.read_bytes())
    data[2 * PAGE + 1000] ^= 0x01
    committed_db.write_bytes(bytes(data))
    report = scan_residue(committed_db, KEY, NEEDLES)
    assert report.bad_hmac_pages == (PageRef("db", 2, 3),)
    assert report.key_verified and not report.wrong_key and not report.clean
    assert [p.page for p in decrypt_pages(committed_db, KEY) if not p.hmac_ok] == [3]


def test_damaged_page_1_is_told_apart_from_a_wrong_key(committed_db: Path) -> None:
    original = committed_db.read_bytes()
    damaged = bytearray(original)
    damaged[200] ^= 0xFF  # inside page 1's ciphertext
    committed_db.write_bytes(bytes(damaged))
    pages = list(decrypt_pages(committed_db, KEY))
    assert not pages[0].hmac_ok and all(p.hmac_ok for p in pages[1:])

    # A damaged salt breaks every HMAC, like a wrong key; decryption itself does not use the
    # salt, so pages 2..n still look like b-tree pages with the right key and not with a wrong one.
    damaged = bytearray(original)
    damaged[3] ^= 0xFF
    committed_db.write_bytes(bytes(damaged))
    right = list(decrypt_pages(committed_db, KEY))
    wrong = list(decrypt_pages(committed_db, secrets.token_bytes(32)))
    assert not any(p.hmac_ok for p in right)
    assert sum(p.looks_like_btree for p in right[1:]) > len(right[1:]) // 2
    assert sum(p.looks_like_btree for p in wrong[1:]) <= 1  # chance alone: about 1 page in 10 000
    # With the salt supplied from elsewhere, pages 2..n verify again.
    assert all(p.hmac_ok for p in decrypt_pages(committed_db, KEY, salt=original[:16]))


def test_utf16_database_is_searched_in_its_own_encoding(db: Path) -> None:
    conn = sqlcipher3.connect(str(db), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{KEY.hex()}'\"")
    conn.execute("PRAGMA encoding = 'UTF-16le'")
    conn.execute("CREATE TABLE t(x TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (NEEDLES[0],))
    conn.close()
    report = scan_residue(db, KEY, NEEDLES[:1])
    assert report.encodings == ("utf-8", "utf-16-le")
    assert {(h.needle, h.encoding) for h in report.hits} == {(0, "utf-16-le")}


def test_reports_and_pages_never_show_a_needle(committed_db: Path) -> None:
    report = scan_residue(committed_db, KEY, NEEDLES, ngrams=3)
    assert report.hits
    page = next(p for p in decrypt_pages(committed_db, KEY) if NEEDLES[0].encode() in p.plaintext)
    shown = [repr(report), str(report), *map(repr, report.hits), *map(repr, report.files), repr(page)]
    for needle in NEEDLES:
        for form in (needle, needle.lower(), repr(needle.encode())[2:-1], repr(needle.lower().encode())[2:-1]):
            assert not any(form in text for text in shown)
    assert "plaintext" not in repr(page)


def test_with_no_needles_the_scan_is_an_integrity_check(committed_db: Path) -> None:
    report = scan_residue(committed_db, KEY, [])
    assert report.clean and report.needle_count == 0 and report.hits == ()


def test_bad_arguments_are_refused_without_echoing_them(committed_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        scan_residue(committed_db, KEY[:16], NEEDLES)
    with pytest.raises(ValueError, match="needle 1 is empty"):
        scan_residue(committed_db, KEY, ["欧阳紫萱", ""])
    with pytest.raises(ValueError, match="page_size"):
        scan_residue(committed_db, KEY, NEEDLES, page_size=4000)
    with pytest.raises(FileNotFoundError):
        scan_residue(tmp_path / "missing.db", KEY, NEEDLES)
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(DamagedFile) as caught:
        list(decrypt_pages(empty, KEY))
    assert caught.value.which == "db"


def test_btree_plausibility_reads_the_page_header() -> None:
    # An empty table leaf: type 0x0d, no freeblock, no cells, content area starting at the end.
    usable = PAGE - 80
    leaf = bytes([0x0D, 0, 0, 0, 0]) + usable.to_bytes(2, "big") + b"\x00"
    first = DecryptedPage(
        "db", 0, 1, 16, hmac_ok=True, blank=False, plaintext=bytes(84) + leaf + bytes(usable - 16 - 92)
    )
    other = DecryptedPage("wal", 3, 7, 0, hmac_ok=True, blank=False, plaintext=leaf + bytes(usable - 8))
    assert first.looks_like_btree and other.looks_like_btree
    assert not DecryptedPage("wal", 0, 2, 0, hmac_ok=False, blank=True, plaintext=b"").looks_like_btree
    beyond = leaf[:5] + (usable + 1).to_bytes(2, "big") + b"\x00"
    assert not DecryptedPage(
        "db", 1, 2, 0, hmac_ok=False, blank=False, plaintext=beyond + bytes(usable - 8)
    ).looks_like_btree
