"""Network page: import signed packages, trust a new key by its fingerprint, print the network report."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.reports.periods import Period
from app.services import accounts, reports
from app.ui.controller import AppController
from app.ui.dialogs import files
from app.ui.pages.network import NetworkPage
from tests.ui import test_reports as shared
from tests.ui.helpers import click, log_in, open_page, wait_idle
from tests.ui.test_reports import COORDINATOR

pytestmark = pytest.mark.usefixtures("ui_env")
demo_master = shared.demo_master  # the shared demo-folder fixtures
demo_controller = shared.demo_controller


def make_packages(controller: AppController, folder: Path) -> list[Path]:
    """Two help desks exported separately (no overlap), as two desks would send them."""
    workspace = controller.workspace
    assert workspace is not None
    period = Period.year(date.today().year - 1)
    paths = []
    for desk in accounts.list_help_desks(workspace)[:2]:
        data = reports.prepare(workspace, period, [desk.id])
        paths.append(reports.export(workspace, data, folder / f"desk-{desk.id}.json").package_path)
    return paths


def network_page(qtbot: Any, controller: AppController) -> NetworkPage:
    window = log_in(qtbot, controller, COORDINATOR["username"], COORDINATOR["password"])
    open_page(qtbot, window, "network")
    page = window.network_page
    assert page is not None
    wait_idle(qtbot)
    return page


def column(page: NetworkPage, col: int) -> list[str]:
    return [page.packages.item(r, col).text() for r in range(page.packages.rowCount())]  # type: ignore[union-attr]


def test_import_trust_and_print_the_network_report(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    page = network_page(qtbot, demo_controller)
    assert page.keys.rowCount() == 0 and "fingerprint" in page.own.text()
    paths = make_packages(demo_controller, tmp_path)
    files.set_next(paths)
    click(qtbot, page.import_button)
    wait_idle(qtbot)
    assert page.packages.rowCount() == 2
    assert column(page, 4) == ["no — check it", "no — check it"]
    assert column(page, 2)[0] == f"anno {date.today().year - 1}" or column(page, 2)[0].endswith(
        str(date.today().year - 1)
    )
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    fingerprint = page.items[0].package.fingerprint
    assert dialog.fingerprint.text().replace("\n", " ") == fingerprint
    assert dialog.cancel_button.isDefault()
    click(qtbot, dialog.trust_button)
    wait_idle(qtbot)
    assert column(page, 4) == ["yes", "yes"]  # the same key signed both
    qtbot.waitUntil(lambda: page.keys.rowCount() == 1)
    assert page.keys.item(0, 1).text() == fingerprint  # type: ignore[union-attr]

    target = tmp_path / "network.pdf"
    files.set_next(target)
    click(qtbot, page.report_button)
    wait_idle(qtbot, 30_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in page.result.text()
    assert page.last_report is not None and len(page.last_report.desk_names) == 2


def test_cancelling_the_fingerprint_check_leaves_the_key_untrusted(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    page = network_page(qtbot, demo_controller)
    files.set_next(make_packages(demo_controller, tmp_path)[:1])
    click(qtbot, page.import_button)
    wait_idle(qtbot)
    assert page.dialog is not None
    click(qtbot, page.dialog.cancel_button)
    wait_idle(qtbot)
    assert column(page, 4) == ["no — check it"]
    assert page.keys.rowCount() == 0


def test_a_tampered_package_is_refused_with_its_reason(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    page = network_page(qtbot, demo_controller)
    good, bad = make_packages(demo_controller, tmp_path)
    document = json.loads(bad.read_bytes())
    document["tables"][0]["total"] = (document["tables"][0]["total"] or 0) + 1
    bad.write_text(json.dumps(document))
    files.set_next([good, bad])
    click(qtbot, page.import_button)
    wait_idle(qtbot)
    assert page.packages.rowCount() == 1
    assert page.refused.isVisibleTo(page)
    assert bad.name in page.refused.text() and "refused" in page.refused.text()
    assert page.dialog is not None
    page.dialog.reject()
