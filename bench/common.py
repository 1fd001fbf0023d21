"""Shared benchmark helpers: timing, medians, a table of medians and ratios, JSON results.

A benchmark module in ``bench/`` exposes ``run() -> list[Result]``; ``python -m bench`` finds it.
Every figure is the median of several runs, and each group carries a baseline measured in the
same run on the same machine, so a ratio stays meaningful when the machine changes.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Result:
    """One measured quantity.

    Attributes:
        group: Rows compared with each other (e.g. "unlock").
        name: What was measured.
        samples: Every measurement, in seconds.
        baseline: Whether this row is its group's baseline (ratios are relative to it).
        target: The figure this row must stay under, in seconds (None: no target).
        note: One line of context.
    """

    group: str
    name: str
    samples: tuple[float, ...]
    baseline: bool = False
    target: float | None = None
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def median(self) -> float:
        """The median of the samples, in seconds."""
        return statistics.median(self.samples)


def measure(fn: Callable[[], object], *, repeat: int = 7, warmup: int = 1) -> tuple[float, ...]:
    """Call ``fn`` ``warmup + repeat`` times; return the last ``repeat`` durations in seconds."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return tuple(out)


def fmt_seconds(seconds: float) -> str:
    """Format a duration in ms (or s above 10 s)."""
    return f"{seconds:.2f} s" if seconds >= 10 else f"{seconds * 1000:.1f} ms"


def machine() -> dict[str, str]:
    """Describe the machine the figures come from."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": str(os.cpu_count()),
    }


def print_table(results: Iterable[Result], out: TextIO = sys.stdout) -> None:
    """Print medians, the ratio to the group's baseline and the target verdict."""
    rows = list(results)
    base = {r.group: r.median for r in rows if r.baseline}
    header = f"{'group':<10} {'measurement':<58} {'median':>10} {'n':>3} {'× base':>8} {'target':>10}"
    out.write(header + "\n" + "-" * len(header) + "\n")
    for r in rows:
        ratio = (
            f"{r.median / base[r.group]:.2f}" if r.group in base and not r.baseline else ("base" if r.baseline else "")
        )
        verdict = ""
        if r.target is not None:
            verdict = ("ok ≤ " if r.median <= r.target else "OVER ") + fmt_seconds(r.target)
        out.write(
            f"{r.group:<10} {r.name:<58} {fmt_seconds(r.median):>10} {len(r.samples):>3} {ratio:>8} {verdict:>10}\n"
        )
        if r.note:
            out.write(f"{'':<10}   {r.note}\n")


def write_json(results: Iterable[Result], folder: Path = RESULTS_DIR) -> Path:
    """Write the results (with medians and the machine) to ``bench/results/<timestamp>.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"bench-{stamp}.json"
    doc = {
        "machine": machine(),
        "at": stamp,
        "results": [{**asdict(r), "median": r.median} for r in results],
    }
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    return path
