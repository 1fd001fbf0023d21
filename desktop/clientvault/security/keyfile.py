"""The key-slot file ``vault.keys`` (format ``clientvault-keys`` version 2; see docs/SECURITY.md).

Each slot has its own X25519 key pair. The private key is wrapped with AES-256-GCM under a key
derived from the slot's secret (a password with Argon2id; a random workstation secret plus a
PIN). The *envelope* seals the payload — the database key ``DK`` and, in partner and recovery
slots, the partner key ``PK`` — to the slot's public key (ephemeral X25519 + HKDF + AES-GCM).

Why two layers: a rekey (user disabled) must give every remaining slot the new ``DK`` without
knowing anyone's password. Sealing to each slot's public key does exactly that, and a revoked
user — even one who kept the old ``DK`` and their own private key — cannot open anyone else's
envelope. A password change re-wraps only that user's private key.

Why signatures (version 2): anyone holding ``DK`` can edit this JSON file, and sealing to a
public key needs no secret. So the *record* of every slot (id, kind, user id, public keys,
whether it holds ``PK``, expiry, parent) is signed: user and recovery slots by the partner
signing key (Ed25519, derived from ``PK``), a workstation slot by its owner's user slot. The
partner signing key's public half (``signer``) is also inside every slot's password layer, so
each user learns it from a place nobody without their password can change, and a slot whose
record does not verify is never used, never resealed and never given ``PK``.
"""

from __future__ import annotations

import base64
import functools
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
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from clientvault.core.errors import KeysFileError, WrongCredentials
from clientvault.security.atomic import atomic_write_bytes

FORMAT = "clientvault-keys"
VERSION = 2
KEY_BYTES = 32
_PAYLOAD_VERSION = 1
_PRIVATE_VERSION = 2  # password layer plaintext: 0x02 ‖ X25519 private (32) ‖ signer public (32)
#: Bits of the login tag kept in ``vault.keys`` (docs/SECURITY.md "Login tags").
LOGIN_TAG_HEX = 2
PARTNER = "partner"  # the ``by`` of a certificate made with the partner signing key


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
    ciphertext: bytes  # 0x02 ‖ the slot's X25519 private key ‖ signer public, wrapped under the slot key
    public: bytes  # the slot's X25519 public key
    envelope: dict[str, str]  # {"epk", "nonce", "ciphertext"}: the payload sealed to ``public``
    holds_partner_key: bool = False
    login_tag: str | None = None  # 8 bits of a hash of vault id + user name (see login_tag)
    expires: str | None = None  # ISO date; workstation slots only
    sign_public: bytes = b""  # the slot's Ed25519 public key (signs its sessions' audit events)
    parent: str | None = None  # workstation slots: the user slot that certified it
    cert: dict[str, str] = field(default_factory=dict)  # {"by": "partner" | parent slot id, "sig": b64}

    def record(self, vault_id: str) -> bytes:
        """Return the bytes a slot certificate signs (docs/SECURITY.md "Slot records")."""
        return _canon(
            [
                "clientvault-slot",
                vault_id,
                self.slot_id,
                self.kind,
                self.user_id,
                _b64(self.public),
                _b64(self.sign_public),
                self.holds_partner_key,
                self.expires,
                self.parent,
            ]
        )

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form of the slot."""
        out: dict[str, Any] = {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "user_id": self.user_id,
            "kdf": self.kdf,
            "aead": {"name": "AES-256-GCM", "nonce": _b64(self.nonce), "ciphertext": _b64(self.ciphertext)},
            "public": _b64(self.public),
            "sign_public": _b64(self.sign_public),
            "envelope": dict(self.envelope),
            "holds_partner_key": self.holds_partner_key,
            "cert": dict(self.cert),
        }
        if self.login_tag is not None:
            out["login_tag"] = self.login_tag
        if self.expires is not None:
            out["expires"] = self.expires
        if self.parent is not None:
            out["parent"] = self.parent
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        """Parse a slot; raises ``KeyError``/``ValueError``/``TypeError`` on malformed input."""
        aead = data["aead"]
        if aead.get("name") != "AES-256-GCM" or data["kdf"].get("name") != "argon2id":
            raise ValueError("unsupported slot algorithm")
        kind = str(data["kind"])
        if kind not in ("user", "recovery", "workstation"):
            raise ValueError("unknown slot kind")
        user_id = data.get("user_id")
        if user_id is not None and (isinstance(user_id, bool) or not isinstance(user_id, int)):
            raise ValueError("user_id")
        cert = data.get("cert") or {}
        if not isinstance(cert, dict):
            raise ValueError("cert")
        holds = data.get("holds_partner_key", False)
        if not isinstance(holds, bool):
            raise ValueError("holds_partner_key")
        for key in ("login_tag", "expires", "parent"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise ValueError(key)
        return cls(
            slot_id=str(uuid.UUID(str(data["slot_id"]))),
            kind=kind,
            user_id=user_id,
            kdf=dict(data["kdf"]),
            nonce=_unb64(aead["nonce"]),
            ciphertext=_unb64(aead["ciphertext"]),
            public=_unb64(data["public"]),
            envelope={k: str(data["envelope"][k]) for k in ("epk", "nonce", "ciphertext")},
            holds_partner_key=holds,
            login_tag=data.get("login_tag"),
            expires=data.get("expires"),
            sign_public=_unb64(data.get("sign_public", "")),
            parent=data.get("parent"),
            cert={k: str(v) for k, v in cert.items()},
        )


@dataclass(frozen=True)
class VaultKeys:
    """What a slot unwraps to: the database key and, for partners and recovery, the partner key."""

    dk: bytes
    pk: bytes | None = None


@dataclass(frozen=True)
class OpenedSlot:
    """What a slot's password layer gives its holder."""

    private: bytes  # X25519 private key
    signer: bytes  # the partner signing key's public half, as the slot holder last saw it


