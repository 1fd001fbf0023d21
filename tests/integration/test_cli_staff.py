"""The staff register from the command line: list, record an agreement (with a scan), record training."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.integration.test_cli import STAFF, Run, _fails, _ok, cli, vault  # noqa: F401 (fixtures)

TODAY = date.today()


def test_staff_agreement_training_and_list(cli: Run, vault: Path, tmp_path: Path) -> None:  # noqa: F811
    rows = {r[0]: r for r in _ok(cli("staff"))}
    assert rows["acc"][1:3] == ["accountant", "missing"] and rows["boss"][2] == "missing"
    scan = tmp_path / "nda.pdf"
    scan.write_bytes(b"%PDF-1.4\n% signed\n%%EOF\n")
    until = (TODAY + timedelta(days=700)).isoformat()
    line = _ok(cli("staff-agreement", "--member", "acc", "--signed", TODAY.isoformat(), "--until", until,
                   "--scan", str(scan), "--kind", "commitment"))  # fmt: skip
    assert line[0][1:] == ["commitment", TODAY.isoformat(), until]
    assert _ok(cli("staff-training", "--date", TODAY.isoformat(), "--topic", "保密制度", "--trainer", "老板",
                   "--attendee", "acc", "--attendee", "boss"))[0][2] == "2"  # fmt: skip
    rows = {r[0]: r for r in _ok(cli("staff"))}
    assert rows["acc"][2:5] == ["valid", until, TODAY.isoformat()]
    # The accountant sees their own line only, and records nothing.
    own = cli("staff", env={"CLIENTVAULT_USER": "acc", "CLIENTVAULT_PASSWORD": STAFF})
    assert [r[0] for r in _ok(own)] == ["acc"]
    refused = cli("staff-agreement", "--member", "acc", "--signed", TODAY.isoformat(),
                  env={"CLIENTVAULT_USER": "acc", "CLIENTVAULT_PASSWORD": STAFF})  # fmt: skip
    assert "your role may not do this" in _fails(refused)


def test_staff_bad_input_is_one_clear_line(cli: Run, vault: Path, tmp_path: Path) -> None:  # noqa: F811
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    assert "signed on" in _fails(cli("staff-agreement", "--member", "acc", "--signed", tomorrow))
    assert "no such user" in _fails(cli("staff-agreement", "--member", "nobody", "--signed", TODAY.isoformat()))
    text = tmp_path / "nda.txt"
    text.write_text("not a scan")
    assert "scan" in _fails(cli("staff-agreement", "--member", "acc", "--signed", TODAY.isoformat(), "--scan",
                                str(text)))  # fmt: skip
    assert "attendees" in _fails(cli("staff-training", "--date", TODAY.isoformat(), "--topic", "t", "--trainer", "x"))
    assert _fails(cli("staff-agreement", "--member", "acc", "--signed", "2026-13-01"))
    assert [r[2] for r in _ok(cli("staff")) if r[0] == "acc"] == ["missing"]  # nothing was kept
