"""Without a display the application says so in one line, not with Qt's misleading xcb-cursor hint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.main import missing_display

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays: Linux")


def test_the_platform_qt_would_load_needs_a_display_that_is_not_there() -> None:
    assert missing_display({})
    assert missing_display({"QT_QPA_PLATFORM": "xcb"})
    assert missing_display({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"})
    assert not missing_display({"DISPLAY": ":0"})
    assert not missing_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert not missing_display({"QT_QPA_PLATFORM": "offscreen"})
    assert not missing_display({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"})


def test_starting_without_a_display_says_how_to_get_one(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["ASCOLTO_LANG"] = "en"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "no display: set DISPLAY, or QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "xcb-cursor" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data").exists()  # nothing was created
