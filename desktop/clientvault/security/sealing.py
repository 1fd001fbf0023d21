"""Sealing small payloads: AES-256-GCM under a symmetric key, and X25519 sealed boxes.

Two uses (docs/RETENTION.md):

* **Locked records**: every personal field of a locked client is one JSON document sealed with
  :func:`seal` under the partner key ``PK``; the AAD binds the vault id and the client id, so a
  blob copied onto another client (or into another vault) fails its tag.
* **Backup keys**: each backup file has its own random key. It is sealed with
  :func:`seal_to_public` to the vault's *backup public key*, so any session can take a
  scheduled backup, while opening one needs the backup private key, which is itself sealed under
  ``PK`` (only partners and the recovery sheet can restore).
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from clientvault.core.errors import DamagedFile

KEY_BYTES = 32
NONCE_BYTES = 12


def aad(*parts: str | int) -> bytes:
    """Return canonical associated data for the given context parts."""
    return json.dumps(["clientvault", *parts], separators=(",", ":"), ensure_ascii=True).encode("ascii")


def seal(key: bytes, plaintext: bytes, associated: bytes) -> tuple[bytes, bytes]:
    """Encrypt ``plaintext`` with AES-256-GCM; return ``(nonce, ciphertext‖tag)``.

    Args:
        key: A 32-byte key.
        plaintext: What to seal.
        associated: Associated data the tag covers (see :func:`aad`).

    Returns:
        The random 12-byte nonce and the ciphertext with its 16-byte tag.
    """
    if len(key) != KEY_BYTES:
        raise ValueError("key must be 32 bytes")
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, associated)


def open_sealed(key: bytes, nonce: bytes, ciphertext: bytes, associated: bytes, *, what: str = "sealed") -> bytes:
    """Decrypt what :func:`seal` produced.

    Raises:
        DamagedFile: The tag does not verify (wrong key, altered blob, or blob moved to another record).
    """
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, associated)
    except (InvalidTag, ValueError):
        raise DamagedFile(what, "tag") from None


@dataclass(frozen=True)
class SealedBox:
    """A payload sealed to an X25519 public key (ephemeral key, nonce, ciphertext)."""

    epk: bytes
    nonce: bytes
    ciphertext: bytes


def new_keypair() -> tuple[bytes, bytes]:
    """Return a fresh X25519 ``(private, public)`` pair as raw bytes."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _box_key(shared: bytes, epk: bytes, public: bytes, associated: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=epk + public, info=associated).derive(shared)


def seal_to_public(public: bytes, plaintext: bytes, associated: bytes) -> SealedBox:
    """Seal ``plaintext`` so that only the holder of ``public``'s private key can open it."""
    eph = X25519PrivateKey.generate()
    epk = eph.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key = _box_key(eph.exchange(X25519PublicKey.from_public_bytes(public)), epk, public, associated)
    nonce = os.urandom(NONCE_BYTES)
    return SealedBox(epk, nonce, AESGCM(key).encrypt(nonce, plaintext, associated))


def open_box(private: bytes, box: SealedBox, associated: bytes, *, what: str = "sealed") -> bytes:
    """Open a :class:`SealedBox` with the private key.

    Raises:
        DamagedFile: The box does not open (wrong key, altered, or bound to other data).
    """
    priv = X25519PrivateKey.from_private_bytes(private)
    public = priv.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key = _box_key(priv.exchange(X25519PublicKey.from_public_bytes(box.epk)), box.epk, public, associated)
    try:
        return AESGCM(key).decrypt(box.nonce, box.ciphertext, associated)
    except (InvalidTag, ValueError):
        raise DamagedFile(what, "tag") from None


def new_key() -> bytes:
    """Return a fresh random 256-bit key."""
    return secrets.token_bytes(KEY_BYTES)
