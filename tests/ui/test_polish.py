"""Small defects met while using the application for a day at 1366x768, each kept fixed by a test."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QWizard

from app.ui.controller import AppController
from tests.conftest import ADMIN
from tests.ui.helpers import log_in, wait_idle
from tests.ui.test_fit import SCREENS, room

pytestmark = pytest.mark.usefixtures("ui_env")


def test_the_intake_consent_page_shows_next_without_scrolling_at_1366x768(
    qtbot: Any, controller: AppController
) -> None:
    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    wait_idle(qtbot)
    assert window.backup_banner is not None and window.backup_banner.isVisibleTo(window)
    controller.shell.resize(room(SCREENS["1366x768"]))
    window.cases_page.new_case()
    wizard = window.cases_page.wizard
    assert wizard is not None
    QApplication.processEvents()
    page_scroll = window.pages.currentWidget()
    assert isinstance(page_scroll, QScrollArea)
    assert page_scroll.verticalScrollBar().maximum() == 0, "the page scrolls as a whole"
    visible = QRect(QPoint(0, 0), controller.shell.size())
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton):
        button = wizard.button(which)
        place = QRect(button.mapTo(controller.shell, QPoint(0, 0)), button.size())
        assert visible.contains(place), f"{button.text()} at {place} outside {visible}"


def test_enter_takes_the_only_completion_of_a_country(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    from app.ui.kit.fields import CountryCombo

    combo = CountryCombo("—")
    qtbot.addWidget(combo)
    combo.show()
    combo.edit.setFocus()
    qtbot.keyClicks(combo.edit, "Ital")
    popup = combo.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.code() == "IT", combo.currentText()
    combo.set_code(None)
    qtbot.keyClicks(combo.edit, "ger")  # Algeria, Germania, Niger, Nigeria…: Enter takes the first shown
    qtbot.keyClick(popup if popup.isVisible() else combo.edit, Qt.Key.Key_Return)
    assert combo.code() not in (None, "?"), combo.currentText()


def test_the_intake_risk_follows_the_interview_date_and_the_summary_names_the_shared_services(
    qtbot: Any, controller: AppController
) -> None:
    import datetime as dt

    from app.ui.intake.consent_page import RISK, SUMMARY

    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    wait_idle(qtbot)
    window.cases_page.new_case()
    wizard = window.cases_page.wizard
    assert wizard is not None
    wizard.consent.processing.setChecked(True)
    wizard.consent.sharing.setChecked(True)
    wizard.consent.partners.set_codes(["SERV_SOC", "CONSULTORIO"])
    wizard.next()
    wizard.identity.form.first_name.setText("Giulia")
    wizard.next()
    wizard.next()
    interview_day = dt.date.today() - dt.timedelta(days=3)
    wizard.interview.form.date.set_day(interview_day)
    wizard.interview.form.channel.setCurrentIndex(1)
    wizard.interview.form.mode.setCurrentIndex(1)
    wizard.next()
    assert wizard.currentId() == RISK, wizard.interview.error.text()
    assert wizard.risk.form.date.day() == interview_day  # assessed in the interview, not today
    wizard.back()
    wizard.interview.form.date.set_day(interview_day - dt.timedelta(days=1))
    wizard.next()
    assert wizard.risk.form.date.day() == interview_day - dt.timedelta(days=1)
    chosen = interview_day + dt.timedelta(days=1)
    wizard.risk.form.date.set_day(chosen)  # her own choice is kept
    wizard.back()
    wizard.next()
    assert wizard.risk.form.date.day() == chosen
    wizard.next()
    assert wizard.currentId() == SUMMARY
    summary = wizard.summary.text.text()
    assert "Social services" in summary and "Family clinic" in summary, summary


def test_the_detailed_service_dialog_gives_a_phone_service_the_phone(qtbot: Any) -> None:
    """Its fields are the quick entry bar's: the mode follows the type until she picks one herself."""
    from PySide6.QtCore import QObject

    from app.ui.kit.field_groups import ServiceFields
    from app.ui.kit.fields import DateEdit

    owner = QObject()
    fields = ServiceFields(owner, DateEdit(), "Service type")
    assert fields.service_type.code() == "ASCOLTO"  # the first type: listening on the phone line
    assert fields.mode.code() == "TELEFONO"
    fields.service_type.set_code("LEGALE_CIV")
    assert fields.mode.code() == "PRESENZA"
    fields.mode.set_code("VIDEO")
    fields.mode.activated.emit(fields.mode.currentIndex())  # as a click on a choice
    fields.service_type.set_code("ASCOLTO")
    assert fields.mode.code() == "VIDEO"


