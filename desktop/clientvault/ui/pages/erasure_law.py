"""What the law adds to the Erasure page (issue 10): a partner's override of a running retention
period, the appraisal (鉴定意见书) before archives are destroyed, and the retention rules editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from clientvault.core.roles import Role
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureRequestRow, ErasureResult, ErasureService
from clientvault.ui.dialogs.handover import HandoverDialog
from clientvault.ui.dialogs.reason import ask_reason
from clientvault.ui.i18n import fmt
from clientvault.ui.widgets.retention_rules import RetentionRulesEditor


class RetentionRulesDialog(QDialog):
    """The retention rules editor in a window of its own."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retention rules"))
        self.resize(900, 680)
        self.editor = RetentionRulesEditor(vault, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)


class LawActions(QWidget):
    """Buttons for the selected request: override (partner), appraisal, rules (partner, privacy officer)."""

    def __init__(
        self,
        vault: Vault,
        erasure: ErasureService,
        selected: Callable[[], ErasureRequestRow | None],
        run: Callable[[Callable[[], object]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.erasure = erasure
        self.selected = selected
        self.run = run
        role = vault.session.role
        self.override_button = QPushButton(self.tr("Override retention…"), self)
        self.override_button.setObjectName("override")
        self.override_button.setToolTip(
            self.tr("Destroy although a legal retention period runs (partner only; printed on the certificate)")
        )
        self.appraisal_button = QPushButton(self.tr("Record appraisal"), self)
        self.appraisal_button.setObjectName("appraisal")
        self.appraisal_button.setToolTip(
            self.tr("Appraisal opinion: this client's archives may be destroyed (required before destruction)")
        )
        self.rules_button = QPushButton(self.tr("Retention rules…"), self)
        self.rules_button.setObjectName("rules")
        self.handover_button = QPushButton(self.tr("Hand over archives…"), self)
        self.handover_button.setObjectName("handover")
        self.handover_button.setToolTip(
            self.tr("Record the accounting archives handed back when a client relationship ends (移交清册)")
        )
        self.override_button.setVisible(role is Role.PARTNER)
        keeper = role in (Role.PARTNER, Role.PRIVACY_OFFICER)
        self.appraisal_button.setVisible(keeper)
        self.rules_button.setVisible(keeper)
        self.handover_button.setVisible(keeper)
        self.buttons = (self.override_button, self.appraisal_button, self.rules_button, self.handover_button)
        self.override_button.clicked.connect(lambda: self.override_selected())
        self.appraisal_button.clicked.connect(self.appraise_selected)
        self.rules_button.clicked.connect(self.show_rules)
        self.handover_button.clicked.connect(lambda: self.show_handover())

    def update(self) -> None:  # type: ignore[override]
        """Enable the buttons for the selected request."""
        req = self.selected()
        open_ = req is not None and req.state in ("requested", "approved")
        self.override_button.setEnabled(open_)
        self.appraisal_button.setEnabled(open_ and req is not None and req.scope == "client")

    def override_selected(self, reason: str | None = None) -> bool:
        """Let the selected request destroy data although a retention period runs (partner)."""
        req = self.selected()
        if req is None:
            return False
        text = reason or ask_reason(
            self,
            self.tr("Override retention"),
            self.tr(
                "A legal retention period is running: without an override the request seals the record "
                "(storage only) instead of destroying it. Why must it be destroyed now? The reason is "
                "recorded and printed on the certificate; do not write names in it."
            ),
        )
        return bool(text) and self.run(lambda: self.erasure.override(req.id, text or ""))

    def appraise_selected(self) -> bool:
        """Record that the selected client's archives were appraised and may be destroyed."""
        req = self.selected()
        return req is not None and self.run(lambda: self.erasure.appraise(req.client_id))

    def show_rules(self) -> RetentionRulesDialog:
        """Open the rules editor (modeless: tests close it)."""
        dialog = RetentionRulesDialog(self.vault, self)
        operations = getattr(self.parentWidget(), "operations", None)
        if operations is not None:  # the notices, access answers and Purposes page state the rules
            dialog.editor.sig_saved.connect(lambda _c: operations.report(Changes(settings=True), self))
        dialog.show()
        return dialog

    def show_handover(self) -> HandoverDialog:
        """Open the handover dialog for the selected request's client (modeless: tests close it)."""
        req = self.selected()
        page = self.parentWidget()  # the Erasure page: its operations and document language
        dialog = HandoverDialog(
            self.vault,
            req.client_id if req is not None else None,
            self,
            operations=getattr(page, "operations", None),
            lang=getattr(page, "pdf_lang", "zh"),
        )
        dialog.show()
        return dialog

    def outcome_text(self, result: ErasureResult) -> str:
        """What an execution did when it did not destroy the record."""
        if result.outcome == "sealed":
            until = result.sealed_until.isoformat() if result.sealed_until else ""
            return fmt(
                self.tr(
                    "A legal retention period runs until %1: the record was sealed (storage only) instead of "
                    "destroyed; the items no rule requires were erased."
                ),
                until,
            )
        if result.kept:
            return fmt(self.tr("%1 item(s) a retention rule requires were kept."), len(result.kept))
        return ""
