"""The key-slot file ``vault.keys`` (format ``clientvault-keys`` version 1; see docs/SECURITY.md).

Each slot has its own X25519 key pair. The private key is wrapped with AES-256-GCM under a key
derived from the slot's secret (a password with Argon2id; a random workstation secret plus a
PIN). The *envelope* seals the payload — the database key ``DK`` and, in partner and recovery
slots, the partner key ``PK`` — to the slot's public key (ephemeral X25519 + HKDF + AES-GCM).

Why two layers: a rekey (user disabled) must give every remaining slot the new ``DK`` without
knowing anyone's password. Sealing to each slot's public key does exactly that, and a revoked
user — even one who kept the old ``DK`` and their own private key — cannot open anyone else's
envelope. A password change re-wraps only that user's private key. The AAD of both layers binds
the vault id, slot id, slot kind and user id, so a slot cannot be moved to another vault or user.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from clientvault.core.errors import KeysFileError, WrongCredentials
from clientvault.security.atomic import atomic_write_bytes

FORMAT = "clientvault-keys"
VERSION = 1
KEY_BYTES = 32
_PAYLOAD_VERSION = 1


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; recorded in every slot so each slot can be opened with the cost it was made with."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4

    def to_json(self, salt: bytes) -> dict[str, Any]:
        """Return the JSON form stored in a slot."""
        return {
            "name": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
            "salt": _b64(salt),
        }


#: Production cost (SECURITY.md): 64 MiB, 3 passes, 4 lanes.
PRODUCTION_KDF = KdfParams()
#: A deliberately cheap cost for tests and benchmarks of the non-KDF path. Never for real vaults.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the vault keys."""

    slot_id: str
    kind: str  # "user" | "recovery" | "workstation"
    user_id: int | None
    kdf: dict[str, Any]
    nonce: bytes
    ciphertext: bytes  # the slot's X25519 private key, wrapped under the slot key
    public: bytes  # the slot's X25519 public key
    envelope: dict[str, str]  # {"epk", "nonce", "ciphertext"}: the payload sealed to ``public``
    holds_partner_key: bool = False
    login_tag: str | None = None  # SHA-256 of vault id + user name: finds the slot without the DB
    expires: str | None = None  # ISO date; workstation slots only

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form of the slot."""
        out: dict[str, Any] = {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "user_id": self.user_id,
            "kdf": self.kdf,
            "aead": {"name": "AES-256-GCM", "nonce": _b64(self.nonce), "ciphertext": _b64(self.ciphertext)},
            "public": _b64(self.public),
            "envelope": dict(self.envelope),
            "holds_partner_key": self.holds_partner_key,
        }
        if self.login_tag is not None:
            out["login_tag"] = self.login_tag
        if self.expires is not None:
            out["expires"] = self.expires
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        """Parse a slot; raises ``KeyError``/``ValueError`` on malformed input."""
        aead = data["aead"]
        if aead.get("name") != "AES-256-GCM" or data["kdf"].get("name") != "argon2id":
            raise ValueError("unsupported slot algorithm")
        user_id = data.get("user_id")
        return cls(
            slot_id=str(data["slot_id"]),
            kind=str(data["kind"]),
            user_id=int(user_id) if user_id is not None else None,
            kdf=dict(data["kdf"]),
            nonce=_unb64(aead["nonce"]),
            ciphertext=_unb64(aead["ciphertext"]),
            public=_unb64(data["public"]),
            envelope={k: str(data["envelope"][k]) for k in ("epk", "nonce", "ciphertext")},
            holds_partner_key=bool(data.get("holds_partner_key", False)),
            login_tag=data.get("login_tag"),
            expires=data.get("expires"),
        )


@dataclass(frozen=True)
class VaultKeys:
    """What a slot unwraps to: the database key and, for partners and recovery, the partner key."""

    dk: bytes
    pk: bytes | None = None


@dataclass(frozen=True)
class KeyFile:
    """The parsed ``vault.keys``. ``previous`` is present only while a key change is in flight."""

    vault_id: str
    generation: int
    slots: tuple[Slot, ...]
    audit_head: dict[str, Any] = field(default_factory=dict)
    previous: dict[str, Any] | None = None  # {"generation": int, "slots": [...]} of the last state

    def to_json(self) -> dict[str, Any]:
        """Return the JSON document."""
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "generation": self.generation,
            "slots": [s.to_json() for s in self.slots],
        }
        if self.audit_head:
            doc["audit_head"] = self.audit_head
        if self.previous is not None:
            doc["previous"] = self.previous
        return doc

    def previous_slots(self) -> tuple[Slot, ...]:
        """Return the slots of the state before an in-flight key change (empty when none)."""
        if not self.previous:
            return ()
        return tuple(Slot.from_json(s) for s in self.previous.get("slots", []))

    def with_slots(self, slots: Iterable[Slot]) -> KeyFile:
        """Return a copy with another slot list."""
        return replace(self, slots=tuple(slots))


def new_key() -> bytes:
    """Return a fresh random 256-bit key."""
    return secrets.token_bytes(KEY_BYTES)


def login_tag(vault_id: str, username: str) -> str:
    """Return the tag that finds a user's slot by user name without storing the name in clear."""
    return hashlib.sha256(f"clientvault-login\x00{vault_id}\x00{username.strip().casefold()}".encode()).hexdigest()