def test_the_do_not_contact_banner_names_no_number_once_her_identity_is_erased(
    qtbot: Any, controller: AppController
) -> None:
    import datetime as dt

    from app.services import cases
    from app.services.cases import ConsentInput, IdentityInput, ProfileInput
    from app.ui.casefile.header import CaseHeader

    log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    wait_idle(qtbot)
    ws = controller.workspace
    assert ws is not None
    consent = ConsentInput(scopes=("TRATTAMENTO",), date=dt.date.today())  # not to be contacted
    ref = cases.open_case(ws, IdentityInput("Anna", "Colombo", phone="333 1234567"), ProfileInput(), consent)
    header = CaseHeader()
    qtbot.addWidget(header)
    header.show_case(cases.get_case(ws, ref.id))
    assert header.do_not_contact.isVisibleTo(header)
    assert "number" in header.do_not_contact_text.text()
    cases.erase_identity(ws, ref.id)
    header.show_case(cases.get_case(ws, ref.id))
    assert header.do_not_contact.isVisibleTo(header)
    assert "number" not in header.do_not_contact_text.text()


def test_the_threshold_names_the_rule_that_sets_its_floor() -> None:
    """Not "the law": the SISTAN ethics rules for statistics (DOMAIN.md, disclosure control), in both languages."""
    from app.i18n import translate_in
    from app.services.errors import CONTEXT

    source = (
        "The threshold must be a whole number from {low} to 50 (the SISTAN ethics rules for statistics, art. 5, "
        "allow no less than 3)."
    )
    for language in ("it", "en"):
        text = translate_in(language, CONTEXT, source)
        assert "SISTAN" in text.upper() and "art. 5" in text, text
    assert translate_in("it", CONTEXT, source) != source


def _indicator_points_down(header: Any, column: int) -> bool:
    """Read the drawn sort indicator of `column`: a V (down) is wide at its top, a Λ (up) at its bottom."""
    image = header.grab().toImage()
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    spans: dict[int, list[int]] = {}
    for x in range(max(0, right - 40), right):
        for y in range(image.height()):
            colour = image.pixelColor(x, y)
            if colour.value() < 150 and abs(colour.red() - colour.blue()) < 40:  # the grey ink of the arrow
                spans.setdefault(y, []).append(x)
    assert spans, "no sort indicator drawn"
    top, bottom = min(spans), max(spans)
    width = {y: max(xs) - min(xs) for y, xs in spans.items()}
    return width[top] > width[bottom]


def test_the_sort_arrow_points_down_for_newest_first(qtbot: Any, controller: AppController) -> None:
    from PySide6.QtCore import Qt

    from tests.ui.test_fit import new_case

    window = log_in(qtbot, controller, ADMIN["username"], ADMIN["password"])
    wait_idle(qtbot)
    new_case(controller)
    listing = window.cases_page.list
    header = listing.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder  # newest code first
    assert _indicator_points_down(header, 0)
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot)
    assert not _indicator_points_down(header, 0)


