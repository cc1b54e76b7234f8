"""The roster: the main office tells each desk PC who belongs to the centre, and who was removed."""

from __future__ import annotations

import binascii

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import bundles as crypto
from app.i18n import QT_TRANSLATE_NOOP
from app.models.base import utcnow
from app.models.centre import ACTIVE, DESK, MAIN, REMOVED, Installation
from app.services import settings
from app.services.centre.common import (
    ROSTER,
    Member,
    Payload,
    canonical,
    clean_name,
    public_part,
    require_own,
    unb64,
)
from app.services.errors import UserError
from app.services.workspace import Workspace


def _roster(session: Session) -> Payload:
    rows = session.scalars(
        select(Installation).where(Installation.state.in_((ACTIVE, REMOVED))).order_by(Installation.id)
    )
    return {
        "installations": [{**public_part(r), "role": r.role, "state": r.state} for r in rows if r.recipient]
    }


def rosters_due(session: Session) -> list[tuple[Installation, str, Payload]]:
    roster = _roster(session)
    digest = crypto.digest(canonical(roster))
    due: list[tuple[Installation, str, Payload]] = []
    desks = session.scalars(
        select(Installation).where(
            Installation.is_self.is_(False), Installation.role == DESK, Installation.state == ACTIVE
        )
    )
    for desk in desks:
        sent = settings.ROSTER_SENT.of(desk.install_id)
        if settings.find(session, sent) == digest:
            continue
        settings.put(session, sent, digest)
        due.append((desk, ROSTER, roster))
    return due


def accept_roster(ws: Workspace, session: Session, sender: Member, payload: Payload) -> str:
    """A desk PC learns the centre's installations from its main office (whose keys it checked by phone)."""
    me = require_own(session)
    if sender.role != MAIN or me.role != DESK:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Only the main office sends the list of the centre's installations.")
        )
    entries = payload.get("installations")
    if not isinstance(entries, list):
        raise UserError(NOT_A_ROSTER)
    changed = 0
    for entry in entries:
        try:
            install_id, name, recipient = (
                str(entry["install_id"]),
                str(entry["name"]),
                str(entry["recipient"]),
            )
            public, state = unb64(entry["signing_public"]), str(entry["state"])
            if state not in (ACTIVE, REMOVED) or not crypto.valid_recipient(recipient) or len(public) != 32:
                raise ValueError(state)
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise UserError(NOT_A_ROSTER) from None
        if install_id in (me.install_id, sender.install_id):
            continue
        row = session.scalar(select(Installation).where(Installation.install_id == install_id))
        if row is None:
            if state == REMOVED or session.scalar(select(Installation.id).where(Installation.name == name)):
                continue
            session.add(
                Installation(
                    install_id=install_id,
                    name=clean_name(name),
                    role=DESK,
                    state=ACTIVE,
                    recipient=recipient,
                    signing_public=public,
                    invite_token="",
                    accepted_at=utcnow(),
                )
            )
            changed += 1
        elif row.state != REMOVED and state == REMOVED:  # a removal is never undone by a roster
            row.state, row.removed_at = REMOVED, utcnow()
            changed += 1
    return str(changed)  # how many installations it added or removed


NOT_A_ROSTER = QT_TRANSLATE_NOOP(
    "Errors", "The list of installations in this bundle is damaged: refused, nothing was changed."
)
