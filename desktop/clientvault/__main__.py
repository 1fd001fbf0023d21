"""``python -m clientvault``: the desktop application."""

from __future__ import annotations

import sys

from clientvault.app import main

if __name__ == "__main__":
    sys.exit(main())
