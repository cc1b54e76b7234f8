"""Italian is complete, keeps every placeholder, and the checked-in .qm matches the .ts (Electrum's check)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from tools import update_translations as update

PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%L?\d+")
MNEMONIC = re.compile(r"&(?!&)")


def messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(update.TS_FILE).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_ts_has_the_ui_and_the_service_messages() -> None:
    contexts = {context for context, _source, _message in messages()}
    assert {"Errors", "UnlockScreen", "SetupWizard", "MainWindow"} <= contexts
    sources = {source for _context, source, _message in messages()}
    assert "Wrong user name or password." in sources  # a QT_TRANSLATE_NOOP string from app/services


def test_every_message_has_a_finished_italian_translation() -> None:
    problems = []
    for context, source, message in messages():
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
        elif not all(text.strip() for text in translations(message)):
            problems.append(f"{context}: {source!r} has an empty translation")
    assert not problems, "\n".join(problems)


def test_placeholders_match() -> None:
    problems = []
    for context, source, message in messages():
        expected = sorted(PLACEHOLDER.findall(source))
        for text in translations(message):
            if sorted(PLACEHOLDER.findall(text)) != expected:
                problems.append(f"{context}: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_mnemonics_are_kept() -> None:
    """A label with an Alt+letter shortcut keeps exactly one in Italian."""
    problems = [
        f"{context}: {source!r}"
        for context, source, message in messages()
        for text in translations(message)
        if len(MNEMONIC.findall(source)) != len(MNEMONIC.findall(text))
    ]
    assert not problems, "\n".join(problems)


def test_checked_in_qm_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    update.lrelease(update.TS_FILE, fresh)
    assert fresh.read_bytes() == update.QM_FILE.read_bytes(), "run: python tools/update_translations.py"
    # the command line's copy of the same catalogue
    assert update.MESSAGES_FILE.read_bytes() == update.messages_json(update.TS_FILE), (
        "run: python tools/update_translations.py"
    )


@pytest.fixture
def italian(qapp: Any) -> Any:
    from app.ui.i18n import install_translators

    assert install_translators(qapp, "it") == "it"
    yield
    install_translators(qapp, "en")


def test_italian_is_installed_for_ui_and_service_texts(italian: None) -> None:
    from app.services.accounts import Role
    from app.services.errors import WrongCredentials
    from app.ui.i18n import error_text, role_label

    assert QCoreApplication.translate("UnlockScreen", "Un&lock") == "&Sblocca"
    assert error_text(WrongCredentials()) == "Nome utente o password errati."
    assert role_label(Role.OPERATRICE) == "Operatrice"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annulla"  # Qt's own buttons too


def test_qt_own_dialogs_speak_italian(italian: None, qtbot: Any) -> None:
    """Qt's file dialog (the non-native one of Linux) and message boxes: no English word left.

    Qt's Italian catalogue lacks the file dialog's "&Look in:" and "Files of &type:"; ours carries them.
    """
    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

    dialog = QFileDialog(None, "Salva")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Cerca in:"
    assert labels["fileNameLabel"] == "&Nome del file:"
    assert labels["fileTypeLabel"] == "&Tipo di file:"
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    assert sorted(button.text() for button in box.buttons()) == ["Annulla", "Salva"]


def test_every_source_string_is_in_the_ts(tmp_path: Path) -> None:
    """Extract the strings of the code as it is now: none may be missing from the checked-in .ts."""
    fresh = tmp_path / update.TS_FILE.name
    fresh.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="it_IT"/>\n'
    )
    update.lupdate(fresh)
    root = ET.parse(fresh).getroot()
    wanted = {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
    }
    have = {(context, source) for context, source, _message in messages()}
    missing = sorted(wanted - have)
    assert not missing, (
        f"{len(missing)} strings lack a translation, e.g. {missing[:5]}: run python tools/update_translations.py"
    )
