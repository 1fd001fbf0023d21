"""Purposes, consent forms, the consent lifecycle, minimisation and the export register, through the services."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from clientvault.core.errors import AccessDenied, ConsentMissing, InvalidState, NotFound, ValidationError
from clientvault.core.records import (
    ClientInput,
    DataCategory,
    PersonInput,
    PersonRole,
    SensitiveInput,
    SensitiveKind,
)
from clientvault.core.roles import Role
from clientvault.core.validation import resident_id_check_digit
from clientvault.services.clients import ClientService
from clientvault.services.consent import (
    MAX_SCAN_BYTES,
    ConsentScope,
    ConsentService,
    ConsentStatus,
    TickItem,
    new_form_number,
    normalise_form_number,
    sniff_scan,
)
from clientvault.services.context import Vault
from clientvault.services.exports import ExportKind, ExportService
from clientvault.services.purposes import LawfulBasis, PurposeInput, PurposeService
from clientvault.services.vault import VaultService
from clientvault.storage.audit import AuditFilter
from tests.conftest import STAFF_PASSWORD

TODAY = date(2026, 11, 30)
ID_A = "11010519800101123" + resident_id_check_digit("11010519800101123")
BANK = "6222021234567890123"
PDF_SCAN = b"%PDF-1.7\n% a scanned signed form\n"
PNG_SCAN = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
BANK_TICKS = [TickItem("bank_services", ConsentScope.PURPOSE), TickItem("bank_services", ConsentScope.SENSITIVE)]


@dataclass
class Office:
    partner: Vault
    active: int  # an active client with a legal representative
    person: int
    prospect: int
    login: Callable[[str], Vault]

    def consent(self, vault: Vault | None = None, today: date = TODAY) -> ConsentService:
        return ConsentService(vault or self.partner, today=lambda: today)


@pytest.fixture
def office(new_vault: Vault, fast_vaults: VaultService, add_staff: Callable[..., int]) -> Iterator[Office]:
    add_staff("acc", Role.ACCOUNTANT)
    add_staff("asst", Role.ASSISTANT)
    add_staff("priv", Role.PRIVACY_OFFICER)
    clients = ClientService(new_vault)
    active = clients.create(ClientInput(name="杭州星辰科技有限公司", engagement_start="2026-01-01"))
    person = clients.add_person(active, PersonInput(PersonRole.LEGAL_REP, "张三"))
    prospect = clients.create(ClientInput(name="宁波潜在客户有限公司"))
    opened: list[Vault] = []

    def login(name: str) -> Vault:
        vault = fast_vaults.unlock(new_vault.paths.folder, name, STAFF_PASSWORD)
        opened.append(vault)
        return vault

    yield Office(new_vault, active, person, prospect, login)
    for vault in opened:
        vault.lock()


def _granted_bank(office: Office, client: int | None = None, person: int | None = None) -> str:
    svc = office.consent()
    client = office.active if client is None else client
    form = svc.issue_form(client, person_id=office.person if person is None and client == office.active else person)
    svc.return_form(form.form_no, client, BANK_TICKS, scan=PDF_SCAN)
    return form.form_no


# --------------------------------------------------------------------------- catalogue


def test_seeded_catalogue_has_the_agency_purposes_with_their_bases(office: Office) -> None:
    catalogue = {p.code: p for p in PurposeService(office.partner).catalogue()}
    assert set(catalogue) == {
        "bookkeeping",
        "tax_filing",
        "annual_report",
        "payroll_social_insurance",
        "bank_services",
        "marketing",
    }
    assert catalogue["tax_filing"].lawful_basis is LawfulBasis.LEGAL_OBLIGATION
    assert catalogue["bookkeeping"].lawful_basis is LawfulBasis.CONTRACT and catalogue["bookkeeping"].necessary
    assert catalogue["marketing"].requires_consent and not catalogue["marketing"].necessary
    assert catalogue["bank_services"].separate_sensitive and catalogue["bank_services"].third_party
    # Payroll is processed on the client's behalf (PIPL Art 21): version 2 rests on the entrustment
    # agreement and lists the employees' categories it really processes.
    payroll = catalogue.pop("payroll_social_insurance")
    assert payroll.version == 2 and payroll.lawful_basis is LawfulBasis.CONTRACT and not payroll.requires_consent
    assert {"salary", "income_tax", "social_insurance", "housing_fund"} <= {c.value for c in payroll.categories}
    assert all(p.version == 1 and p.current for p in catalogue.values())


def test_editing_a_purpose_creates_a_version_and_only_managers_may(office: Office) -> None:
    purposes = PurposeService(office.partner)
    old = purposes.get("marketing")
    edited = purposes.save("marketing", replace(PurposeInput.from_purpose(old), retention_years=2), expected_version=1)
    assert (edited.version, edited.retention_years) == (2, 2) and edited.notice_hash != old.notice_hash
    assert [p.version for p in purposes.history("marketing")] == [2, 1]
    # Saving the same fields again makes no new version.
    assert purposes.save("marketing", PurposeInput.from_purpose(edited), expected_version=2).version == 2
    for name in ("acc", "asst"):
        with pytest.raises(AccessDenied):
            PurposeService(office.login(name)).save("marketing", PurposeInput.from_purpose(edited), expected_version=2)
    officer = PurposeService(office.login("priv"))
    assert officer.save("marketing", replace(PurposeInput.from_purpose(edited), retention_years=3), expected_version=2)
    events = office.partner.audit.page(AuditFilter(action_prefix="purpose.save"))
    assert {e.object for e in events} == {"purpose:marketing"}


def test_purpose_validation(office: Office) -> None:
    purposes = PurposeService(office.partner)
    base = PurposeInput.from_purpose(purposes.get("bookkeeping"))
    with pytest.raises(ValidationError) as err:
        purposes.save("bookkeeping", replace(base, necessary=False, name_zh=""), expected_version=1)
    assert err.value.errors == {"necessary": "optional_needs_consent", "name_zh": "required"}
    with pytest.raises(ValidationError) as err:
        purposes.save("Bad Code!", base, expected_version=None)
    assert err.value.errors == {"code": "format"}


# --------------------------------------------------------------------------- forms and return


def test_form_numbers_carry_a_check_character() -> None:
    number = new_form_number()
    assert normalise_form_number(number.lower().replace("-", " ")) == number
    typo = number[:-1] + ("A" if number[-1] != "A" else "B")
    with pytest.raises(ValidationError) as err:
        normalise_form_number(typo)
    assert err.value.errors == {"form_no": "check"}
    with pytest.raises(ValidationError):
        normalise_form_number("CF-0000")


def test_issue_and_return_grants_the_ticked_boxes_only(office: Office) -> None:
    svc = office.consent()
    form = svc.issue_form(office.active, person_id=office.person)
    assert form.pdf.startswith(b"%PDF")
    pending = svc.consents(office.active)
    assert pending and {c.status for c in pending} == {ConsentStatus.PENDING}
    info = svc.form_info(form.form_no)
    assert TickItem("marketing", ConsentScope.PURPOSE) in info.ticks
    assert not any(t.code in ("bookkeeping", "tax_filing") for t in info.ticks)  # necessary: no box
    granted = svc.return_form(form.form_no, office.active, BANK_TICKS, scan=PDF_SCAN)
    views = {(c.purpose_code, c.scope): c for c in svc.consents(office.active)}
    assert {views[(t.code, t.scope)].id for t in BANK_TICKS} == set(granted)
    assert views[("bank_services", ConsentScope.PURPOSE)].status is ConsentStatus.GRANTED
    assert views[("bank_services", ConsentScope.THIRD_PARTY)].status is ConsentStatus.REFUSED
    assert views[("marketing", ConsentScope.PURPOSE)].status is ConsentStatus.REFUSED
    evidence = views[("bank_services", ConsentScope.PURPOSE)].evidence_id
    assert evidence is not None and svc.evidence(evidence) == ("application/pdf", PDF_SCAN)


def test_unknown_reused_and_other_client_form_numbers_are_refused(office: Office) -> None:
    svc = office.consent()
    with pytest.raises(NotFound):
        svc.form_info(new_form_number())
    form = svc.issue_form(office.active)
    with pytest.raises(InvalidState) as err:
        svc.return_form(form.form_no, office.prospect, [], scan=PDF_SCAN)
    assert err.value.code == "form_other_client"
    svc.return_form(form.form_no, office.active, [TickItem("marketing", ConsentScope.PURPOSE)])
    with pytest.raises(InvalidState) as err:
        svc.return_form(form.form_no, office.active, [])
    assert err.value.code == "form_used"
    with pytest.raises(ValidationError) as verr:
        other = svc.issue_form(office.active)
        svc.return_form(other.form_no, office.active, [TickItem("bookkeeping", ConsentScope.PURPOSE)])
    assert verr.value.errors == {"ticked": "not_on_form"}


def test_blank_form_binds_to_the_client_it_comes_back_for(office: Office) -> None:
    svc = office.consent()
    blank = svc.issue_form(None, lang="en")
    assert blank.client_ids == ()
    granted = svc.return_form(blank.form_no, office.prospect, [TickItem("marketing", ConsentScope.PURPOSE)])
    assert [c.id for c in svc.consents(office.prospect) if c.status is ConsentStatus.GRANTED] == granted
    assert svc.forms(office.prospect)[0].form_no == blank.form_no


def test_void_form_cannot_come_back(office: Office) -> None:
    svc = office.consent()
    form = svc.issue_form(office.active)
    svc.void_form(form.form_no)
    assert {c.status for c in svc.consents(office.active)} == {ConsentStatus.VOID}
    with pytest.raises(InvalidState) as err:
        svc.form_info(form.form_no)
    assert err.value.code == "form_void"


@pytest.mark.parametrize(
    ("scan", "code"),
    [
        (b"", "empty"),
        (b"MZ\x90\x00 not a scan", "not_image_or_pdf"),
        (b"<html>%PDF-</html>", "not_image_or_pdf"),
        (b"%PDF-" + b"\x00" * MAX_SCAN_BYTES, "too_large"),
    ],
)
def test_bad_scans_are_refused_and_nothing_is_granted(office: Office, scan: bytes, code: str) -> None:
    svc = office.consent()
    form = svc.issue_form(office.active)
    with pytest.raises(ValidationError) as err:
        svc.return_form(form.form_no, office.active, BANK_TICKS, scan=scan)
    assert err.value.errors == {"scan": code}
    assert svc.form_info(form.form_no).status == "issued"


def test_scan_types_by_magic_bytes() -> None:
    assert sniff_scan(PNG_SCAN) == "image/png"
    assert sniff_scan(b"\xff\xd8\xff\xe0" + b"0" * 10) == "image/jpeg"
    assert sniff_scan(b"II*\x00rest") == "image/tiff"


def test_purpose_edited_while_forms_are_out_old_form_still_accepted(office: Office) -> None:
    svc = office.consent()
    form = svc.issue_form(office.active, person_id=office.person)
    purposes = PurposeService(office.partner)
    old = purposes.get("bank_services")
    purposes.save("bank_services", replace(PurposeInput.from_purpose(old), retention_years=8), expected_version=1)
    svc.return_form(form.form_no, office.active, BANK_TICKS, scan=PNG_SCAN)
    view = next(c for c in svc.consents(office.active) if c.purpose_code == "bank_services" and c.scope == "purpose")
    assert view.status is ConsentStatus.GRANTED and view.purpose_version == 1
    assert view.notice_hash == old.notice_hash and view.needs_reconsent  # the notice changed since
    assert office.consent().overview_counts()["reconsent"] == 1
    # A new form prints the new version.
    assert office.consent().issue_form(office.active).form_no != form.form_no
    new_info = svc.forms(office.active)[0]
    assert next(p for p in new_info.purposes if p.code == "bank_services").version == 2


# --------------------------------------------------------------------------- the policy: reveal and minimisation


def test_reveal_for_a_consent_purpose_needs_the_consent(office: Office) -> None:
    clients = ClientService(office.partner)
    item = clients.add_sensitive(office.active, SensitiveInput(SensitiveKind.BANK_ACCOUNT, BANK))
    with pytest.raises(ConsentMissing):
        clients.reveal_item(item, "bank_services")
    assert clients.reveal_item(item, "bookkeeping") == BANK  # contract basis, engagement active
    _granted_bank(office)
    assert clients.reveal_item(item, "bank_services") == BANK
    events = office.partner.audit.page(AuditFilter(action_prefix="sensitive.reveal"))
    assert [e.outcome for e in events][-3:] in (["ok", "ok", "no_basis"], ["no_basis", "ok", "ok"])
    assert all(BANK not in (e.object + e.reason + e.purpose) for e in events)


def test_person_level_reveal_needs_that_persons_consent(office: Office) -> None:
    clients = ClientService(office.partner)
    other = clients.add_person(office.active, PersonInput(PersonRole.SHAREHOLDER, "李四", id_number=ID_A))
    _granted_bank(office)  # signed by 张三 only
    with pytest.raises(ConsentMissing):
        clients.reveal_id_number(other, "bank_services")
    assert clients.reveal_id_number(other, "tax_filing") == ID_A  # legal obligation, active engagement


def test_separate_sensitive_consent_is_needed_for_sensitive_categories(office: Office) -> None:
    svc = office.consent()
    form = svc.issue_form(office.active, person_id=office.person)
    svc.return_form(form.form_no, office.active, [TickItem("bank_services", ConsentScope.PURPOSE)])
    client = {"id": office.active, "status": "active"}
    active = {a.purpose.code: a for a in svc.policy.active(office.partner, client, office.person)}
    assert DataCategory.BANK not in active["bank_services"].categories
    assert DataCategory.CONTACT in active["bank_services"].categories


def test_minimisation_prospect_cannot_hold_id_numbers_until_a_purpose_needs_them(office: Office) -> None:
    clients = ClientService(office.partner)
    with pytest.raises(ValidationError) as err:
        clients.add_person(office.prospect, PersonInput(PersonRole.LEGAL_REP, "王五", id_number=ID_A))
    assert err.value.errors == {"person.id_number": "no_purpose"}
    with pytest.raises(ValidationError):
        clients.add_sensitive(office.prospect, SensitiveInput(SensitiveKind.BANK_ACCOUNT, BANK))
    with pytest.raises(ValidationError):
        clients.create(ClientInput(name="新客户"), persons=(PersonInput(PersonRole.LEGAL_REP, "王五", id_number=ID_A),))
    svc = office.consent()
    assert svc.allowed_categories(office.prospect) == {DataCategory.IDENTITY, DataCategory.CONTACT}
    reasons = svc.field_reasons(office.prospect)
    assert reasons["person.id_number"] == [] and reasons["sensitive.bank_account"] == []
    _granted_bank(office, office.prospect)  # recorded for the client itself (no named person)
    assert clients.add_sensitive(office.prospect, SensitiveInput(SensitiveKind.BANK_ACCOUNT, BANK))
    # ... but a consent recorded at client level is nobody's consent (PIPL Art 14): not the new rep's.
    with pytest.raises(ValidationError) as err:
        clients.add_person(office.prospect, PersonInput(PersonRole.LEGAL_REP, "王五", id_number=ID_A))
    assert err.value.errors == {"person.id_number": "no_purpose"}
    rep = clients.add_person(office.prospect, PersonInput(PersonRole.LEGAL_REP, "王五"))
    assert DataCategory.ID_DOCUMENT not in svc.allowed_categories(office.prospect, rep)
    _granted_bank(office, office.prospect, person=rep)  # the rep's own form
    assert DataCategory.ID_DOCUMENT in svc.allowed_categories(office.prospect, rep)
    version = int(clients.person_edit_values(rep)["version"])
    clients.update_person(rep, version, PersonInput(PersonRole.LEGAL_REP, "王五", id_number=ID_A))
    assert svc.field_reasons(office.prospect, "en")["sensitive.bank_account"] == ["Bank account services"]
    refused = office.partner.audit.page(AuditFilter(action_prefix="minimisation.refused"))
    assert refused and all(ID_A not in e.reason for e in refused)


# --------------------------------------------------------------------------- withdrawal and expiry


def test_withdrawal_stops_the_purpose_at_once_and_flags_items(office: Office) -> None:
    clients = ClientService(office.partner)
    _granted_bank(office, office.prospect, person=None)
    item = clients.add_sensitive(office.prospect, SensitiveInput(SensitiveKind.BANK_ACCOUNT, BANK))
    assert clients.reveal_item(item, "bank_services") == BANK
    result = office.consent().withdraw(office.prospect, "bank_services")
    assert len(result.consent_ids) == 2
    with pytest.raises(ConsentMissing):
        clients.reveal_item(item, "bank_services")
    assert [(c.item, c.category, c.purposes) for c in result.flagged] == [
        (f"item:{item}.bank_account", DataCategory.BANK, ("bank_services",))
    ]
    assert office.consent().erasure_candidates() == list(result.flagged)
    assert office.consent(office.login("priv")).erasure_candidates(office.prospect) == list(result.flagged)
    with pytest.raises(AccessDenied):
        office.consent(office.login("asst")).erasure_candidates()
    with pytest.raises(InvalidState) as err:
        office.consent().withdraw(office.prospect, "bank_services")
    assert err.value.code == "nothing_to_withdraw"
    office.consent().resolve_erasure_flag(result.flagged[0].flag_id, "erased")
    assert office.consent().erasure_candidates() == []


def test_items_still_needed_by_another_purpose_are_not_flagged(office: Office) -> None:
    clients = ClientService(office.partner)
    _granted_bank(office)
    item = clients.add_sensitive(office.active, SensitiveInput(SensitiveKind.BANK_ACCOUNT, BANK))
    result = office.consent().withdraw(office.active, "bank_services", person_id=office.person)
    assert result.flagged == ()  # bookkeeping (contract) still needs bank accounts
    assert clients.reveal_item(item, "bookkeeping") == BANK


@pytest.mark.parametrize(
    ("code", "reason"), [("tax_filing", "withdraw_legal_obligation"), ("bookkeeping", "withdraw_contract")]
)
def test_withdrawing_a_purpose_required_by_law_or_contract_is_refused(office: Office, code: str, reason: str) -> None:
    with pytest.raises(InvalidState) as err:
        office.consent().withdraw(office.active, code)
    assert err.value.code == reason
    events = office.partner.audit.page(AuditFilter(action_prefix="consent.withdraw"))
    assert events[0].outcome.startswith("refused_") and events[0].purpose == code


def test_expired_consent_no_longer_counts(office: Office) -> None:
    svc = office.consent()
    form = svc.issue_form(office.active, person_id=office.person)
    svc.return_form(form.form_no, office.active, BANK_TICKS, expires_on=TODAY + timedelta(days=10))
    assert office.consent().overview_counts()["expiring"] == 1
    later = office.consent(today=TODAY + timedelta(days=11))
    assert {
        c.status
        for c in later.consents(office.active)
        if c.purpose_code == "bank_services" and c.scope != "third_party"
    } == {ConsentStatus.EXPIRED}
    client = {"id": office.active, "status": "active"}
    assert "bank_services" not in {a.purpose.code for a in later.policy.active(office.partner, client)}
    assert later.expire_due() == 2 and later.overview_counts()["expired"] == 1
    with pytest.raises(ValidationError):
        svc.return_form(svc.issue_form(office.active).form_no, office.active, [], expires_on=TODAY)


def test_in_person_consent(office: Office) -> None:
    svc = office.consent()
    ids = svc.record_in_person(office.active, "marketing", person_id=office.person)
    assert [c.method for c in svc.consents(office.active) if c.id in ids] == ["in_person"]
    with pytest.raises(InvalidState):
        svc.record_in_person(office.active, "tax_filing")
    with pytest.raises(ValidationError):
        svc.record_in_person(office.active, "marketing", [ConsentScope.SENSITIVE])


# --------------------------------------------------------------------------- roles and overview


def test_every_role_records_consent_but_only_for_clients_it_sees(office: Office) -> None:
    for name in ("acc", "asst", "priv"):
        svc = office.consent(office.login(name))
        if name == "acc":
            with pytest.raises(AccessDenied):  # not assigned to this client
                svc.issue_form(office.active)
        else:
            assert svc.issue_form(office.active).pdf


def test_overview_is_for_partner_and_privacy_officer(office: Office) -> None:
    svc = office.consent(office.login("priv"))
    counts = svc.overview_counts()
    assert counts["missing"] == 2
    office.consent().issue_form(office.active)  # for the client itself: 张三 still has no consent of his own
    assert svc.overview_counts()["pending"] == 1 and svc.overview_counts()["missing"] == 2
    assert svc.overview_counts()["missing_persons"] == 1
    office.consent().issue_form(office.active, person_id=office.person)
    assert svc.overview_counts()["missing"] == 1 and svc.overview_counts()["missing_persons"] == 0
    assert [r.client_id for r in svc.overview("missing")] == [office.prospect]
    for name in ("acc", "asst"):
        with pytest.raises(AccessDenied):
            office.consent(office.login(name)).overview()


def test_batch_forms_in_one_pdf_or_many(office: Office) -> None:
    svc = office.consent()
    one = svc.issue_forms([office.active, office.prospect], lang="en")
    assert len(one) == 1 and one[0].client_ids == (office.active, office.prospect)
    many = svc.issue_forms([office.active, office.prospect], one_pdf=False)
    assert [f.client_ids for f in many] == [(office.active,), (office.prospect,)]
    assert len(svc.forms(office.active)) == 2


def test_audit_events_carry_no_personal_data(office: Office) -> None:
    _granted_bank(office)
    office.consent().withdraw(office.active, "bank_services", person_id=office.person)
    for e in office.partner.audit.page(AuditFilter(action_prefix="consent.")):
        text = e.object + e.reason + e.purpose
        assert "张三" not in text and "星辰" not in text


# --------------------------------------------------------------------------- export register


def test_saving_a_form_registers_it(office: Office, tmp_path: Path) -> None:
    svc = office.consent()
    form = svc.issue_form(office.active)
    entry = svc.save_form(form, tmp_path / "form.pdf")
    assert (tmp_path / "form.pdf").read_bytes() == form.pdf
    assert (entry.kind, entry.file_name, entry.row_count, entry.client_ids) == (
        ExportKind.CONSENT_FORM,
        "form.pdf",
        1,
        (office.active,),
    )
    assert entry.destroy_by and len(entry.sha256) == 64
    exports = ExportService(office.partner)
    assert [e.id for e in exports.register()] == [entry.id]
    exports.mark_destroyed(entry.id)
    assert exports.get(entry.id).destroyed_at
    events = office.partner.audit.page(AuditFilter(action_prefix="export."))
    assert all("form.pdf" not in e.reason + e.object for e in events)


def test_assistant_may_save_a_form_but_not_read_the_whole_register(office: Office, tmp_path: Path) -> None:
    asst = office.login("asst")
    entry = office.consent(asst).save_form(office.consent(asst).issue_form(None), tmp_path / "blank.pdf")
    assert ExportService(asst).get(entry.id).id == entry.id
    with pytest.raises(AccessDenied):
        ExportService(asst).register()
    assert ExportService(office.login("priv")).count() == 1


def test_failed_registration_removes_the_file(office: Office, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        ExportService(office.partner).save(b"x", tmp_path / "f.xlsx", kind=ExportKind.EXCEL, purpose="")
    assert not (tmp_path / "f.xlsx").exists()
