"""Translated names for roles, audit actions and outcomes (codes stay codes everywhere else)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clientvault.core.roles import Role


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def role_name(role: Role) -> str:
    """The translated name of a role."""
    return {
        Role.PARTNER: _t("Partner"),
        Role.ACCOUNTANT: _t("Accountant"),
        Role.ASSISTANT: _t("Assistant"),
        Role.PRIVACY_OFFICER: _t("Privacy officer"),
    }[role]


def action_name(action: str) -> str:
    """The translated description of an audit action code (the code itself when unknown)."""
    names = {
        "vault.create": _t("Vault created"),
        "vault.integrity_check": _t("Integrity check"),
        "vault.migrated": _t("Database upgraded"),
        "key.change_completed": _t("Key change completed"),
        "session.login": _t("Login"),
        "session.lock": _t("Locked"),
        "session.logout": _t("Logout"),
        "user.add": _t("User added"),
        "user.disable": _t("User disabled"),
        "key.recovery_created": _t("Recovery code created"),
        "key.recovery_used": _t("Recovery code used"),
        "key.password_reset": _t("Password reset"),
        "key.password_change": _t("Password changed"),
        "key.slot_added": _t("Key slot added"),
        "key.user_revoked": _t("User's keys revoked (rekey)"),
        "key.rekey": _t("Database rekeyed"),
        "key.workstation_added": _t("Workstation login set up"),
        "key.workstation_revoked": _t("Workstation login revoked"),
        "key.workstation_unavailable": _t("Workstation login unavailable"),
        "audit.verify": _t("Audit chain verified"),
        "access.denied": _t("Access denied"),
    }
    return names.get(action, action)


def action_groups() -> list[tuple[str, str]]:
    """(prefix, label) pairs for the audit filter."""
    return [
        ("session.", _t("Logins and locks")),
        ("user.", _t("Staff accounts")),
        ("key.", _t("Keys and passwords")),
        ("vault.", _t("Vault")),
        ("audit.", _t("Audit checks")),
        ("access.", _t("Refused access")),
    ]


def outcome_name(outcome: str) -> str:
    """The translated outcome of an audit event."""
    return {
        "ok": _t("OK"),
        "failed": _t("Failed"),
        "denied": _t("Denied"),
        "broken": _t("Broken"),
        "problems": _t("Problems found"),
    }.get(outcome, outcome)
