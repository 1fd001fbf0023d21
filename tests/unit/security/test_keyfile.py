"""Key slots: wrapping, AAD binding, the envelope, and every way vault.keys can be wrong."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from clientvault.core.errors import KeysFileError, WrongCredentials
from clientvault.security import keyfile as kf
from clientvault.security.keyfile import FAST_KDF, KeyFile, Slot, VaultKeys

VAULT = str(uuid.uuid4())
PASSWORD = "correct horse battery"
KEYS = VaultKeys(dk=kf.new_key(), pk=kf.new_key())
PARTNER_KEY = kf.partner_signing_key(VAULT, KEYS.pk or b"")
SIGNER = kf.public_bytes(PARTNER_KEY)


def _slot(*, vault_id: str = VAULT, user_id: int | None = 7, keys: VaultKeys = KEYS, kind: str = "user") -> Slot:
    kdf = kf.new_kdf(FAST_KDF)
    return kf.wrap_slot(
        vault_id,
        kind=kind,
        user_id=user_id,
        slot_key=kf.derive_password_key(PASSWORD, kdf),
        kdf=kdf,
        keys=keys,
        signer=SIGNER,
    )


def _key(slot: Slot, password: str = PASSWORD) -> bytes:
    return kf.derive_password_key(password, slot.kdf)


def test_wrap_unwrap_round_trip_with_and_without_partner_key() -> None:
    slot = _slot()
    assert kf.unwrap_slot(VAULT, slot, _key(slot)) == KEYS
    staff = _slot(keys=VaultKeys(dk=KEYS.dk))
    opened = kf.unwrap_slot(VAULT, staff, _key(staff))
    assert opened.dk == KEYS.dk and opened.pk is None and not staff.holds_partner_key


def test_wrong_password_fails_the_tag() -> None:
    slot = _slot()
    with pytest.raises(WrongCredentials):
        kf.unwrap_slot(VAULT, slot, _key(slot, "not the password"))


def test_slot_moved_to_another_vault_fails() -> None:
    slot = _slot()
    with pytest.raises(WrongCredentials):
        kf.unwrap_slot(str(uuid.uuid4()), slot, _key(slot))


def test_slot_moved_to_another_user_fails() -> None:
    slot = _slot(user_id=7)
    with pytest.raises(WrongCredentials):
        kf.unwrap_slot(VAULT, replace(slot, user_id=8), _key(slot))


def test_slot_relabelled_as_another_kind_fails() -> None:
    slot = _slot(kind="user")
    with pytest.raises(WrongCredentials):
        kf.unwrap_slot(VAULT, replace(slot, kind="recovery"), _key(slot))


def test_envelope_swapped_between_slots_fails() -> None:
    a, b = _slot(user_id=1), _slot(user_id=2)
    private_a = kf.unlock_private(VAULT, a, _key(a)).private
    with pytest.raises(KeysFileError) as info:
        kf.open_envelope(VAULT, a, private_a, b.envelope)
    assert info.value.reason == "envelope"


def test_reseal_gives_new_keys_without_the_password_and_keeps_the_private_key() -> None:
    slot = _slot()
    new = VaultKeys(dk=kf.new_key(), pk=KEYS.pk)
    resealed = kf.reseal(VAULT, slot, new)
    assert resealed.ciphertext == slot.ciphertext  # the password layer is untouched
    assert kf.unwrap_slot(VAULT, resealed, _key(slot)) == new
    staff = kf.reseal(VAULT, _slot(keys=VaultKeys(dk=KEYS.dk)), new)
    assert staff.holds_partner_key is False
    # A staff slot never receives the partner key on reseal.
    staff_private = kf.unlock_private(VAULT, staff, _key(staff)).private
    assert kf.open_envelope(VAULT, staff, staff_private).pk is None


def test_workstation_key_needs_both_secret_and_pin() -> None:
    kdf = kf.new_kdf(FAST_KDF)
    secret = b"s" * 32
    key = kf.derive_workstation_key(secret, "123456", kdf)
    assert key != kf.derive_workstation_key(secret, "654321", kdf)
    assert key != kf.derive_workstation_key(b"t" * 32, "123456", kdf)


def test_login_tag_is_case_and_space_insensitive_and_vault_specific() -> None:
    assert kf.login_tag(VAULT, " Boss ") == kf.login_tag(VAULT, "boss")
    assert kf.login_tag(VAULT, "boss") != kf.login_tag(str(uuid.uuid4()), "boss")
    assert "boss" not in kf.login_tag(VAULT, "boss")


def test_login_tag_does_not_confirm_a_name_from_a_list() -> None:
    # Finding 6: with a full hash, a list of names confirmed who works at the firm. Eight bits
    # leave about 1 in 256 of any list matching each tag: a list of 5 000 names keeps ~20 candidates.
    names = [f"user{i}" for i in range(5000)]
    target = kf.login_tag(VAULT, "zhang.wei")
    matches = [n for n in names if kf.login_tag(VAULT, n) == target]
    assert len(kf.login_tag(VAULT, "x")) == 2 and 5 <= len(matches) <= 60


def _keyfile() -> KeyFile:
    slot = kf.certify(VAULT, _slot(), PARTNER_KEY, kf.PARTNER)
    return KeyFile(VAULT, 3, (slot,), kf.sign_checkpoint(VAULT, 5, "ab" * 32, PARTNER_KEY), None, SIGNER)


def test_save_load_round_trip_is_private(tmp_path: Path) -> None:
    path = tmp_path / "vault.keys"
    kf.save(path, _keyfile())
    loaded = kf.load(path, expected_vault_id=VAULT)
    assert loaded.vault_id == VAULT and loaded.generation == 3 and loaded.audit_head["seq"] == 5
    assert kf.unwrap_slot(VAULT, loaded.slots[0], _key(loaded.slots[0])) == KEYS
    assert path.stat().st_mode & 0o777 == 0o600
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "clientvault-keys" and doc["version"] == 2
    assert kf.certified(VAULT, loaded.slots, SIGNER) and kf.checkpoint_ok(VAULT, loaded.audit_head, SIGNER)
    assert set(doc["slots"][0]["kdf"]) == {"name", "time_cost", "memory_kib", "parallelism", "salt"}
    assert doc["slots"][0]["aead"]["name"] == "AES-256-GCM"


def _reason(path: Path, **kwargs: str) -> str:
    with pytest.raises(KeysFileError) as info:
        kf.load(path, **kwargs)
    return info.value.reason


def test_missing(tmp_path: Path) -> None:
    assert _reason(tmp_path / "vault.keys") == "missing"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe garbage",
        b"[]",
        b'{"format": "something-else", "version": 1}',
        b'{"format": "clientvault-keys", "version": 2, "vault_id": "not-a-uuid", "generation": 1, "slots": []}',
        b'{"format": "clientvault-keys", "version": 2, "vault_id": "' + VAULT.encode() + b'", "slots": []}',
    ],
    ids=["empty", "truncated-json", "binary", "list", "other-format", "bad-uuid", "no-generation"],
)
def test_corrupt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "vault.keys"
    path.write_bytes(content)
    assert _reason(path) == "corrupt"


def test_corrupt_slot_fields(tmp_path: Path) -> None:
    path = tmp_path / "vault.keys"
    kf.save(path, _keyfile())
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["slots"][0]["aead"]["nonce"] = "***not base64***"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert _reason(path) == "corrupt"
    doc["slots"][0]["aead"] = {"name": "ChaCha20", "nonce": "", "ciphertext": ""}
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert _reason(path) == "corrupt"


def test_newer_format(tmp_path: Path) -> None:
    path = tmp_path / "vault.keys"
    kf.save(path, _keyfile())
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["version"] = 3
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert _reason(path) == "newer_format"
    doc["version"] = 1
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert _reason(path) == "old_format"


def test_other_vault(tmp_path: Path) -> None:
    path = tmp_path / "vault.keys"
    kf.save(path, _keyfile())
    assert _reason(path, expected_vault_id=str(uuid.uuid4())) == "other_vault"


def test_truncated_payload_is_refused() -> None:
    with pytest.raises(KeysFileError) as info:
        kf._parse_payload(b"\x01" + b"k" * 10)
    assert info.value.reason == "payload"
