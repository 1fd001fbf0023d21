"""Staff accounts: add, list, disable (with rekey), workstation logins, change password."""

from __future__ import annotations

import builtins
import contextlib
from dataclasses import dataclass, replace

from clientvault.core.errors import InvalidState, NotFound, ValidationError
from clientvault.core.roles import Capability, Role
from clientvault.core.validation import free_text
from clientvault.services import keyslots
from clientvault.services.context import Vault
from clientvault.services.vault import VaultService, _valid_username, check_password
from clientvault.storage.users import UserRepository, UserRow


@dataclass(frozen=True)
class UserInfo:
    """What the staff page shows about an account."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    created_at: str
    workstation_logins: int


@dataclass(frozen=True)
class WorkstationLogin:
    """One remembered workstation (PIN login) of an account."""

    slot_id: str
    user_id: int
    expires: str


class UserService:
    """Partner-only management of staff accounts."""

    def __init__(self, vault: Vault, vaults: VaultService) -> None:
        self.vault = vault
        self.vaults = vaults

    def list(self) -> list[UserInfo]:
        """Return every account (partner only)."""
        self.vault.require(Capability.MANAGE_USERS, "users")
        ws: dict[int, int] = {}
        for s in self.vault.keyfile.slots:
            if s.kind == "workstation" and s.user_id is not None:
                ws[s.user_id] = ws.get(s.user_id, 0) + 1
        return [_info(u, ws.get(u.id, 0)) for u in UserRepository(self.vault.db).list()]

    def add(self, username: str, display_name: str, role: Role, password: str) -> UserInfo:
        """Create an account with its own key slot."""
        self.vault.require(Capability.MANAGE_USERS, "users")
        errors: dict[str, str] = {}
        if not _valid_username(username):
            errors["username"] = "format"
        try:
            name = free_text("display_name", display_name, 100, required=True)
        except ValidationError as exc:
            errors.update(exc.errors)
        if errors:
            raise ValidationError(errors)
        check_password(password)  # before the row exists, so a rejected password does not burn the name
        repo = UserRepository(self.vault.db)
        existing = repo.by_username(username)
        # One step (issue 9): the row waits disabled until the key change that makes its slot
        # activates it in the same transaction, so a killed `user add` leaves no active account
        # that cannot log in; an add that never finished can simply be run again.
        if existing is not None and (existing.active or self._ever_had_slot(existing.id)):
            raise ValidationError({"username": "taken"})
        with self.vault.db.transaction():
            if existing is None:
                user = repo.add(username.strip(), name, role, status="disabled")
            else:
                repo.redo(existing.id, name, role)
                user = repo.get(existing.id) or existing

        def activate() -> None:
            repo.set_status(user.id, "active")
            self.vault.record("user.add", f"user:{user.id}", reason=role.value)

        try:
            self.vaults._add_user_slot(self.vault, user, password, inside=activate)
        except BaseException:
            with contextlib.suppress(Exception):
                self.vault.record("user.add", f"user:{user.id}", outcome="failed")
            raise
        return _info(replace(user, status="active"), 0)

    def _ever_had_slot(self, user_id: int) -> bool:
        return any(s.user_id == user_id for s in keyslots.known_slots(self.vault.db))

    def disable(self, user_id: int) -> None:
        """Disable an account: its slots are removed and the database is re-keyed."""
        self.vault.require(Capability.MANAGE_USERS, f"user:{user_id}")
        repo = UserRepository(self.vault.db)
        user = repo.get(user_id)
        if user is None:
            raise NotFound("user", user_id)
        if user_id == self.vault.session.user_id:
            raise InvalidState("cannot_disable_self")
        has_slots = any(s.user_id == user_id and s.kind != "recovery" for s in self.vault.keyfile.slots)
        if not user.active and not has_slots:
            return
        if user.active and user.role is Role.PARTNER and repo.count_active(Role.PARTNER) <= 1:
            raise InvalidState("last_partner")

        def mark_disabled() -> None:
            repo.set_status(user_id, "disabled")
            self.vault.record("user.disable", f"user:{user_id}")

        # One step: the account is marked disabled in the same transaction as the key change that
        # removes its slots, so a crash leaves both or neither (re-running finishes the job).
        self.vaults._remove_user_and_rekey(self.vault, user_id, inside=mark_disabled if user.active else None)

    def workstation_logins(self, user_id: int) -> builtins.list[WorkstationLogin]:
        """Return the remembered workstations of ``user_id`` (partner only)."""
        self.vault.require(Capability.MANAGE_USERS, f"user:{user_id}")
        return [
            WorkstationLogin(s.slot_id, user_id, s.expires or "")
            for s in self.vaults.workstation_slots(self.vault, user_id)
        ]

    def revoke_workstation(self, slot_id: str) -> None:
        """Revoke one remembered workstation of any account and rekey (partner only).

        Raises:
            NotFound: ``slot_id`` is not a workstation slot (user and recovery slots never go this way).
        """
        self.vault.require(Capability.MANAGE_USERS, f"slot:{slot_id[:8]}")
        self.vaults.revoke_workstation(self.vault, slot_id)

    def change_own_password(self, old_password: str, new_password: str) -> None:
        """Change the acting user's password (any role)."""
        self.vaults.change_password(self.vault, old_password, new_password)

    def by_username(self, username: str) -> UserInfo:
        """Look an account up by name (partner only)."""
        self.vault.require(Capability.MANAGE_USERS, "users")
        user = UserRepository(self.vault.db).by_username(username)
        if user is None:
            raise NotFound("user", username)
        return _info(user, 0)


def _info(u: UserRow, ws: int) -> UserInfo:
    return UserInfo(u.id, u.username, u.display_name, u.role, u.active, u.created_at, ws)
