"""Membership: the main office invites a desk PC, the desk PC joins, the main office accepts; an
administrator removes an installation. Each file is signed, each fingerprint checked by phone."""

from __future__ import annotations

import binascii
import json
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import bundles as crypto
from app.fs import NotARegularFile, atomic_write_bytes, read_regular
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, HelpDesk, Role
from app.models.base import utcnow
from app.models.centre import ACTIVE, DESK, INVITED, MAIN, REMOVED, Installation
from app.services import audit
from app.services.centre.common import (
    INVITE_FORMAT,
    JOIN_FORMAT,
    MAX_MEMBERSHIP_BYTES,
    Member,
    as_member,
    b64,
    canonical,
    clean_name,
    fingerprint_of,
    main_of,
    own,
    public_part,
    unb64,
)
from app.services.errors import UserError
from app.services.workspace import Workspace


def _create_self(session: Session, name: str, role: str) -> Installation:
    identity = crypto.generate_identity()
    signing_key = crypto.generate_signing_key()
    me = Installation(
        install_id=secrets.token_hex(16),
        name=name,
        role=role,
        is_self=True,
        state=ACTIVE,
        recipient=crypto.recipient_of(identity),
        signing_public=crypto.signing_public(signing_key),
        age_identity=identity,
        signing_key=signing_key,
        invite_token="",
        accepted_at=utcnow(),
    )
    session.add(me)
    session.flush()
    return me


def _same_fingerprint(typed: str, actual: str) -> bool:
    def norm(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch in "0123456789abcdef")

    return len(norm(typed)) == 32 and secrets.compare_digest(norm(typed), norm(actual))


def _statement(document: dict[str, Any]) -> bytes:
    """What a membership file's signature covers: every member but the signature."""
    return canonical({k: v for k, v in document.items() if k != "signature"})


def _membership_refused(ws: Workspace, action: str, message: str, **params: Any) -> UserError:
    if ws.actor is not None:
        with ws.transaction() as session:
            audit.record(session, ws.actor.operator_id, action, "installation", None, {"refused": True})
    return UserError(message, **params)


def _write_signed(path: Path, me: Installation, document: dict[str, Any]) -> None:
    assert me.signing_key is not None
    document["signature"] = b64(crypto.sign_membership(me.signing_key, _statement(document)))
    try:
        atomic_write_bytes(path, json.dumps(document, indent=1, sort_keys=True).encode("utf-8") + b"\n")
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}. Nothing was changed."),
            path=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from exc


NOT_A_MEMBERSHIP_FILE = QT_TRANSLATE_NOOP(
    "Errors", "{path} is not a centre invitation or answer made by Ascolto, or it was altered."
)


@dataclass(frozen=True)
class _Signed:
    document: dict[str, Any]
    install_id: str
    name: str
    recipient: str
    signing_public: bytes

    @property
    def fingerprint(self) -> str:
        return crypto.fingerprint(self.signing_public, self.recipient)


def _read_signed(path: Path, fmt: str, party: str) -> _Signed:
    """A membership file, checked for form and for its signature by the keys it carries."""
    try:
        raw = read_regular(path, MAX_MEMBERSHIP_BYTES + 1)
    except (OSError, NotARegularFile) as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    try:
        if len(raw) > MAX_MEMBERSHIP_BYTES:
            raise ValueError("too large")
        document = json.loads(raw)
        if not isinstance(document, dict) or document.get("format") != fmt:
            raise ValueError("format")
        keys = document[party]
        signed = _Signed(
            document,
            str(keys["install_id"]),
            str(keys["name"]),
            str(keys["recipient"]),
            unb64(keys["signing_public"]),
        )
        if not re.fullmatch(r"[0-9a-f]{32}", signed.install_id) or not crypto.valid_recipient(
            signed.recipient
        ):
            raise ValueError("keys")
        if not crypto.verify_membership(
            signed.signing_public, _statement(document), unb64(document.get("signature"))
        ):
            raise ValueError("signature")
    except (ValueError, KeyError, TypeError, binascii.Error, RecursionError):
        raise UserError(NOT_A_MEMBERSHIP_FILE, path=str(path)) from None
    return signed


@dataclass(frozen=True)
class Invitation:
    path: Path
    desk: str
    fingerprint: str  # the main office's: read it to the desk by phone


