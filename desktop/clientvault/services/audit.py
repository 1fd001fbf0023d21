"""Reading and verifying the audit log (partner and privacy officer).

Verification (docs/SECURITY.md "Audit log") walks the SHA-256 chain over every event, checks the
signature of the newest event signed with the partner key (a *checkpoint*: it covers every event
before it through the chain), checks each event after it against the signing key of the slot its
session logged in through, and compares the chain with the checkpoints kept outside the
database: the one in ``vault.keys`` and the newest one this workstation has seen.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from clientvault.core.roles import Capability
from clientvault.security import keyfile as kf
from clientvault.security.atomic import atomic_write_bytes
from clientvault.services import keyslots
from clientvault.services.context import Vault
from clientvault.storage.audit import AuditEvent, AuditFilter, AuditRepository, ChainStatus, signed_message
from clientvault.storage.users import UserRepository

__all__ = ["AuditEvent", "AuditFilter", "AuditService", "ChainStatus", "verify_chain"]


class AuditService:
    """Lists events page by page and verifies the hash chain and its signatures."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def count(self, flt: AuditFilter | None = None) -> int:
        """Count events matching ``flt``."""
        self.vault.require(Capability.VIEW_AUDIT, "audit")
        return self.vault.audit.count(flt)

    def page(self, flt: AuditFilter | None = None, *, offset: int = 0, limit: int = 200) -> list[AuditEvent]:
        """Return a page of events, newest first."""
        self.vault.require(Capability.VIEW_AUDIT, "audit")
        return self.vault.audit.page(flt, offset=offset, limit=limit)

    def user_names(self) -> dict[int, str]:
        """Map user ids to user names for display."""
        self.vault.require(Capability.VIEW_AUDIT, "audit")
        return {u.id: u.username for u in UserRepository(self.vault.db).list()}

    def verify(self) -> ChainStatus:
        """Verify chain, checkpoints and signatures; the check itself is audited (with its outcome)."""
        self.vault.require(Capability.VIEW_AUDIT, "audit")
        status = verify_chain(self.vault)
        self.vault.record("audit.verify", outcome="ok" if status.ok else "broken", reason=status.problem)
        return status

    def integrity(self) -> list[str]:
        """Check every page's HMAC and the SQLite structure; return the problems found (none = healthy)."""
        self.vault.require(Capability.VIEW_AUDIT, "integrity")
        problems = self.vault.db.integrity_problems()
        self.vault.record("vault.integrity_check", outcome="ok" if not problems else "problems")
        return problems


def verify_chain(vault: Vault) -> ChainStatus:
    """Verify the audit log of ``vault`` (no role check, no audit event: the callers do both)."""
    state_dir = vault.state_dir
    repo = vault.audit
    signer = vault.session.signer
    vid = vault.vault_id
    checkpoints = list(repo.signed_by(kf.PARTNER))  # few, and each covers every event before it
    start = checkpoints[-1].seq if checkpoints else 0
    window = list(repo.iter_all(after=start))
    head_seq, head = repo.head()
    anchors = {ev.seq: ev.hash for ev in (*checkpoints, *window)}
    if head_seq:
        anchors[head_seq] = head
    status = repo.verify(anchors=anchors)
    if not status.ok:
        return replace(status, problem="chain")
    for ev in checkpoints:
        if not _signed(vid, ev, signer):
            return replace(status, ok=False, first_broken=ev.seq, problem="checkpoint")
    bad = _first_unsigned(vault, window)
    if bad is not None:
        n, ev = bad
        return replace(status, ok=False, first_broken=ev.seq, checkpoint=start, problem="signature", window=n)
    status = replace(status, checkpoint=start, window=len(window))
    head_mark = vault.keyfile.audit_head
    if head_mark:
        seq = int(head_mark.get("seq", 0) or 0)
        if not kf.checkpoint_ok(vid, head_mark, signer) or repo.hash_at(seq) != head_mark.get("hash"):
            return replace(status, ok=False, first_broken=seq, problem="keys_checkpoint")
    seen = _seen(state_dir, vid)
    if seen is not None and repo.hash_at(int(str(seen["seq"]))) != seen.get("hash"):
        return replace(status, ok=False, first_broken=int(str(seen["seq"])), problem="workstation_checkpoint")
    if state_dir is not None and checkpoints:
        _remember(state_dir, vid, start, checkpoints[-1].hash)
    return status


