"""What a bug may leave in a log file: the exception's type and its frames, nothing else.

An exception's message (``str(exc)``), its arguments and the frames' locals can hold client
data, so ``exc_info=True`` / ``log.exception`` are never used for unexpected errors: the desktop
crash dialog (``ui/errors.py``) and the command line (``cli.py``) both log through here.
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType


def crash_frames(tb: TracebackType | None) -> str:
    """Format the frames of ``tb`` (file, line, function, source line) without locals or message."""
    return "".join(traceback.format_list(traceback.extract_tb(tb)))


def log_crash(
    logger: logging.Logger, what: str, exc_type: type[BaseException], tb: TracebackType | None, *, reference: str = ""
) -> None:
    """Log an unexpected error as ``what``, its type name, an optional reference and its frames."""
    ref = f", reference {reference}" if reference else ""
    logger.error("%s: %s%s\n%s", what, exc_type.__name__, ref, crash_frames(tb))
