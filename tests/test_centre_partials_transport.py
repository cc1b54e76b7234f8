"""The partial aggregates travel as bundles: a desk PC's `send` carries them, the main office's `receive`
keeps them, and its release of the period names the installations it adds up (and waits for the missing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models.reports import PartialAggregate
from app.reports.periods import parse_period
from app.services import centre, partials, releases, reports
from app.services.errors import UserError
from app.services.workspace import Workspace
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


def test_administration_sees_each_pc_and_which_partials_are_in(network: Centre) -> None:
    from app.services import centre_status

    _send_and_receive(network)
    listed = centre_status.installations(network.main)
    assert listed[0].is_self and listed[0].role == "main"  # this PC first
    rows = {r.name: r for r in listed}
    sent = rows["Sportello Treviglio"]
    assert sent.state == "active" and sent.fingerprint and sent.last_in >= 1 and sent.last_in_at is not None
    assert rows["Sportello Dalmine"].last_in == 0 and rows["Sportello Dalmine"].last_in_at is None
    statuses = centre_status.partials_status(network.main)
    assert statuses and statuses[0].period.end >= statuses[-1].period.end  # newest first
    newest = [s for s in statuses if s.period == statuses[0].period]
    assert {(s.name, s.state) for s in newest} == {
        ("Sportello Dalmine", centre_status.MISSING),
        ("Sportello Treviglio", centre_status.SENT),
    }
    missing = next(s for s in newest if s.state == centre_status.MISSING)
    partials.release_without(network.main, missing.period, missing.source)
    again = centre_status.partials_status(network.main)
    assert next(s for s in again if s.period == missing.period and s.source == missing.source).state == (
        centre_status.WAIVED
    )
    assert centre_status.partials_status(network.desk) == []  # a desk PC waits for nobody
    with pytest.raises(UserError):
        centre_status.installations(_as_operatrice(network))


def _as_operatrice(network: Centre) -> Workspace:
    """The desk PC's workspace with an operatrice signed in (administrators only see the centre)."""
    from app.services import accounts
    from tests.foundation_fixtures import FAST_KDF, OTHER_PW

    desk_id = accounts.list_help_desks(network.desk)[0].id
    accounts.add_operator(network.desk, "bice", "Bice", "operatrice", desk_id, OTHER_PW, FAST_KDF)
    network.desk.lock()
    network.desk.unlock("bice", OTHER_PW)
    return network.desk


def test_bundles_travel_by_the_outbox_and_arrive_by_the_inbox(network: Centre, tmp_path: Path) -> None:
    """A desk PC's bundles leave by its outbox (a shared folder here) and the main office's inbox picks
    them up and receives them in order: nobody carries a file by hand."""
    from app.services import inbox, outbox
    from app.services.routes import FolderRoute, set_route

    share = tmp_path / "share"
    share.mkdir()
    set_route(network.desk, "centre", FolderRoute(str(share)))
    set_route(network.main, "inbox", FolderRoute(str(share)))
    add_women(network.desk, 10)
    centre.make_due(network.desk)
    queued = outbox.queue_bundles(network.desk)
    assert queued > 0 and outbox.send(network.desk).delivered == queued
    assert len(list(share.glob("*.age"))) == queued
    arrived = inbox.fetch_inbox(network.main)
    assert len(arrived) == queued and {e.state for e in arrived} == {"accepted"}, arrived
    with network.main.transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(PartialAggregate)) > 0
    assert inbox.fetch_inbox(network.main) == []  # the same files again: recognised, not received twice
