"""What Administration shows of a centre of several PCs: its installations, what each last sent and
received and when, and for the recent ended periods which desk PCs' partial aggregates are in.

Read only (administrators), beside app.services.centre and app.services.partials which do the work;
the window never reads the tables itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from app.models.accounts import Role
from app.models.centre import BundleRecord, Installation
from app.models.reports import PartialAggregate
from app.reports.periods import Period
from app.services import partials
from app.services.centre import fingerprint_of
from app.services.validation import today
from app.services.workspace import Workspace

RECENT_DAYS = 400
"""Periods that ended within this many days are listed: this year's and last year's obligations."""

SENT, WAIVED, MISSING = "sent", "waived", "missing"


@dataclass(frozen=True)
class InstallationStatus:
    """One installation of the centre, with its last bundle each way (number and when; 0 and None: none)."""

    name: str
    role: str
    state: str
    is_self: bool
    fingerprint: str
    last_in: int
    last_in_at: dt.datetime | None
    last_out: int
    last_out_at: dt.datetime | None


@dataclass(frozen=True)
class PartialStatus:
    """Whether one desk PC's partial aggregates of one period are in: SENT, WAIVED or MISSING."""

    period: Period
    source: str  # the installation's id, as release_without takes it
    name: str
    state: str
    received_at: dt.datetime | None


def installations(ws: Workspace) -> list[InstallationStatus]:
    """This PC first, then the others by name (empty: this PC belongs to no centre of several PCs)."""
    ws.require_actor(Role.AMMINISTRATRICE)
    with ws.transaction(write=False) as session:
        when = {
            (direction, peer): at
            for direction, peer, at in session.execute(
                select(
                    BundleRecord.direction,
                    BundleRecord.peer_id,
                    func.max(func.coalesce(BundleRecord.written_at, BundleRecord.created_at)),
                ).group_by(BundleRecord.direction, BundleRecord.peer_id)
            )
        }
        rows = session.scalars(select(Installation).order_by(Installation.is_self.desc(), Installation.name))
        return [
            InstallationStatus(
                r.name,
                r.role,
                r.state,
                r.is_self,
                fingerprint_of(r) if r.recipient else "",
                r.last_seq_in,
                when.get(("in", r.id)),
                r.last_seq_out,
                when.get(("out", r.id)),
            )
            for r in rows
        ]


def partials_status(ws: Workspace, on: date | None = None) -> list[PartialStatus]:
    """For each ended, not final period of the last RECENT_DAYS (newest first) and each desk PC the main
    office waits for: sent, released without it, or missing. Empty away from a main office."""
    ws.require_actor(Role.AMMINISTRATRICE)
    day = on or today()
    periods = [p for p in partials.due_periods(day) if p.end >= day - timedelta(days=RECENT_DAYS)]
    with ws.transaction(write=False) as session:
        expected = partials.expected_installations(session)
        if not expected:
            return []
        rows = {
            (r.source, r.period_code): (r.payload_present, r.received_at)
            for r in session.execute(
                select(
                    PartialAggregate.source,
                    PartialAggregate.period_code,
                    PartialAggregate.payload.is_not(None).label("payload_present"),
                    PartialAggregate.received_at,
                )
            )
        }
    out = []
    for period in sorted(periods, key=lambda p: (p.end, p.start), reverse=True):
        for source, name in sorted(expected.items(), key=lambda item: item[1]):
            found = rows.get((source, period.code))
            state = MISSING if found is None else SENT if found[0] else WAIVED
            out.append(PartialStatus(period, source, name, state, found[1] if found and found[0] else None))
    return out
