"""Typing a new password twice never shows it: Tab goes from the password to the repeat, and no control of
the pair ("Show", "Suggest") is ever reached by Tab, so the spaces of a passphrase typed after one Tab too
many cannot toggle it. Every form that takes a new password typed twice is typed through: words, Tab,
words; then Tab is followed round the whole window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget, QWizard

from app.services.accounts import HelpDeskInfo
from app.services.workspace import Workspace
from app.storage.backup import Manifest
from app.ui.controller import AppController
from app.ui.dialogs.operator import AddOperatorDialog, ResetPasswordDialog
from app.ui.dialogs.password import ChangePasswordDialog
from app.ui.dialogs.recover import RecoverDialog
from app.ui.dialogs.restore import RestoreDialog
from app.ui.kit.passwords import PassphraseFields
from tests.ui.helpers import click, type_into

pytestmark = pytest.mark.usefixtures("ui_env")

PASSPHRASE = "lanterna torrente civetta brina"
UNUSED = cast(Workspace, None)  # the dialogs keep it for their work; typing never reaches it


def _show(qtbot: Any, window: QWidget, fields: PassphraseFields) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    fields.password.setFocus()
    qtbot.waitUntil(fields.password.hasFocus)


def _type_with_a_tab(qtbot: Any, fields: PassphraseFields) -> None:
    """Her four-word passphrase, Tab, the same again: into the password and then the repeat."""
    for _field in range(2):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClicks(focused, PASSPHRASE)  # wherever the Tab put her
        assert fields.password.echoMode() == QLineEdit.EchoMode.Password
        assert fields.repeat.echoMode() == QLineEdit.EchoMode.Password
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert not fields.show_box.isChecked()
    assert fields.value() == PASSPHRASE and fields.repeat.text() == PASSPHRASE


def _tab_chain(qtbot: Any, window: QWidget, fields: PassphraseFields) -> list[QWidget]:
    """Where Tab takes the focus, from the password round the whole window and back."""
    fields.password.setFocus()
    qtbot.waitUntil(fields.password.hasFocus)
    chain: list[QWidget] = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is None or widget is fields.password:
            break
        chain.append(widget)
    return chain


def _check(qtbot: Any, window: QWidget, fields: PassphraseFields) -> None:
    _show(qtbot, window, fields)
    _type_with_a_tab(qtbot, fields)
    chain = _tab_chain(qtbot, window, fields)
    assert chain[0] is fields.repeat  # password -> repeat, nothing between
    assert fields.show_box not in chain and fields.suggest_button not in chain  # one Tab too many: harmless
    assert fields.password.echoMode() == QLineEdit.EchoMode.Password and not fields.show_box.isChecked()


def _dialogs() -> dict[str, Callable[[], Any]]:
    desks = [HelpDeskInfo(1, "Bergamo", "Bergamo", "", True)]
    return {
        "add-operator": lambda: AddOperatorDialog(UNUSED, desks),
        "reset": lambda: ResetPasswordDialog(UNUSED, "bice", "Bice"),
        "change": lambda: ChangePasswordDialog(UNUSED),
        "recover": lambda: RecoverDialog(UNUSED, "bice"),
    }


@pytest.mark.parametrize("name", list(_dialogs()))
def test_a_passphrase_typed_with_tabs_stays_hidden(qtbot: Any, name: str) -> None:
    dialog = _dialogs()[name]()
    qtbot.addWidget(dialog)
    _check(qtbot, dialog, dialog.passwords)


def test_the_set_up_wizard_orders_password_then_repeat(qtbot: Any, qapp: Any, data_dir: Path) -> None:
    controller = AppController(qapp, data_dir)
    qtbot.addWidget(controller.shell)
    controller.start()
    try:
        wizard = controller.wizard
        assert wizard is not None
        qtbot.addWidget(wizard)
        page = wizard.centre_page
        type_into(qtbot, page.centre, "Centro antiviolenza Rete Donne")
        type_into(qtbot, page.code, "bg")
        type_into(qtbot, page.desk, "Sportello Bergamo centro")
        click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
        assert wizard.currentPage() is wizard.admin_page
        _check(qtbot, wizard, wizard.admin_page.passwords)
    finally:
        controller.shutdown()


def test_show_is_reached_by_its_mnemonic_and_by_a_click(qtbot: Any) -> None:
    """Out of the Tab chain, but not out of reach: Alt+O toggles it; a click does too and leaves the
    focus where she was typing."""
    dialog = ChangePasswordDialog(UNUSED)
    qtbot.addWidget(dialog)
    fields = dialog.passwords
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    fields.repeat.setFocus()
    qtbot.waitUntil(fields.repeat.hasFocus)
    qtbot.keyClick(fields.repeat, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(fields.show_box.isChecked)
    assert fields.password.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(fields.show_box, Qt.MouseButton.LeftButton)
    assert not fields.show_box.isChecked() and fields.repeat.hasFocus()
    assert fields.password.echoMode() == QLineEdit.EchoMode.Password


def test_a_restore_with_the_recovery_key_orders_its_new_password_the_same(
    qtbot: Any, controller: AppController, tmp_path: Path
) -> None:
    workspace = controller.workspace
    assert workspace is not None
    manifest = Manifest("2026-01-05T10:00:00+00:00", "0008", "id", "BG", {"case_file": 3}, "", "", 1)
    dialog = RestoreDialog(workspace, tmp_path / "BG-2026-01-05.ascbak", manifest, "anna", controller.shell)
    dialog.use_key.setChecked(True)  # the new password is asked with the recovery key only
    _check(qtbot, dialog, dialog.passwords)
    dialog.reject()


def test_the_suggested_words_come_from_the_resource_file() -> None:
    """Five words of the installed list (about 41 bits), each plain lowercase Italian without accents."""
    from app.ui.kit.wordlist import WORDS, suggest_passphrase

    assert len(WORDS) == len(set(WORDS)) == 297
    assert all(word.isascii() and word.isalpha() and word.islower() for word in WORDS)
    words = suggest_passphrase().split(" ")
    assert len(words) == 5 and set(words) <= set(WORDS)
