"""Keep windows that show client data out of screenshots, recordings and screen sharing (Windows)."""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

#: SetWindowDisplayAffinity flag (Windows 10 2004 and later): the window is blank in any capture.
WDA_EXCLUDEFROMCAPTURE = 0x11


def exclude_from_capture(win_id: int) -> bool:
    """Ask Windows not to include the window in captures; returns whether it took effect.

    Other platforms offer no such switch to applications; there it does nothing and returns False.
    """
    if sys.platform != "win32":
        return False
    try:
        user32 = ctypes.windll.user32  # type: ignore[attr-defined]
        ok = bool(user32.SetWindowDisplayAffinity(ctypes.c_void_p(win_id), WDA_EXCLUDEFROMCAPTURE))
    except (AttributeError, OSError):
        ok = False
    if not ok:
        log.info("this Windows version cannot exclude windows from screen capture")
    return ok
