"""Creating, unlocking, locking and re-keying vaults; the key-change protocol.

Key changes (password change, user disabled, rekey, workstation slots) follow one protocol so a
crash at any point leaves a vault that opens:

1. ``vault.keys`` is written with ``generation + 1``, the new slots, and ``previous`` (the old
   generation and slots);
2. the database records the new generation (and, for a rekey, is re-encrypted under the new key);
3. ``vault.keys`` is written again without ``previous``.

On open, a ``previous`` block means a change was in flight: it is rolled forward. Without one,
a generation that differs between the two files means an old copy of one of them was put back,
and the vault is refused.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from clientvault.core.errors import (
    DamagedFile,
    GenerationMismatch,
    InvalidState,
    KeysFileError,
    MigrationFailed,
    NotFound,
    UnsupportedLocation,
    ValidationError,
    WrongCredentials,
)
from clientvault.core.roles import Capability, Role, can
from clientvault.core.validation import free_text
from clientvault.security import keyfile as kf
from clientvault.security.keyfile import KdfParams, KeyFile, Slot, VaultKeys
from clientvault.security.keylock import key_change_lock
from clientvault.security.workstation import WorkstationKeyring
from clientvault.services import audit as audit_anchor
from clientvault.services import keyslots
from clientvault.services.context import Session, Vault, VaultPaths
from clientvault.services.damage import damage_error
from clientvault.services.leftovers import building
from clientvault.services.lockout import LoginThrottle
from clientvault.storage.audit import AuditRepository, now_iso
from clientvault.storage.db import Database, OpenOptions, is_cloud_sync_path, is_network_path
from clientvault.storage.migrate import migrate
from clientvault.storage.users import MetaRepository, UserRepository, UserRow

log = logging.getLogger(__name__)

RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O/1/I: read aloud and typed from paper
MIN_PASSWORD = 10
MIN_PIN = 6
PRE_MIGRATION_PREFIX = "pre-migration-v"  # backups/pre-migration-v<N>-<stamp>.db: see _after_open


@dataclass(frozen=True)
class CreatedVault:
    """A new vault, unlocked for its first partner, and the recovery code to print once."""

    vault: Vault
    recovery_code: str


def check_password(password: str, *, minimum: int = MIN_PASSWORD, field: str = "password") -> None:
    """Refuse passwords that are too short or contain control characters."""
    if len(password) < minimum:
        raise ValidationError({field: "too_short"})
    if any(ord(ch) < 32 for ch in password):
        raise ValidationError({field: "control_chars"})


def new_recovery_code() -> str:
    """Return a 32-character recovery code in groups of four (160 bits of entropy)."""
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(32))
    return "-".join(raw[i : i + 4] for i in range(0, 32, 4))


class VaultService:
    """Opens vault folders. Holds configuration only; each unlocked vault is a :class:`Vault`."""

    def __init__(
        self,
        *,
        kdf: KdfParams = kf.PRODUCTION_KDF,
        keyring: WorkstationKeyring | None = None,
        cipher_log: Path | None = None,
        clock: Any = time.time,
        state_dir: Path | None = None,
    ) -> None:
        self.state_dir = state_dir  # this workstation's audit-checkpoint memory (see services/audit.py)
        self.kdf = kdf
        self.keyring = keyring or WorkstationKeyring()
        self.cipher_log = cipher_log
        self.clock = clock
        self.throttle = LoginThrottle(lambda: float(self.clock()))

    # -- creation ------------------------------------------------------------------------------

    def create(
        self,
        folder: Path,
        *,
        firm_name: str,
        partner_username: str,
        partner_display_name: str,
        partner_password: str,
    ) -> CreatedVault:
        """Create a vault in ``folder`` (new or empty) with its first partner and a recovery slot.

        All-or-nothing: the vault is built in a temporary folder beside ``folder`` and moved into
        place at the end (services/leftovers.py ``building``), so a process killed midway leaves no
        half-made vault that a second ``init`` would refuse.
        """
        if self.vault_exists(folder):
            raise InvalidState("vault_exists")
        with building(folder) as stage:
            created = self.create_here(
                stage,
                firm_name=firm_name,
                partner_username=partner_username,
                partner_display_name=partner_display_name,
                partner_password=partner_password,
            )
            created.vault.db.close()  # reopened at its final path
        paths, old = VaultPaths(folder), created.vault
        assert old.session.keys is not None
        db = Database(paths.db, old.session.keys.dk, self._options(folder))
        return CreatedVault(self._vault(paths, db, old.keyfile, old.session), created.recovery_code)

    def create_here(
        self,
        folder: Path,
        *,
        firm_name: str,
        partner_username: str,
        partner_display_name: str,
        partner_password: str,
    ) -> CreatedVault:
        """Create the vault directly in ``folder``, unstaged: for :meth:`create` and the demo, which stage it."""
        errors: dict[str, str] = {}
        try:
            firm_name = free_text("firm_name", firm_name, 200, required=True)
        except ValidationError as exc:
            errors.update(exc.errors)
        try:
            partner_display_name = free_text("display_name", partner_display_name, 100, required=True)
        except ValidationError as exc:
            errors.update(exc.errors)
        if not _valid_username(partner_username):
            errors["username"] = "format"
        if errors:
            raise ValidationError(errors)
        check_password(partner_password)
        if is_cloud_sync_path(folder):
            raise UnsupportedLocation("cloud_sync")
        paths = VaultPaths(folder)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if paths.db.exists() or paths.keys.exists():
            raise InvalidState("vault_exists")
        vault_id = str(uuid.uuid4())
        keys = VaultKeys(dk=kf.new_key(), pk=kf.new_key())
        partner_key = kf.partner_signing_key(vault_id, keys.pk or b"")
        signer = kf.public_bytes(partner_key)
        recovery = new_recovery_code()
        # Create the file ourselves with mode 0600 before SQLite touches it: SQLite gives its
        # -wal/-shm/-journal files the database file's permissions, so they are private too.
        os.close(os.open(paths.db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        db = Database(paths.db, keys.dk, self._options(folder))
        try:
            migrate(db)
            meta, users = MetaRepository(db), UserRepository(db)
            sign = (kf.PARTNER, partner_key.sign)
            with db.transaction():
                meta.set("vault_id", vault_id)
                meta.set("generation", "1")
                meta.set("firm_name", firm_name)
                meta.set("created_at", now_iso())
                meta.set(keyslots.SIGNER_META, kf.public_key_text(signer))
                user = users.add(
                    partner_username.strip(), partner_display_name.strip() or partner_username, Role.PARTNER
                )
                slots = [
                    kf.certify(vault_id, s, partner_key, kf.PARTNER)
                    for s in (
                        self._user_slot(vault_id, user, partner_password, keys, signer),
                        self._recovery_slot(vault_id, recovery, keys, signer),
                    )
                ]
                keyslots.remember_slots(db, slots)
                audit = AuditRepository(db, vault_id, sign)
                audit.append(user_id=user.id, action="vault.create")
                audit.append(user_id=user.id, action="user.add", obj=f"user:{user.id}", reason=Role.PARTNER.value)
                audit.append(user_id=user.id, action="key.recovery_created")
            seq, head = AuditRepository(db, vault_id).head()
            keyfile = KeyFile(
                vault_id, 1, tuple(slots), kf.sign_checkpoint(vault_id, seq, head, partner_key), None, signer
            )
            kf.save(paths.keys, keyfile)
        except BaseException:
            db.close()
            for p in (paths.db, paths.db.with_name("vault.db-wal"), paths.db.with_name("vault.db-shm"), paths.keys):
                with contextlib.suppress(OSError):
                    p.unlink()
            raise
        private = kf.unlock_private(vault_id, slots[0], kf.derive_password_key(partner_password, slots[0].kdf))
        session = Session(
            user.id, user.username, user.display_name, user.role, keys,
            slot_id=slots[0].slot_id, private=private.private, signer=signer,
        )  # fmt: skip
        vault = self._vault(paths, db, keyfile, session)
        audit_anchor.remember_checkpoint(vault)
        return CreatedVault(vault, recovery)

    # -- unlocking -----------------------------------------------------------------------------

    def vault_exists(self, folder: Path) -> bool:
        """Whether ``folder`` holds a vault (either file present)."""
        paths = VaultPaths(folder)
        return paths.db.exists() or paths.keys.exists()

    def unlock(self, folder: Path, username: str, password: str) -> Vault:
        """Log ``username`` in with ``password`` and open the vault.

        Raises:
            WrongCredentials: unknown user or wrong password (the same error for both).
            LoginThrottled: too many recent failures for this name.
            KeysFileError / DamagedFile / GenerationMismatch / NewerDatabase: the files are not right.
        """
        paths = VaultPaths(folder)
        keyfile = kf.load(paths.keys)
        tag = kf.login_tag(keyfile.vault_id, username)
        self.throttle.check(paths, tag)
        candidates = [s for s in keyfile.slots if s.kind == "user" and s.login_tag == tag]
        if not candidates:
            # Spend the same KDF time as a real attempt so timing does not reveal user names.
            kf.derive_password_key(password, kf.new_kdf(self.kdf))
        vault = self._try_slots(paths, keyfile, candidates, username, lambda s: kf.derive_password_key(password, s.kdf))
        if vault is None:
            self.throttle.failed(paths, tag)
            raise WrongCredentials()
        self.throttle.logged_in(paths, tag, vault)
        vault.record("session.login", f"user:{vault.session.user_id}", reason="password")
        self._after_login(vault)
        return vault

    def unlock_with_pin(self, folder: Path, username: str, pin: str) -> Vault:
        """Log in with the workstation secret from the OS keyring plus the user's PIN.

        A PIN session never holds the partner key: opening sealed records needs the password
        (:meth:`unlock_partner_key`).
        """
        paths = VaultPaths(folder)
        keyfile = kf.load(paths.keys)
        tag = kf.login_tag(keyfile.vault_id, username)
        self.throttle.check(paths, tag)
        today = date.fromtimestamp(self.clock()).isoformat()
        secrets_by_slot: dict[str, bytes] = {}
        for slot in keyfile.slots:
            if slot.kind != "workstation" or slot.login_tag != tag or (slot.expires and slot.expires < today):
                continue
            secret = self.keyring.fetch(_keyring_account(keyfile.vault_id, slot.slot_id))
            if secret is not None:
                secrets_by_slot[slot.slot_id] = secret
        if not secrets_by_slot:
            raise WrongCredentials()
        candidates = [s for s in keyfile.slots if s.slot_id in secrets_by_slot]
        vault = self._try_slots(
            paths, keyfile, candidates, username,
            lambda s: kf.derive_workstation_key(secrets_by_slot[s.slot_id], pin, s.kdf),
        )  # fmt: skip
        if vault is None:
            self.throttle.failed(paths, tag)
            raise WrongCredentials()
        self.throttle.logged_in(paths, tag, vault)
        vault.record("session.login", f"user:{vault.session.user_id}", reason="workstation_pin")
        self._after_login(vault)
        return vault

    def _try_slots(
        self,
        paths: VaultPaths,
        keyfile: KeyFile,
        candidates: list[Slot],
        username: str,
        key_for: Callable[[Slot], bytes],
    ) -> Vault | None:
        """Open the vault through the first candidate slot that the secret opens and that is the
        typed user's (8-bit tags: a colleague's slot can carry the same tag)."""
        for slot in candidates:
            try:
                opened = kf.unlock_private(keyfile.vault_id, slot, key_for(slot))
                return self._open_consistent(paths, keyfile, opened, slot, username)
            except WrongCredentials:
                continue
        return None

    def unlock_partner_key(self, vault: Vault, password: str) -> None:
        """Give a partner's PIN session the partner key by typing the password (audited)."""
        me = vault.session
        if me.role is not Role.PARTNER:
            vault.deny(Capability.OPEN_LOCKED, f"user:{me.user_id}")
        if me.keys is not None and me.keys.pk is not None:
            return
        slot = next((s for s in vault.keyfile.slots if s.kind == "user" and s.user_id == me.user_id), None)
        if slot is None:
            raise KeysFileError("no_slot")
        try:
            keys = kf.unwrap_slot(vault.vault_id, slot, kf.derive_password_key(password, slot.kdf))
        except WrongCredentials:
            vault.record("key.partner_key_unlocked", f"user:{me.user_id}", outcome="failed")
            raise
        keys = kf.check_partner_key(vault.vault_id, keys, me.signer)
        if not slot.holds_partner_key or keys.pk is None:
            raise KeysFileError("partner_key_unavailable")
        me.keys = keys
        vault.record("key.partner_key_unlocked", f"user:{me.user_id}")

    def has_workstation_login(self, folder: Path, username: str) -> bool:
        """Whether a PIN login is set up for ``username`` on this workstation (and not expired)."""
        try:
            keyfile = kf.load(VaultPaths(folder).keys)
        except KeysFileError:
            return False
        tag = kf.login_tag(keyfile.vault_id, username)
        today = date.fromtimestamp(self.clock()).isoformat()
        return any(
            s.kind == "workstation"
            and s.login_tag == tag
            and not (s.expires and s.expires < today)
            and self.keyring.fetch(_keyring_account(keyfile.vault_id, s.slot_id)) is not None
            for s in keyfile.slots
        )

    def reset_partner_password(self, folder: Path, recovery_code: str, username: str, new_password: str) -> Vault:
        """Use the printed recovery code to set a new password for a partner; returns the vault unlocked."""
        check_password(new_password)
        paths = VaultPaths(folder)
        keyfile = kf.load(paths.keys)
        tag = "recovery"
        self.throttle.check(paths, tag)
        slot = next((s for s in keyfile.slots if s.kind == "recovery"), None)
        if slot is None:
            raise KeysFileError("no_recovery_slot")
        try:
            opened = kf.unlock_private(
                keyfile.vault_id, slot, kf.derive_password_key(_recovery_secret(recovery_code), slot.kdf)
            )
        except WrongCredentials:
            self.throttle.failed(paths, tag)
            raise
        vault = self._open_consistent(paths, keyfile, opened, slot, None)
        user = UserRepository(vault.db).by_username(username)
        if user is None or user.role is not Role.PARTNER or not user.active:
            vault.db.close()
            raise WrongCredentials()
        # The recovery slot opened the vault; from here the session acts as that partner.
        vault.session = replace(vault.session, user_id=user.id, username=user.username,
                                display_name=user.display_name, role=user.role)  # fmt: skip
        self.throttle.logged_in(paths, tag, vault)
        vault.record("key.recovery_used", f"user:{user.id}")
        keys = vault.session.keys
        assert keys is not None

        def new_slot(slots: list[Slot]) -> list[Slot]:
            kept = [s for s in slots if not (s.kind == "user" and s.user_id == user.id)]
            fresh = self._user_slot(vault.vault_id, user, new_password, keys, vault.session.signer)
            return [*kept, keyslots.with_certificate(vault, fresh)]

        keyslots.change_keys(vault, new_slot, action="key.password_reset", obj=f"user:{user.id}")
        self._after_login(vault)
        return vault

    # -- key changes ---------------------------------------------------------------------------

    def change_password(self, vault: Vault, old_password: str, new_password: str) -> None:
        """Change the acting user's password: only that user's password layer is re-made.

        The slot's record (and so its partner certificate) does not change, so no partner is needed.
        """
        check_password(new_password, field="new_password")
        me = vault.session
        slot = next((s for s in vault.keyfile.slots if s.kind == "user" and s.user_id == me.user_id), None)
        if slot is None:
            raise KeysFileError("no_slot")
        try:
            opened = kf.unlock_private(vault.vault_id, slot, kf.derive_password_key(old_password, slot.kdf))
        except WrongCredentials:
            vault.record("key.password_change", f"user:{me.user_id}", outcome="failed")
            raise
        kdf = kf.new_kdf(self.kdf)
        new_key = kf.derive_password_key(new_password, kdf)

        def rewrap(slots: list[Slot]) -> list[Slot]:
            out = []
            for s in slots:
                if s.slot_id == slot.slot_id:
                    s = kf.wrap_private(vault.vault_id, replace(s, kdf=kdf), new_key, opened.private, me.signer)
                out.append(s)
            return out

        keyslots.change_keys(vault, rewrap, action="key.password_change", obj=f"user:{me.user_id}")

    def _add_user_slot(
        self, vault: Vault, user: UserRow, password: str, inside: Callable[[], None] | None = None
    ) -> None:
        """Give a new user a slot certified with the partner key (the partner key only for partners).

        Private: :class:`~clientvault.services.users.UserService` checks ``MANAGE_USERS`` first.
        Needs ``PK``: nobody without it can add a slot that other sessions accept.
        """
        check_password(password)
        keys = vault.session.keys
        assert keys is not None
        if keys.pk is None:
            raise InvalidState("partner_key_unavailable")
        fresh = keyslots.with_certificate(
            vault, self._user_slot(vault.vault_id, user, password, keys, vault.session.signer)
        )
        keyslots.change_keys(
            vault, lambda slots: [*slots, fresh], action="key.slot_added", obj=f"user:{user.id}", inside=inside
        )

    def _remove_user_and_rekey(self, vault: Vault, user_id: int, inside: Callable[[], None] | None = None) -> None:
        """Remove every slot of ``user_id`` and re-encrypt the database under a fresh key.

        ``inside`` (marking the account disabled) runs in the same transaction as the key
        change, so a crash leaves either both or neither. Private: the caller checked ``MANAGE_USERS``.
        """
        self._rekey(
            vault,
            lambda slots: [s for s in slots if s.user_id != user_id or s.kind == "recovery"],
            action="key.user_revoked",
            obj=f"user:{user_id}",
            inside=inside,
        )

    def rekey(self, vault: Vault) -> None:
        """Re-encrypt the database under a fresh ``DK``, keeping every certified slot (partner only)."""
        vault.require(Capability.MANAGE_USERS, "vault")
        self._rekey(vault, lambda slots: slots, action="key.rekey")

    def _rekey(
        self,
        vault: Vault,
        keep: keyslots.Mutation,
        *,
        action: str,
        obj: str = "",
        inside: Callable[[], None] | None = None,
    ) -> None:
        """Re-encrypt the database under a fresh ``DK`` sealed to every slot ``keep`` returns.

        Each slot has its own public key, so no password is needed to give it the new key, and a
        removed slot's holder — even with the old ``DK`` in hand — can open nothing any more.
        Slots whose certificate fails never reach ``keep``: they are dropped by every rekey.
        """

        def forget(old: list[Slot], new: list[Slot]) -> None:
            kept = {s.slot_id for s in new}
            for s in old:
                if s.kind == "workstation" and s.slot_id not in kept:
                    self.keyring.forget(_keyring_account(vault.vault_id, s.slot_id))

        keyslots.change_keys(vault, keep, action=action, obj=obj, rekey=True, inside=inside, on_commit=forget)

    def remember_workstation(self, vault: Vault, pin: str, *, days: int = 30) -> bool:
        """Set up PIN login for the acting user on this workstation; False if no keyring exists.

        The workstation slot holds ``DK`` only — never the partner key — and is certified by the
        user's own slot, so it needs the session the user opened with their password.
        """
        check_password(pin, minimum=MIN_PIN, field="pin")
        keyslots.check_pin(pin)
        me = vault.session
        assert me.keys is not None
        parent = next((s for s in vault.keyfile.slots if s.slot_id == me.slot_id and s.kind == "user"), None)
        if parent is None:
            raise InvalidState("password_session_needed")
        slot_id = str(uuid.uuid4())
        secret = self.keyring.store_new(_keyring_account(vault.vault_id, slot_id))
        if secret is None:
            vault.record("key.workstation_unavailable", f"user:{me.user_id}", outcome="failed")
            return False
        kdf = kf.new_kdf(self.kdf)
        expires = (date.fromtimestamp(self.clock()) + timedelta(days=days)).isoformat()
        slot = kf.wrap_slot(
            vault.vault_id,
            kind="workstation",
            user_id=me.user_id,
            slot_key=kf.derive_workstation_key(secret, pin, kdf),
            kdf=kdf,
            keys=VaultKeys(dk=me.keys.dk),
            signer=me.signer,
            login_tag=kf.login_tag(vault.vault_id, me.username),
            expires=expires,
            slot_id=slot_id,
            parent=parent.slot_id,
        )
        slot = keyslots.certify_workstation(vault, slot, parent)
        keyslots.change_keys(
            vault, lambda slots: [*slots, slot], action="key.workstation_added", obj=f"user:{me.user_id}"
        )
        return True

    def workstation_slots(self, vault: Vault, user_id: int | None = None) -> list[Slot]:
        """Return workstation slots: a partner sees everyone's, anyone else only their own.

        ``user_id`` narrows the list to one account; asking for someone else's without
        ``MANAGE_USERS`` is refused (and audited).
        """
        me = vault.session.user_id
        if not can(vault.session.role, Capability.MANAGE_USERS):
            if user_id not in (None, me):
                vault.deny(Capability.MANAGE_USERS, f"user:{user_id}")
            user_id = me
        return [s for s in vault.keyfile.slots if s.kind == "workstation" and (user_id is None or s.user_id == user_id)]

    def revoke_workstation(self, vault: Vault, slot_id: str) -> None:
        """Remove one workstation slot and rekey, so that the remembered secret opens nothing.

        Anyone may revoke their own workstation slots; a partner may revoke anyone's. Only
        workstation slots go this way: user and recovery slots are refused, whoever asks.

        Raises:
            AccessDenied: not a partner, and the slot is not one of the acting user's workstations
                (audited; the answer does not tell whether such a slot exists).
            NotFound: a partner named a slot that is not a workstation slot of this vault.
        """
        slot = next((s for s in vault.keyfile.slots if s.slot_id == slot_id), None)
        is_workstation = slot is not None and slot.kind == "workstation"
        own = is_workstation and slot is not None and slot.user_id == vault.session.user_id
        if not own and not can(vault.session.role, Capability.MANAGE_USERS):
            vault.deny(Capability.MANAGE_USERS, f"slot:{slot_id[:8]}")
        if not is_workstation:
            raise NotFound("workstation_slot", slot_id[:8])
        self._rekey(
            vault,
            lambda slots: [s for s in slots if s.slot_id != slot_id],
            action="key.workstation_revoked",
            obj=f"slot:{slot_id[:8]}",
        )

    # -- internals -----------------------------------------------------------------------------

    def _vault(self, paths: VaultPaths, db: Database, keyfile: KeyFile, session: Session) -> Vault:
        """An unlocked vault that remembers checkpoints on this workstation and follows key changes
        made by other processes."""
        vault = Vault(paths, db, keyfile, session, keyfile.vault_id, state_dir=self.state_dir)
        db.key_follower = lambda: keyslots.follow(vault)
        return vault

    def _options(self, folder: Path) -> OpenOptions:
        return OpenOptions(shared=is_network_path(folder), cipher_log=self.cipher_log)

    def _user_slot(self, vault_id: str, user: UserRow, password: str, keys: VaultKeys, signer: bytes) -> Slot:
        kdf = kf.new_kdf(self.kdf)
        slot_keys = keys if user.role is Role.PARTNER else VaultKeys(dk=keys.dk)
        return kf.wrap_slot(
            vault_id,
            kind="user",
            user_id=user.id,
            slot_key=kf.derive_password_key(password, kdf),
            kdf=kdf,
            keys=slot_keys,
            signer=signer,
            login_tag=kf.login_tag(vault_id, user.username),
        )

    def _recovery_slot(self, vault_id: str, code: str, keys: VaultKeys, signer: bytes) -> Slot:
        kdf = kf.new_kdf(self.kdf)
        return kf.wrap_slot(
            vault_id,
            kind="recovery",
            user_id=None,
            slot_key=kf.derive_password_key(_recovery_secret(code), kdf),
            kdf=kdf,
            keys=keys,
            signer=signer,
        )

    def _open_db(self, paths: VaultPaths, keyfile: KeyFile, keys: VaultKeys, slot: Slot, private: bytes) -> Database:
        """Open the database with ``keys``; if a rekey was interrupted, open with the old key and finish it.

        The caller holds the key-change lock whenever ``keyfile`` has a ``previous`` block.
        """
        from clientvault.services.leftovers import sweep_leftovers

        sweep_leftovers(paths)  # temp files of killed processes; undoes a restore killed mid-swap (issue 9)
        if not paths.db.exists():
            raise DamagedFile("vault.db", "missing")
        if paths.db.stat().st_size == 0:
            # SQLite would treat an empty file as a new, empty database (and write to it).
            raise DamagedFile("vault.db", "empty")
        options = self._options(paths.folder)
        try:
            return Database(paths.db, keys.dk, options)
        except DamagedFile:
            old_dk = _previous_dk(keyfile, slot, private)
            if old_dk is None or old_dk == keys.dk:
                raise damage_error(paths.db, keys.dk) from None
        try:
            db = Database(paths.db, old_dk, options)
        except DamagedFile:
            raise damage_error(paths.db, keys.dk) from None
        log.warning("finishing a rekey that was interrupted")
        db.rekey(keys.dk)
        return db

    def _open_consistent(
        self, paths: VaultPaths, keyfile: KeyFile, opened: kf.OpenedSlot, slot: Slot, username: str | None
    ) -> Vault:
        """Open the vault through ``slot``, tolerating a key change another process is making.

        A file with ``previous`` is finished under the key-change lock (its writer is either done
        or dead by the time we hold it). A generation or key that moved while we opened means
        another workstation changed keys meanwhile: read the file again and retry — concurrency
        is never reported as damage.
        """
        try:
            if keyfile.previous is None:
                return self._open(paths, keyfile, opened, slot, username)
        except (GenerationMismatch, DamagedFile, KeysFileError) as exc:
            if isinstance(exc, KeysFileError) and exc.reason not in ("not_this_db", "envelope"):
                raise
            if kf.load(paths.keys) == keyfile:
                raise  # nothing moved: the files really disagree
        # A change is in flight or happened while we opened: open again from the current file
        # under the key-change lock, where no other change can run; what fails now is real.
        with key_change_lock(paths.folder):
            keyfile = kf.load(paths.keys)
            return self._open(paths, keyfile, opened, _same_slot(keyfile, slot), username)

    def _open(
        self, paths: VaultPaths, keyfile: KeyFile, opened: kf.OpenedSlot, slot: Slot, username: str | None
    ) -> Vault:
        if keyfile.previous is not None:
            keyfile, slot = self._settle(paths, keyfile, slot, opened)
        good = kf.certified(keyfile.vault_id, keyfile.slots, opened.signer)
        if slot.slot_id not in good:
            # A slot the partner never certified (planted, or a flag edited by hand): never used.
            raise KeysFileError("forged_slot")
        keys = kf.open_checked(keyfile.vault_id, slot, opened)
        if not slot.holds_partner_key:
            keys = VaultKeys(dk=keys.dk)
        db = self._open_db(paths, keyfile, keys, slot, opened.private)
        try:
            session = _session_for(db, keyfile, slot, keys, opened, good, username)
            vault = self._vault(paths, db, keyfile, session)
            self._after_open(vault)
        except DamagedFile as exc:
            db.close()
            if exc.detail != "not_a_database":
                raise
            raise damage_error(paths.db, keys.dk) from None
        except BaseException:
            db.close()
            raise
        return vault

    def _settle(self, paths: VaultPaths, keyfile: KeyFile, slot: Slot, opened: kf.OpenedSlot) -> tuple[KeyFile, Slot]:
        """Decide an interrupted key change (caller holds the key-change lock).

        If its database step committed (the database has the new generation), it is finished
        forward by the normal open (rekey, final write). If not, nothing of it reached the
        database — no rekey either, which comes after the commit — so ``vault.keys`` goes back to
        the previous slots: an account half added has no slot, a half-done disable leaves the
        account as it was, and running the command again does it properly.
        """
        new_dk = kf.open_envelope(keyfile.vault_id, slot, opened.private).dk
        old_dk = _previous_dk(keyfile, slot, opened.private)
        options = self._options(paths.folder)
        db_gen = None
        for dk in dict.fromkeys(k for k in (new_dk, old_dk) if k is not None):
            try:
                probe = Database(paths.db, dk, options)
            except DamagedFile:
                continue
            try:
                db_gen = int(MetaRepository(probe).get("generation") or "0")
            finally:
                probe.close()
            break
        previous_gen = int(keyfile.previous.get("generation", -1)) if keyfile.previous else -1
        if db_gen != previous_gen:
            return keyfile, slot  # committed (or damaged: the normal open says which)
        log.warning("rolling back a key change whose database step never committed")
        rolled = kf.rolled_back(keyfile)
        kf.save(paths.keys, rolled)
        return rolled, _same_slot(rolled, slot)

    def _after_login(self, vault: Vault) -> None:
        """Checks that need the session: slot certificates, the signer pin, partner checkpoints.

        Every session audits forged slots and a changed signer it finds (``key.tamper_detected``);
        a partner session also removes them and writes a signed checkpoint into ``vault.keys``.
        """
        signer = vault.session.signer
        bad = keyslots.forged(vault.vault_id, vault.keyfile, signer)
        pinned = MetaRepository(vault.db).get(keyslots.SIGNER_META)
        problems = [f"slot:{s.slot_id[:8]}" for s in bad]
        if vault.keyfile.signer != signer:
            problems.append("vault.keys:signer")
        if pinned != kf.public_key_text(signer):
            problems.append("vault.db:signer")
        if not audit_anchor.anchor_holds(vault):
            # The audit log no longer holds a checkpoint this workstation saw: truncated or rewritten.
            problems.append("audit:workstation_checkpoint")
        for obj in problems:
            vault.record("key.tamper_detected", obj, outcome="tampered")
        kinds = {"slot": "slots", "vault.keys": "signer", "vault.db": "signer", "audit": "audit"}
        for kind in dict.fromkeys(kinds[p.split(":", 1)[0]] for p in problems):
            vault.warnings.append(kind)
        keys = vault.session.keys
        if keys is None or keys.pk is None:
            return
        if [p for p in problems if not p.startswith("audit:")]:
            keyslots.change_keys(vault, lambda slots: slots, action="key.repaired")
        else:
            audit_anchor.checkpoint(vault, "login")
            keyslots.mirror_checkpoint(vault)
        vault.before_lock.append(lambda: audit_anchor.checkpoint(vault, "close"))

    def _after_open(self, vault: Vault) -> None:
        """Vault id and generation checks, crash roll-forward, migrations."""
        db = vault.db
        meta = MetaRepository(db)
        try:
            db_vault_id = meta.get("vault_id")
            db_gen = int(meta.get("generation") or "0")
        except DamagedFile:
            dk = vault.session.keys.dk if vault.session.keys else b""
            raise damage_error(vault.paths.db, dk) from None
        keyfile = vault.keyfile
        if db_vault_id != keyfile.vault_id:
            raise KeysFileError("other_vault")
        if keyfile.previous is not None:
            # The caller holds the key-change lock (see _open_consistent).
            if db_gen not in (keyfile.generation, int(keyfile.previous.get("generation", -1))):
                raise GenerationMismatch(db_gen, keyfile.generation)
        elif db_gen != keyfile.generation:
            raise GenerationMismatch(db_gen, keyfile.generation)

        taken: list[tuple[int, Path]] = []

        def backup(version: int) -> None:
            vault.paths.backups.mkdir(exist_ok=True, mode=0o700)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            target = vault.paths.backups / f"{PRE_MIGRATION_PREFIX}{version}-{stamp}.db"
            assert vault.session.keys is not None
            try:
                db.export_to(target, vault.session.keys.dk)
            except BaseException:
                target.unlink(missing_ok=True)  # a half-written copy is no backup
                raise
            taken.append((version, target))

        try:
            applied = migrate(db, backup=backup)
        except Exception as exc:
            if not taken:
                raise
            version, target = taken[0]
            # The message may hold data: the type only. The copy stays until an upgrade succeeds.
            log.error("migration failed (%s); the pre-migration backup %s is kept", type(exc).__name__, target.name)
            raise MigrationFailed(version, target.name) from exc
        if keyfile.previous is not None:
            keyslots.finish_interrupted(vault, keyfile)  # after migrating: it writes current tables
        if applied:
            vault.record("vault.migrated", reason=",".join(str(v) for v in applied))
            # Only the process that upgraded deletes: another workstation may be mid-upgrade.
            drop_pre_migration_backups(vault.paths)
        from clientvault.services.erasure import complete_pending_erasures

        # An erasure whose checkpoint other readers held up (issue 9), or whose check did not run.
        complete_pending_erasures(vault, unchecked=True)


