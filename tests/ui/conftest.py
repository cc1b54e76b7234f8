"""UI fixtures on top of tests/conftest.py."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def controller(controller: Any, qtbot: Any) -> Any:
    """The shared fixture's controller once its data folder is open: `start()` shows the unlock screen
    and opens the folder only after the first paint (cold start, app/ui/controller.py)."""
    qtbot.waitUntil(lambda: controller.is_ready, timeout=10_000)
    return controller
