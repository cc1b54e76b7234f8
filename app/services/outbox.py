"""The outbox: what must leave the installation waits here until a route delivers it.

Each item moves waiting -> sending -> sent (-> delivered, by a PEC receipt or a folder read back) or
failed (with the reason, retried with backoff). Each change is its own committed unit of work, so a
kill at any point leaves the item waiting or sent, never half: an item found "sending" at the next run
was interrupted and waits again. A retry is the same message (the item's uid makes the Message-ID and
the file names), so a receiver that got it twice recognises it.

Only what is already protected is ever queued: releases (signed aggregates and their PDF, as frozen in
the release record) and bundles encrypted to their recipient. There is no way to queue an arbitrary file.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.delivery import folder, message, smtp
from app.delivery.errors import DeliveryError, Failure
from app.delivery.imap import fetch
from app.fs import atomic_write_bytes
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, Role
from app.models.base import utcnow
from app.models.centre import MAIN, BundleRecord, Installation
from app.models.outbox import DeliveryReceipt, DeliveryRoute, OutboxAttachment, OutboxEvent, OutboxItem
from app.services import audit
from app.services.errors import UserError
from app.services.routes import EmailRoute, FolderRoute, route_of
from app.services.workspace import Workspace

WAITING, SENDING, SENT, DELIVERED, FAILED = "waiting", "sending", "sent", "delivered", "failed"
PENDING = (WAITING, FAILED)
BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
)
MAX_RECEIPT_BYTES = 2_000_000
MAX_MESSAGES = 500
KIND_LABELS = {  # what the subject and body say: the kind of file, never what is in it
    "release": "dati aggregati",
    "bundle": "pacchetto cifrato per la sede",
    "transfer": "trasferimento cifrato",
}
STATE_LABELS = {
    WAITING: QT_TRANSLATE_NOOP("Outbox", "waiting"),
    SENDING: QT_TRANSLATE_NOOP("Outbox", "sending"),
    SENT: QT_TRANSLATE_NOOP("Outbox", "sent"),
    DELIVERED: QT_TRANSLATE_NOOP("Outbox", "delivered"),
    FAILED: QT_TRANSLATE_NOOP("Outbox", "failed"),
}
REASONS = {
    Failure.UNREACHABLE: QT_TRANSLATE_NOOP(
        "Outbox", "The server did not answer (offline, or wrong server or port)."
    ),
    Failure.CERTIFICATE: QT_TRANSLATE_NOOP("Outbox", "The server's certificate is not valid for its name."),
    Failure.LOGIN: QT_TRANSLATE_NOOP("Outbox", "The server refused the user name or password."),
    Failure.REFUSED: QT_TRANSLATE_NOOP("Outbox", "The server refused the message or a recipient."),
    Failure.DROPPED: QT_TRANSLATE_NOOP(
        "Outbox", "The connection broke while sending; it will be sent again."
    ),
    Failure.FOLDER: QT_TRANSLATE_NOOP(
        "Outbox", "The folder cannot be written (is the stick or share connected?)."
    ),
    Failure.MAILBOX: QT_TRANSLATE_NOOP("Outbox", "The mailbox to read cannot be opened."),
    "no_route": QT_TRANSLATE_NOOP("Outbox", "No route is set for this destination."),
    "pec_refused": QT_TRANSLATE_NOOP("Outbox", "The certified e-mail provider did not deliver it."),
}


@dataclass(frozen=True)
class ItemView:
    id: int
    destination: str
    kind: str
    subject: str
    state: str
    reason: str  # a key of REASONS, "" when none
    attempts: int
    created_at: datetime
    changed_at: datetime
    next_attempt_at: datetime | None
    files: tuple[str, ...]
    receipts: tuple[str, ...]


@dataclass(frozen=True)
class SendResult:
    delivered: int
    failed: int
    waiting: int


def queue(
    session: Session,
    *,
    destination: str,
    kind: str,
    period: str,
    attachments: Sequence[tuple[str, bytes]],
) -> OutboxItem:
    """Queue inside the caller's unit of work: the release or bundle and its item commit together."""
    code = session.get_one(Centre, 1).code
    uid = secrets.token_hex(16)
    item = OutboxItem(
        uid=uid,
        destination=destination,
        kind=kind,
        subject=f"Ascolto {code} {period} - {KIND_LABELS.get(kind, kind)}",
        state=WAITING,
        attempts=0,
        reason="",
    )
    item.attachments = [
        OutboxAttachment(name=f"{uid[:8]}-{name}", content=data) for name, data in attachments
    ]
    session.add(item)
    session.flush()
    session.add(OutboxEvent(item_id=item.id, state=WAITING, reason=""))
    return item


