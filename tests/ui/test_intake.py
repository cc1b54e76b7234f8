"""The intake wizard, driven by typing and clicking: with consent a case opens; without, only a contact."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QWizard
from sqlalchemy import func, select

from app.models.cases import Contact, Identity
from app.services import cases, validation
from app.ui.controller import AppController
from app.ui.intake.wizard import IntakeWizard
from app.ui.kit.date_field import DateField
from app.ui.pages.cases import CasesPage
from tests.conftest import OPERATOR
from tests.ui.helpers import click, log_in, type_into, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture
def page(qtbot: Any, controller: AppController) -> CasesPage:
    window = log_in(qtbot, controller, OPERATOR["username"], OPERATOR["password"])
    page: CasesPage = window.cases_page
    wait_idle(qtbot)
    controller.shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    return page


def choose(qtbot: Any, combo: QComboBox, typed: str) -> None:
    """Keyboard search in a closed combo, as a person picks an item by its first letters."""
    combo.setFocus()
    qtbot.keyClicks(combo, typed)
    assert combo.currentText().lower().startswith(typed.lower()), combo.currentText()


def tick(qtbot: Any, box: QCheckBox) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def next_page(qtbot: Any, wizard: QWizard) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def counts(controller: AppController) -> tuple[int, int, int]:
    ws = controller.workspace
    assert ws is not None
    with ws.transaction(write=False) as session:
        contacts = session.scalar(select(func.count()).select_from(Contact)) or 0
        identities = session.scalar(select(func.count()).select_from(Identity)) or 0
    return cases.search_cases(ws, statuses=None).total, contacts, identities


def test_first_intake_then_find_and_open_it(qtbot: Any, controller: AppController, page: CasesPage) -> None:
    click(qtbot, page.list.new_button)
    wizard = page.wizard
    assert wizard is not None and wizard.isVisible()
    consent = wizard.consent
    tick(qtbot, consent.processing)
    tick(qtbot, consent.contact)
    tick(qtbot, consent.sharing)
    tick(qtbot, consent.partners.boxes["CASA_RIFUGIO"])
    next_page(qtbot, wizard)

    identity = wizard.identity.form
    assert wizard.currentPage() is wizard.identity
    type_into(qtbot, identity.first_name, "Giulia")
    type_into(qtbot, identity.last_name, "Esposito")
    type_into(qtbot, identity.phone, "333 1234567")
    next_page(qtbot, wizard)

    profile = wizard.profile.form
    profile.birth_year.setFocus()
    profile.birth_year.selectAll()
    qtbot.keyClicks(profile.birth_year, "1988")
    type_into(qtbot, profile.country.edit, "Italy")
    profile.children_count.setValue(2)
    profile.minors.setValue(3)  # more minors than children: refused before leaving the page
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.profile and wizard.profile.error.isVisible()
    assert profile.minors.property("invalid") is True
    profile.minors.setValue(1)
    next_page(qtbot, wizard)

    interview = wizard.interview.form
    assert wizard.currentPage() is wizard.interview
    next_page(qtbot, wizard)  # the access channel is required
    assert wizard.currentPage() is wizard.interview and wizard.interview.error.isVisible()
    choose(qtbot, interview.channel, "1522")
    choose(qtbot, interview.mode, "Phone")
    tick(qtbot, interview.forms.boxes["FISICA"])
    tick(qtbot, interview.forms.boxes["PSICOLOGICA"])
    choose(qtbot, interview.relationship, "ex-s")
    next_page(qtbot, wizard)

    risk = wizard.risk.form
    choose(qtbot, risk.level, "High")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary
    assert "Giulia Esposito" in wizard.summary.text.text()
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    wait_idle(qtbot)

    view = page.case_view
    qtbot.waitUntil(lambda: page.stack.currentWidget() is view and view.case is not None, timeout=10_000)
    case = view.case
    assert case is not None and page.wizard is None
    assert view.header.code.text() == case.code and case.code.startswith("BG-")
    assert [i.violence_forms for i in case.intakes] == [("FISICA", "PSICOLOGICA")]
    assert case.intakes[0].relationship == "03"
    assert [r.level for r in case.risks] == ["ELEVATO"]
    assert case.profile.country == "IT" and case.profile.birth_year == 1988 and case.profile.minors_count == 1
    assert case.contact_allowed and not view.header.do_not_contact.isVisible()
    assert {(c.scope, c.partner) for c in case.consents} >= {
        ("TRATTAMENTO", ""),
        ("CONDIVISIONE_RETE", "CASA_RIFUGIO"),
    }
    assert counts(controller) == (1, 1, 1)

    controller.shell.activateWindow()  # the country completer's popup took the activation (offscreen)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.shell)
    click(qtbot, view.back_button)
    listing = page.list
    wait_idle(qtbot)
    assert listing.table.hasFocus()
    qtbot.keyClick(listing.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert listing.search.hasFocus()
    qtbot.keyClicks(listing.search, "espo")
    qtbot.waitUntil(
        lambda: listing.model.rowCount() == 1 and listing.model.query.text == "espo", timeout=5000
    )
    wait_idle(qtbot)
    view.clear()
    qtbot.keyClick(listing.search, Qt.Key.Key_Return)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.case is not None and view.case.code == case.code, timeout=5000)


def test_without_consent_only_an_anonymous_contact_is_kept(
    qtbot: Any, controller: AppController, page: CasesPage
) -> None:
    click(qtbot, page.list.new_button)
    wizard = page.wizard
    assert wizard is not None
    assert not wizard.consent.processing.isChecked()
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.contact
    contact = wizard.contact
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    click(qtbot, finish)  # nothing chosen: the service refuses, the field is pointed at
    wait_idle(qtbot)
    assert contact.error.isVisible() and contact.channel.property("invalid") is True
    choose(qtbot, contact.channel, "Police")
    choose(qtbot, contact.mode, "In person")
    click(qtbot, finish)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.wizard is None, timeout=5000)
    assert page.stack.currentWidget() is page.list
    assert page.toast.isVisible() and "no personal data" in page.toast.text()
    assert counts(controller) == (0, 1, 0)


def test_cancelling_the_intake_asks_once_data_was_typed(
    qtbot: Any, controller: AppController, page: CasesPage
) -> None:
    from app.ui.kit import messages

    click(qtbot, page.list.new_button)
    wizard = page.wizard
    assert wizard is not None
    tick(qtbot, wizard.consent.processing)
    next_page(qtbot, wizard)
    messages.set_next_answer(messages.Button.No)
    click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    assert page.wizard is wizard
    messages.set_next_answer(messages.Button.Yes)
    qtbot.keyClick(wizard.identity.form.first_name, Qt.Key.Key_Escape)
    assert page.wizard is None and page.stack.currentWidget() is page.list
    assert counts(controller) == (0, 0, 0)


def start_intake(qtbot: Any, page: CasesPage) -> IntakeWizard:
    """A new intake with consent to processing, on the identity step."""
    click(qtbot, page.list.new_button)
    wizard = page.wizard
    assert wizard is not None
    tick(qtbot, wizard.consent.processing)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.identity
    type_into(qtbot, wizard.identity.form.first_name, "Giulia")
    return wizard


def type_date(qtbot: Any, field: DateField, text: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, text)


def open_the_case(
    qtbot: Any, controller: AppController, page: CasesPage, wizard: IntakeWizard
) -> cases.CaseFile:
    """From the profile step: the interview's two required answers, then Finish; the case as stored."""
    next_page(qtbot, wizard)
    choose(qtbot, wizard.interview.form.channel, "1522")
    choose(qtbot, wizard.interview.form.mode, "Phone")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.summary
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    wait_idle(qtbot)
    view = page.case_view
    qtbot.waitUntil(lambda: view.case is not None, timeout=10_000)
    assert view.case is not None and controller.workspace is not None
    return cases.get_case(controller.workspace, view.case.id)


