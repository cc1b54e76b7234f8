"""What every command group shares: the data folder, the operator and her password, periods, desks and
document languages, progress and confirmations, and the parser that speaks the command line's language.

A command group imports only this module, argparse and app.i18n at the top: the services load inside the
handlers, when a command needs them, so that `--help` and the GUI start fast.
"""

from __future__ import annotations

import argparse
import copy
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from app.i18n import QT_TRANSLATE_NOOP, current_language, translate
from app.services.errors import UserError

if TYPE_CHECKING:  # the services load only when a command needs them (a fast --help)
    from app.reports.periods import Period
    from app.services.workspace import Workspace

Handler = Callable[[argparse.Namespace], int]


class Subparsers(Protocol):
    """What a command group's `register` receives: argparse's subcommand action (`add_subparsers()`)."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


class CliError(Exception):
    """A one-line failure for the command line."""


# --- the data folder, the operator, her password ----------------------------------------------------
DATA_DIR_HELP = QT_TRANSLATE_NOOP("Cli", "data folder (default: $ASCOLTO_HOME or the platform's data folder)")
DATA_DIR_HELP_EITHER = QT_TRANSLATE_NOOP(
    "Cli",
    "data folder (default: $ASCOLTO_HOME or the platform's data folder); before or after the command, the same",
)


def add_common(parser: argparse.ArgumentParser, user: bool = True) -> None:
    """--data-dir (and unless `user` is false, --user and --password-stdin) on a command."""
    # SUPPRESS: left out, it must not overwrite a --data-dir given before the command (argparse copies a
    # subcommand's defaults over the values already parsed, so `--data-dir X demo` used the default folder).
    parser.add_argument("--data-dir", metavar="DATA_DIR", default=argparse.SUPPRESS, help=DATA_DIR_HELP)
    parser.set_defaults(takes_data_dir=True)
    if user:
        parser.add_argument("--user", help=QT_TRANSLATE_NOOP("Cli", "user name of the operator"))
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help=QT_TRANSLATE_NOOP("Cli", "read the password from the first line of standard input"),
        )


def data_dir(args: argparse.Namespace) -> Path:
    """--data-dir, else $ASCOLTO_HOME or the platform's data folder."""
    from app.storage.location import default_data_dir

    return Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()


def read_password(args: argparse.Namespace, prompt: str = "", confirm: bool = False) -> str:
    """The first line of standard input with --password-stdin, else a prompt on the terminal (never argv)."""
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise CliError(translate("Cli", "no password on standard input"))
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError(translate("Cli", "no terminal to ask for the password: use --password-stdin"))
    password = getpass.getpass(prompt or translate("Cli", "Password: "))
    if confirm and getpass.getpass(translate("Cli", "Repeat the password: ")) != password:
        raise CliError(translate("Cli", "the two passwords differ"))
    return password


def require_user(args: argparse.Namespace) -> str:
    if not args.user:
        raise CliError(translate("Cli", "--user is required"))
    return str(args.user)


def open_unlocked(args: argparse.Namespace) -> Workspace:
    """Open the data folder named by the arguments and unlock it as --user; report earlier failures."""
    from app.services.workspace import Workspace

    user = require_user(args)
    password = read_password(args)
    workspace = Workspace.open(data_dir(args))
    try:
        result = workspace.unlock(user, password)
    except BaseException:
        workspace.close()
        raise
    if result.failed_attempts:
        print(
            translate("Cli", "{n} failed attempts since your last login.").format(n=result.failed_attempts),
            file=sys.stderr,
        )
    if result.key_rotation == "finished":
        print(
            translate("Cli", "An interrupted revocation was finished: the database now has a new key."),
            file=sys.stderr,
        )
    elif result.key_rotation == "pending":
        print(
            translate(
                "Cli", "An interrupted revocation could not be finished now; it is retried at the next login."
            ),
            file=sys.stderr,
        )
    for notice in result.notices:  # a rollback of the folder seen at this login, a restore (administrators)
        print(notice.text(translate), file=sys.stderr)
    return workspace


# --- periods, desks, document languages -------------------------------------------------------------
def add_period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--period",
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "2026, 2026-H1, 2026-Q3, 2026-07 or 2026-01-01..2026-03-15"),
    )


def period_of(args: argparse.Namespace) -> Period:
    """--period as a Period; a malformed one is a one-line error."""
    from app.reports.periods import parse_period

    try:
        return parse_period(args.period)
    except ValueError as exc:
        raise CliError(str(exc)) from exc


