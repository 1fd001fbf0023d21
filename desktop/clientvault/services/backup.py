"""Encrypted backups, restore with ledger replay, and purging erased clients from backups.

Key design (docs/RETENTION.md "Backup keys"): every backup file is a ``sqlcipher_export`` copy
keyed with its **own** random key ``BK``. ``BK`` is sealed (X25519 + AES-GCM) to the vault's
backup public key; the matching private key is sealed under the partner key ``PK``. Both live
in ``backups/catalogue.json`` beside the files, never inside ``vault.db``, so a damaged vault
does not take the keys of its backups with it. Consequences:

* any session can take a scheduled backup (sealing needs only the public key);
* only a ``PK`` holder (a partner, or the recovery sheet) can open one to restore or purge it;
* a rekey (user disabled) changes ``DK`` but neither ``PK`` nor any ``BK``: backups stay
  restorable, and the disabled user's old ``DK`` opens none of them.

A backup counts only after it was reopened with its key and passed ``cipher_integrity_check``,
``integrity_check`` and a row-count comparison with the live vault; until then it is a temp
file that is removed on any failure (disk full included), so earlier backups are never touched.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clientvault.core.errors import BackupFolderError, DamagedFile, DiskFull, InvalidState, NotFound
from clientvault.core.roles import Capability
from clientvault.security import keyfile as kf
from clientvault.security.atomic import atomic_write_bytes
from clientvault.security.oplock import writing_in
from clientvault.security.sealing import (
    SealedBox,
    aad,
    new_key,
    new_keypair,
    open_box,
    open_sealed,
    seal,
    seal_to_public,
)
from clientvault.services import keyslots
from clientvault.services.context import Vault
from clientvault.services.leftovers import BEFORE_RESTORE, RESTORING, sweep_leftovers
from clientvault.services.retention import RetentionService
from clientvault.storage.audit import AuditRepository
from clientvault.storage.db import Database, OpenOptions, is_cloud_sync_path
from clientvault.storage.erasure import (
    BackupCatalogueRepository,
    CatalogueRow,
    ErasureRepository,
    LedgerEntry,
    append_audit_rows,
    audit_head,
    audit_tail,
    meta_get,
    meta_set,
    replay_ledger,
    row_counts,
    tables,
)
from clientvault.storage.migrate import migrate
from clientvault.storage.users import SettingsRepository

log = logging.getLogger(__name__)

CATALOGUE = "catalogue.json"
#: Settings key of a backups folder chosen by a partner (absent or empty: the vault's ``backups``).
FOLDER_KEY = "backup_folder"
FORMAT = "clientvault-backups"
SCHEDULED = ("on_close", "daily")
KINDS = ("manual", "on_close", "daily", "pre_restore")
#: Share of a backup's progress bar that is the copy (the rest: the copy's page and structure check).
COPY_SHARE = 0.65


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the catalogue describes it."""

    file_name: str
    kind: str
    created_at: str
    created_by: int | None
    size: int
    sha256: str
    ledger_seq: int
    row_counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did."""

    file_name: str
    replayed: int  # erasure ledger entries applied to the restored copy
    audit_carried: int  # audit events after the backup carried over from the replaced vault


@dataclass(frozen=True)
class PurgeResult:
    """What purging the backups did."""

    backups: int
    applied: int  # ledger entries applied, summed over backups
    failed: tuple[str, ...]  # files that could not be opened or checked (left untouched)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal"),
              path.with_name(path.name + "-shm")):  # fmt: skip
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


class Catalogue:
    """``backups/catalogue.json``: backup key pair, one sealed key per backup, ledger mirror."""

    def __init__(self, folder: Path, vault_id: str) -> None:
        self.path = folder / CATALOGUE
        self.vault_id = vault_id
        self.doc: dict[str, Any] = {"format": FORMAT, "version": 1, "vault_id": vault_id, "backups": [], "ledger": []}
        if self.path.exists():
            try:
                doc = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raise DamagedFile("backup_catalogue", "unreadable") from None
            if doc.get("format") != FORMAT or doc.get("vault_id") != vault_id:
                raise DamagedFile("backup_catalogue", "other_vault")
            self.doc = doc

    def save(self) -> None:
        """Write the catalogue atomically (``DiskFull`` leaves the old one intact)."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_bytes(self.path, json.dumps(self.doc, indent=1, sort_keys=True).encode("utf-8"))

    @property
    def public_key(self) -> bytes | None:
        """The backup public key, once a partner has set backups up."""
        key = self.doc.get("backup_key")
        return _unb64(key["public"]) if key else None

    def set_up(self, pk: bytes) -> None:
        """Make the backup key pair, its private half sealed under ``PK``, its public half signed.

        The catalogue is a plain file in the vault folder: anyone who can write there could put
        their own public key in it and read every later backup. The partner signing key signs the
        public key, and :meth:`seal_key` seals to it only when the signature verifies.
        """
        private, public = new_keypair()
        nonce, ct = seal(pk, private, aad("backup-private", self.vault_id))
        sig = kf.partner_signing_key(self.vault_id, pk).sign(_public_key_message(self.vault_id, public))
        self.doc["backup_key"] = {
            "public": _b64(public), "nonce": _b64(nonce), "ciphertext": _b64(ct), "sig": _b64(sig)
        }  # fmt: skip

    def private_key(self, pk: bytes) -> bytes:
        """Open the backup private key with ``PK``."""
        key = self.doc.get("backup_key")
        if not key:
            raise NotFound("backup_key", "catalogue")
        return open_sealed(pk, _unb64(key["nonce"]), _unb64(key["ciphertext"]), aad("backup-private", self.vault_id),
                           what="backup_catalogue")  # fmt: skip

    def entries(self) -> list[dict[str, Any]]:
        """The raw backup entries, oldest first."""
        return list(self.doc.get("backups", []))

    def entry(self, file_name: str) -> dict[str, Any]:
        """One raw entry."""
        for e in self.doc.get("backups", []):
            if e["file"] == file_name:
                return dict(e)
        raise NotFound("backup", file_name)

    def put(self, entry: dict[str, Any]) -> None:
        """Add or replace an entry."""
        rest = [e for e in self.doc.get("backups", []) if e["file"] != entry["file"]]
        self.doc["backups"] = sorted([*rest, entry], key=lambda e: (e["created_at"], e["file"]))

    def drop(self, file_name: str) -> None:
        """Remove an entry."""
        self.doc["backups"] = [e for e in self.doc.get("backups", []) if e["file"] != file_name]

    def seal_key(self, file_name: str, bk: bytes, signer: bytes) -> dict[str, str]:
        """Seal a backup key to the backup public key (AAD binds vault and file name).

        Raises:
            DamagedFile: ``backup_catalogue`` / ``tampered`` when the public key is not the one a
                partner signed (``signer``: the session's trusted partner signing key).
        """
        public = self.public_key
        if public is None:
            raise InvalidState("backups_not_set_up")
        key = self.doc.get("backup_key") or {}
        try:
            sig = _unb64(str(key.get("sig", "")))
        except ValueError:
            sig = b""
        if not kf.verify_signature(signer, _public_key_message(self.vault_id, public), sig):
            raise DamagedFile("backup_catalogue", "tampered")
        box = seal_to_public(public, bk, aad("backup-key", self.vault_id, file_name))
        return {"epk": _b64(box.epk), "nonce": _b64(box.nonce), "ciphertext": _b64(box.ciphertext)}

    def backup_key(self, entry: dict[str, Any], private: bytes) -> bytes:
        """Open one backup's key."""
        k = entry["key"]
        box = SealedBox(_unb64(k["epk"]), _unb64(k["nonce"]), _unb64(k["ciphertext"]))
        return open_box(private, box, aad("backup-key", self.vault_id, entry["file"]), what="backup_catalogue")

    @property
    def ledger(self) -> list[LedgerEntry]:
        """The mirrored erasure ledger."""
        return [LedgerEntry.from_json(e) for e in self.doc.get("ledger", [])]

    def merge_ledger(self, entries: list[LedgerEntry]) -> bool:
        """Add entries not yet mirrored; return whether anything changed.

        This file is plaintext: entries go through :meth:`LedgerEntry.to_json`, which keeps
        ids, dates and the legal-basis *code* only (an older mirror's typed basis is replaced).
        """
        old = list(self.doc.get("ledger", []))
        mirrored = [LedgerEntry.from_json(e).to_json() for e in old]
        known = {e["certificate_no"] for e in mirrored}
        new = [e.to_json() for e in entries if e.certificate_no not in known]
        merged = sorted([*mirrored, *new], key=lambda e: int(e["seq"]))
        if merged != old:
            self.doc["ledger"] = merged
            return True
        return False


