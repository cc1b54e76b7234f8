"""`backup` and `restore`: a verified encrypted copy of the folder, and putting one back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.options import (
    Subparsers,
    add_common,
    data_dir,
    open_unlocked,
    print_copies,
    progress_bar,
    read_password,
    require_user,
)
from app.i18n import QT_TRANSLATE_NOOP, translate


def register(sub: Subparsers) -> None:
    backup = sub.add_parser(
        "backup", help=QT_TRANSLATE_NOOP("Cli", "write a verified encrypted backup file into a folder")
    )
    add_common(backup)
    backup.add_argument(
        "--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "folder for the backup file, e.g. a USB stick")
    )
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser(
        "restore",
        help=QT_TRANSLATE_NOOP("Cli", "replace the database with a backup (the current one is kept aside)"),
    )
    add_common(restore)
    restore.add_argument("file", help=QT_TRANSLATE_NOOP("Cli", "the .ascbak backup file"))
    restore.add_argument(
        "--recovery-key-stdin",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "read the recovery key of the backup from the first line of standard input, then a new password",
        ),
    )
    restore.add_argument(
        "--current-user",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "an administrator of the database being replaced, when the backup is opened by another account "
            "or password (her password is read first); needed too when the database cannot be read but the "
            "folder was in use: her current password must open the folder's key file",
        ),
    )
    restore.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backup import make_backup

    with open_unlocked(args) as workspace:
        result = make_backup(workspace, Path(args.out).expanduser(), progress=progress_bar("backup"))
    counts = result.manifest.row_counts
    print(
        translate("Cli", "Backup written and verified: {path} ({cases} cases, schema {schema})").format(
            path=result.path, cases=counts.get("case_file", 0), schema=result.manifest.schema_revision
        )
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.services.backup import Credentials, inspect_backup, restore_backup
    from app.services.workspace import Workspace

    backup_file = Path(args.file).expanduser()
    manifest = inspect_backup(backup_file)
    user = require_user(args)
    recovery_key = new_password = password = None
    current = None
    if args.current_user:
        current = Credentials(
            args.current_user,
            read_password(
                args,
                translate("Cli", "Password of {user} in the current database: ").format(
                    user=args.current_user
                ),
            ),
        )
    if args.recovery_key_stdin:
        recovery_key = sys.stdin.readline().strip()
        new_password = read_password(args, translate("Cli", "New password: "), confirm=True)
    else:
        password = read_password(args)
    workspace = Workspace.reserve(data_dir(args))
    with workspace:
        result = restore_backup(
            workspace,
            backup_file,
            user,
            password=password,
            recovery_key=recovery_key,
            new_password=new_password,
            current=current,
        )
    print(
        translate(
            "Cli",
            "Restored the backup of {created} into {folder}; the previous database was kept in its backups "
            "folder.",
        ).format(created=manifest.created_at, folder=data_dir(args))
    )
    if result.authorised_by == "backup":
        print(
            translate(
                "Cli",
                "The data folder was empty, so the administrator credentials of the backup were required.",
            )
        )
    elif result.authorised_by == "current-slots":
        print(
            translate(
                "Cli",
                "The current database could not be read: your current credentials were checked against the "
                "folder's key file.",
            )
        )
    if result.authorised_by != "current":
        print(
            translate(
                "Cli",
                "Every administrator will be told of this restore at her next sign-in, with what it may have "
                "undone (revocations and erasures made after the backup that the folder no longer shows).",
            )
        )
    if not result.authenticated:
        print(
            translate(
                "Cli",
                "This backup was made by an older version: its description carries no authentication tag. It "
                "was checked against the encrypted database it holds instead.",
            )
        )
    print(
        translate(
            "Cli", "Erasures and consent withdrawals made since the backup, applied again: {count}."
        ).format(count=result.erasures_reapplied)
    )
    if result.revocations_reapplied:
        print(
            translate("Cli", "Accounts revoked since the backup, revoked again: {count}.").format(
                count=result.revocations_reapplied
            )
        )
    if result.ledger_unchecked:
        print(
            translate(
                "Cli",
                "Lines of the erasure ledger whose tag does not check, not applied: {count}. Check the file "
                "erasures.jsonl in the data folder.",
            ).format(count=result.ledger_unchecked)
        )
    if result.releases_carried:
        print(
            translate("Cli", "Releases made since the backup, kept as released: {count}.").format(
                count=result.releases_carried
            )
        )
    if result.releases_unverified:
        print(
            translate(
                "Cli",
                "Lines of the release log that do not verify: {count}. They block the periods they name until "
                "removed; check the file releases/log.jsonl in the data folder.",
            ).format(count=result.releases_unverified)
        )
    print_copies(result.copies)
    return 0
