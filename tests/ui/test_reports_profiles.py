"""Reports page: export for ISTAT, the Region or a funder after the data-quality check, and the cases the
check found opened as a filtered case list."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.i18n import day_text
from app.models.audit import AuditEvent
from app.models.cases import Case
from app.reports.periods import parse_period
from app.services import releases, reports
from app.ui.controller import AppController
from app.ui.i18n import ui_language
from app.ui.kit import files, messages
from app.ui.pages.reports import ReportsPage
from app.ui.pages.reports_profiles import ProfileExportDialog
from tests.ui.helpers import click, wait_idle
from tests.ui.test_reports import demo_controller, demo_master, preview, reports_page

__all__ = ["demo_controller", "demo_master"]  # fixtures shared with test_reports

pytestmark = pytest.mark.usefixtures("ui_env")
LAST_YEAR = date.today().year - 1


def _last_year(qtbot: Any, page: ReportsPage) -> None:
    page.period.kind.setCurrentIndex(page.period.kind.findData("year"))
    page.period.year.setValue(LAST_YEAR)
    preview(qtbot, page)


def _dialog(qtbot: Any, page: ReportsPage) -> ProfileExportDialog:
    click(qtbot, page.release.profile_button)
    wait_idle(qtbot, 30_000)
    dialog = page.release.profile_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _suspicious_case(controller: AppController) -> str:
    """A case of last year given a closure before its opening, as an old import might have left it."""
    ws = controller.workspace
    assert ws is not None
    with ws.transaction() as session:
        case = session.scalars(
            select(Case)
            .where(Case.opened_on.between(date(LAST_YEAR, 2, 1), date(LAST_YEAR, 11, 30)))
            .order_by(Case.id)
        ).first()
        assert case is not None
        case.closed_on = date(LAST_YEAR, 1, 1)
        return case.code


def test_export_for_istat_after_acknowledging_the_quality_check(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    page = reports_page(qtbot, demo_controller)
    code = _suspicious_case(demo_controller)
    _last_year(qtbot, page)
    dialog = _dialog(qtbot, page)
    dialog.profile.setCurrentIndex(dialog.profile.findData("istat-utenza"))
    assert not dialog.export_button.isEnabled()  # the check comes first
    click(qtbot, dialog.check_button)
    wait_idle(qtbot, 30_000)
    assert dialog.report is not None and code in dialog.report.case_codes
    assert dialog.rates.rowCount() == len(dialog.report.rates) > 0
    assert code in dialog.findings.text()
    assert not dialog.export_button.isEnabled()  # something was found: she acknowledges it first
    dialog.acknowledge.setChecked(True)
    assert dialog.export_button.isEnabled()
    target = tmp_path / "istat.xlsx"
    files.set_next(target)
    click(qtbot, dialog.export_button)
    wait_idle(qtbot, 30_000)
    assert target.exists() and target.with_suffix(".pdf").exists()
    assert str(target) in dialog.outcome.text()
    book = load_workbook(target, read_only=True)
    assert "eta" in book.sheetnames
    ws = demo_controller.workspace
    assert ws is not None
    with ws.transaction(write=False) as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "profile.exported").order_by(AuditEvent.id.desc())
        ).first()
        assert event is not None and '"quality_acknowledged": true' in (event.detail or "")

    # the same release in the long layout, for software: the header on the first row of the first sheet
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx long"))
    long = tmp_path / "istat-long.xlsx"
    files.set_next(long)
    click(qtbot, dialog.export_button)
    wait_idle(qtbot, 30_000)
    first = next(load_workbook(long, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert first[:3] == ("tabella", "titolo_tabella", "riga")


def test_the_cases_found_open_as_a_filtered_case_list(qtbot: Any, demo_controller: AppController) -> None:
    page = reports_page(qtbot, demo_controller)
    code = _suspicious_case(demo_controller)
    _last_year(qtbot, page)
    dialog = _dialog(qtbot, page)
    click(qtbot, dialog.check_button)
    wait_idle(qtbot, 30_000)
    assert dialog.report is not None
    found = dialog.report.case_codes
    click(qtbot, dialog.open_button)
    wait_idle(qtbot, 30_000)
    window = demo_controller.main_window
    assert window is not None and window.page_keys()[window.navigation.currentRow()] == "cases"
    listing = window.cases_page.list
    qtbot.waitUntil(lambda: listing.model.total == len(found), timeout=10_000)
    shown = {listing.model.case_at(i).code for i in range(listing.model.rowCount())}  # type: ignore[union-attr]
    assert code in shown and shown <= set(found)
    assert listing.filter_bar.isVisible()
    click(qtbot, listing.show_all_button)
    wait_idle(qtbot, 30_000)
    assert not listing.filter_bar.isVisible() and listing.model.total > len(found)


def test_the_release_plan_is_shown_and_a_refusal_comes_before_the_file_dialog(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    """A union of two desks was released for last year; the whole centre would be subtracted from it.
    The page says so after the preview, the dialog says what the year has, and pressing Export shows the
    refusal without opening the file dialog."""
    page = reports_page(qtbot, demo_controller)
    ws = demo_controller.workspace
    assert ws is not None
    two = [page.desks.list.item(i).data(Qt.ItemDataRole.UserRole) for i in (0, 1)]
    names = sorted(page.desks.list.item(i).text() for i in (0, 1))
    releases.export(ws, reports.prepare(ws, parse_period(str(LAST_YEAR)), two), tmp_path / "two.json")
    _last_year(qtbot, page)
    qtbot.waitUntil(lambda: "subtracted" in page.release.summary.text(), timeout=30_000)
    day = day_text(date.today(), ui_language())
    said = f"{LAST_YEAR} for {' + '.join(names)} on {day}"
    assert said in page.release.summary.text()
    dialog = _dialog(qtbot, page)
    dialog.profile.setCurrentIndex(dialog.profile.findData("istat-utenza"))
    qtbot.waitUntil(lambda: "subtracted" in dialog.plan.text(), timeout=30_000)
    assert said in dialog.plan.text()
    click(qtbot, dialog.check_button)
    wait_idle(qtbot, 30_000)
    dialog.acknowledge.setChecked(True)
    target = tmp_path / "istat.xlsx"
    files.set_next(target)
    messages.set_next_answer(messages.Button.Ok)
    click(qtbot, dialog.export_button)
    wait_idle(qtbot, 30_000)
    assert messages.answered and "subtracted" in messages.answered[-1]
    assert files._next == [target]  # the file dialog was never reached
    assert not target.exists()


def test_the_dialog_says_what_an_export_adds(qtbot: Any, demo_controller: AppController) -> None:
    page = reports_page(qtbot, demo_controller)
    _last_year(qtbot, page)
    qtbot.waitUntil(lambda: "Nothing was released yet" in page.release.summary.text(), timeout=30_000)
    dialog = _dialog(qtbot, page)
    dialog.profile.setCurrentIndex(dialog.profile.findData("lombardia"))
    qtbot.waitUntil(lambda: "This release adds" in dialog.plan.text(), timeout=30_000)
    assert f"This release adds {LAST_YEAR} for the whole centre" in dialog.plan.text()
