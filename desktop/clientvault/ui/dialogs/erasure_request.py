"""Ask for a client's records to be erased: why, on what legal basis, and what happens next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from clientvault.core.errors import ValidationError
from clientvault.core.roles import Role
from clientvault.services.erasure import DEFAULT_BASIS, LEGAL_BASES, ErasureService, basis_text
from clientvault.ui.client_labels import field_error
from clientvault.ui.errors import show_inline
from clientvault.ui.i18n import fmt

REASON_STYLE = "color: #6b6b6b;"
ERROR_STYLE = "color: #b00020;"


class ErasureRequestDialog(QDialog):
    """Ask for a client's records to be erased: why, on what legal basis, and what happens next.

    Sending only files the request; the partner approves it, then the privacy officer or a partner
    executes it (the Erasure page). The dialog stays open with the error under its field when the
    service refuses the input.
    """

    def __init__(
        self,
        erasure: ErasureService,
        client_id: int,
        client_name: str,
        role: Role,
        parent: QWidget | None = None,
        *,
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self.erasure = erasure
        self.client_id = client_id
        self.request_id: int | None = None
        self.setWindowTitle(self.tr("Request erasure"))
        self.setMinimumWidth(520)
        what = QLabel(fmt(self.tr("Ask for every record of %1 to be erased for good."), client_name), self)
        what.setObjectName("what")
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        font = what.font()
        font.setBold(True)
        what.setFont(font)
        self.next_steps = QLabel(
            self.tr(
                "Nothing is deleted now. What happens next:\n"
                "1. A partner reviews the request and approves or refuses it.\n"
                "2. After approval, the privacy officer or a partner carries out the erasure: the client's data, "
                "people, sensitive items, consent records and scans are deleted for good and cannot be restored.\n"
                "3. The erasure is entered in the destruction register, with a certificate.\n"
                "A legal hold stops the erasure until it is lifted."
            ),
            self,
        )
        self.next_steps.setObjectName("next_steps")
        self.next_steps.setWordWrap(True)
        self.source = QComboBox(self)
        self.source.setObjectName("source")
        sources = [
            ("deletion_request", self.tr("The client asked for deletion")),
            ("consent_withdrawal", self.tr("The client withdrew consent")),
        ]
        if role is Role.PARTNER:
            sources.append(("partner_decision", self.tr("Partner's decision")))
        for code, text in sources:
            self.source.addItem(text, code)
        # The legal basis is one of the firm's coded bases (the certificate prints its wording).
        self.basis = QComboBox(self)
        self.basis.setObjectName("basis")
        self.basis.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.basis.setMinimumContentsLength(30)
        for code, basis in LEGAL_BASES.items():
            # The list names the case (the part after the citation); the full wording shows below it.
            self.basis.addItem(basis.zh.split("：", 1)[-1] if lang == "zh" else basis.en, code)
        self.wording = QLabel(self)
        self.wording.setObjectName("basis_wording")
        self.wording.setTextFormat(Qt.TextFormat.PlainText)
        self.wording.setWordWrap(True)
        self.wording.setStyleSheet(REASON_STYLE)
        self.basis_error = QLabel(self)
        self.basis_error.setObjectName("basis_error")
        self.basis_error.setStyleSheet(ERROR_STYLE)
        self.basis_error.setVisible(False)
        self.lang = lang
        self.source.currentIndexChanged.connect(self._preselect_basis)
        self.basis.currentIndexChanged.connect(self._show_wording)
        self._preselect_basis()
        self._show_wording()
        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        basis_cell = QVBoxLayout()
        basis_cell.setSpacing(1)
        basis_cell.addWidget(self.basis)
        basis_cell.addWidget(self.wording)
        basis_cell.addWidget(self.basis_error)
        form = QFormLayout()
        source_label = QLabel(self.tr("&Reason:"), self)
        source_label.setBuddy(self.source)
        basis_label = QLabel(self.tr("&Legal basis:"), self)
        basis_label.setBuddy(self.basis)
        form.addRow(source_label, self.source)
        form.addRow(basis_label, basis_cell)
        buttons = QDialogButtonBox(self)
        self.send_button = buttons.addButton(self.tr("&Send request"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("send")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.next_steps)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.source.setFocus()

    def _preselect_basis(self) -> None:
        code = DEFAULT_BASIS.get(str(self.source.currentData()))
        index = self.basis.findData(code)
        if index >= 0:
            self.basis.setCurrentIndex(index)

    def _show_wording(self) -> None:
        code = str(self.basis.currentData())
        self.wording.setText(basis_text(code, self.lang))
        self.basis.setToolTip(self.wording.text())
        self.basis_error.setVisible(False)

    def send(self) -> bool:
        """File the request; on a refusal show why and stay open. Returns True when filed."""
        self.basis_error.setVisible(False)
        self.general_error.setVisible(False)
        try:
            self.request_id = self.erasure.request(
                self.client_id, str(self.source.currentData()), str(self.basis.currentData())
            )
        except ValidationError as exc:
            other = []
            for key, code in exc.errors.items():
                if key == "legal_basis":
                    self.basis_error.setText(field_error(key, code))
                    self.basis_error.setVisible(True)
                    self.basis.setFocus(Qt.FocusReason.OtherFocusReason)
                else:
                    other.append(field_error(key, code))
            if other:
                self.general_error.setText("\n".join(other))
                self.general_error.setVisible(True)
            return False
        except Exception as exc:
            show_inline(self.general_error, self, exc)
            return False
        self.accept()
        return True
