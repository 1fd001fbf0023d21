"""Test-only hooks of the desktop app for the bundle's smoke test and start-up timing.

They act only when ``CLIENTVAULT_TESTING=1`` (the project's switch for test-only behaviour) and
one of the variables below is set; a normal start never reads further:

``CLIENTVAULT_SMOKE_SECONDS=N``
    Once a top-level window is visible, print ``shown <window names>`` on stdout (the start-up
    timing reads this line) and which of the heavy modules (``HEAVY``) were imported before it,
    keep the app up ``N`` seconds, then quit with exit code 0.
``CLIENTVAULT_SMOKE_SCREENSHOT=FILE.png``
    Just before quitting, save the visible top-level window (offscreen: the login window) as PNG.
    Used for docs/screenshots/bundle_login_zh.png from inside the frozen app. Only the login
    window is up at that point: no vault data is on it.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_TESTING = "CLIENTVAULT_TESTING"
ENV_SECONDS = "CLIENTVAULT_SMOKE_SECONDS"
ENV_SCREENSHOT = "CLIENTVAULT_SMOKE_SCREENSHOT"
_POLL_MS = 10
#: What the login window must not wait for (issue 12): the PDF and Excel libraries and the main
#: window, imported by the preloader once the login window is on screen.
HEAVY = ("reportlab", "openpyxl", "clientvault.ui.main_window", "clientvault.services.consent")


def _visible(app: QApplication) -> list[QWidget]:
    return [w for w in app.topLevelWidgets() if w.isVisible() and w.isWindow()]


class SmokeHooks:
    """Watches for the first visible window, reports it, and quits after the configured time."""

    def __init__(self, app: QApplication, seconds: float, screenshot: Path | None) -> None:
        self._app = app
        self._seconds = seconds
        self._screenshot = screenshot
        self.shown: list[str] = []
        self._poll = QTimer(app)
        self._poll.setInterval(_POLL_MS)
        self._poll.timeout.connect(self._check)
        self._poll.start()

    def _check(self) -> None:
        windows = _visible(self._app)
        if not windows:
            return
        self._poll.stop()
        self.shown = [w.objectName() or type(w).__name__ for w in windows]
        print("shown", *self.shown, flush=True)
        heavy = [m for m in HEAVY if m in sys.modules]
        print("imported before shown:", ", ".join(heavy) or "none of the heavy modules", flush=True)
        QTimer.singleShot(int(self._seconds * 1000), self._finish)

    def _finish(self) -> None:
        windows = _visible(self._app)
        if self._screenshot is not None and windows:
            windows[0].repaint()
            saved = windows[0].grab().save(str(self._screenshot))
            print("screenshot", "saved" if saved else "failed", flush=True)
        # Leave the event loop only: app.main locks an open vault after exec() returns, as on a
        # normal quit; closing the windows here would first run their reject/close handlers.
        self._app.exit(0)


def install(app: QApplication, env: Mapping[str, str]) -> SmokeHooks | None:
    """Install the hooks when the environment asks for them (test runs only); else return None."""
    if env.get(ENV_TESTING) != "1":
        return None
    seconds_text = env.get(ENV_SECONDS)
    screenshot_text = env.get(ENV_SCREENSHOT)
    if not seconds_text and not screenshot_text:
        return None
    try:
        seconds = float(seconds_text) if seconds_text else 0.5
    except ValueError:
        print(f"{ENV_SECONDS} must be a number of seconds", file=sys.stderr, flush=True)
        return None
    return SmokeHooks(app, max(seconds, 0.0), Path(screenshot_text) if screenshot_text else None)
