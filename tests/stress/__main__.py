"""``python -m tests.stress [--long]``: run the fault campaigns and print what happened.

The short form (default) is what ``make test`` runs through tests/stress/test_stress.py; the
long form (``make stress``) is the one docs/RELIABILITY.md reports: ≥ 200 SIGKILLs, four
DELETE-journal processes for 60 s, 1 000 byte flips. ``--json FILE`` writes the counts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SHORT = {"kills": 8, "seconds": 8.0, "flips": 40}
LONG = {"kills": 200, "seconds": 60.0, "flips": 1000}


def versions() -> dict[str, str]:
    import sqlcipher3

    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:  # pragma: no cover
        pyside = "not installed"
    conn = sqlcipher3.connect(":memory:")
    try:
        cipher = str(conn.execute("PRAGMA cipher_version").fetchone()[0])
        sqlite = str(conn.execute("SELECT sqlite_version()").fetchone()[0])
    finally:
        conn.close()
    return {
        "python": platform.python_version(),
        "sqlcipher": cipher,
        "sqlite": sqlite,
        "pyside6": pyside,
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
    }


def run(sizes: dict[str, Any], work: Path, only: set[str], seed: int) -> dict[str, Any]:
    from tests.stress.concurrent import run_concurrent
    from tests.stress.flips import run_flips
    from tests.stress.kills import KillCampaign

    results: dict[str, Any] = {"versions": versions(), "sizes": sizes}
    if "kills" in only:
        t0 = time.perf_counter()
        campaign = KillCampaign(work / "kills", seed=seed)
        (work / "kills").mkdir(parents=True)
        campaign.setup()
        campaign.calibrate()
        report = campaign.run(sizes["kills"])
        results["kills"] = {
            "seconds": round(time.perf_counter() - t0, 1),
            "runs": dict(report.runs),
            "killed": dict(report.killed),
            "finished": dict(report.finished),
            "took_effect": dict(report.took_effect),
            "problems": {op: dict(c) for op, c in report.problems.items() if c},
            "durations": {op: round(d, 2) for op, d in campaign.durations.items()},
        }
        print(json.dumps(results["kills"], ensure_ascii=False, indent=1), flush=True)
    if "concurrent" in only:
        (work / "concurrent").mkdir(parents=True)
        c = run_concurrent(work / "concurrent", seconds=sizes["seconds"])
        results["concurrent"] = {
            "workers": c.workers,
            "seconds": c.seconds,
            "ops": dict(c.ops),
            "expected_errors": dict(c.expected_errors),
            "unexpected_errors": dict(c.unexpected_errors),
            "problems": dict(c.problems),
        }
        print(json.dumps(results["concurrent"], ensure_ascii=False, indent=1), flush=True)
    if "flips" in only:
        (work / "flips").mkdir(parents=True)
        t0 = time.perf_counter()
        f = run_flips(work / "flips", sizes["flips"], seed=seed)
        results["flips"] = {
            "flips": f.flips,
            "db_bytes": f.db_size,
            "outcomes": dict(f.outcomes),
            "messages": dict(f.messages.most_common(8)),
            "seconds": round(time.perf_counter() - t0, 1),
        }
        print(json.dumps(results["flips"], ensure_ascii=False, indent=1), flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.stress")
    parser.add_argument("--long", action="store_true", help="the long form (docs/RELIABILITY.md)")
    parser.add_argument("--only", default="kills,concurrent,flips", help="comma-separated campaigns")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON")
    args = parser.parse_args(argv)
    sizes = LONG if args.long else SHORT
    with tempfile.TemporaryDirectory(prefix="cv-stress-") as tmp:
        results = run(dict(sizes), Path(tmp), set(args.only.split(",")), args.seed)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    failures = 0
    for name in ("kills", "concurrent"):
        if name in results:
            failures += sum(sum(v.values()) if isinstance(v, dict) else v for v in results[name]["problems"].values())
    if "concurrent" in results:
        failures += sum(results["concurrent"]["unexpected_errors"].values())
    if "flips" in results:
        failures += results["flips"]["outcomes"].get("undetected", 0) + results["flips"]["outcomes"].get(
            "internal error", 0
        )
    print(f"failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