@dataclass(frozen=True)
class KeyFile:
    """The parsed ``vault.keys``. ``previous`` is present only while a key change is in flight.

    ``audit_head`` is the newest audit checkpoint ``{"seq", "hash", "sig"}`` signed with the
    partner signing key (empty in a file written by a session without ``PK`` before any partner
    checkpoint).
    """

    vault_id: str
    generation: int
    slots: tuple[Slot, ...]
    audit_head: dict[str, Any] = field(default_factory=dict)
    previous: dict[str, Any] | None = None  # {"generation": int, "slots": [...]} of the last state
    signer: bytes = b""  # public half of the partner signing key

    def to_json(self) -> dict[str, Any]:
        """Return the JSON document."""
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "generation": self.generation,
            "signer": _b64(self.signer),
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
    """Return the short tag that narrows the slots a login tries, without confirming a name.

    Only the first 8 bits of ``SHA-256("clientvault-login" 0x00 vault_id 0x00 casefold(name))``
    are kept: a list of candidate names matches about 1 in 256 of its entries to any tag, so
    ``vault.keys`` cannot confirm who works at the firm. A login tries every slot with its tag.
    """
    digest = hashlib.sha256(f"clientvault-login\x00{vault_id}\x00{username.strip().casefold()}".encode()).hexdigest()
    return digest[:LOGIN_TAG_HEX]


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


# -- signing keys ---------------------------------------------------------------------------------


def _hkdf(ikm: bytes, info: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info.encode()).derive(ikm)


def partner_signing_key(vault_id: str, pk: bytes) -> Ed25519PrivateKey:
    """The partner signing key: Ed25519 seed = HKDF-SHA256(PK, info "clientvault-partner-signing" 0x00 vault_id)."""
    return Ed25519PrivateKey.from_private_bytes(_hkdf(pk, f"clientvault-partner-signing\x00{vault_id}"))


def slot_signing_key(vault_id: str, slot_id: str, private: bytes) -> Ed25519PrivateKey:
    """A slot's signing key: seed = HKDF-SHA256(X25519 private, "clientvault-slot-signing" 0x00 vault 0x00 slot)."""
    return Ed25519PrivateKey.from_private_bytes(_hkdf(private, f"clientvault-slot-signing\x00{vault_id}\x00{slot_id}"))


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    """Return the raw 32-byte public half of a signing key."""
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_key_text(public: bytes) -> str:
    """Return the base64 text of a public key as stored in ``vault.keys`` and the database."""
    return _b64(public)


