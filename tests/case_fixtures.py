"""Shared fixtures and helpers for the case-record tests (cases, validation, permissions).

Load the fixtures with `pytest_plugins = ["tests.case_fixtures"]` and import the helpers directly
(PYTEST_DONT_REWRITE: the test modules import them before pytest registers this plugin).
Everything is real: a data folder in tmp_path, real SQLCipher, real Argon2id at OWASP's floor.

The session template holds: the administrator `anna` (desk A "Bergamo"), a second help desk B
"Dalmine", an operatrice of each desk (`bice` for A, `carla` for B) and a coordinatrice `dora`.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import String, Text, func, select

from app.crypto.keyslots import KdfParams
from app.models.audit import AuditEvent
from app.models.base import Base
from app.services import accounts
from app.services import cases as c
from app.services.workspace import Workspace

FAST_KDF = KdfParams(19456, 2, 1)

ADMIN = "anna"
OP_A = "bice"
OP_B = "carla"
COORD = "dora"
PASSWORDS = {
    ADMIN: "lanterna torrente civetta brina",
    OP_A: "bice cammina sul ponte",
    OP_B: "carla legge sotto la pioggia",
    COORD: "dora coordina il tavolo rete",
}
DESK_A = "Bergamo"
DESK_B = "Dalmine"
CENTRE_CODE = "BG"

TODAY = date.today()
D0 = TODAY - timedelta(days=60)  # opening date of the sample cases: every later step fits before today

ALL_SCOPES = ("TRATTAMENTO", "CONTATTO_SICURO", "STATISTICHE")

T = TypeVar("T")


@dataclass(frozen=True)
class People:
    desk_a: int
    desk_b: int
    admin: int
    op_a: int
    op_b: int
    coord: int


@dataclass(frozen=True)
class CaseTemplate:
    folder: Path
    people: People


@dataclass(frozen=True)
class FullCase:
    """A case with one of everything: the ids the tests need to reach each record."""

    id: int
    code: str
    intake_id: int
    risk_id: int
    pathway_id: int
    goal_id: int
    review_id: int
    service_id: int
    referral_id: int


def switch(ws: Workspace, username: str) -> None:
    """Hand the shared PC to someone else: lock, then unlock as `username`."""
    ws.lock()
    ws.unlock(username, PASSWORDS[username])


@pytest.fixture(scope="session")
def case_template(tmp_path_factory: pytest.TempPathFactory) -> CaseTemplate:
    folder = tmp_path_factory.mktemp("case_template") / "data"
    ws, _ = Workspace.initialise(
        folder,
        centre_name="Aiuto Donna",
        centre_code=CENTRE_CODE,
        desk_name=DESK_A,
        username=ADMIN,
        full_name="Anna Amministratrice",
        password=PASSWORDS[ADMIN],
        kdf=FAST_KDF,
    )
    try:
        assert ws.actor is not None
        desk_a = ws.actor.help_desk_id
        assert desk_a is not None
        desk_b = accounts.add_help_desk(ws, DESK_B, town="Dalmine").id
        op_a = accounts.add_operator(ws, OP_A, "Bice", "operatrice", desk_a, PASSWORDS[OP_A], kdf=FAST_KDF)
        op_b = accounts.add_operator(ws, OP_B, "Carla", "operatrice", desk_b, PASSWORDS[OP_B], kdf=FAST_KDF)
        coord = accounts.add_operator(
            ws, COORD, "Dora", "coordinatrice", None, PASSWORDS[COORD], kdf=FAST_KDF
        )
        people = People(desk_a, desk_b, ws.actor.operator_id, op_a.id, op_b.id, coord.id)
    finally:
        ws.close()
    return CaseTemplate(folder, people)


@pytest.fixture
def people(case_template: CaseTemplate) -> People:
    return case_template.people


def open_copy(folder: Path, tmp_path: Path, username: str) -> Workspace:
    """Copy a closed template folder into `tmp_path` and unlock the copy as `username`."""
    target = tmp_path / "data"
    shutil.copytree(folder, target)
    ws = Workspace.open(target)
    ws.unlock(username, PASSWORDS[username])
    return ws


def build_template(
    base: CaseTemplate, factory: pytest.TempPathFactory, username: str, build: Callable[[Workspace], T]
) -> tuple[Path, T]:
    """A closed copy of the base template to which `username` added what `build` makes (built once, copied
    by each test: far cheaper than building it again)."""
    ws = open_copy(base.folder, factory.mktemp("template"), username)
    try:
        value = build(ws)
        folder = ws.folder
    finally:
        ws.close()
    return folder, value


@pytest.fixture
def case_ws(case_template: CaseTemplate, tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the template, unlocked as the operatrice of desk A (`bice`)."""
    ws = open_copy(case_template.folder, tmp_path, OP_A)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture(scope="session")
def case_b_template(
    case_template: CaseTemplate, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, FullCase]:
    """The template plus a complete case of desk B ("Beatrice Zanetti", notes marked "segreto"), opened by
    desk B's operatrice."""
    return build_template(
        case_template, tmp_path_factory, OP_B, lambda ws: full_case(ws, "Beatrice", "Zanetti", note="segreto")
    )


@pytest.fixture
def case_b(case_b_template: tuple[Path, FullCase]) -> FullCase:
    return case_b_template[1]


@pytest.fixture
def ws_b(case_b_template: tuple[Path, FullCase], tmp_path: Path) -> Iterator[Workspace]:
    """A private copy holding desk B's complete case, unlocked as the operatrice of desk A (`bice`)."""
    ws = open_copy(case_b_template[0], tmp_path, OP_A)
    try:
        yield ws
    finally:
        ws.close()


