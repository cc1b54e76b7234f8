"""Folders made inside the data folder: private on a personal folder, group-shared on a shared one, and on
Windows given no mode at all so that they inherit the data folder's ACL (issue #28, item 3)."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import fs
from tests.test_release_log_guards import _release


@pytest.fixture
def shared() -> Iterator[None]:
    """The group-shared mode for one test (it narrows the umask: put both back afterwards)."""
    umask = os.umask(0o077)
    os.umask(umask)
    fs.share_with_group(True)
    try:
        yield
    finally:
        fs.share_with_group(False)
        os.umask(umask)


def test_windows_subfolders_get_no_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """0o700 would be an owner-only ACL on Windows (CPython 3.11.10+): the next operator locked out."""
    monkeypatch.setattr(sys, "platform", "win32")
    assert fs.dir_mode() == 0o777


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_releases_folder_is_group_shared_in_a_shared_data_folder(tmp_path: Path, shared: None) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    os.chmod(folder, 0o2770)
    _release(folder, 1)
    mode = stat.S_IMODE((folder / "releases").stat().st_mode)
    assert mode & 0o070 == 0o070, oct(mode)  # the other members of the group can read and add releases
    assert mode & 0o007 == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_releases_folder_is_private_in_a_personal_data_folder(tmp_path: Path) -> None:
    _release(tmp_path, 1)
    assert stat.S_IMODE((tmp_path / "releases").stat().st_mode) == 0o700
