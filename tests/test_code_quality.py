"""ruff and mypy are part of the suite, so CI fails on a lint or type error like on a broken test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> list[str]:
    if shutil.which(name, path=str(Path(sys.executable).parent)):
        return [str(Path(sys.executable).parent / name)]
    pytest.fail(f"{name} is not installed in the test environment")


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [*_tool("ruff"), "check", "app", "tests", "tools", "dev.py"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    """One layout for all the code: a change reads as what it changes, not as reformatting."""
    result = subprocess.run(
        [*_tool("ruff"), "format", "--check", "app", "tests", "tools", "dev.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = subprocess.run([*_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_for_windows() -> None:
    """Most centres run Windows: type-check as if there, so a POSIX-only call needs a `sys.platform` guard."""
    result = subprocess.run(
        [*_tool("mypy"), "--platform", "win32", "--cache-dir", ".mypy_cache/win32"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_text_files_name_their_encoding() -> None:
    """Windows reads text in the ANSI code page unless told: every text open says its encoding."""
    result = subprocess.run(
        [*_tool("ruff"), "check", "--preview", "--select", "PLW1514", "app", "tools", "installer", "dev.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
