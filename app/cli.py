"""`ascolto`: the GUI without arguments, headless commands for coordinators, automation and tests.

Exit codes: 0 ok, 1 a user error explained in one line on stderr, 2 usage. Passwords come from
`--password-stdin` or an interactive prompt, never from argv (argv is visible to every local user).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from app import APP_NAME, __version__
from app.services.errors import UserError

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A one-line failure for the command line."""


def _data_dir(args: argparse.Namespace) -> Path:
    from app.storage.location import default_data_dir

    return Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()


def _read_password(args: argparse.Namespace, prompt: str = "Password: ", confirm: bool = False) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise CliError("no password on standard input")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError("no terminal to ask for the password: use --password-stdin")
    password = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the password: ") != password:
        raise CliError("the two passwords differ")
    return password


def _require_user(args: argparse.Namespace) -> str:
    if not args.user:
        raise CliError("--user is required")
    return str(args.user)


def open_unlocked(args: argparse.Namespace):  # type: ignore[no-untyped-def]  # returns Workspace
    """Open the data folder named by the arguments and unlock it as --user; report earlier failures."""
    from app.services.workspace import Workspace

    user = _require_user(args)
    password = _read_password(args)
    workspace = Workspace.open(_data_dir(args))
    try:
        result = workspace.unlock(user, password)
    except BaseException:
        workspace.close()
        raise
    if result.failed_attempts:
        print(f"{result.failed_attempts} failed attempts since your last login.", file=sys.stderr)
    if result.key_rotation == "finished":
        print("An interrupted revocation was finished: the database now has a new key.", file=sys.stderr)
    elif result.key_rotation == "pending":
        print("An interrupted revocation could not be finished now; it is retried at the next login.",
              file=sys.stderr)  # fmt: skip
    return workspace


