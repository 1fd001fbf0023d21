"""Where the application's shipped resources live (fonts, translations, form texts)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the folder holding the shipped resources.

    Order: the ``CLIENTVAULT_RESOURCES`` environment variable, a PyInstaller bundle, then the
    source checkout (``resources/`` beside ``desktop/``).
    """
    env = os.environ.get("CLIENTVAULT_RESOURCES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def font_path() -> Path:
    """Return the shipped CJK TrueType font used by the UI and every PDF."""
    return resources_dir() / "fonts" / "DroidSansFallbackFull.ttf"
