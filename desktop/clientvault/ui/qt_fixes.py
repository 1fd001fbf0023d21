"""Workarounds for bugs of the Qt binding the app ships with.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference to it, so
every ``emit`` from Python code drops one reference to ``True``. After some thousands of emits
(a progress bar reports a few hundred steps; the client list emits ``sig_counted`` on every
search keystroke) the count reaches zero and the interpreter aborts with "bool_dealloc:
deallocating True or False" — at exit, or in the middle of the user's work.

:func:`guard_signal_refcount` checks once whether the binding has the bug and, only then, gives
``True`` and ``False`` a reference count that no session can use up (Python 3.12 makes these
constants immortal for the same reason). A fixed binding is left alone.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

#: Added to the reference counts of True and False when the bug is present (2**40 emits).
_GUARD = 1 << 40
_checked = False


class _Probe(QObject):
    sig = Signal()


def emit_drops_a_reference() -> bool:
    """Whether ``Signal.emit()`` from Python loses a reference to ``True`` (the PySide6 6.12.0 bug)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.sig.emit()
    lost = before - sys.getrefcount(True)
    probe.deleteLater()
    return lost >= 8


def guard_signal_refcount() -> bool:
    """Protect ``True``/``False`` from the binding's lost references (once per process); whether it was needed."""
    global _checked
    if _checked:
        return False
    _checked = True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not emit_drops_a_reference():
        return False
    for constant in (True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(constant)).value += _GUARD
    return True
