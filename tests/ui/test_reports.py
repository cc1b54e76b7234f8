"""Reports page: preview with suppressed cells marked, PDF, printout and signed package; roles."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from app.services import releases
from app.ui.controller import AppController
from app.ui.kit import files, messages
from app.ui.pages import reports_print
from app.ui.pages.reports import ReportsPage
from tests.conftest import OPERATOR
from tests.ui import conftest as shared
from tests.ui.helpers import click, log_in, open_page, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")
COORDINATOR = shared.COORDINATOR
demo_master = shared.demo_master  # the session's demo archive; other modules import the fixtures from here
demo_controller = shared.demo_controller


def reports_page(qtbot: Any, controller: AppController, who: dict[str, str] = COORDINATOR) -> ReportsPage:
    window = log_in(qtbot, controller, who["username"], who["password"])
    open_page(qtbot, window, "reports")
    page = window.reports_page
    assert page is not None
    qtbot.waitUntil(lambda: page.desks.list.count() > 0)
    return page


def preview(qtbot: Any, page: ReportsPage) -> None:
    click(qtbot, page.preview_button)
    wait_idle(qtbot, 30_000)
    assert page.data is not None


def test_operatrice_sees_neither_reports_nor_network(qtbot: Any, demo_controller: AppController) -> None:
    window = log_in(qtbot, demo_controller, OPERATOR["username"], OPERATOR["password"])
    assert "reports" not in window.page_keys() and "network" not in window.page_keys()
    assert window.reports_page is None and not window.findChildren(ReportsPage)


def test_preview_shows_every_table_with_suppressed_cells_marked(
    qtbot: Any, demo_controller: AppController
) -> None:
    page = reports_page(qtbot, demo_controller)
    assert page.period.period() is not None and page.period.kind.currentData() == "quarter"
    assert not page.release.save_button.isEnabled()
    preview(qtbot, page)
    assert page.data is not None
    assert len(page.preview_area.tables) == len(page.data.tables)
    assert sum(t.suppressed_cells() for t in page.preview_area.tables) > 0
    table = next(t for t in page.preview_area.tables if t.suppressed_cells())
    cell = next(
        table.item(r, c)
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if table.item(r, c).data(Qt.ItemDataRole.UserRole) == "suppressed"
    )
    assert cell.text() in ("<5", "n.p.") and "below 5" in cell.toolTip()
    assert cell.textAlignment() & Qt.AlignmentFlag.AlignRight
    assert f"{page.data.hidden} values below 5 or not published" in page.chosen_detail.text()
    assert page.release.save_button.isEnabled() and page.release.export_button.isEnabled()
    page.period.year.setValue(page.period.year.value() - 1)  # a new choice needs a new preview
    assert not page.release.save_button.isEnabled()


def test_enter_in_the_year_previews(qtbot: Any, demo_controller: AppController) -> None:
    page = reports_page(qtbot, demo_controller)
    page.period.year.setFocus()
    qtbot.keyClick(page.period.year, Qt.Key.Key_Return)
    wait_idle(qtbot, 30_000)
    assert page.data is not None and page.release.save_button.isEnabled()


def test_save_pdf_writes_a_real_pdf(qtbot: Any, demo_controller: AppController, tmp_path: Path) -> None:
    page = reports_page(qtbot, demo_controller)
    preview(qtbot, page)
    target = tmp_path / "report.pdf"
    files.set_next(target)
    click(qtbot, page.release.save_button)
    wait_idle(qtbot, 30_000)
    qtbot.waitUntil(lambda: target.exists())
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in page.release.result.text()


def test_print_sends_the_same_tables_to_the_printer(
    qtbot: Any, demo_controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    target = tmp_path / "printed.pdf"

    def fake_dialog(printer: QPrinter, _parent: Any) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(reports_print, "exec_print_dialog", fake_dialog)
    page = reports_page(qtbot, demo_controller)
    preview(qtbot, page)
    click(qtbot, page.release.print_button)
    wait_idle(qtbot, 30_000)
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 0)
    assert target.read_bytes().startswith(b"%PDF")
    assert page.data is not None
    text = " ".join((p.extract_text() or "") for p in PdfReader(str(target)).pages)
    printed = " ".join(unicodedata.normalize("NFKC", text).split())  # the PDF draws "fi" as one ligature
    for table in page.data.tables:  # what reached the printer is the prepared data, every table of it
        assert " ".join(table.title.split()) in printed, table.title


def test_export_writes_package_and_preview_and_shows_the_fingerprint(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    page = reports_page(qtbot, demo_controller)
    preview(qtbot, page)
    files.set_next(tmp_path / "package.json")
    click(qtbot, page.release.export_button)
    wait_idle(qtbot, 30_000)
    package = tmp_path / "package.json"
    assert json.loads(package.read_text())["format"] == "ascolto-aggregates"
    assert (tmp_path / "package.pdf").read_bytes().startswith(b"%PDF")
    assert demo_controller.workspace is not None
    assert page.release.fingerprint.isVisibleTo(page)
    assert page.release.fingerprint.text() == releases.own_fingerprint(demo_controller.workspace)
    assert "network coordinator" in page.release.result.text()


def test_overlapping_release_is_refused_before_any_file_dialog(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    page = reports_page(qtbot, demo_controller)
    preview(qtbot, page)
    files.set_next(tmp_path / "all.pdf")
    click(qtbot, page.release.save_button)
    wait_idle(qtbot, 30_000)
    assert (tmp_path / "all.pdf").exists()
    two = {page.desks.list.item(i).data(Qt.ItemDataRole.UserRole) for i in (0, 1)}
    page.desks.set_checked(two)  # a union of some desks beside the whole centre
    preview(qtbot, page)
    files.set_next(tmp_path / "one.json")
    messages.set_next_answer(messages.Button.Ok)
    click(qtbot, page.release.export_button)
    wait_idle(qtbot)
    assert messages.answered and "subtracted" in messages.answered[-1]
    assert files._next == [tmp_path / "one.json"]  # the file dialog was never reached
    assert not (tmp_path / "one.json").exists()


def test_a_period_not_ended_says_so_above_the_tables(qtbot: Any, demo_controller: AppController) -> None:
    from datetime import date

    from app.reports.periods import parse_period

    page = reports_page(qtbot, demo_controller)
    page.period.set_period(parse_period(str(date.today().year)))
    preview(qtbot, page)
    day = date.today().strftime("%d/%m/%Y")
    assert page.chosen_detail.text().startswith(f"The period has not ended yet: data as of {day}.")
    page.period.set_period(parse_period(str(date.today().year - 1)))
    preview(qtbot, page)
    assert "not ended" not in page.chosen_detail.text()


def test_a_single_desk_says_why_it_has_fewer_tables(qtbot: Any, demo_controller: AppController) -> None:
    from app.reports import indicators

    page = reports_page(qtbot, demo_controller)
    preview(qtbot, page)
    assert "fewer tables" not in page.chosen_detail.text()  # the whole centre: every table
    page.desks.set_checked({page.desks.list.item(0).data(Qt.ItemDataRole.UserRole)})
    preview(qtbot, page)
    assert page.data is not None and [t.id for t in page.data.tables] == list(indicators.DESK_TABLES)
    assert len(page.preview_area.tables) == len(indicators.DESK_TABLES)
    assert "A single help desk is published with fewer tables (women, services and hours)" in (
        page.chosen_detail.text()
    )
