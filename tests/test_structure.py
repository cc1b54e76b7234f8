"""The centre and desk structure: values with the date from which they hold, history kept."""

from __future__ import annotations

from datetime import date

import pytest

from app.models.structure import StructureValue
from app.services import accounts, structure
from app.services.errors import PermissionDenied, ValidationError
from app.services.structure import CentreStructure, DeskStructure
from app.services.workspace import Workspace
from tests.case_fixtures import ADMIN, COORD, OP_A, count_rows, switch

pytest_plugins = ["tests.case_fixtures"]


@pytest.fixture
def admin_ws(case_ws: Workspace) -> Workspace:
    switch(case_ws, ADMIN)
    return case_ws


def _desk(ws: Workspace) -> int:
    return accounts.list_help_desks(ws)[0].id


def test_the_value_in_force_at_a_date_is_the_latest_started_by_then(admin_ws: Workspace) -> None:
    desk = _desk(admin_ws)
    structure.set_desk_structure(admin_ws, desk, date(2025, 1, 1), DeskStructure(("LUN", "MER"), 8, ("IT",)))
    structure.set_desk_structure(
        admin_ws, desk, date(2025, 9, 1), DeskStructure(("GIO", "LUN", "MER"), 12, ("IT", "AR"))
    )
    before = structure.structure_at(admin_ws, date(2024, 12, 31))
    assert next(d for d in before.desks if d.help_desk_id == desk).structure == DeskStructure()
    spring = next(
        d for d in structure.structure_at(admin_ws, date(2025, 6, 30)).desks if d.help_desk_id == desk
    )
    assert spring.structure == DeskStructure(("LUN", "MER"), 8, ("IT",)) and spring.since == date(2025, 1, 1)
    year_end = next(
        d for d in structure.structure_at(admin_ws, date(2025, 12, 31)).desks if d.help_desk_id == desk
    )
    assert year_end.structure == DeskStructure(("LUN", "MER", "GIO"), 12, ("IT", "AR"))  # code-list order
    history = structure.structure_history(admin_ws)
    assert [(c.valid_from, c.item) for c in history] == [  # both entries kept, unchanged values not repeated
        (date(2025, 9, 1), "languages"),
        (date(2025, 9, 1), "hours_week"),
        (date(2025, 9, 1), "days"),
        (date(2025, 1, 1), "languages"),
        (date(2025, 1, 1), "hours_week"),
        (date(2025, 1, 1), "days"),
    ]
    structure.set_desk_structure(
        admin_ws, desk, date(2026, 1, 1), DeskStructure(("LUN", "GIO", "MER"), 12, ("AR", "IT"))
    )
    assert len(structure.structure_history(admin_ws)) == 6  # the same values again: nothing new to record


def test_a_second_entry_on_the_same_start_date_corrects_the_first(admin_ws: Workspace) -> None:
    desk = _desk(admin_ws)
    structure.set_desk_structure(admin_ws, desk, date(2025, 1, 1), DeskStructure(("LUN",), 4, ()))
    structure.set_desk_structure(admin_ws, desk, date(2025, 1, 1), DeskStructure(("MAR",), 6, ()))
    now = next(d for d in structure.structure_at(admin_ws, date(2025, 2, 1)).desks if d.help_desk_id == desk)
    assert now.structure == DeskStructure(("MAR",), 6, ())
    assert count_rows(admin_ws, StructureValue) == 2  # languages: nothing entered


def test_centre_staff_1522_and_h24(admin_ws: Workspace) -> None:
    structure.set_centre_structure(
        admin_ws, date(2025, 1, 1),
        CentreStructure("SI", {"PSICOLOGA": 2, "AVVOCATA": 1}, {"ACCOGLIENZA": 6}, available_h24="NO"),
    )  # fmt: skip
    structure.set_centre_structure(admin_ws, date(2026, 1, 1), CentreStructure("SI", {"PSICOLOGA": 3}, {}))
    centre = structure.structure_at(admin_ws, date(2025, 12, 31)).centre
    assert centre.adheres_1522 == "SI" and centre.available_h24 == "NO"
    assert centre.staff_paid["PSICOLOGA"] == 2 and centre.staff_paid["AVVOCATA"] == 1
    assert centre.staff_volunteer["ACCOGLIENZA"] == 6 and centre.staff_paid["EDUCATRICE"] is None
    later = structure.structure_at(admin_ws, date(2026, 3, 1)).centre
    assert later.staff_paid["PSICOLOGA"] == 3 and later.staff_paid["AVVOCATA"] == 1  # untouched values hold


@pytest.mark.parametrize(
    ("value", "field"),
    [
        (DeskStructure(("LUNEDI",), 8, ()), "days"),
        (DeskStructure((), 169, ()), "hours_week"),
        (DeskStructure((), -1, ()), "hours_week"),
        (DeskStructure((), None, ("KLINGON",)), "languages"),
    ],
)
def test_bad_desk_values_are_refused(admin_ws: Workspace, value: DeskStructure, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        structure.set_desk_structure(admin_ws, _desk(admin_ws), date(2025, 1, 1), value)
    assert err.value.field == field
    assert count_rows(admin_ws, StructureValue) == 0


def test_bad_centre_values_are_refused(admin_ws: Workspace) -> None:
    for value in (
        CentreStructure("FORSE"),
        CentreStructure("SI", {"ASTRONAUTA": 1}),
        CentreStructure("SI", {"PSICOLOGA": 501}),
    ):
        with pytest.raises(ValidationError):
            structure.set_centre_structure(admin_ws, date(2025, 1, 1), value)
    assert count_rows(admin_ws, StructureValue) == 0


def test_only_administrators_enter_the_structure(admin_ws: Workspace) -> None:
    switch(admin_ws, COORD)
    with pytest.raises(PermissionDenied):
        structure.set_centre_structure(admin_ws, date(2025, 1, 1), CentreStructure("SI"))
    assert structure.structure_at(admin_ws, date(2025, 1, 1)).centre.adheres_1522 == "ND"  # coordinators read
    switch(admin_ws, OP_A)
    with pytest.raises(PermissionDenied):
        structure.structure_at(admin_ws, date(2025, 1, 1))
