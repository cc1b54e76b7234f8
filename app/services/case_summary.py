"""The case summary: the sections of her case file she chooses, as a PDF for the team or a lawyer.

Handed across a desk or sent to the lawyer assisting her, so it carries only what was chosen: the
sections ticked (profile, risk, pathway, services, referrals; the free-text notes only when asked for)
and her name only when asked for, the pseudonymous case code otherwise. Every page says who printed it
and when; the print is audited as "case.summary" with the sections chosen (never what they hold), and
its time is the time printed on the pages.

Built on `cases.get_case`, which enforces who may open the case (a coordinatrice, or the operatrice of
the case's help desk) and audits the read. The layout is `app.reports.pdf.render_case_summary`, from
the view built here (`app.reports.case_summary.CaseSummaryView`); the labels of the profile and the
interview are her copy's (`app.services.subject_access`), so the two documents say the same things alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from app.i18n import QT_TRANSLATE_NOOP, language_code
from app.models.accounts import Centre
from app.reports.case_summary import DEFAULT_SECTIONS, SECTIONS, CaseSummaryView, Note, Printed
from app.reports.pdf import render_case_summary
from app.reports.subject_access import Coded, Fields, Phrase, Row, Value
from app.services import audit, files
from app.services.cases import CaseFile, PathwayView, get_case
from app.services.errors import UserError
from app.services.subject_access import intake_fields, profile_fields
from app.services.workspace import Workspace

__all__ = ["DEFAULT_SECTIONS", "SECTIONS", "case_summary_pdf", "checked_sections", "view"]

SITUATION_LEFT_OUT = ("access_channel", "first_contact_mode", "help_sought", "notes")
"""Of an interview's fields, those the summary leaves out: how she reached the centre is for statistics,
and the interview's notes are notes (their own section)."""


def checked_sections(sections: Iterable[str]) -> tuple[str, ...]:
    """The sections asked for, in the document's order; an unknown name or none at all is refused."""
    asked = {s.strip().lower() for s in sections if s.strip()}
    unknown = asked - set(SECTIONS)
    if unknown:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Unknown section {name}: choose among {sections}."),
            name=", ".join(sorted(unknown)),
            sections=", ".join(SECTIONS),
        )
    if not asked:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Choose at least one section of the summary."))
    return tuple(s for s in SECTIONS if s in asked)


def case_summary_pdf(
    ws: Workspace,
    case_id: int,
    out: files.Destination,
    sections: Iterable[str] = DEFAULT_SECTIONS,
    *,
    with_name: bool = False,
    lang: str = "it",
    tz: dt.tzinfo | None = None,
) -> None:
    """Write the summary of the `sections` chosen into `out` (a path or a binary stream the caller opened).

    The audit event and the document are one unit of work: a failed write leaves no event, and a failed
    commit removes the file written on a path. Times print in `tz` (default: this PC's zone).
    """
    chosen = checked_sections(sections)
    lang = language_code(lang)
    case_file = get_case(ws, case_id)
    actor = ws.require_actor()
    created: Path | None = None
    try:
        with ws.transaction() as session:
            centre = session.get_one(Centre, 1).name
            detail = {"sections": list(chosen), "with_name": with_name}
            event = audit.record(session, actor.operator_id, "case.summary", "case", case_file.id, detail)
            printed = Printed(actor.full_name or actor.username, _local(event.at, tz))
            shown = view(case_file, centre, chosen, printed, with_name=with_name)
            created = files.write_document(render_case_summary(shown, lang), out)
    except BaseException:
        if created is not None:
            created.unlink(missing_ok=True)
        raise


def _local(stored_utc: dt.datetime, tz: dt.tzinfo | None) -> dt.datetime:
    """A stored time (naive UTC) on the operator's clock."""
    return stored_utc.replace(tzinfo=dt.UTC).astimezone(tz)


