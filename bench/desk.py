"""What users do at the desk (issue 12), for the partner and an accountant, at several firm sizes.

Every figure goes through what the desktop runs — the Qt table model and the client list's own
view (``make_client_table``: model reset + a synchronous repaint, offscreen; the search box's
debounce is not included) — and is a median with a baseline from the same
run: the same repository queries on a plaintext copy made with the same SQLite build (the cost
of encryption), a bare Qt dialog, a bare ``hashlib`` loop over the audit log's bytes. Levels:
``BENCH_LEVELS`` (default 10 000 and 100 000 clients; add 300000 for the growth table). The
100 000-client firm carries 1 000 000 audit events (bench/common.py).

Groups (``<what>-<role>-<clients/1000>k``):

    kst     one keystroke of search-as-you-type: names, single characters, phone numbers,
            credit codes, ID numbers typed one character at a time (identifiers from the role's
            own clients); the Qt row is the model's reset + repaint of the first page.
    page    first page in each sort order and direction, warm; cold = right after login (a fresh
            connection, empty page cache); next = the following keyset page (fetchMore).
    home    the partner home's "recently changed" list (updated_at descending, 100 rows).
    busy    the Erasure page's "Execute erasure" (the request approved beforehand): the time until
            the page says "Erased", then the whole-file check in the background until the
            certificate can be issued, with a search keystroke every ~20 ms meanwhile; the Backups
            page's "Back up now" the same way.
    audit   ``verify`` of the whole audit chain vs bare hashlib over the same bytes.
    desk    login click → main window shown (vs a bare Qt dialog; the vault's slot uses the test
            KDF, so Argon2id is excluded: bench/unlock.py measures it), closing the main window,
            RSS after scrolling the whole list and after a search (subprocess).
"""

from __future__ import annotations

import hashlib
import os
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import (
    BENCH_LEVELS,
    BENCH_PASSWORD,
    RESULTS_DIR,
    PlainDb,
    Result,
    cached_vault,
    plain_copy,
    work_copy,
)

ROLES = (("partner", "bench"), ("accountant", "acc0"))
SORTS = ("name", "kind", "uscc", "status", "updated_at")
KEYSTROKE_TARGET = 0.030
PAGE_TARGET = 0.100
HOME_TARGET = 0.050
BUSY_TARGET = 0.100
ERASE_TARGET = 0.300
CLOSE_TARGET = 1.0
LOGIN_TARGET = 0.5
AUDIT_TARGET = 3.0
RSS_TARGET_MB = 400.0
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _sequences(vault: Any, user_id: int | None) -> dict[str, list[str]]:
    """Typed keystroke sequences; identifiers come from clients the role sees."""
    own = ""
    if user_id is not None:
        own = f" AND c.id IN (SELECT client_id FROM client_accountants WHERE user_id = {user_id})"
    vis = "c.status IN ('prospect', 'active', 'ended')" + own
    uscc = vault.db.scalar(f"SELECT uscc FROM clients c WHERE {vis} AND uscc IS NOT NULL ORDER BY id LIMIT 1 OFFSET 7")
    mobile = vault.db.scalar(
        f"SELECT p.phone FROM persons p JOIN clients c ON c.id = p.client_id WHERE {vis} AND p.phone LIKE '1%'"
        " ORDER BY p.id LIMIT 1 OFFSET 11"
    )
    landline = vault.db.scalar(f"SELECT phone FROM clients c WHERE {vis} AND phone LIKE '0%-%' ORDER BY id LIMIT 1")
    id_number = vault.db.scalar(
        f"SELECT p.id_number FROM persons p JOIN clients c ON c.id = p.client_id WHERE {vis}"
        " AND length(p.id_number) = 18 ORDER BY p.id LIMIT 1 OFFSET 5"
    )

    def typed(text: str) -> list[str]:
        return [text[:i] for i in range(1, len(text) + 1)]

    return {
        "names": typed("张伟") + typed("北京星辰") + typed("有限公司"),
        "single characters": ["张", "王", "1", "9", "科"],
        "phone numbers": typed(str(mobile)) + typed(str(landline)),
        "credit codes": typed(str(uscc)),
        "ID numbers": typed(str(id_number)),
    }


