"""Help → About: the program's name and version, and the self-check of what it loads at run time."""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clientvault import __version__
from clientvault.services.selfcheck import Check, run_selfcheck
from clientvault.ui.i18n import check_translations, fmt

#: What ships inside the program besides its own code: (name, distribution for the version or "", licence).
SHIPPED: tuple[tuple[str, str, str], ...] = (
    ("Qt / PySide6", "PySide6", "LGPL-3.0"),
    ("SQLCipher (sqlcipher3)", "sqlcipher3", "zlib (sqlcipher3), BSD-3-Clause (SQLCipher)"),
    ("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    ("argon2-cffi", "argon2-cffi", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("ReportLab", "reportlab", "BSD-3-Clause"),
    ("openpyxl", "openpyxl", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("python-stdnum", "python-stdnum", "LGPL-2.1-or-later"),
    ("Droid Sans Fallback (font)", "", "Apache-2.0 (resources/fonts/LICENSE-DroidSansFallback.txt)"),
    ("DejaVu Sans, DejaVu Sans Mono (fonts)", "", "Bitstream Vera licence (resources/fonts/LICENSE-DejaVu.txt)"),
)


def shipped_components() -> list[tuple[str, str, str]]:
    """(component, installed version or "", licence) of each shipped library and font."""
    out = []
    for name, dist, licence in SHIPPED:
        version = ""
        if dist:
            try:
                version = metadata.version(dist)
            except metadata.PackageNotFoundError:
                version = "?"
        out.append((name, version, licence))
    return out


def full_selfcheck() -> list[Check]:
    """The Qt-free checks and the Qt translations check (the same lines as ``clientvault selfcheck``)."""
    return run_selfcheck(extra=[("translations", check_translations)])


class AboutDialog(QDialog):
    """Name, version, a one-line description and one row per self-check line."""

    def __init__(self, parent: QWidget | None = None, *, checks: Callable[[], list[Check]] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About ClientVault"))
        self.setMinimumWidth(640)
        name = self.tr("ClientVault")
        title = QLabel(f"<b>{name}</b> {__version__}", self)
        title.setObjectName("about_title")
        blurb = QLabel(self.tr("Offline, encrypted client records for bookkeeping firms."), self)
        blurb.setWordWrap(True)
        heading = QLabel(self.tr("Self-check of the parts loaded at run time:"), self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("selfcheck_table")
        self.table.setHorizontalHeaderLabels([self.tr("Check"), self.tr("Result"), self.tr("Details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setObjectName("selfcheck_summary")
        self.summary.setWordWrap(True)
        licences_heading = QLabel(self.tr("Shipped libraries and fonts, and their licences:"), self)
        components = shipped_components()
        self.licences = QTableWidget(len(components), 3, self)
        self.licences.setObjectName("licence_table")
        self.licences.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.licences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.licences.verticalHeader().setVisible(False)
        self.licences.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, texts in enumerate(components):
            for col, text in enumerate(texts):
                self.licences.setItem(row, col, QTableWidgetItem(text))
        self.licences.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (title, blurb, heading, self.table, self.summary, licences_heading, self.licences, buttons):
            layout.addWidget(widget)
        self.checks = (checks or full_selfcheck)()
        self._fill()

    def _label(self, name: str) -> str:
        labels = {
            "barcodes": self.tr("Barcodes (QR code)"),
            "pdf": self.tr("PDF with the Chinese font"),
            "sqlcipher": self.tr("Encrypted database and search"),
            "keyring": self.tr("System keyring"),
            "translations": self.tr("Chinese translations"),
        }
        return labels.get(name, name)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.checks))
        for row, check in enumerate(self.checks):
            result = self.tr("OK") if check.ok else self.tr("FAILED")
            # Details stay in English: technical names and versions for the firm's IT.
            for col, text in enumerate((self._label(check.name), result, check.detail)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.setCurrentCell(-1, -1)
        failed = sum(not c.ok for c in self.checks)
        if failed:
            text = self.tr("%1 of %2 checks failed: reinstall ClientVault or tell your IT support.")
            self.summary.setText(fmt(text, failed, len(self.checks)))
        else:
            self.summary.setText(self.tr("All checks passed."))
