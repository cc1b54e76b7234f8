"""Receiving bundles: every check before a payload may change anything, then one transaction."""

from __future__ import annotations

import binascii
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import bundles as crypto
from app.fs import NotARegularFile, read_regular
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Role
from app.models.base import utcnow
from app.models.centre import ACTIVE, INVITED, REMOVED, BundleRecord, Installation
from app.services import audit
from app.services.centre.common import (
    BUNDLE_FORMAT,
    MAX_BUNDLE_BYTES,
    BundleRefused,
    Member,
    Payload,
    as_member,
    audit_refusal,
    canonical,
    kinds,
    own,
    refused,
    unb64,
)
from app.services.errors import UserError
from app.services.workspace import Workspace


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


def _unreadable(path: Path, exc: OSError | NotARegularFile) -> BundleRefused:
    return refused(
        path,
        "unreadable",
        QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"),
        path=str(path),
        reason=exc.strerror or type(exc).__name__,
    )


def _oversized(path: Path) -> BundleRefused:
    return refused(
        path,
        "oversized",
        QT_TRANSLATE_NOOP(
            "Errors", "{path} is larger than a bundle may be ({mib} MiB): refused, nothing was changed."
        ),
        path=str(path),
        mib=MAX_BUNDLE_BYTES // (1024 * 1024),
    )


DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "{path} is damaged, truncated or not a bundle of the centre: refused, nothing was changed."
)


def _read(path: Path) -> bytes:
    """The file's bytes, refused when unreadable, not a regular file or larger than a bundle may be."""
    try:
        size = os.lstat(path).st_size
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if size > MAX_BUNDLE_BYTES:
        raise _oversized(path)
    try:
        raw = read_regular(path, MAX_BUNDLE_BYTES + 1)
    except (OSError, NotARegularFile) as exc:
        raise _unreadable(path, exc) from exc
    if len(raw) > MAX_BUNDLE_BYTES:  # it grew since it was measured
        raise _oversized(path)
    return raw


def _unwrap(path: Path, identity: bytes, raw: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    """Decrypt the bundle and parse its header: the envelope (its fields typed), the signature, the body."""
    try:
        plain = crypto.decrypt(raw, identity)
    except crypto.NotForThisKey:
        raise refused(
            path,
            "wrong_recipient",
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} was encrypted for another installation, not this one: refused, nothing was changed.",
            ),
            path=str(path),
        ) from None
    except crypto.Damaged:
        raise refused(path, "damaged", DAMAGED, path=str(path)) from None
    head, newline, body = plain.partition(b"\n")
    try:
        header = json.loads(head)
        envelope = header["envelope"]
        if header.get("format") != BUNDLE_FORMAT or not newline or not isinstance(envelope, dict):
            raise ValueError("format")
        signature = unb64(header["signature"])
        sender_id, seq, kind = envelope["sender"], envelope["seq"], envelope["kind"]
        if "recipient" not in envelope or not (
            isinstance(seq, int) and seq > 0 and isinstance(kind, str) and isinstance(sender_id, str)
        ):
            raise ValueError("envelope")
    except (ValueError, KeyError, TypeError, binascii.Error, RecursionError):
        raise refused(path, "damaged", DAMAGED, path=str(path)) from None
    return envelope, signature, body


def _signed_by(
    session: Session, path: Path, envelope: dict[str, Any], signature: bytes, body: bytes
) -> Installation:
    """The member who signed the envelope, refused when unknown or removed, or when the signature or the
    payload's digest does not match."""
    sender = session.scalar(
        select(Installation).where(
            Installation.install_id == envelope["sender"], Installation.is_self.is_(False)
        )
    )
    if sender is None or sender.state == INVITED:
        raise refused(
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
        raise refused(
            path,
            "removed_sender",
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} comes from {name}, which was removed from the centre: refused, nothing was changed.",
            ),
            path=str(path),
            name=sender.name,
        )
    if not crypto.verify_envelope(sender.signing_public, canonical(envelope), signature):
        raise refused(
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
        raise refused(
            path,
            "altered",
            QT_TRANSLATE_NOOP(
                "Errors",
                "The content of {path} does not match its signed envelope: refused, nothing was changed.",
            ),
            path=str(path),
        )
    return sender


def _open(session: Session, path: Path) -> Opened:
    """Every check a bundle passes before its payload may change anything; raises BundleRefused."""
    raw = _read(path)
    me = own(session)
    if me is None or me.age_identity is None:
        raise refused(
            path,
            "no_centre",
            QT_TRANSLATE_NOOP("Errors", "This PC belongs to no centre of several PCs: {path} was not read."),
            path=str(path),
        )
    envelope, signature, body = _unwrap(path, me.age_identity, raw)
    if envelope["recipient"] != me.install_id:
        raise refused(
            path,
            "wrong_recipient",
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is addressed to another installation: refused, nothing was changed."
            ),
            path=str(path),
        )
    sender = _signed_by(session, path, envelope, signature, body)
    seq, kind = envelope["seq"], envelope["kind"]
    _check_order(path, sender, seq)
    if kind not in kinds():
        raise refused(
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
        raise refused(path, "damaged", DAMAGED, path=str(path)) from None
    return Opened(path, as_member(sender), seq, kind, crypto.digest(raw), payload)


def _check_order(path: Path, sender: Installation, seq: int) -> None:
    if seq <= sender.last_seq_in:
        raise refused(
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
        raise refused(
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
                raise refused(
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
        audit_refusal(ws, path, exc.reason if isinstance(exc, BundleRefused) else "refused_by_content")
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
