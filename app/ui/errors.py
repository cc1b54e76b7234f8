"""The last net: any unhandled exception ends in one plain, translated dialog, never a traceback.

Only the exception type is logged: messages and tracebacks can carry names or case details, and this
runs on shared office PCs. `ASCOLTO_DEBUG=1` prints the traceback for developers.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app.ui.kit import messages
from app.ui.kit.qt_compat import emit

log = logging.getLogger(__name__)


class _Reporter(QObject):
    """Lives in the GUI thread; a signal emitted from any thread lands the dialog there."""

    unexpected = Signal(str)

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.showing = False
        self.unexpected.connect(self._show)

    @Slot(str)
    def _show(self, type_name: str) -> None:
        if self.showing:  # one dialog at a time, however many errors follow the first
            return
        self.showing = True
        try:
            messages.inform(
                None,
                QCoreApplication.translate("ErrorDialog", "Unexpected error"),
                QCoreApplication.translate(
                    "ErrorDialog",
                    "Something went wrong and the last action was not completed. Nothing was half-saved. "
                    "If it happens again, note what you were doing and the technical detail, and tell whoever "
                    "looks after Ascolto for your centre.",
                ),
                messages.Icon.Critical,
                QCoreApplication.translate("ErrorDialog", "Technical detail: {kind}").format(kind=type_name),
            )
        finally:
            self.showing = False


_reporter: _Reporter | None = None


def _get_reporter() -> _Reporter:
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
    return _reporter


def report_unexpected(exc: BaseException) -> None:
    """Log the type only and show the error dialog (from any thread)."""
    log.error("unexpected error: %s", type(exc).__name__)
    if os.environ.get("ASCOLTO_DEBUG"):
        traceback.print_exception(exc)
    emit(_get_reporter().unexpected, type(exc).__name__)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    report_unexpected(exc)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        report_unexpected(args.exc_value)


def install_exception_hooks() -> None:
    _get_reporter()  # created now, in the GUI thread
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
