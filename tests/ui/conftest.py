"""UI fixtures on top of tests/conftest.py.

The demo archive (300 synthetic women, an administrator, an operatrice and a coordinatrice) is built once
per session and copied for each test that opens it: building it costs seconds, a copy milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.conftest import FAST_KDF, copy_archive, initialise_with_operatrice, shared_archive

if TYPE_CHECKING:
    from app.ui.controller import AppController

COORDINATOR = {"username": "gverdi", "full_name": "Giulia Verdi", "password": "quaderno salice vento lupo"}


@pytest.fixture
def controller(controller: Any, qtbot: Any) -> Any:
    """The shared fixture's controller once its data folder is open: `start()` shows the unlock screen
    and opens the folder only after the first paint (cold start, app/ui/controller.py)."""
    from tests.ui.helpers import wait_ready

    wait_ready(qtbot, controller)
    return controller


def _build_demo(folder: Path) -> None:
    from app import demo
    from app.services import accounts

    with initialise_with_operatrice(folder, FAST_KDF) as workspace:
        accounts.add_operator(
            workspace,
            COORDINATOR["username"],
            COORDINATOR["full_name"],
            "coordinatrice",
            None,
            COORDINATOR["password"],
            FAST_KDF,
        )
        demo.generate(workspace, cases=300, seed=1)


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Administrator, operatrice and coordinatrice, and 300 synthetic women over three years (read only:
    built once per session, whichever module asks first)."""
    return shared_archive(tmp_path_factory, "demo", _build_demo)


@pytest.fixture
def demo_controller(
    qapp: Any, qtbot: Any, demo_master: Path, tmp_path: Path, ui_env: None
) -> Iterator[AppController]:
    """The app on a private copy of the demo folder (export records do not leak between tests)."""
    from app.ui.controller import AppController
    from app.ui.kit import files
    from tests.ui.helpers import wait_ready

    copy = copy_archive(demo_master, tmp_path / "data")
    (copy / "ascolto.lock").unlink(missing_ok=True)
    files.reset()
    app_controller = AppController(qapp, copy)
    qtbot.addWidget(app_controller.shell)
    app_controller.start()
    wait_ready(qtbot, app_controller)
    yield app_controller
    app_controller.shutdown()
    files.reset()
