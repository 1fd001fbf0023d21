"""Workarounds for bugs of the Qt binding the app ships with.

PySide6 6.12.0 loses references to Python's constants:

- ``SignalInstance.emit()`` returns ``True`` without taking a reference to it, so every ``emit``
  from Python code drops one reference to ``True``;
- every Qt method that returns nothing (``setText``, ``beginResetModel``, ``QTimer.singleShot``,
  ``repaint`` …) returns ``None`` without taking a reference, so every such call from Python
  drops one reference to ``None``.

After some thousands (``True``) or tens of thousands (``None``) of calls — a progress bar, a day of
search keystrokes, each resetting the client list — the count reaches zero and the interpreter
aborts ("bool_dealloc: deallocating True or False", "none_dealloc: deallocating None"), at exit
or in the middle of the user's work. The desk benchmark hit both.

:func:`guard_constants` checks once whether the binding has these bugs and, only for the
constants that are affected, adds a reference count no session can use up (Python 3.12 makes
these constants immortal for the same reason). A fixed binding is left alone.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

#: Added to the reference count of an affected constant (2**40 calls).
_GUARD = 1 << 40
_PROBES = 8
_checked = False


class _Probe(QObject):
    sig = Signal()


def _drops(constant: object, call: Callable[[], object]) -> bool:
    before = sys.getrefcount(constant)
    for _ in range(_PROBES):
        call()
    return before - sys.getrefcount(constant) >= _PROBES


def lost_constants() -> list[object]:
    """The constants the binding loses references to: ``True`` (``emit``), ``None`` (void calls)."""
    probe = _Probe()
    lost: list[object] = []
    if _drops(True, probe.sig.emit):
        lost.append(True)
    if _drops(None, lambda: probe.setObjectName("probe")):
        lost.append(None)
    probe.deleteLater()
    return lost


def guard_constants() -> list[object]:
    """Protect the constants the binding loses references to (once per process); returns them."""
    global _checked
    if _checked or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        _checked = True
        return []
    _checked = True
    lost = lost_constants()
    if True in lost:
        lost.append(False)  # emit() may return False too
    for constant in lost:
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(constant)).value += _GUARD
    return lost
