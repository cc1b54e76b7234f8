"""Figures the reliability tests measure (kills, commits checked, losses, ENOSPC scenarios, examples).

The conftest prints them at the end of the run and, if ASCOLTO_RELIABILITY_REPORT names a file, writes
them there as JSON (docs/reliability.md quotes a run).
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

FULL_ENV = "ASCOLTO_RELIABILITY_FULL"
REPORT_ENV = "ASCOLTO_RELIABILITY_REPORT"

FIGURES: Counter[str] = Counter()
NOTES: dict[str, Any] = {}


def full_run() -> bool:
    """`pytest --reliability-full` (sets the variable in pytest_configure) or ASCOLTO_RELIABILITY_FULL=1."""
    return os.environ.get(FULL_ENV, "") not in ("", "0")


def scaled(ci: int, full: int) -> int:
    return full if full_run() else ci


def add(name: str, amount: int = 1) -> None:
    FIGURES[name] += amount
