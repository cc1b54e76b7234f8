"""Opening a case at intake is all or nothing: a refused interview or risk leaves no half-made case."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.crypto.keyslots import KdfParams
from app.models.cases import Case, Identity, Intake, RiskAssessment
from app.services import cases
from app.services.errors import ValidationError
from app.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace, _ = Workspace.initialise(
        tmp_path / "data",
        centre_name="C",
        centre_code="BG",
        desk_name="D",
        username="anna",
        full_name="Anna",
        password="lanterna torrente civetta brina",
        kdf=KdfParams(19456, 2, 1),
    )
    yield workspace
    workspace.close()


def _count(ws: Workspace, model: type) -> int:
    with ws.transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _open(ws: Workspace, intake: cases.IntakeInput, risk: cases.RiskInput | None = None) -> cases.CaseRef:
    day = date.today() - timedelta(days=3)
    return cases.open_case(
        ws,
        cases.IdentityInput("Maria", "Rossi"),
        cases.ProfileInput(),
        cases.ConsentInput(("TRATTAMENTO",), day),
        opened_on=day,
        intake=intake,
        risk=risk,
    )


def test_case_interview_and_risk_are_saved_together(ws: Workspace) -> None:
    day = date.today() - timedelta(days=3)
    ref = _open(
        ws,
        cases.IntakeInput(day, "N1522", "TELEFONO", ("FISICA",), "01"),
        cases.RiskInput(day, "MEDIO", "ISA"),
    )
    case = cases.get_case(ws, ref.id)
    assert [i.relationship for i in case.intakes] == ["01"]
    assert [r.level for r in case.risks] == ["MEDIO"]


@pytest.mark.parametrize("bad", ["intake", "risk"])
def test_a_refused_part_leaves_nothing(ws: Workspace, bad: str) -> None:
    day = date.today() - timedelta(days=3)
    intake = cases.IntakeInput(day, "NOT_A_CHANNEL" if bad == "intake" else "N1522")
    risk = cases.RiskInput(day, "ALTISSIMO" if bad == "risk" else "MEDIO", "ISA")
    with pytest.raises(ValidationError):
        _open(ws, intake, risk)
    assert [_count(ws, m) for m in (Case, Identity, Intake, RiskAssessment)] == [0, 0, 0, 0]
