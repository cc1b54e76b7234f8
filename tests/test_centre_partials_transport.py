"""The partial aggregates travel as bundles: a desk PC's `send` carries them, the main office's `receive`
keeps them, and its release of the period names the installations it adds up (and waits for the missing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.models.reports import PartialAggregate
from app.reports.periods import parse_period
from app.services import centre, partials, releases, reports
from app.services.errors import UserError
from tests.foundation_fixtures import add_women
from tests.test_centre import Centre

pytest_plugins = ["tests.test_centre"]  # its fixtures: the three PCs of a centre


def _send_and_receive(network: Centre) -> list[Path]:
    files = centre.send(network.desk, network.folder)
    results = centre.receive(network.main, files)
    assert not [r for r in results if isinstance(r, UserError)], results
    return files


def test_a_desk_pcs_partials_reach_the_main_office_and_its_release_names_them(network: Centre) -> None:
    add_women(network.desk, 10)
    files = _send_and_receive(network)
    assert files  # the desk owed the main office its ended periods
    with network.main.transaction(write=False) as session:
        sources = set(session.scalars(select(PartialAggregate.source)))
        own = centre.require_own(session)
    assert len(sources) == 1 and own.role == "main"
    march = parse_period("2025-03")
    data = reports.prepare(network.main, march)
    assert data.consolidation is not None
    assert data.consolidation.included == ("Sportello Treviglio",)
    assert data.consolidation.missing == ("Sportello Dalmine",)  # the other desk PC has not sent
    with pytest.raises(UserError, match="Sportello Dalmine"):
        releases.check_release(network.main, data)
    assert centre.send(network.desk, network.folder) == []  # nothing changed since: nothing is due again


def test_a_removed_desk_pcs_partials_are_no_longer_added(network: Centre) -> None:
    add_women(network.desk, 10)
    _send_and_receive(network)
    centre.remove(network.main, "Sportello Treviglio")
    data = reports.prepare(network.main, parse_period("2025-03"))
    assert data.consolidation is not None
    assert "Sportello Treviglio" not in data.consolidation.included + data.consolidation.missing
    with network.main.transaction(write=False) as session:
        assert list(partials.expected_installations(session).values()) == ["Sportello Dalmine"]
