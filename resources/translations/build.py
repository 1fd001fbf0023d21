"""Update and compile the Qt translations.

    python resources/translations/build.py            # lupdate (refresh .ts) + lrelease (.ts -> .qm)
    python resources/translations/build.py --release  # lrelease only (what `make` runs before starting)

English source strings live in ``self.tr()`` / ``QCoreApplication.translate()`` calls under
``desktop/clientvault/ui`` and ``app.py``; translators edit the ``.ts`` files (Qt Linguist).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("zh_CN",)


def sources() -> list[Path]:
    """Every Python file lupdate scans."""
    pkg = ROOT / "desktop" / "clientvault"
    return [*sorted((pkg / "ui").rglob("*.py")), pkg / "app.py"]


def tool(name: str) -> str:
    """Find a PySide6 tool next to the running interpreter, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6")
    return found


def lupdate(ts: Path) -> None:
    """Refresh ``ts`` from the sources (drops obsolete entries, keeps translations)."""
    files = [str(p.relative_to(ROOT)) for p in sources()]
    subprocess.run(  # noqa: S603
        [tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete", *files, "-ts", str(ts)],
        check=True,
        cwd=ROOT,
    )


def lrelease(ts: Path) -> None:
    """Compile ``ts`` into the ``.qm`` beside it."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)  # noqa: S603


def main(argv: list[str] | None = None) -> int:
    """Run lupdate and/or lrelease for every language."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--release", action="store_true", help="only compile .ts into .qm")
    args = parser.parse_args(argv)
    for lang in LANGUAGES:
        ts = HERE / f"clientvault_{lang}.ts"
        if not args.release:
            lupdate(ts)
        lrelease(ts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