class Desk:
    """One role's list through the Qt model and view, plus the repository calls on both files."""

    def __init__(self, vault: Any, plain: PlainDb) -> None:
        from clientvault.services.clients import ClientService
        from clientvault.storage.clients import ClientRepository
        from clientvault.ui.models.clients import ClientTableModel
        from clientvault.ui.pages.clients import make_client_table

        self.vault = vault
        self.svc = ClientService(vault)
        self.enc = ClientRepository(vault.db)
        self.plain = ClientRepository(plain)  # type: ignore[arg-type]
        self.model = ClientTableModel(self.svc)
        self.view = make_client_table(self.model, None)  # type: ignore[arg-type]
        self.view.resize(1000, 700)
        self.view.show()
        self.app = _app()
        self.app.processEvents()

    def qt(self, flt: Any) -> None:
        """What a keystroke or a click on a header costs the GUI: reset, first page, count, repaint."""
        self.model.set_filter(flt)
        self.view.viewport().repaint()

    def repo(self, repo: Any, flt: Any, *, after: Any = None) -> None:
        q, vis = self.svc._query(flt), self.svc._visibility()
        repo._last_search = None  # every keystroke is a new query
        if flt.text.strip():
            repo.count(vis, q, cap=1001)
        repo.page(vis, q, limit=200, after=after)

    def close(self) -> None:
        self.view.close()
        self.view.deleteLater()


def _keystrokes(desk: Desk, seqs: dict[str, list[str]], tag: str) -> list[Result]:
    from clientvault.services.clients import ClientFilter

    out: list[Result] = []
    pooled: dict[str, list[float]] = {"plain": [], "vault": [], "qt": []}
    desk.qt(ClientFilter(text="有限公司"))
    paint = tuple(_ms(lambda: desk.view.viewport().repaint()) for _ in range(20))
    for kind, typed in seqs.items():
        plain, enc, qt = [], [], []
        for _ in range(ROUNDS):
            for t in typed:
                flt = ClientFilter(text=t)
                plain.append(_ms(lambda f=flt: desk.repo(desk.plain, f)))
                enc.append(_ms(lambda f=flt: desk.repo(desk.enc, f)))
                qt.append(_ms(lambda f=flt: desk.qt(f)))
        pooled["plain"] += plain
        pooled["vault"] += enc
        pooled["qt"] += qt
        out.append(
            Result(f"kst-{tag}", f"keystroke, {kind}: Qt model+view", tuple(qt), target=KEYSTROKE_TARGET,
                   note=f"{len(typed)} keystrokes × {ROUNDS}; plain {statistics.median(plain) * 1000:.1f} ms,"
                   f" vault repo {statistics.median(enc) * 1000:.1f} ms")
        )  # fmt: skip
    out = [
        Result(f"kst-{tag}", "keystroke, all: plain SQLite, same queries (baseline)", tuple(pooled["plain"]),
               baseline=True),
        Result(f"kst-{tag}", "keystroke, all: vault, repository", tuple(pooled["vault"])),
        Result(f"kst-{tag}", "bare Qt: repaint of the same view, no query (floor)", paint),
        Result(f"kst-{tag}", "keystroke, all: Qt model+view", tuple(pooled["qt"]), target=KEYSTROKE_TARGET),
        *out,
    ]  # fmt: skip
    desk.qt(ClientFilter())
    return out