def drop_pre_migration_backups(paths: VaultPaths) -> None:
    """Delete the copies taken before migrations, once the vault is migrated and has opened.

    Copies left by an earlier, failed upgrade go too: the database they saved is the one just
    upgraded. They are keyed with the current ``DK`` and are not in the backup set, so a later
    rekey or an erasure purge would not reach them; after a successful upgrade they have no use
    left. A plain unlink, not an overwrite: on SSDs and copy-on-write file systems overwriting in
    place does not reach the old blocks (docs/SECURITY.md).
    """
    try:
        found = sorted(paths.backups.glob(f"{PRE_MIGRATION_PREFIX}*"))
    except OSError:
        return
    for path in found:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            log.warning("could not delete a pre-migration backup")


def _valid_username(name: str) -> bool:
    n = name.strip()
    return 2 <= len(n) <= 64 and all(ch.isalnum() or ch in "._-" for ch in n)


def _recovery_secret(code: str) -> str:
    # Only the letters and digits matter: typed from paper with or without dashes or spaces.
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _keyring_account(vault_id: str, slot_id: str) -> str:
    return f"{vault_id}:{slot_id}"


def _previous_dk(keyfile: KeyFile, slot: Slot, private: bytes) -> bytes | None:
    """The ``DK`` of the state before an in-flight key change, opened with this slot's private key."""
    for prev in keyfile.previous_slots():
        if prev.slot_id == slot.slot_id:
            try:
                return kf.open_envelope(keyfile.vault_id, prev, private).dk
            except KeysFileError:
                return None
    return None


