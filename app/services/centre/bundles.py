"""Making bundles: numbered, signed, encrypted and kept in one transaction, their files written after."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import bundles as crypto
from app.fs import atomic_write_bytes, fsync_directory
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Role
from app.models.base import utcnow
from app.models.centre import MAIN, BundleRecord, Installation
from app.services import audit
from app.services.centre.common import (
    BUNDLE_FORMAT,
    MAX_BUNDLE_BYTES,
    SUFFIX,
    Payload,
    b64,
    canonical,
    kinds,
    main_of,
    require_own,
)
from app.services.centre.roster import rosters_due
from app.services.errors import UserError
from app.services.workspace import Workspace


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
    body = canonical(payload)
    envelope = {
        "sender": me.install_id,
        "recipient": to.install_id,
        "seq": seq,
        "kind": kind,
        "created_at": datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "payload_sha256": crypto.digest(body),
    }
    signature = crypto.sign_envelope(me.signing_key, canonical(envelope))
    header = {"format": BUNDLE_FORMAT, "envelope": envelope, "signature": b64(signature)}
    content = crypto.encrypt(canonical(header) + b"\n" + body, to.recipient)
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
    if not folder.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("Errors", "{path} is not a folder."), path=str(folder))
    make_due(ws)
    return write_pending(ws, folder)


def make_due(ws: Workspace) -> None:
    """Make (number, encrypt, keep) the bundles due, without writing them: `send` writes them to a folder,
    the outbox (app.services.outbox.queue_bundles) sends them by its route."""
    actor = ws.require_actor(Role.COORDINATRICE)
    with ws.transaction() as session:
        me = require_own(session)
        due: list[tuple[Installation, str, Payload]] = []
        main = main_of(session)
        if main is not None:
            for kind in kinds().values():
                if kind.build_due is not None:
                    due += [(main, kind.name, payload) for payload in kind.build_due(ws, session)]
        if me.role == MAIN:
            due += rosters_due(session)
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
