"""A locked record opened by a partner: read-only, with its retention date and holds.

Its secrets (ID numbers, bank accounts, logins) are shown masked, like on the client page: each
is shown only after choosing why (audited as ``locked.reveal``), for 30 seconds.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.core.masking import FieldKind, mask
from clientvault.core.records import SensitiveKind
from clientvault.services.locking import SEALED_REVEAL_PURPOSES, LockedRecord, LockService
from clientvault.services.retention import RetentionService
from clientvault.ui.client_labels import sensitive_kind_name
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt
from clientvault.ui.widgets.masked_value import REVEAL_MS, MaskedValue
from clientvault.ui.widgets.sealing_record import SealingRecordView
from clientvault.ui.widgets.text import wrapped_label


def _kind_name(code: str) -> str:
    try:
        return sensitive_kind_name(SensitiveKind(code))
    except ValueError:
        return code


def _masked(kind: str, value: str) -> str:
    try:
        return mask(FieldKind.BANK_ACCOUNT if kind == "bank_account" else FieldKind.CREDENTIAL, value)
    except ValueError:
        return "****"


def rule_title(locks: LockService | None, code: str) -> str:
    """A retention rule's title (会计凭证, …) instead of its internal code."""
    if locks is None:
        return code
    try:
        return next((r.title for r in RetentionService(locks.vault).rules() if r.category == code and r.title), code)
    except KnownError:
        return code


