"""The key-change protocol and the checks that keep ``vault.keys`` honest (docs/SECURITY.md).

Every change of ``vault.keys`` holds the key-change lock from reading the *current* file to
writing it for the last time, so two workstations never write from stale copies, and keeps
only slots whose certificate verifies under the partner signing key the session trusts (from
its own password layer): a slot typed into the file, a ``holds_partner_key`` flipped by hand or
a planted slot is never resealed and never given ``PK``. The three steps:

1. ``vault.keys`` is written with ``generation + 1``, the new slots and ``previous`` (the old
   generation and slots);
2. in one transaction the database records the new generation, the audit event and whatever
   the change goes with (a user marked disabled); for a rekey, ``PRAGMA rekey`` follows;
3. ``vault.keys`` is written again without ``previous`` and with a signed audit checkpoint
   (when the session holds ``PK``).

A crash at any point leaves a vault that the next open rolls forward (under the same lock).
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Callable
from dataclasses import replace

from clientvault.core.errors import GenerationMismatch, KeysFileError, ValidationError
from clientvault.security import keyfile as kf
from clientvault.security.keyfile import KeyFile, Slot, VaultKeys
from clientvault.security.keylock import key_change_lock
from clientvault.services.context import Vault
from clientvault.storage.db import Database
from clientvault.storage.slots import SlotRecordRepository
from clientvault.storage.users import MetaRepository

log = logging.getLogger(__name__)

SIGNER_META = "slot_signer"
# The ten PINs seen most in leaked PIN lists, beyond the patterns refused below.
_COMMON_PINS = frozenset(
    {"123456", "654321", "111111", "000000", "123123", "121212", "112233", "666666", "888888", "520520", "147258"}
)

#: A change: takes the certified slots of the current file, returns the new slot list.
Mutation = Callable[[list[Slot]], list[Slot]]


def check_pin(pin: str) -> None:
    """Refuse a weak PIN: all one digit, an ascending or descending run, or a common one."""
    digits = pin.strip()
    if not digits.isdigit():
        return  # a PIN with letters is a short password: check_password's rules apply
    steps = {int(b) - int(a) for a, b in itertools.pairwise(digits)}
    if len(set(digits)) == 1 or steps in ({1}, {-1}) or digits in _COMMON_PINS:
        raise ValidationError({"pin": "weak"})


def record_json(slot: Slot) -> str:
    """The public parts and certificate of a slot, as kept in ``slot_records`` (no key material)."""
    doc = slot.to_json()
    for secret_part in ("aead", "envelope", "kdf"):
        doc.pop(secret_part, None)
    return json.dumps(doc, sort_keys=True, separators=(",", ":"))


def slot_from_record(text: str) -> Slot:
    """Rebuild a slot from ``slot_records`` (enough to verify its certificate and signatures)."""
    doc = json.loads(text)
    doc.update(
        {
            "aead": {"name": "AES-256-GCM", "nonce": "", "ciphertext": ""},
            "kdf": {"name": "argon2id"},
            "envelope": {"epk": "", "nonce": "", "ciphertext": ""},
        }
    )
    return Slot.from_json(doc)


def remember_slots(db: Database, slots: list[Slot]) -> None:
    """Keep the public record of every slot (inside the caller's transaction)."""
    repo = SlotRecordRepository(db)
    for s in slots:
        repo.add(s.slot_id, record_json(s))


def known_slots(db: Database) -> list[Slot]:
    """Every slot ever recorded (used to verify audit signatures of removed slots)."""
    out = []
    for _slot_id, text in SlotRecordRepository(db).all():
        try:
            out.append(slot_from_record(text))
        except (ValueError, KeyError, TypeError):
            continue  # a row someone typed in: never certified, so never trusted
    return out


def forged(vault_id: str, keyfile: KeyFile, signer: bytes) -> list[Slot]:
    """Slots in ``keyfile`` whose certificate does not verify under ``signer``."""
    good = kf.certified(vault_id, keyfile.slots, signer)
    return [s for s in keyfile.slots if s.slot_id not in good]


def change_keys(
    vault: Vault,
    mutate: Mutation,
    *,
    action: str,
    obj: str = "",
    rekey: bool = False,
    inside: Callable[[], None] | None = None,
    on_commit: Callable[[list[Slot], list[Slot]], None] | None = None,
) -> None:
    """Run the key-change protocol from the current ``vault.keys`` under the key-change lock.

    Args:
        mutate: gets the certified slots of the current file, returns the new list.
        rekey: re-encrypt the database under a fresh ``DK`` sealed to every remaining slot.
        inside: runs inside the database transaction of step 2 (one step with the key change).
        on_commit: gets (old slots, new slots) after the change is final (e.g. forget keyring secrets).
    """
    folder = vault.paths.folder
    with key_change_lock(folder):
        current = refresh(vault)
        signer = vault.session.signer
        good = kf.certified(vault.vault_id, current.slots, signer)
        slots = mutate(list(good.values()))
        keys = vault.session.keys
        assert keys is not None
        new_keys = VaultKeys(dk=kf.new_key(), pk=keys.pk) if rekey else None
        if new_keys is not None:
            slots = [kf.reseal(vault.vault_id, s, new_keys) for s in slots]
        gen = current.generation + 1
        previous = {"generation": current.generation, "slots": [s.to_json() for s in current.slots]}
        pending = KeyFile(vault.vault_id, gen, tuple(slots), current.audit_head, previous, signer)
        kf.save(vault.paths.keys, pending)
        vault.keyfile = pending
        with vault.db.transaction():
            if inside is not None:
                inside()
            meta = MetaRepository(vault.db)
            meta.set("generation", str(gen))
            meta.set(SIGNER_META, kf.public_key_text(signer))
            remember_slots(vault.db, slots)
            vault.record(action, obj)
        if new_keys is not None:
            vault.db.rekey(new_keys.dk)
            vault.session.keys = new_keys
        from clientvault.services.audit import checkpoint as audit_checkpoint  # audit uses this module

        audit_checkpoint(vault, action)
        finish(vault, gen, tuple(slots))
    if on_commit is not None:
        on_commit(list(current.slots), slots)


def refresh(vault: Vault) -> KeyFile:
    """Re-read ``vault.keys`` (caller holds the lock) and follow a change another process made.

    If the generation moved (another workstation changed keys), this session's envelope in the
    new file gives the current ``DK``; the connection is reopened under it when it changed.

    Raises:
        KeysFileError: ``no_slot`` when this session's slot is gone (its access was revoked).
    """
    current = kf.load(vault.paths.keys, expected_vault_id=vault.vault_id)
    if current.previous is not None:
        # We hold the lock, so the process that wrote this is gone: finish its change.
        finish_interrupted(vault, current)
        current = vault.keyfile
    if current.generation != vault.keyfile.generation or current.slots != vault.keyfile.slots:
        keys = session_keys(vault, current)
        if keys is None:
            raise KeysFileError("no_slot")
        old = vault.session.keys
        if old is not None and keys.dk != old.dk:
            vault.db.reopen(keys.dk)
        vault.session.keys = keys
    vault.keyfile = current
    return current


def session_keys(vault: Vault, keyfile: KeyFile) -> VaultKeys | None:
    """This session's keys as its own slot in ``keyfile`` gives them (None: the slot is gone)."""
    mine = next((s for s in keyfile.slots if s.slot_id == vault.session.slot_id), None)
    if mine is None or vault.session.private is None:
        return None
    keys = kf.open_checked(vault.vault_id, mine, kf.OpenedSlot(vault.session.private, vault.session.signer))
    return keys if mine.holds_partner_key else VaultKeys(dk=keys.dk)


def follow(vault: Vault) -> bytes | None:
    """The current ``DK`` when another process changed keys since this session read the file.

    Called by the database when the file stops opening under the session's key. Waits for an
    in-flight change to finish (the key-change lock), then opens this session's own envelope in
    the new file. None when nothing changed or this session's slot is gone (revoked: the error
    stands).
    """
    if vault.session.private is None:
        return None
    try:
        with key_change_lock(vault.paths.folder):
            current = kf.load(vault.paths.keys, expected_vault_id=vault.vault_id)
    except (KeysFileError, OSError):
        return None
    keys = session_keys(vault, current) if current.generation != vault.keyfile.generation else None
    if keys is None:
        return None
    vault.session.keys = keys
    vault.keyfile = current
    log.info("following a key change made by another process")
    return keys.dk


def finish_interrupted(vault: Vault, keyfile: KeyFile) -> None:
    """Settle an interrupted key change (caller holds the lock; the database is open).

    Forward when its database step committed (the generation moved): write the final file.
    Back when it did not: nothing reached the database, so the file returns to the previous
    slots (see ``VaultService._settle``, which does the same at login).
    """
    meta = MetaRepository(vault.db)
    db_gen = int(meta.get("generation") or "0")
    previous_gen = int(keyfile.previous.get("generation", -1)) if keyfile.previous else -1
    if db_gen == previous_gen and db_gen != keyfile.generation:
        rolled = kf.rolled_back(keyfile)
        kf.save(vault.paths.keys, rolled)
        vault.keyfile = rolled
        return
    if db_gen != keyfile.generation:
        raise GenerationMismatch(db_gen, keyfile.generation)
    vault.record("key.change_completed")
    finish(vault, keyfile.generation, keyfile.slots, base=keyfile)


def finish(vault: Vault, gen: int, slots: tuple[Slot, ...] | list[Slot], *, base: KeyFile | None = None) -> None:
    """Step 3: write ``vault.keys`` without ``previous``, with a signed checkpoint when possible."""
    head = checkpoint(vault) or (base or vault.keyfile).audit_head
    final = KeyFile(vault.vault_id, gen, tuple(slots), head, None, vault.session.signer)
    kf.save(vault.paths.keys, final)
    vault.keyfile = final


def checkpoint(vault: Vault) -> dict[str, object] | None:
    """The newest audit checkpoint, signed again for ``vault.keys`` (None without ``PK``)."""
    keys = vault.session.keys
    if keys is None or keys.pk is None:
        return None
    last = vault.audit.last_signed_by(kf.PARTNER)
    if last is None:
        return None
    seq, head = last.seq, last.hash
    return kf.sign_checkpoint(vault.vault_id, seq, head, kf.partner_signing_key(vault.vault_id, keys.pk))


def mirror_checkpoint(vault: Vault) -> None:
    """Write the newest signed checkpoint into ``vault.keys`` (partner sessions; no slot changes)."""
    if checkpoint(vault) is None or vault.keyfile.audit_head.get("seq") == checkpoint_seq(vault):
        return
    with key_change_lock(vault.paths.folder):
        current = refresh(vault)
        finish(vault, current.generation, current.slots, base=current)


def checkpoint_seq(vault: Vault) -> int:
    """Seq of the newest checkpoint in the log (0 when there is none)."""
    last = vault.audit.last_signed_by(kf.PARTNER)
    return last.seq if last is not None else 0


def with_certificate(vault: Vault, slot: Slot) -> Slot:
    """Certify a new user or recovery slot with the partner key (the session must hold ``PK``)."""
    keys = vault.session.keys
    if keys is None or keys.pk is None:
        raise KeysFileError("partner_key_unavailable")
    return kf.certify(vault.vault_id, slot, kf.partner_signing_key(vault.vault_id, keys.pk), kf.PARTNER)


def certify_workstation(vault: Vault, slot: Slot, parent: Slot) -> Slot:
    """Certify a workstation slot with the key of its owner's user slot (no partner needed)."""
    assert vault.session.private is not None
    key = kf.slot_signing_key(vault.vault_id, parent.slot_id, vault.session.private)
    return kf.certify(vault.vault_id, replace(slot, parent=parent.slot_id), key, parent.slot_id)
