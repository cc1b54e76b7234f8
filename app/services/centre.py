"""A centre of several installations: membership, and the bundles that travel between them.

Membership. The main office invites a desk PC (`invite`): a file with its public keys. The desk PC
answers (`join`) with its own, once the main office's fingerprint, read out by phone, matches what it
typed; the main office accepts the answer (`accept`) once the desk's fingerprint matches in turn.
Nothing is trusted on the strength of a file alone. An administrator removes an installation (a stolen
laptop): from then on whatever it sends is refused. Administrators only; every step is audited.

Bundles. A bundle is a standard age file encrypted to the recipient installation's X25519 key. Inside:
one line of JSON, the signed envelope (sender, recipient, sequence number, kind, created-at, SHA-256 of
the payload) with its Ed25519 signature, then the payload itself (JSON). Its holder opens it with
`age -d -i identity` and reads both. Numbers are per sender and recipient and must come in order: a
number already accepted (a replay, an old bundle) or one that skips a missing bundle is refused, so no
bundle is lost by arriving early. Refused too: a bundle for another installation, from an unknown or
removed one, with a bad signature or payload digest, truncated, or larger than MAX_BUNDLE_BYTES (checked
on the file before anything is read; age never compresses, so the plaintext is smaller still). Each
refusal is one sentence, changes nothing, and is audited; so is each acceptance, and each bundle made.

Crash safety. A bundle is numbered, recorded and kept (encrypted, in `centre_bundle`) in the same
transaction as what its kind records as sent; its file is written afterwards and written again by the
next `send` if the process died in between (same name, same bytes). Receiving commits the payload's
effect, the accepted number and the record in one transaction.

Kinds. A payload has a kind; each kind is two functions registered once:

    register_kind(kind, accept=accept, build_due=build_due)

- `build_due(ws, session) -> list[dict]`: on a desk PC, the payloads due for the main office now
  (e.g. the partial aggregates of the periods ended since the last send). Called inside `send`'s
  transaction: whatever it records as sent commits with the bundles' numbers, or not at all.
  Optional: a kind whose bundles are made elsewhere (a case transfer) leaves it out.
- `accept(ws, session, sender: Member, payload: dict) -> str`: on the receiving installation, apply
  the payload inside the receiving transaction (raise UserError to refuse it: nothing is then
  changed); returns a short line saying what was received (for the command line and the audit).

Payloads are JSON objects (dicts of str, int, bool, None, lists and dicts); no floats, so the digest
of a payload is exact. Built in: "case_transfer" (app.services.cases.transfer) and "roster" (the main
office's list of the centre's installations, sent by its `send` to every desk whose copy is out of date:
desks then know each other's keys, through the main office they checked by phone, and can move cases
between them; a PC the main office removed is removed on every desk).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.crypto import bundles as crypto
from app.fs import NotARegularFile, atomic_write_bytes, fsync_directory, read_regular
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, HelpDesk, Role
from app.models.base import utcnow
from app.models.centre import ACTIVE, DESK, INVITED, MAIN, REMOVED, BundleRecord, CaseTombstone, Installation
from app.services import audit, settings
from app.services.errors import UserError
from app.services.workspace import Workspace

MAX_BUNDLE_BYTES = 64 * 1024 * 1024  # a year of partials or a case with thousands of services fit easily
MAX_MEMBERSHIP_BYTES = 64 * 1024
BUNDLE_FORMAT = "ascolto-centre-bundle/1"
INVITE_FORMAT = "ascolto-centre-invite/1"
JOIN_FORMAT = "ascolto-centre-join/1"
SUFFIX = ".age"


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

        register_kind(transfer.KIND, accept=transfer.accept_case)
        register_kind(ROSTER, accept=accept_roster)
        register_kind(PARTIALS, accept=_accept_partials, build_due=_due_partials)
    return _KINDS


# --- refusals ------------------------------------------------------------------------------------------
class BundleRefused(UserError):
    """A bundle refused: one sentence; nothing was changed; the refusal is in the audit trail."""

    reason = "refused"


def _refused(file: Path, why: str, message: str, **params: Any) -> BundleRefused:
    """The refusal of `file`; the caller's `receive_one` audits it once everything is rolled back."""
    error = BundleRefused(message, **params)
    error.reason = why
    return error


def _audit_refusal(ws: Workspace, path: Path, reason: str) -> None:
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


def _membership_refused(ws: Workspace, action: str, message: str, **params: Any) -> UserError:
    if ws.actor is not None:
        with ws.transaction() as session:
            audit.record(session, ws.actor.operator_id, action, "installation", None, {"refused": True})
    return UserError(message, **params)


