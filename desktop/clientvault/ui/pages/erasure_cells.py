"""The erasure page's words and cells: request sources, legal bases, states, scopes, and the text of
each cell of the requests, flagged-items and register tables (clients named, not numbered).

A mixin of :class:`~clientvault.ui.pages.erasure.ErasurePage` (split from it to keep each module
small); its texts keep the "ErasurePage" translation context.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from clientvault.services.client_names import ClientName, client_names
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureRequestRow, RegisterEntry, WithdrawnItems
from clientvault.ui.client_names import client_caption
from clientvault.ui.dialogs.withdrawn_erasure import item_list
from clientvault.ui.i18n import fmt

translate = QCoreApplication.translate
T = TypeVar("T")


class ErasureCells:
    """Labels and table cells of the erasure page (needs ``vault`` and ``_names`` on the page)."""

    vault: Vault
    _names: dict[int, ClientName]

    # -- labels --------------------------------------------------------------------------------

    def source_labels(self) -> dict[str, str]:
        """Translated names of the request sources."""
        return {
            "deletion_request": translate("ErasurePage", "Deletion request"),
            "consent_withdrawal": translate("ErasurePage", "Consent withdrawn"),
            "retention_expiry": translate("ErasurePage", "Retention period ended"),
            "partner_decision": translate("ErasurePage", "Partner's decision"),
        }

    def basis_labels(self) -> dict[str, str]:
        """Translated names of the legal bases, with their source in law."""
        return {
            "purpose_fulfilled": translate("ErasurePage", "Purpose achieved or no longer needed (PIPL Art 47(1)(1))"),
            "service_ended": translate("ErasurePage", "Service ended (PIPL Art 47(1)(2))"),
            "retention_ended": translate("ErasurePage", "Retention period ended (PIPL Art 47(1)(2))"),
            "consent_withdrawn": translate("ErasurePage", "Consent withdrawn (PIPL Arts 15, 47(1)(3))"),
            "unlawful_processing": translate("ErasurePage", "Unlawful processing (PIPL Art 47(1)(4))"),
            "other_law": translate("ErasurePage", "Other case provided by law (PIPL Art 47(1)(5))"),
            "deletion_request": translate("ErasurePage", "Deletion request by the individual (PIPL Art 47(1))"),
        }

    def state_labels(self) -> dict[str, str]:
        """Translated names of the request states."""
        return {
            "requested": translate("ErasurePage", "Requested"),
            "approved": translate("ErasurePage", "Approved"),
            "executed": translate("ErasurePage", "Executed"),
            "refused": translate("ErasurePage", "Refused"),
        }

    def _scope(self, scope: str) -> str:
        return translate("ErasurePage", "Whole record") if scope == "client" else translate("ErasurePage", "Some items")

    def _named(self, rows: list[T]) -> list[T]:
        """``rows`` (requests, register entries), with their clients' names read for the cells."""
        ids = [int(r.client_id) for r in rows]  # type: ignore[attr-defined]
        self._names.update(client_names(self.vault, ids))
        return rows

    def _client(self, client_id: int) -> str:
        return client_caption(self._names.get(client_id), client_id)

    def _request_cell(self, r: ErasureRequestRow, column: int) -> str:
        values = (
            str(r.id), self._client(r.client_id), self.source_labels().get(r.source, r.source), self._scope(r.scope),
            self.state_labels().get(r.state, r.state), r.requested_at[:10],
            self.basis_labels().get(r.legal_basis, r.legal_basis),
        )  # fmt: skip
        return values[column]

    def _withdrawn_cell(self, w: WithdrawnItems, column: int) -> str:
        request = fmt(translate("ErasurePage", "No. %1 open"), w.open_request) if w.open_request is not None else ""
        values = (str(w.client_id), w.name, item_list(w), w.flagged_at[:10], request)
        return values[column]

    def _register_cell(self, e: RegisterEntry, column: int) -> str:
        integrity = {
            "ok": translate("ErasurePage", "passed"),
            "problems": translate("ErasurePage", "PROBLEMS"),
            "not_run": translate("ErasurePage", "not run"),
            "pending": translate("ErasurePage", "checking…"),
        }
        values = (
            e.certificate_no, self._client(e.client_id), e.executed_at[:16].replace("T", " "), self._scope(e.scope),
            self.basis_labels().get(e.legal_basis, e.legal_basis), integrity.get(e.integrity, e.integrity), e.witness,
        )  # fmt: skip
        return values[column]
