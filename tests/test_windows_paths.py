"""Paths as Windows gives them (issue #28, item 6): a `#` in a folder name, a file held open by a viewer or
the antivirus, a `:` or a reserved device name in a default export name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app import fs
from app.crypto.keyslots import DataKey
from app.services.errors import UserError
from app.services.files import write_private_file
from app.services.workspace import Workspace
from app.storage import database
from tests.conftest import ADMIN, copy_archive


def test_read_only_probe_keeps_a_hash_in_the_folder_name(set_up_archive: Path, tmp_path: Path) -> None:
    """`file:` + as_posix() cut at `#`: SQLite opened `.../CAV` read-write (a stray empty file)."""
    folder = copy_archive(set_up_archive, tmp_path / "CAV#1" / "data")
    workspace = Workspace.open(folder)
    try:
        workspace.unlock(ADMIN["username"], ADMIN["password"])
        key = DataKey(workspace.data_key.raw())
    finally:
        workspace.close()
    assert database.find_working_key(folder / "ascolto.db", [key]) is key
    assert sorted(p.name for p in tmp_path.iterdir()) == ["CAV#1"]  # nothing made beside it
    connection = database.connect(folder / "ascolto.db", key, read_only=True)
    try:
        with pytest.raises(Exception, match="readonly"):
            connection.execute("CREATE TABLE intruder (x)")
    finally:
        connection.close()


def _held_open(fail_times: int, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Fault injection: `os.replace` refused as Windows refuses a file open in a viewer (sharing violation)."""
    real = os.replace
    calls: list[int] = []

    def replace(src: str, dst: str | os.PathLike[str]) -> None:
        calls.append(1)
        if len(calls) <= fail_times:
            exc = PermissionError(13, "The process cannot access the file", str(dst))
            exc.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION
            raise exc
        real(src, dst)

    monkeypatch.setattr(fs.os, "replace", replace)
    return calls


def test_replace_waits_for_a_file_held_a_moment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _held_open(3, monkeypatch)
    fs.atomic_write_bytes(tmp_path / "copia.pdf", b"pdf")
    assert (tmp_path / "copia.pdf").read_bytes() == b"pdf" and len(calls) == 4
    assert [p.name for p in tmp_path.iterdir()] == ["copia.pdf"]


def test_a_file_kept_open_is_named_with_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fs, "REPLACE_WAIT_SECONDS", 0.2)
    _held_open(10_000, monkeypatch)
    (tmp_path / "copia.pdf").write_bytes(b"old")
    with pytest.raises(UserError) as caught:
        write_private_file(tmp_path / "copia.pdf", b"new")
    assert "close the file in the other program" in caught.value.text()
    assert (tmp_path / "copia.pdf").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["copia.pdf"]  # the temporary file is gone


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("agenda Sportello: Nord 2026-12-07.pdf", "agenda Sportello- Nord 2026-12-07.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("nul", "_nul"),
        ("com1.txt", "_com1.txt"),
        ("LPT9.pdf", "_LPT9.pdf"),
        ("CONSOLE.pdf", "CONSOLE.pdf"),
        ('a<b>c"d/e\\f|g?h*i.pdf', "a-b-c-d-e-f-g-h-i.pdf"),
        ("trailing. ", "trailing"),
        ("", "_"),
    ],
)
def test_default_file_names_are_valid_on_windows(name: str, safe: str) -> None:
    assert fs.safe_file_name(name) == safe
