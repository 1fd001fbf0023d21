"""The login-time jobs, run in the background one after the other on one operation.

Everyone: the day's scheduled backup (if the firm's settings ask for it). Partner and privacy
officer also: the retention check (opens a request for each locked record whose period ended)
and consent expiry (granted consents past their end date), and the whole-file check of an erasure
whose process was killed or locked before its check finished (its certificate waits for it). One
job failing does not stop the others; each job's outcome (or exception) comes back by name.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from clientvault.core.errors import KnownError
from clientvault.core.roles import Role
from clientvault.services.backup import BackupService
from clientvault.services.changes import Changes
from clientvault.services.closing import changed_since_last_backup, unfinished_close_backup
from clientvault.services.connections import second_session
from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.ui.operations import Progress

#: The jobs wait this long after login (the main window is shown first).
START_DELAY_S = 0.5

_CONCERNS = {
    "backup": Changes(backups=True),
    "retention": Changes(requests=True),
    "consent_expiry": Changes(consent=True),
    "erasure_check": Changes(requests=True),
}


def daily_backup(vault: Vault) -> object:
    """The day's scheduled backup (set up first if a partner is logged in), or the close-time
    backup a killed process did not finish; neither when nothing changed since the last backup."""
    backups = BackupService(vault)
    backups.ensure_set_up()
    if not changed_since_last_backup(vault):
        return None
    return backups.scheduled("daily") or unfinished_close_backup(vault)


def daily_work(vault: Vault) -> Callable[[Progress], dict[str, object]]:
    """The work to hand to ``Operations.run``: each job's outcome (or exception) by name.

    The jobs run on a connection of their own (services/connections.py): at 300 000 clients they
    read for seconds, and on the window's connection every page would wait for them. They start
    :data:`START_DELAY_S` after the login, so the main window is on screen first.
    """

    def work(progress: Progress) -> dict[str, object]:
        done: dict[str, object] = {}
        # Start once the window is on screen: nothing optional competes with its first paint.
        deadline = time.monotonic() + START_DELAY_S
        while time.monotonic() < deadline:
            if progress.cancelled:
                return done
            time.sleep(0.05)
        try:
            own = second_session(vault)
        except KnownError as exc:  # locked meanwhile
            return {"backup": exc}
        jobs: list[tuple[str, Callable[[], object]]] = [("backup", lambda: daily_backup(own))]
        if own.session.role in (Role.PARTNER, Role.PRIVACY_OFFICER):
            jobs += [
                ("retention", ErasureService(own).daily_check),
                ("consent_expiry", ConsentService(own).expire_due),
                ("erasure_check", lambda: ErasureService(own).finish_pending_checks(lambda _f: not progress.cancelled)),
            ]
        try:
            for name, job in jobs:
                progress.check()
                try:
                    done[name] = job()
                except Exception as exc:  # one job failing must not stop the others
                    done[name] = exc
        finally:
            own.db.close()
            own.session.drop_keys()
        return done

    return work


def changes_of(result: dict[str, object]) -> Changes:
    """What the jobs that succeeded changed (for the pages to show)."""
    changes = Changes(audit=False)
    for name, outcome in result.items():
        if name in _CONCERNS and not isinstance(outcome, BaseException):
            changes |= _CONCERNS[name]
    return changes
