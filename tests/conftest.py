"""Shared fixtures. Qt runs headless (offscreen) unless QT_QPA_PLATFORM is already set, e.g. to xcb.

UI fixtures import the UI lazily, so the non-UI tests never import app.ui.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The command line speaks Italian by default; the tests read its English messages unless they choose
# otherwise (tests/test_cli_language.py), in this process and in the ones they start.
os.environ["ASCOLTO_LANG"] = "en"

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Write the bytecode cache (the gitignored __pycache__) even where PYTHONDONTWRITEBYTECODE is set, as on
# some CI images: the suite starts the command line and the writer in child processes again and again
# (the kill test alone 50 times), and each would otherwise compile app/ from source again.
sys.dont_write_bytecode = False

from app.crypto import keyslots  # noqa: E402 - after the line above, so that app/ is cached too

# The one test-only route below the documented Argon2id floor (64 MiB, t=3, p=4): slots at OWASP's
# minimum keep thousands of slots fast. Subprocesses (the CLI, the bundle) do not get it.
keyslots.allow_fast_kdf_for_tests()

ADMIN = {"username": "mrossi", "full_name": "Maria Rossi", "password": "lanterna torrente civetta brina"}
OPERATOR = {"username": "lbianchi", "full_name": "Lucia Bianchi", "password": "tavolo rondine pane sole"}
CENTRE = {
    "centre_name": "Centro antiviolenza Rete Donne",
    "centre_code": "BG",
    "desk_name": "Sportello Bergamo",
}


FAST_KDF = keyslots.KdfParams(19456, 2, 1)


@pytest.fixture
def fast_kdf() -> Any:
    """Argon2id at the OWASP floor: the code paths of production, in a fraction of the time."""
    return FAST_KDF


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, not yet existing data folder per test."""
    return tmp_path / "data"


# Noise of the headless "offscreen" platform, not of our code.
PLATFORM_NOISE = ("This plugin does not support",)


@pytest.fixture
def ui_env(qapp: Any, qtlog: Any, fast_kdf: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fast KDF for the UI, our stylesheet, no modal box that could hang a test, and no Qt warnings.

    A message box that a test did not announce with `messages.set_next_answer` fails the test, and so
    does any Qt warning (a bad connection, a layout set twice, a missing translation file...).
    """
    from app.ui.config import CONFIG
    from app.ui.i18n import install_translators
    from app.ui.kit import messages, operations
    from app.ui.kit.theme import apply_theme

    def unexpected_box(box: Any) -> Any:
        raise AssertionError(f"unexpected message box: {box.text()}")

    monkeypatch.setattr(CONFIG, "kdf", fast_kdf)
    monkeypatch.setattr(messages, "_exec_box", unexpected_box)
    messages.reset()
    apply_theme(qapp)
    install_translators(qapp, "en")  # as the application does: English plural forms ("1 case", "2 cases")
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    operations.discard_pending()
    qapp.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # widgets of this test really go
    messages.reset()
    from PySide6.QtCore import QtMsgType

    warnings = [
        record.message
        for record in qtlog.records
        if record.type != QtMsgType.QtDebugMsg
        and record.type != QtMsgType.QtInfoMsg
        and not record.message.startswith(PLATFORM_NOISE)
    ]
    assert not warnings, f"Qt warnings: {warnings}"


def initialise_with_operatrice(folder: Path, kdf: Any) -> Any:
    """A new data folder, unlocked as the administrator, with one operatrice at its first help desk."""
    from app.services import accounts
    from app.services.workspace import Workspace

    workspace, _key = Workspace.initialise(
        folder,
        username=ADMIN["username"],
        full_name=ADMIN["full_name"],
        password=ADMIN["password"],
        kdf=kdf,
        **CENTRE,
    )
    desk = accounts.list_help_desks(workspace)[0]
    accounts.add_operator(
        workspace,
        OPERATOR["username"],
        OPERATOR["full_name"],
        "operatrice",
        desk.id,
        OPERATOR["password"],
        kdf,
    )
    return workspace


# --- data folders built once per session, copied by each test ----------------------------------------------
_ARCHIVES: dict[str, Path] = {}


def shared_archive(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The closed data folder `build(folder)` makes, built once per session under `name`.

    Memoised here rather than by the fixture's scope: a session fixture imported into several test
    modules is a separate fixture in each (pytest caches it per module), and would be built again.
    Read only: a test copies it (`copy_archive`) before opening it.
    """
    folder = _ARCHIVES.get(name)
    if folder is None:
        folder = factory.mktemp(name) / "data"
        build(folder)
        _ARCHIVES[name] = folder
    return folder


def copy_archive(archive: Path, target: Path) -> Path:
    """A private copy of a shared archive: a few hundred kB, milliseconds (building one costs seconds)."""
    shutil.copytree(archive, target)
    return target


@pytest.fixture(scope="session")
def set_up_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder `set_up_folder` copies: initialised with the administrator and one operatrice, closed."""
    return shared_archive(
        tmp_path_factory, "set_up", lambda folder: initialise_with_operatrice(folder, FAST_KDF).close()
    )


@pytest.fixture
def set_up_folder(data_dir: Path, set_up_archive: Path) -> Path:
    """A data folder initialised with the administrator and one operatrice, then closed (locked): a
    private copy of the session's archive, so a test may write to it or break it."""
    return copy_archive(set_up_archive, data_dir)


@pytest.fixture
def controller(qapp: Any, qtbot: Any, set_up_folder: Path, ui_env: None) -> Iterator[Any]:
    """The app on an existing folder, showing the unlock screen."""
    from app.ui.controller import AppController

    app_controller = AppController(qapp, set_up_folder)
    qtbot.addWidget(app_controller.shell)
    app_controller.start()
    qtbot.waitExposed(app_controller.shell)
    yield app_controller
    app_controller.shutdown()


_SESSION_TODAY = __import__("datetime").date.today()  # what test modules computed as TODAY at import


@pytest.fixture(autouse=True)
def _one_today_per_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """The services' "today" stays the date the tests computed, even if the run crosses midnight."""
    from app.services import validation

    monkeypatch.setattr(validation, "today", lambda: _SESSION_TODAY)


# The longest modules start first: with one worker per module (xdist --dist loadfile), a long module picked up
# last leaves the other core idle until it ends (the bundle build alone takes minutes).
LONGEST_FIRST = (
    "test_installer.py",
    "test_intruder_lattice.py",
    "test_centre_release.py",
    "test_outbox.py",
    "test_centre.py",
    "test_centre_kill.py",
    "test_mnemonics.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the order within a module, and of the other modules, is kept