def _info(e: dict[str, Any]) -> BackupInfo:
    return BackupInfo(e["file"], e["kind"], e["created_at"], e.get("created_by"), int(e["size"]), e["sha256"],
                      int(e.get("ledger_seq", 0)), dict(e.get("row_counts", {})))  # fmt: skip


def backup_folder(vault: Vault) -> Path:
    """The backups folder: the one a partner chose (vault settings, every workstation), else ``backups``."""
    chosen = SettingsRepository(vault.db).get(FOLDER_KEY, "")
    return Path(chosen) if chosen else vault.paths.backups


def copy_file(src: Path, dst: Path) -> None:
    """Copy one file and flush it to the disk (a module function so a test can make it fail)."""
    shutil.copyfile(src, dst)
    _fsync(dst)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system (or Windows) can fsync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def mirror_ledger(vault: Vault) -> None:
    """Copy new erasure ledger entries into ``backups/catalogue.json`` (after each erasure).

    The mirror lets a restore replay the ledger even when ``vault.db`` itself is unreadable.
    Failing to write it is logged, not raised: the ledger in the database is authoritative and
    is merged again on the next erasure, backup or restore.
    """
    try:
        folder = backup_folder(vault)
        if folder != vault.paths.backups and not (folder / CATALOGUE).is_file():
            raise OSError("backup folder unavailable")  # never start a catalogue somewhere else
        cat = Catalogue(folder, vault.vault_id)
        if cat.merge_ledger(ErasureRepository(vault.db).ledger()):
            cat.save()
    except (OSError, DiskFull, DamagedFile):
        log.warning("could not mirror the erasure ledger beside the backups")


