"""Clients' names and credit codes for the lists that name clients by id (requests, approvals, registers).

A request, an approval or a register entry keeps the client's id only; the page showing it asks
here for the name and credit code. A client still on file gives both (to roles that see it); a
sealed or erased one gives nothing but its state: its name is sealed in its record or gone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clientvault.core.roles import Capability, Scope
from clientvault.services.context import Vault
from clientvault.storage.clients import VISIBLE_STATUSES

_CHUNK = 500


@dataclass(frozen=True)
class ClientName:
    """What a list may say about one client."""

    client_id: int
    name: str  # "" when sealed, erased, unknown or not visible to the role
    uscc: str  # the unified social credit code, "" when none (or not shown)
    status: str  # prospect / active / ended / locked / erased; "" when there is no such client


def client_names(vault: Vault, client_ids: Iterable[int]) -> dict[int, ClientName]:
    """Names and codes of ``client_ids`` for the acting role (one query per 500 ids).

    Roles that see assigned clients only get the names of those; every role gets the state.
    """
    granted = vault.require(Capability.VIEW_CLIENTS, "clients")
    ids = sorted(set(client_ids))
    assigned: set[int] | None = None
    if granted is Scope.ASSIGNED:
        rows = vault.db.all("SELECT client_id FROM client_accountants WHERE user_id = ?", (vault.session.user_id,))
        assigned = {int(r[0]) for r in rows}
    out: dict[int, ClientName] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        for cid, name, uscc, status in vault.db.all(
            f"SELECT id, name, uscc, status FROM clients WHERE id IN ({marks})", chunk
        ):
            shown = status in VISIBLE_STATUSES and (assigned is None or int(cid) in assigned)
            out[int(cid)] = ClientName(
                int(cid), str(name or "") if shown else "", str(uscc or "") if shown else "", str(status)
            )
    for cid in ids:
        out.setdefault(cid, ClientName(cid, "", "", ""))
    return out
