"""Roles and the capability matrix of DOMAIN.md, as pure functions.

Every service call asks :func:`scope` (or :func:`require`) before it touches data, so a UI
that forgets a check still cannot leak. The matrix is data, not code, so it can be tested
exhaustively and printed in the docs.
"""

from __future__ import annotations

from enum import StrEnum

from clientvault.core.errors import AccessDenied


class Role(StrEnum):
    """The four staff roles of a bookkeeping agency."""

    PARTNER = "partner"
    ACCOUNTANT = "accountant"
    ASSISTANT = "assistant"
    PRIVACY_OFFICER = "privacy_officer"


class Capability(StrEnum):
    """Everything a service can be asked to do that a role may or may not do."""

    VIEW_CLIENTS = "view_clients"
    VIEW_CONTACTS = "view_contacts"
    REVEAL_IDS = "reveal_ids"
    REVEAL_CREDENTIALS = "reveal_credentials"
    EDIT_CLIENTS = "edit_clients"
    RECORD_CONSENT = "record_consent"
    MANAGE_PURPOSES = "manage_purposes"
    LOCK_CLIENTS = "lock_clients"
    OPEN_LOCKED = "open_locked"
    REQUEST_ERASURE = "request_erasure"
    APPROVE_ERASURE = "approve_erasure"
    EXECUTE_ERASURE = "execute_erasure"
    IMPORT_EXCEL = "import_excel"
    EXPORT = "export"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP_RESTORE = "backup_restore"
    REGISTERS = "registers"
    SCAN_RESIDUE = "scan_residue"  # search decrypted pages for values: an oracle, so partner only


class Scope(StrEnum):
    """How far a granted capability reaches. ``NONE`` means not granted."""

    NONE = "none"
    ALL = "all"
    ASSIGNED = "assigned"  # only clients the user is assigned to
    ACTIVE = "active"  # only clients whose engagement is active
    MASKED = "masked"  # may see, but only in masked form
    PROSPECTS = "prospects"  # may create prospects only
    REQUEST = "request"  # may ask; someone else decides
    APPROVE = "approve"  # may approve; someone else executes
    SMALL_MASKED = "small_masked"  # small, masked exports of own clients
    REGISTER_ONLY = "register_only"  # may see the export register, not export
    OWN = "own"  # only entries the user made or is named in
    COMPLAINTS = "complaints"  # may log complaints only


P, A, S, PO = Role.PARTNER, Role.ACCOUNTANT, Role.ASSISTANT, Role.PRIVACY_OFFICER
C = Capability

#: DOMAIN.md's role table, one row per capability: partner, accountant, assistant, privacy officer.
MATRIX: dict[Capability, dict[Role, Scope]] = {
    C.VIEW_CLIENTS: {P: Scope.ALL, A: Scope.ASSIGNED, S: Scope.ACTIVE, PO: Scope.ALL},
    C.VIEW_CONTACTS: {P: Scope.ALL, A: Scope.ASSIGNED, S: Scope.MASKED, PO: Scope.ALL},
    C.REVEAL_IDS: {P: Scope.ALL, A: Scope.ASSIGNED, S: Scope.NONE, PO: Scope.NONE},
    C.REVEAL_CREDENTIALS: {P: Scope.ALL, A: Scope.ASSIGNED, S: Scope.NONE, PO: Scope.NONE},
    C.EDIT_CLIENTS: {P: Scope.ALL, A: Scope.ASSIGNED, S: Scope.PROSPECTS, PO: Scope.NONE},
    C.RECORD_CONSENT: {P: Scope.ALL, A: Scope.ALL, S: Scope.ALL, PO: Scope.ALL},
    C.MANAGE_PURPOSES: {P: Scope.ALL, A: Scope.NONE, S: Scope.NONE, PO: Scope.ALL},
    C.LOCK_CLIENTS: {P: Scope.ALL, A: Scope.REQUEST, S: Scope.NONE, PO: Scope.NONE},
    C.OPEN_LOCKED: {P: Scope.ALL, A: Scope.NONE, S: Scope.NONE, PO: Scope.NONE},
    C.REQUEST_ERASURE: {P: Scope.ALL, A: Scope.ALL, S: Scope.NONE, PO: Scope.ALL},
    C.APPROVE_ERASURE: {P: Scope.APPROVE, A: Scope.NONE, S: Scope.NONE, PO: Scope.NONE},
    # DOMAIN.md: the privacy officer executes after approval; the erasure issue lets the partner
    # execute as well (one-step `clientvault erase`), always after an approval exists.
    C.EXECUTE_ERASURE: {P: Scope.ALL, A: Scope.NONE, S: Scope.NONE, PO: Scope.ALL},
    C.IMPORT_EXCEL: {P: Scope.ALL, A: Scope.ASSIGNED, S: Scope.NONE, PO: Scope.NONE},
    C.EXPORT: {P: Scope.ALL, A: Scope.SMALL_MASKED, S: Scope.NONE, PO: Scope.REGISTER_ONLY},
    C.VIEW_AUDIT: {P: Scope.ALL, A: Scope.NONE, S: Scope.NONE, PO: Scope.ALL},
    C.MANAGE_USERS: {P: Scope.ALL, A: Scope.NONE, S: Scope.NONE, PO: Scope.NONE},
    C.MANAGE_SETTINGS: {P: Scope.ALL, A: Scope.NONE, S: Scope.NONE, PO: Scope.NONE},
    C.BACKUP_RESTORE: {P: Scope.ALL, A: Scope.NONE, S: Scope.NONE, PO: Scope.NONE},
    C.REGISTERS: {P: Scope.ALL, A: Scope.OWN, S: Scope.COMPLAINTS, PO: Scope.ALL},
    # A residue scan answers "is this value anywhere in the file?": given the masked digits of an
    # ID and its check digit, a few thousand guesses reveal it (issue 8). Only the partner, who may
    # reveal everything anyway, may ask it.
    C.SCAN_RESIDUE: {P: Scope.ALL, A: Scope.NONE, S: Scope.NONE, PO: Scope.NONE},
}

del P, A, S, PO, C


def scope(role: Role, capability: Capability) -> Scope:
    """Return how far ``role`` may exercise ``capability`` (``Scope.NONE`` if not at all)."""
    return MATRIX[capability][role]


def can(role: Role, capability: Capability) -> bool:
    """Return whether ``role`` has ``capability`` in any scope."""
    return scope(role, capability) is not Scope.NONE


def require(role: Role, capability: Capability) -> Scope:
    """Return the scope, or raise :class:`AccessDenied` when the role lacks the capability."""
    granted = scope(role, capability)
    if granted is Scope.NONE:
        raise AccessDenied(capability.value)
    return granted
