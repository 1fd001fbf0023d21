"""First run: the firm's name and contact details, the first partner's account, then the recovery sheet (shown once).

The contact details (address, phone, e-mail, privacy contact) are what every 告知同意书 must print
(PIPL Art 17(1)(1)); a consent form refuses to print without them, so the wizard asks for them at
once. They are stored with the vault (``notice.*``, audited ``notice.update``) and edited later on
the Settings page.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from clientvault.core.errors import KnownError
from clientvault.services.consent import ConsentService, NoticeDetails
from clientvault.services.notice import check_notice_details
from clientvault.services.vault import CreatedVault
from clientvault.ui.context import UiContext
from clientvault.ui.errors import error_message, show_error
from clientvault.ui.i18n import fmt
from clientvault.ui.widgets.password import NewPasswordWidget
from clientvault.ui.widgets.pdf import PdfPreviewDialog, print_pdf, save_pdf
from clientvault.ui.widgets.text import wrapped_label


class WelcomeWizardPage(QWizardPage):
    """Explains what is about to happen."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to ClientVault"))
        self.setSubTitle(self.tr("Set up the firm's encrypted client vault in three steps."))
        text = wrapped_label(
            self,
            self.tr(
                "ClientVault keeps your clients' records in an encrypted vault on this computer or on the "
                "office share. Only staff with an account can open it.\n\n"
                "1. Enter the firm's name and contact details.\n"
                "2. Create the first partner account.\n"
                "3. Print the recovery sheet and keep it in the firm's safe."
            ),
        )
        folder = QLabel(fmt(self.tr("Vault folder: %1"), str(ctx.folder)), self)
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addWidget(folder)


