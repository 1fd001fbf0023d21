"""Closing the app at once: the close-time backup runs after the window is gone (issue 12).

The firm's settings decide (services/retention.py): a backup on close, a daily backup, keep N.
A scheduled backup is taken only when the vault changed since the last backup — a session that
only read, searched or revealed writes nothing worth a 260 MB copy. The close-time backup is
written on a connection of its own by a non-daemon thread: the window closes at once, the
process stays until the backup is done, and if the process is killed first the next login takes
it (:func:`unfinished_close_backup`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from clientvault.core.errors import KnownError
from clientvault.services.backup import BackupInfo, BackupService
from clientvault.services.connections import second_session
from clientvault.services.context import Vault
from clientvault.services.retention import RetentionService

log = logging.getLogger(__name__)

#: Audit actions that change nothing a backup holds (reads, logins, the backups themselves).
NO_CHANGE_ACTIONS = frozenset(
    {
        "session.login",
        "session.lock",
        "access.denied",
        "client.open",
        "sensitive.reveal",
        "locked.open",
        "locked.reveal",
        "consent.overview",
        "consent.evidence_view",
        "erasure.note_view",
        "audit.verify",
        "audit.checkpoint",
        "vault.integrity_check",
        "residue.scan",
        "key.partner_key_unlocked",
        "backup.create",
        "backup.verify",
        "backup.set_up",
    }
)
#: How far back the log is searched for the last backup (beyond it: "changed", to be safe).
LOOKBACK = 200_000


def changed_since_last_backup(vault: Vault) -> bool:
    """Whether an event that changes data was logged after the newest successful backup.

    Reads the newest events only (the audit log's key, newest first), so the answer costs the
    same at 1 000 or 1 000 000 events. No backup in the last :data:`LOOKBACK` events counts as
    changed.
    """
    db = vault.db
    head = int(db.scalar("SELECT coalesce(max(seq), 0) FROM audit"))
    last = db.scalar(
        "SELECT seq FROM audit WHERE seq > ? AND action = 'backup.create' AND outcome = 'ok' ORDER BY seq DESC LIMIT 1",
        (head - LOOKBACK,),
    )
    if last is None:
        return head > 0
    marks = ",".join("?" for _ in NO_CHANGE_ACTIONS)
    changed = db.scalar(
        f"SELECT 1 FROM audit WHERE seq > ? AND action NOT IN ({marks}) LIMIT 1", (int(last), *NO_CHANGE_ACTIONS)
    )
    return changed is not None


def close_backup_due(vault: Vault) -> bool:
    """Whether closing now should take a backup: the settings ask for one and something changed."""
    if not RetentionService(vault).settings().backup_on_close:
        return False
    backups = BackupService(vault)
    # An unplugged backups folder: the backup is tried and fails with BackupFolderError (audited,
    # and said at the next login) rather than being skipped without a word.
    return (backups.is_set_up() or backups.folder_unavailable()) and changed_since_last_backup(vault)


def unfinished_close_backup(vault: Vault) -> BackupInfo | None:
    """At login: take the close-time backup a killed process did not finish (if one is still due)."""
    if not close_backup_due(vault):
        return None
    return BackupService(vault).backup("on_close")


def finish_session(
    vault: Vault, wait_workers: Callable[[], object], progress: Callable[[float], object] | None = None
) -> threading.Thread:
    """Lock ``vault`` once its workers are done and take the close-time backup if it is due.

    Returns the (non-daemon, already started) thread: the process does not exit before it ends.
    ``vault.on_lock`` callbacks belong to the closing window: the caller clears them first.
    ``progress(fraction)`` is called from that thread while the backup is written and checked.
    """
    backup: Vault | None = None
    try:
        if close_backup_due(vault):
            backup = second_session(vault)
    except KnownError as exc:
        log.warning("close-time backup not started: %s", type(exc).__name__)

    def run() -> None:
        try:
            wait_workers()
        finally:
            vault.lock()
        if backup is None:
            return
        try:
            BackupService(backup).backup("on_close", progress=progress)
        except KnownError as exc:  # the next login takes it (unfinished_close_backup)
            log.warning("backup on close failed: %s", type(exc).__name__)
        finally:
            backup.db.close()
            backup.session.drop_keys()

    thread = threading.Thread(target=run, name="close-backup", daemon=False)
    thread.start()
    return thread
