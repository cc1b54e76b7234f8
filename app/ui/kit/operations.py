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
    QPoint,
    QRect,
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
from app.ui.kit import geometry, messages
from app.ui.kit.qt_compat import emit

T = TypeVar("T")

_pool: QThreadPool | None = None
_carrier: _Carrier | None = None
_epoch = 0
_running: dict[int, Operation[Any]] = {}
_tokens = itertools.count(1)
_indicator: QProgressDialog | None = None  # the one busy indicator, shared by the operations waiting
_waiting: set[int] = set()  # ids of the operations that asked for it and are not delivered yet


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
        self._busy = False  # this operation is among those the indicator waits for
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
        _waiting.add(id(self))
        self._busy = True
        _show_indicator(
            self._busy_text or QCoreApplication.translate("Operation", "Please wait…"),
            self._parent.window() if self._parent is not None else None,
        )

    def deliver(self, result: Any, error: BaseException | None) -> None:
        """On the GUI thread, once: the result to its callbacks (or dropped if locked or gone)."""
        self._timer.stop()
        if self._busy:
            self._busy = False
            _waiting.discard(id(self))
            if not _waiting:
                _close_indicator()
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


def _show_indicator(text: str, window: QWidget | None) -> None:
    """One indicator at a time (a second operation queued behind the first says its text in it), centred on
    the window that asked, or on the screen while that window is not shown (set-up), never off screen."""
    global _indicator
    if _indicator is None or not shiboken6.isValid(_indicator) or _indicator.parentWidget() is not window:
        _close_indicator()
        _indicator = QProgressDialog(text, "", 0, 0, window)
        _indicator.setObjectName("busyDialog")
        _indicator.setCancelButton(None)  # no cancel: the work cannot be interrupted
        _indicator.setWindowModality(Qt.WindowModality.WindowModal)
        _indicator.setMinimumDuration(0)
        _indicator.setWindowTitle(QCoreApplication.translate("Operation", "Ascolto"))
    _indicator.setLabelText(text)
    _indicator.adjustSize()
    centre = window.frameGeometry().center() if window is not None and window.isVisible() else None
    area = geometry.screen_for(centre).availableGeometry()
    place = QRect(QPoint(0, 0), _indicator.size())
    place.moveCenter(centre if centre is not None else area.center())
    _indicator.move(geometry.clamped(place, area).topLeft())
    _indicator.show()


def _close_indicator() -> None:
    global _indicator
    if _indicator is not None and shiboken6.isValid(_indicator):
        _indicator.close()
        _indicator.deleteLater()
    _indicator = None


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


class Latest:
    """The queries of one view, of which only the newest answers: typing fast never shows an older
    result. `start()` begins a new query (older answers are dropped), `cancel()` drops them all; `run`
    delivers `on_success` and `on_finished` only while no newer query was started."""

    def __init__(self, owner: QWidget) -> None:
        self.owner = owner
        self.generation = 0

    def start(self) -> None:
        self.generation += 1

    cancel = start

    def run(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None],
        on_finished: Callable[[], None] | None = None,
        *,
        on_user_error: Callable[[UserError], None] | None = None,
        busy_text: str = "",
    ) -> None:
        generation = self.generation

        def current() -> bool:
            return generation == self.generation

        run(
            self.owner,
            fn,
            lambda result: on_success(result) if current() else None,
            on_user_error=(lambda error: on_user_error(error) if current() else None)
            if on_user_error is not None
            else None,
            on_finished=(lambda: on_finished() if current() else None) if on_finished is not None else None,
            busy_text=busy_text,
        )


def discard_pending(wait_ms: int = 10_000) -> None:
    """On lock: forget every result still to come and let running work finish before keys are dropped."""
    global _epoch
    _epoch += 1
    _get_pool().waitForDone(wait_ms)


def idle() -> bool:
    """True when no operation waits for delivery (tests poll this)."""
    return not _running
