"""The life of a case: contact -> consent -> intake -> risk -> pathway -> services -> referrals -> closure.

Every function is one unit of work for one user action. Permissions are checked here, not only in the
UI: an operatrice reaches only the cases of her help desk, a coordinatrice (and an amministratrice)
every case of the centre. Every read and change of a case is audited; audit details hold codes, never
content.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, delete, false, func, or_, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, HelpDesk, Operator, Role
from app.models.cases import (
    Case,
    ConsentEvent,
    Contact,
    Goal,
    Identity,
    Intake,
    NameToken,
    Pathway,
    PathwayReview,
    Referral,
    RiskAssessment,
    ServiceDelivery,
)
from app.services import audit
from app.services import validation as v
from app.services.errors import NotFound, PermissionDenied, ValidationError
from app.services.workspace import Actor, Workspace

OPEN_STATUSES = ("IN_ACCOGLIENZA", "IN_CORSO", "SOSPESO")
CLOSING_STATUSES = (
    "CONCLUSO_OBJ",
    "CONCLUSO_PARZ",
    "INTERR_DONNA",
    "INTERR_CAV",
    "TRASFERITA",
    "TRASFERIM_TERR",
    "RIENTRO_AUTORE",
    "DECESSO",
)
CURRENT_NOTICE_VERSION = "2026.1"
MAX_NOTES = 20000


# --- inputs -------------------------------------------------------------------------------------------
@dataclass
class IdentityInput:
    first_name: str
    last_name: str
    birth_date: dt.date | None = None
    tax_code: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    safe_contact_channel: str = ""
    safe_contact_times: str = ""
    safe_contact_notes: str = ""
    notes: str = ""


@dataclass
class ProfileInput:
    birth_year: int | None = None
    country: str | None = None
    education: str = "ND"
    employment: str = "ND"
    marital_status: str = "ND"
    cohabitation: tuple[str, ...] = ()
    has_children: str = "ND"
    children_count: int | None = None
    minors_count: int | None = None
    minors_witnessed: int | None = None
    minors_suffered: int | None = None
    pregnant: bool | None = None


@dataclass
class ConsentInput:
    """What she agreed to at intake. Processing consent is required to open a case."""

    scopes: tuple[str, ...]
    date: dt.date
    notice_version: str = CURRENT_NOTICE_VERSION
    partners: tuple[str, ...] = ()  # network services she allows data to be shared with


@dataclass
class ContactInput:
    date: dt.date
    access_channel: str
    first_contact_mode: str
    reason: str = "RICHIESTA_AIUTO"
    help_desk_id: int | None = None


@dataclass
class IntakeInput:
    date: dt.date
    access_channel: str = "ND"
    first_contact_mode: str = ""
    violence_forms: tuple[str, ...] = ()
    relationship: str = ""
    violence_duration: str = "ND"
    police_report: str = "ND"
    complaint_withdrawn: bool | None = None
    measures_requested: tuple[str, ...] = ()
    measures_obtained: tuple[str, ...] = ()
    emergency: bool = False
    notes: str = ""
    help_desk_id: int | None = None


@dataclass
class ServiceInput:
    date: dt.date
    service_type: str
    mode: str
    minutes: int
    operator_role: str
    beneficiary: str = "DONNA"
    help_desk_id: int | None = None
    notes: str = ""


@dataclass
class ReferralInput:
    date: dt.date
    destination: str
    outcome: str = "IN_ATTESA"
    shares_data: bool = False
    children_count: int = 0
    notes: str = ""


# --- outputs ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseRef:
    id: int
    code: str


@dataclass(frozen=True)
class CaseSummary:
    id: int
    code: str
    display_name: str
    status: str
    help_desk_id: int
    help_desk_name: str
    opened_on: dt.date


@dataclass(frozen=True)
class CasePage:
    items: list[CaseSummary]
    total: int


@dataclass(frozen=True)
class ConsentView:
    scope: str
    granted: bool
    partner: str
    notice_version: str
    date: dt.date


@dataclass(frozen=True)
class IntakeView:
    id: int
    date: dt.date
    access_channel: str
    first_contact_mode: str
    violence_forms: tuple[str, ...]
    relationship: str
    violence_duration: str
    police_report: str
    complaint_withdrawn: bool | None
    measures_requested: tuple[str, ...]
    measures_obtained: tuple[str, ...]
    emergency: bool
    notes: str


@dataclass(frozen=True)
class RiskView:
    id: int
    date: dt.date
    level: str
    tool: str
    notes: str


@dataclass(frozen=True)
class GoalView:
    id: int
    area: str
    description: str
    status: str
    due_on: dt.date | None


@dataclass(frozen=True)
class ReviewView:
    id: int
    date: dt.date
    notes: str


@dataclass(frozen=True)
class PathwayView:
    id: int
    agreed_on: dt.date
    closed_on: dt.date | None
    outcome: str | None
    notes: str
    goals: list[GoalView]
    reviews: list[ReviewView]


@dataclass(frozen=True)
class ServiceView:
    id: int
    date: dt.date
    service_type: str
    mode: str
    minutes: int
    operator_role: str
    beneficiary: str
    help_desk_id: int
    notes: str


@dataclass(frozen=True)
class ReferralView:
    id: int
    date: dt.date
    destination: str
    outcome: str
    outcome_on: dt.date | None
    shares_data: bool
    children_count: int
    notes: str


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    operator_id: int | None
    action: str
    operator_name: str = ""


@dataclass(frozen=True)
class CaseFile:
    """Everything an authorised operator sees when she opens a case."""

    id: int
    code: str
    status: str
    help_desk_id: int
    help_desk_name: str
    opened_on: dt.date
    taken_in_charge_on: dt.date | None
    closed_on: dt.date | None
    contact_allowed: bool
    processing_consent: bool
    statistics_allowed: bool
    identity: IdentityInput | None
    profile: ProfileInput
    consents: list[ConsentView]
    intakes: list[IntakeView]
    risks: list[RiskView]
    pathway: PathwayView | None
    services: list[ServiceView]
    referrals: list[ReferralView]
    history: list[HistoryEntry] = field(default_factory=list)


# --- permission helpers ---------------------------------------------------------------------------------
def _may_access(actor: Actor, case: Case) -> bool:
    return actor.at_least(Role.COORDINATRICE) or case.help_desk_id == actor.help_desk_id


def _load(session: Session, actor: Actor, case_id: int, action: str) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such case."))
    if not _may_access(actor, case):
        denied = PermissionDenied(
            QT_TRANSLATE_NOOP(
                "Errors", "This case belongs to another help desk: you cannot open or change it."
            )
        )
        denied.audit_event = ("case", case_id, {"action": action})  # recorded after the rollback
        raise denied
    return case


def _require_role(actor: Actor, role: Role, case_id: int, action: str) -> None:
    """A role refusal on a case, recorded in the audit trail like a help-desk refusal."""
    if not actor.at_least(role):
        denied = PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Your role does not allow this action."))
        denied.audit_event = ("case", case_id, {"action": action})
        raise denied


def _not_after_closure(case: Case, when: dt.date) -> None:
    """A closed case takes late records of what happened before it closed, nothing after."""
    if case.closed_on is not None and when > case.closed_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "This case was closed on {day}: record only what happened until then."
            ),
            field="date",
            day=case.closed_on.isoformat(),
        )


def _writable(case: Case) -> None:
    if not case.processing_consent:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "She withdrew her consent to processing: nothing more can be recorded in this case."
            )
        )


def _desk_for(session: Session, actor: Actor, desk_id: int | None) -> int:
    desk_id = desk_id if desk_id is not None else actor.help_desk_id
    if desk_id is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a help desk."), field="help_desk")
    desk = session.get(HelpDesk, desk_id)
    if desk is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such help desk."))
    if not actor.at_least(Role.COORDINATRICE) and desk_id != actor.help_desk_id:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "You can record only for your own help desk."))
    return desk_id


# --- name search tokens -----------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Lower case without accents, so 'Nicolò' is found by 'nicolo'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_tokens(first_name: str, last_name: str) -> set[str]:
    """Each word of her names, plus apostrophe words joined ("d'angelo" -> "d", "angelo", "dangelo")."""
    tokens: set[str] = set()
    for word in fold(f"{first_name} {last_name}").replace("-", " ").replace("’", "'").split():
        tokens.update(part for part in word.split("'") if part)
        tokens.add(word.replace("'", ""))
    return {t[:100] for t in tokens if t}


def _set_tokens(session: Session, case_id: int, identity: IdentityInput | None) -> None:
    session.execute(delete(NameToken).where(NameToken.case_id == case_id))
    if identity is not None:
        for token in name_tokens(identity.first_name, identity.last_name):
            session.add(NameToken(token=token, case_id=case_id))


# --- validation of inputs ------------------------------------------------------------------------------------
def _clean_identity(identity: IdentityInput) -> IdentityInput:
    first = v.check_text(identity.first_name, "first_name", 100)
    last = v.check_text(identity.last_name, "last_name", 100)
    if not first and not last:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter at least her first name or last name (a nickname will do)."),
            field="first_name",
        )
    return IdentityInput(
        first_name=first,
        last_name=last,
        birth_date=_check_birth_date(identity.birth_date),
        tax_code=v.check_text(identity.tax_code, "tax_code", 16).upper(),
        phone=v.check_text(identity.phone, "phone", 50),
        email=v.check_text(identity.email, "email", 200),
        address=v.check_text(identity.address, "address", 300),
        safe_contact_channel=v.check_code(
            "safe_contact_channel", identity.safe_contact_channel, "safe_contact_channel", allow_empty=True
        ),
        safe_contact_times=v.check_text(identity.safe_contact_times, "safe_contact_times", 300),
        safe_contact_notes=v.check_text(identity.safe_contact_notes, "safe_contact_notes", 2000),
        notes=v.check_text(identity.notes, "notes", MAX_NOTES),
    )


def _check_birth_date(value: date | None) -> date | None:
    if value is None:
        return None
    if not isinstance(value, date):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Not a date ({field})."), field="birth_date")
    v.check_birth_year(value.year)
    return value


def _clean_profile(profile: ProfileInput) -> dict[str, object]:
    return {
        "birth_year": v.check_birth_year(profile.birth_year),
        "country": v.check_country(profile.country),
        "education": v.check_code("education", profile.education, "education"),
        "employment": v.check_code("employment", profile.employment, "employment"),
        "marital_status": v.check_code("marital_status", profile.marital_status, "marital_status"),
        "cohabitation": v.check_codes("cohabitation", profile.cohabitation, "cohabitation"),
        "has_children": v.check_code("has_children", profile.has_children, "has_children"),
        "children_count": v.check_count(profile.children_count, "children_count"),
        "minors_count": v.check_count(profile.minors_count, "minors_count"),
        "minors_witnessed": v.check_count(profile.minors_witnessed, "minors_witnessed"),
        "minors_suffered": v.check_count(profile.minors_suffered, "minors_suffered"),
        "pregnant": profile.pregnant,
    } | _check_children(profile)


def _check_children(profile: ProfileInput) -> dict[str, object]:
    total, minors = profile.children_count, profile.minors_count
    if total is not None and minors is not None and minors > total:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "There cannot be more minor children than children."),
            field="minors_count",
        )
    for name in ("minors_witnessed", "minors_suffered"):
        value = getattr(profile, name)
        if value is not None and minors is not None and value > minors:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "This number cannot exceed the number of minor children ({field})."
                ),
                field=name,
            )
    return {}


# --- contacts ----------------------------------------------------------------------------------------------
def record_contact(ws: Workspace, contact: ContactInput, case_id: int | None = None) -> int:
    """An anonymous first contact: all that is kept when she does not consent to processing."""
    actor = ws.require_actor()
    with ws.transaction() as session:
        if case_id is not None:
            _writable(_load(session, actor, case_id, "change"))
        row = _contact_row(session, actor, contact, case_id)
        session.add(row)
        session.flush()
        audit.record(session, actor.operator_id, "contact.created", "contact", row.id)
        return row.id


def _contact_row(session: Session, actor: Actor, contact: ContactInput, case_id: int | None) -> Contact:
    return Contact(
        date=v.check_date(contact.date, "date"),
        help_desk_id=_desk_for(session, actor, contact.help_desk_id),
        access_channel=v.check_code("access_channel", contact.access_channel, "access_channel"),
        first_contact_mode=v.check_code(
            "first_contact_mode", contact.first_contact_mode, "first_contact_mode"
        ),
        reason=v.check_code("contact_reason", contact.reason, "reason"),
        case_id=case_id,
        operator_id=actor.operator_id,
    )


# --- opening a case -------------------------------------------------------------------------------------------
def open_case(
    ws: Workspace,
    identity: IdentityInput,
    profile: ProfileInput,
    consent: ConsentInput,
    *,
    opened_on: date | None = None,
    help_desk_id: int | None = None,
    contact: ContactInput | None = None,
    intake: IntakeInput | None = None,
    risk: RiskInput | None = None,
) -> CaseRef:
    """Open a case at intake, with her first interview and risk assessment if given, all or nothing.

    Refused without processing consent: record an anonymous contact instead.
    """
    actor = ws.require_actor()
    scopes = set(consent.scopes)
    if "TRATTAMENTO" not in scopes:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A case can be opened only with her consent to processing. Without it, record an anonymous "
                "contact.",
            ),
            field="consent",
        )
    for scope in sorted(scopes):
        v.check_code("consent_scope", scope, "consent")
    for partner in consent.partners:
        v.check_code("referral_destination", partner, "partners")
    consent_date = v.check_date(consent.date, "consent_date")
    assert consent_date is not None
    opened = v.check_date(opened_on or v.today(), "opened_on")
    assert opened is not None
    clean_identity = _clean_identity(identity)
    clean_profile = _clean_profile(profile)
    checked_intake = _intake_values(intake) if intake is not None else None
    checked_risk = _risk_values(risk) if risk is not None else None
    notice = v.check_text(consent.notice_version, "notice_version", 30) or CURRENT_NOTICE_VERSION
    with ws.transaction() as session:
        desk_id = _desk_for(session, actor, help_desk_id)
        centre = session.get_one(Centre, 1)
        year = opened.year
        seq = (session.scalar(select(func.max(Case.seq)).where(Case.year == year)) or 0) + 1
        case = Case(
            code=f"{centre.code}-{year}-{seq:04d}",
            year=year,
            seq=seq,
            help_desk_id=desk_id,
            status="IN_ACCOGLIENZA",
            opened_on=opened,
            processing_consent=True,
            contact_allowed="CONTATTO_SICURO" in scopes,
            statistics_allowed="STATISTICHE" in scopes,
            created_by=actor.operator_id,
            **clean_profile,
        )
        session.add(case)
        session.flush()
        session.add(Identity(case_id=case.id, **vars(clean_identity)))
        _set_tokens(session, case.id, clean_identity)
        for scope in sorted(scopes):
            partners = consent.partners if scope == "CONDIVISIONE_RETE" and consent.partners else ("",)
            for partner in partners:
                session.add(
                    ConsentEvent(
                        case_id=case.id,
                        scope=scope,
                        granted=True,
                        partner=partner,
                        notice_version=notice,
                        date=consent_date,
                        operator_id=actor.operator_id,
                    )
                )
        if contact is not None:
            session.add(_contact_row(session, actor, contact, case.id))
        audit.record(session, actor.operator_id, "case.created", "case", case.id)
        if intake is not None and checked_intake is not None:
            _add_intake_row(session, actor, case, intake, checked_intake)
        if checked_risk is not None:
            _add_risk_row(session, actor, case, checked_risk)
        return CaseRef(case.id, case.code)


# --- reading ---------------------------------------------------------------------------------------------------
def get_case(ws: Workspace, case_id: int) -> CaseFile:
    """Open a case file. Audited: who read which case, when."""
    actor = ws.require_actor()
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "read")
        audit.record(session, actor.operator_id, "case.read", "case", case.id)
        return _case_file(session, case)


def _case_file(session: Session, case: Case) -> CaseFile:
    ident = case.identity
    identity = (
        IdentityInput(
            ident.first_name,
            ident.last_name,
            ident.birth_date,
            ident.tax_code,
            ident.phone,
            ident.email,
            ident.address,
            ident.safe_contact_channel,
            ident.safe_contact_times,
            ident.safe_contact_notes,
            ident.notes,
        )
        if ident is not None
        else None
    )
    profile = ProfileInput(
        case.birth_year,
        case.country,
        case.education,
        case.employment,
        case.marital_status,
        v.decode_codes(case.cohabitation),
        case.has_children,
        case.children_count,
        case.minors_count,
        case.minors_witnessed,
        case.minors_suffered,
        case.pregnant,
    )
    consents = [
        ConsentView(c.scope, c.granted, c.partner, c.notice_version, c.date)
        for c in session.scalars(
            select(ConsentEvent)
            .where(ConsentEvent.case_id == case.id)
            .order_by(ConsentEvent.date, ConsentEvent.id)
        )
    ]
    intakes = [
        IntakeView(
            i.id,
            i.date,
            i.access_channel,
            i.first_contact_mode,
            v.decode_codes(i.violence_forms),
            i.relationship_code,
            i.violence_duration,
            i.police_report,
            i.complaint_withdrawn,
            v.decode_codes(i.measures_requested),
            v.decode_codes(i.measures_obtained),
            i.emergency,
            i.notes,
        )
        for i in session.scalars(
            select(Intake).where(Intake.case_id == case.id).order_by(Intake.date, Intake.id)
        )
    ]
    risks = [
        RiskView(r.id, r.date, r.level, r.tool, r.notes)
        for r in session.scalars(
            select(RiskAssessment).where(RiskAssessment.case_id == case.id).order_by(RiskAssessment.date)
        )
    ]
    pathway_row = session.scalar(select(Pathway).where(Pathway.case_id == case.id))
    pathway = (
        PathwayView(
            pathway_row.id,
            pathway_row.agreed_on,
            pathway_row.closed_on,
            pathway_row.outcome,
            pathway_row.notes,
            [GoalView(g.id, g.area, g.description, g.status, g.due_on) for g in pathway_row.goals],
            [ReviewView(r.id, r.date, r.notes) for r in pathway_row.reviews],
        )
        if pathway_row is not None
        else None
    )
    services = [
        ServiceView(
            s.id,
            s.date,
            s.service_type,
            s.mode,
            s.minutes,
            s.operator_role,
            s.beneficiary,
            s.help_desk_id,
            s.notes,
        )
        for s in session.scalars(
            select(ServiceDelivery)
            .where(ServiceDelivery.case_id == case.id)
            .order_by(ServiceDelivery.date.desc(), ServiceDelivery.id.desc())
        )
    ]
    referrals = [
        ReferralView(
            r.id, r.date, r.destination, r.outcome, r.outcome_on, r.shares_data, r.children_count, r.notes
        )
        for r in session.scalars(select(Referral).where(Referral.case_id == case.id).order_by(Referral.date))
    ]
    history = [
        HistoryEntry(event.at.isoformat(sep=" "), event.operator_id, event.action, name or "")
        for event, name in session.execute(
            select(audit.AuditEvent, Operator.full_name)
            .outerjoin(Operator, Operator.id == audit.AuditEvent.operator_id)
            .where(audit.AuditEvent.entity == "case", audit.AuditEvent.entity_id == str(case.id))
            .order_by(audit.AuditEvent.id.desc())
            .limit(500)
        )
    ]
    desk = session.get_one(HelpDesk, case.help_desk_id)
    return CaseFile(
        case.id,
        case.code,
        case.status,
        case.help_desk_id,
        desk.name,
        case.opened_on,
        case.taken_in_charge_on,
        case.closed_on,
        case.contact_allowed,
        case.processing_consent,
        case.statistics_allowed,
        identity,
        profile,
        consents,
        intakes,
        risks,
        pathway,
        services,
        referrals,
        history,
    )


SORT_KEYS = {
    "code": (Case.year, Case.seq),
    "opened": (Case.opened_on, Case.id),
    "status": (Case.status, Case.id),
    "name": (Identity.last_name.collate("NOCASE"), Identity.first_name.collate("NOCASE"), Case.id),
    "desk": (HelpDesk.name, Case.id),
}


def search_cases(
    ws: Workspace,
    query: str = "",
    *,
    statuses: Iterable[str] | None = None,
    help_desk_id: int | None = None,
    order_by: str = "code",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> CasePage:
    """One page of the cases she may see, matching a code or the beginnings of name words."""
    actor = ws.require_actor()
    limit = max(1, min(limit, 500))
    with ws.transaction(write=False) as session:
        conditions = _search_conditions(actor, query, statuses, help_desk_id)
        total = session.scalar(select(func.count()).select_from(Case).where(*conditions)) or 0
        keys = SORT_KEYS.get(order_by, SORT_KEYS["code"])
        ordering = [k.desc() for k in keys] if descending else list(keys)
        rows = session.execute(
            _summary_query().where(*conditions).order_by(*ordering).limit(limit).offset(max(0, offset))
        ).all()
        items = [
            CaseSummary(
                row.id,
                row.code,
                _display_name(row.first_name, row.last_name),
                row.status,
                row.help_desk_id,
                row.desk_name,
                row.opened_on,
            )
            for row in rows
        ]
        return CasePage(items, total)


def _summary_query() -> Select:  # one row per case for the list
    return (
        select(
            Case.id,
            Case.code,
            Case.status,
            Case.help_desk_id,
            HelpDesk.name.label("desk_name"),
            Case.opened_on,
            Identity.first_name,
            Identity.last_name,
        )
        .join(HelpDesk, HelpDesk.id == Case.help_desk_id)
        .outerjoin(Identity, Identity.case_id == Case.id)
    )


def _display_name(first: str | None, last: str | None) -> str:
    if first is None and last is None:
        return "—"
    return f"{first or ''} {last or ''}".strip()


def _search_conditions(
    actor: Actor, query: str, statuses: Iterable[str] | None, help_desk_id: int | None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if not actor.at_least(Role.COORDINATRICE):
        conditions.append(Case.help_desk_id == actor.help_desk_id)
    elif help_desk_id is not None:
        conditions.append(Case.help_desk_id == help_desk_id)
    if statuses:
        conditions.append(Case.status.in_(list(statuses)))
    text = query.strip()[:100]
    if text:
        code = re.sub(r"[^A-Z0-9-]", "", text.upper())
        words = [w for w in re.split(r"[^\w]+", fold(text).replace("'", "").replace("’", "")) if w][:4]
        code_match: ColumnElement[bool] = Case.code.like(code + "%") if code else false()
        if re.fullmatch(r"[0-9]{1,9}", code):
            code_match = or_(code_match, Case.seq == int(code[:9]))
        name_match = (
            and_(
                *[
                    Case.id.in_(
                        select(NameToken.case_id).where(
                            NameToken.token >= word, NameToken.token < word + "\uffff"
                        )
                    )
                    for word in words
                ]
            )
            if words
            else None
        )
        conditions.append(or_(code_match, name_match) if name_match is not None else code_match)
    return conditions


# --- changing -----------------------------------------------------------------------------------------------------
def update_identity(ws: Workspace, case_id: int, identity: IdentityInput) -> None:
    actor = ws.require_actor()
    clean = _clean_identity(identity)
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        _writable(case)
        if case.identity is None:
            case.identity = Identity(case_id=case.id, **vars(clean))
        else:
            for name, value in vars(clean).items():
                setattr(case.identity, name, value)
        _set_tokens(session, case.id, clean)
        audit.record(session, actor.operator_id, "identity.updated", "case", case.id)


def update_profile(ws: Workspace, case_id: int, profile: ProfileInput) -> None:
    actor = ws.require_actor()
    values = _clean_profile(profile)
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        _writable(case)
        for name, value in values.items():
            setattr(case, name, value)
        audit.record(session, actor.operator_id, "profile.updated", "case", case.id)


def record_consent(
    ws: Workspace,
    case_id: int,
    scope: str,
    granted: bool,
    on: date,
    *,
    partner: str = "",
    notice_version: str = CURRENT_NOTICE_VERSION,
) -> None:
    """Record a consent change and make it take effect everywhere it must.

    Withdrawing processing consent erases her identity and free-text notes at once and freezes the case;
    withdrawing safe-contact consent forbids contacting her; withdrawing consent to statistics keeps
    her out of every aggregate from now on; withdrawing sharing consent blocks data-sharing referrals.
    """
    actor = ws.require_actor()
    v.check_code("consent_scope", scope, "scope")
    when = v.check_date(on, "date")
    assert when is not None
    if partner:
        v.check_code("referral_destination", partner, "partner")
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        if scope != "TRATTAMENTO" or not granted:
            _writable(case)
        session.add(
            ConsentEvent(
                case_id=case.id,
                scope=scope,
                granted=granted,
                partner=partner,
                notice_version=v.check_text(notice_version, "notice_version", 30) or CURRENT_NOTICE_VERSION,
                date=when,
                operator_id=actor.operator_id,
            )
        )
        if scope == "TRATTAMENTO":
            case.processing_consent = granted
            if not granted:
                _erase(session, case, when)
        elif scope == "CONTATTO_SICURO":
            case.contact_allowed = granted
        elif scope == "STATISTICHE":
            case.statistics_allowed = granted
        audit.record(
            session,
            actor.operator_id,
            "consent.granted" if granted else "consent.withdrawn",
            "case",
            case.id,
            {"scope": scope},
        )


def sharing_allowed(session: Session, case_id: int, destination: str) -> bool:
    """The latest sharing consent for this partner (or for the whole network, partner '') decides."""
    events = session.scalars(
        select(ConsentEvent)
        .where(ConsentEvent.case_id == case_id, ConsentEvent.scope == "CONDIVISIONE_RETE")
        .order_by(ConsentEvent.date, ConsentEvent.id)
    ).all()
    allowed = False
    for event in events:
        if event.partner in ("", destination):
            allowed = event.granted
    return allowed


def _intake_values(intake: IntakeInput) -> tuple[dt.date, dict[str, object]]:
    when = v.check_date(intake.date, "date")
    assert when is not None
    return when, {
        "access_channel": v.check_code("access_channel", intake.access_channel, "access_channel"),
        "first_contact_mode": v.check_code(
            "first_contact_mode", intake.first_contact_mode, "first_contact_mode", allow_empty=True
        ),
        "violence_forms": v.check_codes("violence_form", intake.violence_forms, "violence_forms"),
        "relationship_code": v.check_code(
            "relationship", intake.relationship, "relationship", allow_empty=True
        ),
        "violence_duration": v.check_code("violence_duration", intake.violence_duration, "violence_duration"),
        "police_report": v.check_code("police_report", intake.police_report, "police_report"),
        "complaint_withdrawn": intake.complaint_withdrawn,
        "measures_requested": v.check_codes(
            "protective_measure", intake.measures_requested, "measures_requested"
        ),
        "measures_obtained": v.check_codes(
            "protective_measure", intake.measures_obtained, "measures_obtained"
        ),
        "emergency": bool(intake.emergency),
        "notes": v.check_text(intake.notes, "notes", MAX_NOTES),
    }


def _add_intake_row(
    session: Session,
    actor: Actor,
    case: Case,
    intake: IntakeInput,
    checked: tuple[dt.date, dict[str, object]],
) -> int:
    when, values = checked
    _writable(case)
    v.check_not_before(when, case.opened_on, "date")
    _not_after_closure(case, when)
    desk_id = (
        _desk_for(session, actor, intake.help_desk_id or case.help_desk_id)
        if actor.at_least(Role.COORDINATRICE)
        else case.help_desk_id
    )
    row = Intake(case_id=case.id, date=when, help_desk_id=desk_id, operator_id=actor.operator_id, **values)
    session.add(row)
    session.flush()
    audit.record(session, actor.operator_id, "intake.created", "case", case.id, {"intake": row.id})
    return row.id


def add_intake(ws: Workspace, case_id: int, intake: IntakeInput) -> int:
    actor = ws.require_actor()
    checked = _intake_values(intake)
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        return _add_intake_row(session, actor, case, intake, checked)


@dataclass
class RiskInput:
    """Level, tool, date and notes only: never an item of a licensed instrument."""

    date: dt.date
    level: str
    tool: str
    notes: str = ""


def _risk_values(risk: RiskInput) -> RiskInput:
    when = v.check_date(risk.date, "date")
    assert when is not None
    return RiskInput(
        when,
        v.check_code("risk_level", risk.level, "level"),
        v.check_code("risk_tool", risk.tool, "tool"),
        v.check_text(risk.notes, "notes", MAX_NOTES),
    )


def _add_risk_row(session: Session, actor: Actor, case: Case, risk: RiskInput) -> int:
    _writable(case)
    v.check_not_before(risk.date, case.opened_on, "date")
    _not_after_closure(case, risk.date)
    row = RiskAssessment(
        case_id=case.id,
        date=risk.date,
        level=risk.level,
        tool=risk.tool,
        notes=risk.notes,
        operator_id=actor.operator_id,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor.operator_id, "risk.created", "case", case.id, {"level": risk.level})
    return row.id


def add_risk_assessment(ws: Workspace, case_id: int, on: date, level: str, tool: str, notes: str = "") -> int:
    actor = ws.require_actor()
    risk = _risk_values(RiskInput(on, level, tool, notes))
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        return _add_risk_row(session, actor, case, risk)


def agree_pathway(ws: Workspace, case_id: int, agreed_on: date, notes: str = "") -> int:
    """The presa in carico: a pathway agreed with her. The case moves to IN_CORSO."""
    actor = ws.require_actor()
    when = v.check_date(agreed_on, "agreed_on")
    assert when is not None
    notes = v.check_text(notes, "notes", MAX_NOTES)
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        _writable(case)
        _require_open(case)
        v.check_not_before(when, case.opened_on, "agreed_on")
        if session.scalar(select(Pathway.id).where(Pathway.case_id == case.id)) is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This case already has a pathway."))
        row = Pathway(case_id=case.id, agreed_on=when, notes=notes, operator_id=actor.operator_id)
        session.add(row)
        case.status = "IN_CORSO"
        case.taken_in_charge_on = when
        session.flush()
        audit.record(session, actor.operator_id, "pathway.agreed", "case", case.id)
        return row.id


def _pathway(session: Session, case: Case) -> Pathway:
    pathway = session.scalar(select(Pathway).where(Pathway.case_id == case.id))
    if pathway is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Agree a pathway with her first."))
    return pathway


def add_goal(
    ws: Workspace,
    case_id: int,
    area: str,
    description: str = "",
    due_on: date | None = None,
    status: str = "DA_AVVIARE",
) -> int:
    actor = ws.require_actor()
    area = v.check_code("goal_area", area, "area")
    status = v.check_code("goal_status", status, "status")
    description = v.check_text(description, "description", 2000)
    due = v.check_future_ok(due_on, "due_on")
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        _writable(case)
        pathway = _pathway(session, case)
        goal = Goal(pathway_id=pathway.id, area=area, description=description, status=status, due_on=due)
        session.add(goal)
        session.flush()
        audit.record(session, actor.operator_id, "goal.created", "case", case.id, {"area": area})
        return goal.id


def update_goal(
    ws: Workspace,
    goal_id: int,
    *,
    status: str | None = None,
    due_on: date | None = None,
    description: str | None = None,
) -> None:
    actor = ws.require_actor()
    with ws.transaction() as session:
        goal = session.get(Goal, goal_id)
        if goal is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such goal."))
        pathway = session.get_one(Pathway, goal.pathway_id)
        case = _load(session, actor, pathway.case_id, "change")
        _writable(case)
        if status is not None:
            goal.status = v.check_code("goal_status", status, "status")
        if due_on is not None:
            goal.due_on = v.check_future_ok(due_on, "due_on")
        if description is not None:
            goal.description = v.check_text(description, "description", 2000)
        audit.record(session, actor.operator_id, "goal.updated", "case", case.id, {"goal": goal.id})


def add_pathway_review(ws: Workspace, case_id: int, on: date, notes: str = "") -> int:
    actor = ws.require_actor()
    when = v.check_date(on, "date")
    assert when is not None
    notes = v.check_text(notes, "notes", MAX_NOTES)
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        _writable(case)
        pathway = _pathway(session, case)
        v.check_not_before(when, pathway.agreed_on, "date")
        _not_after_closure(case, when)
        review = PathwayReview(pathway_id=pathway.id, date=when, notes=notes, operator_id=actor.operator_id)
        session.add(review)
        session.flush()
        audit.record(session, actor.operator_id, "pathway.reviewed", "case", case.id)
        return review.id


def add_service(ws: Workspace, case_id: int, service: ServiceInput) -> int:
    """One service delivered: the row every service indicator counts."""
    actor = ws.require_actor()
    when = v.check_date(service.date, "date")
    assert when is not None
    values = {
        "service_type": v.check_code("service_type", service.service_type, "service_type"),
        "mode": v.check_code("service_mode", service.mode, "mode"),
        "minutes": v.check_minutes(service.minutes),
        "operator_role": v.check_code("operator_role", service.operator_role, "operator_role"),
        "beneficiary": v.check_code("beneficiary", service.beneficiary, "beneficiary"),
        "notes": v.check_text(service.notes, "notes", MAX_NOTES),
    }
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        _writable(case)
        v.check_not_before(when, case.opened_on, "date")
        _not_after_closure(case, when)
        desk_id = (
            _desk_for(session, actor, service.help_desk_id) if service.help_desk_id else case.help_desk_id
        )
        row = ServiceDelivery(
            case_id=case.id, date=when, help_desk_id=desk_id, operator_id=actor.operator_id, **values
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor.operator_id, "service.created", "case", case.id, {"type": values["service_type"]}
        )
        return row.id


def add_referral(ws: Workspace, case_id: int, referral: ReferralInput) -> int:
    actor = ws.require_actor()
    when = v.check_date(referral.date, "date")
    assert when is not None
    destination = v.check_code("referral_destination", referral.destination, "destination")
    outcome = v.check_code("referral_outcome", referral.outcome, "outcome")
    children = v.check_count(referral.children_count, "children_count") or 0
    notes = v.check_text(referral.notes, "notes", MAX_NOTES)
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        _writable(case)
        v.check_not_before(when, case.opened_on, "date")
        _not_after_closure(case, when)
        if referral.shares_data and not sharing_allowed(session, case.id, destination):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "She has not consented to sharing her data with this service. Record her consent first, "
                    "or make the referral without sharing data.",
                ),
                field="shares_data",
            )
        row = Referral(
            case_id=case.id,
            date=when,
            destination=destination,
            outcome=outcome,
            shares_data=referral.shares_data,
            children_count=children,
            notes=notes,
            operator_id=actor.operator_id,
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor.operator_id, "referral.created", "case", case.id, {"destination": destination}
        )
        return row.id


def update_referral_outcome(ws: Workspace, referral_id: int, outcome: str, on: date) -> None:
    actor = ws.require_actor()
    outcome = v.check_code("referral_outcome", outcome, "outcome")
    when = v.check_date(on, "date")
    with ws.transaction() as session:
        referral = session.get(Referral, referral_id)
        if referral is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such referral."))
        case = _load(session, actor, referral.case_id, "change")
        _writable(case)
        assert when is not None
        v.check_not_before(when, referral.date, "date")
        referral.outcome, referral.outcome_on = outcome, when
        audit.record(session, actor.operator_id, "referral.updated", "case", case.id, {"outcome": outcome})


def _require_open(case: Case) -> None:
    if case.status not in OPEN_STATUSES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This case is closed."))


def set_suspended(ws: Workspace, case_id: int, suspended: bool) -> None:
    actor = ws.require_actor()
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        _writable(case)
        _require_open(case)
        case.status = (
            "SOSPESO" if suspended else ("IN_CORSO" if case.taken_in_charge_on else "IN_ACCOGLIENZA")
        )
        audit.record(session, actor.operator_id, "case.status", "case", case.id, {"status": case.status})


def close_case(ws: Workspace, case_id: int, outcome: str, closed_on: date) -> None:
    """Close with an outcome; the pathway, if any, closes with it."""
    actor = ws.require_actor()
    if outcome not in CLOSING_STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{code}' is not a valid choice ({field})."),
            field="outcome",
            code=outcome[:40],
        )
    when = v.check_date(closed_on, "closed_on")
    assert when is not None
    with ws.transaction() as session:
        case = _load(session, actor, case_id, "change")
        _require_open(case)
        if when < case.opened_on:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A case cannot be closed before it was opened."),
                field="closed_on",
            )
        case.status, case.closed_on = outcome, when
        pathway = session.scalar(select(Pathway).where(Pathway.case_id == case.id))
        if pathway is not None:
            if when < pathway.agreed_on:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "A case cannot be closed before its pathway was agreed."),
                    field="closed_on",
                )
            pathway.closed_on, pathway.outcome = when, outcome
        audit.record(session, actor.operator_id, "case.closed", "case", case.id, {"outcome": outcome})


def reopen_case(ws: Workspace, case_id: int) -> None:
    actor = ws.require_actor()
    with ws.transaction() as session:
        _require_role(actor, Role.COORDINATRICE, case_id, "reopen")
        case = _load(session, actor, case_id, "change")
        _writable(case)
        if case.status in OPEN_STATUSES:
            return
        case.status = "IN_CORSO" if case.taken_in_charge_on else "IN_ACCOGLIENZA"
        case.closed_on = None
        pathway = session.scalar(select(Pathway).where(Pathway.case_id == case.id))
        if pathway is not None:
            pathway.closed_on, pathway.outcome = None, None
        audit.record(session, actor.operator_id, "case.reopened", "case", case.id)


# --- erasure ------------------------------------------------------------------------------------------------------
def erase_identity(ws: Workspace, case_id: int) -> None:
    """Remove who she is and every free-text note; keep the anonymous statistical fields.

    Past aggregates stay true because the coded fields, dates and services remain. The audit records
    that an erasure happened, never what was erased.
    """
    actor = ws.require_actor()
    with ws.transaction() as session:
        _require_role(actor, Role.COORDINATRICE, case_id, "erase")
        case = _load(session, actor, case_id, "erase")
        _erase(session, case, v.today())
        audit.record(session, actor.operator_id, "identity.erased", "case", case.id)


def _erase(session: Session, case: Case, on: date) -> None:
    if case.identity is not None:
        session.delete(case.identity)
        case.identity = None
    session.execute(delete(NameToken).where(NameToken.case_id == case.id))
    for model in (Intake, RiskAssessment, ServiceDelivery, Referral):
        session.execute(model.__table__.update().where(model.case_id == case.id).values(notes=""))  # type: ignore[attr-defined]
    pathway = session.scalar(select(Pathway).where(Pathway.case_id == case.id))
    if pathway is not None:
        pathway.notes = ""
        for goal in pathway.goals:
            goal.description = ""
        for review in pathway.reviews:
            review.notes = ""
    case.contact_allowed = False
    case.identity_erased_on = on
