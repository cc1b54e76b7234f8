"""Her right of access: the PDF of everything held on her, only for those who may open her case."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from app.models.codelists import label
from app.services import cases as c
from app.services.errors import PermissionDenied
from app.services.subject_access import subject_access_pdf
from app.services.workspace import Workspace
from tests.case_fixtures import COORD, OP_A, OP_B, FullCase, audit_events, open_case, switch
from tests.foundation_fixtures import run_cli

pytest_plugins = ["tests.case_fixtures"]


def _text(pdf: bytes) -> str:
    from pypdf import PdfReader

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


def _rendered(
    ws_b: Workspace, case_b: FullCase, lang: str, empty: tuple[str, ...] = (), **options: object
) -> str:
    """Her copy rendered from her file, with one access at 12:05 UTC on 21 June 2026; `empty` sections."""
    import dataclasses
    import datetime as dt

    from app.services.cases.records import HistoryEntry
    from app.services.subject_access import render

    switch(ws_b, COORD)
    case_file = dataclasses.replace(
        c.get_case(ws_b, case_b.id),
        history=[HistoryEntry("2026-06-21 12:05:00", None, "case.read")],
        **{name: [] for name in empty},
    )
    pdf = render(case_file, "Centro", {}, {}, lang, issued=dt.date(2026, 7, 1), **options)  # type: ignore[arg-type]
    return _text(pdf)


def test_the_copy_says_what_art_15_requires_beside_the_data(ws_b: Workspace, case_b: FullCase) -> None:
    from app.services.retention import RetentionPolicy

    text = _rendered(ws_b, case_b, "it", policy=RetentionPolicy(case_years=1, audit_years=10))
    for needed in (
        "Come il centro tratta i tuoi dati",
        "Finalità",
        "Base giuridica",
        "Destinatari",
        "Origine dei dati",
        "conservata per 1 anno;",  # from the centre's retention settings, in the singular
        "cancellati i dati identificativi",
        "conservato per 10 anni",
        "reclamo al Garante per la protezione dei dati personali",
    ):
        assert needed in text, needed
    text = _rendered(ws_b, case_b, "en", policy=RetentionPolicy(case_years=3, full_deletion=True))
    assert "kept for 3 years; then it is deleted entirely" in text
    assert "lodge a complaint with the Italian data protection authority" in text


def test_access_times_are_local_and_dates_have_one_form_per_language(
    ws_b: Workspace, case_b: FullCase
) -> None:
    import datetime as dt
    import re

    rome_summer = dt.timezone(dt.timedelta(hours=2))
    text = _rendered(ws_b, case_b, "it", tz=rome_summer)
    assert "Quando (ora locale)" in text and "UTC" not in text
    assert "21/06/2026 14:05" in text and "12:05" not in text
    assert "01/07/2026" in text  # the issue date, in the same form as the table cells
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    months = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"
    assert not re.search(rf"\d{{1,2}}°? ({months}) \d{{4}}", text)
    text = _rendered(ws_b, case_b, "en", tz=rome_summer)
    assert "When (local time)" in text and "21 Jun 2026 14:05" in text and "1 Jul 2026" in text
    assert not re.search(r"\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2}", text)
    assert "Minutes" in text  # the column is wide enough: no "Minut es"


def test_an_empty_section_agrees_with_any_heading(ws_b: Workspace, case_b: FullCase) -> None:
    """ "Nessuno" was masculine under "Valutazioni del rischio": a neutral sentence fits every section."""
    text = _rendered(ws_b, case_b, "it", empty=("risks", "referrals"))
    assert "Valutazioni del rischio Nessun dato registrato." in text
    assert "Nessuno" not in text


def test_no_heading_is_left_alone_at_the_bottom_of_a_page(ws_b: Workspace, case_b: FullCase) -> None:
    """Whatever the length of what precedes it, a heading starts a page rather than end one."""
    import dataclasses

    from pypdf import PdfReader

    from app.services.subject_access import STRINGS, render

    switch(ws_b, COORD)
    case_file = c.get_case(ws_b, case_b.id)
    headings = {
        STRINGS["it"][key]
        for key in (
            "identity",
            "profile",
            "consents",
            "intakes",
            "risks",
            "pathway",
            "services",
            "referrals",
            "history",
            "about",
            "goals",
            "reviews",
        )
    }
    service = case_file.services[0]
    orphans = []
    for count in range(0, 40, 3):  # pushes every later heading down the page, a few rows at a time
        longer = dataclasses.replace(case_file, services=[service] * count)
        reader = PdfReader(io.BytesIO(render(longer, "Centro", {}, {}, "it")))
        for number, page in enumerate(reader.pages[:-1], start=1):
            lines = [line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
            decor = {"Ascolto", STRINGS["it"]["title"], case_file.code}  # running header
            body = [
                line
                for line in lines
                if line not in decor and not line.startswith(("Documento riservato", "Pagina ", "Ascolto"))
            ]
            if body and body[-1] in headings:
                orphans.append((count, number, body[-1]))
    assert not orphans


def test_each_consultation_is_listed_once(ws_b: Workspace, case_b: FullCase) -> None:
    """She opens the file and prints her copy at once: one consultation, not two; the next copy shows
    the print once, not a read beside it."""
    switch(ws_b, OP_B)
    c.get_case(ws_b, case_b.id)
    c.get_case(ws_b, case_b.id)  # read again after a change, in the same minute
    first = io.BytesIO()
    subject_access_pdf(ws_b, case_b.id, first, lang="en")
    assert _text(first.getvalue()).count("file read") == 1
    second = io.BytesIO()
    subject_access_pdf(ws_b, case_b.id, second, lang="en")
    text = _text(second.getvalue())
    assert text.count("copy of the data printed") == 1
    assert text.count("file read") == 2  # before the first copy, and the read of this one