def derive_password_key(secret: str | bytes, kdf: dict[str, Any]) -> bytes:
    """Derive a slot key from a password (Argon2id with the slot's recorded cost)."""
    data = secret.encode("utf-8") if isinstance(secret, str) else secret
    return hash_secret_raw(
        secret=data,
        salt=_unb64(kdf["salt"]),
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_kib"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def derive_workstation_key(workstation_secret: bytes, pin: str, kdf: dict[str, Any]) -> bytes:
    """Derive a workstation slot key: needs both the keyring secret and the user's PIN."""
    pin_part = derive_password_key(pin, kdf)
    return hashlib.sha256(b"clientvault-workstation\x00" + workstation_secret + pin_part).digest()


def new_kdf(params: KdfParams) -> dict[str, Any]:
    """Return a fresh KDF record (new salt) with the given cost."""
    return params.to_json(secrets.token_bytes(16))


def _aad(vault_id: str, slot_id: str, kind: str, user_id: int | None) -> bytes:
    return json.dumps([FORMAT, vault_id, slot_id, kind, user_id], separators=(",", ":")).encode()


def _payload(keys: VaultKeys) -> bytes:
    return bytes([_PAYLOAD_VERSION]) + keys.dk + (keys.pk or b"")


def _parse_payload(data: bytes) -> VaultKeys:
    if not data or data[0] != _PAYLOAD_VERSION or len(data) not in (1 + KEY_BYTES, 1 + 2 * KEY_BYTES):
        raise KeysFileError("payload")
    dk = data[1 : 1 + KEY_BYTES]
    pk = data[1 + KEY_BYTES :] or None
    return VaultKeys(dk=dk, pk=pk)


def _seal(
    vault_id: str, slot_id: str, kind: str, user_id: int | None, public: bytes, keys: VaultKeys
) -> dict[str, str]:
    eph = X25519PrivateKey.generate()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(public))
    epk = eph.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    aad = _aad(vault_id, slot_id, kind, user_id) + b"envelope"
    key = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=epk + public, info=aad).derive(shared)
    nonce = os.urandom(12)
    return {"epk": _b64(epk), "nonce": _b64(nonce), "ciphertext": _b64(AESGCM(key).encrypt(nonce, _payload(keys), aad))}


