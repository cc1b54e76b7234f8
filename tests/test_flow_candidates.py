"""The flow reads only the cases that can be in a stage (app/reports/indicators/flow.py, `_candidates`):
those never closed, those closed since the period's start, and the few closed before it that the period
still counts. Hand-made cases at each edge must be counted exactly as by the test of every case.

The period is 2025-Q2 (2025-04-01..2025-06-30); desk 1 and desk 2:

* active, desk 1: opened 2025-04-10, interviewed then, taken in charge 2025-04-15: received, new, active.
* closing, desk 2: taken in charge 2025-02-10, closed 2025-05-05 CONCLUSO_OBJ: continuing, closed, active.
* charged, desk 1: taken in charge 2025-04-20 but says closed 2025-03-01, before the period: new only.
* reopened, desk 2: closed 2025-02-01, reopened, interviewed 2025-05-10, closed again as of 2025-02-15
  (the application allows it): received only, closed before the period.
* interviewed_later, desk 1: closed 2024-12-15, interviewed 2025-05-20 and 2025-09-01 (her latest
  interview is after the period): received only.
* moved, desk 1: closed 2025-01-20, her interview of 2025-02-01 later redated 2025-06-01: received only.
* future, desk 2: never closed, opened 2025-08-01, an interview dated 2025-06-15: received only.
* future_closed, desk 1: opened 2025-08-01, closed 2025-09-01, an interview dated 2025-05-05: received.
* idle, desk 1: closed 2025-03-01, interviewed 2025-03-01, taken in charge 2025-07-10: in no row.
* excluded, desk 1: as reopened, without consent to statistics: in no row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text, update

from app.models.cases import Case, Intake
from app.reports.indicators import flow
from app.reports.indicators.scope import Scope
from app.reports.periods import Period
from app.reports.tables import AggregateTable
from app.services import accounts
from app.services import cases as c
from app.services.workspace import Workspace
from tests.foundation_fixtures import initialise

pytest_plugins = ["tests.flow_fixtures"]

Q2 = Period.quarter(2025, 2)
CONSENTS = ("TRATTAMENTO", "STATISTICHE")


@dataclass
class World:
    ws: Workspace
    desk1: int
    desk2: int
    ids: dict[str, int]


def _open(ws: Workspace, name: str, opened: date, desk: int, consents: tuple[str, ...] = CONSENTS) -> int:
    ref = c.open_case(
        ws, c.IdentityInput(name, "Prova"), c.ProfileInput(birth_year=1990, country="IT"),
        c.ConsentInput(consents, opened), opened_on=opened, help_desk_id=desk,
    )  # fmt: skip
    return ref.id


def _interview(ws: Workspace, case_id: int, on: date) -> int:
    return c.add_intake(ws, case_id, c.IntakeInput(on, "N1522", "TELEFONO", ("PSICOLOGICA",), "01"))


def _closed_again(ws: Workspace, case_id: int, first: date, interviewed: list[date], second: date) -> None:
    """Closed on `first`, reopened, interviewed on those days, then closed again as of `second`."""
    c.close_case(ws, case_id, "INTERR_DONNA", first)
    c.reopen_case(ws, case_id)
    for day in interviewed:
        _interview(ws, case_id, day)
    c.close_case(ws, case_id, "INTERR_DONNA", second)


def _set(ws: Workspace, model: Any, row_id: int, **values: Any) -> None:
    """Data the application would refuse, written as a repair tool or an import could."""
    with ws.transaction() as session:
        session.execute(update(model).where(model.id == row_id).values(**values))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder: Path = tmp_path_factory.mktemp("flow_candidates") / "data"
    ws, _ = initialise(folder)
    desk1 = accounts.list_help_desks(ws)[0].id
    desk2 = accounts.add_help_desk(ws, "Dalmine").id
    ids: dict[str, int] = {}

    ids["active"] = _open(ws, "active", date(2025, 4, 10), desk1)
    _interview(ws, ids["active"], date(2025, 4, 10))
    c.agree_pathway(ws, ids["active"], date(2025, 4, 15))

    ids["closing"] = _open(ws, "closing", date(2025, 2, 1), desk2)
    c.agree_pathway(ws, ids["closing"], date(2025, 2, 10))
    c.close_case(ws, ids["closing"], "CONCLUSO_OBJ", date(2025, 5, 5))

    ids["charged"] = _open(ws, "charged", date(2025, 1, 10), desk1)
    c.agree_pathway(ws, ids["charged"], date(2025, 4, 20))
    c.close_case(ws, ids["charged"], "CONCLUSO_OBJ", date(2025, 4, 25))
    _set(ws, Case, ids["charged"], closed_on=date(2025, 3, 1))

    ids["reopened"] = _open(ws, "reopened", date(2025, 1, 10), desk2)
    _interview(ws, ids["reopened"], date(2025, 1, 10))
    _closed_again(ws, ids["reopened"], date(2025, 2, 1), [date(2025, 5, 10)], date(2025, 2, 15))

    ids["interviewed_later"] = _open(ws, "interviewed_later", date(2024, 6, 1), desk1)
    days = [date(2025, 5, 20), date(2025, 9, 1)]
    _closed_again(ws, ids["interviewed_later"], date(2024, 12, 1), days, date(2024, 12, 15))

    ids["moved"] = _open(ws, "moved", date(2025, 1, 5), desk1)
    c.close_case(ws, ids["moved"], "INTERR_DONNA", date(2025, 1, 20))
    c.reopen_case(ws, ids["moved"])
    interview = _interview(ws, ids["moved"], date(2025, 2, 1))
    c.close_case(ws, ids["moved"], "INTERR_DONNA", date(2025, 1, 20))
    _set(ws, Intake, interview, date=date(2025, 6, 1))

    ids["future"] = _open(ws, "future", date(2025, 8, 1), desk2)
    _set(ws, Intake, _interview(ws, ids["future"], date(2025, 8, 1)), date=date(2025, 6, 15))

    ids["future_closed"] = _open(ws, "future_closed", date(2025, 8, 1), desk1)
    _set(ws, Intake, _interview(ws, ids["future_closed"], date(2025, 8, 1)), date=date(2025, 5, 5))
    c.close_case(ws, ids["future_closed"], "INTERR_DONNA", date(2025, 9, 1))

    ids["idle"] = _open(ws, "idle", date(2025, 1, 5), desk1)
    _interview(ws, ids["idle"], date(2025, 3, 1))
    c.agree_pathway(ws, ids["idle"], date(2025, 3, 1))
    c.close_case(ws, ids["idle"], "INTERR_DONNA", date(2025, 3, 1))
    _set(ws, Case, ids["idle"], taken_in_charge_on=date(2025, 7, 10))

    ids["excluded"] = _open(ws, "excluded", date(2025, 1, 10), desk1, consents=("TRATTAMENTO",))
    _closed_again(ws, ids["excluded"], date(2025, 2, 1), [date(2025, 5, 10)], date(2025, 2, 15))
    try:
        yield World(ws, desk1, desk2, ids)
    finally:
        ws.close()


def _flow(world: World, scope: Scope) -> dict[Any, list[AggregateTable]]:
    with world.ws.transaction(write=False) as session:
        return flow.contacts_and_flow(session, scope, "it")


def _col(table: AggregateTable) -> dict[str, object]:
    return {**{r: table.cells[i][0] for i, r in enumerate(table.rows)}, "*": table.total}


def test_the_data_are_at_the_edges(world: World) -> None:
    """Each edge case really is where its description puts it (else the test below proves nothing)."""
    with world.ws.transaction(write=False) as session:
        rows = session.execute(
            text(
                "SELECT c.id, c.closed_on, c.taken_in_charge_on, p.closed_on, p.intake_on "
                "FROM case_file c JOIN case_profile p ON p.case_id = c.id"
            )
        ).all()
    found = {r[0]: tuple(str(v) if v is not None else None for v in r[1:]) for r in rows}
    ids = world.ids
    assert found[ids["charged"]][:2] == ("2025-03-01", "2025-04-20")
    assert found[ids["reopened"]] == ("2025-02-15", None, "2025-02-15", "2025-05-10")
    assert found[ids["interviewed_later"]] == ("2024-12-15", None, "2024-12-15", "2025-09-01")
    assert found[ids["moved"]] == ("2025-01-20", None, "2025-01-20", "2025-06-01")  # the trigger followed
    assert found[ids["future"]][0] is None


def test_the_edge_cases_are_counted(world: World) -> None:
    tables = {t.id: t for t in _flow(world, Scope(Q2, None))[None]}
    assert _col(tables["flow"]) == {
        "WOMEN_CONTACTED": 0,
        # active, reopened, interviewed_later, moved, future, future_closed
        "RECEIVED": 6,
        "IN_CHARGE_NEW": 2,  # active, charged
        "IN_CHARGE_CONTINUING": 1,  # closing
        "CLOSED": 1,  # closing
        "ACTIVE": 2,  # active, closing
        "*": 7,  # active or received
    }
    assert _col(tables["closures_outcome"])["CONCLUSO_OBJ"] == 1
    by_desk = _flow(world, Scope(Q2, [world.desk1, world.desk2], by_desk=True))
    desk1 = {t.id: t for t in by_desk[world.desk1]}
    desk2 = {t.id: t for t in by_desk[world.desk2]}
    assert _col(desk1["flow"])["RECEIVED"] == 4  # active, interviewed_later, moved, future_closed
    assert _col(desk1["flow"])["IN_CHARGE_NEW"] == 2
    assert _col(desk2["flow"])["RECEIVED"] == 2  # reopened, future


SCOPES = [
    Scope(Q2, None),
    Scope(Period.year(2025), None),
    Scope(Period.quarter(2025, 1), None),
    Scope(Period.quarter(2025, 3), None),
    Scope(Q2, [1]),
    Scope(Q2, [2]),
    Scope(Q2, [1, 2], by_desk=True),
    Scope(Period.year(2024), [1, 2], by_desk=True),
]


def test_the_candidates_miss_no_case_of_any_row(world: World, request: pytest.FixtureRequest) -> None:
    """The figures of the candidate ranges are those of every case tested: a range that missed one of
    the cases above would change a count or a key sum."""
    assert (world.desk1, world.desk2) == (1, 2)
    ranged = [repr(_flow(world, scope)) for scope in SCOPES]
    request.getfixturevalue("every_case")
    assert [repr(_flow(world, scope)) for scope in SCOPES] == ranged