# --- commands -----------------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    from app.crypto.keyslots import DEFAULT_KDF, KdfParams
    from app.services.workspace import PASSPHRASE_HINT, Workspace

    folder = _data_dir(args)
    user = _require_user(args)
    if not args.password_stdin:
        print(PASSPHRASE_HINT, file=sys.stderr)
    password = _read_password(args, "Password for the first administrator: ", confirm=True)
    chosen = (args.kdf_memory_kib, args.kdf_iterations, args.kdf_lanes)
    kdf = None  # calibrated to this PC unless the (hidden, for tests and experts) cost options are given
    if any(value is not None for value in chosen):
        defaults = (DEFAULT_KDF.memory_kib, DEFAULT_KDF.iterations, DEFAULT_KDF.lanes)
        kdf = KdfParams(*(d if v is None else v for v, d in zip(chosen, defaults, strict=True)))
    workspace, recovery_key = Workspace.initialise(
        folder,
        centre_name=args.centre,
        centre_code=args.code,
        desk_name=args.desk,
        username=user,
        full_name=args.full_name or user,
        password=password,
        kdf=kdf,
    )
    workspace.close()
    out = sys.stdout
    print(f"Created the Ascolto data folder {folder}.", file=out)
    print("", file=out)
    print("RECOVERY KEY (shown only now; print it or write it down and keep it locked away):", file=out)
    print(f"    {recovery_key}", file=out)
    print("", file=out)
    print(
        "It opens the database if every password is forgotten. Anyone holding it can read everything.",
        file=out,
    )
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    from app.services.accounts import rekey_now

    with open_unlocked(args) as workspace:
        generation = rekey_now(workspace)
    print(f"The database has a new key (generation {generation}); only active accounts and the recovery key "
          "open it.")  # fmt: skip
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from app.services.maintenance import verify

    with open_unlocked(args) as workspace:
        report = verify(workspace)
    for line in report.lines():
        print(line)
    if not report.ok:
        failed = ", ".join(report.failed_checks())
        raise CliError(f"verification failed: {failed}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill a data folder with synthetic cases; set the folder up first if it does not exist."""
    from app.services import demo
    from app.services.workspace import Workspace

    folder = _data_dir(args)
    if not Workspace.exists(folder):
        user = _require_user(args)
        password = _read_password(args, "Password for the demo administrator: ", confirm=True)
        workspace, recovery_key = Workspace.initialise(
            folder,
            centre_name=args.centre,
            centre_code="BG",
            desk_name="Bergamo",
            username=user,
            full_name=user,
            password=password,
        )
        print(f"Created the demo data folder {folder}; recovery key: {recovery_key}", file=sys.stderr)
    else:
        workspace = open_unlocked(args)
    with workspace:
        try:
            summary = demo.generate(
                workspace,
                cases=args.cases,
                seed=args.seed,
                years=args.years,
                progress=_progress_bar("demo"),
                into_real_archive=args.into_real_archive,
            )
        except demo.RealArchive as exc:
            raise CliError(
                f"{exc.text()} Nothing was added: choose another --data-dir, or add --into-real-archive "
                "if you really mean to mix them"
            ) from exc
    print(
        f"Added {summary.cases} cases, {summary.contacts} contacts, {summary.intakes} interviews, "
        f"{summary.services} services and {summary.referrals} referrals over {args.years} years."
    )
    return 0


def _progress_bar(label: str) -> Callable[[int, int], None]:
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


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backup import make_backup

    with open_unlocked(args) as workspace:
        result = make_backup(workspace, Path(args.out).expanduser(), progress=_progress_bar("backup"))
    counts = result.manifest.row_counts
    print(
        f"Backup written and verified: {result.path} "
        f"({counts.get('case_file', 0)} cases, schema {result.manifest.schema_revision})"
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.services.backup import inspect_backup, restore_backup
    from app.services.workspace import Workspace

    backup_file = Path(args.file).expanduser()
    manifest = inspect_backup(backup_file)
    user = _require_user(args)
    recovery_key = new_password = password = None
    if args.recovery_key_stdin:
        recovery_key = sys.stdin.readline().strip()
        new_password = _read_password(args, "New password: ", confirm=True)
    else:
        password = _read_password(args)
    workspace = Workspace.reserve(_data_dir(args))
    with workspace:
        restore_backup(
            workspace,
            backup_file,
            user,
            password=password,
            recovery_key=recovery_key,
            new_password=new_password,
        )
    print(
        f"Restored the backup of {manifest.created_at} into {_data_dir(args)}; "
        "the previous database was kept in its backups folder."
    )
    return 0


def _prepare_report(args: argparse.Namespace, workspace: object):  # type: ignore[no-untyped-def]
    from app.reports.periods import parse_period
    from app.services import reports

    try:
        period = parse_period(args.period)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    desk_ids = reports.desk_ids_by_name(workspace, args.desk) if args.desk else None  # type: ignore[arg-type]
    return reports.prepare(workspace, period, desk_ids, lang=args.lang)  # type: ignore[arg-type]


def cmd_report(args: argparse.Namespace) -> int:
    from app.services import reports

    with open_unlocked(args) as workspace:
        data = _prepare_report(args, workspace)
        release = reports.write_report(workspace, data, Path(args.out).expanduser())
    print(f"Report for {data.period.label(data.lang)} written to {args.out} ({data.hidden} values hidden).")
    _say_if_frozen(data, release.released_at, release.first_time)
    return 0


def _say_if_frozen(data: object, released_at: object, first_time: bool) -> None:
    from app.services.reports import ReportData

    if first_time or not isinstance(data, ReportData) or data.release is None:
        return
    print(f"This period was first released on {released_at}: the same figures were written again.")
    if data.release.changed_since:
        print("The data changed since; the changes will count from the next period on.")


def cmd_export(args: argparse.Namespace) -> int:
    from app.services import reports

    with open_unlocked(args) as workspace:
        data = _prepare_report(args, workspace)
        result = reports.export(workspace, data, Path(args.out).expanduser())
    _say_if_frozen(data, result.released_at, result.first_time)
    print(f"Signed package: {result.package_path}")
    print(f"Preview of exactly what it contains: {result.preview_path}")
    print(f"Signing key fingerprint (for the network coordinator to confirm): {result.fingerprint}")
    return 0


def cmd_network_report(args: argparse.Namespace) -> int:
    from app.services import reports

    with open_unlocked(args) as workspace:
        items = reports.import_packages(workspace, [Path(p).expanduser() for p in args.packages])
        for item in items:
            if item.trusted or any(
                o.trusted and o.package.public_key == item.package.public_key for o in items
            ):
                item.trusted = True
                continue
            if not args.trust_new:
                raise CliError(
                    f"the signing key of {item.package.centre} ({item.path.name}) is not trusted yet: "
                    f"fingerprint {item.package.fingerprint}. Compare it with the sender, then run again with "
                    "--trust-new"
                )
            reports.trust_key(workspace, item)
            print(f"Trusted the key of {item.package.centre}: {item.package.fingerprint}")
        data = reports.network_report(workspace, items, Path(args.out).expanduser(), lang=args.lang)
    print(
        f"Network report for {data.period.label(data.lang)} from {len(items)} packages written to {args.out}"
    )
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    """List what the retention policy says is due; with --apply, do it after a confirmation."""
    from app.services import retention

    with open_unlocked(args) as workspace:
        plan = retention.due_records(workspace)
        policy = plan.policy
        print(
            f"Policy: closed cases {policy.case_years} years after closure "
            f"({'full deletion' if policy.full_deletion else 'erase identity and notes'}), "
            f"contact-only records {policy.contact_months} months, audit events {policy.audit_years} years."
        )
        action = "delete the case" if policy.full_deletion else "erase identity and notes"
        for item in plan.delete or plan.erase:
            print(f"  {item.code}  closed {item.closed_on.isoformat()}: {action}")
        print(f"Closed cases due: {len(plan.delete or plan.erase)}")
        print(f"Contact-only records to reduce (operator and time of entry removed): {plan.contacts}")
        print(f"Audit events to remove (older than {plan.audit_cutoff.isoformat()}): {plan.audit_events}")
        if not args.apply:
            return 0
        if plan.nothing_due:
            print("Nothing is due.")
            return 0
        if not args.yes and not _confirm("Apply now? This cannot be undone. [y/N] "):
            print("Nothing was changed.")
            return 0
        result = retention.apply_retention(workspace, plan)
    print(
        f"Done: {len(result.erased)} identities erased, {len(result.deleted)} cases deleted, "
        f"{result.contacts_reduced} contacts reduced, {result.audit_events_removed} audit events removed."
    )
    if result.skipped:
        print(f"No longer due, left unchanged: {', '.join(result.skipped)}")
    return 0


def _confirm(prompt: str) -> bool:
    """A y/N answer from the next line of standard input (after the password, if it came from there)."""
    print(prompt, end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    return answer.strip().casefold() in ("y", "yes", "s", "si", "sì")


def cmd_subject_access(args: argparse.Namespace) -> int:
    """The PDF of everything held on one woman, for her (right of access)."""
    from app.services.cases import search_cases
    from app.services.subject_access import subject_access_pdf

    out = Path(args.out).expanduser()
    if out.exists():
        raise CliError(f"{out} already exists: choose another file name")
    code = args.case_code.strip().upper()
    with open_unlocked(args) as workspace:
        matches = [c for c in search_cases(workspace, code, limit=500).items if c.code == code]
        if not matches:
            raise CliError(f"no case {code} that you can open")
        subject_access_pdf(workspace, matches[0].id, out, lang=args.lang)
    print(f"Written: {out}. It holds her personal data: hand it to her and keep no copy.")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Time the services on SQLCipher and on plain SQLite at DESIGN.md's scale (synthetic data)."""
    from app import bench

    return bench.main(
        quick=args.quick,
        json_path=Path(args.json).expanduser() if args.json else None,
        data_dir=Path(args.data).expanduser(),
        repeat=args.repeat,
        women=args.women,
        out=sys.stdout,
    )


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.main import run

    return run(_data_dir(args), language=args.language)


# --- parser -------------------------------------------------------------------------------------------
DATA_DIR_HELP = "data folder (default: $ASCOLTO_HOME or the platform's data folder)"


def _add_common(parser: argparse.ArgumentParser, user: bool = True) -> None:
    # SUPPRESS: left out, it must not overwrite a --data-dir given before the command (argparse copies a
    # subcommand's defaults over the values already parsed, so `--data-dir X demo` used the default folder).
    parser.add_argument("--data-dir", metavar="DATA_DIR", default=argparse.SUPPRESS, help=DATA_DIR_HELP)
    parser.set_defaults(takes_data_dir=True)
    if user:
        parser.add_argument("--user", help="user name of the operator")
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from the first line of standard input",
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ascolto", description=f"{APP_NAME}: encrypted case records for anti-violence centres."
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        dest="data_dir_before",
        metavar="DATA_DIR",
        help=DATA_DIR_HELP + "; before or after the command, the same",
    )
    parser.add_argument("--language", choices=["it", "en"], help="language of the GUI (default: Italian)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="set up a new data folder with its first administrator")
    _add_common(init)
    init.add_argument("--centre", required=True, help="name of the centre (CAV)")
    init.add_argument("--code", default="CAV", help="2-6 letter prefix of case codes, e.g. BG (default CAV)")
    init.add_argument("--desk", required=True, help="name of the first help desk")
    init.add_argument("--full-name", help="full name of the first administrator")
    init.add_argument("--kdf-memory-kib", type=int, help=argparse.SUPPRESS)
    init.add_argument("--kdf-iterations", type=int, help=argparse.SUPPRESS)
    init.add_argument("--kdf-lanes", type=int, help=argparse.SUPPRESS)
    init.set_defaults(handler=cmd_init)

    verify = sub.add_parser("verify", help="check page integrity, database structure and the audit chain")
    _add_common(verify)
    verify.set_defaults(handler=cmd_verify)

    rekey = sub.add_parser(
        "rekey", help="re-encrypt the database under a new key for the active accounts and the recovery key"
    )
    _add_common(rekey)
    rekey.set_defaults(handler=cmd_rekey)

    backup = sub.add_parser("backup", help="write a verified encrypted backup file into a folder")
    _add_common(backup)
    backup.add_argument("--out", required=True, help="folder for the backup file, e.g. a USB stick")
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser(
        "restore", help="replace the database with a backup (the current one is kept aside)"
    )
    _add_common(restore)
    restore.add_argument("file", help="the .ascbak backup file")
    restore.add_argument(
        "--recovery-key-stdin",
        action="store_true",
        help="read the recovery key of the backup from the first line of standard input, then a new password",
    )
    restore.set_defaults(handler=cmd_restore)

    for name, handler, text in (
        ("report", cmd_report, "print the PDF report of a period (aggregates only, disclosure-controlled)"),
        ("export", cmd_export, "write a signed aggregate package and its PDF preview"),
    ):
        command = sub.add_parser(name, help=text)
        _add_common(command)
        command.add_argument(
            "--period", required=True, help="2026, 2026-H1, 2026-Q3, 2026-07 or 2026-01-01..2026-03-15"
        )
        command.add_argument(
            "--desk", action="append", help="help desk name (repeat for several; default all)"
        )
        command.add_argument("--out", required=True, help="file to write")
        command.add_argument("--lang", choices=["it", "en"], default="it", help="language of the report")
        command.set_defaults(handler=handler)

    network = sub.add_parser("network-report", help="merge signed packages and print the network report")
    _add_common(network)
    network.add_argument("packages", nargs="+", help="package files (.json)")
    network.add_argument("--out", required=True, help="PDF file to write")
    network.add_argument("--lang", choices=["it", "en"], default="it", help="language of the report")
    network.add_argument(
        "--trust-new",
        action="store_true",
        help="trust signing keys seen for the first time (check fingerprints!)",
    )
    network.set_defaults(handler=cmd_network_report)

    retention = sub.add_parser(
        "retention", help="list (and with --apply carry out) what the retention policy says is due"
    )
    _add_common(retention)
    retention.add_argument(
        "--apply", action="store_true", help="erase or remove what is due, after a y/N confirmation"
    )
    retention.add_argument("--yes", action="store_true", help="with --apply: do not ask for confirmation")
    retention.set_defaults(handler=cmd_retention)

    access = sub.add_parser("subject-access", help="PDF of everything held on one woman, to hand to her")
    _add_common(access)
    access.add_argument("case_code", metavar="CASE_CODE", help="case code, e.g. BG-2026-0042")
    access.add_argument("--out", required=True, help="the PDF file to write (must not exist yet)")
    access.add_argument("--lang", choices=["it", "en"], default="it", help="language of the document")
    access.set_defaults(handler=cmd_subject_access)

    demo = sub.add_parser("demo", help="add realistic synthetic cases (seeded) for training and benchmarks")
    _add_common(demo)
    demo.add_argument(
        "--cases", type=_bounded_int(1, 1_000_000), default=200, help="number of women (default 200)"
    )
    demo.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")
    demo.add_argument("--years", type=_bounded_int(1, 20), default=3, help="years of history (default 3)")
    demo.add_argument(
        "--centre", default="Centro antiviolenza (demo)", help="centre name if the folder is new"
    )
    demo.add_argument(
        "--into-real-archive",
        action="store_true",
        help="add synthetic cases even to a folder holding cases the demo did not make (a real archive?)",
    )
    demo.set_defaults(handler=cmd_demo)

    bench = sub.add_parser(
        "bench", help="time the services on SQLCipher and on plain SQLite (builds synthetic data once)"
    )
    bench.add_argument("--quick", action="store_true", help="a tenth of the scale: 10k women instead of 100k")
    bench.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    bench.add_argument(
        "--data", default="bench-data", help="folder caching the generated databases (default ./bench-data)"
    )
    bench.add_argument(
        "--repeat",
        type=_bounded_int(1, 100),
        default=5,
        help="runs per workload, medians reported (default 5)",
    )
    bench.add_argument("--women", type=_bounded_int(50, 1_000_000), help=argparse.SUPPRESS)
    bench.set_defaults(handler=cmd_bench)
    return parser


def _bounded_int(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}")
        return value

    return parse


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
        parser.error(f"{command} does not use --data-dir")
    if command is not None and args.language is not None:
        parser.error(f"--language sets the language of the application, not of {command}")
    if before is not None and after is not None and Path(before).expanduser() != Path(after).expanduser():
        parser.error(f"--data-dir given twice with different folders: {before} and {after}")
    args.data_dir = after if after is not None else before
    return args


def _print_error(message: str, stream: TextIO) -> None:
    """One line whatever the message holds (a file name may contain a line break)."""
    one_line = " ".join(message.splitlines())
    print(f"ascolto: error: {one_line}", file=stream)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("ASCOLTO_LOG", "WARNING").upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    parser = build_parser()
    args = parse_args(parser, argv)
    handler: Handler = getattr(args, "handler", cmd_gui)
    try:
        return handler(args)
    except (CliError, UserError) as exc:
        text = exc.text() if isinstance(exc, UserError) else str(exc)
        _print_error(text, sys.stderr)
        return 1
    except KeyboardInterrupt:
        _print_error("interrupted", sys.stderr)
        return 1
    except Exception as exc:  # the last net: one line, no traceback, no data
        if os.environ.get("ASCOLTO_DEBUG"):
            raise
        _print_error(_describe_unexpected(exc), sys.stderr)
        return 1


def _describe_unexpected(exc: Exception) -> str:
    from app.storage.errors import describe_database_error

    described = describe_database_error(exc)
    if described:
        return described
    return f"unexpected failure ({type(exc).__name__}); nothing was changed. Set ASCOLTO_DEBUG=1 for details."


if __name__ == "__main__":
    sys.exit(main())
