"""``python -m bench [NAME ...]``: run every ``bench/*.py`` module that has ``run()`` (or the named ones)."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.common import Result, machine, print_table, write_json

_NOT_BENCHMARKS = {"common"}


def discover() -> list[str]:
    """Return the names of the benchmark modules in this package."""
    folder = Path(__file__).resolve().parent
    return sorted(
        m.name
        for m in pkgutil.iter_modules([str(folder)])
        if not m.name.startswith("_") and m.name not in _NOT_BENCHMARKS
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print the table, write the JSON; return 1 when a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"modules to run (default: all of {', '.join(discover())})")
    args = parser.parse_args(argv)
    names = args.names or discover()
    results: list[Result] = []
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        run = getattr(module, "run", None)
        if run is None:
            continue
        print(f"running bench.{name} …", file=sys.stderr, flush=True)
        results += run()
    print(" ".join(f"{k}={v}" for k, v in machine().items()))
    print_table(results)
    print(f"results: {write_json(results)}")
    missed = [r for r in results if r.target is not None and r.median > r.target]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
