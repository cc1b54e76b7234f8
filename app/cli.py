"""`ascolto`: the GUI without arguments, headless commands for coordinators, automation and tests.

Exit codes: 0 ok, 1 a user error explained in one line on stderr, 2 usage. Passwords come from
`--password-stdin` or an interactive prompt, never from argv (argv is visible to every local user).
"""

from __future__ import annotations

import argparse
import copy
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app import APP_NAME, __version__
from app.i18n import (
    QT_TRANSLATE_NOOP,
    current_language,
    day_text,
    language_from_environment,
    set_language,
    translate,
)
from app.services.errors import UserError

if TYPE_CHECKING:  # the services load only when a command needs them (a fast --help)
    from app.services.releases import ReleasePlan
    from app.services.reports import ReportData
    from app.services.workspace import Workspace

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A one-line failure for the command line."""


def _data_dir(args: argparse.Namespace) -> Path:
    from app.storage.location import default_data_dir

    return Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()


def _read_password(args: argparse.Namespace, prompt: str = "", confirm: bool = False) -> str:
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


def _require_user(args: argparse.Namespace) -> str:
    if not args.user:
        raise CliError(translate("Cli", "--user is required"))
    return str(args.user)


def open_unlocked(args: argparse.Namespace) -> Workspace:
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


# --- commands -----------------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    from app.crypto.keyslots import DEFAULT_KDF, KdfParams
    from app.services.workspace import PASSPHRASE_HINT, Workspace

    folder = _data_dir(args)
    user = _require_user(args)
    if not args.password_stdin:
        print(translate("Errors", PASSPHRASE_HINT), file=sys.stderr)
    password = _read_password(args, translate("Cli", "Password for the first administrator: "), confirm=True)
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
    print(translate("Cli", "Created the Ascolto data folder {folder}.").format(folder=folder), file=out)
    print("", file=out)
    print(
        translate("Cli", "RECOVERY KEY (shown only now; print it or write it down and keep it locked away):"),
        file=out,
    )
    print(f"    {recovery_key}", file=out)
    print("", file=out)
    print(
        translate(
            "Cli",
            "It opens the database if every password is forgotten. Anyone holding it can read everything.",
        ),
        file=out,
    )
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    from app.services.accounts import rekey_now
    from app.services.releases import own_fingerprint

    with open_unlocked(args) as workspace:
        generation = rekey_now(workspace)
        copies = workspace.copies_after_rotation
        fingerprint = own_fingerprint(workspace)
    print(
        translate(
            "Cli",
            "The database has a new key (generation {generation}); only active accounts and the recovery "
            "key open it.",
        ).format(generation=generation)
    )
    _print_copies(copies)
    print(
        translate(
            "Cli",
            "The centre has a new signing key, signed by the previous one: network coordinators follow the "
            "change with the next package. New fingerprint: {fingerprint}",
        ).format(fingerprint=fingerprint)
    )
    print(
        translate(
            "Cli",
            "If anyone who should no longer open the database may have seen the recovery key, make a new one "
            "(Administration, Recovery key) and destroy the old printout.",
        )
    )
    return 0


def _print_copies(copies: tuple[int, int]) -> None:
    reencrypted, deleted = copies
    if reencrypted or deleted:
        print(
            translate(
                "Cli",
                "Copies kept by restores and upgrades in the backups folder under the old key: {reencrypted} "
                "re-encrypted under the new key, {deleted} deleted (no active account could open them).",
            ).format(reencrypted=reencrypted, deleted=deleted)
        )


def cmd_verify(args: argparse.Namespace) -> int:
    from app.services.maintenance import verify

    with open_unlocked(args) as workspace:
        report = verify(workspace, [Path(b).expanduser() for b in args.backup or ()])
    for line in report.lines():
        print(line)
    if not report.ok:
        failed = ", ".join(report.failed_checks())
        raise CliError(translate("Cli", "verification failed: {checks}").format(checks=failed))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill a data folder with synthetic cases; set the folder up first if it does not exist."""
    from app.services import demo
    from app.services.workspace import Workspace

    folder = _data_dir(args)
    if not Workspace.exists(folder):
        user = _require_user(args)
        password = _read_password(
            args, translate("Cli", "Password for the demo administrator: "), confirm=True
        )
        workspace, recovery_key = Workspace.initialise(
            folder,
            centre_name=args.centre,
            centre_code="BG",
            desk_name="Bergamo",
            username=user,
            full_name=user,
            password=password,
        )
        print(
            translate("Cli", "Created the demo data folder {folder}; recovery key: {key}").format(
                folder=folder, key=recovery_key
            ),
            file=sys.stderr,
        )
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
            refusal = exc.text(translate)
            raise CliError(
                translate(
                    "Cli",
                    "{refusal} Nothing was added: choose another --data-dir, or add --into-real-archive if "
                    "you really mean to mix them",
                ).format(refusal=refusal)
            ) from exc
    print(
        translate(
            "Cli",
            "Added {cases} cases, {contacts} contacts, {intakes} interviews, {services} services and "
            "{referrals} referrals over {years} years.",
        ).format(
            cases=summary.cases,
            contacts=summary.contacts,
            intakes=summary.intakes,
            services=summary.services,
            referrals=summary.referrals,
            years=args.years,
        )
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
    user = _require_user(args)
    recovery_key = new_password = password = None
    current = None
    if args.current_user:
        current = Credentials(
            args.current_user,
            _read_password(
                args,
                translate("Cli", "Password of {user} in the current database: ").format(
                    user=args.current_user
                ),
            ),
        )
    if args.recovery_key_stdin:
        recovery_key = sys.stdin.readline().strip()
        new_password = _read_password(args, translate("Cli", "New password: "), confirm=True)
    else:
        password = _read_password(args)
    workspace = Workspace.reserve(_data_dir(args))
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
        ).format(created=manifest.created_at, folder=_data_dir(args))
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
    _print_copies(result.copies)
    return 0


