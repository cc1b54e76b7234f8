"""`ascolto` on the command line, always in a fresh process: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import re
from pathlib import Path

from app import __version__
from app.services.workspace import Workspace
from app.storage.database import PAGE_SIZE
from tests.foundation_fixtures import (
    ADMIN,
    ADMIN_PW,
    CLI_KDF,
    WRONG_PW,
    flip_byte,
    run_cli,
    snapshot,
)

pytest_plugins = ["tests.foundation_fixtures"]

RECOVERY_LINE = re.compile(r"^\s+([0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){8})\s*$", re.MULTILINE)
INIT = ["init", "--centre", "Centro Prova", "--code", "BG", "--desk", "Sportello Centro", "--user", ADMIN,
        "--password-stdin", *CLI_KDF]  # fmt: skip
VERIFY = ["verify", "--user", ADMIN, "--password-stdin"]


def _one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    assert lines[0].startswith("ascolto: error: ")
    return lines[0]


def test_init_then_verify(tmp_path: Path) -> None:
    home = tmp_path / "home"  # from ASCOLTO_HOME, no --data-dir
    init = run_cli(INIT, home, ADMIN_PW)
    assert init.returncode == 0, init.stderr
    assert (home / "ascolto.db").is_file() and (home / "keyslots.json").is_file()
    match = RECOVERY_LINE.search(init.stdout)
    assert match, init.stdout
    assert ADMIN_PW not in init.stdout + init.stderr
    verify = run_cli(VERIFY, home, ADMIN_PW)
    assert verify.returncode == 0, verify.stderr
    for check in ("cipher_integrity_check: ok", "integrity_check: ok", "audit_chain: ok"):
        assert check in verify.stdout
    # The printed recovery key is the real one.
    with Workspace.open(home) as workspace:
        workspace.recover(match.group(1), ADMIN, "nuova finestra mare sole")


def test_verify_with_wrong_password(fnd_folder: Path, tmp_path: Path) -> None:
    result = run_cli([*VERIFY, "--data-dir", str(fnd_folder)], tmp_path / "unused", WRONG_PW)
    assert result.returncode == 1
    assert "Wrong user name or password" in _one_line_error(result.stderr)
    assert result.stdout == ""


def test_usage_error_exits_2(tmp_path: Path) -> None:
    for args in (["init", "--user", ADMIN], ["frobnicate"], ["verify", "--no-such-flag"]):
        result = run_cli(args, tmp_path / "home")
        assert result.returncode == 2, (args, result.stderr)
        assert "usage:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "home").exists()


def test_version(tmp_path: Path) -> None:
    result = run_cli(["--version"], tmp_path / "home")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_init_into_existing_folder_exits_1(fnd_folder: Path, tmp_path: Path) -> None:
    before = snapshot(fnd_folder)
    result = run_cli([*INIT, "--data-dir", str(fnd_folder)], tmp_path / "unused", ADMIN_PW)
    assert result.returncode == 1
    assert "already holds a database" in _one_line_error(result.stderr)
    assert snapshot(fnd_folder) == before


def test_init_with_short_password_exits_1(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_cli(INIT, home, "corta")
    assert result.returncode == 1
    line = _one_line_error(result.stderr)
    assert "too short" in line and "15" in line
    assert not home.exists()


def test_verify_names_a_damaged_page(fnd_folder: Path, tmp_path: Path) -> None:
    db = fnd_folder / "ascolto.db"
    flip_byte(db, db.stat().st_size - PAGE_SIZE + 100)
    result = run_cli([*VERIFY, "--data-dir", str(fnd_folder)], tmp_path / "unused", ADMIN_PW)
    assert result.returncode == 1, result.stdout
    line = _one_line_error(result.stderr)
    assert "cipher_integrity_check" in line
    assert "cipher_integrity_check: FAILED" in result.stdout


def test_no_password_on_stdin(fnd_folder: Path, tmp_path: Path) -> None:
    result = run_cli([*VERIFY, "--data-dir", str(fnd_folder)], tmp_path / "unused", None)
    assert result.returncode == 1
    assert "no password on standard input" in _one_line_error(result.stderr)
