"""Cold start: the first screen is on display before the database layer is imported, and the data folder is
opened only after that (app/ui/controller.py, docs/performance.md).

The subprocess tests run `ascolto` exactly as `ascolto bench` does (the smoke hook of app/ui/main.py) with
standard output wrapped, so each printed line records which heavy modules were loaded when it was printed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.services.workspace import Workspace
from app.ui import controller as controller_module
from app.ui.controller import AppController
from tests.ui.helpers import click, type_into, wait_ready

ROOT = Path(__file__).resolve().parents[2]

HEAVY = ("sqlalchemy", "alembic", "app.models", "app.storage.database", "app.services.workspace")

PROBE = f"""
import json, sys

HEAVY = {HEAVY!r}


class Probe:
    def __init__(self, out):
        self.out, self.pending = out, ""

    def write(self, text):
        self.pending += text
        while "\\n" in self.pending:
            line, self.pending = self.pending.split("\\n", 1)
            loaded = [name for name in HEAVY if name in sys.modules]
            self.out.write(json.dumps({{"line": line, "loaded": loaded}}) + "\\n")
        return len(text)

    def flush(self):
        self.out.flush()


sys.stdout = Probe(sys.stdout)
from app.cli import main

sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def _smoke(folder: Path, tmp_path: Path) -> list[dict[str, Any]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ASCOLTO_SMOKE_QUIT_MS="0", HOME=str(tmp_path))
    for name in ("ASCOLTO_HOME", "ASCOLTO_LOG"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(folder)],
        capture_output=True, text=True, timeout=120, env=env, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_unlock_screen_is_painted_before_the_database_layer_loads(
    set_up_folder: Path, tmp_path: Path
) -> None:
    shown, ready = _smoke(set_up_folder, tmp_path)
    assert shown == {"line": "unlock-screen-shown", "loaded": []}
    assert ready["line"] == "unlock-screen-shown"  # the folder opened: the screen stays
    assert {"sqlalchemy", "app.services.workspace"} <= set(ready["loaded"])
    Workspace.open(set_up_folder).close()  # the GUI released the folder when it quit


def test_set_up_wizard_is_painted_before_the_database_layer_loads(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    shown, ready = _smoke(folder, tmp_path)
    assert shown == {"line": "setup-wizard-shown", "loaded": []}
    assert ready["line"] == "setup-wizard-shown" and "app.services.workspace" in ready["loaded"]
    assert not folder.exists()  # nothing is created before the wizard is completed


def test_a_refused_folder_replaces_the_unlock_screen(set_up_folder: Path, tmp_path: Path) -> None:
    (set_up_folder / "keyslots.json").write_text("{broken")
    lines = [entry["line"] for entry in _smoke(set_up_folder, tmp_path)]
    assert lines == ["unlock-screen-shown", "no-known-screen"]  # the last line: what she is left with


# --- in process ------------------------------------------------------------------------------------------
@pytest.fixture
def starting(qapp: Any, qtbot: Any, set_up_folder: Path, ui_env: None) -> Any:
    """A controller whose `start()` has not been called yet."""
    app_controller = AppController(qapp, set_up_folder)
    qtbot.addWidget(app_controller.shell)
    yield app_controller
    app_controller.shutdown()


def test_the_folder_opens_after_the_first_paint(qtbot: Any, starting: AppController) -> None:
    events: list[str] = []
    starting.screen_shown.connect(lambda: events.append("shown"))
    starting.ready.connect(lambda: events.append("ready"))
    starting.start()
    screen = starting.unlock_screen
    assert screen is not None and starting.shell.stack.currentWidget() is screen
    assert starting.workspace is None and not starting.is_ready  # nothing opened before the event loop runs
    wait_ready(qtbot, starting)
    assert events == ["shown", "ready"]
    assert starting.workspace is not None and screen.workspace is starting.workspace


def test_nothing_can_be_submitted_before_the_folder_is_open(qtbot: Any, starting: AppController) -> None:
    starting.start()
    screen = starting.unlock_screen
    assert screen is not None
    assert not screen.unlock_button.isEnabled() and not screen.forgot_button.isEnabled()
    screen.username.setText("mrossi")  # she may type ahead
    screen.password.setText("lanterna torrente civetta brina")
    screen.submit()
    screen.open_recovery()
    assert screen.recover_dialog is None and not screen.message.isVisible()
    wait_ready(qtbot, starting)
    assert screen.unlock_button.isEnabled() and screen.forgot_button.isEnabled()
    assert screen.username.text() == "mrossi"
    type_into(qtbot, screen.password, "not her password at all")
    click(qtbot, screen.unlock_button)
    qtbot.waitUntil(lambda: screen.message.text() == "Wrong user name or password.", timeout=10_000)


def test_shutting_down_before_the_open_opens_nothing(qtbot: Any, starting: AppController) -> None:
    starting.start()
    starting.shutdown()
    qtbot.wait(controller_module.OPEN_ANYWAY_MS + 200)  # past the paint and the fallback
    assert starting.workspace is None and not starting.is_ready
    Workspace.open(starting.data_dir).close()  # the folder was never taken


def test_the_folder_opens_even_if_the_screen_is_never_painted(
    qtbot: Any, starting: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(controller_module, "OPEN_ANYWAY_MS", 50)
    starting.start()
    starting.shell.hide()  # e.g. started minimised: no paint
    wait_ready(qtbot, starting, timeout=5_000)
    assert starting.workspace is not None
