"""Entry point of the desktop app: `ascolto` without a command, via app.cli.cmd_gui."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app import APP_NAME, __version__
from app.ui.controller import AppController
from app.ui.errors import install_exception_hooks
from app.ui.i18n import install_translators
from app.ui.settings import LANGUAGE, UiSettings
from app.ui.theme import apply_theme


def create_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("ascolto")
    return app


def run(data_dir: Path, language: str | None = None) -> int:
    """Start the GUI on `data_dir`; Italian unless `language` or the saved setting says English."""
    app = create_application()
    apply_theme(app)
    settings = UiSettings(data_dir)
    install_translators(app, language or settings.get(LANGUAGE))
    install_exception_hooks()
    controller = AppController(app, data_dir, settings)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()
