"""Reliability suite: a fast subset runs in CI; `--reliability-full` (or ASCOLTO_RELIABILITY_FULL=1)
runs the full counts (1,000 kills, hundreds of examples per hostile-input test).

The option is registered here, so it is recognised when pytest is pointed at this folder
(`pytest tests/reliability --reliability-full`); from the repository root use the variable.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.reliability import figures


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--reliability-full",
        action="store_true",
        default=False,
        help="run the full reliability suite (1,000 kills, many more hypothesis examples)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--reliability-full", default=False):
        os.environ[figures.FULL_ENV] = "1"  # read by the test modules when they are imported


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not figures.FIGURES:
        return
    terminalreporter.section("reliability figures")
    mode = "full" if figures.full_run() else "CI subset"
    terminalreporter.write_line(f"mode: {mode}")
    for name, value in sorted(figures.FIGURES.items()):
        terminalreporter.write_line(f"{name}: {value}")
    for name, value in sorted(figures.NOTES.items()):
        terminalreporter.write_line(f"{name}: {value}")
    target = os.environ.get(figures.REPORT_ENV)
    if target:
        Path(target).write_text(
            json.dumps({"mode": mode, **figures.FIGURES, **figures.NOTES}, indent=1, sort_keys=True)
        )
