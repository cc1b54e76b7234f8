"""The inbox: packages (and, at a centre's main office, bundles) picked up from a mailbox or a folder.

Every attachment is checked before anything is shown: its size first, then what its kind demands (a
package: signature, schema, code lists and the hostile-file bounds of `package.load_package`, then the
trust store). The same bytes twice are recognised and counted once. Nothing is deleted or flagged on the
server: a refused attachment stays there, listed here with its reason.

Accepted packages are saved, as received, in the data folder's `inbox/` (they are protected aggregates,
signed by their centre): the network report takes them from there. Bundles from the centre's other PCs
(`.age`, encrypted to this installation) wait in `inbox/bundles/` and are received in their order by
app.services.centre once the fetch is recorded; one refused for now ("receive the missing ones first")
is tried again at the next fetch.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.delivery import folder, message
from app.delivery.errors import DeliveryError
from app.delivery.imap import fetch
from app.fs import atomic_write_bytes, dir_mode, fsync_directory
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Role
from app.models.outbox import DeliveryRoute, InboxEntry
from app.models.reports import TrustedKey
from app.reports import package, shapes
from app.services import audit, outbox
from app.services.errors import UserError
from app.services.routes import EmailRoute, route_of
from app.services.workspace import Workspace

INBOX_DIR = "inbox"
MAX_MESSAGE_BYTES = package.MAX_BYTES * 2 + 1_000_000  # a package and its PDF, base64 inside MIME
MAX_MESSAGES = 1000
ACCEPTED, UNTRUSTED, REFUSED, DUPLICATE = "accepted", "untrusted", "refused", "duplicate"

BUNDLES_DIR = "bundles"
WAITING = "waiting"  # a bundle saved, to be received after the fetch is recorded


@dataclass(frozen=True)
class EntryView:
    name: str
    origin: str
    state: str
    reason: str
    received_at: datetime
    sha256: str = ""


def inbox_folder(ws: Workspace) -> Path:
    return ws.folder / INBOX_DIR


def fetch_inbox(ws: Workspace) -> list[EntryView]:
    """Read what arrived since the last time, check each attachment, record and return what became of it."""
    actor = ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        found = route_of(session, "inbox")
        if found is None:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "No inbox is set: an administrator sets it on the Outbox page.")
            )
        row, route = found
        validity, last = row.uid_validity, row.last_uid
    arrivals: list[tuple[str, list[tuple[str, bytes | None]]]] = []
    new_validity, new_last = validity, last
    if isinstance(route, EmailRoute):
        box = route.imap()
        assert box is not None  # set_route refuses an inbox without IMAP
        try:
            mail = fetch(
                box, after_uid=last, uid_validity=validity, max_bytes=MAX_MESSAGE_BYTES, limit=MAX_MESSAGES
            )
        except DeliveryError as exc:
            raise outbox.mailbox_error(exc) from exc
        for fetched in mail.messages:
            if fetched.data is None:
                arrivals.append((f"uid {fetched.uid}", [("(message)", None)]))
                continue
            read = message.read(fetched.data)
            if read.attachments:
                arrivals.append((read.message_id or f"uid {fetched.uid}", list(read.attachments)))
        if mail.messages:
            new_validity, new_last = mail.uid_validity, max(m.uid for m in mail.messages)
    else:
        try:
            listed = folder.listing(Path(route.path), package.MAX_BYTES, MAX_MESSAGES)
        except DeliveryError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "The inbox folder cannot be read: {path}"), path=route.path
            ) from exc
        arrivals = [(name, [(name, data)]) for name, data in listed]
    results: list[EntryView] = []
    with ws.transaction() as session:
        seen = _Seen(
            set(session.scalars(select(InboxEntry.sha256))),
            {(o, n) for o, n in session.execute(select(InboxEntry.origin, InboxEntry.name))},
        )
        for origin, attachments in arrivals:
            for name, data in attachments:
                entry = _receive(ws, session, seen, origin, name, data)
                if entry is not None:
                    results.append(entry)
        if any(e.state in (ACCEPTED, UNTRUSTED) for e in results):
            fsync_directory(inbox_folder(ws))
        kept = session.scalar(select(DeliveryRoute).where(DeliveryRoute.destination == "inbox"))
        if kept is not None:
            kept.uid_validity, kept.last_uid = new_validity, new_last
        audit.record(session, actor.operator_id, "inbox.fetched", "inbox", None, {"entries": len(results)})
    return _receive_bundles(ws, results)


def _receive_bundles(ws: Workspace, results: list[EntryView]) -> list[EntryView]:
    """Receive the bundles waiting in inbox/bundles (this fetch's and those refused for now before)."""
    from app.services import centre

    folder = inbox_folder(ws) / BUNDLES_DIR
    paths = sorted(folder.glob("*.age")) if folder.is_dir() else []
    if not paths:
        return results
    outcome: dict[str, tuple[str, str]] = {}
    for path in centre.receive_order(ws, paths):
        try:
            received = centre.receive_one(ws, path)
        except UserError as exc:
            outcome[path.name[:12]] = (REFUSED, str(exc))
            if "already" in str(exc):  # received before (a copy by another route): nothing left to do
                path.unlink(missing_ok=True)
            continue
        outcome[path.name[:12]] = (ACCEPTED, f"{received.kind} {received.seq} ({received.sender})")
        path.unlink(missing_ok=True)
    with ws.transaction() as session:
        for entry in session.scalars(select(InboxEntry).where(InboxEntry.state.in_((WAITING, REFUSED)))):
            state = outcome.get(entry.sha256[:12])
            if state is not None:
                entry.state, entry.reason = state[0], state[1][:300]
        digests = {r.sha256 for r in results}
        fresh = {
            e.sha256: _view(e)
            for e in session.scalars(select(InboxEntry).where(InboxEntry.sha256.in_(digests)))
        }
    return [fresh.get(r.sha256, r) for r in results]


def entries(ws: Workspace) -> list[EntryView]:
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        return [_view(e) for e in session.scalars(select(InboxEntry).order_by(InboxEntry.id.desc()))]


@dataclass
class _Seen:
    """What the inbox recorded already: the bytes (any route), and each e-mail's attachments by name."""

    digests: set[str]
    attachments: set[tuple[str, str]]


def _receive(
    ws: Workspace, session: Session, seen: _Seen, origin: str, name: str, data: bytes | None
) -> EntryView | None:
    origin, name = origin[:300], name[:200]
    # too large to read: known by where it lies, so that it is listed once, not at every fetch
    digest = hashlib.sha256(data if data is not None else f"too large:{origin}:{name}".encode()).hexdigest()
    if digest in seen.digests or (origin.startswith("<") and (origin, name) in seen.attachments):
        return None  # the same bytes again (a retried e-mail, a file left in the folder): seen already
    seen.digests.add(digest)
    seen.attachments.add((origin, name))
    state, reason = _check(ws, session, name, data)
    entry = InboxEntry(
        destination="inbox",
        origin=origin,
        name=name,
        sha256=digest,
        state=state,
        reason=reason[:300],
    )
    session.add(entry)
    session.flush()
    return _view(entry)


def _check(ws: Workspace, session: Session, name: str, data: bytes | None) -> tuple[str, str]:
    if data is None or len(data) > package.MAX_BYTES:
        return REFUSED, f"larger than {package.MAX_BYTES} bytes"
    lowered = name.lower()
    if lowered.endswith(".age"):
        target = inbox_folder(ws) / BUNDLES_DIR
        target.mkdir(mode=dir_mode(), parents=True, exist_ok=True)
        atomic_write_bytes(target / f"{hashlib.sha256(data).hexdigest()[:12]}-{_safe(name)}.age", data)
        return WAITING, ""
    if not lowered.endswith(".json"):
        return REFUSED, "not a package"
    try:
        with package.collector_paused():
            verified = package.load_package(data)
            shapes.check_tables(verified.table_codes())
    except package.PackageError as exc:
        return REFUSED, str(exc)
    target = inbox_folder(ws)
    target.mkdir(mode=dir_mode(), exist_ok=True)
    stem = hashlib.sha256(data).hexdigest()[:12]
    # durable once the folder entry is synced, once for the whole fetch (fetch_inbox)
    atomic_write_bytes(
        target / f"{_safe(verified.centre)}-{verified.period_start}-{stem}.json", data, sync_folder=False
    )
    trusted = session.scalar(
        select(TrustedKey.id).where(
            TrustedKey.centre == verified.centre, TrustedKey.fingerprint == verified.fingerprint
        )
    )
    if trusted is None:
        return UNTRUSTED, f"key {verified.fingerprint} not trusted yet"
    return ACCEPTED, ""


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text)[:40] or "centre"


def _view(entry: InboxEntry) -> EntryView:
    return EntryView(entry.name, entry.origin, entry.state, entry.reason, entry.received_at, entry.sha256)
