"""A demo firm for trials, screenshots and benchmarks: one login per role, synthetic clients.

The demo's passwords are written beside the vault in ``DEMO-LOGINS.txt`` so the login screen can
show them. That is acceptable only because every record in a demo vault is synthetic; a real
vault never has such a file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from clientvault.core.errors import InvalidState, ValidationError
from clientvault.core.roles import Role
from clientvault.security.atomic import atomic_write_bytes
from clientvault.services.consent import ConsentService, NoticeDetails
from clientvault.services.context import Vault
from clientvault.services.demo_logins import DEMO_FILE, DEMO_LOGINS, DemoLogin
from clientvault.services.leftovers import building
from clientvault.services.seed import populate_synthetic
from clientvault.services.staff_register import StaffRegisterService
from clientvault.services.users import UserService
from clientvault.services.vault import VaultService

DEMO_FIRM = "示例代账有限公司"

_NAMES = {
    Role.PARTNER: "王建国",
    Role.ACCOUNTANT: "李会计",
    Role.ASSISTANT: "陈助理",
    Role.PRIVACY_OFFICER: "赵保密",
}

#: The most synthetic clients a demo firm gets: a large firm's worth (about 9 s and 30 MB to build here);
#: more is refused (``ValidationError clients=range``) before anything is created.
MAX_CLIENTS = 10_000

#: The demo firm's notice details (invented: a street, a phone and an address that do not exist).
DEMO_NOTICE = NoticeDetails(
    address="杭州市西湖区示例路 1 号",
    phone="0571-0000 0000",
    email="office@demo.invalid",
    privacy_contact="个人信息保护负责人，0571-0000 0001",
    complaint_channel="privacy@demo.invalid",
)

#: Fills the demo firm; called with the partner's vault, the client count and the seed.
Populate = Callable[[Vault, int, int], object]


def create_demo_vault(
    vaults: VaultService,
    folder: Path,
    *,
    clients: int = 300,
    seed: int = 0,
    populate: Populate | None = populate_synthetic,
) -> list[DemoLogin]:
    """Create a demo firm in ``folder`` with one login per role and return the logins.

    All-or-nothing like ``init``: the whole firm (users, clients, logins file) is built in a
    temporary folder beside ``folder`` and moved into place at the end.
    """
    if not 0 <= clients <= MAX_CLIENTS:
        raise ValidationError({"clients": "range"})
    if vaults.vault_exists(folder):
        raise InvalidState("vault_exists")
    partner = DEMO_LOGINS[0]
    with building(folder) as stage:
        created = vaults.create_here(
            stage,
            firm_name=DEMO_FIRM,
            partner_username=partner.username,
            partner_display_name=_NAMES[Role.PARTNER],
            partner_password=partner.password,
        )
        vault = created.vault
        try:
            # The firm's details every 告知同意书 prints (PIPL Art 17(1)(1)); a form refuses without them.
            ConsentService(vault).set_notice_details(DEMO_NOTICE)
            users = UserService(vault, vaults)
            staff = [users.add(login.username, _NAMES[login.role], login.role, login.password).id
                     for login in DEMO_LOGINS[1:]]  # fmt: skip
            _bind_staff(vault, [vault.session.user_id, *staff])
            if populate is not None:
                populate(vault, clients, seed)
        finally:
            vault.lock()
        text = "".join(f"{d.role.value}\t{d.username}\t{d.password}\n" for d in DEMO_LOGINS)
        atomic_write_bytes(stage / DEMO_FILE, text.encode("utf-8"))
    return list(DEMO_LOGINS)


def _bind_staff(vault: Vault, user_ids: list[int]) -> None:
    """Everyone in the demo firm signed a confidentiality agreement and attended the induction training."""
    today = date.today()
    register = StaffRegisterService(vault)
    for uid in user_ids:
        register.record_agreement(uid, today, valid_until=today.replace(year=today.year + 3, day=min(today.day, 28)))
    register.record_training(today, "个人信息保护与保密制度入职培训", _NAMES[Role.PRIVACY_OFFICER], user_ids)
