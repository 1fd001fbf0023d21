"""Issue 8: each finding, replayed as the insider would, now fails or is detected.

The insider is a member of staff who logs in legitimately, unwraps their own slot with their own
password using nothing but docs/SECURITY.md (the independent reader below imports no ClientVault
key code), and then edits ``vault.keys`` with a text editor and ``vault.db`` with an SQLCipher
shell keyed with the data key.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from clientvault.core.errors import AccessDenied, InvalidState, KeysFileError, ValidationError, WrongCredentials
from clientvault.core.roles import Role
from clientvault.services.audit import AuditService
from clientvault.services.context import Vault
from clientvault.services.erasure import ErasureService
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService
from clientvault.storage.audit import AuditFilter
from tests.conftest import PARTNER, PARTNER_PASSWORD, STAFF_PASSWORD
from tests.fixtures.memkeyring import MemoryKeyring

# -- an independent reader of the documented format ------------------------------------------------


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _canon(value: list[object]) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _aad(vault_id: str, slot: dict) -> bytes:
    return _canon(["clientvault-keys", vault_id, slot["slot_id"], slot["kind"], slot["user_id"]])


def insider_unwrap(folder: Path, user_id: int, password: str) -> tuple[bytes, bytes]:
    """Return (private X25519 key, DK) of the insider's own user slot, from the doc alone."""
    doc = json.loads((folder / "vault.keys").read_text())
    slot = next(s for s in doc["slots"] if s["kind"] == "user" and s["user_id"] == user_id)
    kdf = slot["kdf"]
    key = hash_secret_raw(password.encode(), base64.b64decode(kdf["salt"]), int(kdf["time_cost"]),
                          int(kdf["memory_kib"]), int(kdf["parallelism"]), 32, Type.ID)  # fmt: skip
    plain = AESGCM(key).decrypt(base64.b64decode(slot["aead"]["nonce"]), base64.b64decode(slot["aead"]["ciphertext"]),
                                _aad(doc["vault_id"], slot))  # fmt: skip
    private = plain[1:33]
    env = slot["envelope"]
    epk = base64.b64decode(env["epk"])
    shared = X25519PrivateKey.from_private_bytes(private).exchange(X25519PublicKey.from_public_bytes(epk))
    aad = _aad(doc["vault_id"], slot) + b"envelope"
    k = HKDF(hashes.SHA256(), 32, epk + base64.b64decode(slot["public"]), aad).derive(shared)
    payload = AESGCM(k).decrypt(base64.b64decode(env["nonce"]), base64.b64decode(env["ciphertext"]), aad)
    return private, payload[1:33]


def seal_to(vault_id: str, slot: dict, payload: bytes) -> dict[str, str]:
    """Seal a payload to a slot's public key (needs no secret: that is the point of finding 2)."""
    eph = X25519PrivateKey.generate()
    public = base64.b64decode(slot["public"])
    shared = eph.exchange(X25519PublicKey.from_public_bytes(public))
    epk = eph.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    aad = _aad(vault_id, slot) + b"envelope"
    k = HKDF(hashes.SHA256(), 32, epk + public, aad).derive(shared)
    nonce = os.urandom(12)
    return {"epk": _b64(epk), "nonce": _b64(nonce), "ciphertext": _b64(AESGCM(k).encrypt(nonce, payload, aad))}


def sql_shell(folder: Path, dk: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(folder / "vault.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{dk.hex()}'\"")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    return conn


def edit_keys(folder: Path, change: Callable[[dict], None]) -> None:
    path = folder / "vault.keys"
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc))


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def office(new_vault: Vault, add_staff: Callable[..., int], fast_vaults: VaultService, vault_dir: Path) -> dict:
    """A partner, an accountant (the insider) and a colleague; everyone logged out."""
    ids = {"acc": add_staff("acc"), "colleague": add_staff("colleague")}
    ids["partner"] = new_vault.session.user_id
    new_vault.lock()
    return ids


def partner(fast_vaults: VaultService, vault_dir: Path) -> Vault:
    return fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)


# -- finding 1: the partner key to an accountant ----------------------------------------------------


def test_flipping_holds_partner_key_never_gives_the_partner_key(
    office: dict, fast_vaults: VaultService, vault_dir: Path
) -> None:
    def flip(doc: dict) -> None:
        for s in doc["slots"]:
            if s["user_id"] == office["acc"]:
                s["holds_partner_key"] = True

    edit_keys(vault_dir, flip)
    with pytest.raises(KeysFileError) as info:  # the insider's own login: the certificate fails
        fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)
    assert info.value.reason == "forged_slot"
    boss = partner(fast_vaults, vault_dir)  # sees it, audits it, and removes the slot
    try:
        assert boss.warnings == ["slots"]
        tamper = boss.audit.page(AuditFilter(action_prefix="key.tamper_detected"))
        assert tamper and all(e.outcome == "tampered" for e in tamper)
        UserService(boss, fast_vaults).disable(office["colleague"])  # a rekey: reseal
    finally:
        boss.lock()
    doc = json.loads((vault_dir / "vault.keys").read_text())
    assert not [s for s in doc["slots"] if s["user_id"] == office["acc"] and s["holds_partner_key"]]
    with pytest.raises((WrongCredentials, KeysFileError)):
        fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)