def wrap_slot(
    vault_id: str,
    *,
    kind: str,
    user_id: int | None,
    slot_key: bytes,
    kdf: dict[str, Any],
    keys: VaultKeys,
    login_tag: str | None = None,
    expires: str | None = None,
    slot_id: str | None = None,
) -> Slot:
    """Make a new slot: a fresh key pair, its private key wrapped under ``slot_key``, ``keys`` sealed to it."""
    sid = slot_id or str(uuid.uuid4())
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    raw_private = private.private_bytes_raw()
    nonce = os.urandom(12)
    ct = AESGCM(slot_key).encrypt(nonce, raw_private, _aad(vault_id, sid, kind, user_id))
    envelope = _seal(vault_id, sid, kind, user_id, public, keys)
    return Slot(sid, kind, user_id, kdf, nonce, ct, public, envelope, keys.pk is not None, login_tag, expires)


def unlock_private(vault_id: str, slot: Slot, slot_key: bytes) -> bytes:
    """Return the slot's private key. A wrong secret fails the GCM tag: :class:`WrongCredentials`."""
    try:
        return AESGCM(slot_key).decrypt(
            slot.nonce, slot.ciphertext, _aad(vault_id, slot.slot_id, slot.kind, slot.user_id)
        )
    except InvalidTag:
        raise WrongCredentials() from None


def open_envelope(vault_id: str, slot: Slot, private: bytes, envelope: dict[str, str] | None = None) -> VaultKeys:
    """Open the slot's envelope (or another envelope sealed to the same key) with its private key."""
    env = envelope or slot.envelope
    priv = X25519PrivateKey.from_private_bytes(private)
    epk = _unb64(env["epk"])
    shared = priv.exchange(X25519PublicKey.from_public_bytes(epk))
    aad = _aad(vault_id, slot.slot_id, slot.kind, slot.user_id) + b"envelope"
    key = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=epk + slot.public, info=aad).derive(shared)
    try:
        data = AESGCM(key).decrypt(_unb64(env["nonce"]), _unb64(env["ciphertext"]), aad)
    except InvalidTag:
        raise KeysFileError("envelope") from None
    return _parse_payload(data)


def unwrap_slot(vault_id: str, slot: Slot, slot_key: bytes) -> VaultKeys:
    """Unlock a slot with its key and open its envelope."""
    return open_envelope(vault_id, slot, unlock_private(vault_id, slot, slot_key))


def reseal(vault_id: str, slot: Slot, keys: VaultKeys) -> Slot:
    """Give ``slot`` a new envelope (after a rekey); partner-key slots keep the partner key."""
    payload = keys if slot.holds_partner_key else VaultKeys(dk=keys.dk)
    env = _seal(vault_id, slot.slot_id, slot.kind, slot.user_id, slot.public, payload)
    return replace(slot, envelope=env)


def load(path: Path, *, expected_vault_id: str | None = None) -> KeyFile:
    """Read and validate ``vault.keys``.

    Raises:
        KeysFileError: missing ("missing"), not JSON/unknown format ("corrupt"), newer format
            ("newer_format") or another vault's file ("other_vault").
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeysFileError("missing") from None
    except OSError:
        raise KeysFileError("unreadable") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
        if doc.get("format") != FORMAT:
            raise KeysFileError("corrupt")
        if int(doc.get("version", 0)) > VERSION:
            raise KeysFileError("newer_format")
        keyfile = KeyFile(
            vault_id=str(uuid.UUID(doc["vault_id"])),
            generation=int(doc["generation"]),
            slots=tuple(Slot.from_json(s) for s in doc["slots"]),
            audit_head=dict(doc.get("audit_head") or {}),
            previous=doc.get("previous"),
        )
    except KeysFileError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise KeysFileError("corrupt") from None
    if expected_vault_id is not None and keyfile.vault_id != expected_vault_id:
        raise KeysFileError("other_vault")
    return keyfile


def save(path: Path, keyfile: KeyFile) -> None:
    """Write ``vault.keys`` atomically with mode 0600 (raises ``DiskFull``; old file intact)."""
    data = json.dumps(keyfile.to_json(), indent=1, sort_keys=True).encode("utf-8")
    atomic_write_bytes(path, data)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
