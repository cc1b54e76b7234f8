"""Her consents: recording a change and making it take effect (erasure, contact, statistics, sharing)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.cases import ConsentEvent
from app.services import audit, erasure_ledger
from app.services import validation as v
from app.services.cases.erasure import erase_case_identity
from app.services.cases.permissions import load_case, require_writable
from app.services.cases.records import CURRENT_NOTICE_VERSION
from app.services.workspace import Workspace


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
        case = load_case(session, actor, case_id, "change")
        if scope != "TRATTAMENTO" or not granted:
            require_writable(case)
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
                erase_case_identity(session, case, when)
        elif scope == "CONTATTO_SICURO":
            case.contact_allowed = latest_choice(session, case.id, scope)
        elif scope == "STATISTICHE":
            case.statistics_allowed = latest_choice(session, case.id, scope)
        if not granted:  # a restore must not bring back what she withdrew
            erasure_ledger.note_case(ws, session, erasure_ledger.WITHDRAWAL, case, when, scope, partner)
        audit.record(
            session,
            actor.operator_id,
            "consent.granted" if granted else "consent.withdrawn",
            "case",
            case.id,
            {"scope": scope},
        )
    if scope == "TRATTAMENTO" and not granted:
        ws.compact()  # her identity was erased: leave none of it in the file


def latest_choice(session: Session, case_id: int, scope: str) -> bool:
    """Her choice is the event with the latest date (then the last recorded), as the history lists them:
    a withdrawal recorded late with an earlier date must not overrule a consent given after it."""
    session.flush()
    latest = session.scalar(
        select(ConsentEvent.granted)
        .where(ConsentEvent.case_id == case_id, ConsentEvent.scope == scope)
        .order_by(ConsentEvent.date.desc(), ConsentEvent.id.desc())
        .limit(1)
    )
    return bool(latest)


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
