"""The desktop UI (PySide6). Importing it first protects the process from a bug of the binding
(``qt_fixes``: PySide6 6.12.0's ``Signal.emit`` loses a reference to ``True`` on every call)."""

from clientvault.ui.qt_fixes import guard_signal_refcount

guard_signal_refcount()