def _same_slot(keyfile: KeyFile, slot: Slot) -> Slot:
    """The slot with the same id in a newer ``vault.keys`` (gone: this login was revoked)."""
    found = next((s for s in keyfile.slots if s.slot_id == slot.slot_id), None)
    if found is None:
        raise WrongCredentials()
    return found


def _session_for(
    db: Database,
    keyfile: KeyFile,
    slot: Slot,
    keys: VaultKeys,
    opened: kf.OpenedSlot,
    good: dict[str, Slot],
    username: str | None,
) -> Session:
    """The session a certified slot opens, refusing a role that its certificate contradicts."""
    ids = dict(slot_id=slot.slot_id, private=opened.private, signer=opened.signer)
    if slot.kind == "recovery":
        return Session(0, "", "", Role.PARTNER, keys, **ids)  # type: ignore[arg-type]
    user = UserRepository(db).get(slot.user_id or 0)
    if user is None or not user.active:
        raise WrongCredentials()
    if username is not None and user.username.casefold() != username.strip().casefold():
        raise WrongCredentials()  # a colleague's slot with the same 8-bit tag opened with this password
    base = good.get(slot.parent or "") if slot.kind == "workstation" else slot
    if base is None or (user.role is Role.PARTNER) != base.holds_partner_key:
        # The users table says one role, the partner-signed slot another: someone edited the table.
        raise KeysFileError("role_mismatch")
    return Session(user.id, user.username, user.display_name, user.role, keys, **ids)  # type: ignore[arg-type]
