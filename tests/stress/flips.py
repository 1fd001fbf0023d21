"""Single-byte flips across ``vault.db``: every one must be detected and reported in one clear line.

A closed, checkpointed vault is copied; one byte at a random offset of ``vault.db`` is changed
(XOR with a random non-zero value); then ``clientvault verify`` runs in this process (the real
command-line code path, exit code and stderr captured). Outcomes:

* ``refused at open`` — the open itself reported the damage (exit 2, one line);
* ``found by verify`` — the vault opened and the page/structure check reported problems (exit 1);
* ``undetected`` — exit 0: the flip was not noticed (a failure);
* ``internal error`` — exit 3 or an exception (a failure).
"""

from __future__ import annotations

import io
import os
import random
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from clientvault.services.backup import BackupService
from tests.stress.common import PARTNER, PARTNER_PASSWORD, vault_service
from tests.stress.kills import _unique_client


@dataclass
class FlipReport:
    """Outcome counts, and the first line of each distinct message (no contents: they name files)."""

    flips: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    messages: Counter[str] = field(default_factory=Counter)
    db_size: int = 0

    def failures(self) -> int:
        return self.outcomes["undetected"] + self.outcomes["internal error"]


@contextmanager
def _env(work: Path) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in ("CLIENTVAULT_TESTING", "CLIENTVAULT_USER", "CLIENTVAULT_PASSWORD",
                                             "XDG_STATE_HOME", "CLIENTVAULT_VAULT")}  # fmt: skip
    os.environ.update(CLIENTVAULT_TESTING="1", CLIENTVAULT_USER=PARTNER, CLIENTVAULT_PASSWORD=PARTNER_PASSWORD,
                      XDG_STATE_HOME=str(work / "state"))  # fmt: skip
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def make_pristine(work: Path, clients: int = 20) -> Path:
    folder = work / "pristine"
    vault = vault_service().create(folder, firm_name="翻转测试公司", partner_username=PARTNER,
                                   partner_display_name="老板", partner_password=PARTNER_PASSWORD).vault  # fmt: skip
    for _ in range(clients):
        _unique_client(vault)
    BackupService(vault).ensure_set_up()
    vault.db.checkpoint()
    vault.lock()
    return folder


def run_flips(work: Path, n: int, *, seed: int = 0) -> FlipReport:
    from clientvault.cli.main import main

    rng = random.Random(seed)
    pristine = make_pristine(work)
    report = FlipReport(db_size=(pristine / "vault.db").stat().st_size)
    scratch = work / "flipped"
    with _env(work):
        for _ in range(n):
            shutil.rmtree(scratch, ignore_errors=True)
            scratch.mkdir()
            for name in ("vault.db", "vault.keys"):
                shutil.copyfile(pristine / name, scratch / name)
            db = scratch / "vault.db"
            data = bytearray(db.read_bytes())
            offset = rng.randrange(len(data))
            data[offset] ^= rng.randrange(1, 256)
            db.write_bytes(bytes(data))
            out, err = io.StringIO(), io.StringIO()
            try:
                code = main(["--kdf-profile", "fast", "verify", "--vault", str(scratch)], out=out, err=err)
            except BaseException as exc:
                code = 99
                err.write(f"escaped {type(exc).__name__}")
            report.flips += 1
            lines = [line for line in err.getvalue().splitlines() if line.strip()]
            if code == 0:
                report.outcomes["undetected"] += 1
            elif code == 1:
                report.outcomes["found by verify"] += 1
            elif code == 2 and len(lines) == 1:
                report.outcomes["refused at open"] += 1
                report.messages[lines[0][:140]] += 1
            else:
                report.outcomes["internal error"] += 1
                report.messages[(lines[-1] if lines else f"exit {code}")[:140]] += 1
    shutil.rmtree(scratch, ignore_errors=True)
    return report