def _pages(desk: Desk, vaults: Any, folder: Path, plain_path: Path, user: str, tag: str) -> list[Result]:
    from PySide6.QtCore import QModelIndex

    from clientvault.services.clients import ClientFilter

    out: list[Result] = []
    all_plain, all_enc, all_next = [], [], []
    for sort in SORTS:
        plain, qt, nxt = [], [], []
        for _ in range(ROUNDS):
            for desc in (False, True):
                flt = ClientFilter(sort=sort, descending=desc)
                plain.append(_ms(lambda f=flt: desk.repo(desk.plain, f)))
                qt.append(_ms(lambda f=flt: desk.qt(f)))

                def more() -> None:
                    desk.model.fetchMore(QModelIndex())
                    desk.view.viewport().repaint()

                nxt.append(_ms(more))
        all_plain += plain
        all_enc += qt
        all_next += nxt
        out.append(Result(f"page-{tag}", f"first page by {sort} (asc+desc), warm, Qt", tuple(qt), target=PAGE_TARGET))
    out.insert(0, Result(f"page-{tag}", "first page, plain SQLite, same queries (baseline)", tuple(all_plain),
                         baseline=True))  # fmt: skip
    out.append(Result(f"page-{tag}", "next page (keyset fetchMore), every order, Qt", tuple(all_next),
                      target=PAGE_TARGET))  # fmt: skip
    # Cold: right after login (a fresh connection: nothing decrypted in its page cache yet).
    cold, cold_plain, count_after = [], [], []
    for sort in SORTS:
        for desc in (False, True):
            flt = ClientFilter(sort=sort, descending=desc)
            fresh = PlainDb(plain_path)
            repo = type(desk.plain)(fresh)  # type: ignore[arg-type]
            cold_plain.append(_ms(lambda r=repo, f=flt: desk.repo(r, f)))
            fresh.close()
            v = vaults.unlock(folder, user, BENCH_PASSWORD)
            other = Desk(v, PlainDb(plain_path))
            cold.append(_ms(lambda d=other, f=flt: d.qt(f)))
            count_after.append(_ms(lambda d=other: d.model.total))
            other.close()
            v.lock()
    out += [
        Result(f"cold-{tag}", "first page right after login, plain (baseline)", tuple(cold_plain), baseline=True),
        Result(f"cold-{tag}", "first page right after login, every order, Qt", tuple(cold), target=PAGE_TARGET),
        Result(f"cold-{tag}", "the count that follows the first page (deferred)", tuple(count_after)),
    ]
    return out


def _home(desk: Desk, tag: str) -> list[Result]:
    from PySide6.QtWidgets import QTableView

    from clientvault.services.clients import ClientFilter
    from clientvault.ui.models.clients import ClientTableModel

    flt = ClientFilter(sort="updated_at", descending=True)
    cols = ("name", "kind", "uscc", "status", "accountants", "updated_at")
    plain, qt = [], []
    for _ in range(5 * ROUNDS):
        plain.append(_ms(lambda: desk.repo(desk.plain, flt)))

        def build() -> None:
            model = ClientTableModel(desk.svc, flt=flt, columns=cols, page_size=100)
            view = QTableView()
            view.setModel(model)
            view.resize(900, 400)
            view.show()
            view.viewport().repaint()
            view.close()

        qt.append(_ms(build))
    return [
        Result(f"home-{tag}", "recently changed, plain SQLite (baseline)", tuple(plain), baseline=True),
        Result(f"home-{tag}", "partner home: recently changed list, Qt", tuple(qt), target=HOME_TARGET),
    ]