def queue_release(session: Session, *, period: str, package: bytes, pdf: bytes) -> OutboxItem | None:
    """A first release goes out to the network by itself once a route is set for it (none: nothing queued;
    the coordinator carries the files as before). Called in the release's own unit of work."""
    if route_of(session, "network") is None:
        return None
    attachments = [(f"aggregati-{period}.json", package), (f"relazione-{period}.pdf", pdf)]
    return queue(session, destination="network", kind="release", period=period, attachments=attachments)


def queue_bundles(ws: Workspace) -> int:
    """Bundles made for the centre's main office and not yet written go into the outbox instead (a route
    for `centre` must be set); each is marked written in the same unit of work, so it leaves once."""
    actor = ws.require_actor(Role.COORDINATRICE)
    with ws.transaction() as session:
        if route_of(session, "centre") is None:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "No route is set for {destination}."), destination="centre"
            )
        pending = list(
            session.scalars(
                select(BundleRecord)
                .join(Installation, Installation.id == BundleRecord.peer_id)
                .where(
                    BundleRecord.direction == "out",
                    BundleRecord.written_at.is_(None),
                    Installation.role == MAIN,  # the route `centre` leads to the main office only
                )
                .order_by(BundleRecord.id)
            )
        )
        for record in pending:
            if record.content is None:
                continue
            queue(
                session,
                destination="centre",
                kind="bundle",
                period=record.kind,
                attachments=[(record.file_name, record.content)],
            )
            record.written_at = utcnow()
        if pending:
            audit.record(
                session, actor.operator_id, "outbox.queued", "centre", None, {"bundles": len(pending)}
            )
        return len(pending)


def items(ws: Workspace, *, states: Sequence[str] = ()) -> list[ItemView]:
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        query = select(OutboxItem).order_by(OutboxItem.id.desc())
        if states:
            query = query.where(OutboxItem.state.in_(states))
        return [_view(session, item) for item in session.scalars(query)]