# --- this installation and its members -------------------------------------------------------------------
def own(session: Session) -> Installation | None:
    return session.scalar(select(Installation).where(Installation.is_self.is_(True)))


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


def fingerprint_of(member: Installation) -> str:
    return crypto.fingerprint(member.signing_public, member.recipient)


def _same_fingerprint(typed: str, actual: str) -> bool:
    def norm(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch in "0123456789abcdef")

    return len(norm(typed)) == 32 and secrets.compare_digest(norm(typed), norm(actual))


def _member(row: Installation) -> Member:
    return Member(row.id, row.install_id, row.name, row.role)


def _clean_name(name: str) -> str:
    clean = " ".join(str(name).split())
    if not clean or len(clean) > 200:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "Give the desk's name (at most 200 characters)."))
    return clean


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _statement(document: dict[str, Any]) -> bytes:
    """What a membership file's signature covers: every member but the signature."""
    return _canonical({k: v for k, v in document.items() if k != "signature"})


def _public_part(me: Installation) -> dict[str, str]:
    return {
        "install_id": me.install_id,
        "name": me.name,
        "recipient": me.recipient,
        "signing_public": _b64(me.signing_public),
    }


def _write_signed(path: Path, me: Installation, document: dict[str, Any]) -> None:
    assert me.signing_key is not None
    document["signature"] = _b64(crypto.sign_membership(me.signing_key, _statement(document)))
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
            _unb64(keys["signing_public"]),
        )
        if not re.fullmatch(r"[0-9a-f]{32}", signed.install_id) or not crypto.valid_recipient(
            signed.recipient
        ):
            raise ValueError("keys")
        if not crypto.verify_membership(
            signed.signing_public, _statement(document), _unb64(document.get("signature"))
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
    name = _clean_name(desk)
    with ws.transaction() as session:
        me = own(session)
        if me is None:
            me = _create_self(session, _clean_name(session.get_one(Centre, 1).name), MAIN)
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
            "main": _public_part(me),
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
    desk = _clean_name(str(signed.document.get("desk", "")))
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
        if me is not None and (me.role != DESK or _main(session) is not None):
            raise UserError(QT_TRANSLATE_NOOP("Errors", "This PC already belongs to a centre."))
        if session.scalar(select(Installation).where(Installation.install_id == signed.install_id)):
            raise UserError(QT_TRANSLATE_NOOP("Errors", "This PC already belongs to a centre."))
        if me is None:
            me = _create_self(session, desk, DESK)
        main = Installation(
            install_id=signed.install_id,
            name=_clean_name(signed.name),
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
            "installation": _public_part(me),
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
        return _member(member)


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
            select(Installation).where(
                Installation.name == _clean_name(name), Installation.is_self.is_(False)
            )
        )
        if member is None or member.state == REMOVED:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "No installation {name} in this centre."), name=_clean_name(name)
            )
        member.state = REMOVED
        member.invite_token = ""
        member.removed_at = utcnow()
        audit.record(session, actor.operator_id, "centre.removed", "installation", member.id, {"name": name})


def _main(session: Session) -> Installation | None:
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


# --- making bundles --------------------------------------------------------------------------------------
def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")[:40] or "installation"


@dataclass(frozen=True)
class MadeBundle:
    record: BundleRecord
    content: bytes


def make_bundle(session: Session, to: Installation, kind: str, payload: Payload) -> MadeBundle:
    """Number, sign, encrypt and record one bundle inside the caller's transaction (nothing written)."""
    me = require_own(session)
    assert me.signing_key is not None
    seq = to.last_seq_out + 1
    body = _canonical(payload)
    envelope = {
        "sender": me.install_id,
        "recipient": to.install_id,
        "seq": seq,
        "kind": kind,
        "created_at": datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "payload_sha256": crypto.digest(body),
    }
    signature = crypto.sign_envelope(me.signing_key, _canonical(envelope))
    header = {"format": BUNDLE_FORMAT, "envelope": envelope, "signature": _b64(signature)}
    content = crypto.encrypt(_canonical(header) + b"\n" + body, to.recipient)
    if len(content) > MAX_BUNDLE_BYTES:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "This bundle would be larger than the limit of {mib} MiB."),
            mib=MAX_BUNDLE_BYTES // (1024 * 1024),
        )
    to.last_seq_out = seq
    record = BundleRecord(
        direction="out",
        peer_id=to.id,
        seq=seq,
        kind=kind,
        digest=crypto.digest(content),
        file_name=f"{_slug(me.name)}-to-{_slug(to.name)}-{seq:06d}{SUFFIX}",
        content=content,
    )
    session.add(record)
    session.flush()
    return MadeBundle(record, content)


