"""The SQLCipher connection: keying, the on-open self-check, transactions and error mapping.

Only this package (and its repositories) writes SQL. Every statement is parameterised.

Every SQLite error raised through :class:`Database` (by a statement, or later while its rows are
fetched) is classified here and nowhere else: damaged (:class:`DamagedFile`), full
(:class:`DiskFull`), busy (:class:`VaultBusy`) or read-only (:class:`VaultReadOnly`). What fits
none of them (a syntax error, a constraint a repository did not expect) is a bug and stays as it is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from clientvault.core.errors import DamagedFile, DiskFull, VaultBusy, VaultReadOnly

log = logging.getLogger(__name__)

_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "smb3", "afs", "ncpfs", "9p", "fuse.sshfs", "davfs"}
# Sync clients rewrite files behind SQLite's back; a vault there gets corrupted or forked.
_CLOUD_MARKERS = ("dropbox", "onedrive", "google drive", "googledrive", "icloud", "坚果云", "baidunetdisk", "百度网盘")

Row = tuple[Any, ...]
CACHE_KIB = 32768

_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 5, 6, 11, 13, 26
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CANTOPEN = 3, 8, 10, 14
_SQLITE_IOERR_SHORT_READ = _SQLITE_IOERR | (2 << 8)
PAGE_SIZE = 4096  # SQLCipher 4's page size (vault.db is never created with another)


def is_network_path(path: Path) -> bool:
    """Return whether ``path`` lives on a network share (then journal mode DELETE is used)."""
    resolved = str(path.resolve())
    if os.name == "nt":
        return resolved.startswith("\\\\")
    best, fstype = "", ""
    try:
        with open("/proc/mounts", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                under = len(parts) >= 3 and (resolved == parts[1] or resolved.startswith(parts[1].rstrip("/") + "/"))
                if under and len(parts[1]) > len(best):
                    best, fstype = parts[1], parts[2]
    except OSError:
        return False
    return fstype in _NETWORK_FS


def is_cloud_sync_path(path: Path) -> bool:
    """Return whether ``path`` looks like a cloud-sync folder (refused, SECURITY.md)."""
    lowered = str(path.resolve()).casefold()
    return any(marker in lowered for marker in _CLOUD_MARKERS)


@dataclass(frozen=True)
class OpenOptions:
    """How a database is opened."""

    shared: bool = False  # on a network share: DELETE journal, FULL sync
    busy_timeout_ms: int = 5000
    cipher_log: Path | None = None  # where SQLCipher's own log goes (never stderr)


def _key_pragma(key: bytes) -> str:
    # The raw-key form: 64 hex digits, so no PBKDF2 runs on open. Hex cannot inject SQL.
    if len(key) != 32:
        raise ValueError("key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _read_only_location(path: Path) -> bool:
    """Whether ``path``'s folder (or the file itself) cannot be written: read-only mount or no permission."""
    folder = path.parent
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    return not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))


def _no_space_left(path: Path) -> bool:
    """Whether the file system holding ``path`` has (almost) no room left for its user."""
    try:
        st = os.statvfs(path.parent)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < 16 * PAGE_SIZE


