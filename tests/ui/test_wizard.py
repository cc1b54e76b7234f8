"""First run: the set-up wizard, typed and clicked through, ends in the main window as administrator."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QProgressDialog, QWizard

from app.services.workspace import Workspace
from app.ui.config import CONFIG
from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from tests.conftest import ADMIN
from tests.ui.helpers import click, type_into

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture
def first_run(qapp: Any, qtbot: Any, data_dir: Path) -> Any:
    controller = AppController(qapp, data_dir)
    qtbot.addWidget(controller.shell)
    controller.start()
    assert controller.wizard is not None
    qtbot.addWidget(controller.wizard)
    yield controller
    controller.shutdown()


def test_set_up_wizard_end_to_end(qtbot: Any, first_run: AppController, data_dir: Path) -> None:
    wizard = first_run.wizard
    assert wizard is not None and not first_run.shell.isVisible()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    page = wizard.centre_page
    type_into(qtbot, page.centre, "Centro antiviolenza Rete Donne")
    type_into(qtbot, page.code, "bg")
    assert page.code.text() == "BG"
    type_into(qtbot, page.desk, "Sportello Bergamo centro")
    click(qtbot, next_button)

    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    type_into(qtbot, admin.full_name, ADMIN["full_name"])
    type_into(qtbot, admin.username, ADMIN["username"])
    create = wizard.button(QWizard.WizardButton.CommitButton)
    type_into(qtbot, admin.passwords.password, "troppo corta")
    assert "12" in admin.passwords.verdict.text() and not create.isEnabled()
    type_into(qtbot, admin.passwords.password, ADMIN["password"])
    type_into(qtbot, admin.passwords.repeat, ADMIN["password"] + "x")
    assert not create.isEnabled()
    type_into(qtbot, admin.passwords.repeat, ADMIN["password"])
    assert create.isEnabled()
    click(qtbot, create)

    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15_000)
    panel = wizard.recovery_page.panel
    assert re.fullmatch(r"(\w{4}  \w{4}  \w{4}\n){2}\w{4}  \w{4}  \w{4}", panel.key_label.text())
    assert admin.passwords.value() == ""  # not kept in the widgets once used
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()  # Escape / close cannot leave before the key is acknowledged
    assert wizard.isVisible()
    click(qtbot, panel.confirm)
    assert finish.isEnabled()
    blank: list[float] = []  # times the window was seen empty: the wizard gone, the main window not there
    first_run.shell.installEventFilter(_BlankWatch(first_run, wizard, blank))
    click(qtbot, finish)

    qtbot.waitUntil(lambda: first_run.main_window is not None, timeout=10_000)
    QApplication.processEvents()
    assert not blank, f"an empty window for {max(blank) - min(blank):.2f} s"
    window = first_run.main_window
    assert isinstance(window, MainWindow) and first_run.shell.isVisible() and not wizard.isVisible()
    assert panel.key_label.text() == ""
    assert window.who.text().startswith(ADMIN["full_name"])
    assert "admin" in window.page_keys()
    assert Workspace.exists(data_dir)


class _BlankWatch(QObject):
    """Notes each paint of the window while it shows nothing (the blank page, the wizard already gone)."""

    def __init__(self, controller: AppController, wizard: QWizard, seen: list[float]) -> None:
        super().__init__(controller.shell)
        self.controller, self.wizard, self.seen = controller, wizard, seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shell = self.controller.shell
        if (
            event.type() in (QEvent.Type.Paint, QEvent.Type.Show)
            and shell.stack.currentWidget() is shell.blank
        ):
            self.seen.append(time.perf_counter())
        return False


def test_suggested_passphrase_fills_both_fields_and_is_shown(qtbot: Any, first_run: AppController) -> None:
    assert first_run.wizard is not None
    fields = first_run.wizard.admin_page.passwords
    assert fields.suggest_button is not None
    click(qtbot, fields.suggest_button)
    words = fields.value().split()
    assert len(words) == 5 and fields.repeat.text() == fields.value()
    assert fields.problem() is None and fields.show_box.isChecked()


def test_creating_the_database_shows_one_progress_bar(
    qtbot: Any, first_run: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 'creating' page has its own bar: no busy dialog on top of it, however long it takes."""
    monkeypatch.setattr(CONFIG, "busy_delay_ms", 0)
    slow = Workspace.initialise

    def initialise(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.5)
        return slow(*args, **kwargs)

    monkeypatch.setattr(Workspace, "initialise", initialise)
    wizard = first_run.wizard
    assert wizard is not None
    type_into(qtbot, wizard.centre_page.centre, "Centro")
    type_into(qtbot, wizard.centre_page.code, "BG")
    type_into(qtbot, wizard.centre_page.desk, "Sportello")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    admin = wizard.admin_page
    type_into(qtbot, admin.full_name, ADMIN["full_name"])
    type_into(qtbot, admin.username, ADMIN["username"])
    type_into(qtbot, admin.passwords.password, ADMIN["password"])
    type_into(qtbot, admin.passwords.repeat, ADMIN["password"])
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    seen: list[int] = []

    def look() -> bool:
        seen.append(
            len(
                [
                    w
                    for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible()
                ]
            )
        )
        return wizard.currentPage() is wizard.recovery_page

    qtbot.waitUntil(look, timeout=15_000)
    assert max(seen) == 0 and len(seen) > 1


def test_password_mismatch_is_red_until_they_match(qtbot: Any, first_run: AppController) -> None:
    assert first_run.wizard is not None
    fields = first_run.wizard.admin_page.passwords
    words = "lanterna torrente civetta brina"

    def colour() -> str:
        return fields.verdict.palette().color(QPalette.ColorRole.WindowText).name()

    type_into(qtbot, fields.password, words)
    grey = colour()
    type_into(qtbot, fields.repeat, words[:-1])
    assert "different" in fields.verdict.text() and colour() == "#a12a2a"  # the error red, not the hint grey
    qtbot.keyClicks(fields.repeat, "a")
    assert "different" not in fields.verdict.text() and colour() == grey


def test_service_refusal_returns_to_the_page_with_the_message(
    qtbot: Any, first_run: AppController, data_dir: Path
) -> None:
    """The UI lets 'admin name = password' through (it does not know the names); the service refuses and
    the wizard shows why."""
    wizard = first_run.wizard
    assert wizard is not None
    type_into(qtbot, wizard.centre_page.centre, "Centro")
    type_into(qtbot, wizard.centre_page.code, "BG")
    type_into(qtbot, wizard.centre_page.desk, "Sportello")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    admin = wizard.admin_page
    type_into(qtbot, admin.full_name, "Maria")
    type_into(qtbot, admin.username, "lanternatorrentecivetta")
    type_into(qtbot, admin.passwords.password, "lanterna torrente civetta")
    type_into(qtbot, admin.passwords.repeat, "lanterna torrente civetta")
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: admin.error.isVisible(), timeout=10_000)
    assert wizard.currentPage() is admin
    assert "names" in admin.error.text()
    assert not Workspace.exists(data_dir)
