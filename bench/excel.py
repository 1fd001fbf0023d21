"""Excel import and export at 10 000 and 50 000 rows against raw openpyxl in the same run (issue 11).

Groups, per size N:

    xlsx-read-N: raw ``openpyxl`` ``read_only`` iteration over the same file (**baseline**; every
        cell's value), the import's dry run (``ImportService.plan``: guards, header search, merged
        ranges, every cell checked) and the real import (plan + one-transaction commit into a new
        encrypted vault). Target: ≤ 2× the baseline.
    xlsx-write-N: raw ``openpyxl`` ``write_only`` writing the same cells (**baseline**) and the
        export of the N clients (``ExcelExportService.render``: role shaping, neutralisation,
        ID columns as text, properties). Target: ≤ 1.5× the baseline.
    xlsx-mem: peak RSS of a process that imports the 50 000-row file (dry run and commit). Target
        ≤ 300 MB.
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import RESULTS_DIR, Result

SIZES = (10_000, 50_000)
READ_RATIO, WRITE_RATIO, PEAK_MB = 2.0, 1.5, 300.0
REPEAT = {10_000: 5, 50_000: 3}  # the 50 000-row runs take a minute each on a busy 2-core machine


def _vaults() -> object:
    from tests.fixtures.memkeyring import MemoryKeyring

    from clientvault.security.keyfile import FAST_KDF
    from clientvault.security.workstation import WorkstationKeyring
    from clientvault.services.vault import VaultService

    return VaultService(
        kdf=FAST_KDF, keyring=WorkstationKeyring(backend=MemoryKeyring()), cipher_log=RESULTS_DIR / "sqlcipher.log"
    )


def _new_vault(vaults: object, folder: Path) -> object:
    shutil.rmtree(folder, ignore_errors=True)
    return vaults.create(  # type: ignore[attr-defined]
        folder, firm_name="基准测试公司", partner_username="bench", partner_display_name="Bench",
        partner_password="bench-password-1",
    ).vault  # fmt: skip


def _raw_read(path: Path) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    n = 0
    for row in wb.active.iter_rows(values_only=True):
        n += len(row)
    wb.close()
    return n


def _raw_write(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


@contextmanager
def _timed(wall: list[float], cpu: list[float]) -> Iterator[None]:
    """Append the block's wall-clock and CPU (``process_time``) seconds."""
    start, start_cpu = time.perf_counter(), time.process_time()
    yield
    wall.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)


def _load() -> float:
    """The 1-minute load average (the machine is shared: it says how much the figures are disturbed)."""
    return os.getloadavg()[0]


def _cpu(
    samples: list[float], base: list[float], load: list[float], wall: list[float], wall_base: list[float]
) -> dict[str, float]:
    """CPU-time median and its ratio to the baseline's, the medians of the paired ratios (each run
    against the baseline run just before it: less disturbed by a load that changes over minutes),
    and the load seen during the runs."""
    return {
        "cpu_median_s": round(_median(samples), 3),
        "cpu_ratio": round(_median(samples) / _median(base), 2),
        "paired_cpu_ratio": round(_median([a / b for a, b in zip(samples, base, strict=True)]), 2),
        "paired_wall_ratio": round(_median([a / b for a, b in zip(wall, wall_base, strict=True)]), 2),
        "load_min": round(min(load), 2),
        "load_max": round(max(load), 2),
    }


