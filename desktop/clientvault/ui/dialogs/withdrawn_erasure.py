"""Asking for the erasure of items no purpose needs any more after a consent withdrawal.

The client page and the Erasure page both offer it; this module holds the one confirmation and
the one call (``ErasureService.request_withdrawn``). The confirmation lists the items by their
field or kind, never by value.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from clientvault.services.erasure import ErasureService, WithdrawnItems
from clientvault.ui.client_labels import stored_item_name
from clientvault.ui.errors import show_error
from clientvault.ui.i18n import fmt

translate = QCoreApplication.translate


def item_list(flagged: WithdrawnItems) -> str:
    """The flagged items by kind, with a count where a kind occurs more than once ("Bank account × 2")."""
    counts = Counter(flagged.kinds)
    names = []
    for kind in dict.fromkeys(flagged.kinds):
        name = stored_item_name(kind)
        names.append(fmt(translate("WithdrawnErasure", "%1 × %2"), name, counts[kind]) if counts[kind] > 1 else name)
    return translate("WithdrawnErasure", ", ").join(names)


def notice_text(flagged: WithdrawnItems) -> str:
    """What the client page says about the flagged items (and about a request already open for them)."""
    if flagged.open_request is not None:
        return fmt(
            translate(
                "WithdrawnErasure",
                "%1 stored item(s) are no longer needed by any purpose (%2). Erasure request no. %3 for them "
                "is already open; a partner must approve it before they are erased.",
            ),
            len(flagged.kinds),
            item_list(flagged),
            flagged.open_request,
        )
    return fmt(
        translate("WithdrawnErasure", "%1 stored item(s) are no longer needed by any purpose (%2)."),
        len(flagged.kinds),
        item_list(flagged),
    )


def button_text() -> str:
    """The label of the request action."""
    return translate("WithdrawnErasure", "Request erasure of these items…")


def request_withdrawn_erasure(
    parent: QWidget, erasure: ErasureService, flagged: WithdrawnItems, *, confirm: bool = True
) -> int | None:
    """Confirm, then open the partial-erasure request; return its number (None: cancelled or refused).

    A refusal by the service is shown to the user (``show_error``).
    """
    if confirm:
        answer = QMessageBox.question(
            parent,
            translate("WithdrawnErasure", "Request erasure of these items"),
            fmt(
                translate(
                    "WithdrawnErasure",
                    "Ask for these items of client %1 to be erased? They are no longer needed by any purpose "
                    "since a consent was withdrawn:\n\n%2\n\nNothing is deleted now: a partner approves the "
                    "request first, then it is carried out on the Erasure page.",
                ),
                flagged.name or flagged.client_id,
                "\n".join(f"• {stored_item_name(k)}" for k in flagged.kinds),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    try:
        return erasure.request_withdrawn(flagged.client_id)
    except Exception as exc:
        show_error(parent, exc)
        return None


def requested_text(request_id: int) -> str:
    """The message after the request was opened."""
    return fmt(
        translate(
            "WithdrawnErasure", "Erasure request no. %1 opened. A partner must approve it before the items are erased."
        ),
        request_id,
    )
