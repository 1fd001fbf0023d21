"""Client list and search at 100 000 clients: SQLCipher vault vs plain SQLite, same queries.

The plain baseline is the same database decrypted with ``sqlcipher_export`` into a plaintext
file (synthetic data only), queried through the same repository code, so the ratio isolates
the cost of encryption. Groups:

    search: one keystroke of search-as-you-type (capped count + first page of matches), over
        the prefixes of realistic queries (company words, person names, phone digits).
    list: the first page of the unfiltered list (count + 200 rows).
    scroll: RSS of a process that scrolled the whole list through the Qt table model.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

from bench.common import BENCH_CLIENTS, BENCH_PASSWORD, RESULTS_DIR, PlainDb, Result, cached_vault, plain_copy
from clientvault.security.keyfile import FAST_KDF
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.vault import VaultService
from clientvault.storage.clients import ClientRepository, ListQuery, Visibility

CLIENTS = BENCH_CLIENTS
PASSWORD = BENCH_PASSWORD
QUERIES = ["北京星辰", "有限公司", "张伟", "科技", "1385", "王芳", "上海", "贸易", "91110"]
SEARCH_TARGET = 0.030
FIRST_PAGE_TARGET = 0.100
RSS_TARGET_MB = 400.0


def keystrokes() -> list[str]:
    """Every prefix of every query, as typed one character at a time."""
    return [q[:i] for q in QUERIES for i in range(1, len(q) + 1)]


def _time(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run() -> list[Result]:
    """Measure search per keystroke, first page and scroll RSS, encrypted and plain."""
    vaults = VaultService(kdf=FAST_KDF, cipher_log=RESULTS_DIR / "sqlcipher.log")
    folder = cached_vault(vaults, CLIENTS)
    vault = vaults.unlock(folder, "bench", PASSWORD)
    plain = PlainDb(plain_copy(vault, RESULTS_DIR / f"clients-plain-{CLIENTS}.db"))
    svc = ClientService(vault)
    enc_repo = ClientRepository(vault.db)
    plain_repo = ClientRepository(plain)  # type: ignore[arg-type]
    vis = Visibility()
    results: list[Result] = []

    def repo_keystroke(repo: ClientRepository, text: str) -> None:
        q = svc._query(ClientFilter(text=text))
        repo.count(vis, q, cap=1000)
        repo.page(vis, q, limit=100)

    # Warm both page caches equally, then alternate so that neither side gets a warmer machine.
    typed = keystrokes()
    for t in typed:
        repo_keystroke(enc_repo, t)
        repo_keystroke(plain_repo, t)
    enc, pla, full = [], [], []
    for _ in range(3):
        for t in typed:
            pla.append(_time(lambda t=t: repo_keystroke(plain_repo, t)))
            enc.append(_time(lambda t=t: repo_keystroke(enc_repo, t)))
            full.append(
                _time(
                    lambda t=t: (svc.count(ClientFilter(text=t), cap=1000), svc.page(ClientFilter(text=t), limit=100))
                )
            )
    note = f"{len(typed)} keystrokes × 3 over {len(QUERIES)} queries, {CLIENTS} clients"
    results += [
        Result("search", "plain SQLite, same queries (baseline)", tuple(pla), baseline=True, note=note),
        Result("search", "SQLCipher vault, same queries", tuple(enc), target=SEARCH_TARGET),
        Result("search", "ClientService (role shaping, masking)", tuple(full), target=SEARCH_TARGET),
    ]

    def first_page(repo: ClientRepository) -> None:
        q = ListQuery()
        repo.count(vis, q)
        repo.page(vis, q, limit=200)

    pla, enc, full = [], [], []
    for _ in range(15):
        pla.append(_time(lambda: first_page(plain_repo)))
        enc.append(_time(lambda: first_page(enc_repo)))
        full.append(_time(lambda: (svc.count(), svc.page(limit=200))))
    results += [
        Result("list", "first page, plain SQLite (baseline)", tuple(pla), baseline=True),
        Result("list", "first page, SQLCipher vault", tuple(enc), target=FIRST_PAGE_TARGET),
        Result("list", "first page through ClientService", tuple(full), target=FIRST_PAGE_TARGET),
    ]
    vault.lock()
    results.append(scroll_rss(folder))
    ratio_s = statistics.median(results[1].samples) / statistics.median(results[0].samples)
    ratio_l = statistics.median(results[4].samples) / statistics.median(results[3].samples)
    print(f"  encrypted/plain: search {ratio_s:.2f}, first page {ratio_l:.2f} (target ≤ 1.3)", file=sys.stderr)
    return results


SCROLL = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.vault import VaultService
    from clientvault.services.clients import ClientService
    folder = Path(sys.argv[1])
    vault = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "sqlcipher.log").unlock(folder, "bench", sys.argv[2])
    svc = ClientService(vault)
    try:
        from PySide6.QtWidgets import QApplication, QTableView
        from clientvault.ui.models.clients import ClientTableModel
        app = QApplication([])
        model = ClientTableModel(svc)
        view = QTableView(); view.setModel(model); view.resize(1000, 700); view.show()
        start = time.perf_counter()
        from PySide6.QtCore import QModelIndex
        root = QModelIndex()
        while model.canFetchMore(root):
            model.fetchMore(root)
            view.scrollToBottom(); app.processEvents()
        rows, how = model.rowCount(), "Qt model + view"
    except ImportError:
        start = time.perf_counter(); rows, last = [], None
        while page := svc.page(limit=500, after=last):
            rows += page; last = page[-1]
        rows, how = len(rows), "service pages"
    elapsed = time.perf_counter() - start
    with open("/proc/self/status") as fh:
        rss = next(int(l.split()[1]) for l in fh if l.startswith("VmRSS")) / 1024
    print(rows, rss, elapsed, how)
    """
)


def scroll_rss(folder: Path) -> Result:
    """RSS (MB, stored in ``extra``) of a process after scrolling through the whole list."""
    done = subprocess.run([sys.executable, "-c", SCROLL, str(folder), PASSWORD], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError("scroll subprocess failed:\n" + done.stderr[-2000:])
    out = done.stdout.split()
    rows, rss, elapsed, how = int(out[0]), float(out[1]), float(out[2]), " ".join(out[3:])
    return Result(
        "scroll",
        f"scroll all {rows} rows ({how}); RSS {rss:.0f} MB (target ≤ {RSS_TARGET_MB:.0f} MB)",
        (elapsed,),
        note="time to fetch every page; the RSS figure is what the issue limits",
        extra={"rss_mb": rss, "rows": rows},
    )