class BackupService:
    """Backups of the open vault: take, list, verify, prune, restore, purge."""

    def __init__(self, vault: Vault, *, clock: Any = None) -> None:
        self.vault = vault
        self._clock = clock or (lambda: datetime.now(UTC))

    @property
    def folder(self) -> Path:
        """The backups folder of this vault (the vault's ``backups``, or the one a partner chose)."""
        return backup_folder(self.vault)

    def folder_unavailable(self) -> bool:
        """Whether a partner chose a backups folder that is not there now (unplugged, not mounted)."""
        folder = self.folder
        return folder != self.vault.paths.backups and not (folder / CATALOGUE).is_file()

    def _usable_folder(self) -> Path:
        """The folder to write a backup to; a chosen folder that is gone is an error, never replaced.

        Raises:
            BackupFolderError: ``unavailable`` (unplugged drive, unmounted share): nothing is written.
        """
        folder = self.folder
        if folder == self.vault.paths.backups:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        elif self.folder_unavailable():
            # A move always writes the catalogue first: without it this is an empty mount point.
            raise BackupFolderError("unavailable")
        return folder

    def _catalogue(self) -> Catalogue:
        return Catalogue(self.folder, self.vault.vault_id)

    def _pk(self) -> bytes:
        keys = self.vault.session.keys
        if keys is None or keys.pk is None:
            raise InvalidState("partner_key_unavailable")
        return keys.pk

    def _partner(self, obj: str) -> None:
        self.vault.require(Capability.BACKUP_RESTORE, obj)

    # -- listing -------------------------------------------------------------------------------

    def is_set_up(self) -> bool:
        """Whether a partner has set up backup keys (scheduled backups need it)."""
        try:
            return self._catalogue().public_key is not None
        except DamagedFile:
            return False

    def ensure_set_up(self) -> bool:
        """Make the backup key pair if a partner has not yet (so scheduled backups can run).

        Only a partner session holds ``PK``; for anyone else this does nothing. Returns whether
        backups are set up afterwards.
        """
        if self.is_set_up():
            return True
        if not self.vault.session.is_partner:
            return False
        self._usable_folder()
        cat = self._catalogue()
        cat.set_up(self._pk())
        cat.save()
        self.vault.record("backup.set_up")
        return True

    def list(self) -> list[BackupInfo]:
        """Backups, newest first (partner)."""
        self._partner("backups")
        return [_info(e) for e in reversed(self._catalogue().entries())]

    # -- moving the folder ----------------------------------------------------------------------

    def check_target(self, new: Path) -> Path:
        """Validate a new backups folder; returns it resolved (created if missing).

        Raises:
            BackupFolderError: ``not_folder``, ``not_writable``, ``inside_vault`` (except the
                vault's own ``backups``), ``cloud_sync``, ``other_vault``.
        """
        target = Path(os.path.abspath(new.expanduser()))
        vault_folder = Path(os.path.abspath(self.vault.paths.folder))
        if target == Path(os.path.abspath(self.vault.paths.backups)):
            return self.vault.paths.backups
        if target == vault_folder or vault_folder in target.parents:
            raise BackupFolderError("inside_vault")
        if is_cloud_sync_path(target):
            raise BackupFolderError("cloud_sync")
        if target.exists() and not target.is_dir():
            raise BackupFolderError("not_folder")
        try:
            target.mkdir(parents=True, exist_ok=True, mode=0o700)
        except FileExistsError:
            raise BackupFolderError("not_folder") from None
        except OSError:
            raise BackupFolderError("not_writable") from None
        probe = target / f".clientvault-probe-{os.getpid()}"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError:
            raise BackupFolderError("not_writable") from None
        if (target / CATALOGUE).is_file():
            try:
                Catalogue(target, self.vault.vault_id)  # ours: leftovers of an interrupted move
            except DamagedFile:
                raise BackupFolderError("other_vault") from None
        return target

    def move_folder(self, new: Path, *, progress: Callable[[float], object] | None = None) -> Path:
        """Move every backup and the catalogue to ``new`` and make it the backups folder (partner).

        Each copy is flushed and its SHA-256 checked against the catalogue before the setting is
        switched (one transaction, audited ``settings.change`` / ``backup.folder changed``); only
        then are the old copies removed. Failing before the switch, the old folder is still the
        backups folder and complete, and the copies made so far are removed; a process killed
        half-way may leave copies in the new folder, which a move to it later overwrites.
        Returns the new folder.

        Raises:
            BackupFolderError: a refused target (see :meth:`check_target`), an unavailable
                current folder, or ``copy_failed`` (a copy could not be written); nothing was switched.
            DiskFull: the new folder's drive ran out; nothing was switched.
            DamagedFile: a copy did not match its checksum; nothing was switched.
        """
        self._partner("settings:backup_folder")
        report = progress or (lambda _f: None)
        old = self.folder
        target = self.check_target(new)
        if target == old:
            return old
        if old != self.vault.paths.backups and not (old / CATALOGUE).is_file():
            raise BackupFolderError("unavailable")
        self.ensure_set_up()
        sweep_leftovers(self.vault.paths, target)  # copies a killed earlier move left there (uncatalogued)
        with writing_in(old):
            cat = self._catalogue()
            entries = cat.entries()
            total = sum(int(e["size"]) for e in entries) or 1
            done = 0
            try:
                for e in entries:
                    src, dst = old / e["file"], target / e["file"]
                    copy_file(src, dst)
                    if _sha256(dst) != e["sha256"]:
                        _remove(dst)
                        raise DamagedFile("backup", "checksum")
                    done += int(e["size"])
                    report(done / total)
                moved = Catalogue(target, self.vault.vault_id)  # a leftover of ours at most (checked)
                moved.doc = cat.doc
                moved.save()
                _fsync_dir(target)
            except BaseException as exc:
                # Nothing was switched: the copies made so far go (they would escape a later purge).
                for e in entries:
                    _remove(target / e["file"])
                with contextlib.suppress(OSError):
                    (target / CATALOGUE).unlink()
                if isinstance(exc, OSError):
                    if exc.errno in (28, 27, 122):  # ENOSPC, EFBIG, EDQUOT
                        raise DiskFull() from None
                    raise BackupFolderError("copy_failed") from None
                raise
            with self.vault.db.transaction():
                value = "" if target == self.vault.paths.backups else str(target)
                SettingsRepository(self.vault.db).set(FOLDER_KEY, value)
                self.vault.record("settings.change", "settings:backup_folder", reason="backup.folder changed")
            # Switched: the old copies go. A backup another workstation finished meanwhile stays
            # in the old folder with its catalogue (nothing is deleted that was not copied).
            copied = {e["file"] for e in entries}
            try:
                still = {e["file"] for e in Catalogue(old, self.vault.vault_id).entries()}
            except DamagedFile:
                still = copied
            for name in copied:
                _remove(old / name)
            if still <= copied:
                with contextlib.suppress(FileNotFoundError):
                    (old / CATALOGUE).unlink()
            else:
                log.warning("a backup was taken during the move; it stays in the previous folder")
        return target

    # -- taking a backup -----------------------------------------------------------------------

    def backup(self, kind: str = "manual", *, progress: Callable[[float], object] | None = None) -> BackupInfo:
        """Take a backup and check it before it counts.

        ``manual`` and ``pre_restore`` need a partner; scheduled kinds run for any session once a
        partner has set backups up. ``progress(fraction)`` gets an estimate of the share done
        (the copy, then its check; minutes for a large vault on a slow drive).

        Raises:
            DiskFull: the disk ran out; no partial file is left and earlier backups are untouched.
            DamagedFile: the new copy failed its checks (it is deleted).
            InvalidState: ``backups_not_set_up`` for a scheduled backup before a partner set them up.
        """
        if kind not in KINDS:
            raise ValueError("kind")
        if kind not in SCHEDULED:
            self._partner("backups")
        try:
            self._usable_folder()
        except BackupFolderError:
            self._audit_failure(kind, "folder_unavailable")
            raise
        cat = self._catalogue()
        if cat.public_key is None:
            if kind in SCHEDULED:
                raise InvalidState("backups_not_set_up")
            cat.set_up(self._pk())
        now = self._clock()
        name = f"backup-{now.strftime('%Y%m%dT%H%M%S%f')}-{kind}.cvbak"
        # The temp file and the renamed, not yet catalogued file are written under the folder's
        # shared lock: a sweep (services/leftovers.py) removes them only once this process is gone.
        with writing_in(self.folder):
            entry = self._write_backup(cat, name, kind, now, progress or (lambda _f: None))
        info = _info(entry)
        with self.vault.db.transaction():
            BackupCatalogueRepository(self.vault.db).upsert(self._row(info))
            self.vault.record("backup.create", f"backup:{name}", reason=kind)
        if kind in SCHEDULED:
            self._prune(cat)
        return info

    def _write_backup(
        self, cat: Catalogue, name: str, kind: str, now: datetime, progress: Callable[[float], object]
    ) -> dict[str, Any]:
        """Export to a temp file, check it, rename it and add it to the catalogue; return the entry."""
        final = self.folder / name
        tmp = self.folder / f".{name}.tmp"
        _remove(tmp)
        bk = new_key()
        try:
            ledger_seq, counts = self._export(tmp, bk, progress)
            _fsync(tmp)
            os.replace(tmp, final)
            entry = {
                "file": name, "kind": kind, "created_at": now.isoformat(timespec="seconds"),
                "created_by": self.vault.session.user_id, "size": final.stat().st_size, "sha256": _sha256(final),
                "ledger_seq": ledger_seq, "row_counts": counts,
                "key": cat.seal_key(name, bk, self.vault.session.signer),
            }  # fmt: skip
            cat.put(entry)
            cat.merge_ledger(ErasureRepository(self.vault.db).ledger())
            try:
                cat.save()
            except BaseException:
                _remove(final)
                raise
        except OSError as exc:
            _remove(tmp)
            if exc.errno in (28, 27, 122):  # ENOSPC, EFBIG, EDQUOT
                self._audit_failure(kind, "disk_full")
                raise DiskFull() from None
            self._audit_failure(kind, "failed")
            raise
        except BaseException as exc:
            _remove(tmp)
            self._audit_failure(kind, "disk_full" if isinstance(exc, DiskFull) else "failed")
            raise
        return entry

    def _export(self, tmp: Path, bk: bytes, progress: Callable[[float], object]) -> tuple[int, dict[str, int]]:
        """Export on a connection of its own, then check the copy; returns (ledger head, row counts).

        A write that fails (disk full) leaves the attached target's pager in an error state that
        not even DETACH clears; on a private connection that is simply closed, and the vault's
        own connection never sees it.
        """
        keys = self.vault.session.keys
        assert keys is not None
        for attempt in (1, 2):
            source = Database(self.vault.paths.db, keys.dk, self.vault.db.options)
            try:
                ledger_seq = ErasureRepository(source).ledger_head() if "erasure_ledger" in tables(source) else 0
                live = row_counts(source)
                source.export_to(tmp, bk, lambda f: progress(COPY_SHARE * f))
                after = row_counts(source)
            finally:
                source.close()
            check = lambda f: progress(COPY_SHARE + (1 - COPY_SHARE) * f)  # noqa: E731
            if live == after:
                return ledger_seq, self._check_copy(tmp, bk, expected=after, progress=check)
            if attempt == 2:
                # Other workstations keep writing. sqlcipher_export copies inside one statement,
                # so from one read snapshot: the copy is consistent even though no count taken
                # outside it matches. It still must pass its page and structure checks; a busy
                # vault is never reported as a damaged backup (issue 9 item 3).
                return ledger_seq, self._check_copy(tmp, bk, progress=check)
            _remove(tmp)  # a write from elsewhere during the export: try once more
        raise AssertionError("unreachable")  # pragma: no cover

    def _audit_failure(self, kind: str, outcome: str) -> None:
        try:
            self.vault.record("backup.create", "backup", reason=kind, outcome=outcome)
        except Exception:  # the vault may itself be unable to write (disk full)
            log.warning("could not audit a failed backup")

    @staticmethod
    def _row(info: BackupInfo, status: str = "verified") -> CatalogueRow:
        return CatalogueRow(info.file_name, info.kind, info.created_at, info.created_by, info.size, info.sha256,
                            info.ledger_seq, info.row_counts, status)  # fmt: skip

    def _check_copy(
        self,
        path: Path,
        key: bytes,
        *,
        expected: dict[str, int] | None = None,
        progress: Callable[[float], object] | None = None,
    ) -> dict[str, int]:
        """Reopen a copy with its key: page HMACs, structure, row counts. Returns its counts."""
        try:
            copy = Database(path, key, OpenOptions(shared=True))
        except DamagedFile:
            raise DamagedFile("backup", "unreadable") from None
        try:
            report = progress or (lambda _f: None)

            def step(fraction: float) -> bool:
                report(fraction)
                return True  # a backup's check is not stopped half-way

            if copy.integrity_problems(step):
                raise DamagedFile("backup", "integrity")
            counts = row_counts(copy)
        finally:
            copy.close()
        if expected is not None and counts != expected:
            raise DamagedFile("backup", "row_counts")
        return counts

    def verify(self, file_name: str) -> BackupInfo:
        """Check one backup again (checksum, page HMACs, structure); raises ``DamagedFile`` if bad."""
        self._partner(f"backup:{file_name}")
        cat = self._catalogue()
        entry = cat.entry(file_name)
        path = self.folder / file_name
        try:
            bk = cat.backup_key(entry, cat.private_key(self._pk()))
            if not path.exists():
                raise DamagedFile("backup", "missing")
            if _sha256(path) != entry["sha256"]:
                raise DamagedFile("backup", "checksum")
            self._check_copy(path, bk)
        except DamagedFile:
            self.vault.record("backup.verify", f"backup:{file_name}", outcome="damaged")
            raise
        self.vault.record("backup.verify", f"backup:{file_name}")
        return _info(entry)

    def scheduled(self, trigger: str) -> BackupInfo | None:
        """Run the scheduled backup for ``trigger`` (``"on_close"`` or ``"daily"``) if the settings ask for it.

        ``daily`` takes a backup only if none was taken today. Returns None when nothing was due.

        Raises:
            BackupFolderError: ``unavailable`` when a backup is due and the chosen folder is gone.
        """
        settings = RetentionService(self.vault).settings()
        wanted = settings.backup_on_close if trigger == "on_close" else settings.backup_daily
        if wanted and self.folder_unavailable():
            return self.backup(trigger)  # the chosen folder is gone: BackupFolderError, audited
        if not self.is_set_up():
            return None
        if trigger == "on_close" and settings.backup_on_close:
            return self.backup("on_close")
        if trigger == "daily" and settings.backup_daily:
            today = self._clock().date().isoformat()
            if any(e["created_at"][:10] == today for e in self._catalogue().entries()):
                return None
            return self.backup("daily")
        return None

    def _prune(self, cat: Catalogue) -> None:
        keep = RetentionService(self.vault).settings().backup_keep
        scheduled = [e for e in cat.entries() if e["kind"] in SCHEDULED]
        old = scheduled[:-keep] if len(scheduled) > keep else []
        if not old:
            return
        for e in old:
            cat.drop(e["file"])
        cat.save()
        with self.vault.db.transaction():
            for e in old:
                _remove(self.folder / e["file"])
                BackupCatalogueRepository(self.vault.db).set_status(e["file"], "pruned")
                self.vault.record("backup.prune", f"backup:{e['file']}")

    # -- restore -------------------------------------------------------------------------------

    def restore(self, file_name: str) -> RestoreResult:
        """Replace the vault's database with a checked backup, erasures replayed (partner).

        Steps: check the backup (checksum, HMACs, structure) on a temp copy; migrate it; replay
        the erasure ledger (the live one merged with the mirror); carry over the audit events
        taken since the backup; give it the live key and generation; then swap files, keeping
        the current database aside until the new one has opened.

        Raises:
            DamagedFile: the backup is damaged; the current vault is untouched.
        """
        self._partner(f"backup:{file_name}")
        pk = self._pk()
        keys = self.vault.session.keys
        assert keys is not None
        cat = self._catalogue()
        entry = cat.entry(file_name)
        src = self.folder / file_name
        folder = self.vault.paths.folder
        work = folder / RESTORING
        # The work file exists only while this process holds the folder's shared lock; a process
        # killed at any point leaves it (or the live database moved aside) to the next sweep.
        with writing_in(folder):
            _remove(work)
            try:
                bk = cat.backup_key(entry, cat.private_key(pk))
                if not src.exists():
                    raise DamagedFile("backup", "missing")
                if _sha256(src) != entry["sha256"]:
                    raise DamagedFile("backup", "checksum")
                shutil.copyfile(src, work)
                self._check_copy(work, bk)
                replayed, carried = self._prepare(work, bk, cat, file_name)
            except BaseException as exc:
                _remove(work)
                outcome = "damaged" if isinstance(exc, DamagedFile) else "failed"
                self.vault.record("backup.restore", f"backup:{file_name}", outcome=outcome)
                raise
            # The restore's audit event is already inside the prepared copy: the swap puts the
            # restored data and its event in place in one rename.
            self._swap(work)
        keyslots.mirror_checkpoint(self.vault)
        return RestoreResult(file_name, replayed, carried)

    def _prepare(self, work: Path, bk: bytes, cat: Catalogue, file_name: str) -> tuple[int, int]:
        """Bring the temp copy up to date: schema, ledger, audit tail, generation, key.

        The ``backup.restore`` event and the backup catalogue rows are written into the copy too,
        in the same transaction, so the restore and its audit event take effect together.
        """
        live = self.vault.db
        keys = self.vault.session.keys
        assert keys is not None
        copy = Database(work, bk, OpenOptions(shared=True))
        try:
            if meta_get(copy, "vault_id") != self.vault.vault_id:
                raise DamagedFile("backup", "other_vault")
            migrate(copy)
            ledger = {e.certificate_no: e for e in cat.ledger}
            tail: list[tuple[Any, ...]] = []
            try:
                for e in ErasureRepository(live).ledger():
                    ledger[e.certificate_no] = e
                seq, head = audit_head(copy)
                same = live.one("SELECT hash FROM audit WHERE seq = ?", (seq,))
                if same is not None and str(same[0]) == head:
                    tail = audit_tail(live, seq)
            except DamagedFile:
                log.warning("the live vault is unreadable: replaying the mirrored ledger only")
            with copy.transaction():
                replayed = replay_ledger(copy, sorted(ledger.values(), key=lambda e: e.seq))
                append_audit_rows(copy, tail)
                keyslots.remember_slots(copy, keyslots.known_slots(live))
                meta_set(copy, "generation", str(self.vault.keyfile.generation))
                # The backups folder stays where the backups are (a backup from before a move names the old one).
                SettingsRepository(copy).set(FOLDER_KEY, SettingsRepository(live).get(FOLDER_KEY, ""))
                BackupCatalogueRepository(copy).replace_all([self._row(_info(e)) for e in cat.entries()])
                AuditRepository(copy, self.vault.vault_id, self.vault.session.audit_signer(self.vault.vault_id)).append(
                    user_id=self.vault.session.user_id,
                    action="backup.restore",
                    obj=f"backup:{file_name}",
                    reason=f"replayed={replayed}",
                )
            copy.rekey(keys.dk)
            if "erasure_ledger" not in tables(copy):  # pragma: no cover - migrate() created it
                raise DamagedFile("backup", "schema")
        finally:
            copy.close()
        return replayed, len(tail)

    def _swap(self, work: Path) -> None:
        """Move the live database aside, put the prepared copy in place, open it; undo on failure."""
        keys = self.vault.session.keys
        assert keys is not None
        db_path = self.vault.paths.db
        aside = db_path.with_name(BEFORE_RESTORE)
        _remove(aside)
        options = self.vault.db.options
        self.vault.db.close()
        sidecars = [db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal")]
        try:
            os.replace(db_path, aside)
            for s in sidecars:
                if s.exists():
                    os.replace(s, aside.with_name(aside.name + s.name.removeprefix(db_path.name)))
            os.replace(work, db_path)
            new = Database(db_path, keys.dk, options)
        except BaseException:
            with contextlib.suppress(OSError):
                _remove(db_path)
                os.replace(aside, db_path)
                for s in sidecars:
                    moved = aside.with_name(aside.name + s.name.removeprefix(db_path.name))
                    if moved.exists():
                        os.replace(moved, s)
            self.vault.db = Database(db_path, keys.dk, options)
            raise
        self.vault.db = new
        _remove(aside)

    # -- purge ---------------------------------------------------------------------------------

    def purge(self) -> PurgeResult:
        """Apply the erasure ledger to every backup file, so none can bring an erased client back (partner)."""
        self._partner("backups")
        sweep_leftovers(self.vault.paths, self.folder)  # killed backups' and restores' files hold data too
        cat = self._catalogue()
        private = cat.private_key(self._pk())
        ledger = ErasureRepository(self.vault.db).ledger()
        cat.merge_ledger(ledger)
        applied = 0
        failed: list[str] = []
        done = 0
        for entry in cat.entries():
            todo = [e for e in ledger if e.seq > int(entry.get("ledger_seq", 0))]
            path = self.folder / entry["file"]
            if not todo:
                done += 1
                continue
            try:
                bk = cat.backup_key(entry, private)
                if not path.exists() or _sha256(path) != entry["sha256"]:
                    raise DamagedFile("backup", "checksum")
                copy = Database(path, bk, OpenOptions(shared=True))
                try:
                    with copy.transaction():
                        n = replay_ledger(copy, todo)
                    counts = row_counts(copy)
                finally:
                    copy.close()
            except DamagedFile:
                failed.append(entry["file"])
                continue
            applied += n
            done += 1
            entry.update(size=path.stat().st_size, sha256=_sha256(path), ledger_seq=ledger[-1].seq,
                         row_counts=counts)  # fmt: skip
            cat.put(entry)
            cat.save()
        with self.vault.db.transaction():
            repo = BackupCatalogueRepository(self.vault.db)
            for e in cat.entries():
                repo.upsert(self._row(_info(e)))
            summary = f"backups={done},applied={applied},failed={len(failed)}"
            self.vault.record("backup.purge", "backups", reason=summary, outcome="ok" if not failed else "partial")
        cat.save()
        return PurgeResult(done, applied, tuple(failed))


def _public_key_message(vault_id: str, public: bytes) -> bytes:
    """What the partner signs for the backup public key (docs/SECURITY.md "Byte-exact formats")."""
    return json.dumps(["clientvault-backup-key", vault_id, _b64(public)], separators=(",", ":")).encode("ascii")
