"""`report`, `export`, `quality`: a period's figures as the centre's PDF, a signed package or a profile's
tables, and the data quality behind them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.options import (
    CliError,
    Subparsers,
    add_common,
    add_desks,
    add_document_language,
    add_period,
    desk_ids_of,
    document_language,
    open_unlocked,
    period_of,
)
from app.i18n import QT_TRANSLATE_NOOP, current_language, day_text, translate

if TYPE_CHECKING:  # the services load only when a command needs them (a fast --help)
    from app.services.releases import ReleasePlan
    from app.services.reports import ReportData
    from app.services.workspace import Workspace


def register(sub: Subparsers) -> None:
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
        add_common(command)
        add_period(command)
        add_desks(command)
        command.add_argument("--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "file to write"))
        add_document_language(
            command, QT_TRANSLATE_NOOP("Cli", "language of the report (default: that of the messages)")
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
    add_common(quality)
    add_period(quality)
    quality.add_argument(
        "--profile",
        default="istat-utenza",
        help=QT_TRANSLATE_NOOP("Cli", "the profile whose variables are checked (default istat-utenza)"),
    )
    add_desks(quality)
    quality.set_defaults(handler=cmd_quality)


def _prepare_report(args: argparse.Namespace, workspace: Workspace) -> ReportData:
    """The figures of --period for --desk, in the document's language."""
    from app.services import reports

    period = period_of(args)
    desk_ids = desk_ids_of(args, workspace)
    return reports.prepare(workspace, period, desk_ids, lang=document_language(args))


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


def _export_profile(args: argparse.Namespace) -> int:
    """`export --profile`: the release laid out for ISTAT, the Region or a funder, in XLSX, CSV or JSON."""
    from app.services import exports

    profile = exports.load_profile(args.profile)  # a bad file is refused before asking for the password
    period = period_of(args)
    out = Path(args.out).expanduser()
    fmt = args.format or (
        out.suffix.lstrip(".").lower() if out.suffix.lower() in (".xlsx", ".csv", ".json") else "xlsx"
    )
    with open_unlocked(args) as workspace:
        desk_ids = desk_ids_of(args, workspace)
        result = exports.export_profile(
            workspace,
            profile,
            period,
            desk_ids,
            fmt,
            out,
            lang=document_language(args),
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
    from app.services import exports

    profile = exports.load_profile(args.profile)
    period = period_of(args)
    with open_unlocked(args) as workspace:
        desk_ids = desk_ids_of(args, workspace)
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