def _busy(vaults: Any, folder: Path, tag: str) -> list[Result]:
    """An erasure and a backup as the GUI runs them (its pages and worker), with keystrokes meanwhile."""
    from PySide6.QtCore import QCoreApplication

    from clientvault.core.roles import Role
    from clientvault.services.backup import BackupService
    from clientvault.services.clients import ClientFilter
    from clientvault.services.erasure import ErasureService
    from clientvault.services.users import UserService
    from clientvault.storage.users import UserRepository
    from clientvault.ui.operations import Operations
    from clientvault.ui.pages.backups import BackupsPage
    from clientvault.ui.pages.erasure import ErasurePage

    work = work_copy(folder, f"desk-busy-{tag}")
    vault = vaults.unlock(work, "bench", BENCH_PASSWORD)
    plain = PlainDb(RESULTS_DIR / f"desk-plain-{tag}.db")
    desk = Desk(vault, plain)
    ops = Operations()
    out: list[Result] = []
    idle = []
    words = ["张", "张伟", "1385", "有限", "王芳", "科技"]

    def keystroke(i: int) -> float:
        return _ms(lambda: desk.qt(ClientFilter(text=words[i % len(words)])))

    for i in range(30):
        idle.append(keystroke(i))
    out.append(Result(f"busy-{tag}", "keystroke, nothing running (baseline)", tuple(idle), baseline=True))
    cid = int(vault.db.scalar("SELECT id FROM clients WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 500"))
    # The law's path (issue 10): appraisal, a second person approves, a witness, the partner's
    # typed override while a retention period runs. Requested and approved beforehand (as on the
    # Erasure page); the page's "Execute erasure…" then runs it.
    erasure = ErasureService(vault)
    running = erasure.retention(cid).running
    erasure.appraise(cid)
    if UserRepository(vault.db).by_username("second") is None:
        UserService(vault, vaults).add("second", "第二人", Role.PRIVACY_OFFICER, BENCH_PASSWORD)
    second = vaults.unlock(work, "second", BENCH_PASSWORD)
    rid = erasure.request(cid, "partner_decision", "deletion_request")
    if running:
        erasure.override(rid, "委托已终止，会计档案已移交客户，无需继续保管")
    ErasureService(second).approve(rid)
    second.lock()
    page = ErasurePage(vault, ops)
    row = next(r for r in range(page.requests.rowCount()) if page.requests.item(r).id == rid)
    page.requests_view.selectRow(row)
    answered: list[float] = []
    checked: list[tuple[float, object]] = []
    page.sig_executed.connect(lambda _r: answered.append(time.perf_counter()))
    page.sig_checked.connect(lambda c: checked.append((time.perf_counter(), c)))
    start = time.perf_counter()
    page.execute_selected(confirmed=True, witness="监销人甲")
    while not answered and time.perf_counter() - start < 600:  # the user waits for the answer
        QCoreApplication.processEvents()
        time.sleep(0.001)
    answer = (answered[0] if answered else time.perf_counter()) - start
    during: list[float] = []
    i = 0
    while answered and not checked and time.perf_counter() - start < 900:  # and searches meanwhile
        during.append(keystroke(i))
        i += 1
        QCoreApplication.processEvents()
        time.sleep(0.02)
    ops.wait()
    QCoreApplication.processEvents()
    outcome = checked[0][1] if checked else None
    integrity = getattr(outcome, "integrity", type(outcome).__name__)
    out.append(Result(f"busy-{tag}", "erasure (Erasure page): until the page says 'Erased'", (answer,),
                      target=ERASE_TARGET, note=page.status.text()[:60] if not answered else ""))  # fmt: skip
    if checked:
        bar = page.check.bar.value() / 10
        out.append(
            Result(
                f"busy-{tag}",
                "its whole-file check, in the background: until the certificate",
                (checked[0][0] - start - answer,),
                note=f"integrity={integrity}; progress bar reached {bar:.0f} %",
            )
        )
    if during:
        out.append(Result(f"busy-{tag}", "keystroke during the erasure's check", tuple(during), target=BUSY_TARGET,
                          note=f"{len(during)} keystrokes, max {max(during) * 1000:.0f} ms"))  # fmt: skip
    page.close()
    backups = BackupService(vault)
    with_backup = os.environ.get("BENCH_BUSY_BACKUP", "1") == "1"  # 0: the erasure only (a re-run)
    if with_backup and (backups.ensure_set_up() or backups.is_set_up()):
        bpage = BackupsPage(vault, ops)
        done: list[float] = []
        bpage.sig_done.connect(lambda _r: done.append(time.perf_counter()))
        during = []
        start = time.perf_counter()
        bpage.backup_now()
        i = 0
        while not done and time.perf_counter() - start < 900:
            during.append(keystroke(i))
            i += 1
            QCoreApplication.processEvents()
            time.sleep(0.02)
        ops.wait()
        QCoreApplication.processEvents()
        took = (done[0] if done else time.perf_counter()) - start
        out.append(Result(f"busy-{tag}", "backup (Backups page): until written and checked", (took,),
                          note=f"progress bar shown; {len(during)} keystrokes meanwhile"))  # fmt: skip
        if during:
            out.append(Result(f"busy-{tag}", "keystroke during the backup", tuple(during), target=BUSY_TARGET,
                              note=f"max {max(during) * 1000:.0f} ms"))  # fmt: skip
        bpage.close()
    desk.close()
    vault.lock()
    return out


def _audit(vault: Any, plain: PlainDb, tag: str) -> list[Result]:
    """``verify`` of the whole chain (whatever API the audit log has) vs bare hashlib over its bytes."""
    events = int(plain.scalar("SELECT count(*) FROM audit"))
    cols = [r[1] for r in plain.all("PRAGMA table_info(audit)")]
    body_col = next((c for c in ("body", "bytes", "canonical", "data") if c in cols), None)
    if body_col is not None:
        raw = plain.all(f"SELECT {body_col} FROM audit ORDER BY seq")
        bodies = [r[0].encode("utf-8") if isinstance(r[0], str) else bytes(r[0]) for r in raw]
    else:
        keep = [c for c in cols if c not in ("prev_hash", "hash")]
        bodies = [repr(r).encode() for r in plain.all(f"SELECT {', '.join(keep)} FROM audit ORDER BY seq")]

    def bare() -> None:
        prev = b"\0" * 32
        for b in bodies:
            prev = hashlib.sha256(prev + b).digest()

    base = [_ms(bare) for _ in range(3)]
    audit = vault.audit
    verify = getattr(audit, "verify_chain", None) or audit.verify
    runs = []
    status = None
    for _ in range(int(os.environ.get("BENCH_AUDIT_RUNS", "2"))):
        start = time.perf_counter()
        status = verify()
        runs.append(time.perf_counter() - start)
    return [
        Result(f"audit-{tag}", f"bare hashlib over the {events} events' bytes (baseline)", tuple(base), baseline=True),
        Result(f"audit-{tag}", f"audit verify, {events} events", tuple(runs), target=AUDIT_TARGET,
               note=f"result: {status!r}"[:110]),
    ]  # fmt: skip