def run() -> list[Result]:
    """Measure import (dry run, real) and export at each size, and the 50 000-row import's peak RSS."""
    from tests.fixtures.workbooks import good_workbook

    from clientvault.services.imports import ImportService
    from clientvault.services.spreadsheet_export import ExcelExportService, ExportScope

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    vaults = _vaults()
    results: list[Result] = []
    # Warm-up (imports, compiled patterns, validators' tables), as bench.common.measure does.
    warm = _new_vault(vaults, RESULTS_DIR / "excel-vault-warm")
    warm_file = good_workbook(RESULTS_DIR / "import-warm.xlsx", 500)
    _raw_read(warm_file)
    ImportService(warm).commit(ImportService(warm).plan(warm_file))  # type: ignore[arg-type]
    ExcelExportService(warm).render(ExportScope(), "bench", unmasked=True)  # type: ignore[arg-type]
    warm.lock()  # type: ignore[attr-defined]
    for n in SIZES:
        path = good_workbook(RESULTS_DIR / f"import-{n}.xlsx", n)
        raw, dry, real = [], [], []
        cpu: dict[str, list[float]] = {"raw": [], "dry": [], "real": [], "raw_w": [], "exp": []}
        load = [_load()]
        for i in range(REPEAT[n]):
            with _timed(raw, cpu["raw"]):
                _raw_read(path)
            vault = _new_vault(vaults, RESULTS_DIR / f"excel-vault-{n}")
            service = ImportService(vault)  # type: ignore[arg-type]
            with _timed(dry, cpu["dry"]):
                plan = service.plan(path)
            with _timed(real, cpu["real"]):
                plan = service.plan(path)
                service.commit(plan)
            load.append(_load())
            if i < REPEAT[n] - 1:
                vault.lock()  # type: ignore[attr-defined]
        base = _median(raw)
        group = f"xlsx-read-{n // 1000}k"
        note = f"{n} rows × 8 columns (names, credit codes, IDs, phones, banks, accounts, notes)"
        results.append(
            Result(group, "raw openpyxl read_only, every cell", tuple(raw), baseline=True, note=note,
                   extra=_cpu(cpu["raw"], cpu["raw"], load, raw, raw))
        )  # fmt: skip
        results.append(Result(group, "import dry run (plan)", tuple(dry), target=READ_RATIO * base,
                              extra=_cpu(cpu["dry"], cpu["raw"], load, dry, raw)))  # fmt: skip
        results.append(Result(group, "import (plan + one-transaction commit)", tuple(real),
                              target=READ_RATIO * base,
                              extra=_cpu(cpu["real"], cpu["raw"], load, real, raw)))  # fmt: skip

        # Export the N clients just imported, against raw write_only writing the same cells.
        export = ExcelExportService(vault)  # type: ignore[arg-type]
        data, _, _ = export.render(ExportScope(), "bench", unmasked=True)
        import openpyxl

        cells = [
            [("" if v is None else str(v)) for v in row]
            for row in openpyxl.load_workbook(io.BytesIO(data), read_only=True).active.iter_rows(values_only=True)
        ]
        raw_w, exp = [], []
        load = [_load()]
        for _ in range(REPEAT[n]):
            with _timed(raw_w, cpu["raw_w"]):
                _raw_write(cells)
            with _timed(exp, cpu["exp"]):
                export.render(ExportScope(), "bench", unmasked=True)
            load.append(_load())
        vault.lock()  # type: ignore[attr-defined]
        group = f"xlsx-write-{n // 1000}k"
        results.append(Result(group, "raw openpyxl write_only, same cells", tuple(raw_w), baseline=True,
                              extra=_cpu(cpu["raw_w"], cpu["raw_w"], load, raw_w, raw_w)))  # fmt: skip
        results.append(Result(group, "export (render: rows, masking, neutralising)", tuple(exp),
                              target=WRITE_RATIO * _median(raw_w),
                              extra=_cpu(cpu["exp"], cpu["raw_w"], load, exp, raw_w)))  # fmt: skip
    results.append(peak_rss(RESULTS_DIR / "import-50000.xlsx"))
    for r in results:  # CPU-time figures (less disturbed by the other processes) and the load
        if "cpu_ratio" in r.extra:
            print(f"{r.group:<14} {r.name:<46} cpu {r.extra['cpu_median_s']:.2f} s  × {r.extra['cpu_ratio']:.2f}"
                  f"  paired: cpu × {r.extra['paired_cpu_ratio']:.2f} wall × {r.extra['paired_wall_ratio']:.2f}"
                  f"  load {r.extra['load_min']:.1f}–{r.extra['load_max']:.1f}", file=sys.stderr)  # fmt: skip
    return results


PEAK = textwrap.dedent(
    """
    import resource, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    from bench.excel import _new_vault, _vaults
    from clientvault.services.imports import ImportService
    vault = _new_vault(_vaults(), Path(sys.argv[2]))
    service = ImportService(vault)
    start = time.perf_counter()
    plan = service.plan(Path(sys.argv[1]))
    service.commit(plan)
    elapsed = time.perf_counter() - start
    print(len(plan.rows), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, elapsed)
    """
)


def peak_rss(path: Path) -> Result:
    """Peak RSS (MB, in ``extra``) of a fresh process importing ``path``."""
    root = str(Path(__file__).resolve().parent.parent)
    done = subprocess.run(
        [sys.executable, "-c", PEAK, str(path), str(RESULTS_DIR / "excel-vault-rss"), root],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError("import subprocess failed:\n" + done.stderr[-2000:])
    rows, rss, elapsed = done.stdout.split()
    return Result(
        "xlsx-mem",
        f"import {rows} rows in a fresh process; peak RSS {float(rss):.0f} MB (target ≤ {PEAK_MB:.0f} MB)",
        (float(elapsed),),
        note="peak resident memory (ru_maxrss) of the whole process, Python and openpyxl included",
        extra={"peak_rss_mb": float(rss), "rows": float(rows)},
    )
