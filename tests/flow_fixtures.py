"""The flow as it was computed before its candidate ranges (migration 0025): over every case of the scope.

The reference the tests of the ranges compare with: the same statements, built with the one range that
holds every case, so any case a range misses changes a figure.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import true

from app.reports.indicators import flow


@pytest.fixture
def every_case(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The flow over every case of the scope (its cached statements rebuilt both ways)."""
    flow._statements.cache_clear()
    monkeypatch.setattr(flow, "_ranges", lambda _scope: [true()])
    yield
    monkeypatch.undo()
    flow._statements.cache_clear()