SCROLL = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    def rss():
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS")) / 1024
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication, QTableView
    app = QApplication([])
    bare = QTableView(); bare.resize(1000, 700); bare.show(); app.processEvents()
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.vault import VaultService
    from clientvault.services.clients import ClientService, ClientFilter
    from clientvault.ui.models.clients import ClientTableModel
    from clientvault.ui.pages.clients import make_client_table
    folder = Path(sys.argv[1])
    vaults = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "sqlcipher.log")
    vault = vaults.unlock(folder, sys.argv[2], sys.argv[3])
    base = rss()
    model = ClientTableModel(ClientService(vault))
    view = make_client_table(model, None); view.resize(1000, 700); view.show()
    start = time.perf_counter()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex()); view.scrollToBottom(); app.processEvents()
    elapsed = time.perf_counter() - start
    rows, scrolled = model.rowCount(), rss()
    model.set_filter(ClientFilter(text="张伟")); view.viewport().repaint(); app.processEvents()
    print(rows, base, scrolled, rss(), elapsed, flush=True)
    os._exit(0)  # PySide6's teardown of 300 000 rows' worth of objects can crash at exit
    """
)


def _memory(folder: Path, user: str, tag: str) -> list[Result]:
    done = subprocess.run(
        [sys.executable, "-c", SCROLL, str(folder), user, BENCH_PASSWORD], capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError("scroll subprocess failed:\n" + done.stderr[-2000:])
    rows, base, scrolled, after, elapsed = done.stdout.split()[-5:]
    note = (
        f"RSS: {float(base):.0f} MB after login (Qt + vault, baseline), {float(scrolled):.0f} MB after scrolling"
        f" {rows} rows, {float(after):.0f} MB after a search (target ≤ {RSS_TARGET_MB:.0f} MB, released)"
    )
    return [
        Result(f"mem-{tag}", f"scroll all {rows} rows through model+view (time)", (float(elapsed),), note=note,
               extra={"rss_base_mb": float(base), "rss_scrolled_mb": float(scrolled),
                      "rss_after_search_mb": float(after), "rows": float(rows)}),
    ]  # fmt: skip


LOGIN = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication, QDialog
    app = QApplication([])
    if sys.argv[1] == "bare":
        d = QDialog(); d.show(); app.processEvents(); d.accept(); app.processEvents()
        t1 = time.perf_counter(); d2 = QDialog(); d2.show(); app.processEvents()
        print(time.perf_counter() - t1, 0.0, 0); sys.exit()
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from clientvault.app import firm_name_adapter, register_font, render_recovery_sheet_adapter
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.vault import VaultService
    from clientvault.ui.context import UiContext
    folder = Path(sys.argv[2])
    vaults = VaultService(kdf=FAST_KDF, cipher_log=folder.parent / "sqlcipher.log")
    register_font(app)
    ctx = UiContext(vaults=vaults, folder=folder, settings=QSettings(str(folder.parent / "desk.ini"),
                    QSettings.Format.IniFormat), render_recovery_sheet=render_recovery_sheet_adapter,
                    firm_name=firm_name_adapter, language="en")
    reportlab_at_login = "reportlab" in sys.modules or "clientvault.ui.main_window" in sys.modules
    from clientvault.ui.shell import preload_main_window
    preload_main_window().join()  # what the shell does while the password is typed
    t1 = time.perf_counter()  # the login click
    vault = vaults.unlock(folder, sys.argv[3], sys.argv[4])
    from clientvault.ui.main_window import MainWindow
    win = MainWindow(ctx, vault, app); win.show(); app.processEvents()
    shown = time.perf_counter() - t1
    t2 = time.perf_counter(); win.close(); app.processEvents()
    print(shown, time.perf_counter() - t2, int(reportlab_at_login))
    """
)