def _prepare_report(args: argparse.Namespace, workspace: Workspace) -> ReportData:
    from app.reports.periods import parse_period
    from app.services import reports

    try:
        period = parse_period(args.period)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    desk_ids = reports.desk_ids_by_name(workspace, args.desk) if args.desk else None
    return reports.prepare(workspace, period, desk_ids, lang=_document_language(args))


def _document_language(args: argparse.Namespace) -> str:
    """--lang, else the language the command line speaks."""
    return str(args.lang or current_language())


def cmd_report(args: argparse.Namespace) -> int:
    from app.services import releases

    with open_unlocked(args) as workspace:
        data = _prepare_report(args, workspace)
        _say_plan(releases.release_plan(workspace, data))
        release = releases.write_report(workspace, data, Path(args.out).expanduser())
    print(
        translate("Cli", "Report for {period} written to {path} ({hidden} values hidden).").format(
            period=data.period.label(data.lang), path=args.out, hidden=data.hidden
        )
    )
    if data.data_as_of is not None:
        print(
            translate("Cli", "The period has not ended yet: data as of {day}.").format(
                day=day_text(data.data_as_of)
            )
        )
    _say_if_frozen(data, release.first_time)
    return 0


def _say_plan(plan: ReleasePlan) -> None:
    """Before writing: what the period already has and what this release adds (or raise its refusal)."""
    for line in plan.lines():
        print(line)
    plan.check()


def _say_if_frozen(data: ReportData, first_time: bool) -> None:
    """A period is released once: say so when the same figures were served again."""
    if first_time or data.release is None:
        return
    print(
        translate(
            "Cli", "This period was first released on {day}: the same figures were written again."
        ).format(day=day_text(data.release.released_at.date()))
    )
    if data.release.changed_since:
        print(translate("Cli", "The data changed since; the changes will count from the next period on."))


def cmd_export(args: argparse.Namespace) -> int:
    from app.services import releases

    if args.profile:
        return _export_profile(args)
    if args.format:
        raise CliError(translate("Cli", "--format goes with --profile (the signed package is JSON)"))
    if args.layout != "printed":
        raise CliError(translate("Cli", "--layout goes with --profile"))
    with open_unlocked(args) as workspace:
        data = _prepare_report(args, workspace)
        _say_plan(releases.release_plan(workspace, data))
        result = releases.export(workspace, data, Path(args.out).expanduser())
    _say_if_frozen(data, result.first_time)
    print(translate("Cli", "Signed package: {path}").format(path=result.package_path))
    print(translate("Cli", "Preview of exactly what it contains: {path}").format(path=result.preview_path))
    print(
        translate(
            "Cli", "Signing key fingerprint (for the network coordinator to confirm): {fingerprint}"
        ).format(fingerprint=result.fingerprint)
    )
    return 0


