"""Random argv for every subcommand, run in process through app.cli.main with stdin patched.

Exit code 0, 1 or 2; no traceback on stderr or in the log; an error is one line "ascolto: error: ..."
and never the last net's "unexpected failure" (that means bad input was not put into words).

Arguments are built from the parser itself (so a new option is fuzzed without editing this file): each
option gets a valid-looking value, a hostile one or none, options are shuffled with junk tokens, and
standard input carries the right password, a wrong one, nothing or junk. Every path points into the
test's own folder and the working directory is moved there, so nothing outside it can be written.
`bench` is left out: valid arguments run the benchmark suite for minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import cli
from app.reports.periods import parse_period
from app.services import backup, releases, reports
from tests.foundation_fixtures import ADMIN, ADMIN_PW, add_women, initialise
from tests.reliability import figures

USER, PASSWORD = ADMIN, ADMIN_PW
SKIPPED = {"bench"}
EXAMPLES = figures.scaled(25, 400)


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {name: sub for name, sub in action.choices.items() if name not in SKIPPED}
    raise AssertionError("no subcommands")


SUBCOMMANDS = _subcommands()


@dataclass(frozen=True)
class Playground:
    root: Path
    folder: Path  # an initialised data folder: anna / PASSWORD
    backup_file: Path
    package: Path
    junk_file: Path


@pytest.fixture(scope="module")
def playground(tmp_path_factory: pytest.TempPathFactory) -> Playground:
    root = tmp_path_factory.mktemp("cli")
    folder = root / "data"
    ws, _ = initialise(folder, centre_code="CL")
    with ws:
        add_women(ws)
        made = backup.make_backup(ws, root / "backups")
        data = reports.prepare(ws, parse_period("2025"))
        exported = releases.export(ws, data, root / "pkg.json")
    junk = root / "junk.bin"
    junk.write_bytes(b"\x00\xffnot a thing" * 50)
    return Playground(root, folder, made.path, exported.package_path, junk)


@pytest.fixture
def in_playground(playground: Playground, monkeypatch: pytest.MonkeyPatch) -> Iterator[Playground]:
    monkeypatch.chdir(playground.root)
    monkeypatch.setenv("ASCOLTO_HOME", str(playground.root / "home"))
    monkeypatch.delenv("ASCOLTO_DEBUG", raising=False)
    yield playground


# --- strategies -----------------------------------------------------------------------------------------------------
SAFE_ALPHABET = st.characters(blacklist_characters="/\\~.=", blacklist_categories=["Cs"])
junk_token = st.one_of(
    st.text(SAFE_ALPHABET, max_size=12),
    st.sampled_from(
        ["-", "--", "--x", "-h", "--help", "--version", "--user", "--out", "--data-dir", "-1", "0"]
    ),
)
hostile_value = st.one_of(
    st.text(SAFE_ALPHABET, max_size=30),
    st.sampled_from(["", " ", "-", "--", "0", "-1", "99999999999999999999", "1e9", "é", "\x00", "NaN"]),
)


def path_value(p: Playground, kind: str) -> st.SearchStrategy[str]:
    names = st.text(st.characters(whitelist_categories=["Ll", "Nd"]), min_size=1, max_size=8)
    choices = [
        st.just(str(p.folder)),
        st.just(str(p.root)),
        st.just(str(p.junk_file)),
        st.just(str(p.backup_file)),
        st.just(str(p.package)),
        st.just(""),
        names.map(lambda n: str(p.root / "new" / n)),
        names.map(lambda n: str(p.root / "out" / f"{n}.pdf")),
        names,  # relative: lands in the playground (the working directory)
    ]
    if kind == "data_dir":
        choices = [st.just(str(p.folder))] * 4 + choices
    return st.one_of(choices)


VALID: dict[str, st.SearchStrategy[str]] = {
    "user": st.sampled_from([USER, USER, "ANNA", "nobody", "", "a" * 80]),
    "period": st.sampled_from(
        [
            "2025",
            "2025-H1",
            "2025-Q3",
            "2025-07",
            "2025-01-01..2025-03-15",
            "2025-13",
            "2099",
            "1800",
            "2025-02-30..2025-01-01",
        ]
    ),
    "desk": st.sampled_from(["Sportello", "sportello", "Nessuno", ""]),
    "code": st.sampled_from(["BG", "bg", "B", "ABCDEFG", "12", ""]),
    "centre": st.sampled_from(["Centro", "", " "]),
    "cases": st.sampled_from(["1", "3", "0", "-1", "1000001", "x"]),
    "years": st.sampled_from(["1", "2", "0", "21"]),
    "seed": st.sampled_from(["1", "-5", "x"]),
    "kdf_memory_kib": st.sampled_from(["19456", "1024", "0", "-1", "x"]),
    "kdf_iterations": st.sampled_from(["2", "1", "0", "-3", "x"]),
    "kdf_lanes": st.sampled_from(["1", "0", "65", "-1", "x"]),
    "case_code": st.sampled_from(["CL-2025-0001", "cl-2026-0001", "", "%", "_"]),
}
PATHS = {"data_dir", "out", "file", "packages"}


def option_tokens(action: argparse.Action, p: Playground) -> st.SearchStrategy[list[str]]:
    if action.dest in PATHS:
        value = path_value(p, action.dest)
    elif action.choices:
        value = st.one_of(st.sampled_from(sorted(map(str, action.choices))), hostile_value)
    elif action.dest in VALID:
        value = st.one_of(VALID[action.dest], VALID[action.dest], hostile_value)
    else:
        value = hostile_value
    flag = st.sampled_from(action.option_strings) if action.option_strings else st.just("")
    if action.nargs == 0:  # store_true, help, version
        tokens = flag.map(lambda f: [f])
    elif action.nargs in ("+", "*"):
        tokens = st.tuples(flag, st.lists(value, min_size=1, max_size=3)).map(lambda t: [t[0], *t[1]])
    else:
        tokens = st.tuples(flag, value).map(list)
    return tokens.map(lambda ts: [t for t in ts if t != ""] if not action.option_strings else ts)


@st.composite
def argv_for(draw: st.DrawFn, name: str, p: Playground) -> list[str]:
    groups: list[list[str]] = []
    for action in SUBCOMMANDS[name]._actions:
        if action.dest == "help" and draw(st.integers(0, 30)) != 0:
            continue
        wanted = (
            action.required
            or not action.option_strings
            or action.dest in ("user", "password_stdin", "data_dir")
        )
        if draw(st.integers(0, 9)) < (8 if wanted else 3):
            groups.append(draw(option_tokens(action, p)))
    groups.extend([t] for t in draw(st.lists(junk_token, max_size=2)))
    order = draw(st.permutations(range(len(groups)))) if groups else []
    return [name] + [token for i in order for token in groups[i]]


stdin_text = st.one_of(
    st.just(PASSWORD + "\n"),
    st.just(PASSWORD + "\ny\n"),
    st.just("sbagliata porta vento\n"),
    st.just(""),
    st.text(max_size=40),
)


def run_main(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return code, out.getvalue(), err.getvalue()


def test_every_subcommand_is_fuzzed() -> None:
    assert set(SUBCOMMANDS) >= {
        "init",
        "verify",
        "backup",
        "restore",
        "report",
        "export",
        "network-report",
        "retention",
        "subject-access",
        "demo",
    }


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data(), stdin=stdin_text)
def test_random_argv(
    name: str,
    in_playground: Playground,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    data: st.DataObject,
    stdin: str,
) -> None:
    argv = data.draw(argv_for(name, in_playground), label="argv")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        code, _, err = run_main(argv, stdin, monkeypatch)
    figures.add("hypothesis examples: CLI argv")
    figures.add(f"CLI exit {code}")
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err, err
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    if code == 1:
        lines = [line for line in err.splitlines() if line.strip() and "since your last login" not in line]
        assert lines and lines[-1].startswith("ascolto: error: "), err
        assert "unexpected failure" not in err, f"{argv}: bad input got no clear message: {err}"
