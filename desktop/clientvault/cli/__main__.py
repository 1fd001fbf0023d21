"""``python -m clientvault.cli``: the command line."""

from __future__ import annotations

import sys

from clientvault.cli import main

sys.exit(main())