@pytest.mark.parametrize("typed", ["14/03/1985", "14031985", "14-3-85", "14.3.1985", "1985-03-14"])
def test_a_typed_date_of_birth_is_saved_and_fills_the_year_of_birth(
    qtbot: Any, controller: AppController, page: CasesPage, typed: str
) -> None:
    wizard = start_intake(qtbot, page)
    birth = wizard.identity.form.birth_date
    type_date(qtbot, birth, typed)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.profile
    assert birth.text() == "14/03/1985"  # she saw, on leaving the field, the day that is saved
    assert wizard.profile.form.birth_year.value_or_none() == 1985
    assert "1985" in wizard.summary_html()
    case = open_the_case(qtbot, controller, page, wizard)
    assert case.identity is not None and case.identity.birth_date == dt.date(1985, 3, 14)
    assert case.profile.birth_year == 1985


def test_an_impossible_date_of_birth_stays_visible_and_blocks_the_step(
    qtbot: Any, controller: AppController, page: CasesPage
) -> None:
    wizard = start_intake(qtbot, page)
    birth = wizard.identity.form.birth_date
    type_date(qtbot, birth, "31/02/1985")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.identity
    assert birth.text() == "31/02/1985" and birth.edit.hasFocus()
    assert birth.message.isVisible() and birth.message.text() == "There is no 31 February 1985."
    assert birth.edit.property("invalid") is True
    assert wizard.identity.error.isVisible()
    assert wizard.identity.error.text() == "Date of birth: There is no 31 February 1985."
    type_date(qtbot, birth, "28/02/1985")
    assert not birth.message.isVisible() and not wizard.identity.error.isVisible()  # taken back once right
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.profile and wizard.profile.form.birth_year.value_or_none() == 1985

    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))  # she corrects the date: the year follows
    type_date(qtbot, birth, "28/02/1986")
    next_page(qtbot, wizard)
    assert wizard.profile.form.birth_year.value_or_none() == 1986
    wizard.profile.form.birth_year.setValue(1984)  # a year chosen by hand is hers: left alone
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    type_date(qtbot, birth, "28/02/1987")
    next_page(qtbot, wizard)
    assert wizard.profile.form.birth_year.value_or_none() == 1984
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    type_date(qtbot, birth, "")  # an optional date left empty: no date
    next_page(qtbot, wizard)
    assert wizard.profile.form.birth_year.value_or_none() == 1984
    case = open_the_case(qtbot, controller, page, wizard)
    assert case.identity is not None and case.identity.birth_date is None and case.profile.birth_year == 1984


