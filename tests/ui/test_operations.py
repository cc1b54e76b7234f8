"""The operation helper, the message-box seam and the last-resort error dialog."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.errors import UserError, WrongCredentials
from app.services.workspace import Workspace
from app.ui import errors
from app.ui.config import CONFIG
from app.ui.controller import AppController
from app.ui.kit import messages, operations
from tests.ui.helpers import wait_idle, wait_ready

pytestmark = pytest.mark.usefixtures("ui_env")


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_result_arrives_on_the_gui_thread(qtbot: Any, parent: QWidget) -> None:
    seen: list[tuple[int, bool]] = []
    worker: list[bool] = []

    def work() -> int:
        worker.append(threading.current_thread() is threading.main_thread())
        return 42

    operations.run(
        parent,
        work,
        lambda value: seen.append((value, threading.current_thread() is threading.main_thread())),
    )
    wait_idle(qtbot)
    assert worker == [False] and seen == [(42, True)]


def test_user_error_becomes_a_translated_warning(qtbot: Any, parent: QWidget) -> None:
    def refuse() -> None:
        raise WrongCredentials()

    messages.set_next_answer(messages.Button.Ok)
    operations.run(parent, refuse, lambda _: None)
    wait_idle(qtbot)
    assert messages.answered == ["Wrong user name or password."]


def test_unexpected_error_reaches_one_plain_dialog_and_logs_only_the_type(
    qtbot: Any, parent: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    def crash() -> None:
        raise KeyError("Maria Rossi, via Roma 3")

    messages.set_next_answer(messages.Button.Ok)
    with caplog.at_level(logging.ERROR):
        operations.run(parent, crash, lambda _: None)
        wait_idle(qtbot)
        qtbot.waitUntil(lambda: bool(messages.answered))
    assert messages.answered[0].startswith("Something went wrong")
    assert "KeyError" in messages.answered[0] and "Maria" not in messages.answered[0]
    assert "KeyError" in caplog.text and "Maria" not in caplog.text


def test_excepthook_shows_the_dialog(qtbot: Any, caplog: pytest.LogCaptureFixture) -> None:
    messages.set_next_answer(messages.Button.Ok)
    exc = ValueError("secret detail")
    errors._excepthook(ValueError, exc, None)
    qtbot.waitUntil(lambda: bool(messages.answered))
    assert "secret detail" not in caplog.text and "ValueError" in caplog.text


def test_busy_indicator_after_a_moment(qtbot: Any, parent: QWidget, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CONFIG, "busy_delay_ms", 50)
    release = threading.Event()
    operations.run(parent, lambda: release.wait(5), lambda _: None, busy_text="Working")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=2000)
    release.set()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in parent.findChildren(QProgressDialog)))


def test_quick_work_shows_no_busy_indicator(qtbot: Any, parent: QWidget) -> None:
    operations.run(parent, lambda: None, lambda _: None)
    wait_idle(qtbot)
    assert not parent.findChildren(QProgressDialog)


def test_results_started_before_a_lock_are_dropped(qtbot: Any, parent: QWidget) -> None:
    seen: list[object] = []
    operations.run(parent, lambda: time.sleep(0.2) or "late", seen.append)
    operations.discard_pending()
    wait_idle(qtbot)
    assert seen == []


def test_operations_run_one_at_a_time_in_order(qtbot: Any, parent: QWidget) -> None:
    order: list[int] = []
    for number in range(5):
        operations.run(parent, lambda n=number: time.sleep(0.01) or n, order.append)  # type: ignore[misc]
    wait_idle(qtbot)
    assert order == [0, 1, 2, 3, 4]


def test_folder_in_use_is_explained_not_a_traceback(qapp: Any, qtbot: Any, set_up_folder: Path) -> None:
    other = Workspace.open(set_up_folder)  # as if a second Ascolto were running
    controller = AppController(qapp, set_up_folder)
    qtbot.addWidget(controller.shell)
    try:
        controller.start()
        wait_ready(qtbot, controller)
        assert controller.shell.stack.currentWidget() is controller.shell.error_page
        assert "already running" in controller.shell.error_page.message.text()
        assert controller.unlock_screen is None
    finally:
        controller.shutdown()
        other.close()


def test_damaged_key_file_is_explained(qapp: Any, qtbot: Any, set_up_folder: Path) -> None:
    (set_up_folder / "keyslots.json").write_text("{broken")
    controller = AppController(qapp, set_up_folder)
    qtbot.addWidget(controller.shell)
    try:
        controller.start()
        wait_ready(qtbot, controller)
        assert "key file" in controller.shell.error_page.message.text()
    finally:
        controller.shutdown()


def test_user_error_text_is_translated_then_filled() -> None:
    from app.ui.i18n import error_text

    error = UserError("There is no account named {name}.", name="anna")
    assert error_text(error) == "There is no account named anna."


def test_the_worker_never_holds_a_qt_object(
    qtbot: Any, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Qt object whose last reference the worker dropped would be destroyed on the worker thread while
    the GUI thread used it (a rare crash in the event loop): the job carries the call and a token only,
    and the carrier that brings results back lives as long as the application."""
    jobs: list[Any] = []
    pool = operations._get_pool()
    start = pool.start

    def keep(job: Any) -> None:
        jobs.append(job)
        start(job)

    monkeypatch.setattr(pool, "start", keep)
    delivered: list[int] = []
    for n in range(40):
        operations.run(parent, lambda n=n: n, delivered.append)
    wait_idle(qtbot)
    assert delivered == list(range(40))  # each once, in order
    from PySide6.QtCore import QObject

    held = [v for job in jobs for v in vars(job).values()]
    assert not any(isinstance(v, QObject) for v in held)
    assert all(job._fn is None for job in jobs)  # the call's closure went with the call
    assert operations._get_carrier().parent() is not None  # owned by the application, not by an operation
