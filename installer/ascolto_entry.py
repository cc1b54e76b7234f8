"""Entry script of the frozen bundle (PyInstaller): the same `ascolto` as `app.cli:main`.

Smoke test hook, for CI and for checking an installation: with `ASCOLTO_SMOKE_QUIT_MS=N` the GUI quits
N milliseconds after start and prints which first screen it showed: `setup-wizard-shown` (empty data
folder), `unlock-screen-shown` (an existing one) or `no-known-screen`. Without the variable nothing
changes. It only uses the UI's public `create_application` (run() reuses an existing QApplication).
"""

from __future__ import annotations

import os
import sys

SMOKE_ENV = "ASCOLTO_SMOKE_QUIT_MS"


def _ensure_streams() -> None:
    """A windowed Windows executable has no stdout/stderr; argparse and logging must not crash on None."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as we do


def _first_screen() -> str:
    from PySide6.QtWidgets import QApplication

    shown = {type(widget).__name__ for widget in QApplication.allWidgets() if widget.isVisible()}
    if "SetupWizard" in shown:
        return "setup-wizard-shown"
    if "UnlockScreen" in shown:
        return "unlock-screen-shown"
    return "no-known-screen"


def _install_smoke_hook(delay_ms: int) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.main import create_application

    app = create_application()

    def report_and_quit() -> None:
        print(_first_screen(), flush=True)
        QApplication.closeAllWindows()
        app.quit()

    QTimer.singleShot(delay_ms, report_and_quit)


def _starts_gui(args: list[str]) -> bool:
    from app.cli import build_parser

    if {"-h", "--help", "--version"} & set(args):
        return False
    try:
        namespace, _rest = build_parser().parse_known_args(args)
    except SystemExit:  # a usage error: let app.cli report it
        return False
    return getattr(namespace, "handler", None) is None


def main(argv: list[str] | None = None) -> int:
    _ensure_streams()
    args = sys.argv[1:] if argv is None else argv
    smoke = os.environ.get(SMOKE_ENV, "")
    if smoke.isdigit() and _starts_gui(args):
        _install_smoke_hook(int(smoke))
    from app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