class FirmWizardPage(QWizardPage):
    """The firm's name and contact details, printed on every consent form (PIPL Art 17(1)(1))."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your firm"))
        self.setSubTitle(
            self.tr(
                "The name appears on the recovery sheet; the name and contact details on every consent form, "
                "which cannot be printed without them. You can change them later on the Settings page."
            )
        )
        self.firm = QLineEdit(self)
        self.firm.setObjectName("firm_name")
        self.firm.setMaxLength(200)
        self.firm.setPlaceholderText(self.tr("e.g. Beijing Example Bookkeeping Co., Ltd."))
        form = QFormLayout(self)
        form.addRow(self.tr("Firm name:"), self.firm)
        self.registerField("firm_name*", self.firm)
        self.contact: dict[str, QLineEdit] = {}
        for key, label, required in (
            ("address", self.tr("Address:"), True),
            ("phone", self.tr("Telephone:"), True),
            ("email", self.tr("E-mail:"), True),
            ("privacy_contact", self.tr("Privacy contact:"), True),
            ("complaint_channel", self.tr("Complaint channel:"), False),
        ):
            edit = QLineEdit(self)
            edit.setObjectName(key)
            edit.setMaxLength(300)
            form.addRow(label, edit)
            self.contact[key] = edit
            self.registerField(f"{key}*" if required else key, edit)
        self.contact["privacy_contact"].setPlaceholderText(self.tr("e.g. the privacy officer's name and telephone"))
        self.error = wrapped_label(self, name="firm_error")
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)

    def notice(self) -> NoticeDetails:
        """The contact details as entered."""
        return NoticeDetails(**{k: e.text().strip() for k, e in self.contact.items()})

    def validatePage(self) -> bool:
        try:
            check_notice_details(self.notice(), required=True)
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return False
        self.error.clear()
        return True


class PartnerWizardPage(QWizardPage):
    """The first partner's account; creating the vault happens when this page is accepted."""

    def __init__(self, wizard: FirstRunDialog) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Partner account"))
        self.setSubTitle(
            self.tr("The partner runs the firm's vault: adds staff, reads the audit log and keeps the recovery sheet.")
        )
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("letters and digits, e.g. wang"))
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("display_name")
        self.passwords = NewPasswordWidget(self)
        self.error = wrapped_label(self, name="error")
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.display_name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.passwords)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.username.textChanged.connect(self.completeChanged)
        self.display_name.textChanged.connect(self.completeChanged)
        self.passwords.sig_changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        names = self.username.text().strip() and self.display_name.text().strip()
        return bool(names and self.passwords.is_acceptable())

    def validatePage(self) -> bool:
        if self._wizard.created is not None:
            return True
        self.error.clear()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._wizard.create_vault(
                self.field("firm_name"),
                self.username.text().strip(),
                self.display_name.text().strip(),
                self.passwords.text(),
            )
        except KnownError as exc:
            self.error.setText(error_message(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.passwords.clear()
        return True


class RecoveryWizardPage(QWizardPage):
    """Shows the recovery code once and offers to print or save the sheet."""

    def __init__(self, wizard: FirstRunDialog) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Recovery sheet"))
        self.setSubTitle(self.tr("This is the only time the recovery code is shown. Print the sheet now."))
        explain = wrapped_label(
            self,
            self.tr(
                "If the partner forgets the password, this code resets it. Whoever holds it can open the vault, "
                "so keep the printed sheet sealed in the firm's safe. Do not photograph it or store it on a computer."
            ),
        )
        self.code = QLabel(self)
        self.code.setObjectName("recovery_code")
        font = QFont(self.code.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        font.setFamilies(["DejaVu Sans Mono", "monospace"])
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.code.setStyleSheet("border: 1px solid #999; padding: 12px; background: #fffbe6;")
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        buttons = QHBoxLayout()
        for b in (self.print_button, self.preview_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.confirm = QCheckBox(self.tr("I have printed or saved the recovery sheet and will keep it safe."), self)
        self.confirm.setObjectName("confirm_kept")
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.code)
        layout.addLayout(buttons)
        layout.addStretch(1)
        layout.addWidget(self.confirm)
        self.print_button.clicked.connect(self._print)
        self.preview_button.clicked.connect(self._preview)
        self.save_button.clicked.connect(self._save)
        self.confirm.toggled.connect(self.completeChanged)

    def initializePage(self) -> None:
        created = self._wizard.created
        self.code.setText(created.recovery_code if created else "")

    def isComplete(self) -> bool:
        return self.confirm.isChecked()

    def _pdf(self) -> bytes | None:
        try:
            return self._wizard.recovery_sheet_pdf()
        except Exception as exc:  # shown to the user; a bug still gets its crash report
            show_error(self, exc)
            return None

    def _print(self) -> None:
        data = self._pdf()
        if data is not None:
            print_pdf(self, data, self.tr("Recovery sheet"))

    def _preview(self) -> None:
        data = self._pdf()
        if data is not None:
            PdfPreviewDialog(data, self.tr("Recovery sheet"), self).exec()

    def _save(self) -> None:
        data = self._pdf()
        if data is None:
            return
        if save_pdf(self, data, self.tr("recovery-sheet.pdf"), self.tr("Save recovery sheet"), self.tr("PDF (*.pdf)")):
            QMessageBox.information(
                self,
                self.tr("Recovery sheet"),
                self.tr("Saved. Print it, then delete the file: a copy on a computer can be stolen."),
            )


class FirstRunDialog(QWizard):
    """Creates the vault. After ``accept()``, :attr:`created` holds the unlocked vault."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: CreatedVault | None = None
        self._created_at = datetime.now(UTC)
        self.setWindowTitle(self.tr("ClientVault — first run"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.welcome_page = WelcomeWizardPage(ctx, self)
        self.firm_page = FirmWizardPage(self)
        self.partner_page = PartnerWizardPage(self)
        self.recovery_page = RecoveryWizardPage(self)
        for page in (self.welcome_page, self.firm_page, self.partner_page, self.recovery_page):
            self.addPage(page)
        self.setMinimumSize(640, 520)

    def create_vault(self, firm_name: str, username: str, display_name: str, password: str) -> None:
        """Create the vault (KDF runs twice: partner slot and recovery slot)."""
        self.created = self.ctx.vaults.create(
            self.ctx.folder,
            firm_name=firm_name,
            partner_username=username,
            partner_display_name=display_name,
            partner_password=password,
        )
        ConsentService(self.created.vault).set_notice_details(self.firm_page.notice())
        self._created_at = datetime.now(UTC)
        self._firm_name = firm_name.strip()

    def recovery_sheet_pdf(self) -> bytes:
        """Render the recovery sheet in memory."""
        assert self.created is not None
        return self.ctx.render_recovery_sheet(
            firm_name=self._firm_name,
            vault_id=self.created.vault.vault_id,
            recovery_code=self.created.recovery_code,
            created_at=self._created_at,
            lang=self.ctx.pdf_lang,
        )

    def accept(self) -> None:
        # The code must not linger in a widget once the sheet is out.
        self.recovery_page.code.clear()
        super().accept()

    def reject(self) -> None:
        if self.created is not None:
            # The vault exists now: leaving without the sheet would lose the only copy of the code.
            QMessageBox.warning(
                self, self.tr("Recovery sheet"), self.tr("Please print or save the recovery sheet before you continue.")
            )
            return
        super().reject()

    def clipboard_is_untouched(self) -> bool:
        """The code is never placed on the clipboard (tests assert this)."""
        return self.created is None or QGuiApplication.clipboard().text() != self.created.recovery_code
