"""``clientvault backup-folder [PATH]``: show the backups folder, move it, refusals and an unplugged drive."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.integration.test_cli import Run, _fails, _ok, cli, vault

__all__ = ["cli", "vault"]  # the fixtures


def test_show_move_back_up_and_unplugged(cli: Run, vault: Path, tmp_path: Path) -> None:
    assert _ok(cli("backup-folder")) == [[str(vault / "backups")]]
    ((name, _size, _digest),) = _ok(cli("backup"))
    target = tmp_path / "second-drive" / "backups"
    assert _ok(cli("backup-folder", str(target))) == [[str(target), "backups_moved=1"]]
    assert _ok(cli("backup-folder")) == [[str(target)]]
    assert (target / name).is_file() and not (vault / "backups" / name).exists()
    ((second, _size, _digest),) = _ok(cli("backup"))
    assert (target / second).is_file()
    ((restored, *_rest),) = _ok(cli("restore", name))
    assert restored == name
    line = _fails(cli("backup-folder", str(vault / "inside")))
    assert line == "clientvault: the backups folder cannot be inside the vault folder (choose another drive or share)"
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    assert _fails(cli("backup-folder", str(a_file))) == "clientvault: that path is a file, not a folder"
    shutil.rmtree(target.parent)  # the drive is unplugged
    line = _fails(cli("backup"))
    assert line.startswith("clientvault: the backups folder is not available (an unplugged drive")
    assert not list((vault / "backups").glob("*.cvbak")) and not target.exists()


def test_only_a_partner_moves_it(cli: Run, vault: Path, tmp_path: Path) -> None:
    from tests.integration.test_cli import STAFF

    line = _fails(cli("backup-folder", str(tmp_path / "x"), env={"CLIENTVAULT_USER": "acc",
                                                                 "CLIENTVAULT_PASSWORD": STAFF}))  # fmt: skip
    assert "your role may not do this" in line and not (tmp_path / "x").exists()