def send(
    ws: Workspace,
    *,
    now: datetime | None = None,
    everything: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> SendResult:
    """Deliver what is due (`everything`: also what waits for its backoff: the "send now" button)."""
    actor = ws.require_actor(Role.COORDINATRICE)
    now = now or utcnow()
    with ws.transaction() as session:
        for interrupted in session.scalars(select(OutboxItem).where(OutboxItem.state == SENDING)):
            _move(session, interrupted, WAITING, "interrupted")
        due = [
            item.id
            for item in session.scalars(
                select(OutboxItem).where(OutboxItem.state.in_(PENDING)).order_by(OutboxItem.id)
            )
            if everything or item.next_attempt_at is None or item.next_attempt_at <= now
        ]
    delivered = failed = 0
    connections: dict[smtp.SmtpServer, smtp.Connection] = {}  # one session per server for the whole batch
    try:
        for done, item_id in enumerate(due):
            if _deliver_one(ws, actor.operator_id, item_id, now, connections):
                delivered += 1
            else:
                failed += 1
            if progress:
                progress(done + 1, len(due))
    finally:
        for connection in connections.values():
            connection.close()
    with ws.transaction(write=False) as session:
        waiting = len(list(session.scalars(select(OutboxItem.id).where(OutboxItem.state.in_(PENDING)))))
    return SendResult(delivered, failed, waiting)


def _deliver_one(
    ws: Workspace,
    operator_id: int,
    item_id: int,
    now: datetime,
    connections: dict[smtp.SmtpServer, smtp.Connection],
) -> bool:
    with ws.transaction() as session:
        item = session.get_one(OutboxItem, item_id)
        if item.state not in PENDING:
            return False
        found = route_of(session, item.destination)
        if found is None:
            _fail(session, item, "no_route", now, retry=False)
            return False
        _, route = found
        item.attempts += 1
        _move(session, item, SENDING)
        uid, subject, kind = item.uid, item.subject, item.kind
        files = [(a.name, a.content) for a in item.attachments]
        code = session.get_one(Centre, 1).code
    try:
        arrived = _transport(route, uid, subject, kind, code, files, connections)
    except DeliveryError as exc:
        with ws.transaction() as session:
            item = session.get_one(OutboxItem, item_id)
            _fail(session, item, exc.failure.value, now, retry=exc.retry)
            audit.record(
                session, operator_id, "outbox.failed", "outbox_item", item_id, {"reason": exc.failure.value}
            )
        return False
    with ws.transaction() as session:
        item = session.get_one(OutboxItem, item_id)
        _move(session, item, DELIVERED if arrived else SENT)
        item.next_attempt_at = None
        audit.record(
            session, operator_id, "outbox.sent", "outbox_item", item_id, {"destination": item.destination}
        )
    return True


def _transport(
    route: EmailRoute | FolderRoute,
    uid: str,
    subject: str,
    kind: str,
    code: str,
    files: list[tuple[str, bytes]],
    connections: dict[smtp.SmtpServer, smtp.Connection],
) -> bool:
    """True when arrival is known (a folder read back); False when only sent (e-mail, until a receipt)."""
    if isinstance(route, FolderRoute):
        for name, data in files:
            folder.deliver(Path(route.path), name, data)
        return True
    body = (
        f"Centro antiviolenza {code}: {KIND_LABELS.get(kind, kind)}.\n"
        "Inviato da Ascolto. Gli allegati contengono solo dati aggregati protetti o dati cifrati per il destinatario.\n"
    )
    mail = message.compose(
        sender=route.address,
        recipients=route.recipients,
        subject=subject,
        body=body,
        message_id=message_id(uid),
        attachments=files,
    )
    server = route.smtp()
    connection = connections.get(server) or connections.setdefault(server, smtp.Connection(server))
    connection.send(mail)
    return False


MAILBOX_ERRORS = {
    Failure.UNREACHABLE: QT_TRANSLATE_NOOP(
        "Errors", "The mail server did not answer (offline, or wrong server or port)."
    ),
    Failure.CERTIFICATE: QT_TRANSLATE_NOOP(
        "Errors", "The mail server's certificate is not valid for its name."
    ),
    Failure.LOGIN: QT_TRANSLATE_NOOP("Errors", "The mail server refused the user name or password."),
    Failure.DROPPED: QT_TRANSLATE_NOOP("Errors", "The connection to the mail server broke: try again."),
    Failure.MAILBOX: QT_TRANSLATE_NOOP("Errors", "The mailbox to read cannot be opened."),
}


def mailbox_error(exc: DeliveryError) -> UserError:
    """Reading a mailbox failed: one sentence a person can act on (never a traceback)."""
    return UserError(MAILBOX_ERRORS.get(exc.failure, MAILBOX_ERRORS[Failure.UNREACHABLE]))


def save_receipt(ws: Workspace, item_id: int, index: int, path: Path) -> None:
    """Save a kept PEC receipt as an .eml file (it names addresses and the subject, nothing of a woman)."""
    data = receipt(ws, item_id, index)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}."),
            path=str(path),
            reason=exc.strerror or "",
        ) from exc


