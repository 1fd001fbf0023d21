"""The bundle's entry point (``python -m clientvault``): the CLI's verbs, ``selfcheck``, and the desktop face."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clientvault.cli import main
from clientvault.services import selfcheck
from clientvault.services.context import Vault

LINES = ["barcodes", "pdf", "sqlcipher", "keyring", "translations"]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTVAULT_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        **extra,
    )
    return env


def _entry(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # `python -m clientvault` runs desktop/clientvault/__main__.py, the bundle's entry script.
    return subprocess.run(
        [sys.executable, "-m", "clientvault", *args],
        env=_env(tmp_path, **env),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_the_entry_point_runs_the_selfcheck_verb(tmp_path: Path) -> None:
    done = _entry(tmp_path, "selfcheck")
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert done.stderr == ""
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert [row[0] for row in rows] == LINES
    assert all(row[1] == "ok" for row in rows), rows
    assert "客户保密柜" in rows[-1][2] and "取消" in rows[-1][2]


def test_a_failed_check_is_printed_and_exits_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> selfcheck.Check:
        raise ModuleNotFoundError("No module named 'sqlcipher3'")

    monkeypatch.setattr(selfcheck, "check_sqlcipher", broken)
    out, err = io.StringIO(), io.StringIO()
    assert main(["selfcheck"], out=out, err=err) == 1
    assert err.getvalue() == ""
    lines = out.getvalue().splitlines()
    assert "sqlcipher\tFAILED\tModuleNotFoundError: No module named 'sqlcipher3'" in lines
    assert sum(line.split("\t")[1] == "ok" for line in lines) == len(LINES) - 1


def test_the_entry_point_without_a_verb_starts_the_desktop_app_in_chinese(tmp_path: Path) -> None:
    # `--lang zh_CN` (with a space) is the desktop app's option, not a command named "zh_CN".
    shot = tmp_path / "window.png"
    done = _entry(
        tmp_path,
        "--vault",
        str(tmp_path / "vault"),
        "--lang",
        "zh_CN",
        CLIENTVAULT_TESTING="1",
        CLIENTVAULT_SMOKE_SECONDS="0.3",
        CLIENTVAULT_SMOKE_SCREENSHOT=str(shot),
    )
    assert done.returncode == 0, (done.stdout, done.stderr)
    lines = done.stdout.splitlines()
    assert lines[0].startswith("shown ") and "Dialog" in lines[0], lines
    assert "screenshot saved" in lines
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_the_login_window_is_on_screen_before_the_heavy_modules(tmp_path: Path, new_vault: Vault) -> None:
    # Issue 12: the login window shows before reportlab, openpyxl, the consent code and the main
    # window are imported (the preloader brings them in while the user types the password).
    new_vault.lock()
    done = _entry(
        tmp_path,
        "--vault",
        str(tmp_path / "vault"),
        CLIENTVAULT_TESTING="1",
        CLIENTVAULT_SMOKE_SECONDS="0.5",
    )
    assert done.returncode == 0, (done.stdout, done.stderr)
    lines = done.stdout.splitlines()
    assert lines[0] == "shown LoginDialog", lines
    assert lines[1] == "imported before shown: none of the heavy modules", lines


def test_the_smoke_hooks_need_the_testing_switch(tmp_path: Path) -> None:
    # Without CLIENTVAULT_TESTING=1 the variables are ignored: the app would wait for a user, so
    # the run is cut short by a timeout and nothing is printed or saved.
    shot = tmp_path / "window.png"
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run(
            [sys.executable, "-m", "clientvault", "--vault", str(tmp_path / "vault")],
            env=_env(tmp_path, CLIENTVAULT_SMOKE_SECONDS="0.1", CLIENTVAULT_SMOKE_SCREENSHOT=str(shot)),
            cwd=tmp_path,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=4,
        )
    assert not shot.exists()


def test_a_windowed_program_without_streams_gets_writable_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    import clientvault.__main__ as entry

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    entry._ensure_streams()
    assert sys.stdout is not None and sys.stderr is not None
    sys.stdout.write("lost, but no crash\n")
    sys.stdout.close()
    sys.stderr.close()
