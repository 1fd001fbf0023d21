"""Telling a damaged ``vault.db`` from one that belongs to another key (docs/SECURITY.md
"Damage classification"): used when the key from ``vault.keys`` does not open the database."""

from __future__ import annotations

from pathlib import Path

from clientvault.core.errors import DamagedFile, KeysFileError

_PAGE_SIZE = 4096  # SQLCipher 4 default; classify_damage reads the file page by page


def damage_error(db_path: Path, dk: bytes) -> KeysFileError | DamagedFile:
    """Return the error for a ``vault.db`` that the key from ``vault.keys`` does not open.

    When not one page verifies under the key, the two files do not belong together (another
    vault's file, or an old ``vault.db`` from before a rekey): ``KeysFileError("not_this_db")``.
    Otherwise the file is damaged and the detail says where.
    """
    kind = classify_damage(db_path, dk)
    if kind == "unreadable":
        return KeysFileError("not_this_db")
    return DamagedFile("vault.db", kind)


def classify_damage(db_path: Path, dk: bytes) -> str:
    """Tell a damaged first page from other damage (the key is known to be right).

    Returns:
        ``"page1"`` (only the first page, or its salt, is bad: restore from a backup),
        ``"pages"`` (later pages are bad), ``"truncated"`` (the file ends mid-page),
        ``"empty"`` (no pages) or ``"unreadable"`` (nothing verifies: not this vault's file).
    """
    from clientvault.security.residue import decrypt_pages

    try:
        size = db_path.stat().st_size
        pages = [(p.page, p.hmac_ok, p.looks_like_btree) for p in decrypt_pages(db_path, dk, kind="db") if not p.blank]
    except (OSError, ValueError, DamagedFile):
        return "unreadable"
    if not pages:
        return "empty"
    if size % _PAGE_SIZE:
        return "truncated"
    bad = {page for page, ok, _ in pages if not ok}
    if not bad:
        return "unreadable"
    if 1 not in bad:
        return "pages"
    rest = [(page, ok, btree) for page, ok, btree in pages if page != 1]
    if all(ok for _, ok, _ in rest):
        return "page1"
    # A damaged salt (page 1's first 16 bytes) breaks every HMAC; AES does not use the salt, so
    # pages that still decrypt to b-tree pages show that only page 1 is damaged.
    if rest and sum(btree for _, _, btree in rest) * 2 > len(rest):
        return "page1"
    return "unreadable"
