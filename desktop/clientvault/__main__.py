"""``python -m clientvault`` and the frozen bundle's entry point: the same program as ``clientvault``.

A verb (``demo``, ``verify``, ``backup``…) runs the command line; no verb starts the desktop app.
This file runs as ``__main__`` inside the PyInstaller bundle, so it uses absolute imports only.
"""

from __future__ import annotations

import os
import sys


def _ensure_streams() -> None:
    """Give a windowed Windows program (no console: stdout/stderr are None) streams to write to.

    The verbs' output is lost there (ClientVault-cli.exe is the console twin that shows it), but a
    verb still runs and returns its exit code instead of failing on ``None.write``.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process


if __name__ == "__main__":
    _ensure_streams()
    from clientvault.cli import main

    sys.exit(main())
