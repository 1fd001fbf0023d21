"""The PyInstaller spec against the code, without building: what the app imports must not be excluded.

The bundle itself is built and run by ``make smoke`` (packaging/smoke.py); these checks are cheap
and catch the commonest way a frozen app breaks where the source checkout works.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "clientvault.spec"
APP = ROOT / "desktop" / "clientvault"


def _spec_list(name: str) -> list[str]:
    """The string items of a top-level list assignment in the spec (literal or a comprehension over a tuple)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return [c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)]
    raise AssertionError(f"{name} not found in the spec")


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for path in APP.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
    return found


def test_no_qt_module_the_app_imports_is_excluded_from_the_bundle() -> None:
    excluded = {f"PySide6.{name}" for name in _spec_list("QT_EXCLUDES") if name.startswith("Qt")}
    assert "PySide6.QtWebEngineCore" in excluded  # the list was read
    used = {m for m in _imported_modules() if m.startswith("PySide6.")}
    assert "PySide6.QtDBus" in used  # ui/lock.py: screen saver and sleep lock the vault on Linux
    assert used & excluded == set()


def test_no_excluded_package_is_imported_by_the_app() -> None:
    excluded = set(_spec_list("DEV_EXCLUDES")) | set(_spec_list("PIL_EXCLUDES"))
    used = _imported_modules()
    clashes = {m for m in used for e in excluded if m == e or m.startswith(e + ".")}
    assert clashes == set()


def test_the_smoke_test_expects_every_selfcheck_line() -> None:
    from clientvault.services.selfcheck import CHECKS

    smoke = (ROOT / "packaging" / "smoke.py").read_text(encoding="utf-8")
    expected = re.search(r"if names != (\[[^\]]*\])", smoke)
    assert expected is not None
    assert ast.literal_eval(expected.group(1)) == [*CHECKS, "translations"]
