"""`retention`, `subject-access` and `case-summary`: what the retention policy says is due, her copy of her data,
and the summary of her case for the team or a lawyer."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.options import (
    CliError,
    Subparsers,
    add_common,
    add_document_language,
    confirm,
    document_language,
    open_unlocked,
)
from app.i18n import QT_TRANSLATE_NOOP, day_text, translate

if TYPE_CHECKING:  # the services load only when a command needs them (a fast --help)
    from app.services.workspace import Workspace


def register(sub: Subparsers) -> None:
    retention = sub.add_parser(
        "retention",
        help=QT_TRANSLATE_NOOP(
            "Cli", "list (and with --apply carry out) what the retention policy says is due"
        ),
    )
    add_common(retention)
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
    add_common(access)
    access.add_argument(
        "case_code", metavar="CASE_CODE", help=QT_TRANSLATE_NOOP("Cli", "case code, e.g. BG-2026-0042")
    )
    access.add_argument(
        "--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "the PDF file to write (must not exist yet)")
    )
    add_document_language(
        access, QT_TRANSLATE_NOOP("Cli", "language of the document (default: that of the messages)")
    )
    access.set_defaults(handler=cmd_subject_access)

    summary = sub.add_parser(
        "case-summary",
        help=QT_TRANSLATE_NOOP(
            "Cli", "PDF summary of a case for the team or a lawyer, of the sections chosen"
        ),
    )
    add_common(summary)
    summary.add_argument(
        "case_code", metavar="CASE_CODE", help=QT_TRANSLATE_NOOP("Cli", "case code, e.g. BG-2026-0042")
    )
    summary.add_argument(
        "--out", required=True, help=QT_TRANSLATE_NOOP("Cli", "the PDF file to write (must not exist yet)")
    )
    summary.add_argument(
        "--sections",
        metavar="LIST",
        default="profile,risk,pathway,services,referrals",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the sections, separated by commas, among profile, risk, pathway, services, referrals and notes "
            "(default: all but notes)",
        ),
    )
    summary.add_argument(
        "--with-name",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "print her name (default: the case code only)"),
    )
    add_document_language(
        summary, QT_TRANSLATE_NOOP("Cli", "language of the document (default: that of the messages)")
    )
    summary.set_defaults(handler=cmd_case_summary)


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
        if not args.yes and not confirm(translate("Cli", "Apply now? This cannot be undone. [y/N] ")):
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


def cmd_subject_access(args: argparse.Namespace) -> int:
    """The PDF of everything held on one woman, for her (right of access)."""
    from app.services.subject_access import subject_access_pdf

    out = _new_file(args.out)
    with open_unlocked(args) as workspace:
        subject_access_pdf(workspace, _case_id(workspace, args.case_code), out, lang=document_language(args))
    print(
        translate(
            "Cli", "Written: {path}. It holds her personal data: hand it to her and keep no copy."
        ).format(path=out)
    )
    return 0


def cmd_case_summary(args: argparse.Namespace) -> int:
    """The summary of a case, of the sections chosen, for the team or a lawyer."""
    from app.services.case_summary import case_summary_pdf, checked_sections

    out = _new_file(args.out)
    sections = checked_sections(args.sections.split(","))  # refused before the password is asked
    with open_unlocked(args) as workspace:
        case_id = _case_id(workspace, args.case_code)
        case_summary_pdf(
            workspace, case_id, out, sections, with_name=args.with_name, lang=document_language(args)
        )
    print(
        translate(
            "Cli", "Written: {path}. It holds data of her case: keep it where no one else can read it."
        ).format(path=out)
    )
    return 0


def _new_file(name: str) -> Path:
    """The PDF to write: never over a file that exists, and into a folder that does (checked before unlocking,
    so a typing error costs no key derivation and gives no 'unexpected error')."""
    out = Path(name).expanduser()
    if out.exists():
        raise CliError(translate("Cli", "{path} already exists: choose another file name").format(path=out))
    if not out.parent.is_dir():
        raise CliError(
            translate("Cli", "no folder {path}: create it or choose another").format(path=out.parent)
        )
    return out


def _case_id(workspace: Workspace, case_code: str) -> int:
    """The case of this code among those she may open (the others are as if they did not exist)."""
    from app.services.cases import search_cases

    code = case_code.strip().upper()
    matches = [c for c in search_cases(workspace, code, limit=500).items if c.code == code]
    if not matches:
        raise CliError(translate("Cli", "no case {code} that you can open").format(code=code))
    return matches[0].id
