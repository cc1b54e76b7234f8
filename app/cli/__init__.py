"""`ascolto`: the GUI without arguments, headless commands for coordinators, automation and tests.

Exit codes: 0 ok, 1 a user error explained in one line on stderr, 2 usage. Passwords come from
`--password-stdin` or an interactive prompt, never from argv (argv is visible to every local user).

One module per command group, each with a `register(subparsers)` that adds its commands and binds their
handlers; `options` holds what they share. A new group is a new module and one line in COMMAND_GROUPS
(whose order is the order of `ascolto --help`).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import APP_NAME, __version__
from app.cli import backup, centre, delivery, desks, folder, network, privacy, reports, synthetic
from app.cli.options import (
    DATA_DIR_HELP_EITHER,
    CliError,
    Handler,
    Parser,
    argparse_text,
    data_dir,
    run_handler,
)
from app.i18n import QT_TRANSLATE_NOOP, language_from_environment, set_language, translate

COMMAND_GROUPS = (folder, backup, reports, centre, delivery, desks, network, privacy, synthetic)


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.main import missing_display, run

    if missing_display(os.environ):  # before Qt aborts with its misleading xcb-cursor hint
        raise CliError(translate("Cli", "no display: set DISPLAY, or QT_QPA_PLATFORM=offscreen"))
    return run(data_dir(args), language=args.language)  # the GUI's own setting unless --language


def build_parser() -> argparse.ArgumentParser:
    argparse._ = argparse_text  # type: ignore[attr-defined]  # argparse's words through our catalogue
    parser = Parser(
        prog="ascolto",
        description=QT_TRANSLATE_NOOP("Cli", "Ascolto: encrypted case records for anti-violence centres."),
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        dest="data_dir_before",
        metavar="DATA_DIR",
        help=DATA_DIR_HELP_EITHER,
    )
    parser.add_argument(
        "--language",
        choices=["it", "en"],
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "language of the application and of its messages (default: the saved choice of the GUI; on "
            "the command line ASCOLTO_LANG, else the locale, else Italian)",
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def parse_args(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse, then give `--data-dir` one meaning wherever it stands: before the command or after it.

    A top-level option that a command would silently ignore is a usage error, not a surprise later.
    """
    args = parser.parse_args(argv)
    before = args.data_dir_before
    del args.data_dir_before
    after = getattr(args, "data_dir", None)
    command = args.command
    if command is not None and not getattr(args, "takes_data_dir", False) and before is not None:
        parser.error(translate("Cli", "{command} does not use --data-dir").format(command=command))
    if before is not None and after is not None and Path(before).expanduser() != Path(after).expanduser():
        parser.error(
            translate("Cli", "--data-dir given twice with different folders: {first} and {second}").format(
                first=before, second=after
            )
        )
    args.data_dir = after if after is not None else before
    return args


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("ASCOLTO_LOG", "WARNING").upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    set_language(_chosen_language(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parse_args(parser, argv)
    handler: Handler = getattr(args, "handler", cmd_gui)
    return run_handler(handler, args)


def _chosen_language(argv: Sequence[str]) -> str:
    """--language before the command, else ASCOLTO_LANG or the locale: read before parsing, so that
    help and usage errors already speak it."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--language" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--language="):
            return arg.partition("=")[2]
    return language_from_environment()
