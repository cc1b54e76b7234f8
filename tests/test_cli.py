"""`ascolto` on the command line, always in a fresh process: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

import pytest

from app import __version__, cli
from app.cli.options import data_dir
from app.services.cases import ConsentInput, IdentityInput, ProfileInput, open_case, search_cases
from app.services.workspace import Workspace
from app.storage.database import PAGE_SIZE
from tests.foundation_fixtures import (
    ADMIN,
    ADMIN_PW,
    CLI_KDF,
    WRONG_PW,
    data_key_of,
    flip_byte,
    root_page,
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
    # a page of a table the login does not read (the file's last page may belong to the schema itself)
    page = root_page(fnd_folder, data_key_of(fnd_folder), "referral")
    flip_byte(db, (page - 1) * PAGE_SIZE + 100)
    result = run_cli([*VERIFY, "--data-dir", str(fnd_folder)], tmp_path / "unused", ADMIN_PW)
    assert result.returncode == 1, result.stdout
    line = _one_line_error(result.stderr)
    assert "cipher_integrity_check" in line
    assert "cipher_integrity_check: FAILED" in result.stdout


def test_no_password_on_stdin(fnd_folder: Path, tmp_path: Path) -> None:
    result = run_cli([*VERIFY, "--data-dir", str(fnd_folder)], tmp_path / "unused", None)
    assert result.returncode == 1
    assert "no password on standard input" in _one_line_error(result.stderr)


# --- --data-dir before or after the command ------------------------------------------------------------
# The arguments each command needs besides --data-dir (a new command must be added here).
REQUIRED: dict[str, list[str]] = {
    "init": ["--centre", "C", "--desk", "D"],
    "verify": [],
    "rekey": [],
    "backup": ["--out", "o"],
    "restore": ["b.ascbak"],
    "report": ["--period", "2025", "--out", "o.pdf"],
    "export": ["--period", "2025", "--out", "o.json"],
    "network-report": ["p.json", "--out", "o.pdf"],
    "quality": ["--period", "2025"],
    "retention": [],
    "subject-access": ["BG-2025-0001", "--out", "o.pdf"],
    "case-summary": ["BG-2025-0001", "--out", "o.pdf"],
    "demo": [],
    "send": ["--out", "d"],
    "receive": ["b.age"],
    "transfer": ["BG-2025-0001", "--to", "Sede"],
    "outbox": [],
}


def _commands() -> dict[str, argparse.ArgumentParser]:
    for action in cli.build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def _parse(argv: list[str]) -> argparse.Namespace:
    return cli.parse_args(cli.build_parser(), argv)


def test_every_command_with_data_dir_is_listed() -> None:
    taking = {name for name, sub in _commands().items() if sub.get_default("takes_data_dir")}
    assert taking == set(REQUIRED)


@pytest.mark.parametrize("command", sorted(REQUIRED))
def test_data_dir_means_the_same_before_or_after_the_command(command: str) -> None:
    rest = REQUIRED[command]
    folder = "/srv/altrove"
    for argv in (
        ["--data-dir", folder, command, *rest],
        [command, "--data-dir", folder, *rest],
        [command, *rest, "--data-dir", folder],
        ["--data-dir", folder, command, *rest, "--data-dir", folder + "/"],  # the same folder twice: fine
    ):
        args = _parse(argv)
        assert Path(args.data_dir) == Path(folder), argv
        assert data_dir(args) == Path(folder), argv
    assert _parse([command, *rest]).data_dir is None  # neither: the default folder


def test_data_dir_for_the_application() -> None:
    assert _parse(["--data-dir", "/srv/altrove"]).data_dir == "/srv/altrove"
    assert _parse([]).data_dir is None


def test_conflicting_or_ignored_top_level_options_are_usage_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv, says in (
        (["--data-dir", "/a", "verify", "--data-dir", "/b"], "different folders: /a and /b"),
        (["--data-dir", "/a", "bench"], "bench does not use --data-dir"),
    ):
        with pytest.raises(SystemExit) as exit_:
            _parse(argv)
        assert exit_.value.code == 2, argv
        assert says in capsys.readouterr().err, argv


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_verify_and_demo_use_the_folder_named_on_either_side(
    before: bool, fnd_folder: Path, tmp_path: Path
) -> None:
    home = tmp_path / "default"  # the default folder (ASCOLTO_HOME): it must stay untouched
    place = ["--data-dir", str(fnd_folder)]
    for command in (VERIFY, DEMO, DEMO):  # the second demo run: the folder holds only what demo made
        argv = [*place, *command] if before else [*command, *place]
        result = run_cli(argv, home, ADMIN_PW)
        assert result.returncode == 0, (argv, result.stderr)
    assert not home.exists()
    assert _case_count(fnd_folder) == 6


# --- demo refuses a real archive --------------------------------------------------------------------------
DEMO = ["demo", "--user", ADMIN, "--password-stdin", "--cases", "3", "--years", "1"]


def _case_count(folder: Path) -> int:
    with Workspace.open(folder) as workspace:
        workspace.unlock(ADMIN, ADMIN_PW)
        return search_cases(workspace, "", limit=1).total


def test_demo_refuses_a_folder_holding_real_cases(fnd_folder: Path, tmp_path: Path) -> None:
    with Workspace.open(fnd_folder) as workspace:
        workspace.unlock(ADMIN, ADMIN_PW)
        day = date(2026, 3, 2)
        open_case(
            workspace,
            IdentityInput("Giovanna", "Vera"),
            ProfileInput(birth_year=1980, country="IT"),
            ConsentInput(("TRATTAMENTO",), day),
            opened_on=day,
        )
    home = tmp_path / "default"
    refused = run_cli([*DEMO, "--data-dir", str(fnd_folder)], home, ADMIN_PW)
    assert refused.returncode == 1
    line = _one_line_error(refused.stderr)
    assert str(fnd_folder) in line and "holds 1 cases that the demo did not make" in line
    assert "--into-real-archive" in line
    assert _case_count(fnd_folder) == 1

    forced = run_cli([*DEMO, "--data-dir", str(fnd_folder), "--into-real-archive"], home, ADMIN_PW)
    assert forced.returncode == 0, forced.stderr
    assert _case_count(fnd_folder) == 4
    again = run_cli([*DEMO, "--data-dir", str(fnd_folder)], home, ADMIN_PW)  # her case is still there
    assert again.returncode == 1 and "holds 1 cases" in _one_line_error(again.stderr)
    assert _case_count(fnd_folder) == 4