@functools.lru_cache(maxsize=256)
def _ed25519_public(public: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(public)


def verify_signature(public: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is a valid Ed25519 signature of ``message`` under ``public``."""
    try:
        _ed25519_public(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def certify(vault_id: str, slot: Slot, key: Ed25519PrivateKey, by: str) -> Slot:
    """Return ``slot`` with a certificate made with ``key`` (the partner's, or the parent slot's)."""
    return replace(slot, cert={"by": by, "sig": _b64(key.sign(slot.record(vault_id)))})


def certified(vault_id: str, slots: Iterable[Slot], signer: bytes) -> dict[str, Slot]:
    """Return the slots whose certificate verifies, by slot id.

    User and recovery slots must be certified by the partner signing key (``signer``); a
    workstation slot by a certified user slot of the same user, and it never holds ``PK``.
    """
    slots = list(slots)
    good: dict[str, Slot] = {}
    for s in slots:
        by_partner = s.kind in ("user", "recovery") and s.cert.get("by") == PARTNER and s.parent is None
        if by_partner and (s.kind == "user") == (s.user_id is not None) and _cert_ok(vault_id, s, signer):
            good[s.slot_id] = s
    for s in slots:
        if s.kind != "workstation" or s.holds_partner_key or not s.expires or s.parent != s.cert.get("by"):
            continue
        parent = good.get(s.parent or "")
        same_user = parent is not None and parent.kind == "user" and parent.user_id == s.user_id
        if parent is not None and same_user and _cert_ok(vault_id, s, parent.sign_public):
            good[s.slot_id] = s
    return good


def _cert_ok(vault_id: str, slot: Slot, public: bytes) -> bool:
    try:
        sig = _unb64(slot.cert.get("sig", ""))
    except ValueError:
        return False
    return bool(public) and verify_signature(public, slot.record(vault_id), sig)


def checkpoint_message(vault_id: str, seq: int, head: str) -> bytes:
    """The bytes an audit checkpoint signature covers."""
    return _canon(["clientvault-checkpoint", vault_id, seq, head])


def sign_checkpoint(vault_id: str, seq: int, head: str, key: Ed25519PrivateKey) -> dict[str, Any]:
    """Return a signed checkpoint record for ``vault.keys``."""
    return {"seq": seq, "hash": head, "sig": _b64(key.sign(checkpoint_message(vault_id, seq, head)))}


def checkpoint_ok(vault_id: str, head: dict[str, Any], signer: bytes) -> bool:
    """Whether a checkpoint record from ``vault.keys`` is signed by the partner signing key."""
    try:
        msg = checkpoint_message(vault_id, int(head["seq"]), str(head["hash"]))
        return verify_signature(signer, msg, _unb64(str(head["sig"])))
    except (KeyError, ValueError, TypeError):
        return False


# -- the two layers ---------------------------------------------------------------------------------


def _aad(vault_id: str, slot_id: str, kind: str, user_id: int | None) -> bytes:
    return _canon([FORMAT, vault_id, slot_id, kind, user_id])


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


def wrap_private(vault_id: str, slot: Slot, slot_key: bytes, private: bytes, signer: bytes) -> Slot:
    """Return ``slot`` with its password layer re-made under ``slot_key`` (a password change)."""
    nonce = os.urandom(12)
    plain = bytes([_PRIVATE_VERSION]) + private + signer
    ct = AESGCM(slot_key).encrypt(nonce, plain, _aad(vault_id, slot.slot_id, slot.kind, slot.user_id))
    return replace(slot, nonce=nonce, ciphertext=ct)


def wrap_slot(
    vault_id: str,
    *,
    kind: str,
    user_id: int | None,
    slot_key: bytes,
    kdf: dict[str, Any],
    keys: VaultKeys,
    signer: bytes,
    login_tag: str | None = None,
    expires: str | None = None,
    slot_id: str | None = None,
    parent: str | None = None,
) -> Slot:
    """Make a new, not yet certified slot: a fresh key pair, its private key wrapped under ``slot_key``."""
    sid = slot_id or str(uuid.uuid4())
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    raw_private = private.private_bytes_raw()
    envelope = _seal(vault_id, sid, kind, user_id, public, keys)
    sign_public = public_bytes(slot_signing_key(vault_id, sid, raw_private))
    slot = Slot(
        sid,
        kind,
        user_id,
        kdf,
        b"",
        b"",
        public,
        envelope,
        keys.pk is not None,
        login_tag,
        expires,
        sign_public,
        parent,
    )
    return wrap_private(vault_id, slot, slot_key, raw_private, signer)


def unlock_private(vault_id: str, slot: Slot, slot_key: bytes) -> OpenedSlot:
    """Open the slot's password layer. A wrong secret fails the GCM tag: :class:`WrongCredentials`."""
    try:
        plain = AESGCM(slot_key).decrypt(
            slot.nonce, slot.ciphertext, _aad(vault_id, slot.slot_id, slot.kind, slot.user_id)
        )
    except InvalidTag:
        raise WrongCredentials() from None
    if len(plain) != 1 + 2 * KEY_BYTES or plain[0] != _PRIVATE_VERSION:
        raise KeysFileError("corrupt")
    return OpenedSlot(private=plain[1 : 1 + KEY_BYTES], signer=plain[1 + KEY_BYTES :])


def open_envelope(vault_id: str, slot: Slot, private: bytes, envelope: dict[str, str] | None = None) -> VaultKeys:
    """Open the slot's envelope (or another envelope sealed to the same key) with its private key."""
    env = envelope or slot.envelope
    priv = X25519PrivateKey.from_private_bytes(private)
    try:
        epk = _unb64(env["epk"])
        shared = priv.exchange(X25519PublicKey.from_public_bytes(epk))
        aad = _aad(vault_id, slot.slot_id, slot.kind, slot.user_id) + b"envelope"
        key = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=epk + slot.public, info=aad).derive(shared)
        data = AESGCM(key).decrypt(_unb64(env["nonce"]), _unb64(env["ciphertext"]), aad)
    except (InvalidTag, ValueError, KeyError):
        raise KeysFileError("envelope") from None
    return _parse_payload(data)


def check_partner_key(vault_id: str, keys: VaultKeys, signer: bytes) -> VaultKeys:
    """Refuse a ``PK`` that does not derive the trusted signer.

    Anyone can seal a payload to a slot's public key, so an envelope could carry a partner key
    the sealer chose (and would then read everything sealed under it). The signer from the slot's
    own password layer tells the true ``PK`` apart: :class:`KeysFileError` ``"envelope"``.
    """
    if keys.pk is not None and public_bytes(partner_signing_key(vault_id, keys.pk)) != signer:
        raise KeysFileError("envelope")
    return keys


def open_checked(vault_id: str, slot: Slot, opened: OpenedSlot) -> VaultKeys:
    """Open the slot's envelope and refuse a ``PK`` that does not derive the slot's own signer."""
    return check_partner_key(vault_id, open_envelope(vault_id, slot, opened.private), opened.signer)


def rolled_back(keyfile: KeyFile) -> KeyFile:
    """The state before an interrupted key change (its ``previous`` generation and slots)."""
    assert keyfile.previous is not None
    generation = int(keyfile.previous.get("generation", -1))
    return KeyFile(keyfile.vault_id, generation, keyfile.previous_slots(), keyfile.audit_head, None, keyfile.signer)


def unwrap_slot(vault_id: str, slot: Slot, slot_key: bytes) -> VaultKeys:
    """Unlock a slot with its key and open its envelope."""
    return open_envelope(vault_id, slot, unlock_private(vault_id, slot, slot_key).private)


def reseal(vault_id: str, slot: Slot, keys: VaultKeys) -> Slot:
    """Give ``slot`` a new envelope (after a rekey); only slots certified as holding ``PK`` get it.

    Callers pass certified slots only (see :func:`certified`), so ``holds_partner_key`` here is
    a value the partner signed, not one somebody typed into the file.
    """
    payload = keys if slot.holds_partner_key else VaultKeys(dk=keys.dk)
    env = _seal(vault_id, slot.slot_id, slot.kind, slot.user_id, slot.public, payload)
    return replace(slot, envelope=env)


def load(path: Path, *, expected_vault_id: str | None = None) -> KeyFile:
    """Read and validate ``vault.keys``.

    Raises:
        KeysFileError: missing ("missing"), not JSON/unknown format ("corrupt"), newer format
            ("newer_format"), a pre-release version 1 file ("old_format") or another vault's
            file ("other_vault").
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeysFileError("missing") from None
    except IsADirectoryError:
        raise KeysFileError("corrupt") from None
    except OSError:
        raise KeysFileError("unreadable") from None
    return parse(raw, expected_vault_id=expected_vault_id)


def parse(raw: bytes, *, expected_vault_id: str | None = None) -> KeyFile:
    """Parse the bytes of ``vault.keys`` (see :func:`load`); any malformed input is ``KeysFileError``."""
    try:
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise KeysFileError("corrupt")
        version = doc.get("version", 0)
        if isinstance(version, bool) or not isinstance(version, int):
            raise KeysFileError("corrupt")
        if version > VERSION:
            raise KeysFileError("newer_format")
        if version < VERSION:
            raise KeysFileError("old_format")
        generation = doc["generation"]
        if isinstance(generation, bool) or not isinstance(generation, int) or generation < 1:
            raise KeysFileError("corrupt")
        previous = doc.get("previous")
        if previous is not None and not isinstance(previous, dict):
            raise KeysFileError("corrupt")
        head = doc.get("audit_head") or {}
        if not isinstance(head, dict):
            raise KeysFileError("corrupt")
        keyfile = KeyFile(
            vault_id=str(uuid.UUID(doc["vault_id"])),
            generation=generation,
            slots=tuple(Slot.from_json(s) for s in doc["slots"]),
            audit_head=dict(head),
            previous=previous,
            signer=_unb64(doc.get("signer", "")),
        )
        keyfile.previous_slots()  # a malformed previous block is refused now, not at the next open
    except KeysFileError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, RecursionError):
        raise KeysFileError("corrupt") from None
    if expected_vault_id is not None and keyfile.vault_id != expected_vault_id:
        raise KeysFileError("other_vault")
    return keyfile


def save(path: Path, keyfile: KeyFile) -> None:
    """Write ``vault.keys`` atomically with mode 0600 (raises ``DiskFull``; old file intact)."""
    data = json.dumps(keyfile.to_json(), indent=1, sort_keys=True).encode("utf-8")
    atomic_write_bytes(path, data)


def _canon(value: list[Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    if not isinstance(text, str):
        raise ValueError("base64")
    return base64.b64decode(text.encode("ascii"), validate=True)
