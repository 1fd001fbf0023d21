"""The audit log, filtered, as an Excel workbook (partner, privacy officer).

Events hold ids, codes, purposes and reasons — never a client value — so the workbook is written
directly (atomically) rather than filed in the export register; writing it is audited.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from clientvault.core.roles import Capability
from clientvault.documents.workbook_writer import Column, Sheet, Stamp, write_sheets
from clientvault.security.atomic import atomic_write_bytes
from clientvault.services.audit import AuditService
from clientvault.services.context import Vault
from clientvault.storage.audit import AuditFilter

_PAGE = 1000
COLUMNS = (
    Column("序号 seq", width=10),
    Column("时间 time", width=26),
    Column("人员 user", width=16),
    Column("事项 action", width=24),
    Column("对象 object", width=24),
    Column("目的 purpose", width=16),
    Column("说明 reason", width=30),
    Column("结果 outcome", width=12),
    Column("哈希 hash", identifier=True, width=66),
)


class AuditExportService:
    """Writes the audit log (as filtered on the audit page) to a workbook."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def render(self, flt: AuditFilter | None = None) -> tuple[bytes, int]:
        """The workbook bytes and the number of events in it."""
        self.vault.require(Capability.VIEW_AUDIT, "audit_export")
        audit = AuditService(self.vault)
        names = audit.user_names()
        rows: list[list[object]] = []
        offset = 0
        while page := audit.page(flt, offset=offset, limit=_PAGE):
            rows += [
                [e.seq, e.at, names.get(e.user_id or 0, ""), e.action, e.object, e.purpose, e.reason, e.outcome, e.hash]
                for e in page
            ]
            offset += len(page)
        at = datetime.now().astimezone().isoformat(timespec="minutes")
        stamp = Stamp(self.vault.firm_name, self.vault.session.display_name, at, "审计日志 audit log", "审计日志")
        data, _ = write_sheets([Sheet("审计日志", COLUMNS, rows)], stamp)
        return data, len(rows)

    def save(self, path: Path, flt: AuditFilter | None = None) -> int:
        """Write the workbook to ``path``; return the number of events."""
        data, n = self.render(flt)
        atomic_write_bytes(Path(path), data)
        with self.vault.db.transaction():
            self.vault.record("audit.export", reason=f"events={n}")
        return n
