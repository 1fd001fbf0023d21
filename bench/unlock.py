"""Unlock time (Argon2id vs everything else) and cold start to the login window.

Groups:
    unlock: the production KDF alone; a full unlock of a vault whose slot has the cheap test KDF
        (so the time is the non-KDF part: key file, envelope, SQLCipher open with the raw key,
        self-check, generation/migration checks, the audited login); SQLCipher open + self-check
        alone; a full unlock with the production KDF. Baseline: plain SQLite, same schema and
        pragmas, opened the same way.
    start: ``clientvault`` in a fresh process up to a visible login window (offscreen Qt).
        Baseline: a fresh process that imports Qt, creates the QApplication and shows an empty
        dialog — the floor no Qt app can go below.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import sqlcipher3

from bench.common import Result, measure
from clientvault.security import keyfile as kf
from clientvault.security.keyfile import FAST_KDF, PRODUCTION_KDF
from clientvault.services.vault import VaultService
from clientvault.storage.db import Database
from clientvault.storage.migrate import migrations, split_statements

PASSWORD = "bench-password-1"
NON_KDF_TARGET = 0.100
START_TARGET = 1.0


def _vault(folder: Path, kdf: kf.KdfParams) -> tuple[VaultService, bytes]:
    vaults = VaultService(kdf=kdf, cipher_log=folder.parent / f"{folder.name}-sqlcipher.log")
    created = vaults.create(
        folder,
        firm_name="基准测试公司",
        partner_username="bench",
        partner_display_name="Bench",
        partner_password=PASSWORD,
    )
    assert created.vault.session.keys is not None
    dk = created.vault.session.keys.dk
    created.vault.lock()
    return vaults, dk


def _unlock_samples(vaults: VaultService, folder: Path, repeat: int) -> tuple[float, ...]:
    out = []
    for i in range(repeat + 1):
        start = time.perf_counter()
        vault = vaults.unlock(folder, "bench", PASSWORD)
        elapsed = time.perf_counter() - start
        vault.lock()
        if i:  # the first run warms the page cache
            out.append(elapsed)
    return tuple(out)


def _plain_sqlite(path: Path) -> None:
    """Create the same schema in a plaintext file with the vault's own SQLite build (no key)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    for mig in migrations():
        for statement in split_statements(mig.sql):
            conn.execute(statement)
    conn.close()


def _open_plain(path: Path) -> None:
    conn = sqlcipher3.connect(str(path), isolation_level=None, timeout=5)
    for pragma in ("busy_timeout = 5000", "secure_delete = 1", "temp_store = MEMORY", "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def unlock_results(work: Path) -> list[Result]:
    """Measure the unlock group in ``work``."""
    fast_vaults, dk = _vault(work / "fast", FAST_KDF)
    prod_vaults, _ = _vault(work / "prod", PRODUCTION_KDF)
    plain = work / "plain.db"
    _plain_sqlite(plain)
    salt = kf.new_kdf(PRODUCTION_KDF)
    return [
        Result(
            "unlock",
            "plain SQLite open + same pragmas (baseline)",
            measure(lambda: _open_plain(plain)),
            baseline=True,
            note="the same SQLite build as the vault (sqlcipher3 without a key), same schema",
        ),
        Result(
            "unlock",
            "SQLCipher open with raw key + self-check",
            measure(lambda: Database(work / "fast" / "vault.db", dk).close()),
        ),
        Result(
            "unlock",
            "unlock without KDF (keys, envelope, open, checks, audit)",
            _unlock_samples(fast_vaults, work / "fast", 7),
            target=NON_KDF_TARGET,
            note="VaultService.unlock of a slot made with the test KDF (8 KiB, 1 pass): the non-KDF part",
        ),
        Result(
            "unlock",
            "Argon2id KDF alone (64 MiB, 3 passes, 4 lanes)",
            measure(lambda: kf.derive_password_key(PASSWORD, salt), repeat=5),
        ),
        Result("unlock", "full unlock, production KDF", _unlock_samples(prod_vaults, work / "prod", 5)),
    ]


# The child prints a line once the login window is visible, then exits without entering the loop.
_LOGIN_CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication

    def shown(*args):
        QApplication.processEvents()
        visible = [w.objectName() or type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
        print("shown", *visible, flush=True)
        return 0

    QApplication.exec = shown
    from clientvault import app
    sys.exit(app.main(["--vault", sys.argv[1]]))
    """
)
_FLOOR_CHILD = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QDialog
    app = QApplication([])
    dialog = QDialog()
    dialog.show()
    QApplication.processEvents()
    print("shown", flush=True)
    """
)


def _to_first_line(script: str, *args: str, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().decode(errors="replace").strip()
    elapsed = time.perf_counter() - start
    _, err = proc.communicate(timeout=60)
    if not line.startswith("shown"):
        raise RuntimeError(f"child did not show a window: {err.decode(errors='replace')[-800:]}")
    return elapsed, line


def start_results(work: Path) -> list[Result]:
    """Measure the cold-start group in ``work``."""
    _vault(work / "gui", FAST_KDF)
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(work / "state"),
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_CACHE_HOME=str(work / "cache"),
        XDG_DATA_HOME=str(work / "data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    floor, login, shown = [], [], ""
    for i in range(6):
        f, _ = _to_first_line(_FLOOR_CHILD, env=env)
        t, shown = _to_first_line(_LOGIN_CHILD, str(work / "gui"), env=env)
        if i:  # the first pair warms the OS file cache
            floor.append(f)
            login.append(t)
    return [
        Result("start", "python + Qt + QApplication + empty dialog (baseline)", tuple(floor), baseline=True),
        Result(
            "start",
            "clientvault start → login window visible",
            tuple(login),
            target=START_TARGET,
            note=f"offscreen; fresh process each run; visible: {shown.removeprefix('shown').strip()}",
        ),
    ]


def run() -> list[Result]:
    """Run both groups in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="cv-bench-") as tmp:
        work = Path(tmp)
        return unlock_results(work) + start_results(work)
