"""The audit trail: one hash-chained event for every login, lock, read, change and export.

Each event's hash covers the previous hash and its own fields, so editing or deleting an event in the
middle breaks the chain from there on (`ascolto verify`). Details hold codes and counts, never content.

The chain alone cannot show that its *end* was cut off, or that someone holding the data key rewrote it
and computed every hash again: the triggers that forbid it are part of the same file. So `verify` also
checks the triggers against their definitions, that the anchor moved only through a recorded truncation
that obeyed the retention floor, and the chain against every *head* (last sequence number and hash) it
can find outside the table: the head file beside the database, backup manifests and signed packages
(app.services.audit_heads).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, text
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


# --- what a key holder could change without breaking a hash ------------------------------------------------
MIN_RETENTION = timedelta(days=365)  # the shortest audit retention the policy allows (retention.LIMITS)
TRUNCATED = "audit.truncated"
RESTORED = "backup.restored"
_APPEND_ONLY = "SELECT RAISE(ABORT, 'audit events are append-only')"
EXPECTED_TRIGGERS: dict[str, str] = {
    # migration 0001
    "audit_event_no_update": "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    f"BEGIN {_APPEND_ONLY}; END",
    # migration 0003
    "audit_event_no_delete": "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "WHEN OLD.id > COALESCE((SELECT last_id FROM audit_anchor WHERE id = 1), 0) "
    f"BEGIN {_APPEND_ONLY}; END",
    "audit_anchor_forward_only": "CREATE TRIGGER audit_anchor_forward_only BEFORE UPDATE ON audit_anchor "
    "WHEN NEW.id != OLD.id OR NEW.last_id <= OLD.last_id OR NEW.removed < OLD.removed "
    "OR NOT EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.last_id AND hash = NEW.last_hash) "
    "BEGIN SELECT RAISE(ABORT, 'the audit anchor moves only forward, onto an existing event'); END",
    "audit_anchor_no_delete": "CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor "
    "BEGIN SELECT RAISE(ABORT, 'the audit anchor cannot be deleted'); END",
}


def _normal_sql(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def trigger_problems(session: Session) -> list[str]:
    """Every trigger on the audit tables must be one of ours, with its definition unchanged."""
    rows = session.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name IN ('audit_event', 'audit_anchor')"
        )
    ).all()
    found = {str(name): _normal_sql(str(sql or "")) for name, sql in rows}
    problems = [f"trigger {name} is missing" for name in EXPECTED_TRIGGERS if name not in found]
    for name, sql in sorted(found.items()):
        expected = EXPECTED_TRIGGERS.get(name)
        if expected is None:
            problems.append(f"trigger {name} is not part of Ascolto")
        elif sql != _normal_sql(expected):
            problems.append(f"trigger {name} was changed")
    return problems


@dataclass(frozen=True)
class Head:
    """The end of the chain as seen at one moment: the sequence number (id) of the last event, which is
    also how many events were ever recorded, its hash and its time (UTC, ISO, seconds)."""

    events: int
    hash: str
    at: str

    def as_json(self) -> dict[str, Any]:
        return {"events": self.events, "hash": self.hash, "at": self.at}

    @classmethod
    def from_json(cls, value: Any) -> Head | None:
        """A head read from a file someone else may have written: None unless it is well formed."""
        if not isinstance(value, dict) or set(value) != {"events", "hash", "at"}:
            return None
        events, digest, at = value["events"], value["hash"], value["at"]
        if type(events) is not int or not 0 <= events < 2**53:
            return None
        if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
            return None
        if not isinstance(at, str) or len(at) > 40 or (at and _parse_time(at) is None):
            return None
        return cls(events, digest, at)


def _parse_time(value: str) -> datetime | None:
    """A stored or written time as naive UTC (how the events store theirs), None if it is not one."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)


