"""Composition root: paths, logging, fonts, translations, services — then the desktop shell.

Nothing here is a module-level singleton: ``main`` builds every object and passes it on.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    from clientvault.services.selfcheck import Check

APP_NAME = "ClientVault"
log = logging.getLogger("clientvault")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the GUI's command line."""
    parser = argparse.ArgumentParser(prog="clientvault", description="ClientVault desktop application")
    parser.add_argument("--vault", type=Path, default=None, help="vault folder (default: the user data folder)")
    parser.add_argument("--demo", action="store_true", help="create a demo vault in the folder if it has none")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="user interface language")
    return parser.parse_args(list(argv))


def setup_logging(log_dir: Path) -> Path:
    """Log to a rotating file (events and codes only, never personal data)."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / "clientvault.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def render_recovery_sheet_adapter(
    *, firm_name: str, vault_id: str, recovery_code: str, created_at: datetime, lang: str
) -> bytes:
    """Bridge to the recovery-sheet service (it dates the sheet today; ``created_at`` is the same day)."""
    from clientvault.services.recovery import recovery_sheet_pdf

    del created_at
    return recovery_sheet_pdf(firm_name, vault_id, recovery_code, lang)


def firm_name_adapter(vault: object) -> str:
    """Return the firm's name of an unlocked vault."""
    from clientvault.services.context import Vault

    assert isinstance(vault, Vault)
    return vault.firm_name


def register_font(app: object) -> str | None:
    """Register the shipped CJK font and put it behind the default UI font as a fallback."""
    from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

    from clientvault.core.paths import font_path

    assert isinstance(app, QGuiApplication)
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id < 0:
        log.warning("the shipped CJK font could not be registered")
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(app.font())
    # The system UI font first (for Latin text), the shipped font for every glyph it lacks.
    families = [f for f in font.families() if f != family] + [family]
    font.setFamilies(families)
    app.setFont(font)
    return family


def selfcheck() -> list[Check]:
    """The full self-check: the Qt-free checks (services/selfcheck.py) and the Qt translations.

    The same lines as Help → About shows (no QApplication is needed).
    """
    from clientvault.ui.dialogs.about import full_selfcheck

    return full_selfcheck()


def main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop application."""
    os.umask(0o077)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    log_dir = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    setup_logging(log_dir)

    from clientvault.storage.db import disable_core_dumps

    disable_core_dumps()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from clientvault.core.paths import resources_dir
    from clientvault.security.workstation import WorkstationKeyring
    from clientvault.services.demo_logins import demo_logins
    from clientvault.services.vault import VaultService
    from clientvault.ui.context import UiContext
    from clientvault.ui.errors import report_crash
    from clientvault.ui.i18n import Translators, choose_language
    from clientvault.ui.shell import Shell

    app = QApplication([sys.argv[0] if sys.argv else "clientvault"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    register_font(app)

    config_dir = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    config_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    settings = QSettings(str(config_dir / "settings.ini"), QSettings.Format.IniFormat)
    language = choose_language(settings, args.lang)
    translators = Translators()
    translators.install(
        app, language, resources_dir() / "translations", Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    )

    folder: Path = args.vault or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "vault"
    vaults = VaultService(
        keyring=WorkstationKeyring(),
        cipher_log=log_dir / "sqlcipher.log",
        state_dir=Path(platformdirs.user_state_path(APP_NAME, appauthor=False)),
    )
    if args.demo and not vaults.vault_exists(folder):
        from clientvault.services.demo import create_demo_vault

        create_demo_vault(vaults, folder)

    def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        report_crash(app.activeWindow(), exc_type, exc, tb)

    sys.excepthook = excepthook
    ctx = UiContext(
        vaults=vaults,
        folder=folder,
        settings=settings,
        render_recovery_sheet=render_recovery_sheet_adapter,
        firm_name=firm_name_adapter,  # type: ignore[arg-type]
        demo_logins=demo_logins(folder),
        language=language,
    )
    shell = Shell(ctx, app)
    shell.start()
    from clientvault.ui import smoke

    hooks = smoke.install(app, os.environ)  # test-only (CLIENTVAULT_TESTING=1): see ui/smoke.py
    code = app.exec()
    del hooks
    if shell.window is not None:
        shell.window.vault.lock()
    return int(code)
