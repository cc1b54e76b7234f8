"""Changing who she is (erasable identity) and her anonymous statistical profile."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.cases import Case, ConsentEvent, Identity
from app.services import audit
from app.services.cases.cleaning import clean_identity, clean_profile
from app.services.cases.permissions import changing_case
from app.services.cases.records import IdentityInput, ProfileInput
from app.services.cases.search import set_name_tokens
from app.services.errors import ValidationError
from app.services.workspace import Actor, Workspace


def update_identity(ws: Workspace, case_id: int, identity: IdentityInput) -> None:
    save_identity_and_profile(ws, case_id, identity, None)


def update_profile(ws: Workspace, case_id: int, profile: ProfileInput) -> None:
    save_identity_and_profile(ws, case_id, None, profile)


def save_identity_and_profile(
    ws: Workspace, case_id: int, identity: IdentityInput | None, profile: ProfileInput | None
) -> None:
    """The profile tab's Save: identity and profile in one unit of work, so a refusal keeps both as they
    were. None leaves that part alone (a case whose identity was erased gets none back from an empty form).
    """
    clean = clean_identity(identity) if identity is not None else None
    values = clean_profile(profile) if profile is not None else None
    with changing_case(ws, case_id) as (session, actor, case):
        if clean is not None:
            _set_identity(session, actor, case, clean)
        if values is not None:
            for name, value in values.items():
                setattr(case, name, value)
            audit.record(session, actor.operator_id, "profile.updated", "case", case.id)


def _set_identity(session: Session, actor: Actor, case: Case, clean: IdentityInput) -> None:
    if case.identity is None and case.identity_erased_on is not None:
        require_new_consent(session, case)
    if case.identity is None:
        case.identity = Identity(case_id=case.id, **vars(clean))
    else:
        for name, value in vars(clean).items():
            setattr(case.identity, name, value)
    set_name_tokens(session, case.id, clean)
    audit.record(session, actor.operator_id, "identity.updated", "case", case.id)


def require_new_consent(session: Session, case: Case) -> None:
    """Her identity was erased (on request, by retention, on withdrawal): who she is may be entered again
    only under a consent to processing given on or after the erasure, and still her latest choice."""
    assert case.identity_erased_on is not None
    latest = session.execute(
        select(ConsentEvent.granted, ConsentEvent.date)
        .where(ConsentEvent.case_id == case.id, ConsentEvent.scope == "TRATTAMENTO")
        .order_by(ConsentEvent.date.desc(), ConsentEvent.id.desc())
        .limit(1)
    ).first()
    if latest is None or not latest.granted or latest.date < case.identity_erased_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Her identity was erased on {date}. To enter who she is again, first record her new consent to "
                "processing (Consents).",
            ),
            date=case.identity_erased_on.strftime("%d/%m/%Y"),
            field="first_name",
        )