def view(
    f: CaseFile,
    centre: str,
    sections: tuple[str, ...],
    printed: Printed,
    *,
    with_name: bool = False,
) -> CaseSummaryView:
    """What the summary shows of her case file: the chosen sections only."""
    profile = "profile" in sections
    w = f.pathway if "pathway" in sections else None
    services = "services" in sections
    return CaseSummaryView(
        code=f.code,
        centre=centre,
        summary=_summary(f, centre, with_name),
        printed=printed,
        sections=sections,
        profile=profile_fields(f) if profile else None,
        situation=_situation(f) if profile else None,
        interviews=tuple(sorted(i.date for i in f.intakes)) if profile else (),
        police_steps=tuple(
            {"date": e.date, "stage": Coded.one("police_report_stage", e.stage)}
            for e in (f.police_report_events if profile else ())
        ),
        risks=_risks(f) if "risk" in sections else None,
        pathway=None if w is None else _pathway(w),
        goals=() if w is None else _goals(w),
        reviews=() if w is None else tuple(sorted(r.date for r in w.reviews)),
        services=_services(f) if services else None,
        service_minutes=sum(x.minutes for x in f.services) if services else 0,
        referrals=_referrals(f) if "referrals" in sections else None,
        notes=tuple(sorted(_notes(f), key=lambda n: n.date)) if "notes" in sections else None,
    )


def _summary(f: CaseFile, centre: str, with_name: bool) -> Fields:
    name: tuple[tuple[str, str | Phrase], ...] = ()
    if with_name:
        i = f.identity
        name = (("name", Phrase("name_erased") if i is None else f"{i.first_name} {i.last_name}".strip()),)
    return (
        ("case", f.code),
        *name,
        ("centre", centre),
        ("desk", f.help_desk_name),
        ("status", Coded.one("case_status", f.status)),
        ("opened", f.opened_on),
        ("in_charge", f.taken_in_charge_on),
        ("closed", f.closed_on),
    )


def _situation(f: CaseFile) -> Fields | None:
    """The violence as the interviews recorded it: for each item, the latest value known (a follow-up
    interview often leaves the relationship "not known" that the first one recorded); None: no interview."""
    newest_first = sorted(f.intakes, key=lambda i: (i.date, i.id), reverse=True)
    if not newest_first:
        return None
    each = [intake_fields(i) for i in newest_first]
    return tuple(
        (key, next((v for fields in each if _known(v := fields[n][1])), value))
        for n, (key, value) in enumerate(each[0])
        if key not in SITUATION_LEFT_OUT
    )


def _known(value: Value) -> bool:
    """A value recorded, not left empty or "not known" (ND)."""
    if isinstance(value, Coded):
        return bool(value.codes) and value.codes != ("ND",)
    return value is not None and value != ""


def _risks(f: CaseFile) -> tuple[Row, ...]:
    return tuple(
        {"date": r.date, "level": Coded.one("risk_level", r.level), "tool": Coded.one("risk_tool", r.tool)}
        for r in f.risks
    )


def _pathway(w: PathwayView) -> Fields:
    return (
        ("agreed", w.agreed_on),
        ("closed", w.closed_on),
        ("outcome", Coded.one("case_status", w.outcome)),
    )


def _goals(w: PathwayView) -> tuple[Row, ...]:
    return tuple(
        {
            "area": Coded.one("goal_area", g.area),
            "goal_status": Coded.one("goal_status", g.status),
            "due": g.due_on,
            "description": g.description,
        }
        for g in w.goals
    )


def _services(f: CaseFile) -> tuple[Row, ...]:
    return tuple(
        {
            "date": x.date,
            "service": Coded.one("service_type", x.service_type),
            "mode": Coded.one("service_mode", x.mode),
            "minutes": x.minutes,
            "role": Coded.one("operator_role", x.operator_role),
        }
        for x in sorted(f.services, key=lambda x: (x.date, x.id))
    )


def _referrals(f: CaseFile) -> tuple[Row, ...]:
    return tuple(
        {
            "date": r.date,
            "destination": Coded.one("referral_destination", r.destination),
            "outcome": Coded.one("referral_outcome", r.outcome),
            "outcome_on": r.outcome_on,
            "shares_data": r.shares_data,
            "children_placed": r.children_count or None,  # none placed: nothing to show
        }
        for r in f.referrals
    )


def _notes(f: CaseFile) -> Iterator[Note]:
    """Every free-text note of the file, where it was written (unsorted)."""
    w = f.pathway
    found: list[Note] = [Note(i.date, "intake", None, i.notes) for i in f.intakes]
    found += [Note(r.date, "risk", Coded.one("risk_level", r.level), r.notes) for r in f.risks]
    if w is not None:
        found.append(Note(w.agreed_on, "pathway", None, w.notes))
        found += [Note(r.date, "review", None, r.notes) for r in w.reviews]
    found += [Note(x.date, "service", Coded.one("service_type", x.service_type), x.notes) for x in f.services]
    found += [
        Note(r.date, "referral", Coded.one("referral_destination", r.destination), r.notes)
        for r in f.referrals
    ]
    return (note for note in found if note.text.strip())
