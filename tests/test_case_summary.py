"""The case summary: only the sections chosen, her name only when asked, who printed it on every page."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from app.models.codelists import label
from app.services import cases as c
from app.services.case_summary import DEFAULT_SECTIONS, SECTIONS, case_summary_pdf
from app.services.errors import PermissionDenied, UserError
from app.services.subject_access import subject_access_pdf
from app.services.workspace import Workspace
from tests.case_fixtures import COORD, D0, OP_A, OP_B, PASSWORDS, FullCase, audit_events, switch
from tests.foundation_fixtures import run_cli

pytest_plugins = ["tests.case_fixtures"]

NOTES = ("colloquio segreto", "rischio segreto", "percorso segreto", "verifica segreto", "servizio segreto")
"""The free text of desk B's case (and "invio segreto"): none of it leaves without the notes section."""


def _pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _print(
    ws: Workspace, case_id: int, **options: object
) -> tuple[list[str], dict[str, object], dt.datetime]:
    """The summary's pages, the detail of its audit event and the local time it was audited at."""
    stream = io.BytesIO()
    case_summary_pdf(ws, case_id, stream, **options)  # type: ignore[arg-type]
    events = audit_events(ws, "case.summary", entity_id=str(case_id))
    assert len(events) == 1
    at = events[0].at.replace(tzinfo=dt.UTC).astimezone()
    return _pages(stream.getvalue()), json.loads(events[0].detail or "{}"), at


@pytest.fixture
def desk_b(ws_b: Workspace) -> Workspace:
    """Desk B's operatrice at the PC (Carla): the case is of her desk."""
    switch(ws_b, OP_B)
    return ws_b


def test_by_default_every_section_but_the_notes_and_no_name(desk_b: Workspace, case_b: FullCase) -> None:
    pages, detail, at = _print(desk_b, case_b.id)
    text = " ".join(pages)
    for expected in (
        case_b.code,
        "Riepilogo del caso",
        "Profilo e situazione di violenza",
        label("violence_form", "PSICOLOGICA"),
        label("education", "DIPLOMA"),
        label("risk_level", "ELEVATO"),
        "obiettivo segreto",  # a goal is the pathway's, not a note
        label("service_type", "PSICO_IND"),
        label("referral_destination", "CONSULTORIO"),
        "Numero di prestazioni: 1; ore in tutto: 1.",
    ):
        assert expected in text, expected
    for absent in ("Beatrice", "Zanetti", "RSSNCL85A41H501X", "333 1234567", "invio segreto", *NOTES):
        assert absent not in text, absent
    assert detail == {"sections": list(DEFAULT_SECTIONS), "with_name": False}
    assert f"Stampato da Carla il {at:%d/%m/%Y} alle {at:%H:%M}" in text


def test_a_follow_up_interview_does_not_hide_what_the_first_one_recorded(
    desk_b: Workspace, case_b: FullCase
) -> None:
    later = D0 + dt.timedelta(days=20)
    c.add_intake(desk_b, case_b.id, c.IntakeInput(later, violence_forms=("ECONOMICA",), emergency=True))
    text = " ".join(_print(desk_b, case_b.id, sections=("profile",))[0])
    assert f"(2; l'ultimo il {later:%d/%m/%Y})" in text
    assert label("relationship", "01") in text and label("violence_duration", "1_5Y") in text  # the first's
    assert label("violence_form", "ECONOMICA") in text and label("violence_form", "FISICA") not in text


def test_only_the_sections_chosen_and_her_name_when_ticked(desk_b: Workspace, case_b: FullCase) -> None:
    pages, detail, _at = _print(desk_b, case_b.id, sections=("notes", "risk"), with_name=True)
    text = " ".join(pages)
    assert "Beatrice Zanetti" in text
    assert "Valutazioni del rischio" in text and label("risk_tool", "SARA_S") in text
    for note in (*NOTES, "invio segreto"):
        assert note in text, note
    for absent in (
        "Profilo e situazione di violenza",
        label("education", "DIPLOMA"),
        "Percorso personalizzato",
        "obiettivo segreto",
        "Prestazioni",
        "Invii ai servizi della rete",
        "RSSNCL85A41H501X",
    ):
        assert absent not in text, absent
    assert detail == {"sections": ["risk", "notes"], "with_name": True}  # the document's order
    assert "segreto" not in json.dumps(detail)


