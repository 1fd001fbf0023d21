"""Language choice, Qt translators and locale-aware formatting.

The app follows the system locale unless the ``ui/language`` setting overrides it; a Chinese
system gets zh_CN. English is the source language, so "en" installs no app translator.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QSettings, Qt, QTranslator

from clientvault.services.selfcheck import Check

log = logging.getLogger(__name__)

SUPPORTED = ("zh_CN", "en")
LANGUAGE_KEY = "ui/language"


def fmt(text: str, *args: object) -> str:
    """Fill Qt-style ``%1``…``%9`` placeholders of an already translated string."""
    for i in range(len(args), 0, -1):  # highest first, so %1 never eats the start of %10
        text = text.replace(f"%{i}", str(args[i - 1]))
    return text


def choose_language(settings: QSettings | None, override: str | None = None, system: QLocale | None = None) -> str:
    """Return the UI language: command-line override, then the setting, then the system locale."""
    for candidate in (override, settings.value(LANGUAGE_KEY) if settings is not None else None):
        if isinstance(candidate, str) and candidate in SUPPORTED:
            return candidate
    loc = system or QLocale.system()
    return "zh_CN" if loc.language() == QLocale.Language.Chinese else "en"


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile ``ts`` into ``qm`` with pyside6-lrelease (a run-time fallback for source checkouts)."""
    tool = shutil.which("pyside6-lrelease") or _venv_tool("pyside6-lrelease")
    if tool is None:
        return False
    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)  # noqa: S603
    except (OSError, subprocess.SubprocessError):
        log.warning("could not compile the translation file")
        return False
    return qm.exists()


def _venv_tool(name: str) -> str | None:
    import sys

    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else None


def load_qt_catalog(language: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    """Load Qt's own messages for ``language`` (standard buttons, print and file dialogs).

    ``qt_<lang>.qm`` is the catalog Qt recommends: it loads its parts (``qtbase_<lang>``,
    ``qtmultimedia_<lang>``) and fails if one is missing; ``qtbase_<lang>`` alone is the fallback.
    """
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in (f"qt_{language}", f"qtbase_{language}"):
        translator = QTranslator(parent)
        if translator.load(name, folder):
            return translator
    return None


class Translators:
    """Owns the installed QTranslators (the app's and Qt's own) so they live as long as the app."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, app: QCoreApplication, language: str, translations_dir: Path, cache_dir: Path) -> None:
        """Install the translators for ``language`` (removing any installed before).

        ``cache_dir`` receives a compiled ``.qm`` when only the ``.ts`` source is present.
        """
        for t in self._installed:
            app.removeTranslator(t)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(QLocale(language))
        if language == "en":
            return
        qt = load_qt_catalog(language, app)
        if qt is not None:
            app.installTranslator(qt)
            self._installed.append(qt)
        own = QTranslator(app)
        if own.load(str(self._qm_for(language, translations_dir, cache_dir))):
            app.installTranslator(own)
            self._installed.append(own)
        else:
            log.warning("no translation found for %s", language)

    @staticmethod
    def _qm_for(language: str, translations_dir: Path, cache_dir: Path) -> Path:
        ts = translations_dir / f"clientvault_{language}.ts"
        qm = translations_dir / f"clientvault_{language}.qm"
        if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
            return qm
        # A source checkout without `make`: compile into the cache folder, never beside the sources.
        if ts.exists():
            out = cache_dir / qm.name
            if out.exists() and out.stat().st_mtime >= ts.stat().st_mtime:
                return out
            cache_dir.mkdir(parents=True, exist_ok=True)
            if compile_ts(ts, out):
                return out
        return qm


def format_timestamp(iso: str) -> str:
    """Show a stored UTC ISO timestamp in local time as ``2026-12-04 09:30`` (one date format in the UI)."""
    dt = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not dt.isValid():
        dt = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not dt.isValid():
        return iso
    return dt.toLocalTime().toString("yyyy-MM-dd HH:mm")


def format_date(iso: str) -> str:
    """Show a stored ISO date (or timestamp) as ``2026-12-04`` (one date format in the UI, whatever the locale)."""
    dt = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not dt.isValid():
        dt = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not dt.isValid():
        return iso
    return dt.toLocalTime().date().toString("yyyy-MM-dd")


def format_number(n: int) -> str:
    """Group digits the current locale's way."""
    return QLocale().toString(n)


def check_translations(language: str = "zh_CN") -> Check:
    """Self-check line: load the app's and Qt's own catalogs for ``language`` and translate with both.

    Reads the shipped compiled catalogs only (no run-time compilation), as the frozen bundle must.
    """
    from clientvault.core.paths import resources_dir

    own = QTranslator()
    own_qm = resources_dir() / "translations" / f"clientvault_{language}.qm"
    own_ok = own.load(str(own_qm))
    # Probes kept in variables: lupdate would take literal arguments of translate() for new strings.
    own_probe, qt_probe = ("MainWindow", "ClientVault"), ("QPlatformTheme", "Cancel")
    title = own.translate(*own_probe) if own_ok else ""
    qt = load_qt_catalog(language)
    cancel = qt.translate(*qt_probe) if qt is not None else ""
    qt_file = Path(qt.filePath()).name if qt is not None else "missing"
    ok = bool(title) and title != "ClientVault" and bool(cancel) and cancel != "Cancel"
    detail = (
        f"{language}: {own_qm.name} {'loaded' if own_ok else 'MISSING'} (ClientVault → {title or '?'}); "
        f"Qt {qt_file} (Cancel → {cancel or '?'})"
    )
    return Check("translations", ok, detail)
