"""Consent belongs to the person (PIPL Art 14): a consent recorded for the client, or signed by
another person of it, never counts for a person's own data; forms are issued per signer."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from clientvault import cli
from clientvault.core.errors import ConsentMissing, ValidationError
from clientvault.core.records import ClientInput, DataCategory, PersonInput, PersonRole
from clientvault.core.validation import resident_id_check_digit
from clientvault.services.clients import ClientService
from clientvault.services.consent import ConsentScope, ConsentService, ConsentStatus, TickItem
from clientvault.services.context import Vault
from clientvault.services.purposes import NEW_PERSON
from tests.conftest import PARTNER, PARTNER_PASSWORD
from tests.unit.documents.pdfcheck import pdf_text, squash

TODAY = date(2026, 11, 30)
ID_REP = "11010519800101123" + resident_id_check_digit("11010519800101123")
BANK_TICKS = [TickItem("bank_services", ConsentScope.PURPOSE), TickItem("bank_services", ConsentScope.SENSITIVE)]


def _svc(vault: Vault) -> ConsentService:
    return ConsentService(vault, today=lambda: TODAY)


def _grant(svc: ConsentService, client: int, person: int | None, ticks: list[TickItem] = BANK_TICKS) -> None:
    form = svc.issue_form(client, person_id=person)
    svc.return_form(form.form_no, client, ticks)


def test_a_client_level_consent_does_not_allow_the_legal_reps_id_number(new_vault: Vault) -> None:
    clients = ClientService(new_vault)
    svc = _svc(new_vault)
    active = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    rep = clients.add_person(active, PersonInput(PersonRole.LEGAL_REP, "张三", id_number=ID_REP))
    holder = clients.add_person(active, PersonInput(PersonRole.SHAREHOLDER, "李四"))

    _grant(svc, active, None)  # the client's own consent (no named person)
    with pytest.raises(ConsentMissing):
        clients.reveal_id_number(rep, "bank_services")
    assert "bank_services" not in {o.code for o in clients.reveal_options(active, DataCategory.ID_DOCUMENT, rep)}
    assert clients.reveal_id_number(rep, "tax_filing") == ID_REP  # legal obligation: no consent needed

    _grant(svc, active, holder)  # the shareholder's consent is his, not the rep's
    with pytest.raises(ConsentMissing):
        clients.reveal_id_number(rep, "bank_services")

    _grant(svc, active, rep)  # the rep's own consent
    assert clients.reveal_id_number(rep, "bank_services") == ID_REP
    assert "bank_services" in {o.code for o in clients.reveal_options(active, DataCategory.ID_DOCUMENT, rep)}


def test_on_a_prospect_only_the_persons_own_consent_lets_their_id_number_be_stored(new_vault: Vault) -> None:
    clients = ClientService(new_vault)
    svc = _svc(new_vault)
    prospect = clients.create(ClientInput(name="宁波潜在客户有限公司"))
    rep = clients.add_person(prospect, PersonInput(PersonRole.LEGAL_REP, "王五"))
    _grant(svc, prospect, None)
    assert DataCategory.BANK in svc.allowed_categories(prospect)  # the client's own items
    assert DataCategory.ID_DOCUMENT not in svc.allowed_categories(prospect, rep)
    assert DataCategory.ID_DOCUMENT not in svc.allowed_categories(prospect, NEW_PERSON)
    assert svc.field_reasons(prospect, "en", rep)["person.id_number"] == []
    # The client page's captions: the client's bank account is collected for the client-level
    # consent, a person's ID number is not (no person consented yet).
    reasons = svc.field_reasons(prospect, "en")
    assert reasons["sensitive.bank_account"] == ["Bank account services"] and reasons["person.id_number"] == []
    version = int(clients.person_edit_values(rep)["version"])
    with pytest.raises(ValidationError) as err:
        clients.update_person(rep, version, PersonInput(PersonRole.LEGAL_REP, "王五", id_number=ID_REP))
    assert err.value.errors == {"person.id_number": "no_purpose"}

    _grant(svc, prospect, rep)
    assert svc.field_reasons(prospect, "en", rep)["person.id_number"] == ["Bank account services"]
    assert svc.field_reasons(prospect, "en")["person.id_number"] == ["Bank account services"]  # some person's
    clients.update_person(rep, version, PersonInput(PersonRole.LEGAL_REP, "王五", id_number=ID_REP))
    # Withdrawing the rep's consent flags the rep's ID number: nothing else keeps it on a prospect.
    result = svc.withdraw(prospect, "bank_services", person_id=rep)
    assert [(c.item, c.person_id) for c in result.flagged] == [(f"person:{rep}.id_number", rep)]


def test_forms_are_issued_per_signer_and_name_the_signer(new_vault: Vault) -> None:
    clients = ClientService(new_vault)
    svc = _svc(new_vault)
    active = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    rep = clients.add_person(active, PersonInput(PersonRole.LEGAL_REP, "张三丰"))
    clients.add_person(active, PersonInput(PersonRole.CONTACT, "李四光"))
    bare = clients.create(ClientInput(name="宁波无人有限公司", engagement_start="2026-01-01"))

    [batch] = svc.issue_forms([active, bare])
    assert batch.form_no.count(",") == 2  # two persons, and one form for the client without persons
    assert len(PdfReader(io.BytesIO(batch.pdf)).pages) >= 3
    forms = {f.person_id: f for f in svc.forms(active)}
    assert set(forms) == {rep, rep + 1}
    assert [f.person_id for f in svc.forms(bare)] == [None]

    single = svc.issue_form(active, person_id=rep, lang="zh")
    text = squash(pdf_text(single.pdf))
    assert "签署人张三丰" in text  # the form's head
    assert "授权代表）：张三丰" in text  # the signature line names the signer
    assert "李四光" not in text
    english = squash(pdf_text(svc.issue_form(active, person_id=rep, lang="en").pdf))
    assert "representative):张三丰" in english

    # The rep answers: bank services granted, every other box refused. A form issued to the rep
    # afterwards (still pending) does not hide the grant.
    ticks = [t for t in svc.form_info(single.form_no).ticks if t.code == "bank_services"]
    svc.return_form(single.form_no, active, ticks)
    svc.issue_form(active, person_id=rep)
    rows = {r.person_id: r for r in svc.person_consents(active)}
    assert rows[rep].purposes["bank_services"] is ConsentStatus.GRANTED
    assert rows[rep].purposes["marketing"] is ConsentStatus.REFUSED
    assert rows[rep].needs_form is False
    assert rows[rep + 1].purposes["bank_services"] is ConsentStatus.PENDING and rows[rep + 1].needs_form
    assert None not in rows  # nothing was recorded for the client itself
    # Batch printing now issues only the contact's form.
    [again] = svc.issue_forms([active], one_pdf=False)
    assert "," not in again.form_no
    text = squash(pdf_text(again.pdf))
    assert "李四光" in text and "张三丰" not in text


def _form_verb(vault_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLIENTVAULT_PASSWORD", PARTNER_PASSWORD)
        mp.setenv("CLIENTVAULT_TESTING", "1")
        code = cli.main(
            ["form", "--vault", str(vault_dir), "--user", PARTNER, "--kdf-profile", "fast", *args], out=out, err=err
        )
    return code, out.getvalue(), err.getvalue()


def test_form_verb_names_the_signer(new_vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    clients = ClientService(new_vault)
    client = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    rep = clients.add_person(client, PersonInput(PersonRole.LEGAL_REP, "张三丰"))
    other = clients.create(ClientInput(name="宁波无关有限公司"))
    stranger = clients.add_person(other, PersonInput(PersonRole.CONTACT, "王五"))
    new_vault.lock()
    out = tmp_path / "rep.pdf"
    code, printed, err = _form_verb(vault_dir, "--out", str(out), "--client", str(client), "--person", str(rep))
    assert code == 0, err
    assert printed.startswith("CF-")
    assert "授权代表）：张三丰" in squash(pdf_text(out.read_bytes()))
    code, _, err = _form_verb(vault_dir, "--out", str(tmp_path / "x.pdf"), "--person", str(rep))
    assert code == 2 and "--person needs --client" in err
    code, _, err = _form_verb(vault_dir, "--out", str(tmp_path / "y.pdf"), "--client", str(client), "--person",
                              str(stranger))  # fmt: skip
    assert code == 2 and "person" in err and not (tmp_path / "y.pdf").exists()
