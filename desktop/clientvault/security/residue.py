"""Residue scanner: decrypt every page a vault has on disk and search it for erased values.

This is "the test of the recipe" in the security model: after an erasure, every page of
``vault.db``, its ``-wal`` and its ``-journal`` is decrypted with the data key and searched
for each erased value. Free pages, stale WAL frames, journal records and the unused tail of
every page are all searched, because that is where residue lives.

SQLCipher 4 page format (default settings, raw key), verified against real files by the tests:

* Pages are ``page_size`` bytes (4096). The last 80 bytes are the reserve: a 16-byte IV, then
  a 64-byte HMAC-SHA512. Everything before the reserve is AES-256-CBC ciphertext under the
  raw 32-byte key (a raw key ``x'<64 hex>'`` skips PBKDF2 for the cipher key).
* Page 1 starts with the 16-byte KDF salt in clear; its ciphertext covers bytes
  ``16 .. page_size - 80``, so its plaintext starts at page offset 16 (the SQLite header's
  first 16 bytes, "SQLite format 3", are what the salt replaces).
* HMAC key = PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes); the HMAC covers
  ciphertext ‖ IV ‖ page number (4 bytes little-endian, 1-based).
* WAL: a 32-byte header (big-endian magic ``0x377f0682``/``0x377f0683``, version, page size,
  ...), then frames of a 24-byte header (page number first, big-endian) and one page,
  encrypted exactly as in the database file (page 1 frames carry the salt too).
* Rollback journal: a header sector (magic ``d9d505f920a163d7``, record count, checksum
  seed, original size, sector size, page size, all big-endian), then records of a 4-byte
  big-endian page number, the page *as encrypted on disk*, and a 4-byte checksum. Further
  segments start with another header at the next sector boundary.

Nothing here ever puts a needle, or bytes around a hit, into a result, a ``repr`` or an
exception: needles are personal data. Results name files, slots, page numbers and needle
*indexes* only.

The scan reads files as they are; run it on a closed vault (or one whose connection is idle),
since a checkpoint running during the scan changes the files underneath it.

Not searched: ``-shm`` (the WAL index holds page numbers and hashes, never page content); the
unused rest of each journal header sector; a value split across two overflow pages (values are
searched page by page, so a needle straddling the end of one overflow page and the start of the
next is missed: keep needles short, as names and numbers are). FTS5 indexes keep terms, not
values: use ``ngrams`` for evidence there.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Final, Literal

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from clientvault.core.errors import DamagedFile

FileKind = Literal["db", "wal", "journal"]
"""Which on-disk file a page came from."""

FILE_KINDS: Final[tuple[FileKind, ...]] = ("db", "wal", "journal")

KEY_LEN: Final = 32
SALT_LEN: Final = 16
IV_LEN: Final = 16
HMAC_LEN: Final = 64
RESERVE: Final = IV_LEN + HMAC_LEN
HMAC_SALT_MASK: Final = 0x3A
HMAC_KDF_ITERATIONS: Final = 2

WAL_HEADER_LEN: Final = 32
WAL_FRAME_HEADER_LEN: Final = 24
WAL_MAGICS: Final = frozenset({0x377F0682, 0x377F0683})
JOURNAL_MAGIC: Final = bytes.fromhex("d9d505f920a163d7")
JOURNAL_HEADER_LEN: Final = 28
JOURNAL_RECORD_EXTRA: Final = 8  # 4-byte page number before the page, 4-byte checksum after it
SECTOR_SIZES: Final = (512, 1024, 2048, 4096, 8192, 16384, 32768, 65536)

# SQLite header field "text encoding" (header offset 56), i.e. plaintext offset 40 of page 1.
_TEXT_ENCODING_OFFSET: Final = 56 - SALT_LEN
_TEXT_ENCODINGS: Final = {1: "utf-8", 2: "utf-16-le", 3: "utf-16-be"}
_ALL_ENCODINGS: Final = ("utf-8", "utf-16-le", "utf-16-be")
_BTREE_PAGE_TYPES: Final = frozenset({0x02, 0x05, 0x0A, 0x0D})
_LEAF_PAGE_TYPES: Final = frozenset({0x0A, 0x0D})
_MAX_FRAGMENTED_BYTES: Final = 60  # SQLite defragments a page before it exceeds this
_BATCH_PAGES: Final = 1024  # ~4 MB of plaintext per search pass: few find() calls, bounded memory


def _valid_page_size(size: int) -> bool:
    return 512 <= size <= 65536 and size & (size - 1) == 0


@dataclass(frozen=True, slots=True)
class DecryptedPage:
    """One decrypted page slot of a vault file.

    Attributes:
        file: Which file the slot is in.
        slot: 0-based position of the slot in that file (page index, WAL frame, journal record).
        page: Database page number the slot holds (1-based; from the frame/record header).
        offset: Page offset at which ``plaintext`` starts (16 on page 1, where the salt sits).
        hmac_ok: Whether the page's HMAC verified (False: damaged, wrong key or wrong salt).
        blank: The slot is all zero bytes (never written); ``plaintext`` is then empty.
        plaintext: Decrypted bytes up to the reserve. Personal data: never shown in ``repr``.
    """

    file: FileKind
    slot: int
    page: int
    offset: int
    hmac_ok: bool
    blank: bool
    plaintext: bytes = field(repr=False)

    @property
    def looks_like_btree(self) -> bool:
        """Whether the plaintext starts like a SQLite b-tree page.

        AES decryption does not depend on the salt, so this tells a right key apart from a
        wrong one even when page 1 (and with it the salt, hence every HMAC) is damaged: with
        the right key most pages look like b-tree pages; with a wrong key almost none do.
        """
        h = 100 - self.offset if self.page == 1 else 0  # page 1's b-tree header follows the 100-byte db header
        text = self.plaintext
        if len(text) < h + 12 or text[h] not in _BTREE_PAGE_TYPES:
            return False
        usable = len(text) + self.offset
        first_free = int.from_bytes(text[h + 1 : h + 3], "big")
        cells = int.from_bytes(text[h + 3 : h + 5], "big")
        content = int.from_bytes(text[h + 5 : h + 7], "big") or 65536
        pointers_end = self.offset + h + (8 if text[h] in _LEAF_PAGE_TYPES else 12) + 2 * cells
        return (
            (first_free == 0 or pointers_end <= first_free < usable)
            and pointers_end <= content <= usable
            and text[h + 7] <= _MAX_FRAGMENTED_BYTES
        )


@dataclass(frozen=True, slots=True)
class PageRef:
    """A page slot, named without its content."""

    file: FileKind
    slot: int
    page: int


@dataclass(frozen=True, slots=True)
class ResidueHit:
    """A needle found in a decrypted page. Names the needle by index only.

    Attributes:
        file: Which file the page is in.
        slot: 0-based slot in that file.
        page: Database page number.
        needle: Index of the needle in the sequence given to :func:`scan_residue`.
        encoding: Text encoding the needle matched in ("utf-8", "utf-16-le", "utf-16-be").
    """

    file: FileKind
    slot: int
    page: int
    needle: int
    encoding: str


@dataclass(frozen=True, slots=True)
class NgramEvidence:
    """How many of one needle's distinct n-grams occur anywhere in the decrypted pages.

    An FTS5 index holds a value as short terms (trigrams with the trigram tokenizer; unigrams and
    bigrams when the text is pre-split), stored prefix-compressed, so a whole value left in an
    index is not found by the value search; its n-grams partly are. N-grams also occur in
    unrelated records, so this is evidence to compare (with a vault that never held the value,
    or with and without FTS5 secure-delete), not a zero-or-not verdict.
    """

    needle: int
    n: int
    found: int
    total: int


@dataclass(frozen=True, slots=True)
class FileScan:
    """Page counts for one file.

    Attributes:
        kind: Which file.
        present: Whether the file exists.
        size: File size in bytes.
        pages: Page slots decrypted and searched (blank slots included).
        verified: Slots whose HMAC verified.
        blank: All-zero slots (nothing to decrypt, nothing to leak).
        tail_bytes: Bytes at the end too short to form a slot (not searched).
    """

    kind: FileKind
    present: bool
    size: int = 0
    pages: int = 0
    verified: int = 0
    blank: int = 0
    tail_bytes: int = 0


@dataclass(frozen=True, slots=True)
class ResidueReport:
    """Outcome of :func:`scan_residue`. Holds no needle value and no page content.

    Attributes:
        files: One entry per file kind, in the order db, wal, journal.
        hits: Every (slot, needle, encoding) with at least one match, in scan order.
        bad_hmac_pages: Non-blank slots whose HMAC failed (damaged, or all of them: wrong key).
        key_verified: At least one page verified, so the key (and salt) are right.
        needle_count: How many needles were searched.
        encodings: Encodings each needle was searched in.
        ngram_evidence: Per needle, when n-gram evidence was asked for.
    """

    files: tuple[FileScan, ...]
    hits: tuple[ResidueHit, ...]
    bad_hmac_pages: tuple[PageRef, ...]
    key_verified: bool
    needle_count: int
    encodings: tuple[str, ...]
    ngram_evidence: tuple[NgramEvidence, ...] = ()

    def file(self, kind: FileKind) -> FileScan:
        """Return the counts for one file kind."""
        return next(f for f in self.files if f.kind == kind)

    @property
    def wrong_key(self) -> bool:
        """No page verified although there were pages: the key (or page 1's salt) is wrong.

        Nothing can be concluded about residue then; see :attr:`DecryptedPage.looks_like_btree`
        to tell a damaged salt from a wrong key.
        """
        return not self.key_verified and any(f.pages > f.blank for f in self.files)

    @property
    def clean(self) -> bool:
        """True only if the scan proves no residue: key verified, every slot verified, no hits."""
        return (
            not self.wrong_key
            and not self.hits
            and not self.bad_hmac_pages
            and all(f.tail_bytes == 0 for f in self.files)
        )

    def __str__(self) -> str:
        counts = ", ".join(f"{f.kind}={f.pages}" for f in self.files if f.present)
        return (
            f"residue scan: pages {counts or 'none'}; hits={len(self.hits)}; "
            f"bad_hmac={len(self.bad_hmac_pages)}; key_verified={self.key_verified}; clean={self.clean}"
        )


def sidecar_path(db_path: Path, kind: FileKind) -> Path:
    """Return the path of ``db_path``'s file of the given kind (the db itself, -wal, -journal)."""
    return db_path if kind == "db" else db_path.with_name(f"{db_path.name}-{kind}")


def hmac_key(key: bytes, salt: bytes) -> bytes:
    """Derive SQLCipher 4's per-page HMAC key from the raw data key and the database salt.

    Args:
        key: The raw 32-byte data key.
        salt: The 16-byte salt stored in clear at the start of page 1.

    Returns:
        The 32-byte HMAC-SHA512 key.
    """
    masked = bytes(b ^ HMAC_SALT_MASK for b in salt)
    return hashlib.pbkdf2_hmac("sha512", key, masked, HMAC_KDF_ITERATIONS, KEY_LEN)


class _PageCipher:
    """Decrypts and verifies single pages of one page size."""

    def __init__(self, key: bytes, mac_key: bytes, page_size: int) -> None:
        self._aes = algorithms.AES(key)
        self._mac_key = mac_key
        self.page_size = page_size
        self._usable = page_size - RESERVE
        self._zero = bytes(page_size)

    def verifies(self, page: int, raw: bytes) -> bool:
        start = SALT_LEN if page == 1 else 0
        mac = hmac.digest(self._mac_key, raw[start : self._usable + IV_LEN] + page.to_bytes(4, "little"), "sha512")
        return hmac.compare_digest(mac, raw[self._usable + IV_LEN :])

    def decrypt(self, file: FileKind, slot: int, page: int, raw: bytes) -> DecryptedPage:
        start = SALT_LEN if page == 1 else 0
        if raw == self._zero:
            return DecryptedPage(file, slot, page, start, hmac_ok=False, blank=True, plaintext=b"")
        iv = raw[self._usable : self._usable + IV_LEN]
        decryptor = Cipher(self._aes, modes.CBC(iv)).decryptor()
        plaintext = decryptor.update(raw[start : self._usable]) + decryptor.finalize()
        return DecryptedPage(file, slot, page, start, self.verifies(page, raw), blank=False, plaintext=plaintext)


@dataclass(slots=True)
class _Tail:
    """Out-parameter of the slot walkers: bytes left over after the last whole slot."""

    count: int = 0


def _db_slots(f: BinaryIO, size: int, page_size: int, tail: _Tail) -> Iterator[tuple[int, int, bytes]]:
    tail.count = size % page_size
    for slot in range(size // page_size):
        yield slot, slot + 1, f.read(page_size)


def _wal_page_size(f: BinaryIO, default: int) -> int:
    header = f.read(WAL_HEADER_LEN)
    if len(header) == WAL_HEADER_LEN:
        magic, _version, size = struct.unpack(">III", header[:12])
        if magic in WAL_MAGICS and _valid_page_size(size):
            return int(size)
    return default


def _wal_slots(f: BinaryIO, size: int, page_size: int, tail: _Tail) -> Iterator[tuple[int, int, bytes]]:
    # Every frame is decrypted whatever its salts say: frames left over from before a WAL reset
    # are exactly the residue a scan is for.
    frame = WAL_FRAME_HEADER_LEN + page_size
    count = max(0, size - WAL_HEADER_LEN) // frame
    tail.count = size - WAL_HEADER_LEN - count * frame if size >= WAL_HEADER_LEN else size
    f.seek(WAL_HEADER_LEN)
    for slot in range(count):
        page = int.from_bytes(f.read(WAL_FRAME_HEADER_LEN)[:4], "big")
        yield slot, page, f.read(page_size)


def _read_at(f: BinaryIO, pos: int, n: int) -> bytes:
    f.seek(pos)
    return f.read(n)


def _journal_fields(header: bytes) -> tuple[int, int] | None:
    """Return (sector size, page size) from a journal header, or None if it is not one.

    SQLite writes a header with its magic and record count zeroed and fills them in only when
    it syncs the journal, so a live (not yet synced) header has zeros where the magic goes.
    """
    if len(header) < JOURNAL_HEADER_LEN:
        return None
    if header[:8] != JOURNAL_MAGIC and header[:12] != bytes(12):
        return None
    sector, page_size = struct.unpack(">II", header[20:28])
    if sector not in SECTOR_SIZES or not _valid_page_size(page_size):
        return None
    return sector, page_size


def _journal_page_size(f: BinaryIO, default: int) -> int:
    fields = _journal_fields(_read_at(f, 0, JOURNAL_HEADER_LEN))
    return fields[1] if fields else default


def _journal_sector(f: BinaryIO, size: int, cipher: _PageCipher) -> int:
    """Return the journal's sector size: the length of each header block."""
    fields = _journal_fields(_read_at(f, 0, JOURNAL_HEADER_LEN))
    if fields:
        return fields[0]
    # An all-zero header is what journal_mode=PERSIST leaves after a commit, records intact:
    # find where the first record starts by checking at which candidate offset one verifies.
    record = cipher.page_size + JOURNAL_RECORD_EXTRA
    for sector in SECTOR_SIZES:
        if sector + record > size:
            break
        raw = _read_at(f, sector, record)
        if cipher.verifies(int.from_bytes(raw[:4], "big"), raw[4 : 4 + cipher.page_size]):
            return sector
    return SECTOR_SIZES[0]


def _journal_slots(f: BinaryIO, size: int, cipher: _PageCipher, tail: _Tail) -> Iterator[tuple[int, int, bytes]]:
    # The record count in a header is ignored on purpose: records past it (left by an earlier,
    # longer transaction in a persisted journal) are residue too, and a live header says 0.
    # Segments are found by their headers at sector boundaries instead. A record never starts
    # with four zero bytes (page numbers start at 1), so a zero-magic header is unambiguous.
    page_size = cipher.page_size
    record = page_size + JOURNAL_RECORD_EXTRA
    sector = _journal_sector(f, size, cipher)

    def header_within(start: int, end: int) -> int | None:
        boundary = -(-start // sector) * sector
        if boundary < end and _journal_fields(_read_at(f, boundary, JOURNAL_HEADER_LEN)) == (sector, page_size):
            return boundary
        return None

    pos = sector
    slot = 0
    while pos + record <= size:
        header = header_within(pos, pos + record)
        if header is not None:
            pos = header + sector
            continue
        raw = _read_at(f, pos, record)
        yield slot, int.from_bytes(raw[:4], "big"), raw[4 : 4 + page_size]
        slot += 1
        pos += record
    # A header with no records after it yet is not leftover data.
    header = header_within(pos, size)
    if header is not None:
        pos = header + sector
    tail.count = max(0, size - pos)


def _find_salt(db_path: Path, page_size: int) -> bytes:
    """Return the database salt: page 1 of the db file, else a WAL frame holding page 1."""
    if db_path.is_file() and db_path.stat().st_size >= SALT_LEN:
        with db_path.open("rb") as f:
            return f.read(SALT_LEN)
    wal = sidecar_path(db_path, "wal")
    if wal.is_file():
        with wal.open("rb") as f:
            size = wal.stat().st_size
            page_size = _wal_page_size(f, page_size)
            for _slot, page, raw in _wal_slots(f, size, page_size, _Tail()):
                if page == 1:
                    return raw[:SALT_LEN]
    raise DamagedFile("db", "salt_missing")


def _check_args(key: bytes, page_size: int) -> None:
    if len(key) != KEY_LEN:
        raise ValueError("the data key must be 32 bytes")
    if not _valid_page_size(page_size) or page_size <= RESERVE + SALT_LEN:
        raise ValueError("page_size must be a power of two from 512 to 65536")


def _kind_of(path: Path) -> FileKind:
    if path.name.endswith("-wal"):
        return "wal"
    if path.name.endswith("-journal"):
        return "journal"
    return "db"


def _main_db(path: Path, kind: FileKind) -> Path:
    return path if kind == "db" else path.with_name(path.name.removesuffix(f"-{kind}"))


def _iter_file(
    path: Path, kind: FileKind, key: bytes, mac_key: bytes, page_size: int, tail: _Tail
) -> Iterator[DecryptedPage]:
    size = path.stat().st_size
    with path.open("rb") as f:
        if kind == "db":
            cipher = _PageCipher(key, mac_key, page_size)
            slots = _db_slots(f, size, page_size, tail)
        elif kind == "wal":
            cipher = _PageCipher(key, mac_key, _wal_page_size(f, page_size))
            slots = _wal_slots(f, size, cipher.page_size, tail)
        else:
            cipher = _PageCipher(key, mac_key, _journal_page_size(f, page_size))
            slots = _journal_slots(f, size, cipher, tail)
        for slot, page, raw in slots:
            yield cipher.decrypt(kind, slot, page, raw)


def decrypt_pages(
    path: Path,
    key: bytes,
    *,
    kind: FileKind | None = None,
    salt: bytes | None = None,
    page_size: int = 4096,
) -> Iterator[DecryptedPage]:
    """Decrypt every page slot of one vault file, in file order, verifying each HMAC.

    Damaged pages are still decrypted (CBC confines damage to two blocks) and yielded with
    ``hmac_ok=False``. For damage detection: page 1 failing while pages 2..n verify means
    page 1 is damaged, not the key wrong; if nothing verifies, ``looks_like_btree`` on pages
    2..n tells a damaged salt from a wrong key.

    Args:
        path: ``vault.db``, ``vault.db-wal`` or ``vault.db-journal``.
        key: The raw 32-byte data key.
        kind: The file kind; by default taken from the name suffix.
        salt: The database salt; by default read from the main database file (or from a
            WAL frame of page 1 when the database file is still empty).
        page_size: Page size of the database (WAL and journal headers override it).

    Yields:
        One :class:`DecryptedPage` per slot. The plaintext is personal data: keep it in memory.

    Raises:
        ValueError: The key or page size has the wrong shape.
        FileNotFoundError: ``path`` does not exist.
        DamagedFile: No salt could be found for the database.
    """
    _check_args(key, page_size)
    kind = kind or _kind_of(path)
    if salt is None:
        salt = _find_salt(_main_db(path, kind), page_size)
    yield from _iter_file(path, kind, key, hmac_key(key, salt), page_size, _Tail())


@dataclass(frozen=True, slots=True)
class _Pattern:
    needle: int
    encoding: str
    data: bytes


def _patterns(needles: Sequence[str], encodings: Sequence[str]) -> list[_Pattern]:
    # Patterns and page text are both ASCII-lower-cased before matching: a superset of "as
    # written" and "lower-cased" that also catches e.g. an upper-cased copy.
    patterns: list[_Pattern] = []
    for index, needle in enumerate(needles):
        if not needle:
            raise ValueError(f"needle {index} is empty")
        seen: set[tuple[str, bytes]] = set()
        for text in (needle, needle.lower()):
            for encoding in encodings:
                data = text.encode(encoding).lower()
                if (encoding, data) not in seen:
                    seen.add((encoding, data))
                    patterns.append(_Pattern(index, encoding, data))
    return patterns


def _ngrams(needle: str, n: int) -> list[bytes]:
    # FTS5 tokenizers fold case and index UTF-8 terms, whatever the database encoding.
    text = needle.lower()
    return sorted({text[i : i + n].encode("utf-8").lower() for i in range(len(text) - n + 1)})


class _Search:
    """Searches batches of decrypted pages for every pattern."""

    def __init__(self, patterns: list[_Pattern], ngrams: list[list[bytes]], n: int) -> None:
        self._patterns = patterns
        self._ngrams = ngrams
        self._n = n
        self._ngrams_found: list[set[bytes]] = [set() for _ in ngrams]
        self.hits: list[ResidueHit] = []

    def run(self, batch: list[DecryptedPage]) -> None:
        pages = [p for p in batch if p.plaintext]
        if not pages:
            return
        # One find() pass per pattern over ~4 MB instead of one per page: the per-call overhead
        # dominates otherwise. A match across two pages' joint is not a match and is skipped.
        starts: list[int] = []
        offset = 0
        for page in pages:
            starts.append(offset)
            offset += len(page.plaintext)
        haystack = b"".join(p.plaintext for p in pages).lower()
        found: list[tuple[int, int, str]] = []
        for pattern in self._patterns:
            pos = haystack.find(pattern.data)
            while pos >= 0:
                i = bisect_right(starts, pos) - 1
                end = starts[i] + len(pages[i].plaintext)
                if pos + len(pattern.data) <= end:
                    found.append((i, pattern.needle, pattern.encoding))
                    pos = haystack.find(pattern.data, end)
                else:
                    pos = haystack.find(pattern.data, pos + 1)
        for i, needle, encoding in sorted(set(found)):
            page = pages[i]
            self.hits.append(ResidueHit(page.file, page.slot, page.page, needle, encoding))
        for wanted, got in zip(self._ngrams, self._ngrams_found, strict=True):
            got.update(t for t in wanted if t not in got and t in haystack)

    def evidence(self) -> tuple[NgramEvidence, ...]:
        return tuple(
            NgramEvidence(i, self._n, len(got), len(wanted))
            for i, (wanted, got) in enumerate(zip(self._ngrams, self._ngrams_found, strict=True))
        )


def _db_text_encoding(db_path: Path, key: bytes, mac_key: bytes, page_size: int) -> str | None:
    if not db_path.is_file() or db_path.stat().st_size < page_size:
        return None
    with db_path.open("rb") as f:
        first = _PageCipher(key, mac_key, page_size).decrypt("db", 0, 1, f.read(page_size))
    if not first.hmac_ok:
        return None
    return _TEXT_ENCODINGS.get(
        int.from_bytes(first.plaintext[_TEXT_ENCODING_OFFSET : _TEXT_ENCODING_OFFSET + 4], "big")
    )


def scan_residue(
    db_path: Path,
    key: bytes,
    needles: Sequence[str],
    *,
    page_size: int = 4096,
    encodings: Sequence[str] | None = None,
    ngrams: int = 0,
) -> ResidueReport:
    """Decrypt every page of a vault database, its WAL and its journal, and search for needles.

    Each needle is searched as written and lower-cased (page text is compared ASCII
    case-insensitively, which covers both), in UTF-8 and in the database's own text encoding.
    Every slot is searched to its end, free pages and stale frames included, whether or not its
    HMAC verified. With no needles the scan is a page-level integrity check.

    Args:
        db_path: The ``vault.db`` file; ``-wal`` and ``-journal`` beside it are scanned if present.
        key: The raw 32-byte data key.
        needles: Erased values to look for. Keep them distinctive: a two-letter needle matches
            by chance. They never appear in the report.
        page_size: The database page size.
        encodings: Override the encodings searched (Python codec names).
        ngrams: If > 0, also count per needle how many of its n-grams occur: 3 for an FTS5
            trigram index, 2 for a bigram-split one (FTS5 stores terms prefix-compressed, so a
            whole value left in an index is invisible to the value search).

    Returns:
        The report. Check ``clean`` (or ``wrong_key``), never only ``hits``.

    Raises:
        ValueError: The key or page size has the wrong shape, or a needle is empty.
        FileNotFoundError: ``db_path`` does not exist.
        DamagedFile: No salt could be found for the database.
    """
    _check_args(key, page_size)
    if not db_path.is_file():
        raise FileNotFoundError(db_path)
    mac_key = hmac_key(key, _find_salt(db_path, page_size))
    if encodings is None:
        own = _db_text_encoding(db_path, key, mac_key, page_size)
        # Unknown (page 1 unreadable): search every encoding rather than guess.
        encodings = _ALL_ENCODINGS if own is None else tuple(dict.fromkeys(("utf-8", own)))
    search = _Search(
        _patterns(needles, encodings),
        [_ngrams(n, ngrams) for n in needles] if ngrams > 0 else [],
        ngrams,
    )
    files: list[FileScan] = []
    bad: list[PageRef] = []
    for kind in FILE_KINDS:
        path = sidecar_path(db_path, kind)
        if not path.is_file():
            files.append(FileScan(kind, present=False))
            continue
        tail = _Tail()
        pages = verified = blank = 0
        batch: list[DecryptedPage] = []
        for page in _iter_file(path, kind, key, mac_key, page_size, tail):
            pages += 1
            if page.blank:
                blank += 1
            elif page.hmac_ok:
                verified += 1
            else:
                bad.append(PageRef(page.file, page.slot, page.page))
            batch.append(page)
            if len(batch) >= _BATCH_PAGES:
                search.run(batch)
                batch = []
        search.run(batch)
        files.append(FileScan(kind, True, path.stat().st_size, pages, verified, blank, tail.count))
    return ResidueReport(
        files=tuple(files),
        hits=tuple(search.hits),
        bad_hmac_pages=tuple(bad),
        key_verified=any(f.verified for f in files),
        needle_count=len(needles),
        encodings=tuple(encodings),
        ngram_evidence=search.evidence(),
    )