def test_every_page_says_who_printed_it_and_when(desk_b: Workspace, case_b: FullCase) -> None:
    """A long file: sixty services and a note of the longest length wrap over pages, each page signed."""
    long_note = " ".join(f"parola{i}" for i in range(c.MAX_NOTES // 10))[: c.MAX_NOTES - 6] + " FINE."
    c.add_intake(desk_b, case_b.id, c.IntakeInput(D0 + dt.timedelta(days=5), notes=long_note))
    for day in range(60):
        service = c.ServiceInput(D0 + dt.timedelta(days=day % 50), "ASCOLTO", "TELEFONO", 30, "ACCOGLIENZA")
        c.add_service(desk_b, case_b.id, service)
    pages, _detail, at = _print(desk_b, case_b.id, sections=SECTIONS)
    assert len(pages) >= 4
    signed = f"Stampato da Carla il {at:%d/%m/%Y} alle {at:%H:%M}"
    for number, page in enumerate(pages, 1):
        assert "Riservato — riepilogo per uso interno" in page, number
        assert signed in page, number
        assert f"Pagina {number} di {len(pages)}" in page, number
    text = " ".join(pages)
    assert "parola0 parola1" in text and "FINE." in text
    service_pages = [p for p in pages if label("service_type", "ASCOLTO") in p]
    assert len(service_pages) >= 2 and all("Prestazione Modalità" in p for p in service_pages)  # the header


def test_a_coordinatrice_prints_it_in_english(ws_b: Workspace, case_b: FullCase) -> None:
    switch(ws_b, COORD)
    pages, _detail, at = _print(ws_b, case_b.id, lang="en", sections=("services",))
    text = " ".join(pages)
    assert "Case summary" in text and label("service_type", "PSICO_IND", "en") in text
    assert (
        f"Confidential — summary for internal use. Printed by Dora on {at.day} {at:%b %Y} at {at:%H:%M}"
        in text
    )
    assert "Risk assessments" not in text


def test_an_operatrice_of_another_desk_is_refused(ws_b: Workspace, case_b: FullCase, tmp_path: Path) -> None:
    assert ws_b.actor is not None and ws_b.actor.username == OP_A
    out = tmp_path / "riepilogo.pdf"
    with pytest.raises(PermissionDenied):
        case_summary_pdf(ws_b, case_b.id, out)
    assert not out.exists()
    assert not audit_events(ws_b, "case.summary")
    assert audit_events(ws_b, "access.denied", entity_id=str(case_b.id))


@pytest.mark.parametrize("sections", [(), ("profile", "diary")])
def test_no_section_or_an_unknown_one_is_refused(
    desk_b: Workspace, case_b: FullCase, sections: tuple[str, ...]
) -> None:
    with pytest.raises(UserError):
        case_summary_pdf(desk_b, case_b.id, io.BytesIO(), sections)
    assert not audit_events(desk_b, "case.summary")


def test_her_copy_lists_the_summary_among_who_read_her_file(desk_b: Workspace, case_b: FullCase) -> None:
    case_summary_pdf(desk_b, case_b.id, io.BytesIO())
    copy = io.BytesIO()
    subject_access_pdf(desk_b, case_b.id, copy)
    assert "stampa del riepilogo del caso" in " ".join(_pages(copy.getvalue()))


def test_cli_takes_the_same_choices(ws_b: Workspace, case_b: FullCase, tmp_path: Path) -> None:
    folder = ws_b.folder
    ws_b.close()
    out = tmp_path / "riepilogo.pdf"
    base = ["case-summary", case_b.code, "--out", str(out), "--data-dir", str(folder), "--password-stdin"]
    refused = run_cli([*base, "--user", OP_A], tmp_path / "home", PASSWORDS[OP_A])
    assert refused.returncode == 1 and not out.exists()
    chosen = [*base, "--user", OP_B, "--sections", "risk,notes", "--with-name", "--lang", "en"]
    done = run_cli(chosen, tmp_path / "home", PASSWORDS[OP_B])
    assert done.returncode == 0, done.stderr
    text = " ".join(_pages(out.read_bytes()))
    assert "Beatrice Zanetti" in text and "rischio segreto" in text and "Case summary" in text
    assert label("education", "DIPLOMA", "en") not in text
    again = run_cli([*base, "--user", OP_B], tmp_path / "home", PASSWORDS[OP_B])
    assert again.returncode == 1 and "already exists" in again.stderr
    out.unlink()
    nowhere = [*base, "--user", OP_B]
    nowhere[nowhere.index(str(out))] = str(tmp_path / "missing" / "riepilogo.pdf")
    missing = run_cli(nowhere, tmp_path / "home", PASSWORDS[OP_B])
    assert missing.returncode == 1 and "no folder" in missing.stderr and "unexpected" not in missing.stderr
    unknown = run_cli([*base, "--user", OP_B, "--sections", "diary"], tmp_path / "home", PASSWORDS[OP_B])
    assert unknown.returncode in (1, 2) and "diary" in unknown.stderr and not out.exists()


def test_a_cell_taller_than_a_page_continues_on_the_next(desk_b: Workspace, case_b: FullCase) -> None:
    """A goal of many short lines here, a service note of the longest length in her copy: the row is
    split over pages instead of failing the whole document."""
    c.add_goal(desk_b, case_b.id, "SICUREZZA", "riga\n" * 390 + "ultima")
    note = " ".join(f"parola{i}" for i in range(c.MAX_NOTES // 10))[: c.MAX_NOTES - 6] + " FINE."
    service = c.ServiceInput(D0 + dt.timedelta(days=6), "ASCOLTO", "TELEFONO", 30, "ACCOGLIENZA", notes=note)
    c.add_service(desk_b, case_b.id, service)
    assert "ultima" in " ".join(_print(desk_b, case_b.id, sections=("pathway",))[0])
    copy = io.BytesIO()
    subject_access_pdf(desk_b, case_b.id, copy)
    assert "FINE." in " ".join(_pages(copy.getvalue()))
