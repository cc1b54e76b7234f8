"""The Outbox page: an administrator sets a folder route, a release made afterwards waits there, Send now
delivers it and the table says so in words; the route's summary never shows a password."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.reports.periods import Period
from app.services import releases, reports
from app.services.routes import EmailRoute, route_of, set_route
from app.ui.controller import AppController
from app.ui.kit import messages
from app.ui.pages.outbox import RouteDialog
from tests.conftest import ADMIN
from tests.ui import conftest as shared
from tests.ui.helpers import click, log_in, open_page, wait_idle

pytestmark = pytest.mark.usefixtures("ui_env")
demo_master = shared.demo_master
demo_controller = shared.demo_controller


def test_a_route_set_in_the_window_delivers_a_release_with_send_now(
    qtbot: Any, demo_controller: AppController, tmp_path: Path
) -> None:
    window = log_in(qtbot, demo_controller, ADMIN["username"], ADMIN["password"])
    open_page(qtbot, window, "outbox")
    page = window.outbox_page
    assert page is not None and page.route_button.isVisibleTo(page)
    wait_idle(qtbot)
    assert page.items.rowCount() == 0 and "carried by hand" in page.routes_label.text()

    stick = tmp_path / "chiavetta"
    stick.mkdir()
    click(qtbot, page.route_button)
    dialog = next(w for w in page.findChildren(RouteDialog))
    dialog.kind.setCurrentIndex(1)  # folder
    dialog.folder.setText(str(stick))
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: str(stick) in page.routes_label.text())

    workspace = demo_controller.workspace
    assert workspace is not None
    data = reports.prepare(workspace, Period.year(date.today().year - 1))
    releases.export(workspace, data, tmp_path / "anno.json")  # the release queues itself for the network
    page.refresh()
    wait_idle(qtbot)
    assert page.items.rowCount() == 1 and page.items.item(0, 0).text() == "waiting"  # type: ignore[union-attr]

    messages.set_next_answer(messages.Button.Ok)
    click(qtbot, page.send_button)
    wait_idle(qtbot, 30_000)
    qtbot.waitUntil(lambda: page.items.item(0, 0).text() == "delivered")  # type: ignore[union-attr]
    delivered = sorted(p.name for p in stick.iterdir())
    assert len(delivered) == 2 and delivered[0].endswith(".json") and delivered[1].endswith(".pdf")


CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"


def test_the_route_dialog_shows_the_route_set_and_keeps_what_it_does_not_show(
    qtbot: Any, demo_controller: AppController
) -> None:
    """Editing a route means changing one field, not typing it all again: the password stays in the
    database (never in the dialog) and is kept when the field is left empty, as is a certificate added
    from the command line."""
    workspace = demo_controller.workspace
    assert workspace is not None
    window = log_in(qtbot, demo_controller, ADMIN["username"], ADMIN["password"])
    set_route(
        workspace,
        "network",
        EmailRoute(
            address="cav@pec.example.it",
            username="cav-login",
            password="segreto-della-casella",
            smtp_host="smtps.pec.example.it",
            smtp_port=465,
            recipients=("rete@pec.example.it",),
            imap_host="imaps.pec.example.it",
            imap_port=993,
            ca_pem=CERTIFICATE,
        ),
    )
    open_page(qtbot, window, "outbox")
    page = window.outbox_page
    assert page is not None
    wait_idle(qtbot)
    click(qtbot, page.route_button)
    dialog = next(w for w in page.findChildren(RouteDialog))
    wait_idle(qtbot)
    qtbot.waitUntil(dialog.kind.isEnabled)
    assert dialog.destination.currentData() == "network" and dialog.kind.currentData() == "email"
    assert dialog.address.text() == "cav@pec.example.it" and dialog.login.text() == "cav-login"
    assert (
        dialog.smtp.text() == "smtps.pec.example.it:465" and dialog.imap.text() == "imaps.pec.example.it:993"
    )
    assert dialog.recipients.text() == "rete@pec.example.it"
    assert dialog.password.text() == "" and dialog.password_stored

    dialog.recipients.setText("rete@pec.example.it, regione@pec.example.it")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    wait_idle(qtbot)
    with workspace.transaction(write=False) as session:
        found = route_of(session, "network")
    assert found is not None
    kept = found[1]
    assert isinstance(kept, EmailRoute)
    assert kept.recipients == ("rete@pec.example.it", "regione@pec.example.it")
    assert kept.password == "segreto-della-casella" and kept.ca_pem == CERTIFICATE

    # another destination with no route: empty fields, and a password is needed again
    click(qtbot, page.route_button)
    dialog = [w for w in page.findChildren(RouteDialog) if w.isVisible()][-1]
    dialog.destination.setCurrentIndex(2)  # inbox
    wait_idle(qtbot)
    qtbot.waitUntil(dialog.kind.isEnabled)
    assert dialog.address.text() == "" and not dialog.password_stored
    assert dialog.problem() == "Type the mailbox password."
