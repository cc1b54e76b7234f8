"""`ascolto desk rename|close|reopen`: help desks that change (administrators; app.services.desks)."""

from __future__ import annotations

import argparse

from app.cli.options import Subparsers, add_common, open_unlocked
from app.i18n import QT_TRANSLATE_NOOP, translate


def cmd_desk_rename(args: argparse.Namespace) -> int:
    from app.services import desks

    with open_unlocked(args) as workspace:
        desk = desks.rename_desk(workspace, args.old, args.new)
    print(
        translate(
            "Cli", "The help desk {old} is now called {new}; releases already made keep their name."
        ).format(old=args.old, new=desk.name)
    )
    return 0


def cmd_desk_close(args: argparse.Namespace) -> int:
    from app.services import desks

    with open_unlocked(args) as workspace:
        desk = desks.close_desk(workspace, args.name)
    print(
        translate(
            "Cli", "The help desk {name} is closed: its cases stay and can be moved; it takes no new cases."
        ).format(name=desk.name)
    )
    return 0


def cmd_desk_reopen(args: argparse.Namespace) -> int:
    from app.services import desks

    with open_unlocked(args) as workspace:
        desk = desks.reopen_desk(workspace, args.name)
    print(translate("Cli", "The help desk {name} is open again.").format(name=desk.name))
    return 0


def register(sub: Subparsers) -> None:
    """Add `desk rename`, `desk close` and `desk reopen` to the command line's subcommands."""
    group = sub.add_parser("desk", help=QT_TRANSLATE_NOOP("Cli", "rename, close or reopen a help desk"))
    actions = group.add_subparsers(dest="desk_command", metavar="ACTION", required=True)

    rename = actions.add_parser(
        "rename", help=QT_TRANSLATE_NOOP("Cli", "give a help desk a new name (releases keep the old one)")
    )
    add_common(rename)
    rename.add_argument("old", metavar="OLD", help=QT_TRANSLATE_NOOP("Cli", "the help desk's name now"))
    rename.add_argument("new", metavar="NEW", help=QT_TRANSLATE_NOOP("Cli", "its new name"))
    rename.set_defaults(handler=cmd_desk_rename)

    close = actions.add_parser(
        "close", help=QT_TRANSLATE_NOOP("Cli", "close a help desk: it takes no new cases")
    )
    add_common(close)
    close.add_argument("name", metavar="NAME", help=QT_TRANSLATE_NOOP("Cli", "name of the help desk"))
    close.set_defaults(handler=cmd_desk_close)

    reopen = actions.add_parser("reopen", help=QT_TRANSLATE_NOOP("Cli", "reopen a closed help desk"))
    add_common(reopen)
    reopen.add_argument("name", metavar="NAME", help=QT_TRANSLATE_NOOP("Cli", "name of the help desk"))
    reopen.set_defaults(handler=cmd_desk_reopen)
