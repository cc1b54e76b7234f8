"""`route`, `outbox` and `inbox`: delivery from the command line (scriptable: `ascolto outbox send` from the
Task Scheduler or cron delivers what waits whenever the PC is online)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from app.cli.options import CliError, Subparsers, add_common, data_dir, open_unlocked, progress_bar
from app.i18n import QT_TRANSLATE_NOOP, translate


def _route_password(args: argparse.Namespace) -> str:
    """The mailbox password: the second line of standard input with --password-stdin, else asked."""
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise CliError(translate("Cli", "no mailbox password on the second line of standard input"))
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError(translate("Cli", "no terminal to ask for the password: use --password-stdin"))
    return getpass.getpass(translate("Cli", "Mailbox password: "))


def cmd_route_set(args: argparse.Namespace) -> int:
    from app.services.routes import EmailRoute, FolderRoute, Route, host_and_port, set_route

    with open_unlocked(args) as workspace:
        route: Route
        if args.folder:
            route = FolderRoute(str(Path(args.folder).expanduser().resolve()))
        else:
            if not args.email:
                raise CliError(translate("Cli", "give --email ADDRESS or --folder PATH"))
            smtp_host, smtp_port = host_and_port(args.smtp or "", 465)
            imap_host, imap_port = host_and_port(args.imap or "", 993)
            ca = (
                Path(args.ca).expanduser().read_text(encoding="ascii", errors="replace")[:30_000]
                if args.ca
                else ""
            )
            route = EmailRoute(
                address=args.email,
                username=args.login or args.email,
                password=_route_password(args),
                smtp_host=smtp_host,
                smtp_port=smtp_port,
                security="starttls" if args.starttls else "tls",
                recipients=tuple(args.to or ()),
                imap_host=imap_host,
                imap_port=imap_port,
                imap_folder=args.imap_folder,
                ca_pem=ca,
            )
        set_route(workspace, args.destination, route)
    print(translate("Cli", "Route for {destination} saved.").format(destination=args.destination))
    return 0


def cmd_route_list(args: argparse.Namespace) -> int:
    from app.services.routes import routes

    with open_unlocked(args) as workspace:
        for view in routes(workspace):
            extra = "; ".join(f"{k}: {v}" for k, v in view.extra.items() if v)
            print(f"{view.destination}\t{view.kind}\t{view.summary}" + (f"\t{extra}" if extra else ""))
    return 0


def cmd_route_remove(args: argparse.Namespace) -> int:
    from app.services.routes import remove_route

    with open_unlocked(args) as workspace:
        remove_route(workspace, args.destination)
    return 0


def cmd_outbox(args: argparse.Namespace) -> int:
    from app.services import outbox

    with open_unlocked(args) as workspace:
        views = outbox.items(workspace, states=() if args.all else ("waiting", "sending", "failed", "sent"))
    if not views:
        print(translate("Cli", "The outbox is empty."))
    for view in views:
        reason = (
            translate("Outbox", outbox.REASONS[view.reason]) if view.reason in outbox.REASONS else view.reason
        )
        print(
            f"{view.id}\t{translate('Outbox', outbox.STATE_LABELS[view.state])}\t{view.changed_at:%Y-%m-%d %H:%M}\t{view.destination}\t{view.subject}"
            + (f"\t{reason}" if reason else "")
        )
    return 0


def cmd_outbox_send(args: argparse.Namespace) -> int:
    from app.services import outbox

    with open_unlocked(args) as workspace:
        result = outbox.send(
            workspace, everything=args.now, progress=progress_bar(translate("Cli", "Sending"))
        )
        receipts = outbox.check_receipts(workspace)
    print(
        translate(
            "Cli", "Sent: {sent}; failed: {failed}; still waiting: {waiting}; delivery receipts: {receipts}."
        ).format(sent=result.delivered, failed=result.failed, waiting=result.waiting, receipts=receipts)
    )
    return 0 if result.failed == 0 else 1


def cmd_inbox_fetch(args: argparse.Namespace) -> int:
    from app.services import inbox

    with open_unlocked(args) as workspace:
        found = inbox.fetch_inbox(workspace)
    for entry in found:
        print(f"{entry.state}\t{entry.name}\t{entry.origin}" + (f"\t{entry.reason}" if entry.reason else ""))
    print(
        translate("Cli", "{n} new attachments; accepted packages are in {folder}.").format(
            n=len(found), folder=Path(data_dir(args)) / inbox.INBOX_DIR
        )
    )
    return 0


def register(commands: Subparsers) -> None:
    """Add `route`, `outbox` and `inbox` to the command line's subcommands."""
    route = commands.add_parser(
        "route", help=QT_TRANSLATE_NOOP("Cli", "how files leave: e-mail (PEC) or a folder")
    )
    route_commands = route.add_subparsers(dest="route_command", required=True)
    set_ = route_commands.add_parser("set", help=QT_TRANSLATE_NOOP("Cli", "set the route of a destination"))
    add_common(set_)
    set_.add_argument("destination", choices=["network", "centre", "inbox"])
    set_.add_argument(
        "--email", metavar="ADDRESS", help=QT_TRANSLATE_NOOP("Cli", "the centre's (PEC) address")
    )
    set_.add_argument(
        "--smtp",
        metavar="HOST:PORT",
        help=QT_TRANSLATE_NOOP("Cli", "outgoing server (default port 465, TLS)"),
    )
    set_.add_argument(
        "--starttls", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "STARTTLS (port 587) instead of TLS")
    )
    set_.add_argument(
        "--to", action="append", metavar="ADDRESS", help=QT_TRANSLATE_NOOP("Cli", "recipient (repeat)")
    )
    set_.add_argument(
        "--imap",
        metavar="HOST:PORT",
        help=QT_TRANSLATE_NOOP("Cli", "incoming server to read receipts or the inbox (default port 993)"),
    )
    set_.add_argument(
        "--imap-folder", default="INBOX", help=QT_TRANSLATE_NOOP("Cli", "mailbox folder to read")
    )
    set_.add_argument("--login", help=QT_TRANSLATE_NOOP("Cli", "mailbox user name (default: the address)"))
    set_.add_argument(
        "--ca", metavar="PEM", help=QT_TRANSLATE_NOOP("Cli", "a certificate to trust besides the system's")
    )
    set_.add_argument(
        "--folder",
        metavar="PATH",
        help=QT_TRANSLATE_NOOP("Cli", "a folder (USB stick, share) instead of e-mail"),
    )
    set_.set_defaults(handler=cmd_route_set)
    listing = route_commands.add_parser(
        "list", help=QT_TRANSLATE_NOOP("Cli", "list the routes (never passwords)")
    )
    add_common(listing)
    listing.set_defaults(handler=cmd_route_list)
    remove = route_commands.add_parser(
        "remove", help=QT_TRANSLATE_NOOP("Cli", "remove the route of a destination")
    )
    add_common(remove)
    remove.add_argument("destination")
    remove.set_defaults(handler=cmd_route_remove)

    box = commands.add_parser("outbox", help=QT_TRANSLATE_NOOP("Cli", "what waits to leave, and sending it"))
    add_common(box)
    box.add_argument("--all", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "also what was delivered"))
    box.set_defaults(handler=cmd_outbox)
    box_commands = box.add_subparsers(dest="outbox_command")
    send = box_commands.add_parser(
        "send", help=QT_TRANSLATE_NOOP("Cli", "deliver what is due, then read receipts")
    )
    add_common(send)
    send.add_argument(
        "--now", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "also what waits for a retry")
    )
    send.set_defaults(handler=cmd_outbox_send)

    incoming = commands.add_parser(
        "inbox", help=QT_TRANSLATE_NOOP("Cli", "packages received by e-mail or folder")
    )
    incoming_commands = incoming.add_subparsers(dest="inbox_command", required=True)
    fetch = incoming_commands.add_parser(
        "fetch", help=QT_TRANSLATE_NOOP("Cli", "read and check what arrived")
    )
    add_common(fetch)
    fetch.set_defaults(handler=cmd_inbox_fetch)