def map_error(exc: BaseException, *, path: Path | None = None, damage_seen: bool = False) -> BaseException:
    """Translate a sqlite/sqlcipher error into a typed ``KnownError`` where one fits.

    Args:
        exc: the error SQLite raised.
        path: the database file, when known: tells a truncated file and a read-only folder apart.
        damage_seen: this connection already read a damaged page. SQLCipher then refuses every
            later write as "readonly", which is damage, not a read-only folder.

    Damage is ``DamagedFile("vault.db", detail)`` with detail ``"pages"`` (a page fails its check
    or SQLite finds the structure malformed), ``"truncated"`` (the file ends mid-page),
    ``"not_a_database"`` (nothing readable: wrong key or page 1; the vault service tells which),
    ``"io_error"`` (the drive or share failed to read or write) or ``"cannot_open"`` (the file
    cannot be opened although its folder is writable).
    """
    # The primary result code is reliable where messages are not (e.g. a corrupt FTS5 shadow
    # table surfaces as "vtable constructor failed", code SQLITE_CORRUPT).
    extended = int(getattr(exc, "sqlite_errorcode", 0) or 0)
    code = extended & 0xFF
    text = str(exc).lower()
    if code == _SQLITE_FULL or "database or disk is full" in text:
        return DiskFull()
    # Creating or growing the -wal/-shm files on a full disk fails as an I/O or open error.
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and path is not None and _no_space_left(path):
        return DiskFull()
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text or "database is busy" in text:
        return VaultBusy()
    if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN) or "readonly database" in text:
        if damage_seen:
            return DamagedFile("vault.db", "pages")
        if code == _SQLITE_CANTOPEN and path is not None and not _read_only_location(path):
            return DamagedFile("vault.db", "cannot_open")
        return VaultReadOnly()
    damaged = code == _SQLITE_CORRUPT or extended == _SQLITE_IOERR_SHORT_READ or "malformed" in text
    if damaged or code == _SQLITE_IOERR:
        truncated = False
        with contextlib.suppress(OSError):
            truncated = path is not None and path.stat().st_size % PAGE_SIZE != 0
        if truncated:
            return DamagedFile("vault.db", "truncated")
        if not damaged:
            if path is not None and _read_only_location(path):
                return VaultReadOnly()
            return DamagedFile("vault.db", "io_error")
        return DamagedFile("vault.db", "pages")
    if code == _SQLITE_NOTADB or "not a database" in text:
        return DamagedFile("vault.db", "not_a_database")
    return exc


class Cursor:
    """A cursor whose row fetching is classified like the statement itself.

    SQLite reads most pages while rows are fetched, not when the statement starts, so a damaged
    page surfaces in ``fetchone``/``fetchall``/iteration: those raise the same typed errors.
    """

    def __init__(self, db: Database, cursor: Any) -> None:
        self._db = db
        self._cursor = cursor

    @property
    def rowcount(self) -> int:
        """Rows changed by the statement (``-1`` for a query)."""
        return int(self._cursor.rowcount)

    @property
    def lastrowid(self) -> Any:
        """The rowid of the last inserted row."""
        return self._cursor.lastrowid

    @property
    def description(self) -> Any:
        """The column descriptions of a query."""
        return self._cursor.description

    def fetchone(self) -> Any:
        """The next row or ``None``."""
        try:
            return self._cursor.fetchone()
        except sqlcipher3.Error as exc:
            raise self._db.typed(exc) from None

    def fetchall(self) -> Any:
        """Every remaining row."""
        try:
            return self._cursor.fetchall()
        except sqlcipher3.Error as exc:
            raise self._db.typed(exc) from None

    def fetchmany(self, size: int = 100) -> Any:
        """Up to ``size`` more rows."""
        try:
            return self._cursor.fetchmany(size)
        except sqlcipher3.Error as exc:
            raise self._db.typed(exc) from None

    def close(self) -> None:
        """Release the statement before its rows are all read."""
        try:
            self._cursor.close()
        except sqlcipher3.Error as exc:
            raise self._db.typed(exc) from None

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        # No lock and no context manager per row: a long scan stays as fast as the bare cursor.
        try:
            return next(self._cursor)
        except sqlcipher3.Error as exc:
            raise self._db.typed(exc) from None


#: What share of a whole-file check the page (HMAC) check takes, and how many thousand SQLite
#: instructions the structural check runs per page (measured: 0.67 at 10 000 clients, 0.81 at
#: 100 000); only used to estimate progress.
PAGE_CHECK_SHARE = 0.15
TICKS_PER_PAGE = 0.8
#: The same for ``sqlcipher_export`` (measured: 0.20 at 10 000 clients).
EXPORT_TICKS_PER_PAGE = 0.2


