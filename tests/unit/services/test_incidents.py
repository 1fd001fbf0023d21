"""Incidents register: affected chosen from the vault, checklist, notify decision, letters (zh, en), erased clients."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from clientvault.core.errors import AccessDenied, InvalidState, NotFound, ValidationError
from clientvault.services.context import Vault
from clientvault.services.exports import ExportKind
from clientvault.services.incidents import DEFAULT_PLAN, IncidentKind, IncidentService
from clientvault.services.locking import LockService
from tests.fixtures.erasing import destroy
from tests.fixtures.planted import NAME, PERSON, Planted, other_client
from tests.unit.documents.pdfcheck import assert_fonts_embedded, pdf_text, render_png, squash

TODAY = date(2026, 3, 31)
SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def svc(vault: Vault) -> IncidentService:
    return IncidentService(vault, today=lambda: TODAY)


def _breach(logins: dict[str, Vault], planted: Planted) -> int:
    inc = svc(logins["asst"]).report(IncidentKind.BREACH, "笔记本电脑在出租车上遗失", discovered_on=date(2026, 3, 30))
    priv = svc(logins["priv"])
    priv.add_affected(inc.id, planted.client_id, planted.person_id)
    priv.update(
        inc.id,
        categories=["identity", "id_document", "bank"],
        causes="员工将未加密的导出文件存放在笔记本电脑上",
        harm="可能被冒用身份或用于诈骗",
        remedies="已远程锁定设备并修改相关口令",
        advice="留意陌生来电，如发现异常请及时联系银行",
    )
    return inc.id


def test_report_assess_decide_letters_and_close(logins: dict[str, Vault], planted: Planted, tmp_path: Path) -> None:
    iid = _breach(logins, planted)
    priv = svc(logins["priv"])
    inc = priv.get(iid)
    assert [s for s, _ in inc.containment] == list(DEFAULT_PLAN) and not any(d for _, d in inc.containment)
    assert inc.affected[0].person_name == PERSON and inc.categories == ("bank", "id_document", "identity")
    with pytest.raises(InvalidState) as state:  # no decision yet: no letter, no closing
        priv.authority_letter(iid)
    assert state.value.code == "incident_not_notified"
    with pytest.raises(InvalidState):
        priv.close(iid, "加密所有导出文件")
    with pytest.raises(ValidationError):
        priv.decide(iid, True, "")
    priv.update(iid, containment=[(s, True) for s in DEFAULT_PLAN])
    priv.decide(iid, True, "涉及身份证件号码和银行账户，可能造成严重危害")
    letter = priv.person_letter(iid, planted.client_id, planted.person_id)
    text = squash(pdf_text(letter))
    assert_fonts_embedded(letter)
    for needle in ("个人信息安全事件告知书", PERSON, "笔记本电脑在出租车上遗失", "身份证件号码", "银行账户",
                   "已远程锁定设备", "留意陌生来电", "第五十七条"):  # fmt: skip
        assert needle in text
    authority = priv.authority_letter(iid)
    atext = squash(pdf_text(authority))
    assert "个人信息安全事件报告" in atext and PERSON not in atext and NAME not in atext
    en = squash(pdf_text(priv.person_letter(iid, planted.client_id, planted.person_id, "en")))
    assert "Noticeofapersonalinformationsecurityincident" in en and "Article57" in en
    png = render_png(letter, tmp_path / "incident_letter_zh.png", dpi=70)
    assert png.stat().st_size > 10_000
    if os.environ.get("CLIENTVAULT_SCREENSHOTS") == "1":  # regenerate docs/screenshots on request only
        shutil.copyfile(png, SCREENSHOTS / png.name)
    entry = priv.save_letter(authority, tmp_path / "report.pdf", iid)
    assert entry.kind == ExportKind.LETTER
    closed = priv.close(iid, "导出文件一律加密保存")
    assert closed.status == "closed" and priv.entries() == []


def test_roles(logins: dict[str, Vault], planted: Planted) -> None:
    iid = _breach(logins, planted)
    bystander = svc(logins["boss"]).report(IncidentKind.DRILL, "年度应急演练")
    assert [i.id for i in svc(logins["acc"]).entries()] == [iid]  # names one of their clients
    assert [i.id for i in svc(logins["asst"]).entries()] == [iid]  # reported it
    assert {i.id for i in svc(logins["priv"]).entries()} == {iid, bystander.id}
    with pytest.raises(AccessDenied):
        svc(logins["acc"]).decide(iid, False, "x")
    with pytest.raises(AccessDenied):
        svc(logins["asst"]).add_affected(iid, planted.client_id)
    with pytest.raises(AccessDenied):
        svc(logins["asst"]).set_response_plan(["a"])
    svc(logins["priv"]).set_response_plan(["断网", "通知合伙人"])
    assert [s for s, _ in svc(logins["boss"]).report(IncidentKind.INCIDENT, "x").containment] == ["断网", "通知合伙人"]


def test_affected_must_be_in_the_vault(new_vault: Vault, planted: Planted) -> None:
    iid = svc(new_vault).report(IncidentKind.INCIDENT, "误发邮件").id
    with pytest.raises(NotFound):
        svc(new_vault).add_affected(iid, 99_999)
    with pytest.raises(NotFound):
        svc(new_vault).add_affected(iid, other_client(new_vault), planted.person_id)
    with pytest.raises(ValidationError):
        svc(new_vault).update(iid, categories=["passwords"])
    assert svc(new_vault).get(iid).affected == ()


def test_incident_naming_an_erased_client(logins: dict[str, Vault], planted: Planted) -> None:
    iid = _breach(logins, planted)
    svc(logins["priv"]).decide(iid, True, "严重")
    destroy(logins["boss"], planted.client_id)
    inc = svc(logins["priv"]).get(iid)
    assert len(inc.affected) == 1 and inc.affected[0].erased and inc.affected[0].client_name == ""
    with pytest.raises(InvalidState) as state:  # nothing is left to write to
        svc(logins["priv"]).person_letter(iid, planted.client_id, planted.person_id)
    assert state.value.code == "client_erased"
    assert "1" in squash(pdf_text(svc(logins["priv"]).authority_letter(iid)))  # still counted for the authority
    other = svc(logins["priv"]).report(IncidentKind.INCIDENT, "另一事件").id
    with pytest.raises(InvalidState) as again:
        svc(logins["priv"]).add_affected(other, planted.client_id)
    assert again.value.code == "client_erased"


def test_sealed_client_on_an_incident_only_the_partner_sees(logins: dict[str, Vault], planted: Planted) -> None:
    iid = _breach(logins, planted)
    LockService(logins["boss"]).lock(planted.client_id, "服务终止")
    assert len(svc(logins["boss"]).get(iid).affected) == 1
    assert svc(logins["priv"]).get(iid).affected == ()
    assert svc(logins["acc"]).entries() == []
