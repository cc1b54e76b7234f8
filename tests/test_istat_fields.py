"""ISTAT survey fields: help sought before, the perpetrators, the police report's steps, through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.models.cases import Intake, PoliceReportEvent
from app.services import cases as c
from app.services import validation as v
from app.services.errors import ValidationError
from app.services.workspace import Workspace
from tests.case_fixtures import D0, count_rows, open_case

pytest_plugins = ["tests.case_fixtures"]

MAIN = c.PerpetratorInput(1, "M", "40-49", "STRANIERA", "SI", "NO", "ND", "SI")


def _intake(**extra: object) -> c.IntakeInput:
    return c.IntakeInput(D0, "N1522", "TELEFONO", ("FISICA",), "01", **extra)  # type: ignore[arg-type]


def test_an_intake_keeps_help_sought_and_the_main_perpetrator(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    c.add_intake(case_ws, ref.id, _intake(help_sought=("FFOO", "FAMILIARI_AMICI"), perpetrator=MAIN))
    seen = c.get_case(case_ws, ref.id).intakes[-1]
    assert seen.help_sought == ("FAMILIARI_AMICI", "FFOO")  # stored in code-list order
    assert seen.perpetrator == MAIN


def test_an_intake_that_did_not_ask_says_not_available(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    c.add_intake(case_ws, ref.id, _intake())
    seen = c.get_case(case_ws, ref.id).intakes[-1]
    assert seen.help_sought == () and seen.perpetrator.count is None
    assert {seen.perpetrator.sex, seen.perpetrator.weapons, seen.perpetrator.citizenship} == {"ND"}


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"help_sought": ("NESSUNO", "FFOO")}, "help_sought"),
        ({"help_sought": ("ND", "SERV_SOC")}, "help_sought"),
        ({"help_sought": ("FFOO", "FFOO")}, "help_sought"),
        ({"help_sought": ("POLIZIA",)}, "help_sought"),
        ({"perpetrator": replace(MAIN, count=0)}, "perpetrators_count"),
        ({"perpetrator": replace(MAIN, count=21)}, "perpetrators_count"),
        ({"perpetrator": replace(MAIN, count=True)}, "perpetrators_count"),
        ({"perpetrator": replace(MAIN, sex="X")}, "perpetrator_sex"),
        ({"perpetrator": replace(MAIN, age="35-44")}, "perpetrator_age"),  # Lombardy's grid, not ISTAT's
        ({"perpetrator": replace(MAIN, citizenship="UE")}, "perpetrator_citizenship"),
        ({"perpetrator": replace(MAIN, weapons="FORSE")}, "perpetrator_weapons"),
        ({"perpetrator": replace(MAIN, alcohol="")}, "perpetrator_alcohol"),
        ({"perpetrator": replace(MAIN, drugs="si")}, "perpetrator_drugs"),
        ({"perpetrator": replace(MAIN, prior_violence=None)}, "perpetrator_prior_violence"),
    ],
)
def test_bad_answers_are_refused_naming_the_field(
    case_ws: Workspace, extra: dict[str, object], field: str
) -> None:
    ref = open_case(case_ws)
    before = count_rows(case_ws, Intake)
    with pytest.raises(ValidationError) as err:
        c.add_intake(case_ws, ref.id, _intake(**extra))
    assert err.value.field == field
    assert count_rows(case_ws, Intake) == before


def test_nobody_alone_is_a_valid_answer() -> None:
    assert v.check_help_sought(("NESSUNO",)) == ",NESSUNO,"
    assert v.check_help_sought(()) == ""


def test_police_report_steps_follow_the_proceedings(case_ws: Workspace) -> None:
    ref = open_case(case_ws)
    before_opening = D0 - timedelta(days=40)  # she reported before she came: allowed
    with pytest.raises(ValidationError):
        c.add_police_report_event(case_ws, ref.id, D0, "PROCESSO")  # nothing filed yet
    c.add_police_report_event(case_ws, ref.id, before_opening, "PRESENTATA")
    with pytest.raises(ValidationError):
        c.add_police_report_event(case_ws, ref.id, D0, "CONDANNA")  # a verdict needs a trial
    with pytest.raises(ValidationError):
        c.add_police_report_event(case_ws, ref.id, D0, "ARCHIVIATA_X")
    with pytest.raises(ValidationError):
        c.add_police_report_event(case_ws, ref.id, date.today() + timedelta(days=1), "ARCHIVIATA")
    c.add_police_report_event(case_ws, ref.id, D0 + timedelta(days=5), "PROCESSO")
    c.add_police_report_event(case_ws, ref.id, D0 + timedelta(days=30), "CONDANNA")
    steps = c.get_case(case_ws, ref.id).police_report_events
    assert [(s.date, s.stage) for s in steps] == [
        (before_opening, "PRESENTATA"),
        (D0 + timedelta(days=5), "PROCESSO"),
        (D0 + timedelta(days=30), "CONDANNA"),
    ]
    assert count_rows(case_ws, PoliceReportEvent) == 3
