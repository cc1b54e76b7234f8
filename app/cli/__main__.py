"""`python -m app.cli`: the same `ascolto` as the installed script (tests and dev.py run it so)."""

from __future__ import annotations

import sys

from app.cli import main

sys.exit(main())