def _fingerprint_hex(text: str) -> str:
    """A fingerprint as typed (groups, spaces, colons, any case) reduced to its 32 hex digits."""
    return "".join(ch for ch in text.casefold() if ch not in " :-\t")


def _export_profile(args: argparse.Namespace) -> int:
    """`export --profile`: the release laid out for ISTAT, the Region or a funder, in XLSX, CSV or JSON."""
    from app.reports.periods import parse_period
    from app.services import exports, reports

    profile = exports.load_profile(args.profile)  # a bad file is refused before asking for the password
    try:
        period = parse_period(args.period)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    out = Path(args.out).expanduser()
    fmt = args.format or (
        out.suffix.lstrip(".").lower() if out.suffix.lower() in (".xlsx", ".csv", ".json") else "xlsx"
    )
    with open_unlocked(args) as workspace:
        desk_ids = reports.desk_ids_by_name(workspace, args.desk) if args.desk else None
        result = exports.export_profile(
            workspace,
            profile,
            period,
            desk_ids,
            fmt,
            out,
            lang=_document_language(args),
            layout=args.layout,
            on_plan=_say_plan,
        )
    print(
        translate("Cli", "{profile} for {period} written to {path}").format(
            profile=profile.title, period=result.export.period_label, path=result.path
        )
    )
    print(translate("Cli", "Preview of exactly what it contains: {path}").format(path=result.preview_path))
    if not result.first_time:
        print(translate("Cli", "This period was released before: the same figures were written again."))
    return 0


def cmd_quality(args: argparse.Namespace) -> int:
    """The data-quality summary of a period: missing answers per variable, cases to check."""
    from app.reports.periods import parse_period
    from app.services import exports, reports

    profile = exports.load_profile(args.profile)
    try:
        period = parse_period(args.period)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    with open_unlocked(args) as workspace:
        desk_ids = reports.desk_ids_by_name(workspace, args.desk) if args.desk else None
        result = exports.quality(workspace, profile, period, desk_ids)
    print(
        translate("Cli", "Data quality for {period}, profile {profile}").format(
            period=period.label(current_language()), profile=profile.id
        )
    )
    print(translate("Cli", "Not available or missing answers (share of the published total):"))
    for rate in result.rates:
        if rate.percent is not None:
            share = f"{rate.percent}%"
        elif rate.below_percent is not None:
            share = f"<{rate.below_percent}%"
        else:
            share = "—"
        print(f"  {rate.title}: {share}")
    if result.clean:
        print(translate("Cli", "No impossible or suspicious combination found."))
        return 0
    for finding in result.findings:
        print(
            translate("Cli", "{check}: {count} cases: {codes}").format(
                check=translate("Quality", exports.CHECKS[finding.check]),
                count=len(finding.case_codes),
                codes=", ".join(finding.case_codes),
            )
        )
    return 0


