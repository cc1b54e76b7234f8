"""Changing who she is (erasable identity) and her anonymous statistical profile."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models.cases import Case, Identity
from app.services import audit
from app.services.cases.cleaning import clean_identity, clean_profile
from app.services.cases.permissions import changing_case
from app.services.cases.records import IdentityInput, ProfileInput
from app.services.cases.search import set_name_tokens
from app.services.workspace import Actor, Workspace


def update_identity(ws: Workspace, case_id: int, identity: IdentityInput) -> None:
    clean = clean_identity(identity)
    with changing_case(ws, case_id) as (session, actor, case):
        _set_identity(session, actor, case, clean)


def update_profile(ws: Workspace, case_id: int, profile: ProfileInput) -> None:
    values = clean_profile(profile)
    with changing_case(ws, case_id) as (session, actor, case):
        for name, value in values.items():
            setattr(case, name, value)
        audit.record(session, actor.operator_id, "profile.updated", "case", case.id)


def _set_identity(session: Session, actor: Actor, case: Case, clean: IdentityInput) -> None:
    if case.identity is None:
        case.identity = Identity(case_id=case.id, **vars(clean))
    else:
        for name, value in vars(clean).items():
            setattr(case.identity, name, value)
    set_name_tokens(session, case.id, clean)
    audit.record(session, actor.operator_id, "identity.updated", "case", case.id)