class CheckStopped(Exception):
    """A whole-file check was stopped by its caller (the vault is being locked)."""


class Database:
    """One open, keyed connection. Thread-confined by the caller; a lock guards accidental sharing."""

    def __init__(self, path: Path, key: bytes, options: OpenOptions | None = None) -> None:
        self.path = path
        self.options = options or OpenOptions()
        self._lock = threading.RLock()
        self._depth = 0
        self._conn: Any = None
        #: Returns the current key after another process re-keyed the file (None: nothing changed).
        self.key_follower: Callable[[], bytes | None] | None = None
        self._damage_seen = False
        self._connect(key)

    def _map(self, exc: BaseException) -> BaseException:
        mapped = map_error(exc, path=self.path, damage_seen=self._damage_seen)
        if isinstance(mapped, DamagedFile) and mapped.detail in ("pages", "truncated"):
            self._damage_seen = True
        return mapped

    def typed(self, exc: sqlcipher3.Error) -> BaseException:
        """The typed error for ``exc`` (``exc`` itself when none fits: a bug)."""
        return self._map(exc)

    @contextlib.contextmanager
    def classified(self) -> Iterator[None]:
        """Run the block under this connection's lock; a SQLite error leaves it as a typed ``KnownError``."""
        with self._lock:
            try:
                yield
            except sqlcipher3.Error as exc:
                mapped = self._map(exc)
                if mapped is exc:
                    raise
                raise mapped from None

    def _connect(self, key: bytes) -> None:
        """Open, key and self-check a fresh connection."""
        try:
            timeout = self.options.busy_timeout_ms / 1000
            conn = sqlcipher3.connect(str(self.path), isolation_level=None, check_same_thread=False, timeout=timeout)
        except sqlcipher3.Error as exc:
            raise self._map(exc) from None
        try:
            if self.options.cipher_log is not None:
                conn.execute(f"PRAGMA cipher_log = '{_quote(str(self.options.cipher_log))}'")
                conn.execute("PRAGMA cipher_log_level = WARN")
            conn.execute(_key_pragma(key))
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self._conn = conn
            self._self_check()
        except BaseException as exc:
            self._conn = None
            conn.close()
            mapped = self._map(exc)
            if mapped is exc:
                raise
            raise mapped from None

    def _self_check(self) -> None:
        """Set and verify the pragmas SECURITY.md requires on every open."""
        c = self._conn
        c.execute(f"PRAGMA busy_timeout = {int(self.options.busy_timeout_ms)}")
        c.execute("PRAGMA secure_delete = 1")
        c.execute("PRAGMA temp_store = MEMORY")
        # A page found in the cache is already decrypted: a 32 MiB cache keeps the hot part of
        # the list and search index free of AES/HMAC work (SQLite's default is 2 MiB).
        c.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        c.execute("PRAGMA foreign_keys = ON")
        wanted = "delete" if self.options.shared else "wal"
        mode = str(c.execute(f"PRAGMA journal_mode = {wanted.upper()}").fetchone()[0]).lower()
        c.execute("PRAGMA synchronous = FULL" if self.options.shared else "PRAGMA synchronous = NORMAL")
        problems = []
        if c.execute("PRAGMA secure_delete").fetchone()[0] != 1:
            problems.append("secure_delete")
        if c.execute("PRAGMA temp_store").fetchone()[0] != 2:
            problems.append("temp_store")
        if mode != wanted:
            problems.append("journal_mode")
        if problems:
            raise DamagedFile("vault.db", "self_check:" + ",".join(problems))

    # -- queries -------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """Whether the connection has been closed (locked vault)."""
        return self._conn is None

    def _c(self) -> Any:
        if self._conn is None:
            raise VaultBusy()
        return self._conn

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Cursor:
        """Run one parameterised statement and return its cursor (fetching is classified too).

        If the file no longer opens under this connection's key and a :attr:`key_follower` is
        set, another workstation re-keyed the vault: the follower gives the current key, the
        connection is reopened under it, and the statement runs again (once, outside a
        transaction only) — a colleague's key change is never shown as damage.
        """
        try:
            with self.classified():
                return Cursor(self, self._c().execute(sql, params))
        except DamagedFile:
            if self.key_follower is None or self._depth:
                raise
            key = self.key_follower()
            if key is None:
                raise
            self.reopen(key)
            with self.classified():
                return Cursor(self, self._c().execute(sql, params))

    def executemany(self, sql: str, rows: Any) -> None:
        """Run one parameterised statement for many rows."""
        with self.classified():
            self._c().executemany(sql, rows)

    def executescript(self, sql: str) -> None:
        """Run a migration script (no parameters; only for files shipped with the app)."""
        with self.classified():
            self._c().executescript(sql)

    def one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Row | None:
        """Return the first row or ``None``."""
        row = self.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def all(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        """Return all rows (plain tuples: no row factory is set)."""
        rows: list[Row] = self.execute(sql, params).fetchall()
        return rows

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        """Return the first column of the first row (``None`` when there is no row)."""
        row = self.one(sql, params)
        return row[0] if row is not None else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; nested calls join the outer transaction.

        IMMEDIATE takes the write lock up front, so two workstations never both read-then-write
        and deadlock; the loser waits ``busy_timeout`` and then gets :class:`VaultBusy`.
        """
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            self.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
            except BaseException:
                self._depth = 0
                with contextlib.suppress(sqlcipher3.Error):
                    self._c().execute("ROLLBACK")
                raise
            self._depth = 0
            try:
                self.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlcipher3.Error):
                    self._c().execute("ROLLBACK")
                raise

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open on this connection."""
        return self._depth > 0

    def pragma(self, name: str) -> Any:
        """Read one pragma value (names are fixed strings from this codebase)."""
        if not name.replace("_", "").isalnum():
            raise ValueError("bad pragma name")
        return self.scalar(f"PRAGMA {name}")

    def checkpoint(self, *, wait_ms: int | None = None) -> bool:
        """Fold the WAL into the database and truncate it (after erasures); return whether it completed.

        Another connection holding a read transaction (another workstation reading) stops the
        checkpoint from copying the newest frames and from truncating the WAL: then old page
        versions stay on disk and this returns False. A busy database is that same answer, never
        an error: the caller's transaction has committed already. ``wait_ms`` bounds how long to
        wait for readers (default: the connection's busy timeout). In DELETE-journal mode there is
        no WAL and the answer is True.
        """
        with self._lock:
            try:
                if str(self.pragma("journal_mode")).lower() != "wal":
                    return True
                if wait_ms is not None:
                    self.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
                try:
                    row = self.one("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    if wait_ms is not None:
                        self.execute(f"PRAGMA busy_timeout = {int(self.options.busy_timeout_ms)}")
            except VaultBusy:
                return False
            # (busy, frames in the WAL, frames checkpointed): TRUNCATE leaves an empty WAL.
            return row is not None and int(row[0]) == 0 and int(row[1]) <= 0

    def integrity_problems(self, progress: Callable[[float], bool] | None = None) -> list[str]:
        """Run SQLCipher's page HMAC check and SQLite's integrity check; return the problems found.

        The strings name pages and tables only, never contents. ``progress(fraction)`` is called
        now and then with an estimate of the share done (0–0.99: SQLite tells the work done, not
        the work left; the estimate is calibrated on vaults of 10 000–100 000 clients); when it
        returns False the check stops with :class:`CheckStopped`.
        """
        pages = int(self.scalar("PRAGMA page_count") or 1)
        report = progress or (lambda _f: True)
        if not report(0.0):
            raise CheckStopped()
        # The page check runs inside one SQLCipher call (no progress, no interruption); it costs
        # about a sixth of the whole.
        problems = [str(r[0]) for r in self.all("PRAGMA cipher_integrity_check")]
        if problems:
            self._damage_seen = True
            # Reading a page that fails its HMAC puts SQLCipher's pager into an error state (later
            # writes fail as "readonly"), so the structural check runs only on a file whose pages verify.
            return problems
        ticks = [0]
        stopped = [False]

        def tick() -> int:
            ticks[0] += 1
            done = PAGE_CHECK_SHARE + (1 - PAGE_CHECK_SHARE) * ticks[0] / (TICKS_PER_PAGE * pages)
            stopped[0] = not report(min(done, 0.99))
            return 1 if stopped[0] else 0

        with self._lock:
            if progress is not None:
                self._c().set_progress_handler(tick, 1000)
            try:
                rows = self.all("PRAGMA integrity_check")
            except DamagedFile:
                rows = [("integrity_check failed",)]
            except sqlcipher3.OperationalError:
                if stopped[0]:
                    raise CheckStopped() from None
                raise
            finally:
                if progress is not None:
                    self._c().set_progress_handler(None, 0)
        problems += [str(r[0]) for r in rows if str(r[0]).lower() != "ok"]
        return problems

    def shrink_memory(self) -> None:
        """Hand this connection's page cache back (``PRAGMA shrink_memory``): after a long list was
        dropped; the next statements read (and decrypt) their pages again."""
        self.execute("PRAGMA shrink_memory")

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt every page under ``new_key`` (WAL is checkpointed first)."""
        with self._lock:
            self.checkpoint()
            self.execute(_key_pragma(new_key).replace("PRAGMA key", "PRAGMA rekey", 1))
            # SQLCipher keeps the old HMAC key for cipher_integrity_check on this connection, so
            # every page then "fails"; a fresh connection under the new key sees the file as it is.
            self.close()
            self._connect(new_key)
            # A rekey killed earlier may have left frames under the other key at the end of the
            # WAL (never committed, so never read); truncating it leaves nothing that a page
            # check would report.
            self.checkpoint()

    def export_to(self, target: Path, key: bytes, progress: Callable[[float], object] | None = None) -> None:
        """Write an encrypted copy of the whole database to ``target`` keyed with ``key``.

        ``progress(fraction)`` is called now and then with an estimate of the share copied
        (0–0.99, calibrated like :meth:`integrity_problems`); it cannot stop the copy.
        """
        with self._lock:
            c = self._c()
            if progress is not None:
                pages = int(self.scalar("PRAGMA page_count") or 1)
                ticks = [0]

                def tick() -> int:
                    ticks[0] += 1
                    progress(min(ticks[0] / (EXPORT_TICKS_PER_PAGE * pages), 0.99))
                    return 0

                c.set_progress_handler(tick, 1000)
            try:
                c.execute(f"ATTACH DATABASE '{_quote(str(target))}' AS backup KEY \"x'{key.hex()}'\"")
                try:
                    c.execute("SELECT sqlcipher_export('backup')")
                    version = int(c.execute("PRAGMA main.user_version").fetchone()[0])
                    c.execute(f"PRAGMA backup.user_version = {version}")
                finally:
                    c.execute("DETACH DATABASE backup")
            except sqlcipher3.Error as exc:
                mapped = self._map(exc)
                if mapped is exc:
                    raise
                raise mapped from None
            finally:
                if progress is not None:
                    c.set_progress_handler(None, 0)

    def reopen(self, key: bytes) -> None:
        """Reconnect under ``key`` (another process re-keyed the database meanwhile)."""
        with self._lock:
            self.close()
            self._connect(key)

    def close(self) -> None:
        """Close the connection; the key lives only inside it, so this drops the key too."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.close()
                self._conn = None


def _quote(text: str) -> str:
    return text.replace("'", "''")


def disable_core_dumps() -> None:
    """Stop the OS from writing core dumps (they would contain keys and decrypted pages)."""
    if sys.platform.startswith(("linux", "darwin")):
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        except (ImportError, ValueError, OSError):
            log.info("core dumps could not be disabled on this platform")
