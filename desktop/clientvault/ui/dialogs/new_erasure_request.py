"""The erasure page's "New request…": the client (by number, named as it is typed), the source and
the legal basis of a new erasure request.

The legal basis is picked from a fixed list (codes with their source in law): nothing typed here
can end up in the ledger or in the plaintext backup catalogue.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from clientvault.services.erasure import DEFAULT_BASIS, LEGAL_BASES, SOURCES


class NewRequestDialog(QDialog):
    """Client number (its name shown beside it), source and legal basis of a new erasure request."""

    def __init__(
        self,
        labels: dict[str, str],
        bases: dict[str, str],
        parent: QWidget | None = None,
        *,
        name_of: Callable[[int], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New erasure request"))
        self._name_of = name_of
        self.client = QSpinBox(self)
        self.client.setObjectName("client")
        self.client.setRange(1, 2_000_000_000)
        self.client_name = QLabel(self)
        self.client_name.setObjectName("client_name")
        self.source = QComboBox(self)
        self.source.setObjectName("source")
        for code in SOURCES:
            self.source.addItem(labels[code], code)
        self.basis = QComboBox(self)
        self.basis.setObjectName("basis")
        for code in LEGAL_BASES:
            self.basis.addItem(bases.get(code, code), code)
            self.basis.setItemData(self.basis.count() - 1, LEGAL_BASES[code].source, Qt.ItemDataRole.ToolTipRole)
        self.source.currentIndexChanged.connect(self._source_changed)
        self._source_changed()
        self.client.valueChanged.connect(self._client_changed)
        self._client_changed()
        form = QFormLayout(self)
        form.addRow(self.tr("Client no."), self.client)
        form.addRow("", self.client_name)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Legal basis"), self.basis)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _source_changed(self) -> None:
        code = DEFAULT_BASIS.get(self.source.currentData())
        if code is not None:
            self.basis.setCurrentIndex(self.basis.findData(code))

    def _client_changed(self) -> None:
        """Name the client whose number is typed, so that the request is made for the one meant."""
        self.client_name.setText(self._name_of(self.client.value()) if self._name_of is not None else "")
