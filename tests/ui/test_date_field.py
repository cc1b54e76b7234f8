"""The date field, typed into key by key: it keeps what she typed, says what is wrong, never guesses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QTableView, QVBoxLayout, QWidget

from app.services import validation
from app.ui.kit.date_field import DateField, InvalidDate
from app.ui.kit.fields import BirthDateEdit, DateEdit, DueDateEdit, FieldErrors, error_label

pytestmark = pytest.mark.usefixtures("ui_env")

MARCH_14 = dt.date(1985, 3, 14)


@pytest.fixture
def host(qtbot: Any) -> Iterator[QWidget]:
    """A shown, active window to put fields in (focus and leaving a field need one)."""
    window = QWidget()
    QVBoxLayout(window)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window


def put(host: QWidget, field: DateField) -> DateField:
    layout = host.layout()
    assert layout is not None
    layout.addWidget(field)
    layout.addWidget(QWidget())  # somewhere for the focus to go when she leaves the field
    field.show()
    field.setFocus()
    return field


def type_date(qtbot: Any, field: DateField, text: str) -> None:
    """Select what is there, type over it, and press Enter (which leaves the text as it will be saved)."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def invalid(field: DateField) -> bool:
    return field.edit.property("invalid") is True


@pytest.mark.parametrize("typed", ["14/03/1985", "14031985", "14-3-85", "14.3.1985", "1985-03-14", "140385"])
def test_each_format_becomes_the_day_and_is_shown_as_saved(qtbot: Any, host: QWidget, typed: str) -> None:
    field = put(host, BirthDateEdit())
    qtbot.keyClicks(field.edit, typed)
    assert field.day_or_none() == MARCH_14
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.text() == "14/03/1985" and field.day_or_none() == MARCH_14
    assert not field.message.isVisible() and not invalid(field)


def test_while_typing_a_short_form_the_field_says_which_day_it_reads(qtbot: Any, host: QWidget) -> None:
    field = put(host, BirthDateEdit())
    qtbot.keyClicks(field.edit, "14-3-85")
    assert field.message.isVisible() and "1985" in field.message.text() and "March" in field.message.text()
    assert not invalid(field)
    field.edit.clearFocus()  # leaving the field: rewritten as it will be saved, nothing more to say
    assert field.text() == "14/03/1985" and not field.message.isVisible()


def test_an_impossible_day_is_kept_marked_and_explained_until_corrected(qtbot: Any, host: QWidget) -> None:
    field = put(host, DueDateEdit())
    qtbot.keyClicks(field.edit, "31/02/20")
    assert not field.message.isVisible() and not invalid(field)  # no scolding while she is still typing
    qtbot.keyClicks(field.edit, "27")
    field.edit.clearFocus()
    assert field.text() == "31/02/2027"  # what she typed, not a guess
    assert field.message.isVisible() and field.message.text() == "There is no 31 February 2027."
    assert invalid(field) and not field.is_valid()
    with pytest.raises(InvalidDate):
        field.day_or_none()
    field.edit.setFocus()
    for _ in range(3):
        qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    assert field.text() == "31/02/2"
    assert field.message.text() == "Not a date: write it as dd/mm/yyyy, e.g. 14/03/1985."
    field.edit.setText("")
    qtbot.keyClicks(field.edit, "28/02/2027")
    assert not field.message.isVisible() and not invalid(field)  # cleared as soon as it is right
    assert field.day_or_none() == dt.date(2027, 2, 28)


@pytest.mark.parametrize(
    ("make", "typed", "said"),
    [
        (BirthDateEdit, "14/03/2030", "The date of birth cannot be in the future."),
        (BirthDateEdit, "14/03/1850", "The date of birth must be between"),
        (DateEdit, "1/1/2099", "The date cannot be in the future."),
        (DateEdit, "14/03/1985", "The date must be between 01/01/1990 and"),
        (DueDateEdit, "1/1/2099", "The date must be between 01/01/1990 and 31/12/"),
        (DateEdit, "", "Enter the date."),
        (BirthDateEdit, "14/13/1985", "The month must be between 1 and 12."),
    ],
)
def test_limits_are_said_in_words(
    qtbot: Any, host: QWidget, make: type[DateField], typed: str, said: str
) -> None:
    field = put(host, make())
    type_date(qtbot, field, typed)
    assert field.text() == typed
    assert field.message.isVisible() and field.message.text().startswith(said) and invalid(field)
    with pytest.raises(InvalidDate):
        field.day()


def test_an_empty_optional_field_is_no_date(qtbot: Any, host: QWidget) -> None:
    field = put(host, BirthDateEdit())
    type_date(qtbot, field, "")
    assert field.is_valid() and field.day_or_none() is None and not field.message.isVisible()


