"""A locked record opened by a partner: read-only, with its retention date and holds."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from clientvault.services.locking import LockedRecord
from clientvault.ui.i18n import fmt
from clientvault.ui.widgets.text import wrapped_label


class LockedRecordDialog(QDialog):
    """Shows the sealed values. There is no edit control and no save: PIPL Art 47, storage only."""

    def __init__(self, record: LockedRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(fmt(self.tr("Locked record %1 (read-only)"), record.client_id))
        self.resize(640, 560)
        banner = wrapped_label(
            self,
            fmt(
                self.tr("Storage only: kept until %1 (%2). This opening has been recorded in the audit log."),
                record.retention_until.isoformat(),
                record.retention_rule,
            ),
        )
        banner.setStyleSheet("background: #fff4e5; color: #6b3e00; padding: 8px; border-radius: 4px;")
        self.view = QTextBrowser(self)
        self.view.setObjectName("record")
        self.view.setPlainText(self.render_text(record))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

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
        for p in record.persons:
            lines.append(f"  · {p.get('name', '')}  {p.get('id_number') or ''}  {p.get('phone') or ''}")
        lines += ["", self.tr("Sensitive items:")]
        for i in record.items:
            lines.append(f"  · {i.get('kind', '')}  {i.get('label') or ''}  {i.get('value') or ''}")
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
