"""Render Help → About (zh_CN) with the real self-check into docs/screenshots/about_selfcheck.png (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_about_screenshot.py

The self-check touches no vault: its test database is a throw-away file in a temporary folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from shots import shot

from clientvault.app import register_font
from clientvault.core.paths import resources_dir
from clientvault.ui.dialogs.about import AboutDialog
from clientvault.ui.i18n import Translators


def main() -> None:
    app = QApplication([])
    register_font(app)
    translators = Translators()
    with tempfile.TemporaryDirectory() as folder:
        translators.install(app, "zh_CN", resources_dir() / "translations", Path(folder) / "qm")
        dialog = AboutDialog()
        dialog.resize(1100, 360)
        dialog.show()
        shot(dialog, "about_selfcheck")


if __name__ == "__main__":
    main()
