"""Her right of access: the PDF of everything held on her, only for those who may open her case."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.models.codelists import label
from app.services import cases as c
from app.services.errors import PermissionDenied
from app.services.subject_access import subject_access_pdf
from app.services.workspace import Workspace
from tests.case_fixtures import COORD, OP_A, OP_B, FullCase, audit_events, open_case, switch
from tests.foundation_fixtures import run_cli

pytest_plugins = ["tests.case_fixtures"]


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def two_women(ws_b: Workspace) -> c.CaseRef:
    """Desk A's own case next to desk B's complete case (Beatrice Zanetti); left unlocked as desk B."""
    other = open_case(ws_b, "Ottavia", "Quaglieri")  # bice, desk A
    switch(ws_b, OP_B)
    return other


def test_pdf_holds_her_data_and_nobody_else(
    ws_b: Workspace, case_b: FullCase, two_women: c.CaseRef, tmp_path: Path
) -> None:
    out = tmp_path / "copia.pdf"
    subject_access_pdf(ws_b, case_b.id, out)
    content = out.read_bytes()
    assert content.startswith(b"%PDF")
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0
    text = _text(content)
    for expected in (
        "Beatrice",
        "Zanetti",
        case_b.code,
        "RSSNCL85A41H501X",
        label("service_type", "PSICO_IND"),
        label("referral_destination", "CONSULTORIO"),
        label("consent_scope", "TRATTAMENTO"),
        label("violence_form", "PSICOLOGICA"),
        label("risk_level", "ELEVATO"),
        label("goal_area", "SICUREZZA"),
        "servizio segreto",
        "Carla",  # the operatrice who opened and read her file, by name
        "consultazione della scheda",
    ):
        assert expected in text, expected
    for absent in ("Ottavia", "Quaglieri", two_women.code):
        assert absent not in text, absent
    events = audit_events(ws_b, "case.subject_access", entity_id=str(case_b.id))
    assert len(events) == 1 and events[0].detail is None


def test_a_coordinatrice_may_print_it_in_english_to_a_stream(ws_b: Workspace, case_b: FullCase) -> None:
    switch(ws_b, COORD)
    stream = io.BytesIO()
    subject_access_pdf(ws_b, case_b.id, stream, lang="en")
    text = _text(stream.getvalue())
    assert "Zanetti" in text and case_b.code in text
    assert label("service_type", "PSICO_IND", "en") in text
    assert "Who read or changed your file" in text


def test_an_operatrice_of_another_desk_is_refused(ws_b: Workspace, case_b: FullCase, tmp_path: Path) -> None:
    assert ws_b.actor is not None and ws_b.actor.username == OP_A
    out = tmp_path / "copia.pdf"
    with pytest.raises(PermissionDenied):
        subject_access_pdf(ws_b, case_b.id, out)
    assert not out.exists()
    assert not audit_events(ws_b, "case.subject_access")
    assert audit_events(ws_b, "access.denied", entity_id=str(case_b.id))


def test_after_erasure_the_copy_says_nothing_identifying_is_held(ws_b: Workspace, case_b: FullCase) -> None:
    switch(ws_b, COORD)
    c.erase_identity(ws_b, case_b.id)
    stream = io.BytesIO()
    subject_access_pdf(ws_b, case_b.id, stream)
    text = _text(stream.getvalue())
    assert "Zanetti" not in text and "segreto" not in text
    assert "non conserva più dati identificativi" in text
    assert "cancellazione dei dati identificativi" in text


def test_cli_writes_the_pdf_only_where_asked(ws_b: Workspace, case_b: FullCase, tmp_path: Path) -> None:
    from tests.case_fixtures import PASSWORDS

    folder = ws_b.folder
    ws_b.close()
    out = tmp_path / "lei.pdf"
    base = ["subject-access", case_b.code, "--out", str(out), "--data-dir", str(folder), "--password-stdin"]
    refused = run_cli([*base, "--user", OP_A], tmp_path / "home", PASSWORDS[OP_A])
    assert refused.returncode == 1 and not out.exists()
    done = run_cli([*base, "--user", OP_B], tmp_path / "home", PASSWORDS[OP_B])
    assert done.returncode == 0, done.stderr
    assert "Zanetti" in _text(out.read_bytes())
    again = run_cli([*base, "--user", OP_B], tmp_path / "home", PASSWORDS[OP_B])
    assert again.returncode == 1 and "already exists" in again.stderr
