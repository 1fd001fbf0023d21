"""The self-check: each line really exercises what it names, and a failing part shows as a failed line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clientvault.security.workstation import WorkstationKeyring, keyring_report
from clientvault.services import selfcheck
from clientvault.services.selfcheck import CHECKS, Check, run_selfcheck
from clientvault.storage.probe import probe_engine
from tests.fixtures.memkeyring import MemoryKeyring


def test_every_check_passes_in_the_source_checkout() -> None:
    checks = run_selfcheck()
    assert [c.name for c in checks] == list(CHECKS)
    failed = [c for c in checks if not c.ok]
    assert failed == []
    by_name = {c.name: c.detail for c in checks}
    assert "9 modules imported by name, 20 barcode types" in by_name["barcodes"]
    assert "DroidSansFallback" in by_name["pdf"]
    assert by_name["sqlcipher"].startswith("SQLCipher 4.")
    assert "FTS5 search ok; file encrypted; reopened ok" in by_name["sqlcipher"]


def test_extra_checks_follow_and_an_exception_is_a_failed_line() -> None:
    def broken() -> Check:
        raise ModuleNotFoundError("No module named 'reportlab.graphics.barcode.code128'")

    checks = run_selfcheck(extra=[("translations", broken), ("other", lambda: Check("other", True, "fine"))])
    assert [c.name for c in checks][-2:] == ["translations", "other"]
    bad = checks[-2]
    assert not bad.ok
    assert bad.detail == "ModuleNotFoundError: No module named 'reportlab.graphics.barcode.code128'"
    assert checks[-1].ok


def test_a_missing_barcode_module_fails_the_barcode_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # What a bundle without the barcode modules looks like: importing one by name fails.
    monkeypatch.setitem(sys.modules, "reportlab.graphics.barcode.code128", None)
    line = run_selfcheck()[0]
    assert line.name == "barcodes"
    assert not line.ok
    assert "code128" in line.detail


def test_probe_writes_an_encrypted_file_and_finds_chinese_and_latin_terms(tmp_path: Path) -> None:
    probe = probe_engine(tmp_path)
    assert probe.cipher_version.startswith("4.")
    assert probe.fts5_hits == 2
    assert probe.encrypted and probe.reopened
    data = (tmp_path / "selfcheck.db").read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert "客户".encode() not in data and b"alpha" not in data


def test_sqlcipher_line_fails_on_a_plaintext_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from clientvault.storage.probe import EngineProbe

    plain = EngineProbe("", "3.45.0", 2, encrypted=False, reopened=True)
    monkeypatch.setattr(selfcheck, "probe_engine", lambda folder: plain)
    line = selfcheck.check_sqlcipher()
    assert not line.ok
    assert "SQLCipher missing" in line.detail and "NOT encrypted" in line.detail


def test_keyring_report_loads_backends_by_entry_point_and_names_the_chosen_one() -> None:
    report = keyring_report(WorkstationKeyring(MemoryKeyring()))
    assert report.native_loaded
    assert "keyring.backends.chainer" in report.loaded
    assert report.backend == "tests.fixtures.memkeyring.MemoryKeyring"
    assert report.available


def test_keyring_line_fails_when_the_platform_backend_is_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    # A frozen app without keyring's metadata sees no entry points at all.
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: [])
    line = selfcheck.check_keyring()
    assert not line.ok
    assert "0 backends loaded" in line.detail and "MISSING" in line.detail
