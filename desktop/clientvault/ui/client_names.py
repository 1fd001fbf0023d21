"""How a list names a client it holds by id: "名称（信用代码）", or what became of it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clientvault.services.client_names import ClientName
from clientvault.ui.i18n import fmt

translate = QCoreApplication.translate


def client_caption(entry: ClientName | None, client_id: int) -> str:
    """The client's name and credit code; for a sealed, erased or hidden one, what it is and its number."""
    if entry is not None and entry.name:
        return fmt(translate("ClientNames", "%1 (%2)"), entry.name, entry.uscc) if entry.uscc else entry.name
    status = entry.status if entry is not None else ""
    if status == "locked":
        return fmt(translate("ClientNames", "Sealed record no. %1"), client_id)
    if status == "erased":
        return fmt(translate("ClientNames", "Erased client no. %1"), client_id)
    return fmt(translate("ClientNames", "Client no. %1"), client_id)
