"""A data folder this account may not list (Windows, not in "Ascolto Users"): a clear refusal that names
the group and the sign-out/sign-in step, never a silent end (issue #28, item 1).

On Windows, Python 3.11/3.12's `Path.exists()` raises PermissionError for such a folder. Tests run as root
in CI, where permission bits do not apply, so the PermissionError is injected at the file-system boundary
(`Path.exists`, `Path.is_dir`, `os.stat`) for paths inside the folder; one test uses a real chmod 000 where
it can (not root).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli
from app.services.constants import FolderNotOpenToHer, group_of_users, holds_data
from app.services.errors import UserError
from app.services.workspace import Workspace
from installer import ascolto_entry


def _deny(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fault injection: anything below `folder` raises PermissionError when asked about, as on Windows."""
    real_exists, real_is_dir, real_stat = Path.exists, Path.is_dir, os.stat

    root = os.path.abspath(folder)

    def inside(path: object) -> bool:
        if not isinstance(path, (str, os.PathLike)):
            return False  # a file descriptor
        name = os.path.abspath(os.fspath(path))
        return name == root or name.startswith(root + os.sep)

    def exists(self: Path, *args: object, **kwargs: object) -> bool:
        if inside(self) and os.path.abspath(self) != root:
            raise PermissionError(13, "Access is denied", str(self))
        return real_exists(self, *args, **kwargs)  # type: ignore[arg-type]

    def is_dir(self: Path) -> bool:
        if inside(self):
            raise PermissionError(13, "Access is denied", str(self))
        return real_is_dir(self)

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if inside(path):
            raise PermissionError(13, "Access is denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "exists", exists)
    monkeypatch.setattr(Path, "is_dir", is_dir)
    monkeypatch.setattr(os, "stat", stat)


@pytest.fixture
def closed_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "Ascolto"
    folder.mkdir()
    (folder / "ascolto.db").write_bytes(b"")
    _deny(folder, monkeypatch)
    yield folder


def _names_group_and_step(text: str) -> None:
    assert group_of_users() in text
    assert "sign out and sign in again" in text


def test_holds_data_refuses_clearly(closed_folder: Path) -> None:
    with pytest.raises(FolderNotOpenToHer) as caught:
        holds_data(closed_folder)
    _names_group_and_step(caught.value.text())
    assert str(closed_folder) in caught.value.text()


def test_the_group_is_the_windows_one_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert group_of_users() == "Ascolto Users"


def test_workspace_open_refuses_clearly(closed_folder: Path) -> None:
    with pytest.raises(UserError) as caught:
        Workspace.open(closed_folder)
    _names_group_and_step(caught.value.text())


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permission bits")
def test_a_real_unlistable_folder(tmp_path: Path) -> None:
    parent = tmp_path / "closed"
    parent.mkdir()
    folder = parent / "Ascolto"
    folder.mkdir()
    parent.chmod(0)
    try:
        with pytest.raises(FolderNotOpenToHer):
            holds_data(folder)
    finally:
        parent.chmod(0o700)


VERIFY = ["verify", "--user", "x", "--password-stdin"]


def test_command_line_says_it_in_one_line(
    closed_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("a password\n"))
    code = cli.main(["--language", "en", "--data-dir", str(closed_folder), *VERIFY])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    _names_group_and_step(err)


def test_windowed_start_ends_in_a_message_box_and_a_log_without_names(
    closed_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No console (a windowed .exe): the error is shown in a box; the log holds no path, no message."""
    logs = tmp_path / "state"
    monkeypatch.setenv("LOCALAPPDATA", str(logs))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdin", io.StringIO("a password\n"))
    shown: list[str] = []
    code = ascolto_entry.main(
        ["--language", "en", "--data-dir", str(closed_folder), *VERIFY], show=shown.append
    )
    assert code == 1 and len(shown) == 1
    _names_group_and_step(shown[0])
    log = (logs / "Ascolto" / ascolto_entry.START_LOG).read_text(encoding="utf-8")
    assert "exit code 1" in log
    assert str(closed_folder) not in log and group_of_users() not in log


def test_windowed_start_shows_a_box_for_an_exception_that_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)

    def broken(argv: object) -> int:  # fault injection: something fails before any handler runs
        raise MemoryError("C:\\Users\\anna.rossi")

    monkeypatch.setattr(cli, "main", broken)
    shown: list[str] = []
    assert ascolto_entry.main(["--version"], show=shown.append) == 1
    assert shown == [ascolto_entry.FALLBACK_TEXT]
    log = (tmp_path / "Ascolto" / ascolto_entry.START_LOG).read_text(encoding="utf-8")
    assert "MemoryError" in log and "anna" not in log
