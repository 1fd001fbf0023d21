"""Smoke test of the frozen bundle (dist/ClientVault), run as an office PC without Python would run it.

    python packaging/smoke.py [--build] [--seconds 3] [--runs 3] [--screenshot FILE.png] [--report FILE]

``make smoke`` runs the short form (CI): build, then every step below once and 3 start-up timings.
The figures in packaging/README.md come from a longer run (``--seconds 5 --runs 7 --screenshot``).

Steps (each fails the run with exit code 1 when its check fails):

1. copy the bundle into a fresh temporary folder (nothing of the checkout is used from then on);
2. run it with an empty environment (like ``env -i``): ``PATH`` is an empty folder — no Python, no
   checkout, no tools —, ``HOME`` and the working directory are in the temporary folder, Qt offscreen;
3. ``--help``, ``selfcheck`` (every line ``ok``), ``demo`` (a demo firm), ``form`` (a consent form
   PDF with the embedded CJK font), ``export``/``import --dry-run`` (an .xlsx written and read back),
   ``verify`` (audit chain and pages ok);
4. the desktop app with ``--lang zh_CN``: a window must show and stay up ``--seconds`` (the test-only
   hooks of clientvault/ui/smoke.py print ``shown …`` and quit); optionally saved as a screenshot;
   with ``--xvfb`` once more on an Xvfb X server through Qt's xcb plugin (the desktop's own path);
5. start-up time to the login window: the frozen app beside the source checkout
   (``python -m clientvault`` from .venv), ``--runs`` fresh processes each, median reported;
6. nothing was written inside the bundle folder; its size, with the largest parts.

Linux and macOS only as written (the executable's name); Windows has not been run (see README).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "ClientVault"
EXE_NAME = "ClientVault"
DEMO_PASSWORD = "partner-demo-1"  # noqa: S105 - the demo firm's published demo login
TIMEOUT = 180


class SmokeFailed(Exception):
    """A step's check failed; the message says which and why."""