def cmd_network_report(args: argparse.Namespace) -> int:
    from app.services import network

    named = [_fingerprint_hex(f) for f in args.trust_new or []]
    if any(len(f) != 32 or any(ch not in "0123456789abcdef" for ch in f) for f in named):
        raise CliError(
            translate(
                "Cli",
                "--trust-new needs the fingerprint of the key to trust, as the sender read it to you "
                '(32 hexadecimal digits, e.g. --trust-new "3f9a 01c2 ..."); repeat it for each key',
            )
        )
    with open_unlocked(args) as workspace:
        items = network.import_packages(workspace, [Path(p).expanduser() for p in args.packages])
        for item in items:
            for change in item.key_changes:
                print(
                    translate(
                        "Cli",
                        "The signing key of {centre} changed on {day}; the new key {new} was signed by the "
                        "previous one ({old}), which is no longer accepted.",
                    ).format(
                        centre=item.package.centre,
                        day=day_text(change.at.date()),
                        new=change.new_fingerprint,
                        old=change.old_fingerprint,
                    )
                )
        new_keys: dict[str, list[network.ImportedPackage]] = {}
        for item in items:
            if not item.trusted:
                new_keys.setdefault(_fingerprint_hex(item.package.fingerprint), []).append(item)
        for group in new_keys.values():  # every new key of the batch, before any is trusted
            names = list(  # the centres named by every package of the batch signed with it, trusted or not
                {
                    " ".join(i.package.centre.split()).casefold(): i.package.centre
                    for i in items
                    if i.package.public_key == group[0].package.public_key
                }.values()
            )
            if len(names) > 1:  # trust is the pair (centre, key): one key cannot be trusted for two names
                raise CliError(
                    translate(
                        "Cli",
                        "The key {fingerprint} signs packages in the names of {centres}: a key belongs to one centre.",
                    ).format(fingerprint=group[0].package.fingerprint, centres=", ".join(names))
                )
            print(
                translate("Cli", "New signing key of {centre} ({files}): fingerprint {fingerprint}").format(
                    centre=group[0].package.centre,
                    files=", ".join(i.path.name for i in group),
                    fingerprint=group[0].package.fingerprint,
                )
            )
            if group[0].trusted_for is not None:
                print(
                    translate(
                        "Cli", "This key is trusted for {other}, not for {centre}: ask both centres why."
                    ).format(other=group[0].trusted_for, centre=group[0].package.centre)
                )
        unnamed = [group[0] for key, group in new_keys.items() if key not in named]
        if unnamed:
            raise CliError(
                translate(
                    "Cli",
                    "{n} signing keys are not trusted yet. Compare each fingerprint with its sender (by phone, "
                    "on a number you already know), then run again with --trust-new FINGERPRINT for each key "
                    "that matches: {fingerprints}",
                ).format(n=len(unnamed), fingerprints="; ".join(i.package.fingerprint for i in unnamed))
            )
        for group in new_keys.values():
            network.trust_key(workspace, group[0])
            for item in group:
                item.trusted = True
            print(
                translate("Cli", "Trusted the key of {centre}: {fingerprint}").format(
                    centre=group[0].package.centre, fingerprint=group[0].package.fingerprint
                )
            )
        data = network.network_report(
            workspace, items, Path(args.out).expanduser(), lang=_document_language(args)
        )
    for item in items:
        for warning in (item.audit_warning, item.release_warning):
            if warning is not None:
                print(
                    translate("Cli", "Warning: {text}").format(text=warning.text(translate)), file=sys.stderr
                )
    print(
        translate("Cli", "Network report for {period} from {n} packages written to {path}").format(
            period=data.period.label(data.lang), n=len(items), path=args.out
        )
    )
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    """List what the retention policy says is due; with --apply, do it after a confirmation."""
    from app.services import retention

    with open_unlocked(args) as workspace:
        plan = retention.due_records(workspace)
        policy = plan.policy
        print(
            translate(
                "Cli",
                "Policy: closed cases {case_years} years after closure ({mode}), contact-only records "
                "{contact_months} months, audit events {audit_years} years.",
            ).format(
                case_years=policy.case_years,
                mode=translate("Cli", "full deletion")
                if policy.full_deletion
                else translate("Cli", "erase identity and notes"),
                contact_months=policy.contact_months,
                audit_years=policy.audit_years,
            )
        )
        action = (
            translate("Cli", "delete the case")
            if policy.full_deletion
            else translate("Cli", "erase identity and notes")
        )
        for item in plan.delete or plan.erase:
            print(
                translate("Cli", "  {code}  closed {day}: {action}").format(
                    code=item.code, day=day_text(item.closed_on), action=action
                )
            )
        print(translate("Cli", "Closed cases due: {n}").format(n=len(plan.delete or plan.erase)))
        print(
            translate(
                "Cli", "Contact-only records to reduce (operator and time of entry removed): {n}"
            ).format(n=plan.contacts)
        )
        print(
            translate("Cli", "Audit events to remove (older than {day}): {n}").format(
                day=day_text(plan.audit_cutoff), n=plan.audit_events
            )
        )
        if not args.apply:
            return 0
        if plan.nothing_due:
            print(translate("Cli", "Nothing is due."))
            return 0
        if not args.yes and not _confirm(translate("Cli", "Apply now? This cannot be undone. [y/N] ")):
            print(translate("Cli", "Nothing was changed."))
            return 0
        result = retention.apply_retention(workspace, plan)
    print(
        translate(
            "Cli",
            "Done: {erased} identities erased, {deleted} cases deleted, {contacts} contacts reduced, "
            "{events} audit events removed.",
        ).format(
            erased=len(result.erased),
            deleted=len(result.deleted),
            contacts=result.contacts_reduced,
            events=result.audit_events_removed,
        )
    )
    if result.skipped:
        print(
            translate("Cli", "No longer due, left unchanged: {codes}").format(codes=", ".join(result.skipped))
        )
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
        raise CliError(translate("Cli", "{path} already exists: choose another file name").format(path=out))
    code = args.case_code.strip().upper()
    with open_unlocked(args) as workspace:
        matches = [c for c in search_cases(workspace, code, limit=500).items if c.code == code]
        if not matches:
            raise CliError(translate("Cli", "no case {code} that you can open").format(code=code))
        subject_access_pdf(workspace, matches[0].id, out, lang=_document_language(args))
    print(
        translate(
            "Cli", "Written: {path}. It holds her personal data: hand it to her and keep no copy."
        ).format(path=out)
    )
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

    return run(_data_dir(args), language=args.language)  # the GUI's own setting unless --language


