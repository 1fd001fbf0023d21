"""Issue 9: a full or read-only drive and damaged pages reach the user as translated sentences, not crash reports."""

from __future__ import annotations

import errno

import pytest
from PySide6.QtWidgets import QLabel

from clientvault.core.errors import DamagedFile, DiskFull, ValidationError, VaultReadOnly
from clientvault.ui.client_labels import field_error
from clientvault.ui.errors import error_message, known, show_inline

GENERIC = "The vault database is damaged or unreadable. Restore it from a backup."


def test_os_errors_of_a_full_or_read_only_drive_are_known_errors() -> None:
    assert isinstance(known(OSError(errno.ENOSPC, "No space left on device")), DiskFull)
    assert isinstance(known(OSError(errno.EROFS, "Read-only file system")), VaultReadOnly)
    assert isinstance(known(PermissionError(errno.EACCES, "Permission denied")), VaultReadOnly)
    other = OSError(errno.ENOENT, "No such file")
    assert known(other) is other  # anything else stays a bug (crash report)


def test_a_read_only_drive_is_shown_in_the_form_not_as_a_crash(qapp: object) -> None:
    label = QLabel()
    show_inline(label, None, OSError(errno.EROFS, "Read-only file system"))
    assert label.text().startswith("The vault folder is read-only")


@pytest.mark.parametrize(
    ("detail", "start"),
    [("pages", "Some pages of the vault database are damaged"), ("truncated", "The vault database file is incomplete"),
     ("io_error", "The vault database could not be read or written")],
)  # fmt: skip
def test_each_kind_of_damage_has_its_own_sentence(qapp: object, detail: str, start: str) -> None:
    assert error_message(DamagedFile("vault.db", detail)).startswith(start)
    assert error_message(DamagedFile("vault.db", detail)) != GENERIC


def test_zh_cn_sentences(zh_cn: object) -> None:
    assert error_message(VaultReadOnly()).startswith("保密柜文件夹为只读")
    assert error_message(DamagedFile("vault.db", "pages")).startswith("保密柜数据库有页面损坏")
    assert field_error("engagement_end", "engagement_range") == "请填写 1980-01-01 至 2099-12-31 之间的日期。"
    assert error_message(ValidationError({"witness": "control_chars"})) == "监销人 含有不允许的控制字符或文字方向字符。"
