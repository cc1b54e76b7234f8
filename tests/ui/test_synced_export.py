"""A file with names saved into a folder a cloud client keeps in sync (Windows 11's Desktop and Documents are
often in OneDrive): she is asked first (issue #28, item 8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.ui.kit import files, messages


@pytest.fixture(autouse=True)
def _clean(qapp: object) -> Iterator[None]:
    files.reset()
    messages.reset()
    yield
    files.reset()
    messages.reset()


def test_a_copy_with_names_into_onedrive_needs_her_yes(tmp_path: Path) -> None:
    target = tmp_path / "OneDrive - Comune" / "Documenti" / "copia.pdf"
    files.set_next(target)
    messages.set_next_answer(messages.Button.No)
    assert files.save_file(None, "Save", target, "PDF (*.pdf)", personal=True) is None
    assert "copied off this PC" in messages.answered[-1]
    files.set_next(target)
    messages.set_next_answer(messages.Button.Yes)
    assert files.save_file(None, "Save", target, "PDF (*.pdf)", personal=True) == target


def test_a_local_folder_or_a_file_without_names_is_not_questioned(tmp_path: Path) -> None:
    files.set_next(tmp_path / "copia.pdf")
    assert files.save_file(None, "Save", tmp_path / "copia.pdf", "PDF (*.pdf)", personal=True) is not None
    synced = tmp_path / "Dropbox" / "statistiche.json"
    files.set_next(synced)
    assert files.save_file(None, "Save", synced, "JSON (*.json)") == synced
    assert messages.answered == []
