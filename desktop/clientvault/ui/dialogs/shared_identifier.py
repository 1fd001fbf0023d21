"""The question put when a credit code or ID number is already another client's.

The service refuses the save (:class:`DuplicateIdentifier`, naming the other client by id); the
dialog that saved asks here, with the other client's name, whether this is a branch (credit
code) or the same person (ID number), and saves again with the confirmation, which the service
keeps and audits. "No" leaves the form open with the refusal under it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from clientvault.core.errors import DuplicateIdentifier, KnownError
from clientvault.services.clients import ClientService, SharedIdentifier
from clientvault.ui.i18n import fmt

translate = QCoreApplication.translate


def other_name(service: ClientService, exc: DuplicateIdentifier) -> str:
    """The other client's name (its number if it is gone meanwhile)."""
    try:
        return service.other_client_name(exc.other_client_id)
    except KnownError:
        return fmt(translate("SharedIdentifier", "client no. %1"), exc.other_client_id)


def refusal(service: ClientService, exc: DuplicateIdentifier) -> str:
    """The sentence shown under the form when the user did not confirm."""
    name = other_name(service, exc)
    if exc.field == "uscc":
        return fmt(translate("SharedIdentifier", "Client “%1” already has this unified social credit code."), name)
    return fmt(translate("SharedIdentifier", "A person of client “%1” already has this ID number."), name)


def ask_shared(parent: QWidget | None, service: ClientService, exc: DuplicateIdentifier) -> SharedIdentifier | None:
    """Ask whether the shared identifier is meant; the confirmation to save with, or None."""
    name = other_name(service, exc)
    box = QMessageBox(parent)
    box.setObjectName("shared_identifier_question")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("SharedIdentifier", "Already in the vault"))
    if exc.field == "uscc":
        box.setText(
            fmt(translate("SharedIdentifier", "Client “%1” already has this unified social credit code."), name)
        )
        box.setInformativeText(
            translate("SharedIdentifier", "Save only if this client is a branch of it. Your choice is recorded.")
        )
        yes_text = translate("SharedIdentifier", "It is a &branch — save")
    else:
        box.setText(fmt(translate("SharedIdentifier", "A person of client “%1” already has this ID number."), name))
        box.setInformativeText(
            translate("SharedIdentifier", "Save only if it is the same person. Your choice is recorded.")
        )
        yes_text = translate("SharedIdentifier", "The &same person — save")
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirm_shared")
    no = box.addButton(translate("SharedIdentifier", "Do &not save"), QMessageBox.ButtonRole.RejectRole)
    no.setObjectName("refuse_shared")
    box.setDefaultButton(no)
    box.exec()
    if box.clickedButton() is yes:
        return SharedIdentifier(exc.field, exc.other_client_id)
    return None
