"""The OS keyring facade for "remember on this workstation".

Every keyring error (no backend — the usual case on a headless Linux box —, a locked keychain,
access denied) is swallowed and reported as "not available": the caller falls back to the
password prompt. A secret is never stored anywhere else, and never in plain text.
"""

from __future__ import annotations

import base64
import logging
import secrets
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "ClientVault"


class WorkstationKeyring:
    """Stores and fetches per-slot random secrets in the OS keyring."""

    def __init__(self, backend: Any | None = None) -> None:
        # ``backend`` is a keyring backend object (tests pass an in-memory one); None = the OS default.
        self._backend = backend

    def _kr(self) -> Any:
        if self._backend is not None:
            return self._backend
        import keyring

        return keyring.get_keyring()

    def available(self) -> bool:
        """Whether a usable (non-fail, non-plaintext) keyring backend exists."""
        try:
            kr = self._kr()
            prio = float(getattr(kr, "priority", 0))
            name = type(kr).__module__ + "." + type(kr).__name__
        except Exception:
            return False
        # The "fail" backend and file-based plaintext/obfuscated backends are never acceptable.
        banned = ("keyring.backends.fail", "keyrings.alt.file", "keyrings.alt.Gnome")
        return prio > 0 and not name.startswith(banned)

    def store_new(self, account: str) -> bytes | None:
        """Create a random secret, store it under ``account``; return it, or None if no keyring."""
        if not self.available():
            return None
        secret = secrets.token_bytes(32)
        try:
            self._kr().set_password(SERVICE, account, base64.b64encode(secret).decode("ascii"))
        except Exception:
            log.info("keyring refused to store a workstation secret; falling back to passwords")
            return None
        return secret

    def fetch(self, account: str) -> bytes | None:
        """Return the secret stored under ``account``, or None (absent, or keyring unusable)."""
        if not self.available():
            return None
        try:
            value = self._kr().get_password(SERVICE, account)
        except Exception:
            log.info("keyring could not be read; falling back to passwords")
            return None
        if not value:
            return None
        try:
            return base64.b64decode(value.encode("ascii"), validate=True)
        except (ValueError, UnicodeError):
            return None

    def forget(self, account: str) -> None:
        """Delete the secret stored under ``account`` (missing is fine)."""
        if not self.available():
            return
        try:
            self._kr().delete_password(SERVICE, account)
        except Exception:
            log.info("keyring entry could not be deleted (already gone or keyring locked)")