# -- finding 2: revocation defeated by a planted slot -------------------------------------------------


def _plant_partner_slot(folder: Path, insider_id: int, partner_id: int, dk: bytes, *, fake_signer: bool) -> None:
    """Append a user slot for the partner's id, wrapped under the insider's own password."""
    doc = json.loads((folder / "vault.keys").read_text())
    vid = doc["vault_id"]
    mine = next(s for s in doc["slots"] if s["user_id"] == insider_id and s["kind"] == "user")
    private = X25519PrivateKey.generate()
    sign = Ed25519PrivateKey.generate()
    signer = base64.b64decode(doc["signer"])
    if fake_signer:
        signer = sign.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        doc["signer"] = _b64(signer)
    slot = dict(mine)
    slot.update(slot_id="6f1c3c6e-0000-4000-8000-00000000beef", user_id=partner_id, holds_partner_key=True,
                public=_b64(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)))  # fmt: skip
    kdf = slot["kdf"]
    key = hash_secret_raw(STAFF_PASSWORD.encode(), base64.b64decode(kdf["salt"]), int(kdf["time_cost"]),
                          int(kdf["memory_kib"]), int(kdf["parallelism"]), 32, Type.ID)  # fmt: skip
    nonce = os.urandom(12)
    plain = b"\x02" + private.private_bytes_raw() + signer
    slot["aead"] = {"name": "AES-256-GCM", "nonce": _b64(nonce),
                    "ciphertext": _b64(AESGCM(key).encrypt(nonce, plain, _aad(vid, slot)))}  # fmt: skip
    slot["envelope"] = seal_to(vid, slot, b"\x01" + dk + os.urandom(32))
    record = _canon(["clientvault-slot", vid, slot["slot_id"], "user", partner_id, slot["public"],
                     slot["sign_public"], True, None, None])  # fmt: skip
    slot["cert"] = {"by": "partner", "sig": _b64(sign.sign(record))}
    doc["slots"].append(slot)
    (folder / "vault.keys").write_text(json.dumps(doc))
    if fake_signer:
        conn = sql_shell(folder, dk)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'slot_signer'", (_b64(signer),))
        conn.close()


@pytest.mark.parametrize("fake_signer", [False, True], ids=["real-signer", "signer-replaced"])
def test_a_planted_slot_is_refused_and_does_not_survive_disabling_the_leaver(
    office: dict, fast_vaults: VaultService, vault_dir: Path, fake_signer: bool
) -> None:
    _private, dk = insider_unwrap(vault_dir, office["acc"], STAFF_PASSWORD)
    _plant_partner_slot(vault_dir, office["acc"], office["partner"], dk, fake_signer=fake_signer)
    if not fake_signer:
        with pytest.raises((KeysFileError, WrongCredentials)):
            fast_vaults.unlock(vault_dir, PARTNER, STAFF_PASSWORD)
    # Whatever the insider's own process believes, the partner's sees the truth and disables them.
    boss = partner(fast_vaults, vault_dir)
    try:
        UserService(boss, fast_vaults).disable(office["acc"])
    finally:
        boss.lock()
    doc = json.loads((vault_dir / "vault.keys").read_text())
    assert all(s["slot_id"] != "6f1c3c6e-0000-4000-8000-00000000beef" for s in doc["slots"])
    assert (base64.b64decode(doc["signer"]) != b"" and not fake_signer) or doc["signer"] != _b64(b"")
    # The leaver puts the planted slot back from their copy: the data key it holds is the old one.
    _plant_partner_slot(vault_dir, office["colleague"], office["partner"], dk, fake_signer=False)
    with pytest.raises((KeysFileError, WrongCredentials)):
        fast_vaults.unlock(vault_dir, PARTNER, STAFF_PASSWORD)
    with pytest.raises(WrongCredentials):
        fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)


# -- finding 3: the audit log rewritten ------------------------------------------------------------------


def _rehash_from(conn: sqlcipher3.Connection, vault_id: str, start: int) -> None:
    """Recompute every hash from ``start`` on, as the insider would (SECURITY.md gives the formula)."""
    prev = conn.execute("SELECT hash FROM audit WHERE seq = ?", (start - 1,)).fetchone()
    prev_hash = prev[0] if prev else hashlib.sha256(f"clientvault-audit-genesis\x00{vault_id}".encode()).hexdigest()
    for seq, body in conn.execute("SELECT seq, body FROM audit WHERE seq >= ? ORDER BY seq", (start,)).fetchall():
        h = hashlib.sha256((prev_hash + body).encode()).hexdigest()
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev_hash, h, seq))
        prev_hash = h