def message_id(uid: str) -> str:
    return f"<{uid}@ascolto.invalid>"


def _move(session: Session, item: OutboxItem, state: str, reason: str = "") -> None:
    item.state, item.reason, item.changed_at = state, reason, utcnow()
    session.add(OutboxEvent(item_id=item.id, state=state, reason=reason))


def _fail(session: Session, item: OutboxItem, reason: str, now: datetime, *, retry: bool) -> None:
    _move(session, item, FAILED, reason)
    step = BACKOFF[min(item.attempts, len(BACKOFF)) - 1] if item.attempts else BACKOFF[0]
    item.next_attempt_at = now + step if retry else None


def check_receipts(ws: Workspace) -> int:
    """Read PEC receipts from each sending route's mailbox; returns how many items they marked delivered."""
    actor = ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        boxes = []
        for destination in ("network", "centre"):
            found = route_of(session, destination)
            box = found[1].imap() if found is not None and isinstance(found[1], EmailRoute) else None
            if found is not None and box is not None:
                boxes.append((destination, found[0].uid_validity, found[0].last_uid, box))
    marked = 0
    for destination, validity, last, box in boxes:
        try:
            mail = fetch(
                box, after_uid=last, uid_validity=validity, max_bytes=MAX_RECEIPT_BYTES, limit=MAX_MESSAGES
            )
        except DeliveryError as exc:
            raise mailbox_error(exc) from exc
        with ws.transaction() as session:
            for fetched in mail.messages:
                if fetched.data is not None:
                    marked += _note_receipt(session, actor.operator_id, fetched.data)
            row = session.scalar(select(DeliveryRoute).where(DeliveryRoute.destination == destination))
            if row is not None and mail.messages:
                row.uid_validity, row.last_uid = mail.uid_validity, max(m.uid for m in mail.messages)
    return marked


def _note_receipt(session: Session, operator_id: int, data: bytes) -> int:
    read = message.read(data)
    if read.receipt is None:
        return 0
    uid = read.receipt.refers_to.strip("<>").split("@", 1)[0]
    item = session.scalar(select(OutboxItem).where(OutboxItem.uid == uid))
    if item is None:
        return 0
    session.add(DeliveryReceipt(item_id=item.id, kind=read.receipt.kind, message=data))
    audit.record(session, operator_id, "outbox.receipt", "outbox_item", item.id, {"kind": read.receipt.kind})
    if read.receipt.kind in message.DELIVERED and item.state in (SENT, SENDING, WAITING, FAILED):
        _move(session, item, DELIVERED)
        item.next_attempt_at = None
        return 1
    if read.receipt.kind in message.FAILED and item.state != DELIVERED:
        _move(session, item, FAILED, "pec_refused")
        item.next_attempt_at = None
    return 0


def receipt(ws: Workspace, item_id: int, index: int = 0) -> bytes:
    """A kept PEC receipt exactly as received (an .eml file): the proof of sending."""
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        found = list(
            session.scalars(
                select(DeliveryReceipt).where(DeliveryReceipt.item_id == item_id).order_by(DeliveryReceipt.id)
            )
        )
        if not 0 <= index < len(found):
            raise UserError(QT_TRANSLATE_NOOP("Errors", "This item has no such receipt."))
        return found[index].message


def _view(session: Session, item: OutboxItem) -> ItemView:
    kinds = session.scalars(select(DeliveryReceipt.kind).where(DeliveryReceipt.item_id == item.id))
    return ItemView(
        item.id,
        item.destination,
        item.kind,
        item.subject,
        item.state,
        item.reason,
        item.attempts,
        item.created_at,
        item.changed_at,
        item.next_attempt_at,
        tuple(a.name for a in item.attachments),
        tuple(kinds),
    )
