"""What every part of a centre of several PCs shares: the formats and limits, the kinds of payload,
the refusals, this installation and its members, and the canonical encodings signed and digested."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import bundles as crypto
from app.i18n import QT_TRANSLATE_NOOP
from app.models.centre import ACTIVE, DESK, MAIN, Installation
from app.services import audit
from app.services.errors import UserError
from app.services.workspace import Workspace

MAX_BUNDLE_BYTES = 64 * 1024 * 1024  # a year of partials or a case with thousands of services fit easily
MAX_MEMBERSHIP_BYTES = 64 * 1024
BUNDLE_FORMAT = "ascolto-centre-bundle/1"
INVITE_FORMAT = "ascolto-centre-invite/1"
JOIN_FORMAT = "ascolto-centre-join/1"
SUFFIX = ".age"


ROSTER = "roster"
PARTIALS = "partials"  # a desk PC's partial aggregates of an ended period (app.services.partials)


# --- kinds ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Member:
    """Another installation of the centre, as the kinds see it."""

    id: int
    install_id: str
    name: str
    role: str


Payload = dict[str, Any]
BuildDue = Callable[[Workspace, Session], list[Payload]]
Accept = Callable[[Workspace, Session, Member, Payload], str]


@dataclass(frozen=True)
class Kind:
    name: str
    accept: Accept
    build_due: BuildDue | None


_KINDS: dict[str, Kind] = {}


def register_kind(kind: str, *, accept: Accept, build_due: BuildDue | None = None) -> None:
    """Make `kind` known: `accept` applies a received payload, `build_due` lists what is due to send."""
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,29}", kind):
        raise ValueError(f"a kind is a short lower-case identifier: {kind!r}")
    _KINDS[kind] = Kind(kind, accept, build_due)


def kinds() -> dict[str, Kind]:
    """The registered kinds, the built-in ones included (registered at first use: no import cycle)."""
    if "case_transfer" not in _KINDS:
        from app.services.cases import transfer
        from app.services.centre.roster import accept_roster

        register_kind(transfer.KIND, accept=transfer.accept_case)
        register_kind(ROSTER, accept=accept_roster)
        register_kind(PARTIALS, accept=_accept_partials, build_due=_due_partials)
    return _KINDS


# --- refusals ------------------------------------------------------------------------------------------
class BundleRefused(UserError):
    """A bundle refused: one sentence; nothing was changed; the refusal is in the audit trail."""

    reason = "refused"


def refused(file: Path, why: str, message: str, **params: Any) -> BundleRefused:
    """The refusal of `file`; the caller's `receive_one` audits it once everything is rolled back."""
    error = BundleRefused(message, **params)
    error.reason = why
    return error


def audit_refusal(ws: Workspace, path: Path, reason: str) -> None:
    """The refusal on record, in a transaction of its own once everything else was rolled back."""
    if ws.actor is not None:
        with ws.transaction() as session:
            audit.record(
                session,
                ws.actor.operator_id,
                "centre.bundle.refused",
                "bundle",
                None,
                {"reason": reason, "file": path.name[:200]},
            )


# --- this installation and its members -------------------------------------------------------------------
def own(session: Session) -> Installation | None:
    return session.scalar(select(Installation).where(Installation.is_self.is_(True)))


def fingerprint_of(member: Installation) -> str:
    return crypto.fingerprint(member.signing_public, member.recipient)


def as_member(row: Installation) -> Member:
    return Member(row.id, row.install_id, row.name, row.role)


def clean_name(name: str) -> str:
    clean = " ".join(str(name).split())
    if not clean or len(clean) > 200:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Give the desk's name (at most 200 characters)."))
    return clean


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def public_part(me: Installation) -> dict[str, str]:
    return {
        "install_id": me.install_id,
        "name": me.name,
        "recipient": me.recipient,
        "signing_public": b64(me.signing_public),
    }


def main_of(session: Session) -> Installation | None:
    return session.scalar(
        select(Installation).where(
            Installation.role == MAIN, Installation.is_self.is_(False), Installation.state == ACTIVE
        )
    )


def active_member(session: Session, name: str) -> Installation:
    """Another installation of the centre, by name, that may receive bundles."""
    member = session.scalar(
        select(Installation).where(
            Installation.name == " ".join(name.split()),
            Installation.is_self.is_(False),
            Installation.state == ACTIVE,
        )
    )
    if member is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "No installation {name} in this centre."), name=" ".join(name.split())
        )
    return member


def require_own(session: Session) -> Installation:
    me = own(session)
    if me is None:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This PC belongs to no centre of several PCs: invite or join first.")
        )
    return me


def _due_partials(ws: Workspace, session: Session) -> list[Payload]:
    """A desk PC's partial aggregates the main office has not had yet (recorded as sent in this unit of work)."""
    from app.services import partials

    return partials.build_due(ws, session)


def _accept_partials(ws: Workspace, session: Session, sender: Member, payload: Payload) -> str:
    """The main office keeps a desk PC's partial aggregates until the period is final (never shown)."""
    from app.services import partials

    if sender.role != DESK or require_own(session).role != MAIN:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Only a desk PC sends partial aggregates, only to the main office.")
        )
    partials.accept_partials(ws, session, sender.install_id, payload)
    return str(payload.get("period", ""))  # the period it completes