class Smoke:
    """Runs the steps in ``work`` and collects the report lines."""

    def __init__(self, bundle: Path, work: Path) -> None:
        self.work = work
        self.bundle = work / "ClientVault"
        started = time.perf_counter()
        shutil.copytree(bundle, self.bundle, symlinks=True)
        self.exe = self.bundle / EXE_NAME
        empty_bin = work / "bin"
        empty_bin.mkdir()
        self.home = work / "home"
        self.home.mkdir()
        self.env = {
            "PATH": str(empty_bin),
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "TMPDIR": str(work / "tmp"),
        }
        (work / "tmp").mkdir()
        self.lines: list[str] = []
        self.before = _listing(self.bundle)
        self.say(f"copied the bundle to a temporary folder in {time.perf_counter() - started:.1f} s")
        for tool in ("python", "python3", "pip", "clientvault"):
            if shutil.which(tool, path=self.env["PATH"]) is not None:
                raise SmokeFailed(f"{tool} is on the test PATH")
        self.say(f"environment: only {', '.join(sorted(self.env))}; PATH holds an empty folder (no Python)")

    def say(self, line: str) -> None:
        print(line, flush=True)
        self.lines.append(line)

    def run(self, *args: str, env: dict[str, str] | None = None, expect: int = 0) -> tuple[str, float]:
        full = dict(self.env, **(env or {}))
        started = time.perf_counter()
        done = subprocess.run(  # noqa: S603 - our own executable, fixed arguments
            [str(self.exe), *args],
            env=full,
            cwd=self.work,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=TIMEOUT,
        )
        elapsed = time.perf_counter() - started
        if done.returncode != expect:
            raise SmokeFailed(
                f"`ClientVault {' '.join(args)}` exited {done.returncode} (expected {expect}): "
                f"{done.stderr.strip()[-600:]}"
            )
        return done.stdout, elapsed

    # -- the steps -------------------------------------------------------------------------------

    def verbs(self) -> None:
        out, _ = self.run("--help")
        for verb in ("demo", "form", "verify", "backup", "restore", "selfcheck"):
            if f"    {verb}" not in out:
                raise SmokeFailed(f"--help does not list {verb}")
        self.say("--help: lists the verbs of `clientvault` (demo, form, verify, backup, restore, selfcheck, …)")

    def selfcheck(self) -> None:
        out, elapsed = self.run("selfcheck")
        self.say(f"selfcheck ({elapsed:.2f} s):")
        rows = [line.split("\t") for line in out.splitlines()]
        for row in rows:
            self.say("    " + "  ".join(row))
        names = [row[0] for row in rows]
        if names != ["barcodes", "pdf", "sqlcipher", "keyring", "translations"]:
            raise SmokeFailed(f"selfcheck printed {names}")
        if any(row[1] != "ok" for row in rows):
            raise SmokeFailed("a selfcheck line failed")

    def demo(self) -> None:
        out, elapsed = self.run("demo", "--vault", "vault", "--clients", "50")
        logins = [line.split("\t") for line in out.splitlines()]
        if [row[0] for row in logins] != ["partner", "accountant", "assistant", "privacy_officer"]:
            raise SmokeFailed(f"demo printed {out!r}")
        self.say(f"demo: demo firm with 50 clients and 4 logins created in {elapsed:.2f} s")

    def form(self) -> None:
        pdf = self.work / "consent.pdf"
        out, elapsed = self.run(
            "form",
            "--vault",
            "vault",
            "--user",
            "partner",
            "--out",
            str(pdf),
            env={"CLIENTVAULT_PASSWORD": DEMO_PASSWORD},
        )
        data = pdf.read_bytes()
        if not data.startswith(b"%PDF-") or b"DroidSansFallback" not in data or b"/FontFile2" not in data:
            raise SmokeFailed("the consent form is not a PDF with the embedded CJK font")
        number = out.split("\t", 1)[0]
        self.say(
            f"form: blank consent form {number} printed to PDF, {len(data):,} bytes, CJK font embedded, {elapsed:.2f} s"
        )

    def excel(self) -> None:
        """Write the client list as .xlsx and read it back (a dry-run import): openpyxl in the bundle."""
        book = self.work / "clients.xlsx"
        password = {"CLIENTVAULT_PASSWORD": DEMO_PASSWORD}
        out, elapsed = self.run(
            "export",
            "--vault",
            "vault",
            "--user",
            "partner",
            "--out",
            str(book),
            "--purpose",
            "smoke test",
            env=password,
        )
        if not book.read_bytes().startswith(b"PK") or "rows=50" not in out:
            raise SmokeFailed(f"export did not write a workbook of 50 rows: {out!r}")
        # The export masks ID and account numbers, so an import of it refuses those rows (exit 1);
        # what counts here is that the frozen app reads the workbook and reports every row.
        full = dict(self.env, **password)
        done = subprocess.run(  # noqa: S603 - our own executable, fixed arguments
            [str(self.exe), "import", "--vault", "vault", "--user", "partner", str(book), "--dry-run"],
            env=full, cwd=self.work, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=TIMEOUT,
        )  # fmt: skip
        summary = done.stdout.splitlines()[-1] if done.stdout else ""
        if done.returncode not in (0, 1) or not summary.startswith("rows\t50\t"):
            raise SmokeFailed(f"import --dry-run did not read the workbook back: {done.stderr.strip()[-300:]}")
        self.say(f"excel: 50 clients exported to .xlsx ({elapsed:.2f} s) and read back by import --dry-run")

    def verify(self) -> None:
        out, elapsed = self.run(
            "verify", "--vault", "vault", "--user", "partner", env={"CLIENTVAULT_PASSWORD": DEMO_PASSWORD}
        )
        rows = [line.split("\t") for line in out.splitlines()]
        status = {row[0]: row[1] for row in rows}
        if status.get("audit chain") != "ok" or status.get("pages") != "ok":
            raise SmokeFailed(f"verify printed {out!r}")
        events = next(row[2] for row in rows if row[0] == "audit chain")
        self.say(f"verify: audit chain ok ({events}), pages ok, {elapsed:.2f} s")

    def window(self, seconds: float, screenshot: Path | None) -> None:
        env = {"CLIENTVAULT_TESTING": "1", "CLIENTVAULT_SMOKE_SECONDS": str(seconds)}
        if screenshot is not None:
            env["CLIENTVAULT_SMOKE_SCREENSHOT"] = str(self.work / "login.png")
        out, elapsed = self.run("--vault", "vault", "--lang", "zh_CN", env=env)
        lines = out.splitlines()
        if not lines or not lines[0].startswith("shown "):
            raise SmokeFailed(f"no window was shown: {out!r}")
        self.say(
            f"desktop app: {lines[0].removeprefix('shown ')} shown in Chinese, "
            f"up {seconds:g} s, exit 0 ({elapsed:.1f} s)"
        )
        if screenshot is not None:
            if "screenshot saved" not in lines:
                raise SmokeFailed("the screenshot was not saved")
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.work / "login.png", screenshot)
            self.say(f"screenshot of the frozen app's login window: {screenshot.relative_to(ROOT)}")

    def window_xcb(self, seconds: float) -> None:
        """The same on a real X server (Xvfb) with Qt's xcb platform plugin, as on a Linux desktop."""
        xvfb = shutil.which("Xvfb")
        if xvfb is None:
            raise SmokeFailed("--xvfb needs Xvfb (Debian: apt-get install xvfb)")
        display = next((n for n in range(90, 100) if not Path(f"/tmp/.X{n}-lock").exists()), None)  # noqa: S108
        if display is None:
            raise SmokeFailed("no free X display number in :90-:99")
        server = subprocess.Popen(  # noqa: S603
            [xvfb, f":{display}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            socket = Path(f"/tmp/.X11-unix/X{display}")  # noqa: S108
            deadline = time.monotonic() + 10
            while not socket.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            env = {
                "CLIENTVAULT_TESTING": "1",
                "CLIENTVAULT_SMOKE_SECONDS": str(seconds),
                "QT_QPA_PLATFORM": "xcb",
                "DISPLAY": f":{display}",
            }
            out, elapsed = self.run("--vault", "vault", "--lang", "zh_CN", env=env)
        finally:
            server.terminate()
            server.wait(timeout=10)
        first = out.splitlines()[0] if out else ""
        if not first.startswith("shown "):
            raise SmokeFailed(f"no window was shown on the X server: {out!r}")
        self.say(
            f"desktop app on Xvfb (xcb platform plugin): {first.removeprefix('shown ')} shown, "
            f"up {seconds:g} s, exit 0 ({elapsed:.1f} s)"
        )

    def startup(self, runs: int) -> None:
        env = {"CLIENTVAULT_TESTING": "1", "CLIENTVAULT_SMOKE_SECONDS": "0"}
        frozen_cmd = [str(self.exe), "--vault", "vault", "--lang", "zh_CN"]
        source_cmd = [sys.executable, "-m", "clientvault", "--vault", "vault", "--lang", "zh_CN"]
        # The source checkout runs in the developer's environment (its venv on PATH), with its own
        # HOME-based folders in the temporary folder too, so both read the same vault.
        source_env = {**os.environ, **self.env, **env, "PATH": os.environ.get("PATH", "")}
        frozen, source = [], []
        for i in range(runs + 1):  # the first pair warms the OS file cache and is dropped
            f = _time_to_shown(frozen_cmd, dict(self.env, **env), self.work)
            s = _time_to_shown(source_cmd, source_env, self.work)
            if i:
                frozen.append(f)
                source.append(s)
        fm, sm = statistics.median(frozen), statistics.median(source)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        self.say(f"start-up to the login window (median of {runs}, offscreen, warm file cache; load {load}):")
        self.say(f"    frozen bundle      {fm:.2f} s  (min {min(frozen):.2f}, max {max(frozen):.2f})")
        self.say(f"    source checkout    {sm:.2f} s  (min {min(source):.2f}, max {max(source):.2f})")

    def sizes(self) -> None:
        after = _listing(self.bundle)
        if after != self.before:
            changed = sorted(set(after.items()) ^ set(self.before.items()))[:5]
            raise SmokeFailed(f"files inside the bundle changed: {changed}")
        self.say("nothing was written inside the bundle folder")
        shipped_dev = sorted({name.split("/")[1] for name in self.before if name.split("/")[1:2] and _is_dev(name)})
        if shipped_dev:
            raise SmokeFailed(f"development tools or test files in the bundle: {shipped_dev}")
        self.say("no test, fixture or development tool inside the bundle (pytest, hypothesis, mypy, ruff, tests/)")
        total = sum(self.before.values())
        self.say(f"bundle size: {total / 2**20:.0f} MiB in {len(self.before)} files")
        # Disjoint parts: a file counts for the first prefix it starts with.
        parts = (
            ("Qt libraries (incl. 31 MiB ICU data)", "_internal/PySide6/Qt/lib/"),
            ("Qt plugins", "_internal/PySide6/Qt/plugins/"),
            ("Qt translations (zh_CN only)", "_internal/PySide6/Qt/translations/"),
            ("PySide6 bindings", "_internal/PySide6/"),
            ("sqlcipher3 (SQLCipher, static)", "_internal/sqlcipher3/"),
            ("cryptography", "_internal/cryptography/"),
            ("Pillow (reportlab imports it)", "_internal/PIL"),
            ("resources (fonts, app translations)", "_internal/resources/"),
            ("libpython + standard library", "_internal/libpython"),
        )
        sizes = dict.fromkeys([label for label, _ in parts] + ["everything else (system .so files, packages)"], 0)
        for name, size in self.before.items():
            label = next((lbl for lbl, prefix in parts if name.startswith(prefix)), None)
            if label is None and (name.startswith("_internal/python3") or name == "_internal/base_library.zip"):
                label = "libpython + standard library"
            sizes[label or "everything else (system .so files, packages)"] += size
        for label, size in sizes.items():
            self.say(f"    {size / 2**20:6.1f} MiB  {label}")


_DEV_PARTS = ("pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "importlinter", "tests", "setuptools")


def _is_dev(name: str) -> bool:
    return any(part in _DEV_PARTS or part.startswith(("pytest-", "hypothesis-")) for part in name.split("/")[1:2])


def _listing(folder: Path) -> dict[str, int]:
    """Relative path → size of every regular file under ``folder`` (symlinks are not followed)."""
    out = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            out[str(path.relative_to(folder))] = path.stat().st_size
    return out


def _time_to_shown(cmd: Sequence[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # noqa: S603
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    _, err = proc.communicate(timeout=TIMEOUT)
    if not line.startswith("shown ") or proc.returncode != 0:
        raise SmokeFailed(f"{Path(cmd[0]).name}: no window shown (exit {proc.returncode}): {err.strip()[-600:]}")
    return elapsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--build", action="store_true", help="run `make package` first and time it")
    parser.add_argument("--seconds", type=float, default=3.0, help="how long the window stays up (default 3)")
    parser.add_argument("--runs", type=int, default=3, help="start-up timings of each kind (default 3)")
    parser.add_argument("--screenshot", type=Path, help="save the frozen app's login window (zh_CN) here")
    parser.add_argument("--report", type=Path, help="also write the report lines to this file")
    parser.add_argument("--xvfb", action="store_true", help="also show the window on Xvfb with the xcb plugin")
    args = parser.parse_args(argv)
    if sys.platform == "win32":
        print("smoke.py has not been written for Windows (the executable is ClientVault.exe there)", file=sys.stderr)
        return 2
    lines: list[str] = []
    try:
        if args.build:
            started = time.perf_counter()
            subprocess.run(["make", "package"], cwd=ROOT, check=True)  # noqa: S607 - the project's own Makefile
            lines.append(f"build: `make package` took {time.perf_counter() - started:.0f} s")
            print(lines[-1], flush=True)
        if not (DIST / EXE_NAME).is_file():
            raise SmokeFailed(f"no bundle at {DIST.relative_to(ROOT)}: run `make package` first")
        with tempfile.TemporaryDirectory(prefix="cv-smoke-") as tmp:
            smoke = Smoke(DIST, Path(tmp))
            smoke.lines[:0] = lines
            smoke.verbs()
            smoke.selfcheck()
            smoke.demo()
            smoke.form()
            smoke.excel()
            smoke.verify()
            smoke.window(args.seconds, args.screenshot.resolve() if args.screenshot else None)
            if args.xvfb:
                smoke.window_xcb(args.seconds)
            smoke.startup(args.runs)
            smoke.sizes()
            lines = smoke.lines
    except (SmokeFailed, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    print("smoke test passed")
    if args.report:
        args.report.write_text("\n".join(lines) + "\nsmoke test passed\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
