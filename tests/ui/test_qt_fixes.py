"""PySide6 6.12.0 loses a reference to True on every Signal.emit() and to None on every Qt call
that returns nothing; importing the UI guards the process against the abort that follows
(ui/qt_fixes.py)."""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = """
from PySide6.QtCore import QObject, Signal
class R(QObject):
    s = Signal(int, int)
r = R()
r.s.connect(lambda a, b: None)
for i in range(100000):
    r.s.emit(i, 100000)
    r.setObjectName("x")
print("ok", flush=True)
"""


def _run(prefix: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", prefix + CALLS], capture_output=True, text=True, timeout=120, env=env)


def test_a_long_session_of_qt_calls_does_not_abort_the_process() -> None:
    done = _run("import clientvault.ui\n")
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-1000:]


def test_without_the_guard_the_binding_would_abort_when_it_has_the_bugs() -> None:
    from clientvault.ui.qt_fixes import lost_constants

    if not lost_constants():  # a fixed binding: the guard does nothing, nothing to show
        return
    done = _run("")
    assert done.returncode != 0 and "_dealloc: deallocating" in done.stderr