# --- parser -------------------------------------------------------------------------------------------
DATA_DIR_HELP = QT_TRANSLATE_NOOP("Cli", "data folder (default: $ASCOLTO_HOME or the platform's data folder)")
DATA_DIR_HELP_EITHER = QT_TRANSLATE_NOOP(
    "Cli",
    "data folder (default: $ASCOLTO_HOME or the platform's data folder); before or after the command, the same",
)


def _add_common(parser: argparse.ArgumentParser, user: bool = True) -> None:
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


def _argparse_text(text: str) -> str:
    return translate("Cli", text)


class _HelpFormatter(argparse.HelpFormatter):
    """Translates help texts when help is printed, not when the parser is built (the GUI starts faster)."""

    def _expand_help(self, action: argparse.Action) -> str:
        text = action.help
        if text and text is not argparse.SUPPRESS:
            action = copy.copy(action)
            action.help = translate("Cli", text)
        return super()._expand_help(action)

    def add_text(self, text: str | None) -> None:
        super().add_text(translate("Cli", text) if text and text is not argparse.SUPPRESS else text)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser (and subcommand parsers) speaking the command line's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    argparse._ = _argparse_text  # type: ignore[attr-defined]  # argparse's words through our catalogue
    parser = _Parser(
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

    init = sub.add_parser(
        "init", help=QT_TRANSLATE_NOOP("Cli", "set up a new data folder with its first administrator")
    )
    _add_common(init)
    init.add_argument("--centre", required=True, help=QT_TRANSLATE_NOOP("Cli", "name of the centre (CAV)"))
    init.add_argument(
        "--code",
        default="CAV",
        help=QT_TRANSLATE_NOOP("Cli", "2-6 letter prefix of case codes, e.g. BG (default CAV)"),
    )
    init.add_argument("--desk", required=True, help=QT_TRANSLATE_NOOP("Cli", "name of the first help desk"))
    init.add_argument("--full-name", help=QT_TRANSLATE_NOOP("Cli", "full name of the first administrator"))
    init.add_argument("--kdf-memory-kib", type=int, help=argparse.SUPPRESS)
    init.add_argument("--kdf-iterations", type=int, help=argparse.SUPPRESS)
    init.add_argument("--kdf-lanes", type=int, help=argparse.SUPPRESS)
    init.set_defaults(handler=cmd_init)

    verify = sub.add_parser(
        "verify",
        help=QT_TRANSLATE_NOOP("Cli", "check page integrity, database structure and the audit chain"),
    )
    _add_common(verify)
    verify.add_argument(
        "--backup",
        action="append",
        metavar="FILE",
        help=QT_TRANSLATE_NOOP(
            "Cli", "also compare the audit chain with the one recorded in this backup (repeatable)"
        ),
    )
    verify.set_defaults(handler=cmd_verify)

    rekey = sub.add_parser(
        "rekey",
        help=QT_TRANSLATE_NOOP(
            "Cli", "re-encrypt the database under a new key for the active accounts and the recovery key"
        ),
    )
    _add_common(rekey)
    rekey.set_defaults(handler=cmd_rekey)

    backup = sub.add_parser(
        "backup", help=QT_TRANSLATE_NOOP("Cli", "write a verified encrypted backup file into a folder")
    )
    _add_common(backup)
    backup.add_argument(
        "--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "folder for the backup file, e.g. a USB stick")
    )
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser(
        "restore",
        help=QT_TRANSLATE_NOOP("Cli", "replace the database with a backup (the current one is kept aside)"),
    )
    _add_common(restore)
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

    for name, handler, text in (
        (
            "report",
            cmd_report,
            QT_TRANSLATE_NOOP(
                "Cli", "print the PDF report of a period (aggregates only, disclosure-controlled)"
            ),
        ),
        (
            "export",
            cmd_export,
            QT_TRANSLATE_NOOP("Cli", "write a signed aggregate package and its PDF preview"),
        ),
    ):
        command = sub.add_parser(name, help=text)
        _add_common(command)
        command.add_argument(
            "--period",
            required=True,
            help=QT_TRANSLATE_NOOP("Cli", "2026, 2026-H1, 2026-Q3, 2026-07 or 2026-01-01..2026-03-15"),
        )
        command.add_argument(
            "--desk",
            action="append",
            help=QT_TRANSLATE_NOOP("Cli", "help desk name (repeat for several; default all)"),
        )
        command.add_argument("--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "file to write"))
        command.add_argument(
            "--lang",
            choices=["it", "en"],
            help=QT_TRANSLATE_NOOP("Cli", "language of the report (default: that of the messages)"),
        )
        if name == "export":
            command.add_argument(
                "--profile",
                help=QT_TRANSLATE_NOOP(
                    "Cli",
                    "export profile: istat-utenza, istat-centri, lombardia, finanziatore or a .toml file",
                ),
            )
            command.add_argument(
                "--format",
                choices=["xlsx", "csv", "json"],
                help=QT_TRANSLATE_NOOP("Cli", "format of a profile export (default: from --out, else xlsx)"),
            )
            command.add_argument(
                "--layout",
                choices=["printed", "long"],
                default="printed",
                help=QT_TRANSLATE_NOOP(
                    "Cli",
                    "printed: the tables as a person reads them (default); long: one row per value, for software",
                ),
            )
        command.set_defaults(handler=handler)

    quality = sub.add_parser(
        "quality",
        help=QT_TRANSLATE_NOOP(
            "Cli", "data quality of a period: missing answers per variable and cases to check"
        ),
    )
    _add_common(quality)
    quality.add_argument(
        "--period",
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "2026, 2026-H1, 2026-Q3, 2026-07 or 2026-01-01..2026-03-15"),
    )
    quality.add_argument(
        "--profile",
        default="istat-utenza",
        help=QT_TRANSLATE_NOOP("Cli", "the profile whose variables are checked (default istat-utenza)"),
    )
    quality.add_argument(
        "--desk",
        action="append",
        help=QT_TRANSLATE_NOOP("Cli", "help desk name (repeat for several; default all)"),
    )
    quality.set_defaults(handler=cmd_quality)

    network = sub.add_parser(
        "network-report", help=QT_TRANSLATE_NOOP("Cli", "merge signed packages and print the network report")
    )
    _add_common(network)
    network.add_argument("packages", nargs="+", help=QT_TRANSLATE_NOOP("Cli", "package files (.json)"))
    network.add_argument("--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "PDF file to write"))
    network.add_argument(
        "--lang",
        choices=["it", "en"],
        help=QT_TRANSLATE_NOOP("Cli", "language of the report (default: that of the messages)"),
    )
    network.add_argument(
        "--trust-new",
        action="append",
        nargs="?",
        const="",
        metavar="FINGERPRINT",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "trust the new signing key with this fingerprint, once compared with its sender (repeat for each)",
        ),
    )
    network.set_defaults(handler=cmd_network_report)

    retention = sub.add_parser(
        "retention",
        help=QT_TRANSLATE_NOOP(
            "Cli", "list (and with --apply carry out) what the retention policy says is due"
        ),
    )
    _add_common(retention)
    retention.add_argument(
        "--apply",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "erase or remove what is due, after a y/N confirmation"),
    )
    retention.add_argument(
        "--yes",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "with --apply: do not ask for confirmation"),
    )
    retention.set_defaults(handler=cmd_retention)

    access = sub.add_parser(
        "subject-access", help=QT_TRANSLATE_NOOP("Cli", "PDF of everything held on one woman, to hand to her")
    )
    _add_common(access)
    access.add_argument(
        "case_code", metavar="CASE_CODE", help=QT_TRANSLATE_NOOP("Cli", "case code, e.g. BG-2026-0042")
    )
    access.add_argument(
        "--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "the PDF file to write (must not exist yet)")
    )
    access.add_argument(
        "--lang",
        choices=["it", "en"],
        help=QT_TRANSLATE_NOOP("Cli", "language of the document (default: that of the messages)"),
    )
    access.set_defaults(handler=cmd_subject_access)

    demo = sub.add_parser(
        "demo",
        help=QT_TRANSLATE_NOOP("Cli", "add realistic synthetic cases (seeded) for training and benchmarks"),
    )
    _add_common(demo)
    demo.add_argument(
        "--cases",
        type=_bounded_int(1, 1_000_000),
        default=200,
        help=QT_TRANSLATE_NOOP("Cli", "number of women (default 200)"),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        help=QT_TRANSLATE_NOOP("Cli", "random seed: the same seed gives the same data"),
    )
    demo.add_argument(
        "--years",
        type=_bounded_int(1, 20),
        default=3,
        help=QT_TRANSLATE_NOOP("Cli", "years of history (default 3)"),
    )
    demo.add_argument(
        "--centre",
        default="Centro antiviolenza (demo)",
        help=QT_TRANSLATE_NOOP("Cli", "centre name if the folder is new"),
    )
    demo.add_argument(
        "--into-real-archive",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "add synthetic cases even to a folder holding cases the demo did not make (a real archive?)",
        ),
    )
    demo.set_defaults(handler=cmd_demo)

    bench = sub.add_parser(
        "bench",
        help=QT_TRANSLATE_NOOP(
            "Cli", "time the services on SQLCipher and on plain SQLite (builds synthetic data once)"
        ),
    )
    bench.add_argument(
        "--quick",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "a tenth of the scale: 10k women instead of 100k"),
    )
    bench.add_argument(
        "--json", metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "also write the results as JSON")
    )
    bench.add_argument(
        "--data",
        default="bench-data",
        help=QT_TRANSLATE_NOOP("Cli", "folder caching the generated databases (default ./bench-data)"),
    )
    bench.add_argument(
        "--repeat",
        type=_bounded_int(1, 100),
        default=5,
        help=QT_TRANSLATE_NOOP("Cli", "runs per workload, medians reported (default 5)"),
    )
    bench.add_argument("--women", type=_bounded_int(50, 1_000_000), help=argparse.SUPPRESS)
    bench.set_defaults(handler=cmd_bench)
    return parser


