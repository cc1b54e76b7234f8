"""The demo generator's rows go through INSERTs written from the models."""

from __future__ import annotations

import pytest

from app import demo


def test_the_demo_inserts_follow_the_schema() -> None:
    """The generator's INSERTs are written from the models: a column it names must exist, and a required
    column it does not fill is refused (before, hand-written INSERTs repeated the schema)."""
    from app.models.cases import Intake, ServiceDelivery

    with pytest.raises(ValueError, match="has no column"):
        demo.insert_sql(Intake, ("case_id", "date", "no_such_column"))
    with pytest.raises(ValueError, match="required columns"):
        demo.insert_sql(ServiceDelivery, ("case_id", "date"))
    assert "woman_key" in demo.SQL["service_delivery"] and "record_key" in demo.SQL["contact"]
