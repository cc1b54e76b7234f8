"""The file dialogs leave no trace of the folders chosen (issue #13, item 12).

Qt's file dialog remembers the last folder, a history and its view in the user's `QtProject` settings
(on Linux ~/.config/QtProject.conf): where subject-access copies and recovery keys were saved would be
readable by the next person using the PC account.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from app.ui.kit import files

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture
def qt_config(tmp_path: Path) -> Iterator[Path]:
    """Qt's per-user settings redirected into the test's folder (where QFileDialog writes its state)."""
    config = tmp_path / "config"
    config.mkdir()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    yield config
    home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")  # Qt's default on Linux
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home))


def _accept_when_shown(qtbot: Any, choose: Path | None = None) -> None:
    """Accept the dialog once it shows (retried: the dialog lists the folder in the background)."""
    tries = [0]

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        tries[0] += 1
        if isinstance(dialog, QFileDialog):
            if choose is not None:
                dialog.selectFile(str(choose))
            if tries[0] > 200:
                dialog.reject()  # never hang the suite
                return
            dialog.accept()
            if dialog.isVisible():
                QTimer.singleShot(50, accept)
        elif tries[0] <= 200:
            QTimer.singleShot(20, accept)

    QTimer.singleShot(20, accept)


def _traces(config: Path, secret: str) -> list[str]:
    return [p.name for p in config.rglob("*") if p.is_file() and secret in p.read_text(errors="replace")]


def test_saving_her_copy_leaves_no_folder_in_qt_settings(qtbot: Any, qt_config: Path, tmp_path: Path) -> None:
    hidden = tmp_path / "cartella-riservata"
    hidden.mkdir()
    _accept_when_shown(qtbot)
    chosen = files.save_file_name(None, "Salva", str(hidden / "copia.pdf"), "PDF (*.pdf)")
    assert chosen == str(hidden / "copia.pdf")
    assert _traces(qt_config, "cartella-riservata") == []
    assert not any(qt_config.iterdir())  # Qt created nothing at all


def test_other_programs_dialog_state_is_kept(qtbot: Any, qt_config: Path, tmp_path: Path) -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setValue("FileDialog/history", ["/altro/programma"])
    settings.setValue("Other/key", "resta")
    settings.sync()
    hidden = tmp_path / "cartella-riservata"
    hidden.mkdir()
    _accept_when_shown(qtbot)
    assert (
        files.save_file(None, "Salva", hidden / "pacchetto.json", "JSON (*.json)")
        == hidden / "pacchetto.json"
    )
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert settings.value("FileDialog/history") == ["/altro/programma"]
    assert settings.value("Other/key") == "resta"
    assert _traces(qt_config, "cartella-riservata") == []
