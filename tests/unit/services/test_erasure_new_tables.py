"""An erased client's shared-identifier confirmations and form corrections go with it (the typed
correction reason is staff text), and the certificate names them in words."""

from __future__ import annotations

from clientvault.core.records import ClientInput, ClientStatus
from clientvault.core.validation import uscc_check_digit
from clientvault.documents.erasure_certificate import _KINDS
from clientvault.services.clients import ClientService, SharedIdentifier
from clientvault.services.consent import ConsentService
from clientvault.services.context import Vault
from clientvault.services.form_correction import FormCorrectionService
from clientvault.storage.erasure import CLIENT_TABLES, erase_client

USCC = "91110105MA01QX7R2" + uscc_check_digit("91110105MA01QX7R2")


def test_erasure_takes_the_confirmations_and_corrections(new_vault: Vault) -> None:
    clients = ClientService(new_vault)
    head = clients.create(ClientInput(name="总公司", uscc=USCC, engagement_start="2020-01-01"))
    branch = clients.create(
        ClientInput(name="分公司", uscc=USCC, engagement_start="2020-01-01"), shared=(SharedIdentifier("uscc", head),)
    )
    consent = ConsentService(new_vault)
    form = consent.issue_form(branch)
    marketing = next(t for t in consent.form_info(form.form_no).ticks if t.code == "marketing")
    consent.return_form(form.form_no, branch, [marketing])
    FormCorrectionService(new_vault).correct(form.form_no, [], "录入时勾错了营销一栏")
    clients.set_status(branch, clients.get(branch).version, ClientStatus.ENDED)
    tables = {t for t, _ in CLIENT_TABLES}
    assert {"form_corrections", "identifier_confirmations"} <= tables
    with new_vault.db.transaction():
        counts = erase_client(new_vault.db, branch)
    assert counts["form_corrections"] == 1 and counts["identifier_confirmations"] == 1
    assert new_vault.db.scalar("SELECT count(*) FROM form_corrections") == 0
    for lang in ("zh", "en"):
        assert {"form_corrections", "identifier_confirmations"} <= set(_KINDS[lang])