def write_pending(ws: Workspace, folder: Path) -> list[Path]:
    """Write every bundle made and not yet written (including those a killed process left)."""
    written: list[Path] = []
    with ws.transaction(write=False) as session:
        pending = session.execute(
            select(BundleRecord.id, BundleRecord.file_name, BundleRecord.content)
            .where(BundleRecord.direction == "out", BundleRecord.written_at.is_(None))
            .order_by(BundleRecord.id)
        ).all()
    for record_id, name, content in pending:
        if content is None:
            continue
        path = folder / name
        _write_file(path, content)
        with ws.transaction() as session:
            row = session.get_one(BundleRecord, record_id)
            row.written_at = utcnow()
        written.append(path)
    return written


def _write_file(path: Path, content: bytes) -> None:
    try:
        atomic_write_bytes(path, content)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Cannot write {path}: {reason}. The bundle is kept and written again by the next send.",
            ),
            path=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from exc


def place_file(tmp: Path, path: Path) -> None:
    """Second half of a two-step write (`stage_file`): the staged file takes its final name."""
    os.replace(tmp, path)
    fsync_directory(path.parent)


def stage_file(path: Path, content: bytes) -> Path:
    """First half of a two-step write: the whole file, flushed, under a hidden name beside `path`."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with open(tmp, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}. Nothing was changed."),
            path=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    return tmp


def send(ws: Workspace, folder: Path) -> list[Path]:
    """Make the bundles due, then write them (and any left unwritten by an earlier run).

    On a desk PC: what the registered kinds owe the main office. On the main office's PC: the list of
    the centre's installations, to every desk whose copy is out of date (so that desks can move cases
    to each other, and refuse a PC the main office removed).
    """
    actor = ws.require_actor(Role.COORDINATRICE)
    if not folder.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("Errors", "{path} is not a folder."), path=str(folder))
    with ws.transaction() as session:
        me = require_own(session)
        due: list[tuple[Installation, str, Payload]] = []
        main = _main(session)
        if main is not None:
            for kind in kinds().values():
                if kind.build_due is not None:
                    due += [(main, kind.name, payload) for payload in kind.build_due(ws, session)]
        if me.role == MAIN:
            due += _rosters_due(session)
        for to, kind_name, payload in due:
            made = make_bundle(session, to, kind_name, payload)
            audit.record(
                session,
                actor.operator_id,
                "centre.bundle.sent",
                "installation",
                to.id,
                {"kind": kind_name, "seq": made.record.seq},
            )
    return write_pending(ws, folder)


# --- the roster: the main office tells each desk who belongs ---------------------------------------------
ROSTER = "roster"
PARTIALS = "partials"  # a desk PC's partial aggregates of an ended period (app.services.partials)


def _roster(session: Session) -> Payload:
    rows = session.scalars(
        select(Installation).where(Installation.state.in_((ACTIVE, REMOVED))).order_by(Installation.id)
    )
    return {
        "installations": [{**_public_part(r), "role": r.role, "state": r.state} for r in rows if r.recipient]
    }


def _rosters_due(session: Session) -> list[tuple[Installation, str, Payload]]:
    roster = _roster(session)
    digest = crypto.digest(_canonical(roster))
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
            public, state = _unb64(entry["signing_public"]), str(entry["state"])
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
                    name=_clean_name(name),
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


# --- receiving -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Opened:
    path: Path
    sender: Member
    seq: int
    kind: str
    digest: str
    payload: Payload


@dataclass(frozen=True)
class Received:
    path: Path
    sender: str
    seq: int
    kind: str
    summary: str


def _open(session: Session, path: Path) -> Opened:
    """Every check a bundle passes before its payload may change anything; raises BundleRefused."""
    try:
        size = os.lstat(path).st_size
    except OSError as exc:
        raise _refused(
            path,
            "unreadable",
            QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    if size > MAX_BUNDLE_BYTES:
        raise _refused(
            path,
            "oversized",
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is larger than a bundle may be ({mib} MiB): refused, nothing was changed."
            ),
            path=str(path),
            mib=MAX_BUNDLE_BYTES // (1024 * 1024),
        )
    try:
        raw = read_regular(path, MAX_BUNDLE_BYTES + 1)
    except (OSError, NotARegularFile) as exc:
        raise _refused(
            path,
            "unreadable",
            QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    if len(raw) > MAX_BUNDLE_BYTES:  # it grew since it was measured
        raise _refused(
            path,
            "oversized",
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is larger than a bundle may be ({mib} MiB): refused, nothing was changed."
            ),
            path=str(path),
            mib=MAX_BUNDLE_BYTES // (1024 * 1024),
        )
    me = own(session)
    if me is None or me.age_identity is None:
        raise _refused(
            path,
            "no_centre",
            QT_TRANSLATE_NOOP("Errors", "This PC belongs to no centre of several PCs: {path} was not read."),
            path=str(path),
        )
    damaged = QT_TRANSLATE_NOOP(
        "Errors", "{path} is damaged, truncated or not a bundle of the centre: refused, nothing was changed."
    )
    try:
        plain = crypto.decrypt(raw, me.age_identity)
    except crypto.NotForThisKey:
        raise _refused(
            path,
            "wrong_recipient",
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} was encrypted for another installation, not this one: refused, nothing was changed.",
            ),
            path=str(path),
        ) from None
    except crypto.Damaged:
        raise _refused(path, "damaged", damaged, path=str(path)) from None
    head, newline, body = plain.partition(b"\n")
    try:
        header = json.loads(head)
        envelope = header["envelope"]
        if header.get("format") != BUNDLE_FORMAT or not newline or not isinstance(envelope, dict):
            raise ValueError("format")
        signature = _unb64(header["signature"])
        sender_id, recipient_id = envelope["sender"], envelope["recipient"]
        seq, kind = envelope["seq"], envelope["kind"]
        if not (isinstance(seq, int) and seq > 0 and isinstance(kind, str) and isinstance(sender_id, str)):
            raise ValueError("envelope")
    except (ValueError, KeyError, TypeError, binascii.Error, RecursionError):
        raise _refused(path, "damaged", damaged, path=str(path)) from None
    if recipient_id != me.install_id:
        raise _refused(
            path,
            "wrong_recipient",
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is addressed to another installation: refused, nothing was changed."
            ),
            path=str(path),
        )
    sender = session.scalar(
        select(Installation).where(Installation.install_id == sender_id, Installation.is_self.is_(False))
    )
    if sender is None or sender.state == INVITED:
        raise _refused(
            path,
            "unknown_sender",
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} comes from an installation that is not a member of this centre: refused, nothing was "
                "changed.",
            ),
            path=str(path),
        )
    if sender.state == REMOVED:
        raise _refused(
            path,
            "removed_sender",
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} comes from {name}, which was removed from the centre: refused, nothing was changed.",
            ),
            path=str(path),
            name=sender.name,
        )
    if not crypto.verify_envelope(sender.signing_public, _canonical(envelope), signature):
        raise _refused(
            path,
            "bad_signature",
            QT_TRANSLATE_NOOP(
                "Errors",
                "The signature of {path} is not {name}'s: refused, nothing was changed.",
            ),
            path=str(path),
            name=sender.name,
        )
    if envelope.get("payload_sha256") != crypto.digest(body):
        raise _refused(
            path,
            "altered",
            QT_TRANSLATE_NOOP(
                "Errors",
                "The content of {path} does not match its signed envelope: refused, nothing was changed.",
            ),
            path=str(path),
        )
    _check_order(path, sender, seq)
    if kind not in kinds():
        raise _refused(
            path,
            "unknown_kind",
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} holds a kind of content this version does not know: refused, nothing was changed.",
            ),
            path=str(path),
        )
    try:
        payload = json.loads(body)
        if not isinstance(payload, dict):
            raise ValueError("payload")
    except (ValueError, RecursionError):
        raise _refused(path, "damaged", damaged, path=str(path)) from None
    return Opened(path, _member(sender), seq, kind, crypto.digest(raw), payload)


def _check_order(path: Path, sender: Installation, seq: int) -> None:
    if seq <= sender.last_seq_in:
        raise _refused(
            path,
            "replay",
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is bundle number {seq} from {name}, already received (the last one accepted is number "
                "{last}): refused, nothing was changed.",
            ),
            path=str(path),
            seq=seq,
            name=sender.name,
            last=sender.last_seq_in,
        )
    if seq > sender.last_seq_in + 1:
        raise _refused(
            path,
            "gap",
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is bundle number {seq} from {name}, but number {missing} has not been received yet: "
                "receive the missing ones first (nothing was changed).",
            ),
            path=str(path),
            seq=seq,
            name=sender.name,
            missing=sender.last_seq_in + 1,
        )


def receive_one(ws: Workspace, path: Path) -> Received:
    """Check one bundle, then apply it, its number and its record in one transaction."""
    actor = ws.require_actor(Role.COORDINATRICE)
    try:
        with ws.transaction(write=False) as session:
            opened = _open(session, path)
        with ws.transaction() as session:
            sender = session.get_one(Installation, opened.sender.id)
            if sender.state != ACTIVE:
                raise _refused(
                    path,
                    "removed_sender",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{path} comes from {name}, which was removed from the centre: refused, nothing was changed.",
                    ),
                    path=str(path),
                    name=sender.name,
                )
            _check_order(path, sender, opened.seq)  # again, under the write lock
            summary = kinds()[opened.kind].accept(ws, session, opened.sender, opened.payload)
            sender.last_seq_in = opened.seq
            session.add(
                BundleRecord(
                    direction="in",
                    peer_id=sender.id,
                    seq=opened.seq,
                    kind=opened.kind,
                    digest=opened.digest,
                    file_name=path.name[:200],
                    written_at=utcnow(),
                )
            )
            audit.record(
                session,
                actor.operator_id,
                "centre.bundle.accepted",
                "installation",
                sender.id,
                {"kind": opened.kind, "seq": opened.seq, "from": sender.name},
            )
    except UserError as exc:
        _audit_refusal(ws, path, exc.reason if isinstance(exc, BundleRefused) else "refused_by_content")
        raise
    return Received(path, opened.sender.name, opened.seq, opened.kind, summary)


def receive_order(ws: Workspace, paths: Iterable[Path]) -> list[Path]:
    """The files in the order to receive them: by sender and number where they can be opened (a bundle
    that cannot is left where it was, and refused with its reason when its turn comes)."""
    listed = list(paths)
    keys: dict[Path, tuple[str, int]] = {}
    with ws.transaction(write=False) as session:
        me = own(session)
        identity = me.age_identity if me is not None else None
    for index, path in enumerate(listed):
        keys[path] = ("", index)
        if identity is None:
            continue
        try:
            if os.lstat(path).st_size > MAX_BUNDLE_BYTES:
                continue
            plain = crypto.decrypt(read_regular(path, MAX_BUNDLE_BYTES + 1), identity)
            envelope = json.loads(plain.partition(b"\n")[0])["envelope"]
            keys[path] = (str(envelope["sender"]), int(envelope["seq"]))
        except (
            OSError,
            NotARegularFile,
            crypto.NotForThisKey,
            crypto.Damaged,
            ValueError,
            KeyError,
            TypeError,
        ):
            continue
    return sorted(listed, key=lambda p: keys[p])


def receive(ws: Workspace, paths: Sequence[Path]) -> list[Received | UserError]:
    """Each file received or refused on its own, in sender and number order."""
    ws.require_actor(Role.COORDINATRICE)
    results: list[Received | UserError] = []
    for path in receive_order(ws, paths):
        try:
            results.append(receive_one(ws, path))
        except UserError as exc:
            results.append(exc)
    return results


# --- across a restore ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CentreState:
    """The centre's rows of a database about to be replaced by a restore: facts about the world outside
    (keys, who belongs, bundle numbers, cases that left) that an older backup must not roll back. Put
    back, the desk's next bundle takes the next number instead of one the main office already has, and a
    case that left stays a tombstone."""

    installations: tuple[dict[str, Any], ...] = ()
    bundles: tuple[dict[str, Any], ...] = ()
    tombstones: tuple[dict[str, Any], ...] = ()


def _rows(
    session: Session, model: type[Installation | BundleRecord | CaseTombstone]
) -> tuple[dict[str, Any], ...]:
    columns = [c.key for c in model.__table__.columns]
    return tuple(
        {k: getattr(r, k) for k in columns} for r in session.scalars(select(model).order_by(model.id))
    )


def state_of(session: Session) -> CentreState:
    return CentreState(
        _rows(session, Installation), _rows(session, BundleRecord), _rows(session, CaseTombstone)
    )


def carry_forward(session: Session, state: CentreState) -> bool:
    """After a restore: the replaced database's centre rows replace the restored one's (inside reapply)."""
    if not state.installations:
        return False
    for row in state.installations:
        session.merge(Installation(**row))
    session.flush()
    session.execute(delete(BundleRecord))
    session.execute(delete(CaseTombstone))
    session.add_all([BundleRecord(**row) for row in state.bundles])
    session.add_all([CaseTombstone(**row) for row in state.tombstones])
    session.flush()
    return True


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