class LockedRecordDialog(QDialog):
    """Shows the sealed record. There is no edit control and no save: PIPL Art 47, storage only."""

    def __init__(
        self,
        record: LockedRecord,
        parent: QWidget | None = None,
        *,
        locks: LockService | None = None,
        reveal_ms: int = REVEAL_MS,
    ) -> None:
        super().__init__(parent)
        self.record = record
        self.locks = locks
        self.setWindowTitle(fmt(self.tr("Locked record %1 (read-only)"), record.client_id))
        self.resize(720, 820)
        banner = wrapped_label(
            self,
            fmt(
                self.tr("Storage only: kept until %1 (%2). This opening has been recorded in the audit log."),
                record.retention_until.isoformat(),
                rule_title(locks, record.retention_rule),
            ),
        )
        banner.setStyleSheet("background: #fff4e5; color: #6b3e00; padding: 8px; border-radius: 4px;")
        self.view = QTextBrowser(self)
        self.view.setObjectName("record")
        self.view.setPlainText(self.render_text(record))
        self.secrets: dict[str, MaskedValue] = {}
        self._values: dict[str, str] = {}
        box = QGroupBox(self.tr("Secret values (shown for 30 seconds, each with a purpose)"), self)
        self.purpose = QComboBox(box)
        self.purpose.setObjectName("purpose")
        self.purpose.addItem(self.tr("Choose why…"), None)
        names = self.purpose_names()
        for code in SEALED_REVEAL_PURPOSES:
            self.purpose.addItem(names[code], code)
        self.message = QLabel(box)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        grid = QGridLayout()
        form = QFormLayout()
        form.addRow(self.tr("Purpose:"), self.purpose)
        for what, title, value, masked in self._secret_rows(record):
            mv = MaskedValue(masked, can_reveal=locks is not None, reveal_ms=reveal_ms, parent=box)
            mv.setObjectName(f"secret_{what}")
            mv.sig_reveal_requested.connect(lambda w=what: self.reveal(w))
            row = grid.rowCount()
            grid.addWidget(QLabel(title, box), row, 0)
            grid.addWidget(mv, row, 1)
            self.secrets[what] = mv
            self._values[what] = value
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addLayout(grid)
        box_layout.addWidget(self.message)
        box.setVisible(bool(self.secrets))
        # What sealing kept (and the rule requiring it) and erased (PIPL Arts 19, 47).
        self.sealing = SealingRecordView(self)
        sealing_box = QGroupBox(self.tr("Sealing record: what was kept and what was erased"), self)
        QVBoxLayout(sealing_box).addWidget(self.sealing)
        self.show_sealing()
        sealing_box.setVisible(locks is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(sealing_box, 1)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.finished.connect(lambda _r: self.conceal_all())

    def show_sealing(self) -> None:
        """Fill the sealing record from the service (partner; nothing without the service)."""
        if self.locks is None:
            return
        try:
            records = self.locks.sealing_records(self.record.client_id)
            rules = RetentionService(self.locks.vault).rules()
        except KnownError as exc:
            self.message.setText(error_message(exc))
            return
        self.sealing.show_records(records, rules, self.record.persons)

    def purpose_names(self) -> dict[str, str]:
        """Translated names of the purposes a sealed secret may be shown for."""
        return {
            "authority_request": self.tr("An authority's request (tax, audit, court)"),
            "litigation": self.tr("A dispute or litigation"),
            "client_request": self.tr("The client's own request (PIPL Art 45)"),
            "archive_check": self.tr("Checking the archive"),
        }

    def _secret_rows(self, record: LockedRecord) -> list[tuple[str, str, str, str]]:
        rows = []
        for i, p in enumerate(record.persons):
            number = str(p.get("id_number") or "")
            if number:
                masked = mask(FieldKind.ID_NUMBER, number) if len(number) >= 8 else "****"
                rows.append((f"person:{i}.id_number", fmt(self.tr("ID number of %1"), p.get("name", "")), number,
                             masked))  # fmt: skip
        for i, item in enumerate(record.items):
            value = str(item.get("value") or "")
            if value:
                kind = str(item.get("kind", ""))
                title = fmt(self.tr("%1 — %2"), _kind_name(kind), item.get("label") or "")
                rows.append((f"item:{i}", title, value, _masked(kind, value)))
        return rows

    def reveal(self, what: str) -> bool:
        """Show one secret for 30 seconds once a purpose is chosen (the reveal is audited first)."""
        purpose = self.purpose.currentData()
        if not purpose:
            self.message.setText(self.tr("Choose why the value is needed first."))
            self.purpose.setFocus()
            return False
        assert self.locks is not None
        try:
            self.locks.reveal_sealed(self.record.client_id, what, str(purpose))
        except Exception as exc:  # nothing is shown without its audit event
            self.message.setText(error_message(exc))
            return False
        self.message.clear()
        self.secrets[what].show_value(self._values[what])
        return True

    def conceal_all(self) -> None:
        """Mask every shown secret again."""
        for mv in self.secrets.values():
            mv.conceal()

    def render_text(self, record: LockedRecord) -> str:
        """The record as plain text (kept in memory only)."""
        c = record.client
        lines = [
            fmt(self.tr("Name: %1"), c.get("name") or ""),
            fmt(self.tr("Unified social credit code: %1"), c.get("uscc") or ""),
            fmt(self.tr("Tax number: %1"), c.get("tax_no") or ""),
            fmt(self.tr("Address: %1"), c.get("address") or ""),
            fmt(self.tr("Phone: %1"), c.get("phone") or ""),
            fmt(self.tr("E-mail: %1"), c.get("email") or ""),
            fmt(self.tr("Engagement: %1 – %2"), c.get("engagement_start") or "", c.get("engagement_end") or ""),
            "",
            self.tr("Persons:"),
        ]
        for p in record.persons:  # ID numbers and item values: masked, below
            lines.append(f"  · {p.get('name', '')}  {p.get('phone') or ''}")
        lines += ["", self.tr("Sensitive items:")]
        for i in record.items:
            lines.append(f"  · {_kind_name(str(i.get('kind', '')))}  {i.get('label') or ''}")
        if record.evidence:
            lines += ["", fmt(self.tr("Signed consent forms (scans): %1"), len(record.evidence))]
        if record.holds:
            lines += ["", self.tr("Legal holds:")]
            lines += [f"  · {h.placed_at[:10]}  {h.reason}" for h in record.holds]
        notes = c.get("notes") or ""
        if notes:
            lines += ["", self.tr("Notes:"), notes]
        if record.reasons:  # what the audit log's "note:<id>" entries of this client say
            kinds = self.reason_kinds()
            lines += ["", self.tr("Reasons recorded:")]
            lines += [f"  · {r.at[:10]}  {kinds.get(r.kind, r.kind)}  {r.text}" for r in record.reasons]
        return "\n".join(lines)

    def reason_kinds(self) -> dict[str, str]:
        """Translated names of the kinds of recorded reasons."""
        return {
            "lock_request": self.tr("Lock requested"),
            "lock_refused": self.tr("Lock request refused"),
            "lock": self.tr("Locked"),
            "open": self.tr("Opened"),
            "unlock": self.tr("Unlocked"),
            "hold": self.tr("Legal hold placed"),
            "hold_released": self.tr("Legal hold released"),
            "erasure_refused": self.tr("Erasure refused"),
        }
