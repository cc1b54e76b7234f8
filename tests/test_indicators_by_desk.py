"""The indicators of several desks in one pass are, desk by desk, exactly those computed for each desk alone.

A profile laid out by desk (finanziatore) computes every desk at once; a desk's release must not depend on
how it was computed. The demo data keep every record at the case's desk, so some contacts and services are
moved to another desk: the desk rules (contacts and the women contacted by the contact's desk, services
by the delivering desk, the rest by the case's desk) then disagree, and an idle desk has no data at all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import case, select, update

from app import demo
from app.crypto.keyslots import KdfParams
from app.models.accounts import HelpDesk
from app.models.cases import Contact, ServiceDelivery
from app.reports.indicators import TABLE_IDS, compute_indicators, compute_indicators_by_desk
from app.reports.periods import Period, parse_period
from app.services import accounts, releases, reports
from app.services.workspace import Workspace

FAST = KdfParams(19456, 2, 1)
PASSWORD = "lanterna torrente civetta brina"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder = tmp_path_factory.mktemp("by_desk") / "data"
    workspace, _ = Workspace.initialise(
        folder, centre_name="Aiuto Donna", centre_code="BG", desk_name="Bergamo", username="anna",
        full_name="Anna", password=PASSWORD, kdf=FAST,
    )  # fmt: skip
    demo.generate(workspace, cases=500, seed=7, years=2, today=date(2026, 3, 31))
    with workspace.transaction() as session:
        desks = sorted(session.scalars(select(HelpDesk.id)))
        elsewhere = {d: desks[(i + 1) % len(desks)] for i, d in enumerate(desks)}
        for model in (Contact, ServiceDelivery):
            session.execute(
                update(model)
                .where(model.id % 3 == 0)
                .values(help_desk_id=case(elsewhere, value=model.help_desk_id))
            )
    accounts.add_help_desk(workspace, "Sportello senza dati")
    yield workspace
    workspace.close()


def _desks(ws: Workspace) -> list[int]:
    return sorted(d.id for d in accounts.list_help_desks(ws))


@pytest.mark.parametrize("period", [Period.year(2025), parse_period("2025-Q3")], ids=["year", "quarter"])
def test_each_desk_gets_exactly_its_own_tables(ws: Workspace, period: Period) -> None:
    desks = _desks(ws)
    assert len(desks) >= 3
    with ws.parallel_reads(2) as sessions:
        together = compute_indicators_by_desk(sessions, period, desks)
        alone = {d: compute_indicators(sessions, period, [d]) for d in desks}
    assert sorted(together) == desks
    for desk in desks:
        assert [t.id for t in together[desk]] == list(TABLE_IDS)
        for mine, reference in zip(together[desk], alone[desk], strict=True):
            assert dataclasses.asdict(mine) == dataclasses.asdict(reference), (desk, mine.id)
    # the comparison is not vacuous: the desks differ, and the idle one has all-zero tables
    flows = {d: next(t for t in alone[d] if t.id == "flow").total for d in desks}
    assert len(set(flows.values())) > 2 and min(flows.values()) == 0


def test_a_subset_of_desks_and_one_session(ws: Workspace) -> None:
    period = Period.year(2025)
    desks = _desks(ws)[1:3]
    with ws.transaction(write=False) as session:
        together = compute_indicators_by_desk(session, period, desks)
        alone = {d: compute_indicators(session, period, [d]) for d in desks}
    assert sorted(together) == desks
    for desk in desks:
        assert [dataclasses.asdict(t) for t in together[desk]] == [dataclasses.asdict(t) for t in alone[desk]]


def test_prepare_by_desk_is_prepare_for_each_desk_and_serves_each_release(
    ws: Workspace, tmp_path: Path
) -> None:
    period = Period.year(2024)
    desks = _desks(ws)
    first = reports.prepare(ws, period, [desks[0]])
    releases.export(ws, first, tmp_path / "first.json")
    with ws.transaction() as session:  # the data change after the release: the release is served as it left
        session.execute(
            update(ServiceDelivery)
            .where(
                ServiceDelivery.help_desk_id == desks[0],
                ServiceDelivery.date.between(date(2024, 1, 1), date(2024, 12, 31)),
            )
            .values(help_desk_id=desks[1])
        )
    together = reports.prepare_by_desk(ws, period, list(reversed(desks)))
    alone = [reports.prepare(ws, period, [d]) for d in desks]
    assert [data.desk_ids for data in together] == [[d] for d in desks]
    assert [dataclasses.asdict(data) for data in together] == [dataclasses.asdict(data) for data in alone]
    served = together[0]
    assert served.release is not None and served.release.changed_since
    assert [dataclasses.asdict(t) for t in served.tables] == [dataclasses.asdict(t) for t in first.tables]
    assert together[1].release is None
