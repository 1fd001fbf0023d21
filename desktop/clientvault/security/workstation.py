"""The OS keyring facade for "remember on this workstation".

Every keyring error (no backend — the usual case on a headless Linux box —, a locked keychain,
access denied) is swallowed and reported as "not available": the caller falls back to the
password prompt. A secret is never stored anywhere else, and never in plain text.
"""

from __future__ import annotations

import base64
import logging
import secrets
import sys
from dataclasses import dataclass
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


#: The backend module each desktop platform relies on (see packaging/README.md).
_NATIVE_BACKENDS = {"win32": "keyring.backends.Windows", "darwin": "keyring.backends.macOS"}
_NATIVE_DEFAULT = "keyring.backends.SecretService"


@dataclass(frozen=True)
class KeyringReport:
    """What keyring found on this machine (for the self-check); names of modules and classes only."""

    backend: str
    """``module.Class`` of the backend keyring chose."""
    available: bool
    """Whether that backend may hold "remember on this workstation" secrets."""
    loaded: tuple[str, ...]
    """Backend modules loaded through keyring's entry points (a frozen app without them finds none)."""
    native: str
    """The backend module this platform relies on."""

    @property
    def native_loaded(self) -> bool:
        """Whether the platform's own backend module was found and imported."""
        return self.native in self.loaded


def keyring_report(store: WorkstationKeyring | None = None) -> KeyringReport:
    """Load keyring's backends the way keyring does (entry points, by name) and name the chosen one."""
    from importlib.metadata import entry_points

    loaded = []
    for entry in entry_points(group="keyring.backends"):
        try:
            entry.load()
        except Exception:  # a backend for another platform may fail to import; keyring skips it too
            log.debug("keyring backend entry point %s could not be loaded", entry.name)
            continue
        loaded.append(entry.value.split(":", 1)[0])
    store = store or WorkstationKeyring()
    try:
        kr = store._kr()
        backend = f"{type(kr).__module__}.{type(kr).__name__}"
    except Exception:
        backend = "none"
    native = _NATIVE_BACKENDS.get(sys.platform, _NATIVE_DEFAULT)
    return KeyringReport(backend, store.available(), tuple(sorted(loaded)), native)
