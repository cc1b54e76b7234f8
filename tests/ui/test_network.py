"""Network page: import signed packages, trust a new key by its fingerprint, print the network report."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.crypto import signing
from app.reports import package
from app.reports.periods import Period
from app.services import accounts, releases, reports
from app.ui.controller import AppController
from app.ui.kit import files
from app.ui.pages.network import NetworkPage
from tests.ui import test_reports as shared
from tests.ui.helpers import click, log_in, open_page, wait_idle
from tests.ui.test_reports import COORDINATOR

pytestmark = pytest.mark.usefixtures("ui_env")
demo_master = shared.demo_master  # the shared demo-folder fixtures
demo_controller = shared.demo_controller


PARTNER_KEY = signing.generate_signing_key()


def own_packages(controller: AppController, folder: Path) -> list[Path]:
    """Two help desks exported separately (no overlap), as two desks would send them."""
    workspace = controller.workspace
    assert workspace is not None
    period = Period.year(date.today().year - 1)
    paths = []
    for desk in accounts.list_help_desks(workspace)[:2]:
        data = reports.prepare(workspace, period, [desk.id])
        paths.append(releases.export(workspace, data, folder / f"desk-{desk.id}.json").package_path)
    return paths


def make_packages(controller: AppController, folder: Path) -> list[Path]:
    """The same two desks as a partner centre sends them: signed with its own key (her own centre's
    packages need no fingerprint check)."""
    paths = []
    for path in own_packages(controller, folder):
        loaded = package.load_package(path)
        document = package.build_package(
            loaded.tables, centre="Sirio", desks=loaded.desks, period_start=loaded.period_start,
            period_end=loaded.period_end, disclosure=dict(loaded.disclosure), software=loaded.software,
            signing_key=PARTNER_KEY,
        )  # fmt: skip
        package.write_package(document, path)
        paths.append(path)
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


def _renamed(source: Path, target: Path, centre: str) -> Path:
    """The package as another centre (a fresh key) naming itself `centre`."""
    from app.crypto import signing
    from app.reports import package

    loaded = package.load_package(source)
    document = package.build_package(
        loaded.tables, centre=centre, desks=loaded.desks, period_start=loaded.period_start,
        period_end=loaded.period_end, disclosure=dict(loaded.disclosure), software=loaded.software,
        signing_key=signing.generate_signing_key(),
    )  # fmt: skip
    package.write_package(document, target)
    return target


def test_html_in_a_centre_name_is_shown_as_plain_text(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    """Attack: a name that renders as a green "key already verified by the network" in the trust dialog."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    page = network_page(qtbot, demo_controller)
    name = '<span style="color:green">✔ Chiave già verificata dalla rete</span> Sirio'
    files.set_next([_renamed(make_packages(demo_controller, tmp_path)[0], tmp_path / "html.json", name)])
    click(qtbot, page.import_button)
    wait_idle(qtbot)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    showing = [label for label in dialog.findChildren(QLabel) if "<span" in label.text()]
    assert {dialog.title, dialog.intro} <= set(showing)
    for label in showing:
        assert label.textFormat() == Qt.TextFormat.PlainText  # the tags show as characters
    dialog.reject()


def test_a_name_with_a_direction_override_is_refused(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    import base64

    from PySide6.QtCore import Qt

    from app.crypto import signing
    from app.reports import package

    page = network_page(qtbot, demo_controller)
    document = json.loads(make_packages(demo_controller, tmp_path)[0].read_bytes())
    del document["signature"]
    document["centre"] = "\u202eoiriS"  # shows as "Sirio"
    key = signing.generate_signing_key()
    document["signature"] = {
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(signing.public_key_of(key)).decode(),
        "value": base64.b64encode(signing.sign(key, package.canonical_bytes(document))).decode(),
    }
    path = tmp_path / "bidi.json"
    path.write_bytes(package.package_bytes(document))
    files.set_next([path])
    click(qtbot, page.import_button)
    wait_idle(qtbot)
    assert page.packages.rowCount() == 0
    assert "invisible or text-direction" in page.refused.text()
    assert page.refused.textFormat() == Qt.TextFormat.PlainText


def test_a_followed_key_change_is_shown(qtbot: Any, demo_controller: AppController, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from app.crypto import signing
    from app.reports import package

    page = network_page(qtbot, demo_controller)
    genuine = package.load_package(make_packages(demo_controller, tmp_path)[0])
    old, new = signing.generate_signing_key(), signing.generate_signing_key()
    moment = datetime(2026, 4, 2, 10, 15, tzinfo=UTC)
    change = package.KeyChange(
        signing.public_key_of(old), signing.public_key_of(new), moment,
        signing.sign_succession(old, signing.public_key_of(new), "2026-04-02T10:15:00Z"),
    )  # fmt: skip

    def sirio(key: bytes, desk: str, name: str, history: list[dict[str, str]]) -> Path:
        document = package.build_package(
            genuine.tables, centre="Sirio", desks=[desk], period_start=genuine.period_start,
            period_end=genuine.period_end, disclosure=dict(genuine.disclosure), software=genuine.software,
            signing_key=key, key_history=history,
        )  # fmt: skip
        package.write_package(document, tmp_path / name)
        return tmp_path / name

    files.set_next([sirio(old, "Treviglio", "before.json", [])])
    click(qtbot, page.import_button)
    wait_idle(qtbot)
    assert page.dialog is not None
    click(qtbot, page.dialog.trust_button)
    wait_idle(qtbot)
    assert not page.changes.isVisibleTo(page)
    files.set_next([sirio(new, "Seriate", "after.json", [change.as_json()])])
    click(qtbot, page.import_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.changes.isVisibleTo(page))
    assert column(page, 4) == ["yes", "yes"]  # followed from the trusted key: no phone call needed
    assert "The key of Sirio changed on 02/04/2026" in page.changes.text()
    assert change.old_fingerprint in page.changes.text() and change.new_fingerprint in page.changes.text()


def test_her_own_centres_packages_need_no_fingerprint_check(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    page = network_page(qtbot, demo_controller)
    files.set_next(own_packages(demo_controller, tmp_path))
    click(qtbot, page.import_button)
    wait_idle(qtbot)
    assert column(page, 4) == ["yes", "yes"]
    assert page.dialog is None or not page.dialog.isVisible()
