"""`ascolto centre ...`, `send`, `receive`, `transfer`: a centre of several PCs on the command line.

The same helpers as the other commands (app.cli): the password from --password-stdin or a prompt, one
line per error, exit 1 on a refusal. Fingerprints are printed for reading aloud by phone and typed back
with --fingerprint; nothing is accepted until they match (app.services.centre).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.options import CliError, Subparsers, add_common, open_unlocked
from app.i18n import QT_TRANSLATE_NOOP, translate


def cmd_centre_invite(args: argparse.Namespace) -> int:
    from app.services import centre

    with open_unlocked(args) as workspace:
        made = centre.invite(workspace, args.desk, Path(args.out).expanduser())
    print(translate("Cli", "Invitation for {desk} written to {path}.").format(desk=made.desk, path=made.path))
    print(
        translate(
            "Cli",
            "Fingerprint of this main office: {fingerprint}. Read it by phone to the desk, which types it when it "
            "joins.",
        ).format(fingerprint=made.fingerprint)
    )
    return 0


def cmd_centre_join(args: argparse.Namespace) -> int:
    from app.services import centre

    with open_unlocked(args) as workspace:
        joined = centre.join(
            workspace, Path(args.invitation).expanduser(), Path(args.out).expanduser(), args.fingerprint
        )
    print(translate("Cli", "This PC joined the centre of {main}.").format(main=joined.main))
    print(
        translate(
            "Cli",
            "Answer written to {path}. Fingerprint of this PC: {fingerprint}. Read it by phone to the main office, "
            "which types it when it accepts the answer.",
        ).format(path=joined.path, fingerprint=joined.own_fingerprint)
    )
    return 0


def cmd_centre_accept(args: argparse.Namespace) -> int:
    from app.services import centre

    with open_unlocked(args) as workspace:
        member = centre.accept(workspace, Path(args.answer).expanduser(), args.fingerprint)
    print(translate("Cli", "{name} is now an installation of the centre.").format(name=member.name))
    return 0


def cmd_centre_list(args: argparse.Namespace) -> int:
    from app.services import centre

    with open_unlocked(args) as workspace:
        rows = centre.members(workspace)
    if not rows:
        print(translate("Cli", "This PC belongs to no centre of several PCs."))
    states = {
        "active": translate("Cli", "active"),
        "invited": translate("Cli", "invited, no answer yet"),
        "removed": translate("Cli", "removed"),
    }
    roles = {"main": translate("Cli", "main office"), "desk": translate("Cli", "desk")}
    for row in rows:
        label = translate("Cli", "this PC") if row.is_self else states.get(row.state, row.state)
        print(
            translate(
                "Cli", "{name} ({role}, {state}) {fingerprint} received {last_in}, sent {last_out}"
            ).format(
                name=row.name,
                role=roles.get(row.role, row.role),
                state=label,
                fingerprint=row.fingerprint or "-",
                last_in=row.last_in,
                last_out=row.last_out,
            )
        )
    return 0


def cmd_centre_remove(args: argparse.Namespace) -> int:
    from app.services import centre

    with open_unlocked(args) as workspace:
        centre.remove(workspace, args.name)
    print(
        translate("Cli", "{name} was removed from the centre: what it sends from now on is refused.").format(
            name=args.name
        )
    )
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    from app.services import centre

    with open_unlocked(args) as workspace:
        if args.out is None:  # by the outbox's route to the main office (app.services.outbox)
            from app.services import outbox

            centre.make_due(workspace)
            queued = outbox.queue_bundles(workspace)
            print(translate("Cli", "Queued in the outbox: {n}.").format(n=queued))
            return 0
        written = centre.send(workspace, Path(args.out).expanduser())
    for path in written:
        print(translate("Cli", "Written: {path}").format(path=path))
    if not written:
        print(translate("Cli", "Nothing to send."))
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    from app.services import centre
    from app.services.errors import UserError

    refused = 0
    with open_unlocked(args) as workspace:
        results = centre.receive(workspace, [Path(p).expanduser() for p in args.files])
    for result in results:
        if isinstance(result, UserError):
            refused += 1
            print(translate("Cli", "Refused: {reason}").format(reason=result.text(translate)))
        else:
            print(
                translate("Cli", "Received {file}: number {seq} from {sender} ({kind}: {summary})").format(
                    file=result.path.name,
                    seq=result.seq,
                    sender=result.sender,
                    kind=result.kind,
                    summary=result.summary,
                )
            )
    if refused:
        raise CliError(
            translate("Cli", "{n} of {total} files were refused.").format(n=refused, total=len(results))
        )
    return 0


def cmd_transfer(args: argparse.Namespace) -> int:
    from app.services.accounts import list_help_desks
    from app.services.cases import search_cases
    from app.services.cases import transfer as moving

    code = args.case_code.strip().upper()
    with open_unlocked(args) as workspace:
        matches = [c for c in search_cases(workspace, code, limit=500).items if c.code == code]
        if not matches:
            gone = moving.tombstone(workspace, code)
            if gone is not None:
                raise CliError(
                    translate("Cli", "case {code} already left this PC on {day} for {name}").format(
                        code=code, day=gone[0].isoformat(), name=gone[1]
                    )
                )
            raise CliError(translate("Cli", "no case {code} that you can open").format(code=code))
        if args.desk:
            desks = {d.name: d.id for d in list_help_desks(workspace)}
            if args.desk not in desks:
                raise CliError(translate("Cli", "no help desk {name} on this PC").format(name=args.desk))
            moved = moving.move_case_to_desk(workspace, matches[0].id, desks[args.desk])
            print(
                translate("Cli", "Case {code} now belongs to {desk}; {n} appointments followed it.").format(
                    code=code, desk=args.desk, n=moved
                )
            )
            return 0
        done = moving.transfer_case(
            workspace, matches[0].id, args.to, Path(args.out).expanduser() if args.out else None
        )
    if done.path is not None:
        print(
            translate("Cli", "Case {code} moved to {name}: bundle written to {path}.").format(
                code=done.code, name=done.to, path=done.path
            )
        )
    else:
        print(
            translate("Cli", "Case {code} moved to {name}: the next send writes its bundle.").format(
                code=done.code, name=done.to
            )
        )
    return 0


def register(sub: Subparsers) -> None:
    """Add `centre`, `send`, `receive` and `transfer` to the command line's subcommands."""
    group = sub.add_parser(
        "centre", help=QT_TRANSLATE_NOOP("Cli", "a centre of several PCs: members and keys")
    )
    actions = group.add_subparsers(dest="centre_command", metavar="ACTION", required=True)

    invite = actions.add_parser(
        "invite", help=QT_TRANSLATE_NOOP("Cli", "main office: invite a desk's PC into the centre")
    )
    add_common(invite)
    invite.add_argument("--desk", required=True, help=QT_TRANSLATE_NOOP("Cli", "name of the desk"))
    invite.add_argument("--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "invitation file to write"))
    invite.set_defaults(handler=cmd_centre_invite)

    join = actions.add_parser(
        "join", help=QT_TRANSLATE_NOOP("Cli", "desk PC: join the centre that invited it")
    )
    add_common(join)
    join.add_argument("invitation", help=QT_TRANSLATE_NOOP("Cli", "the invitation file"))
    join.add_argument("--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "answer file to write"))
    join.add_argument(
        "--fingerprint",
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "the main office's fingerprint, as read to you by phone"),
    )
    join.set_defaults(handler=cmd_centre_join)

    accept = actions.add_parser(
        "accept", help=QT_TRANSLATE_NOOP("Cli", "main office: accept a desk's answer")
    )
    add_common(accept)
    accept.add_argument("answer", help=QT_TRANSLATE_NOOP("Cli", "the answer file"))
    accept.add_argument(
        "--fingerprint",
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "the desk's fingerprint, as read to you by phone"),
    )
    accept.set_defaults(handler=cmd_centre_accept)

    listing = actions.add_parser("list", help=QT_TRANSLATE_NOOP("Cli", "the centre's installations"))
    add_common(listing)
    listing.set_defaults(handler=cmd_centre_list)

    remove = actions.add_parser(
        "remove", help=QT_TRANSLATE_NOOP("Cli", "remove an installation: what it sends afterwards is refused")
    )
    add_common(remove)
    remove.add_argument("name", help=QT_TRANSLATE_NOOP("Cli", "name of the installation"))
    remove.set_defaults(handler=cmd_centre_remove)

    send = sub.add_parser("send", help=QT_TRANSLATE_NOOP("Cli", "write the bundles due for the main office"))
    add_common(send)
    send.add_argument(
        "--out",
        help=QT_TRANSLATE_NOOP(
            "Cli", "folder to write them in (without it: into the outbox, by the route set for the centre)"
        ),
    )
    send.set_defaults(handler=cmd_send)

    receive = sub.add_parser("receive", help=QT_TRANSLATE_NOOP("Cli", "import bundles from the centre's PCs"))
    add_common(receive)
    receive.add_argument("files", nargs="+", help=QT_TRANSLATE_NOOP("Cli", "bundle files (.age)"))
    receive.set_defaults(handler=cmd_receive)

    transfer = sub.add_parser(
        "transfer",
        help=QT_TRANSLATE_NOOP("Cli", "move a case to another desk or to another PC of the centre"),
    )
    add_common(transfer)
    transfer.add_argument(
        "case_code", metavar="CASE", help=QT_TRANSLATE_NOOP("Cli", "case code, e.g. BG-2026-0042")
    )
    where = transfer.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--to", help=QT_TRANSLATE_NOOP("Cli", "the installation (PC) of the centre to move it to")
    )
    where.add_argument("--desk", help=QT_TRANSLATE_NOOP("Cli", "a help desk of this PC to move it to"))
    transfer.add_argument(
        "--out", help=QT_TRANSLATE_NOOP("Cli", "bundle file to write (otherwise the next send writes it)")
    )
    transfer.set_defaults(handler=cmd_transfer)
