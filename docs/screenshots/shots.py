"""What every screenshot script needs: an in-memory keyring and a settle-then-grab helper."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

OUT = Path(__file__).resolve().parent


class MemKeyring:
    """A keyring backend that lives in memory (screenshots never touch the OS keychain)."""

    priority = 1

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, user: str) -> str | None:
        return self.store.get((service, user))

    def set_password(self, service: str, user: str, password: str) -> None:
        self.store[(service, user)] = password

    def delete_password(self, service: str, user: str) -> None:
        self.store.pop((service, user), None)


def settle(widget: QWidget, ms: int = 300) -> None:
    """Let layouts, timers and background checks finish, then repaint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    widget.repaint()


def shot(widget: QWidget, name: str, ms: int = 300) -> None:
    """Save ``widget`` as docs/screenshots/<name>.png once it has settled."""
    settle(widget, ms)
    widget.grab().save(str(OUT / f"{name}.png"))
    print("wrote", name)
