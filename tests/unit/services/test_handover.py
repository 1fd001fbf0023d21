"""Handover of a client's accounting archives (会计档案移交清册): the service, the PDF and ``clientvault handover``."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from clientvault.core.errors import AccessDenied, NotFound, ValidationError
from clientvault.core.roles import Role
from clientvault.services.audit import AuditFilter
from clientvault.services.context import Vault
from clientvault.services.exports import ExportKind
from clientvault.services.handover import HandoverService
from clientvault.services.locking import LockService
from clientvault.services.vault import VaultService
from tests.conftest import STAFF_PASSWORD
from tests.fixtures.cli import run_cli as _run
from tests.fixtures.planted import plant
from tests.unit.documents.pdfcheck import pdf_text, squash

TODAY = date(2026, 12, 4)
RECIPIENT = "宁波新会计服务有限公司"


def test_a_handover_is_recorded_printed_and_saved(new_vault: Vault, tmp_path: Path) -> None:
    client = plant(new_vault).client_id
    service = HandoverService(new_vault, today=lambda: TODAY)
    hid = service.record(
        client,
        ("accounting_vouchers", "accounting_ledgers", "annual_reports"),
        RECIPIENT,
        years=(2019, 2025),
        handed_on=date(2026, 11, 30),
        signed=True,
    )
    (h,) = service.handovers(client)
    assert (h.id, h.recipient, h.handed_at, h.years_from, h.years_to, h.signed) == (
        hid, RECIPIENT, "2026-11-30", 2019, 2025, True
    )  # fmt: skip
    zh = service.pdf(hid)
    text = squash(pdf_text(zh))
    expected = ["会计档案移交清册", RECIPIENT, "会计凭证", "会计账簿", "年度财务会计报告", "2019–2025", "永久", "30年"]
    expected += ["移交人", "接收人", "监交人", "已签收", f"YJ-{client:06d}-{hid:04d}", "2026年11月30日"]
    for words in expected:
        assert squash(words) in text, words
    assert "本所" not in text and len(PdfReader(io.BytesIO(zh)).pages) == 1
    en = squash(pdf_text(service.pdf(hid, lang="en")))
    assert "Accountingarchiveshandoverlist" in en and "permanent" in en
    entry = service.save(hid, tmp_path / "handover.pdf")
    assert entry.kind == ExportKind.HANDOVER.value and entry.destroy_by == ""  # kept, like the record
    assert (tmp_path / "handover.pdf").read_bytes()[:5] == b"%PDF-"
    events = new_vault.audit.page(AuditFilter(action_prefix="client.handover"))
    assert {e.action for e in events} == {"client.handover", "client.handover_print"}
    assert all(RECIPIENT not in e.reason + e.object for e in events)  # the audit log holds ids only


def test_bad_handovers_are_refused_with_the_field(new_vault: Vault) -> None:
    client = plant(new_vault).client_id
    service = HandoverService(new_vault, today=lambda: TODAY)
    cases = [
        ((client, (), RECIPIENT), {}, {"categories": "required"}),
        ((client, ("no_such_rule",), RECIPIENT), {}, {"categories": "unknown"}),
        ((client, ("accounting_vouchers",), "  "), {}, {"recipient": "required"}),
        ((client, ("accounting_vouchers",), RECIPIENT), {"years": (2025, 2019)}, {"years": "range"}),
        ((client, ("accounting_vouchers",), RECIPIENT), {"years": (19, 2025)}, {"years": "range"}),
        ((client, ("accounting_vouchers",), RECIPIENT), {"handed_on": date(2026, 12, 5)}, {"handed_on": "future"}),
    ]
    for args, kwargs, errors in cases:
        with pytest.raises(ValidationError) as err:
            service.record(*args, **kwargs)  # type: ignore[arg-type]
        assert err.value.errors == errors
    with pytest.raises(NotFound):
        service.record(99999, ("accounting_vouchers",), RECIPIENT)
    with pytest.raises(NotFound):
        service.pdf(12345)
    assert service.handovers(client) == []


def test_only_partner_and_privacy_officer_record_handovers(
    new_vault: Vault, add_staff: Callable[..., int], fast_vaults: VaultService
) -> None:
    client = plant(new_vault).client_id
    add_staff("acc", Role.ACCOUNTANT)
    add_staff("priv", Role.PRIVACY_OFFICER)
    folder = new_vault.paths.folder
    acc = fast_vaults.unlock(folder, "acc", STAFF_PASSWORD)
    try:
        with pytest.raises(AccessDenied):
            HandoverService(acc).record(client, ("accounting_vouchers",), RECIPIENT)
        with pytest.raises(AccessDenied):
            HandoverService(acc).handovers(client)
    finally:
        acc.lock()
    priv = fast_vaults.unlock(folder, "priv", STAFF_PASSWORD)
    try:
        hid = HandoverService(priv).record(client, ("accounting_vouchers",), RECIPIENT)
        assert [h.id for h in LockService(priv).handovers(client)] == [hid]
    finally:
        priv.lock()


def test_handover_verbs(new_vault: Vault, vault_dir: Path, add_staff: Callable[..., int], tmp_path: Path) -> None:
    client = plant(new_vault).client_id
    add_staff("acc", Role.ACCOUNTANT)
    new_vault.lock()
    code, printed, err = _run(
        vault_dir, "handover", "record", "--client", str(client), "--to", RECIPIENT,
        "--category", "accounting_vouchers", "--category", "tax_returns", "--years", "2020-2025", "--unsigned",
    )  # fmt: skip
    assert code == 0, err
    hid, number = printed.strip().split("\t")
    assert number == f"YJ-{client:06d}-{int(hid):04d}"
    code, printed, err = _run(vault_dir, "handover", "list", "--client", str(client))
    assert code == 0, err
    assert printed.strip().split("\t")[:6] == [
        hid, number, date.today().isoformat(), "2020-2025", "accounting_vouchers,tax_returns", "unsigned"
    ]  # fmt: skip
    out = tmp_path / "yj.pdf"
    code, printed, err = _run(vault_dir, "handover", "print", hid, "--out", str(out), "--lang", "en")
    assert code == 0, err
    assert printed.startswith(number)
    text = squash(pdf_text(out.read_bytes()))
    assert "Accountingarchiveshandoverlist" in text and "纳税申报表" in text and "Signedbytherecipientnotyet" in text
    # Bad input: one clear line, nothing recorded.
    for bad, words in (
        (("--years", "twenty"), "--years"),
        (("--date", "04/12/2026"), "--date"),
        (("--category", "nonsense"), "categories is not known"),
    ):
        args = ["handover", "record", "--client", str(client), "--to", RECIPIENT, *bad]
        if "--category" not in bad:
            args += ["--category", "accounting_vouchers"]
        code, _, err = _run(vault_dir, *args)
        assert code == 2 and words in err and len(err.strip().splitlines()) == 1, err
    code, _, err = _run(vault_dir, "handover", "print", hid, "--out", str(out))
    assert code == 2 and "exists" in err
    # Role: an accountant is refused.
    code, _, err = _run(vault_dir, "handover", "list", "--client", str(client), user="acc", password=STAFF_PASSWORD)
    assert code == 2, err
    code, printed, _ = _run(vault_dir, "handover", "list", "--client", str(client))
    assert len(printed.strip().splitlines()) == 1  # the refused attempts recorded nothing