def _bounded_int(low: int, high: int) -> Callable[[str], int]:
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


def _print_error(message: str, stream: TextIO) -> None:
    """One line whatever the message holds (a file name may contain a line break)."""
    one_line = " ".join(message.splitlines())
    print(translate("Cli", "ascolto: error: {message}").format(message=one_line), file=stream)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("ASCOLTO_LOG", "WARNING").upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    set_language(_chosen_language(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parse_args(parser, argv)
    handler: Handler = getattr(args, "handler", cmd_gui)
    try:
        return handler(args)
    except (CliError, UserError) as exc:
        text = exc.text(translate) if isinstance(exc, UserError) else str(exc)
        _print_error(text, sys.stderr)
        return 1
    except KeyboardInterrupt:
        _print_error(translate("Cli", "interrupted"), sys.stderr)
        return 1
    except Exception as exc:  # the last net: one line, no traceback, no data
        if os.environ.get("ASCOLTO_DEBUG"):
            raise
        _print_error(_describe_unexpected(exc), sys.stderr)
        return 1


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


def _describe_unexpected(exc: Exception) -> str:
    from app.storage.errors import describe_database_error

    described = describe_database_error(exc)
    if described:
        return described
    return translate(
        "Cli", "unexpected failure ({kind}); nothing was changed. Set ASCOLTO_DEBUG=1 for details."
    ).format(kind=type(exc).__name__)


if __name__ == "__main__":
    sys.exit(main())
