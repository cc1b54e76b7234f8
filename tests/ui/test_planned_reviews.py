"""The pathway's dialogs ask for the next review (one interval on, following the day agreed until she
types her own); a refused day is said beside its field, never over the notes; a goal is rewritten in its
dialog and its earlier version shows on the pathway tab."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from app.services import cases, validation
from app.ui.controller import AppController
from app.ui.kit.dates import format_date
from app.ui.main_window import MainWindow
from app.ui.models.codes import date_text
from tests.conftest import ADMIN
from tests.ui.helpers import click, wait_idle
from tests.ui.test_cases_file import open_case, session, type_date

pytestmark = pytest.mark.usefixtures("ui_env")


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


@pytest.fixture
def pathway_view(qtbot: Any, controller: AppController) -> tuple[MainWindow, Any, cases.CaseRef]:
    window = session(qtbot, controller, ADMIN)
    assert controller.workspace is not None
    opened = validation.today() - dt.timedelta(days=30)
    consent = cases.ConsentInput(scopes=("TRATTAMENTO", "STATISTICHE"), date=opened)
    ref = cases.open_case(
        controller.workspace,
        cases.IdentityInput("Ada", "Colombo"),
        cases.ProfileInput(),
        consent,
        opened_on=opened,
    )
    open_case(qtbot, window.cases_page, ref.id)
    view = window.cases_page.case_view
    view.tabs.setCurrentWidget(view.pathway)
    return window, view, ref


def test_agreeing_asks_the_next_review_and_refuses_one_before_the_agreement(
    qtbot: Any, controller: AppController, pathway_view: tuple[MainWindow, Any, cases.CaseRef]
) -> None:
    _window, view, ref = pathway_view
    today = validation.today()
    click(qtbot, view.pathway.agree_button)
    dialog = view.pathway.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.next_review.date.text() == format_date(cases.add_months(today, 3))  # the centre's interval
    assert "3 months" in dialog.next_review.explanation.text()

    # a refused day agreed (before the case was opened): the refusal makes room, nothing overlaps the notes
    type_date(qtbot, dialog.date, format_date(today - dt.timedelta(days=40)))
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    QApplication.processEvents()
    assert dialog.isVisible() and dialog.error.isVisible()
    shown = [
        w
        for w in dialog.findChildren(QWidget)
        if w.isVisible() and w.parentWidget() is dialog and not isinstance(w, QDialogButtonBox)
    ]
    overlaps = [
        (a.objectName() or type(a).__name__, b.objectName() or type(b).__name__)
        for i, a in enumerate(shown)
        for b in shown[i + 1 :]
        if global_rect(a).intersects(global_rect(b))
    ]
    assert overlaps == []

    earlier = today - dt.timedelta(days=1)
    type_date(qtbot, dialog.date, format_date(earlier))  # the offer follows the day agreed
    assert dialog.next_review.date.text() == format_date(cases.add_months(earlier, 3))

    type_date(qtbot, dialog.next_review.date, format_date(earlier - dt.timedelta(days=3)))
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    assert dialog.isVisible()
    assert "must come after the day the pathway is agreed" in dialog.error.text()
    assert controller.workspace is not None
    assert cases.get_case(controller.workspace, ref.id).pathway is None

    six_weeks = today + dt.timedelta(weeks=6)
    type_date(qtbot, dialog.next_review.date, format_date(six_weeks))
    type_date(qtbot, dialog.date, format_date(today))  # her own day stays when the day agreed changes
    assert dialog.next_review.date.text() == format_date(six_weeks)
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.case is not None and view.case.pathway is not None)
    pathway = cases.get_case(controller.workspace, ref.id).pathway
    assert pathway is not None and pathway.next_review_on == six_weeks
    assert date_text(six_weeks) in view.pathway.summary.text()
    assert date_text(six_weeks) in view.header.meta.text()


def test_a_review_plans_the_next_and_a_goal_is_rewritten_with_its_history(
    qtbot: Any, controller: AppController, pathway_view: tuple[MainWindow, Any, cases.CaseRef]
) -> None:
    _window, view, ref = pathway_view
    ws = controller.workspace
    assert ws is not None
    today = validation.today()
    cases.agree_pathway(ws, ref.id, today - dt.timedelta(days=30))
    cases.add_goal(ws, ref.id, "ABITATIVA", "A safe flat", today + dt.timedelta(days=60))
    view.reload()
    qtbot.waitUntil(lambda: view.pathway.goals.rowCount() == 1)

    click(qtbot, view.pathway.review_button)
    dialog = view.pathway.dialog
    assert dialog.next_review.date.text() == format_date(cases.add_months(today, 3))
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.case is not None and len(view.case.pathway.reviews) == 1)
    assert cases.get_case(ws, ref.id).pathway.next_review_on == cases.add_months(today, 3)  # type: ignore[union-attr]

    assert not view.pathway.edit_goal_button.isEnabled()  # nothing selected yet
    view.pathway.goals.selectRow(0)
    click(qtbot, view.pathway.edit_goal_button)
    dialog = view.pathway.dialog
    assert dialog.description.text() == "A safe flat" and not dialog.area.isEnabled()
    dialog.description.selectAll()
    qtbot.keyClicks(dialog.description, "A safe flat near her sister")
    click(qtbot, dialog.ok_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.case is not None and view.case.pathway.goals[0].history != ())
    goal = cases.get_case(ws, ref.id).pathway.goals[0]  # type: ignore[union-attr]
    assert goal.description == "A safe flat near her sister"
    assert [old.description for old in goal.history] == ["A safe flat"]
    qtbot.waitUntil(lambda: "edited" in view.pathway.goals.item(0, 1).text())
    assert "A safe flat" in view.pathway.goals.item(0, 1).toolTip()