def test_arrows_never_make_up_a_date(qtbot: Any, host: QWidget) -> None:
    """The reported defect: ↑ in the empty field, then typing, saved 02/03/1985."""
    field = put(host, BirthDateEdit())
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    assert field.text() == "" and field.day_or_none() is None
    qtbot.keyClicks(field.edit, "14/03/1985")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.day_or_none() == MARCH_14
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)  # from a valid day: the next one, in plain sight
    assert field.text() == "15/03/1985" and field.day_or_none() == dt.date(1985, 3, 15)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    assert field.text() == "13/03/1985"
    field.edit.setText("31/02/1985")
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)  # nothing to step from
    assert field.text() == "31/02/1985"


def test_arrows_stay_within_the_limits(qtbot: Any, host: QWidget) -> None:
    field = put(host, DateEdit())
    assert field.text() == validation.today().strftime("%d/%m/%Y")
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)  # tomorrow has not happened
    assert field.day() == validation.today()
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    assert field.day() == validation.today() - dt.timedelta(days=1)


def calendar_of(field: DateField) -> QCalendarWidget:
    assert field.popup is not None and field.popup.isVisible()
    return field.popup.calendar


def test_the_calendar_opens_at_the_typed_day_with_weekday_names(qtbot: Any, host: QWidget) -> None:
    field = put(host, BirthDateEdit())
    qtbot.keyClicks(field.edit, "14031985")
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = calendar_of(field)
    assert (calendar.yearShown(), calendar.monthShown()) == (1985, 3)
    assert calendar.selectedDate().toPython() == MARCH_14
    assert calendar.horizontalHeaderFormat() == QCalendarWidget.HorizontalHeaderFormat.ShortDayNames
    view = calendar.findChild(QTableView)
    assert view is not None
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # picked: shown at once, as it will be saved
    assert not field.popup.isVisible()  # type: ignore[union-attr]
    assert field.text() == "15/03/1985" and field.day_or_none() == dt.date(1985, 3, 15)
    assert field.edit.hasFocus()


def test_the_calendar_of_an_empty_or_wrong_field_opens_at_today(qtbot: Any, host: QWidget) -> None:
    field = put(host, DueDateEdit())
    field.button.click()
    calendar = calendar_of(field)
    today = validation.today()
    assert calendar.selectedDate().toPython() == today
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    qtbot.keyClick(calendar.findChild(QTableView), Qt.Key.Key_Escape)
    assert not calendar.isVisible() and field.text() == ""
    field.edit.setText("31/02/2027")
    field.open_calendar()
    assert calendar_of(field).selectedDate().toPython() == today


def test_the_birth_date_calendar_opens_at_the_latest_possible_birth(qtbot: Any, host: QWidget) -> None:
    """Not January 1900: the nearest day she can have been born on, as today is not one."""
    field = put(host, BirthDateEdit())
    field.open_calendar()
    calendar = calendar_of(field)
    assert calendar.selectedDate().toPython() == dt.date(
        validation.today().year - validation.YOUNGEST_AGE, 12, 31
    )
    assert calendar.minimumDate().year() == validation.today().year - validation.OLDEST_BIRTH_YEAR_SPAN


def test_a_refusal_of_the_service_marks_the_text_box_until_she_types(qtbot: Any, host: QWidget) -> None:
    field = put(host, BirthDateEdit())
    field.set_day(MARCH_14)
    errors = FieldErrors(error_label())
    errors.bind("birth_date", field)
    errors.show("refused", "birth_date")
    assert invalid(field) and field.edit.hasFocus()
    qtbot.keyClicks(field.edit, "x")  # she is correcting it: the refusal was about the old text
    assert not invalid(field) and not field.message.isVisible()
    field.edit.clearFocus()
    assert invalid(field) and field.message.isVisible()  # but the new text is no date either
    errors.clear()
    field.set_day(MARCH_14)
    assert not invalid(field) and not field.message.isVisible()


def test_the_problem_is_said_beside_the_field_or_under_it_in_a_narrow_column(
    qtbot: Any, host: QWidget
) -> None:
    field = put(host, BirthDateEdit())
    type_date(qtbot, field, "31/02/1985")
    host.resize(900, 200)
    qtbot.waitUntil(lambda: field.message.x() > field.button.x())  # a wide form: on the same line
    assert abs(field.message.geometry().center().y() - field.edit.geometry().center().y()) < 10
    host.resize(260, 200)
    qtbot.waitUntil(lambda: field.message.y() >= field.edit.geometry().bottom())  # a narrow column: under it
    assert field.message.isVisible() and field.message.width() > 200