def chain_head(session: Session) -> Head:
    last = session.execute(
        select(AuditEvent.id, AuditEvent.hash, AuditEvent.at).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    if last is None:
        anchor = session.get(AuditAnchor, 1)
        if anchor is None:
            return Head(0, GENESIS_HASH, "")
        return Head(anchor.last_id, anchor.last_hash, "")
    return Head(int(last.id), str(last.hash), last.at.replace(microsecond=0).isoformat())


def event_preimage(event: AuditEvent) -> list[Any]:
    """What an event's hash covers, kept in the truncation event so `verify` can prove the time of the
    last removed event (its hash is the anchor's, which the kept chain and any head seen elsewhere bind)."""
    return [
        event.prev_hash,
        event.at.isoformat(),
        event.operator_id,
        event.action,
        event.entity,
        event.entity_id,
        event.detail,
    ]


def _details(event: AuditEvent) -> dict[str, Any]:
    try:
        value = json.loads(event.detail or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _truncations(session: Session) -> list[AuditEvent]:
    return list(
        session.scalars(select(AuditEvent).where(AuditEvent.action == TRUNCATED).order_by(AuditEvent.id))
    )


def anchor_problems(session: Session) -> list[str]:
    """The anchor moves only through retention: the latest truncation event names it, proves the time
    of the last removed event, and that event was older than the shortest retention period allowed."""
    anchor = session.get(AuditAnchor, 1)
    if anchor is None:
        return ["the audit anchor is missing"]
    if anchor.last_id == 0:
        if anchor.last_hash != GENESIS_HASH or anchor.removed:
            return ["the audit anchor was changed without removing any event"]
        return []
    truncations = _truncations(session)
    if not truncations:
        return [f"the audit anchor was moved to event {anchor.last_id} with no recorded truncation"]
    latest = truncations[-1]
    detail = _details(latest)
    if detail.get("through") != anchor.last_id or detail.get("hash", anchor.last_hash) != anchor.last_hash:
        return [
            f"the audit anchor (event {anchor.last_id}) is not where the last truncation "
            f"(event {latest.id}) left it"
        ]
    last = detail.get("last")
    if last is None:
        return []  # recorded before truncations proved their times: nothing more to check
    if not isinstance(last, list) or len(last) != 7:
        return [f"the last truncation (event {latest.id}) does not describe the last removed event"]
    removed_at = _parse_time(str(last[1]))
    try:
        recomputed = event_hash(str(last[0]), datetime.fromisoformat(str(last[1])), *last[2:])
    except (TypeError, ValueError):
        recomputed = ""
    if removed_at is None or recomputed != anchor.last_hash:
        return [f"the last truncation (event {latest.id}) does not match the removed event it names"]
    if removed_at > latest.at - MIN_RETENTION:
        return [
            f"the truncation of event {latest.id} removed events from {removed_at.date()}, "
            "younger than any retention period allows"
        ]
    return []


@dataclass(frozen=True)
class SeenHead:
    head: Head
    source: str  # where it was seen: "head file", a backup file name, ...


def head_findings(session: Session, heads: list[SeenHead]) -> tuple[list[str], list[str]]:
    """(problems, notes): each head seen elsewhere must still be in the chain, or have been removed by
    a truncation that obeyed the retention floor, or be explained by a recorded restore (a note)."""
    problems: list[str] = []
    notes: list[str] = []
    current = chain_head(session)
    anchor = session.get(AuditAnchor, 1)
    anchor_id = anchor.last_id if anchor is not None else 0
    restores = [e.at for e in session.scalars(select(AuditEvent).where(AuditEvent.action == RESTORED))]
    truncations = _truncations(session)
    for seen in sorted(heads, key=lambda s: -s.head.events):
        head = seen.head
        problem = ""
        if head.events > current.events:
            problem = (
                f"the chain ends at event {current.events} but {seen.source} saw it reach event "
                f"{head.events} ({head.at}): events were removed"
            )
        elif head.events > anchor_id or (head.events == anchor_id and anchor is not None):
            stored = (
                anchor.last_hash
                if anchor is not None and head.events == anchor_id
                else session.scalar(select(AuditEvent.hash).where(AuditEvent.id == head.events))
            )
            if head.events and stored != head.hash:
                problem = (
                    f"event {head.events} differs from the one {seen.source} saw ({head.at}): "
                    "the chain was rewritten"
                )
        else:
            seen_at = _parse_time(head.at)
            cut = next((t for t in truncations if _details(t).get("through", 0) >= head.events), None)
            if cut is None or seen_at is None or seen_at > cut.at - MIN_RETENTION:
                problem = (
                    f"event {head.events}, seen by {seen.source} ({head.at}), was removed before any "
                    "retention period allows"
                )
        if not problem:
            continue
        seen_at = _parse_time(head.at)
        restore = next((at for at in restores if seen_at is not None and at >= seen_at), None)  # seconds
        if restore is not None:
            notes.append(f"{problem}; explained by the restore of a backup on {restore.date()}")
        else:
            problems.append(problem)
    return problems, notes
