"""The audit trail: one hash-chained event for every login, lock, read, change and export.

Each event's hash covers the previous hash and its own fields, so editing or deleting an event in the
middle breaks the chain from there on (`ascolto verify`). Details hold codes and counts, never content.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.audit import GENESIS_HASH, AuditAnchor, AuditEvent
from app.models.base import utcnow


def event_hash(
    prev_hash: str,
    at: datetime,
    operator_id: int | None,
    action: str,
    entity: str | None,
    entity_id: str | None,
    detail: str | None,
) -> str:
    payload = json.dumps(
        [prev_hash, at.isoformat(), operator_id, action, entity, entity_id, detail],
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    operator_id: int | None,
    action: str,
    entity: str | None = None,
    entity_id: str | int | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one event; the caller's transaction was begun IMMEDIATE, so the chain head is stable."""
    head = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or GENESIS_HASH
    at = at or utcnow()
    detail_text = json.dumps(detail, sort_keys=True, ensure_ascii=False) if detail else None
    entity_text = None if entity_id is None else str(entity_id)
    event = AuditEvent(
        at=at,
        operator_id=operator_id,
        action=action,
        entity=entity,
        entity_id=entity_text,
        detail=detail_text,
        prev_hash=head,
        hash=event_hash(head, at, operator_id, action, entity, entity_text, detail_text),
    )
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    reason: str


def verify_chain(session: Session) -> list[ChainBreak]:
    """Walk the chain in id order from the anchor; report the first events where it does not hold.

    Events past their retention period may have been removed (app.services.retention): the anchor
    then holds the id and hash of the last removed one, and the remaining chain must continue from it.
    """
    breaks: list[ChainBreak] = []
    anchor = session.get(AuditAnchor, 1)
    expected_prev = anchor.last_hash if anchor is not None else GENESIS_HASH
    previous_id = anchor.last_id if anchor is not None else 0
    for event in _iter_events(session, after=previous_id):
        if event.id != previous_id + 1 and previous_id:
            breaks.append(ChainBreak(event.id, f"events {previous_id + 1}..{event.id - 1} missing"))
        if event.prev_hash != expected_prev:
            breaks.append(ChainBreak(event.id, "previous hash does not match"))
        recomputed = event_hash(
            event.prev_hash,
            event.at,
            event.operator_id,
            event.action,
            event.entity,
            event.entity_id,
            event.detail,
        )
        if recomputed != event.hash:
            breaks.append(ChainBreak(event.id, "event content does not match its hash"))
        expected_prev = event.hash
        previous_id = event.id
        if len(breaks) >= 20:
            break
    return breaks


def _iter_events(session: Session, batch: int = 5000, after: int = 0) -> Iterator[AuditEvent]:
    last = after
    while True:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.id > last).order_by(AuditEvent.id).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].id
        session.expunge_all()