def _login_close(folder: Path, tag: str) -> list[Result]:
    def once(*args: str) -> tuple[float, float, int]:
        done = subprocess.run([sys.executable, "-c", LOGIN, *args], capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError("login subprocess failed:\n" + done.stderr[-2000:])
        a, b, c = done.stdout.split()[-3:]
        return float(a), float(b), int(c)

    bare = [once("bare")[0] for _ in range(3)]
    shown, closed, early = [], [], 0
    for _ in range(3):
        work = work_copy(folder, f"desk-login-{tag}")
        s, c, e = once("vault", str(work), "bench", BENCH_PASSWORD)
        shown.append(s)
        closed.append(c)
        early += e
    return [
        Result(f"desk-{tag}", "bare Qt dialog shown (baseline)", tuple(bare), baseline=True),
        Result(f"desk-{tag}", "login click → main window shown (partner)", tuple(shown), target=LOGIN_TARGET,
               note=f"reportlab or the main window imported before the login window: {'yes' if early else 'no'}"),
        Result(f"desk-{tag}", "close the main window (partner; backup policy as set)", tuple(closed),
               target=CLOSE_TARGET),
    ]  # fmt: skip


def _section(out: list[Result], name: str, fn: Callable[[], list[Result]]) -> None:
    """Run one part; a failure is reported as a row (the other figures of the run are kept)."""
    try:
        out += fn()
    except Exception as exc:
        print(f"  {name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        out.append(Result("failed", f"{name}: {type(exc).__name__}", (0.0,), note=str(exc)[:110]))


def level(vaults: Any, clients: int) -> list[Result]:
    """Every figure at one firm size."""
    folder = cached_vault(vaults, clients)
    tag = f"{clients // 1000}k"
    out: list[Result] = []
    partner = vaults.unlock(folder, "bench", BENCH_PASSWORD)
    plain_path = plain_copy(partner, RESULTS_DIR / f"desk-plain-{tag}.db")
    plain = PlainDb(plain_path)
    acc_id = int(partner.db.scalar("SELECT id FROM users WHERE username = 'acc0'"))
    for role, user in ROLES:
        print(f"  {tag} {role}", file=sys.stderr, flush=True)
        vault = partner if user == "bench" else vaults.unlock(folder, user, BENCH_PASSWORD)
        desk = Desk(vault, plain)
        seqs = _sequences(partner, None if user == "bench" else acc_id)
        _section(out, f"keystrokes {role} {tag}", lambda d=desk, s=seqs, r=role: _keystrokes(d, s, f"{r}-{tag}"))
        _section(out, f"pages {role} {tag}",
                 lambda d=desk, u=user, r=role: _pages(d, vaults, folder, plain_path, u, f"{r}-{tag}"))  # fmt: skip
        if role == "partner":
            _section(out, f"home {tag}", lambda d=desk: _home(d, tag))
        desk.close()
        if vault is not partner:
            vault.lock()
    events = int(partner.db.scalar("SELECT count(*) FROM audit"))
    if events >= 100_000:
        print(f"  {tag} audit verify ({events} events)", file=sys.stderr, flush=True)
        _section(out, f"audit {tag}", lambda: _audit(partner, plain, tag))
    partner.lock()
    plain.close()
    if os.environ.get("BENCH_DESK_PROCESS", "1") == "1":
        print(f"  {tag} erasure/backup, login/close, memory", file=sys.stderr, flush=True)
        _section(out, f"busy {tag}", lambda: _busy(vaults, folder, tag))
        _section(out, f"login/close {tag}", lambda: _login_close(folder, tag))
        for _role, user in ROLES:
            _section(out, f"memory {user} {tag}", lambda u=user: _memory(folder, u, f"{u}-{tag}"))
    return out


def run() -> list[Result]:
    """Every level of ``BENCH_LEVELS``."""
    from clientvault.security.keyfile import FAST_KDF
    from clientvault.services.vault import VaultService

    _app()
    vaults = VaultService(kdf=FAST_KDF, cipher_log=RESULTS_DIR / "sqlcipher.log")
    out: list[Result] = []
    for clients in BENCH_LEVELS:
        out += level(vaults, clients)
    return out