def invite(ws: Workspace, desk: str, out: Path) -> Invitation:
    """Main office: invite the PC of `desk` into the centre (the file carries only public keys)."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    name = clean_name(desk)
    with ws.transaction() as session:
        me = own(session)
        if me is None:
            me = _create_self(session, clean_name(session.get_one(Centre, 1).name), MAIN)
        if me.role != MAIN:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "This PC is a desk of a centre: only the main office's PC invites others."
                )
            )
        if name == me.name:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "The main office cannot invite itself."))
        member = session.scalar(select(Installation).where(Installation.name == name))
        if member is not None and member.state != INVITED:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{name} is already an installation of the centre (it can be removed first)."
                ),
                name=name,
            )
        token = secrets.token_hex(16)
        if member is None:
            member = Installation(
                install_id=token,  # a placeholder until it answers with its own
                name=name,
                role=DESK,
                state=INVITED,
                recipient="",
                signing_public=b"",
            )
            session.add(member)
        member.invite_token = token
        session.flush()
        document = {
            "format": INVITE_FORMAT,
            "centre": session.get_one(Centre, 1).name,
            "desk": name,
            "token": token,
            "main": public_part(me),
        }
        _write_signed(out, me, document)
        audit.record(session, actor.operator_id, "centre.invited", "installation", member.id, {"desk": name})
        return Invitation(out, name, fingerprint_of(me))


@dataclass(frozen=True)
class Joined:
    path: Path
    main: str
    main_fingerprint: str
    own_fingerprint: str  # the desk's: read it to the main office by phone


def join(ws: Workspace, invitation: Path, out: Path, main_fingerprint: str) -> Joined:
    """Desk PC: join the centre that invited it, once the main office's fingerprint matches."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    signed = _read_signed(invitation, INVITE_FORMAT, "main")
    desk = clean_name(str(signed.document.get("desk", "")))
    token = str(signed.document.get("token", ""))
    if not _same_fingerprint(main_fingerprint, signed.fingerprint):
        raise _membership_refused(
            ws,
            "centre.join",
            QT_TRANSLATE_NOOP(
                "Errors",
                "The fingerprint typed does not match the main office's key in {path}: nothing was accepted. "
                "Read it again with the main office, by phone on a number you already know.",
            ),
            path=str(invitation),
        )
    with ws.transaction() as session:
        me = own(session)
        if me is not None and (me.role != DESK or main_of(session) is not None):
            raise UserError(QT_TRANSLATE_NOOP("Errors", "This PC already belongs to a centre."))
        if session.scalar(select(Installation).where(Installation.install_id == signed.install_id)):
            raise UserError(QT_TRANSLATE_NOOP("Errors", "This PC already belongs to a centre."))
        if me is None:
            me = _create_self(session, desk, DESK)
        main = Installation(
            install_id=signed.install_id,
            name=clean_name(signed.name),
            role=MAIN,
            state=ACTIVE,
            recipient=signed.recipient,
            signing_public=signed.signing_public,
            invite_token="",
            accepted_at=utcnow(),
        )
        session.add(main)
        session.flush()
        document = {
            "format": JOIN_FORMAT,
            "token": token,
            "desk": me.name,
            "main_install_id": main.install_id,
            "installation": public_part(me),
        }
        _write_signed(out, me, document)
        audit.record(
            session, actor.operator_id, "centre.joined", "installation", main.id, {"main": main.name}
        )
        return Joined(out, main.name, fingerprint_of(main), fingerprint_of(me))


def accept(ws: Workspace, answer: Path, desk_fingerprint: str) -> Member:
    """Main office: accept a desk's answer, only when the fingerprint typed is the one in the file."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    signed = _read_signed(answer, JOIN_FORMAT, "installation")
    if not _same_fingerprint(desk_fingerprint, signed.fingerprint):
        raise _membership_refused(
            ws,
            "centre.accept",
            QT_TRANSLATE_NOOP(
                "Errors",
                "The fingerprint typed does not match the desk's keys in {path}: nothing was accepted. "
                "Read it again with the desk, by phone on a number you already know.",
            ),
            path=str(answer),
        )
    with ws.transaction() as session:
        me = own(session)
        token = str(signed.document.get("token", ""))
        member = session.scalar(
            select(Installation).where(Installation.state == INVITED, Installation.invite_token == token)
        )
        if (
            me is None
            or member is None
            or not token
            or signed.document.get("main_install_id") != me.install_id
            or signed.document.get("desk") != member.name
        ):
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{path} answers no invitation still open on this PC: nothing was accepted."
                ),
                path=str(answer),
            )
        if session.scalar(select(Installation).where(Installation.install_id == signed.install_id)):
            raise UserError(QT_TRANSLATE_NOOP("Errors", "This installation is already in the centre."))
        member.install_id = signed.install_id
        member.recipient = signed.recipient
        member.signing_public = signed.signing_public
        member.state = ACTIVE
        member.invite_token = ""
        member.accepted_at = utcnow()
        if session.scalar(select(HelpDesk.id).where(HelpDesk.name == member.name)) is None:
            # the desk the PC serves is the centre's too: its figures arrive under its name (partials)
            session.add(HelpDesk(name=member.name))
        audit.record(
            session,
            actor.operator_id,
            "centre.accepted",
            "installation",
            member.id,
            {"desk": member.name, "fingerprint": signed.fingerprint},
        )
        return as_member(member)


@dataclass(frozen=True)
class MemberView:
    name: str
    role: str
    state: str
    is_self: bool
    fingerprint: str
    last_in: int
    last_out: int


def members(ws: Workspace) -> list[MemberView]:
    ws.require_actor(Role.AMMINISTRATRICE)
    with ws.transaction(write=False) as session:
        rows = session.scalars(select(Installation).order_by(Installation.is_self.desc(), Installation.name))
        return [
            MemberView(
                r.name,
                r.role,
                r.state,
                r.is_self,
                fingerprint_of(r) if r.recipient else "",
                r.last_seq_in,
                r.last_seq_out,
            )
            for r in rows
        ]


def remove(ws: Workspace, name: str) -> None:
    """Remove an installation (a stolen laptop): whatever it sends afterwards is refused."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    with ws.transaction() as session:
        member = session.scalar(
            select(Installation).where(Installation.name == clean_name(name), Installation.is_self.is_(False))
        )
        if member is None or member.state == REMOVED:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "No installation {name} in this centre."), name=clean_name(name)
            )
        member.state = REMOVED
        member.invite_token = ""
        member.removed_at = utcnow()
        audit.record(session, actor.operator_id, "centre.removed", "installation", member.id, {"name": name})