def test_a_date_in_the_future_is_refused_on_the_consent_step(
    qtbot: Any, controller: AppController, page: CasesPage
) -> None:
    click(qtbot, page.list.new_button)
    wizard = page.wizard
    assert wizard is not None
    tick(qtbot, wizard.consent.processing)
    type_date(qtbot, wizard.consent.date, "1/1/2099")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.consent
    assert wizard.consent.date.message.text() == "The date cannot be in the future."
    assert wizard.consent.date.text() == "1/1/2099"
    year = validation.today().year
    type_date(qtbot, wizard.consent.date, f"1/1/{year % 100:02d}")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.identity
    assert wizard.consent.date.text() == f"01/01/{year}" and wizard.consent.value().date == dt.date(
        year, 1, 1
    )


def test_statistics_consent_starts_unticked_and_the_intake_works_without_it(
    qtbot: Any, controller: AppController, page: CasesPage
) -> None:
    """A pre-ticked box is not consent: without the tick she is left out of the statistics."""
    wizard = start_intake(qtbot, page)
    assert not wizard.consent.statistics.isChecked()
    assert "STATISTICHE" not in wizard.consent.value().scopes


def test_ticking_the_processing_consent_moves_nothing(qtbot: Any, page: CasesPage) -> None:
    """The hint under the processing consent goes, its room stays: the next box is not pulled under her mouse."""
    click(qtbot, page.list.new_button)
    wizard = page.wizard
    assert wizard is not None
    consent = wizard.consent
    before = consent.contact.mapTo(consent, consent.contact.rect().topLeft())
    tick(qtbot, consent.processing)
    QApplication.processEvents()
    assert not consent.without.isVisible()
    assert consent.contact.mapTo(consent, consent.contact.rect().topLeft()) == before


def test_the_first_interview_has_room_for_its_notes(qtbot: Any, page: CasesPage) -> None:
    click(qtbot, page.list.new_button)
    wizard = page.wizard
    assert wizard is not None
    notes = wizard.interview.form.notes
    lines = notes.viewport().height() // notes.fontMetrics().lineSpacing()
    assert lines >= 5, f"{lines} lines"
