"""A locked session lets go of the data folder and takes it back at unlock; the lock file says who holds it
and since when (issue #28, item 2: fast user switching must not leave "already running" to everyone)."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from app.services.errors import UserError
from app.services.workspace import Workspace
from app.storage.location import FolderLock
from tests.conftest import ADMIN


def test_the_lock_file_says_who_and_since_when(set_up_folder: Path) -> None:
    workspace = Workspace.open(set_up_folder)
    try:
        holder = FolderLock(set_up_folder).holder()
        assert getpass.getuser() in holder and " since " in holder
        with pytest.raises(UserError) as caught:
            Workspace.open(set_up_folder)
        assert holder in caught.value.text()
    finally:
        workspace.close()


def test_a_released_folder_can_be_opened_by_another_then_taken_back(set_up_folder: Path) -> None:
    first = Workspace.open(set_up_folder)
    try:
        first.unlock(ADMIN["username"], ADMIN["password"])
        first.release_folder()
        assert not first.is_unlocked
        second = Workspace.open(set_up_folder)  # she switched user: the other account starts Ascolto
        try:
            with pytest.raises(UserError, match="already running"):
                first.unlock(ADMIN["username"], ADMIN["password"])
        finally:
            second.close()
        first.unlock(ADMIN["username"], ADMIN["password"])  # back: the folder is hers again
        assert first.is_unlocked
        with pytest.raises(UserError, match="already running"):
            Workspace.open(set_up_folder)
    finally:
        first.close()