def add_desks(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--desk",
        action="append",
        help=QT_TRANSLATE_NOOP("Cli", "help desk name (repeat for several; default all)"),
    )


def desk_ids_of(args: argparse.Namespace, workspace: Workspace) -> list[int] | None:
    """The help desks named by --desk, or None for all of them."""
    from app.services import reports

    return reports.desk_ids_by_name(workspace, args.desk) if args.desk else None


def add_document_language(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--lang", choices=["it", "en"], help=help_text)


def document_language(args: argparse.Namespace) -> str:
    """--lang, else the language the command line speaks."""
    return str(args.lang or current_language())


# --- numbers, progress, confirmations, output shared by groups ---------------------------------------
def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, else a usage error saying which."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(
                translate("Cli", "not a whole number: {text}").format(text=repr(text))
            ) from exc
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                translate("Cli", "must be between {low} and {high}").format(low=low, high=high)
            )
        return value

    return parse


def progress_bar(label: str) -> Callable[[int, int], None]:
    """A one-line progress bar on stderr, only when stderr is a terminal."""
    interactive = sys.stderr.isatty()

    def report(done: int, total: int) -> None:
        if not interactive:
            return
        width = 30
        filled = int(width * done / max(1, total))
        print(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="", file=sys.stderr)
        if done >= total:
            print(file=sys.stderr)

    return report


def confirm(prompt: str) -> bool:
    """A y/N answer from the next line of standard input (after the password, if it came from there)."""
    print(prompt, end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    return answer.strip().casefold() in ("y", "yes", "s", "si", "sì")


def print_copies(copies: tuple[int, int]) -> None:
    """What a new key did to the copies kept under the old one (after rekey and restore)."""
    reencrypted, deleted = copies
    if reencrypted or deleted:
        print(
            translate(
                "Cli",
                "Copies kept by restores and upgrades in the backups folder under the old key: {reencrypted} "
                "re-encrypted under the new key, {deleted} deleted (no active account could open them).",
            ).format(reencrypted=reencrypted, deleted=deleted)
        )


def run_handler(handler: Handler, args: argparse.Namespace) -> int:
    """Run a command: any failure becomes one line on stderr and exit code 1, never a traceback."""
    try:
        return handler(args)
    except (CliError, UserError) as exc:
        text = exc.text(translate) if isinstance(exc, UserError) else str(exc)
        print_error(text, sys.stderr)
        return 1
    except KeyboardInterrupt:
        print_error(translate("Cli", "interrupted"), sys.stderr)
        return 1
    except Exception as exc:  # the last net: one line, no traceback, no data
        if os.environ.get("ASCOLTO_DEBUG"):
            raise
        print_error(_describe_unexpected(exc), sys.stderr)
        return 1


def _describe_unexpected(exc: Exception) -> str:
    from app.storage.errors import describe_database_error

    described = describe_database_error(exc)
    if described:
        return described
    return translate(
        "Cli", "unexpected failure ({kind}); nothing was changed. Set ASCOLTO_DEBUG=1 for details."
    ).format(kind=type(exc).__name__)


def print_error(message: str, stream: TextIO) -> None:
    """One line whatever the message holds (a file name may contain a line break)."""
    one_line = " ".join(message.splitlines())
    print(translate("Cli", "ascolto: error: {message}").format(message=one_line), file=stream)


# --- the parser, in the command line's language ------------------------------------------------------
# argparse's own words (it asks gettext for them): marked here so that they are in the catalogue.
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("Cli", "usage: "),
    QT_TRANSLATE_NOOP("Cli", "positional arguments"),
    QT_TRANSLATE_NOOP("Cli", "options"),
    QT_TRANSLATE_NOOP("Cli", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Cli", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("Cli", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Cli", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Cli", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Cli", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Cli", "expected one argument"),
    QT_TRANSLATE_NOOP("Cli", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Cli", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Cli", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Cli", "ignored explicit argument %r"),
)


def argparse_text(text: str) -> str:
    return translate("Cli", text)


class HelpFormatter(argparse.HelpFormatter):
    """Translates help texts when help is printed, not when the parser is built (the GUI starts faster)."""

    def _expand_help(self, action: argparse.Action) -> str:
        text = action.help
        if text and text is not argparse.SUPPRESS:
            action = copy.copy(action)
            action.help = translate("Cli", text)
        return super()._expand_help(action)

    def add_text(self, text: str | None) -> None:
        super().add_text(translate("Cli", text) if text and text is not argparse.SUPPRESS else text)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser (and subcommand parsers) speaking the command line's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