# --- building cases -------------------------------------------------------------------------------------
def identity(first: str = "Nicolò", last: str = "D'Angelo-Rossi", **extra: Any) -> c.IdentityInput:
    return c.IdentityInput(first, last, **extra)


def profile(**extra: Any) -> c.ProfileInput:
    values: dict[str, Any] = {
        "birth_year": 1985,
        "country": "MA",
        "education": "DIPLOMA",
        "employment": "OCC_SALTUARIA",
        "marital_status": "CONIUGATA",
        "cohabitation": ("FIGLI", "PARTNER"),  # code-list order, as get_case returns it
        "has_children": "SI",
        "children_count": 3,
        "minors_count": 2,
        "minors_witnessed": 2,
        "minors_suffered": 1,
        "pregnant": False,
    }
    values.update(extra)
    return c.ProfileInput(**values)


def consent(*scopes: str, on: date = D0, partners: tuple[str, ...] = ()) -> c.ConsentInput:
    return c.ConsentInput(scopes or ALL_SCOPES, on, partners=partners)


def open_case(
    ws: Workspace,
    first: str = "Nicolò",
    last: str = "D'Angelo-Rossi",
    *,
    opened_on: date = D0,
    help_desk_id: int | None = None,
    scopes: tuple[str, ...] = ALL_SCOPES,
    **identity_extra: Any,
) -> c.CaseRef:
    return c.open_case(
        ws,
        identity(first, last, **identity_extra),
        profile(),
        consent(*scopes),
        opened_on=opened_on,
        help_desk_id=help_desk_id,
    )


def full_case(
    ws: Workspace, first: str = "Nicolò", last: str = "D'Angelo-Rossi", note: str = "nota"
) -> FullCase:
    """A case taken in charge with one intake, risk, pathway, goal, review, service and referral, each
    carrying free text that contains `note`."""
    ref = open_case(
        ws,
        first,
        last,
        tax_code="RSSNCL85A41H501X",
        phone="333 1234567",
        email=f"{first.lower()}@example.org",
        address=f"via {note} 1",
        safe_contact_channel="SMS",
        safe_contact_times=f"mattina {note}",
        safe_contact_notes=f"contatto {note}",
        notes=f"identita {note}",
    )
    intake = c.add_intake(
        ws,
        ref.id,
        c.IntakeInput(
            D0,
            "N1522",
            "TELEFONO",
            ("PSICOLOGICA", "FISICA"),
            "01",
            "1_5Y",
            police_report="SI_UNA",
            complaint_withdrawn=False,
            measures_requested=("AMMONIMENTO",),
            notes=f"colloquio {note}",
        ),
    )
    risk = c.add_risk_assessment(ws, ref.id, D0 + timedelta(days=1), "ELEVATO", "SARA_S", f"rischio {note}")
    pathway = c.agree_pathway(ws, ref.id, D0 + timedelta(days=2), f"percorso {note}")
    goal = c.add_goal(ws, ref.id, "SICUREZZA", f"obiettivo {note}", D0 + timedelta(days=90))
    review = c.add_pathway_review(ws, ref.id, D0 + timedelta(days=10), f"verifica {note}")
    service = c.add_service(
        ws,
        ref.id,
        c.ServiceInput(
            D0 + timedelta(days=3), "PSICO_IND", "PRESENZA", 60, "PSICOLOGA", notes=f"servizio {note}"
        ),
    )
    referral = c.add_referral(
        ws,
        ref.id,
        c.ReferralInput(D0 + timedelta(days=4), "CONSULTORIO", children_count=1, notes=f"invio {note}"),
    )
    return FullCase(ref.id, ref.code, intake, risk, pathway, goal, review, service, referral)


# --- looking inside the database ---------------------------------------------------------------------------
def count_rows(ws: Workspace, model: type[Base], **where: Any) -> int:
    with ws.transaction(write=False) as session:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return session.scalar(query) or 0


def db_snapshot(
    ws: Workspace, exclude: tuple[str, ...] = ("audit_event",)
) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (but the audit trail), to prove that a refused call changed nothing."""
    result: dict[str, list[tuple[Any, ...]]] = {}
    with ws.transaction(write=False) as session:
        for table in Base.metadata.sorted_tables:
            if table.name in exclude:
                continue
            rows = session.execute(select(table)).all()
            result[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return result


def text_cells(ws: Workspace) -> list[tuple[str, str, str]]:
    """(table, column, value) of every non-empty text cell of the whole database, audit trail included."""
    cells: list[tuple[str, str, str]] = []
    with ws.transaction(write=False) as session:
        for table in Base.metadata.sorted_tables:
            columns = [col for col in table.columns if isinstance(col.type, (String, Text))]
            if not columns:
                continue
            for row in session.execute(select(*columns)).all():
                for col, value in zip(columns, row, strict=True):
                    if value:
                        cells.append((table.name, col.name, value))
    return cells


def audit_events(ws: Workspace, action: str | None = None, **where: Any) -> list[AuditEvent]:
    with ws.transaction(write=False) as session:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if action is not None:
            query = query.where(AuditEvent.action == action)
        for name, value in where.items():
            query = query.where(getattr(AuditEvent, name) == value)
        return list(session.scalars(query))


def last_event(ws: Workspace) -> AuditEvent:
    with ws.transaction(write=False) as session:
        event = session.scalar(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1))
        assert event is not None
        return event