def _busy_dialogs() -> list[Any]:
    from PySide6.QtWidgets import QProgressDialog

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_one_busy_indicator_at_a_time_centred_on_its_window_and_on_screen(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from PySide6.QtWidgets import QWidget

    from app.ui.config import CONFIG
    from app.ui.kit import operations

    monkeypatch.setattr(CONFIG, "busy_delay_ms", 0)
    release = threading.Event()
    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(200, 150, 900, 600)
    window.show()
    qtbot.waitExposed(window)
    for text in ("Unlocking…", "Unlocking…"):  # a second one queued behind the first
        operations.run(window, lambda: release.wait(10), lambda _r: None, busy_text=text)
    qtbot.waitUntil(lambda: bool(_busy_dialogs()))
    qtbot.wait(100)
    shown = _busy_dialogs()
    assert len(shown) == 1, [d.labelText() for d in shown]
    centre, frame = shown[0].frameGeometry().center(), window.frameGeometry().center()
    assert abs(centre.x() - frame.x()) <= 2 and abs(centre.y() - frame.y()) <= 2, (centre, frame)
    release.set()
    qtbot.waitUntil(operations.idle)
    assert not _busy_dialogs()

    hidden = QWidget()  # a window not on screen yet (the set-up, before the main window shows)
    qtbot.addWidget(hidden)
    hidden.setGeometry(0, 0, 1, 1)
    release.clear()
    operations.run(hidden, lambda: release.wait(10), lambda _r: None, busy_text="Please wait…")
    qtbot.waitUntil(lambda: bool(_busy_dialogs()))
    screen = QApplication.primaryScreen().availableGeometry()
    assert screen.contains(_busy_dialogs()[0].frameGeometry()), _busy_dialogs()[0].frameGeometry()
    release.set()
    qtbot.waitUntil(operations.idle)


RESTORE_ERASURES = (
    "The %n erasure(s), consent withdrawal(s) and revocation(s) made since then are applied again."
)


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [
        ("it", "1 cancellazione, revoca del consenso o revoca di accesso fatta", "Le 3 cancellazioni"),
        ("en", "1 erasure, consent withdrawal or revocation made since then is", "The 3 erasures"),
    ],
)
def test_counts_agree_with_their_number_in_both_languages(
    qapp: Any, language: str, one: str, three: str
) -> None:
    """The restore said "Le 1 cancellazioni": counts go through Qt's %n plural forms, Italian and English."""
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import install_translators

    install_translators(qapp, language)
    try:
        assert QCoreApplication.translate("RestoreDialog", RESTORE_ERASURES, "", 1).startswith(one)
        assert QCoreApplication.translate("RestoreDialog", RESTORE_ERASURES, "", 3).startswith(three)
        assert QCoreApplication.translate("CaseListView", "%n case(s)", "", 1) == (
            "Casi: 1" if language == "it" else "1 case"
        )
    finally:
        install_translators(qapp, "en")


def test_every_plural_message_has_its_english_forms() -> None:
    """English is the source, but "%n case(s)" must read "1 case" / "2 cases": the plural-only catalogue."""
    import xml.etree.ElementTree as ET

    from tools import update_translations as update

    def numerus(path: Any) -> dict[tuple[str, str], list[str]]:
        return {
            (context.findtext("name", ""), message.findtext("source", "")): [
                form.text or "" for form in message.iter("numerusform")
            ]
            for context in ET.parse(path).getroot().iter("context")
            for message in context.iter("message")
            if message.get("numerus") == "yes"
        }

    italian, english = numerus(update.TS_FILE), numerus(update.EN_TS_FILE)
    assert italian.keys() == english.keys()
    problems = [
        f"{key}: {forms}" for key, forms in english.items() if len(forms) != 2 or "(s)" in "".join(forms)
    ]
    assert not problems, "\n".join(problems)


def test_the_english_plural_catalogue_is_compiled(tmp_path: Any) -> None:
    from tools import update_translations as update

    fresh = tmp_path / "fresh.qm"
    update.lrelease(update.EN_TS_FILE, fresh)
    assert fresh.read_bytes() == update.EN_QM_FILE.read_bytes(), "run: python tools/update_translations.py"
