"""Translated names for roles, audit actions and outcomes (codes stay codes everywhere else)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clientvault.core.roles import Role

translate = QCoreApplication.translate


def role_name(role: Role) -> str:
    """The translated name of a role."""
    return {
        Role.PARTNER: translate("Labels", "Partner"),
        Role.ACCOUNTANT: translate("Labels", "Accountant"),
        Role.ASSISTANT: translate("Labels", "Assistant"),
        Role.PRIVACY_OFFICER: translate("Labels", "Privacy officer"),
    }[role]


def action_name(action: str) -> str:
    """The translated description of an audit action code (the code itself when unknown)."""
    names = {
        "vault.create": translate("Labels", "Vault created"),
        "vault.integrity_check": translate("Labels", "Integrity check"),
        "vault.migrated": translate("Labels", "Database upgraded"),
        "key.change_completed": translate("Labels", "Key change completed"),
        "session.login": translate("Labels", "Login"),
        "session.lock": translate("Labels", "Locked"),
        "session.logout": translate("Labels", "Logout"),
        "user.add": translate("Labels", "User added"),
        "user.disable": translate("Labels", "User disabled"),
        "key.recovery_created": translate("Labels", "Recovery code created"),
        "key.recovery_used": translate("Labels", "Recovery code used"),
        "key.password_reset": translate("Labels", "Password reset"),
        "key.password_change": translate("Labels", "Password changed"),
        "key.slot_added": translate("Labels", "Key slot added"),
        "key.user_revoked": translate("Labels", "User's keys revoked (rekey)"),
        "key.rekey": translate("Labels", "Database rekeyed"),
        "key.workstation_added": translate("Labels", "Workstation login set up"),
        "key.workstation_revoked": translate("Labels", "Workstation login revoked"),
        "key.workstation_unavailable": translate("Labels", "Workstation login unavailable"),
        "audit.verify": translate("Labels", "Audit chain verified"),
        "access.denied": translate("Labels", "Access denied"),
    }
    return names.get(action, action)


def action_groups() -> list[tuple[str, str]]:
    """(prefix, label) pairs for the audit filter."""
    return [
        ("session.", translate("Labels", "Logins and locks")),
        ("user.", translate("Labels", "Staff accounts")),
        ("key.", translate("Labels", "Keys and passwords")),
        ("vault.", translate("Labels", "Vault")),
        ("audit.", translate("Labels", "Audit checks")),
        ("access.", translate("Labels", "Refused access")),
    ]


def outcome_name(outcome: str) -> str:
    """The translated outcome of an audit event."""
    return {
        "ok": translate("Labels", "OK"),
        "failed": translate("Labels", "Failed"),
        "denied": translate("Labels", "Denied"),
        "broken": translate("Labels", "Broken"),
        "problems": translate("Labels", "Problems found"),
    }.get(outcome, outcome)
