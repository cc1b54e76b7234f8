"""The case summary dialog: sections and name as she ticks them, the warning, then the PDF where she says."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from app.reports.case_summary import DEFAULT_SECTIONS
from app.services import cases
from app.services.cases import ConsentInput, IdentityInput, IntakeInput, ProfileInput
from app.ui.casefile.summary_dialog import CaseSummaryDialog
from app.ui.controller import AppController
from app.ui.i18n import install_translators
from app.ui.kit import files, messages
from app.ui.main_window import MainWindow
from tests.conftest import OPERATOR
from tests.ui.helpers import click, log_in, wait_idle
from tests.ui.keyboard import clashes

pytestmark = pytest.mark.usefixtures("ui_env")


def _text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def her_case(qtbot: Any, controller: AppController) -> Iterator[tuple[MainWindow, cases.CaseRef]]:
    """The operatrice at her desk, a case with an interview note open in the case file."""
    window = log_in(qtbot, controller, OPERATOR["username"], OPERATOR["password"])
    wait_idle(qtbot)
    ws = controller.workspace
    assert ws is not None
    today = dt.date.today()
    consent = ConsentInput(scopes=("TRATTAMENTO", "STATISTICHE"), date=today)
    ref = cases.open_case(ws, IdentityInput("Anna", "Colombo"), ProfileInput(), consent)
    cases.add_intake(ws, ref.id, IntakeInput(today, notes="parla della sorella"))
    page = window.cases_page
    page.open_case(ref.id)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.case_view.case is not None)
    yield window, ref


def _open_dialog(qtbot: Any, window: MainWindow) -> CaseSummaryDialog:
    actions = window.cases_page.case_view.case_actions
    assert actions.summary_action.isEnabled()
    actions.summary_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, CaseSummaryDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_she_ticks_notes_and_name_and_the_pdf_is_saved(
    qtbot: Any, her_case: tuple[MainWindow, cases.CaseRef], tmp_path: Path
) -> None:
    window, ref = her_case
    dialog = _open_dialog(qtbot, window)
    assert dialog.chosen() == DEFAULT_SECTIONS and not dialog.with_name.isChecked()
    dialog.sections["notes"].setChecked(True)
    dialog.with_name.setChecked(True)
    target = tmp_path / "riepilogo.pdf"
    files.set_next(target)
    messages.set_next_answer(messages.Button.Yes)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not Shiboken.isValid(dialog))  # closed, and deleted with it
    wait_idle(qtbot)
    assert "The PDF contains data of her case" in messages.answered[-1]
    text = _text(target.read_bytes())
    assert ref.code in text and "Anna Colombo" in text and "parla della sorella" in text
    assert OPERATOR["full_name"] in text


def test_nothing_is_written_when_she_stops_or_chooses_no_section(
    qtbot: Any, her_case: tuple[MainWindow, cases.CaseRef], tmp_path: Path
) -> None:
    window, _ref = her_case
    dialog = _open_dialog(qtbot, window)
    for check in dialog.sections.values():
        check.setChecked(False)
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.error.isVisible()  # "Choose at least one section."
    dialog.sections["risk"].setChecked(True)
    messages.set_next_answer(messages.Button.No)  # the warning: she stops
    click(qtbot, dialog.ok_button)
    files.set_next(None)  # the file dialog: she cancels
    messages.set_next_answer(messages.Button.Yes)
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    assert dialog.isVisible() and not list(tmp_path.rglob("*.pdf"))


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_dialog_has_unique_mnemonics_and_fits(
    qtbot: Any, qapp: Any, her_case: tuple[MainWindow, cases.CaseRef], language: str
) -> None:
    window, _ref = her_case
    install_translators(qapp, language)
    try:
        view = window.cases_page.case_view
        assert view.case is not None
        dialog = CaseSummaryDialog(view.context, view.case, window)
        dialog.show()
        QApplication.processEvents()
        assert not clashes(dialog)
        assert dialog.width() <= 1366 and dialog.height() <= 700
        if language == "it":
            assert dialog.windowTitle().startswith("Riepilogo del caso")
        dialog.reject()
    finally:
        install_translators(qapp, "en")