def _events_by_staff(fast_vaults: VaultService, vault_dir: Path, n: int = 3) -> None:
    staff = fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)
    for _ in range(n):
        staff.record("test.event", "client:1")
    staff.lock()


def _verify(fast_vaults: VaultService, vault_dir: Path) -> tuple[bool, str]:
    boss = partner(fast_vaults, vault_dir)
    assert "audit" in boss.warnings  # the login saw it too, and signed no checkpoint over it
    try:
        status = AuditService(boss).verify()
    finally:
        boss.lock()
    return status.ok, status.problem


def test_rows_deleted_after_the_mirrored_head_are_detected(
    office: dict, fast_vaults: VaultService, vault_dir: Path
) -> None:
    boss = partner(fast_vaults, vault_dir)  # the partner's login is a checkpoint, mirrored into vault.keys
    head = int(boss.keyfile.audit_head["seq"])
    vid = boss.vault_id
    boss.lock()
    _events_by_staff(fast_vaults, vault_dir)
    _private, dk = insider_unwrap(vault_dir, office["acc"], STAFF_PASSWORD)
    conn = sql_shell(vault_dir, dk)
    conn.execute("DELETE FROM audit WHERE seq >= ?", (head - 1,))
    conn.close()
    del vid
    ok, problem = _verify(fast_vaults, vault_dir)
    assert not ok and problem in ("checkpoint", "keys_checkpoint", "workstation_checkpoint", "signature")


def test_an_edited_row_with_a_rehashed_tail_is_detected(
    office: dict, fast_vaults: VaultService, vault_dir: Path
) -> None:
    _events_by_staff(fast_vaults, vault_dir)
    _private, dk = insider_unwrap(vault_dir, office["acc"], STAFF_PASSWORD)
    conn = sql_shell(vault_dir, dk)
    vid = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()[0]
    last = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
    conn.execute("UPDATE audit SET body = json_set(body, '$[4]', 'client:2') WHERE seq = ?", (last - 1,))
    _rehash_from(conn, vid, last - 1)
    conn.close()
    ok, problem = _verify(fast_vaults, vault_dir)
    assert not ok and problem == "signature"


def test_an_early_row_edited_and_the_whole_chain_and_keys_head_rewritten_is_detected(
    office: dict, fast_vaults: VaultService, vault_dir: Path
) -> None:
    _events_by_staff(fast_vaults, vault_dir)
    _private, dk = insider_unwrap(vault_dir, office["acc"], STAFF_PASSWORD)
    conn = sql_shell(vault_dir, dk)
    vid = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()[0]
    conn.execute("UPDATE audit SET body = json_set(body, '$[6]', 'edited') WHERE seq = 2")
    _rehash_from(conn, vid, 2)
    seq, h = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    conn.close()
    edit_keys(vault_dir, lambda doc: doc.update(audit_head={"seq": seq, "hash": h, "sig": _b64(b"x" * 64)}))
    ok, problem = _verify(fast_vaults, vault_dir)
    assert not ok and problem in ("checkpoint", "signature", "keys_checkpoint")


def test_a_rollback_below_what_this_workstation_saw_is_named(
    office: dict, fast_vaults: VaultService, vault_dir: Path
) -> None:
    # The insider keeps an old vault.keys (with an older signed checkpoint) and truncates to it:
    # the partner's own workstation remembers the newer checkpoint.
    old_keys = (vault_dir / "vault.keys").read_bytes()
    boss = partner(fast_vaults, vault_dir)
    first_new = boss.audit.head()[0]
    boss.lock()
    _private, dk = insider_unwrap(vault_dir, office["acc"], STAFF_PASSWORD)
    conn = sql_shell(vault_dir, dk)
    conn.execute("DELETE FROM audit WHERE seq >= ?", (first_new,))
    conn.close()
    (vault_dir / "vault.keys").write_bytes(old_keys)
    ok, problem = _verify(fast_vaults, vault_dir)
    assert not ok and problem in ("workstation_checkpoint", "signature")


# -- finding 4: scan-residue as an oracle ----------------------------------------------------------------


def test_scan_residue_is_refused_to_everyone_but_the_partner(
    new_vault: Vault, add_staff: Callable[..., int], fast_vaults: VaultService, vault_dir: Path
) -> None:
    add_staff("po", Role.PRIVACY_OFFICER)
    po = fast_vaults.unlock(vault_dir, "po", STAFF_PASSWORD)
    try:
        guesses = [f"11010519900307{n:04d}" for n in range(2700)]
        with pytest.raises(AccessDenied):
            ErasureService(po).scan_residue(guesses)
    finally:
        po.lock()
    denied = new_vault.audit.page(AuditFilter(action_prefix="residue.scan"))
    assert [(e.outcome, e.reason) for e in denied] == [("denied", "needles=2700")]
    assert ErasureService(new_vault).scan_residue(["nothing-like-this"]).clean