def verify_window(vault: Vault) -> bool:
    """The incremental check before a checkpoint: the newest checkpoint's signature, the chain
    from it, and every event after it against its session's key (cost: the window only)."""
    repo = vault.audit
    signer = vault.session.signer
    last = repo.last_signed_by(kf.PARTNER)
    start = 0
    if last is not None:
        if not _signed(vault.vault_id, last, signer):
            return False
        start = last.seq
    if not repo.verify(after=start).ok:
        return False
    return _first_unsigned(vault, repo.iter_all(after=start)) is None and anchor_holds(vault)


def checkpoint(vault: Vault, why: str) -> bool:
    """Append a checkpoint signed with the partner key, if the session holds it and the events
    since the previous checkpoint verify; otherwise record what was found and sign nothing."""
    keys = vault.session.keys
    if keys is None or keys.pk is None:
        return False
    if not verify_window(vault):
        vault.record("key.tamper_detected", "audit", reason=why, outcome="tampered")
        if "audit" not in vault.warnings:
            vault.warnings.append("audit")
        return False
    partner_key = kf.partner_signing_key(vault.vault_id, keys.pk)
    repo = AuditRepository(vault.db, vault.vault_id, (kf.PARTNER, partner_key.sign))
    repo.append(user_id=vault.session.user_id, action="audit.checkpoint", reason=why)
    remember_checkpoint(vault)
    return True


def anchor_holds(vault: Vault) -> bool:
    """Whether the newest checkpoint this workstation saw is still in the chain (cheap: one row)."""
    seen = _seen(vault.state_dir, vault.vault_id)
    return seen is None or vault.audit.hash_at(int(str(seen["seq"]))) == seen.get("hash")


def remember_checkpoint(vault: Vault) -> None:
    """Remember the newest event signed with the partner key as this workstation's anchor."""
    if vault.state_dir is None:
        return
    last = vault.audit.last_signed_by(kf.PARTNER)
    if last is not None and _signed(vault.vault_id, last, vault.session.signer):
        _remember(vault.state_dir, vault.vault_id, last.seq, last.hash)


def _first_unsigned(vault: Vault, events: Iterable[AuditEvent]) -> tuple[int, AuditEvent] | None:
    """The first event (1-based position, event) not signed by its own session's certified slot."""
    slots = kf.certified(vault.vault_id, keyslots.known_slots(vault.db), vault.session.signer)
    for n, ev in enumerate(events, start=1):
        slot = slots.get(ev.signer or "")
        if slot is None or _acts_for_other(slot, ev) or not _signed(vault.vault_id, ev, slot.sign_public):
            return n, ev
    return None


def _acts_for_other(slot: kf.Slot, ev: AuditEvent) -> bool:
    """An event signed by a slot of another user. The recovery slot acts for the partner whose
    password it resets, so its events may name any user."""
    return slot.kind != "recovery" and ev.user_id is not None and slot.user_id != ev.user_id


def _signed(vault_id: str, ev: AuditEvent, public: bytes) -> bool:
    try:
        sig = base64.b64decode(ev.sig or "", validate=True)
    except ValueError:
        return False
    return bool(sig) and kf.verify_signature(public, signed_message(vault_id, ev.hash), sig)


def _seen_path(state_dir: Path, vault_id: str) -> Path:
    return state_dir / f"checkpoint-{vault_id}.json"


def _seen(state_dir: Path | None, vault_id: str) -> dict[str, object] | None:
    """The newest checkpoint this workstation verified (outside the vault folder: an insider's
    edits of the vault's files cannot roll it back)."""
    if state_dir is None:
        return None
    try:
        data = json.loads(_seen_path(state_dir, vault_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "seq" in data else None


def _remember(state_dir: Path, vault_id: str, seq: int, head: str) -> None:
    old = _seen(state_dir, vault_id)
    if old is not None and int(str(old["seq"])) >= seq:
        return
    try:
        state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_bytes(_seen_path(state_dir, vault_id), json.dumps({"seq": seq, "hash": head}).encode())
    except OSError:
        pass  # the memory is a second anchor; losing it only narrows what this workstation can see
