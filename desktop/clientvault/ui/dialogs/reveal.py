"""Reveal one sensitive value for a named purpose: shown 30 s, then masked again; copy as a secret."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import ConsentMissing, KnownError
from clientvault.core.records import DataCategory
from clientvault.services.clients import ClientService
from clientvault.ui.client_labels import lawful_basis_name, purpose_option_name
from clientvault.ui.errors import error_message, show_error
from clientvault.ui.i18n import fmt
from clientvault.ui.widgets.capture import exclude_from_capture
from clientvault.ui.widgets.clipboard import SecretClipboard
from clientvault.ui.widgets.masked_value import REVEAL_MS, MaskedValue
from clientvault.ui.widgets.text import wrapped_label


@dataclass(frozen=True)
class RevealTarget:
    """What to reveal: a person's ID number (``person``) or a sensitive item (``item``)."""

    record: str  # "person" | "item"
    record_id: int
    client_id: int
    category: DataCategory
    title: str  # e.g. "Bank account — 工商银行 基本户" (translated by the caller)
    masked: str


class RevealDialog(QDialog):
    """Asks for the purpose, calls the audited reveal, shows the value for 30 seconds."""

    def __init__(
        self,
        service: ClientService,
        target: RevealTarget,
        clipboard: SecretClipboard | None,
        parent: QWidget | None = None,
        *,
        reveal_ms: int = REVEAL_MS,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.target = target
        self.setWindowTitle(self.tr("Reveal a sensitive value"))
        self.setMinimumWidth(520)

        what = QLabel(target.title, self)
        what.setObjectName("what")
        what.setWordWrap(True)
        self.purpose = QComboBox(self)
        self.purpose.setObjectName("purpose")
        # A person's ID number: only purposes in force for that person (their own consent, PIPL Art 14).
        person = target.record_id if target.record == "person" else None
        self.options = service.reveal_options(target.client_id, target.category, person)
        for option in self.options:
            self.purpose.addItem(
                fmt(
                    self.tr("%1 (%2)"),
                    purpose_option_name(option.code, option.name_zh, option.name_en),
                    lawful_basis_name(option.lawful_basis),
                ),
                option.code,
            )
        purpose_label = QLabel(self.tr("&Purpose:"), self)
        purpose_label.setBuddy(self.purpose)
        self.value = MaskedValue(target.masked, clipboard=clipboard, reveal_ms=reveal_ms, parent=self)
        self.value.setObjectName("masked_value")
        note = wrapped_label(
            self,
            self.tr(
                "The value is shown for 30 seconds. Revealing is recorded in the audit log with your name and "
                "the purpose (never the value)."
            ),
        )
        note.setStyleSheet("color: #555;")
        self.error = wrapped_label(self, name="error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("Value:"), self.value)
        form.addRow(purpose_label, self.purpose)

        self.buttons = QDialogButtonBox(self)
        self.reveal_button = QPushButton(self.tr("&Reveal"), self)
        self.reveal_button.setObjectName("do_reveal")
        self.reveal_button.setDefault(True)
        self.buttons.addButton(self.reveal_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("C&lose"))
        self.buttons.rejected.connect(self.reject)
        self.reveal_button.clicked.connect(self.reveal)
        self.value.sig_hidden.connect(self._hidden)

        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if not self.options:
            self.purpose.setEnabled(False)
            self.reveal_button.setEnabled(False)
            self._show_error(
                self.tr("No purpose in force allows revealing this value now (no active engagement or consent).")
            )
        self.setTabOrder(self.purpose, self.reveal_button)

    def reveal(self) -> None:
        """Reveal the value for the chosen purpose (audited by the service)."""
        code = self.purpose.currentData()
        if not code:
            return
        try:
            if self.target.record == "person":
                value = self.service.reveal_id_number(self.target.record_id, code)
            else:
                value = self.service.reveal_item(self.target.record_id, code)
        except ConsentMissing:
            self._show_error(self.tr("This purpose does not allow revealing the value for this client."))
            return
        except KnownError as exc:
            self._show_error(error_message(exc))
            return
        except Exception as exc:  # a bug: crash dialog with a reference, never the value
            show_error(self, exc)
            return
        self.error.setVisible(False)
        self.value.show_value(value)
        self.purpose.setEnabled(False)
        self.reveal_button.setEnabled(False)
        self.value.copy_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def revealed(self) -> bool:
        """Whether the clear value is on screen."""
        return self.value.revealed

    def _hidden(self) -> None:
        self.purpose.setEnabled(bool(self.options))
        self.reveal_button.setEnabled(bool(self.options))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def done(self, result: int) -> None:
        self.value.conceal()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A revealed value is shown in this top-level dialog: keep it out of captures too.
        exclude_from_capture(int(self.winId()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.value.conceal()
        super().closeEvent(event)
