"""Password entry with a confirmation field and a strength hint."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

MIN_LENGTH = 10


def strength(password: str) -> int:
    """A rough 0–4 score: length and variety of character classes (a hint, not a policy)."""
    if len(password) < MIN_LENGTH:
        return 0
    classes = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    score = 1 + (len(password) >= 14) + (len(password) >= 20) + (classes >= 3)
    return min(score, 4)


class NewPasswordWidget(QWidget):
    """Two password fields that must match, with a live strength hint."""

    sig_changed = Signal()
    """The password or its confirmation changed."""

    def __init__(self, parent: QWidget | None = None, *, label: str | None = None) -> None:
        super().__init__(parent)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("new_password")
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setObjectName("confirm_password")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(label or self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.confirm)
        form.addRow("", self.hint)
        self.password.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()

    def text(self) -> str:
        """The password typed."""
        return self.password.text()

    def is_acceptable(self) -> bool:
        """Long enough and confirmed."""
        return len(self.password.text()) >= MIN_LENGTH and self.password.text() == self.confirm.text()

    def clear(self) -> None:
        """Empty both fields."""
        self.password.clear()
        self.confirm.clear()

    def _update(self) -> None:
        pw, again = self.password.text(), self.confirm.text()
        if not pw:
            text = self.tr("At least 10 characters. A short sentence is easy to remember and hard to guess.")
            color = ""
        elif len(pw) < MIN_LENGTH:
            text = self.tr("Too short: at least 10 characters.")
            color = "#b00020"
        elif again and again != pw:
            text = self.tr("The two passwords differ.")
            color = "#b00020"
        else:
            labels = [
                self.tr("Too short"),
                self.tr("Acceptable: a longer password would be stronger."),
                self.tr("Fair: add length or mix letters, digits and symbols."),
                self.tr("Good."),
                self.tr("Strong."),
            ]
            text = labels[strength(pw)]
            color = "#8a6d00" if strength(pw) <= 2 else "#1b7f3b"
            if not again:
                text += " " + self.tr("Now repeat it below.")
        self.hint.setText(text)
        self.hint.setStyleSheet(f"color: {color};" if color else "")
        self.sig_changed.emit()
