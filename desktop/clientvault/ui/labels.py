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
        "key.partner_key_unlocked": translate("Labels", "Partner key opened with the password"),
        "key.repaired": translate("Labels", "Key file repaired (uncertified logins removed)"),
        "key.tamper_detected": translate("Labels", "Tampering detected"),
        "audit.checkpoint": translate("Labels", "Audit checkpoint signed by a partner"),
        "erasure.on_disk": translate("Labels", "Erased values gone from disk"),
        "audit.verify": translate("Labels", "Audit chain verified"),
        "access.denied": translate("Labels", "Access denied"),
        "client.open": translate("Labels", "Client opened"),
        "client.create": translate("Labels", "Client created"),
        "client.bulk_create": translate("Labels", "Clients created in bulk"),
        "client.update": translate("Labels", "Client edited"),
        "client.shared_identifier": translate("Labels", "Shared credit code or ID number confirmed"),
        "client.status": translate("Labels", "Status changed"),
        "client.assign": translate("Labels", "Accountants assigned"),
        "client.lock_requested": translate("Labels", "Lock requested"),
        "client.lock_refused": translate("Labels", "Lock request refused"),
        "client.lock": translate("Labels", "Record locked (sealed)"),
        "client.unlock": translate("Labels", "Record unlocked"),
        "client.hold": translate("Labels", "Legal hold placed"),
        "client.hold_released": translate("Labels", "Legal hold released"),
        "locked.open": translate("Labels", "Locked record opened"),
        "locked.reveal": translate("Labels", "Sealed value shown (with purpose)"),
        "person.add": translate("Labels", "Person added"),
        "person.update": translate("Labels", "Person edited"),
        "person.remove": translate("Labels", "Person removed"),
        "sensitive.add": translate("Labels", "Sensitive item added"),
        "sensitive.remove": translate("Labels", "Sensitive item removed"),
        "sensitive.reveal": translate("Labels", "Sensitive value revealed"),
        "minimisation.refused": translate("Labels", "Field refused: no purpose needs it"),
        "purpose.save": translate("Labels", "Purpose saved"),
        "notice.update": translate("Labels", "Notice details updated"),
        "consent.form_issue": translate("Labels", "Consent form issued"),
        "consent.form_batch": translate("Labels", "Consent forms issued in a batch"),
        "consent.form_print": translate("Labels", "Consent form printed"),
        "consent.form_return": translate("Labels", "Signed consent form returned"),
        "consent.form_void": translate("Labels", "Consent form voided"),
        "consent.grant": translate("Labels", "Consent granted"),
        "consent.withdraw": translate("Labels", "Consent withdrawn"),
        "consent.expire": translate("Labels", "Consent expired"),
        "consent.evidence_view": translate("Labels", "Signed form scan viewed"),
        "consent.overview": translate("Labels", "Consent overview viewed"),
        "export.save": translate("Labels", "File exported"),
        "request.record": translate("Labels", "Request from an individual recorded"),
        "request.extend": translate("Labels", "Request extended"),
        "request.refuse": translate("Labels", "Request refused"),
        "request.complete": translate("Labels", "Request answered"),
        "request.hand_over": translate("Labels", "Request handed over"),
        "request.sync": translate("Labels", "Request closed by its erasure"),
        "settings.holiday_calendar": translate("Labels", "Holiday calendar loaded"),
        "settings.request_due": translate("Labels", "Answer period changed"),
        "complaint.record": translate("Labels", "Complaint logged"),
        "complaint.assign": translate("Labels", "Complaint handler named"),
        "complaint.resolve": translate("Labels", "Complaint resolved"),
        "incident.report": translate("Labels", "Incident reported"),
        "incident.affected": translate("Labels", "Affected client named on an incident"),
        "incident.update": translate("Labels", "Incident assessment changed"),
        "incident.decide": translate("Labels", "Incident notification decided"),
        "incident.close": translate("Labels", "Incident closed"),
        "settings.response_plan": translate("Labels", "Incident response plan changed"),
        "report.compliance": translate("Labels", "Compliance report generated"),
        "disclosure.record": translate("Labels", "Disclosure to a third party"),
        "entrustment.record": translate("Labels", "Entrustment agreement recorded"),
        "entrustment.end": translate("Labels", "Entrustment agreement ended"),
        "entrustment.confirm_end": translate("Labels", "Return or deletion of entrusted data confirmed"),
        "assessment.record": translate("Labels", "Impact assessment recorded"),
        "recipient_agreement.record": translate("Labels", "Agreement with a recipient recorded"),
        "recipient_agreement.end": translate("Labels", "Agreement with a recipient ended"),
        "recipient_agreement.confirm_end": translate("Labels", "Recipient's return or deletion confirmed"),
        "assessment.delete": translate("Labels", "Impact assessment deleted"),
        "audit.export": translate("Labels", "Audit log exported to Excel"),
        "report.processing_record": translate("Labels", "Record of processing activities written"),
        "export.destroyed": translate("Labels", "Exported file destroyed"),
        "export.request": translate("Labels", "Export approval requested"),
        "export.approve": translate("Labels", "Export approved"),
        "export.refuse": translate("Labels", "Export refused"),
        "export.unmasked": translate("Labels", "Unmasked export"),
        "import.plan": translate("Labels", "Excel file checked for import"),
        "import.commit": translate("Labels", "Clients imported from Excel"),
        "import.mapping_saved": translate("Labels", "Import column mapping saved"),
        "erasure.request": translate("Labels", "Erasure requested"),
        "erasure.approve": translate("Labels", "Erasure approved"),
        "erasure.refuse": translate("Labels", "Erasure refused"),
        "erasure.execute": translate("Labels", "Erasure executed"),
        "erasure.verified": translate("Labels", "Erasure verified"),
        "erasure.certificate": translate("Labels", "Erasure certificate printed"),
        "erasure.note_view": translate("Labels", "Erasure note read"),
        "erasure.flag_resolve": translate("Labels", "Erasure flag resolved"),
        "erasure.override": translate("Labels", "Retention period overridden for an erasure"),
        "erasure.appraisal": translate("Labels", "Archives appraised before destruction"),
        "erasure.sealing": translate("Labels", "Items no retention rule requires erased at sealing"),
        "client.handover": translate("Labels", "Accounting archives handed over"),
        "retention.rule_set": translate("Labels", "Retention rule changed"),
        "settings.change": translate("Labels", "Settings changed"),
        "residue.scan": translate("Labels", "Residue scan"),
        "backup.set_up": translate("Labels", "Backups set up"),
        "backup.create": translate("Labels", "Backup taken"),
        "backup.verify": translate("Labels", "Backup checked"),
        "backup.prune": translate("Labels", "Old backup removed"),
        "backup.purge": translate("Labels", "Erased clients purged from backups"),
        "backup.restore": translate("Labels", "Backup restored"),
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
        ("client.", translate("Labels", "Client records")),
        ("sensitive.", translate("Labels", "Sensitive values")),
        ("consent.", translate("Labels", "Consent and forms")),
        ("erasure.", translate("Labels", "Erasure")),
        ("backup.", translate("Labels", "Backups")),
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
