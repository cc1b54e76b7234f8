"""The command line speaks Italian unless English is chosen, from the same catalogue as the GUI."""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import centre_cli, cli, i18n


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """A fresh process with only the locale variables given (none: an unset locale)."""
    clean = {
        k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", i18n.LANGUAGE_ENV)
    }
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        env={**clean, **env},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_italian_by_default_help_and_errors() -> None:
    for env in ({}, {"LANG": "C.UTF-8"}, {"LANG": "it_IT.UTF-8"}):
        result = _run(["--help"], **env)
        assert result.returncode == 0
        assert "uso: ascolto" in result.stdout, env
        assert "mostra questo aiuto ed esce" in result.stdout
        assert "prepara una nuova cartella dei dati" in result.stdout
        assert "show this help" not in result.stdout
    result = _run(["demo", "--cases", "0"], LANG="C.UTF-8")
    assert result.returncode == 2
    assert "errore: argomento --cases: deve essere tra 1 e 1000000" in result.stderr
    result = _run(["verify", "--data-dir", "/nonexistent-ascolto"])  # no --user: refused before any file
    assert result.stderr.strip() == "ascolto: errore: serve --user"


def test_english_with_an_english_locale_or_when_chosen() -> None:
    result = _run(["--help"], LANG="en_US.UTF-8")
    assert "usage: ascolto" in result.stdout
    assert "set up a new data folder with its first administrator" in result.stdout
    result = _run(["verify", "--data-dir", "/nonexistent-ascolto"], LC_ALL="en_GB.UTF-8", LANG="it_IT.UTF-8")
    assert result.stderr.strip() == "ascolto: error: --user is required"
    result = _run(["--language", "en", "verify", "--data-dir", "/nonexistent-ascolto"], LANG="it_IT.UTF-8")
    assert result.stderr.strip() == "ascolto: error: --user is required"
    result = _run(["--language=it", "verify", "--data-dir", "/nonexistent-ascolto"], ASCOLTO_LANG="en")
    assert result.stderr.strip() == "ascolto: errore: serve --user"


@pytest.mark.parametrize(
    ("env", "language"),
    [
        ({}, "it"),
        ({"LANG": "C"}, "it"),
        ({"LANG": "POSIX"}, "it"),
        ({"LANG": "it_CH.UTF-8"}, "it"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # no German: English is understood more widely than Italian
        ({"LC_ALL": "it_IT.UTF-8", "LANG": "en_US.UTF-8"}, "it"),
        ({"LANG": "en_US.UTF-8", "ASCOLTO_LANG": "it"}, "it"),
    ],
)
def test_language_from_the_environment(env: dict[str, str], language: str) -> None:
    assert i18n.language_from_environment(env) == language


def _marked_cli_strings() -> set[str]:
    """Every literal the command line passes to translate("Cli", ...) or marks QT_TRANSLATE_NOOP("Cli", ...)."""
    found: set[str] = set()
    for node in (
        node
        for module in (cli, centre_cli)
        for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8")))
    ):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("translate", "QT_TRANSLATE_NOOP")
            and len(node.args) == 2
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == "Cli"
            and isinstance(node.args[1], ast.Constant)  # not the helpers that pass a variable on
        ):
            found.add(node.args[1].value)
    return found


def test_every_cli_string_has_an_italian_translation() -> None:
    marked = _marked_cli_strings()
    assert len(marked) > 80  # messages, help texts and argparse's own words
    catalogue = i18n._catalogue()
    missing = sorted(text for text in marked if ("Cli", text) not in catalogue)
    assert not missing, missing


def test_every_help_text_is_marked() -> None:
    """A help text given without the marker would never be extracted, so never translated."""
    marked = _marked_cli_strings()
    parser = cli.build_parser()
    parsers = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            parsers += list(action.choices.values())
            marked_helps = {choice.help for choice in action._choices_actions}
            assert marked_helps <= marked
    helps = {
        action.help
        for p in parsers
        for action in p._actions
        if action.help and action.help != "==SUPPRESS==" and action.dest not in ("help", "version")
    }
    assert helps <= marked, sorted(helps - marked)


def test_dates_in_messages_follow_the_language() -> None:
    from datetime import date

    try:
        i18n.set_language("it")
        assert i18n.day_text(date(2026, 12, 1)) == "01/12/2026"
        i18n.set_language("en")
        assert i18n.day_text(date(2026, 12, 1)) == "2026-12-01"
    finally:
        i18n.set_language(i18n.language_from_environment())
