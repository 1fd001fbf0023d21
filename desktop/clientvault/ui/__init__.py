"""The desktop UI (PySide6). Importing it first protects the process from bugs of the binding
(``qt_fixes``: PySide6 6.12.0 loses a reference to ``True`` on every ``Signal.emit`` and to
``None`` on every Qt call that returns nothing)."""

from clientvault.ui.qt_fixes import guard_constants

guard_constants()
