"""The one helper that runs service calls off the GUI thread (Anki's idea) and reports back on it.

Operations run one at a time, in order, on a single worker thread: the workspace is not meant for
concurrent use, and a queue keeps the order of the person's actions. Callbacks run on the GUI thread.
A UserError becomes a translated message (or goes to the caller's handler); anything else reaches the
global error dialog. A busy indicator appears only if the work takes longer than a moment.
Locking calls `discard_pending()`: results of work started before the lock are dropped, never shown.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.errors import UserError
from app.ui.config import CONFIG
from app.ui.errors import report_unexpected
from app.ui.i18n import error_text
from app.ui.kit import messages
from app.ui.kit.qt_compat import emit

T = TypeVar("T")

_pool: QThreadPool | None = None
_carrier: _Carrier | None = None
_epoch = 0
_running: dict[int, Operation[Any]] = {}
_tokens = itertools.count(1)


def _get_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(1)
    return _pool


class _Carrier(QObject):
    """One for the application, made in the GUI thread and kept until it quits: the worker's emit is
    queued to the GUI thread, and no Qt object is ever owned, or freed, by the worker.

    (One carrier per operation, referenced by the worker's job, could lose its last reference on the
    worker thread once the GUI thread had delivered the result: a QObject of the GUI thread destroyed on
    another one while the GUI thread used it, the rare crash seen in the tests' event loop.)
    """

    finished = Signal(int, object, object)

    @Slot(int, object, object)
    def deliver(self, token: int, result: Any, error: BaseException | None) -> None:
        operation = _running.pop(token, None)
        if operation is not None:
            operation.deliver(result, error)


def _get_carrier() -> _Carrier:
    global _carrier
    if _carrier is None or not shiboken6.isValid(_carrier):
        _carrier = _Carrier(QCoreApplication.instance())
        _carrier.finished.connect(_carrier.deliver, Qt.ConnectionType.QueuedConnection)
    return _carrier


class _Job(QRunnable):
    """What the worker runs: the call and the token of its operation, nothing of Qt's."""

    def __init__(self, fn: Callable[[], Any], token: int, finished: SignalInstance) -> None:
        super().__init__()
        self._fn: Callable[[], Any] | None = fn
        self._token = token
        self._finished = finished

    def run(self) -> None:
        fn, self._fn = self._fn, None  # the call's closure goes with the call, not with the job
        assert fn is not None
        try:
            result, error = fn(), None
        except BaseException as exc:  # delivered to the GUI thread, handled there
            result, error = None, exc
        del fn
        emit(self._finished, self._token, result, error)


class Operation(QObject, Generic[T]):
    """One call in flight; kept alive by the module until its result is delivered."""

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[], T],
        on_success: Callable[[T], None],
        on_user_error: Callable[[UserError], None] | None,
        on_finished: Callable[[], None] | None,
        busy_text: str,
        busy: bool = True,
    ) -> None:
        super().__init__()
        self._parent = parent
        self._on_success = on_success
        self._on_user_error = on_user_error
        self._on_finished = on_finished
        self._busy_text = busy_text
        self._busy: QProgressDialog | None = None
        self._epoch = _epoch
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_busy)
        if busy:
            self._timer.start(CONFIG.busy_delay_ms)
        token = next(_tokens)
        _running[token] = self
        _get_pool().start(_Job(fn, token, _get_carrier().finished))

    def _alive(self) -> bool:
        return self._epoch == _epoch and (self._parent is None or shiboken6.isValid(self._parent))

    @Slot()
    def _show_busy(self) -> None:
        if not self._alive():
            return
        dialog = QProgressDialog(
            self._busy_text or QCoreApplication.translate("Operation", "Please wait…"),
            "",
            0,
            0,
            self._parent.window() if self._parent is not None else None,
        )
        dialog.setObjectName("busyDialog")
        dialog.setCancelButton(None)  # no cancel: the work cannot be interrupted
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setWindowTitle(QCoreApplication.translate("Operation", "Ascolto"))
        dialog.show()
        self._busy = dialog

    def deliver(self, result: Any, error: BaseException | None) -> None:
        """On the GUI thread, once: the result to its callbacks (or dropped if locked or gone)."""
        self._timer.stop()
        if self._busy is not None and shiboken6.isValid(self._busy):
            self._busy.close()
            self._busy.deleteLater()
        self._busy = None
        try:
            if not self._alive():
                return  # locked meanwhile, or the window that asked is gone: drop the result
            if error is None:
                self._on_success(result)
            elif isinstance(error, UserError):
                if self._on_user_error is not None:
                    self._on_user_error(error)
                else:
                    messages.warn(self._parent, error_text(error))
            else:
                report_unexpected(error)
        finally:
            if self._on_finished is not None and self._alive():
                self._on_finished()
            self.deleteLater()


def run(
    parent: QWidget | None,
    fn: Callable[[], T],
    on_success: Callable[[T], None],
    *,
    on_user_error: Callable[[UserError], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    busy_text: str = "",
    busy: bool = True,
) -> Operation[T]:
    """Run `fn` on the worker thread; `on_success(result)` on the GUI thread if nothing went wrong.
    `busy=False` when the caller shows its own progress (a second indicator would only confuse)."""
    return Operation(parent, fn, on_success, on_user_error, on_finished, busy_text, busy)


def discard_pending(wait_ms: int = 10_000) -> None:
    """On lock: forget every result still to come and let running work finish before keys are dropped."""
    global _epoch
    _epoch += 1
    _get_pool().waitForDone(wait_ms)


def idle() -> bool:
    """True when no operation waits for delivery (tests poll this)."""
    return not _running
