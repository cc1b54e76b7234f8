"""Entry point of the desktop app: `ascolto` without a command, via app.cli.cmd_gui.

Smoke hook, for CI, `ascolto bench` (cold start) and checking an installation: with
`ASCOLTO_SMOKE_QUIT_MS=N` the GUI prints which screen is on display, twice, and quits. Each line is one of
`setup-wizard-shown` (empty data folder), `unlock-screen-shown` (an existing one) or `no-known-screen`:

1. when the first screen has been painted, before the services layer is imported (the cold start that
   `ascolto bench` times: from spawning the process to this line);
2. once the data folder has been opened (`AppController.ready`: services imported, slot file read, folder
   lock taken; with the wizard, services imported). It differs from the first line only if opening was
   refused: `no-known-screen`, the error page replaced the unlock screen. So the last line says what the
   person is left with, the first how soon she saw something.

The GUI quits N milliseconds after the second line (0: at once); never while the folder is being opened.
Only the second line is printed if the first screen was not painted within a second (it opened anyway).
Without the variable nothing changes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app import APP_NAME, __version__
from app.ui.controller import AppController
from app.ui.errors import install_exception_hooks
from app.ui.i18n import install_translators
from app.ui.kit.theme import apply_theme
from app.ui.settings import LANGUAGE, UiSettings


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


SMOKE_ENV = "ASCOLTO_SMOKE_QUIT_MS"
# The variable that says a display is there, for the platforms that need one.
DISPLAY_OF = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}


def missing_display(environ: Mapping[str, str]) -> bool:
    """On Linux, whether the platform Qt would load needs a display that is not there.

    Qt itself then aborts with a hint about xcb-cursor0, whatever the cause: asked before QApplication.
    `QT_QPA_PLATFORM` may list fallbacks ("wayland;xcb"); without it Qt takes Wayland or X11.
    """
    if not sys.platform.startswith("linux"):
        return False
    chosen = [p.split(":")[0].strip() for p in environ.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    for platform in chosen or ["wayland", "xcb"]:
        needed = DISPLAY_OF.get(platform)
        if needed is None or environ.get(needed):
            return False  # offscreen, minimal, eglfs...: no display needed; or the display is there
    return True


def _screen_on_display() -> str:
    shown = {  # by class and base-class names, so a specialised screen still counts
        cls.__name__
        for widget in QApplication.allWidgets()
        if widget.isVisible()
        for cls in type(widget).__mro__
    }
    if "SetupWizard" in shown:
        return "setup-wizard-shown"
    if "UnlockScreen" in shown:
        return "unlock-screen-shown"
    return "no-known-screen"


def _install_smoke_hook(app: QApplication, controller: AppController) -> None:
    delay = os.environ.get(SMOKE_ENV, "")
    if not delay.isdigit():
        return

    def report() -> None:
        print(_screen_on_display(), flush=True)

    def quit_app() -> None:
        QApplication.closeAllWindows()
        app.quit()

    def report_and_quit() -> None:
        report()
        QTimer.singleShot(int(delay), quit_app)

    controller.screen_shown.connect(report)
    controller.ready.connect(report_and_quit)


def run(data_dir: Path, language: str | None = None) -> int:
    """Start the GUI on `data_dir`; Italian unless `language` or the saved setting says English."""
    app = create_application()
    apply_theme(app)
    settings = UiSettings(data_dir)
    install_translators(app, language or settings.get(LANGUAGE))
    install_exception_hooks()
    controller = AppController(app, data_dir, settings)
    _install_smoke_hook(app, controller)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()
