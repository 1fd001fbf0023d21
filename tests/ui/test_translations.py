"""The zh_CN translation is complete and in step with the source strings."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from clientvault.ui.i18n import choose_language, fmt, format_number

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "clientvault_zh_CN.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):  # noqa: S314 - our own file
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source") or "")] = msg
    return out


def translation_problems(path: Path) -> list[str]:
    """Every entry of ``path`` that is not a finished translation with the source's placeholders."""
    problems = []
    for (ctx, source), msg in _messages(path).items():
        # ``is None``, never ``or``: an Element without children is falsy.
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip():
            problems.append(f"{ctx}: {source}")
        elif source.count("%") != (tr.text or "").count("%"):
            problems.append(f"{ctx}: placeholders differ in {source!r}")
    return problems


def test_every_zh_cn_string_is_translated() -> None:
    assert translation_problems(TS) == []


def test_the_chinese_ui_speaks_as_a_bookkeeping_company() -> None:
    # Issue 10: a 代账有限公司 says 本公司 (not 本所/事务所), 纳税人识别号 (not 税号), and calls the
    # form 告知同意书 — in the screens and the user guide as in print.
    texts = [msg.findtext("translation") or "" for msg in _messages(TS).values()]
    texts.append((ROOT / "docs" / "USER_GUIDE.zh.md").read_text(encoding="utf-8"))
    texts = [t.replace("“税号”", "") for t in texts]  # a header name the import recognises, quoted
    for word in ("本所", "事务所", "税号", "同意书表格"):
        assert not [t for t in texts if word in t], word


def test_no_source_string_is_missing_from_the_ts(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sys.path.insert(0, str(ROOT / "resources" / "translations"))
    try:
        import build  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    build.lupdate(copy)
    before, after = _messages(TS), _messages(copy)
    assert sorted(set(after) - set(before)) == []
    assert translation_problems(copy) == []  # lupdate marks a changed source string unfinished


def _break_first_entry(tmp_path: Path, how: str) -> Path:
    tree = ET.parse(TS)  # noqa: S314 - our own file
    msg = next(tree.getroot().iter("message"))
    tr = msg.find("translation")
    assert tr is not None
    if how == "unfinished":  # what lupdate writes for a new or changed source string
        tr.set("type", "unfinished")
    elif how == "unfinished-empty":
        tr.set("type", "unfinished")
        tr.text = None
    elif how == "empty":
        tr.text = " "
    elif how == "missing":
        msg.remove(tr)
    elif how == "placeholder":
        src = msg.findtext("source") or ""
        msg.find("source").text = src + " %1"  # type: ignore[union-attr]
    copy = tmp_path / TS.name
    tree.write(copy, encoding="utf-8", xml_declaration=True)
    return copy


@pytest.mark.parametrize("how", ["unfinished", "unfinished-empty", "empty", "missing", "placeholder"])
def test_the_checker_reports_a_broken_entry(tmp_path: Path, how: str) -> None:
    # The checker itself, on a copy of the .ts with its first entry broken (the old check read
    # ``(m.find("translation") or ...)``, and an Element without children is falsy: it saw nothing).
    found = set(translation_problems(_break_first_entry(tmp_path, how))) - set(translation_problems(TS))
    assert len(found) == 1, found


def test_lrelease_compiles(tmp_path: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    qm = tmp_path / "zh.qm"
    subprocess.run([str(tool), "-silent", str(TS), "-qm", str(qm)], check=True)
    assert qm.stat().st_size > 1000


def test_chinese_translator_is_active(zh_cn: object) -> None:
    assert QCoreApplication.translate("Labels", "Partner") == "合伙人"
    assert format_number(1234567) == QLocale("zh_CN").toString(1234567)


def test_language_choice() -> None:
    assert choose_language(None, "en") == "en"
    assert choose_language(None, None, QLocale("zh_CN")) == "zh_CN"
    assert choose_language(None, None, QLocale("de_DE")) == "en"
    assert fmt("%1 of %2 (%10)", *range(1, 11)) == "1 of 2 (10)"


def test_every_audit_action_the_services_write_has_a_label() -> None:
    """The audit page and client history never show a raw action code."""
    import re
    from pathlib import Path

    from clientvault.ui.labels import action_name

    root = Path(__file__).resolve().parents[2] / "desktop" / "clientvault"
    pattern = re.compile(r'(?:record\(\s*|action=)"([a-z_]+\.[a-z_]+)"')
    codes = set()
    for path in [*root.glob("services/*.py"), *root.glob("storage/*.py")]:
        codes |= set(pattern.findall(path.read_text(encoding="utf-8")))
    assert len(codes) > 50
    assert sorted(c for c in codes if action_name(c) == c) == []
