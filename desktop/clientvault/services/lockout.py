"""Failed-login throttling in ``vault.lockout`` (docs/SECURITY.md "Logging in").

A small side file, because the database is not open before a login succeeds. Entries are keyed
by the 8-bit login tag and hold times only, the same for a real and an unknown name; after the
3rd consecutive failure a tag waits ``2^(n−3)`` s, at most 300 s. At the next successful login
the pending failures move into the audit log.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from clientvault.core.errors import LoginThrottled
from clientvault.security.atomic import atomic_write_bytes
from clientvault.services.context import Vault, VaultPaths
from clientvault.storage.audit import now_iso

log = logging.getLogger(__name__)

THROTTLE_AFTER = 3
THROTTLE_MAX_S = 300


class LoginThrottle:
    """Counts failures per login tag and slows the next attempts."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock

    def _read(self, paths: VaultPaths) -> dict[str, Any]:
        try:
            data = json.loads(paths.lockout.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def check(self, paths: VaultPaths, tag: str) -> None:
        """Raise :class:`LoginThrottled` while ``tag`` must wait."""
        entry = self._read(paths).get(tag)
        if entry:
            wait = float(entry.get("until", 0)) - self.clock()
            if wait > 0:
                raise LoginThrottled(int(wait) + 1)

    def failed(self, paths: VaultPaths, tag: str) -> None:
        """Count a failure under the login tag; the entry is the same whether the name exists or not."""
        data = self._read(paths)
        entry = data.get(tag) or {"failures": 0, "pending": []}
        entry["failures"] = int(entry.get("failures", 0)) + 1
        n = entry["failures"]
        entry["until"] = self.clock() + (min(2 ** (n - THROTTLE_AFTER), THROTTLE_MAX_S) if n >= THROTTLE_AFTER else 0)
        pending = list(entry.get("pending", []))[-50:]
        pending.append({"at": now_iso()})
        entry["pending"] = pending
        data[tag] = entry
        if len(data) > 300:  # bound the file: keep the most recent tags
            data = dict(sorted(data.items(), key=lambda kv: float(kv[1].get("until", 0)))[-300:])
        try:
            atomic_write_bytes(paths.lockout, json.dumps(data).encode("utf-8"))
        except OSError:
            log.warning("could not record a failed login")

    def logged_in(self, paths: VaultPaths, tag: str, vault: Vault) -> None:
        """Move failures recorded before the database was open into the audit log (for everyone).

        They are recorded by login tag (``login:<tag>``), not by user: the side file never said
        whether the name exists, and the audit log does not guess.
        """
        data = self._read(paths)
        if not data:
            return
        with vault.db.transaction():
            for entry_tag, entry in data.items():
                for p in entry.get("pending", []):
                    vault.audit.append(
                        user_id=None,
                        action="session.login",
                        obj=f"login:{str(entry_tag)[:8]}",
                        outcome="failed",
                        reason=f"recorded_at={p.get('at', '')}",
                    )
                entry["pending"] = []
        data.pop(tag, None)
        data = {k: v for k, v in data.items() if float(v.get("until", 0)) > self.clock()}
        try:
            if data:
                atomic_write_bytes(paths.lockout, json.dumps(data).encode("utf-8"))
            else:
                paths.lockout.unlink(missing_ok=True)
        except OSError:
            log.warning("could not update the failed-login file")