# -- finding 5: workstation slots and PINs --------------------------------------------------------------


@pytest.mark.parametrize("pin", ["000000", "111111", "123456", "654321", "345678", "987654", "520520"])
def test_weak_pins_are_refused(new_vault: Vault, fast_vaults: VaultService, pin: str) -> None:
    with pytest.raises(ValidationError):
        fast_vaults.remember_workstation(new_vault, pin)


def test_a_partner_pin_session_has_no_partner_key_until_the_password_is_typed(
    new_vault: Vault, fast_vaults: VaultService, vault_dir: Path
) -> None:
    fast_vaults.keyring = fast_vaults.keyring.__class__(backend=MemoryKeyring())
    assert fast_vaults.remember_workstation(new_vault, "583920")
    doc = json.loads((vault_dir / "vault.keys").read_text())
    (ws,) = [s for s in doc["slots"] if s["kind"] == "workstation"]
    assert ws["holds_partner_key"] is False
    new_vault.lock()
    pin_session = fast_vaults.unlock_with_pin(vault_dir, PARTNER, "583920")
    try:
        assert pin_session.session.keys is not None and pin_session.session.keys.pk is None
        with pytest.raises(InvalidState):  # adding staff certifies a slot: it needs PK
            UserService(pin_session, fast_vaults).add("newbie", "新人", Role.ACCOUNTANT, STAFF_PASSWORD)
        fast_vaults.unlock_partner_key(pin_session, PARTNER_PASSWORD)
        assert pin_session.session.keys.pk is not None
        UserService(pin_session, fast_vaults).add("newbie2", "新人", Role.ACCOUNTANT, STAFF_PASSWORD)
    finally:
        pin_session.lock()


# -- several workstations: a colleague's rekey is followed, not reported as damage ---------------------


def test_an_open_session_follows_a_rekey_made_by_another_workstation(
    office: dict, fast_vaults: VaultService, vault_dir: Path
) -> None:
    staff = fast_vaults.unlock(vault_dir, "acc", STAFF_PASSWORD)  # workstation A, left open
    try:
        boss = partner(fast_vaults, vault_dir)  # workstation B disables a colleague: a rekey
        try:
            UserService(boss, fast_vaults).disable(office["colleague"])
        finally:
            boss.lock()
        staff.record("test.after_rekey")  # A's next write works under the new key
        assert staff.audit.head()[0] > 0
        assert staff.keyfile.generation == json.loads((vault_dir / "vault.keys").read_text())["generation"]
    finally:
        staff.lock()
    AuditService(partner(fast_vaults, vault_dir)).verify()


def test_a_partner_key_of_the_insiders_choosing_sealed_into_the_partners_slot_is_refused(
    office: dict, fast_vaults: VaultService, vault_dir: Path
) -> None:
    # Sealing needs no secret: the insider re-seals the partner's envelope with the real DK and a
    # PK they chose, hoping the partner then seals records under a key the insider knows.
    _private, dk = insider_unwrap(vault_dir, office["acc"], STAFF_PASSWORD)
    chosen_pk = os.urandom(32)

    def reseal(doc: dict) -> None:
        for s in doc["slots"]:
            if s["kind"] == "user" and s["user_id"] == office["partner"]:
                s["envelope"] = seal_to(doc["vault_id"], s, b"\x01" + dk + chosen_pk)

    edit_keys(vault_dir, reseal)
    with pytest.raises(KeysFileError) as info:
        fast_vaults.unlock(vault_dir, PARTNER, PARTNER_PASSWORD)
    assert info.value.reason == "envelope"


def test_a_backup_public_key_swapped_in_the_catalogue_is_never_used(
    new_vault: Vault, add_staff: Callable[..., int], fast_vaults: VaultService, vault_dir: Path
) -> None:
    # Anyone who can write the backups folder (no login needed) puts their own public key in the
    # catalogue, hoping later backups' keys are sealed to it.
    from clientvault.core.errors import DamagedFile
    from clientvault.services.backup import BackupService

    backups = BackupService(new_vault)
    backups.backup("manual")
    catalogue = vault_dir / "backups" / "catalogue.json"
    doc = json.loads(catalogue.read_text())
    theirs = X25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    doc["backup_key"]["public"] = _b64(theirs)
    catalogue.write_text(json.dumps(doc))
    with pytest.raises(DamagedFile) as info:
        BackupService(new_vault).backup("manual")
    assert info.value.detail == "tampered"
    assert len(json.loads(catalogue.read_text())["backups"]) == 1
