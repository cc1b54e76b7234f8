"""Help desks that change (issue #24 part 5): renamed, closed, reopened by an administrator, audited.

A rename changes nothing frozen: a release made before keeps, byte for byte, the name it was released
under. A closed desk keeps its cases, readable and movable, and takes no new case or contact.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.reports.periods import Period
from app.services import cases as c
from app.services import desks, releases, reports
from app.services.cases import transfer
from app.services.errors import NotFound, PermissionDenied, ValidationError
from app.services.workspace import Workspace
from tests.case_fixtures import (
    ADMIN,
    D0,
    DESK_A,
    DESK_B,
    OP_B,
    CaseTemplate,
    People,
    audit_events,
    open_case,
    open_copy,
    switch,
)
from tests.foundation_fixtures import ADMIN_PW, initialise, run_cli

pytest_plugins = ["tests.case_fixtures"]


@pytest.fixture
def admin_ws(case_template: CaseTemplate, tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the case template, unlocked as the administrator."""
    ws = open_copy(case_template.folder, tmp_path, ADMIN)
    yield ws
    ws.close()


def test_only_an_administrator_changes_desks(case_ws: Workspace) -> None:
    for change in (
        lambda: desks.rename_desk(case_ws, DESK_B, "Altrove"),
        lambda: desks.close_desk(case_ws, DESK_B),
        lambda: desks.reopen_desk(case_ws, DESK_B),
    ):
        with pytest.raises(PermissionDenied):
            change()


def test_a_rename_keeps_what_was_released_under_the_old_name(
    admin_ws: Workspace, people: People, tmp_path: Path
) -> None:
    switch(admin_ws, OP_B)
    for n in range(10):  # a release counts at least ten women
        open_case(admin_ws, "Beatrice", f"Zanetti{n}")
    switch(admin_ws, ADMIN)
    period = Period.month(D0.year, D0.month)
    first = releases.export(admin_ws, reports.prepare(admin_ws, period, [people.desk_b]), tmp_path / "a.json")
    assert json.loads(first.package_path.read_bytes())["desks"] == [DESK_B]

    renamed = desks.rename_desk(admin_ws, " dalmine ", "Sportello Dalmine Centro")
    assert renamed.id == people.desk_b and renamed.name == "Sportello Dalmine Centro"
    assert audit_events(admin_ws, "help_desk.renamed")

    again = reports.prepare(admin_ws, period, [people.desk_b])
    assert again.desk_names == ["Sportello Dalmine Centro"]  # what is prepared now says the new name
    served = releases.export(admin_ws, again, tmp_path / "b.json")
    assert not served.first_time  # served frozen: the release keeps the name it was released under
    assert served.package_path.read_bytes() == first.package_path.read_bytes()
    assert json.loads(served.package_path.read_bytes())["desks"] == [DESK_B]


def test_a_rename_to_a_name_taken_or_blank_is_refused(admin_ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="already exists"):
        desks.rename_desk(admin_ws, DESK_B, DESK_A.upper())
    with pytest.raises(ValidationError, match="needs a name"):
        desks.rename_desk(admin_ws, DESK_B, "   ")
    with pytest.raises(NotFound, match="No help desk named"):
        desks.rename_desk(admin_ws, "Nowhere", "Somewhere")


def test_a_closed_desk_takes_no_new_case_and_keeps_its_cases(admin_ws: Workspace, people: People) -> None:
    switch(admin_ws, OP_B)
    kept = open_case(admin_ws, "Beatrice", "Zanetti")
    switch(admin_ws, ADMIN)
    desks.close_desk(admin_ws, DESK_B)
    assert audit_events(admin_ws, "help_desk.closed")
    with pytest.raises(ValidationError, match="already closed"):
        desks.close_desk(admin_ws, DESK_B)
    closed = "The help desk Dalmine is closed: it takes no new cases or contacts."
    with pytest.raises(ValidationError, match=closed):
        open_case(admin_ws, "Carla", "Verdi", help_desk_id=people.desk_b)
    contact = c.ContactInput(D0, "AUTONOMA", "TELEFONO", help_desk_id=people.desk_b)
    with pytest.raises(ValidationError, match=closed):
        c.record_contact(admin_ws, contact)
    switch(admin_ws, OP_B)  # her own desk is closed: she reads her cases, opens none
    with pytest.raises(ValidationError, match=closed):
        open_case(admin_ws, "Carla", "Verdi")
    assert c.get_case(admin_ws, kept.id).code == kept.code
    switch(admin_ws, ADMIN)
    transfer.move_case_to_desk(admin_ws, kept.id, people.desk_a)  # its cases can be moved
    desks.reopen_desk(admin_ws, DESK_B)
    assert audit_events(admin_ws, "help_desk.reopened")
    assert open_case(admin_ws, "Carla", "Verdi", help_desk_id=people.desk_b).id


def test_the_command_line_renames_closes_and_reopens(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    ws, _ = initialise(folder, desk_name="Sportello Treviglio")
    ws.close()

    def cli(*args: str) -> tuple[int, str, str]:
        done = run_cli(
            ["desk", *args, "--data-dir", str(folder), "--user", "anna", "--password-stdin"],
            tmp_path,
            ADMIN_PW,
        )
        return done.returncode, done.stdout, done.stderr

    code, out, err = cli("rename", "Sportello Treviglio", "Treviglio")
    assert code == 0 and "Treviglio" in out, err
    code, out, err = cli("close", "Treviglio")
    assert code == 0 and "closed" in out, err
    code, _out, err = cli("close", "Treviglio")
    assert code == 1 and err.strip().count("\n") == 0 and "already closed" in err
    code, out, err = cli("reopen", "treviglio")
    assert code == 0 and "open again" in out, err
    code, _out, err = cli("rename", "Nowhere", "X")
    assert code == 1 and "No help desk named Nowhere" in err
