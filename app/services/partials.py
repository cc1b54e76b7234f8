"""One release for a centre of several PCs: the partial aggregates its installations send the main office.

A desk PC builds, for each ended calendar period, its tables before disclosure control
(`build_partials`, app.reports.partials says what they hold); the centre's transport carries them,
encrypted and signed, to the main office, which checks and stores them (`accept_partials`) in its
encrypted database. When the main office prepares a report (`consolidate`, called from the
preparation of app.services.reports), it adds the partials of the period to its own true tables before
disclosure control, so the centre's release, and each desk's through the desk lattice, is the release
one archive holding every case would produce (docs/centre-release.md).

Periods: a partial is built for each **calendar period a release can cover** (month, quarter, semester,
year), not for months only: the women of a quarter are not the sum of its months' women (one woman
followed for three months is one woman), so a quarter's tables cannot be made from its months'.

Finality: a period's figures are final, and its partials erased, once the calendar year after the
period's own has ended (`KEPT_YEARS`): every obligation of a year (ISTAT's surveys, the Region's
monitoring, funders' reports by desk) falls due within the next year, and desk PCs may correct their data
until then (a newer partial of the same period replaces the older one). A final period is no longer
sent, received or consolidated: its releases already made are served as frozen, new ones are refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, translate_in
from app.models.accounts import HelpDesk, Role
from app.models.base import utcnow
from app.models.reports import PartialAggregate
from app.reports import indicators
from app.reports import partials as parts
from app.reports.periods import Period, parse_period
from app.reports.tables import AggregateTable
from app.services import audit, settings
from app.services.desks import desk_ids_by_name, folded
from app.services.errors import UserError
from app.services.validation import today
from app.services.workspace import Workspace

__all__ = [
    "KEPT_YEARS",
    "Consolidation",
    "accept_partials",
    "build_due",
    "build_partials",
    "consolidate",
    "due_periods",
    "erase_final",
    "expected_installations",
    "forget_sent",
    "release_without",
]

KINDS = frozenset({"month", "quarter", "semester", "year"})
KEPT_YEARS = 1
"""A period's partials are kept through the end of the calendar year after the period's own year."""
MAX_PAYLOAD_BYTES = 8_000_000
"""A year's partial of a desk PC with six desks is about a tenth of this."""
MAX_SOURCE = 128
Groups = list[tuple[list[HelpDesk], list[AggregateTable]]]
RELEASES = "Releases"
"""Translation context of the sentences a release prints (as app.services.reports)."""


# --- periods ------------------------------------------------------------------------------------------------
def is_final(period: Period, on: date | None = None) -> bool:
    """Whether the period's figures are final: the calendar year after its own has ended."""
    return (on or today()) > date(period.end.year + KEPT_YEARS, 12, 31)


def due_periods(on: date | None = None) -> list[Period]:
    """Every calendar period that has ended and is not final, oldest first: what a desk PC keeps sending
    (`build_due` leaves out those whose partial did not change since it was last sent)."""
    day = on or today()
    out: list[Period] = []
    for year in range(day.year - KEPT_YEARS - 1, day.year + 1):
        candidates = [
            *(Period.month(year, m) for m in range(1, 13)),
            *(Period.quarter(year, q) for q in range(1, 5)),
            *(Period.semester(year, s) for s in (1, 2)),
            Period.year(year),
        ]
        out.extend(p for p in candidates if p.end < day and not is_final(p, day))
    return sorted(out, key=lambda p: (p.end, p.start))


def _calendar(code: object) -> Period:
    try:
        period = parse_period(code) if isinstance(code, str) else None
    except ValueError:
        period = None
    if period is None or period.kind not in KINDS:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "Partial aggregates are made for a month, a quarter, a semester or a year only."
            )
        )
    return period


def _ended_not_final(period: Period) -> None:
    if period.end >= today():
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "{period} has not ended yet: its partial aggregates are not due."),
            period=period.code,
        )
    if is_final(period):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The figures of {period} are final: its partial aggregates are no longer sent, received or "
                "kept.",
            ),
            period=period.code,
        )


# --- the desk PC --------------------------------------------------------------------------------------------
def build_partials(ws: Workspace, session: Session, period: Period) -> dict[str, object]:
    """The partial of an ended calendar period (a JSON-able dict), in the caller's unit of work.

    The whole installation's tables and each of its desks' (by name); true counts, key sums and the
    women behind them, never rows or identities. A PC holding one desk computes its tables once."""
    ws.require_actor(Role.COORDINATRICE)
    _ended_not_final(period)
    desks = list(session.scalars(select(HelpDesk).order_by(HelpDesk.id)))
    centre = indicators.compute_indicators(session, period, None)
    if len(desks) == 1:
        by_desk: dict[str, list[AggregateTable]] = {desks[0].name: centre}
    else:
        computed = indicators.compute_indicators_by_desk(session, period, [d.id for d in desks])
        by_desk = {d.name: computed[d.id] for d in desks}
    return parts.partial_document(period.code, centre, by_desk)


def digest(payload: Mapping[str, object]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def build_due(
    ws: Workspace, session: Session, on: date | None = None, *, corrections: bool = True
) -> list[dict[str, object]]:
    """The partials a desk PC owes the main office, recorded as sent in the caller's unit of work (a send
    that fails rolls the record back with it): each ended, non-final period never sent and, with
    `corrections`, each one sent before whose partial changed since (a correction, a late entry).

    Finding corrections rebuilds every non-final period (up to two years: 38 periods, each about one
    report's computation); a routine send of a busy PC may leave them to a weekly one."""
    out = []
    for period in due_periods(on):
        sent = settings.PARTIALS_SENT.of(period.code)
        before = settings.find(session, sent)
        if before is not None and not corrections:
            continue
        payload = build_partials(ws, session, period)
        fresh = digest(payload)
        if before == fresh:
            continue
        settings.put(session, sent, fresh)
        out.append(payload)
    return out


def forget_sent(ws: Workspace) -> int:
    """Send every non-final period again at the next send (the main office restored an older backup and
    lost partials it had received); returns how many periods were marked sent. Audited."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    with ws.transaction() as session:
        gone = settings.clear(session, settings.PARTIALS_SENT)
        audit.record(session, actor.operator_id, "partials.resend", "centre", 1, {"periods": gone})
    return int(gone)


# --- the main office ----------------------------------------------------------------------------------------
def expected_installations(session: Session) -> dict[str, str]:
    """The centre's other installations a period waits for, at its main office: installation id -> the
    name a release prints. Its active desk PCs (app.services.centre): a removed one is no longer waited for,
    and what it sent before is no longer added in."""
    from app.models.centre import ACTIVE, DESK, MAIN, Installation

    members = list(session.scalars(select(Installation)))
    if not any(m.is_self and m.role == MAIN for m in members):
        return {}
    return {m.install_id: m.name for m in members if m.role == DESK and m.state == ACTIVE and not m.is_self}


_REFERENCE: dict[str, list[AggregateTable]] = {}


def _reference(session: Session) -> list[AggregateTable]:
    """Tables with every id, code and unit this version makes (no desk: nothing read), to check against."""
    if "tables" not in _REFERENCE:
        _REFERENCE["tables"] = indicators.compute_indicators(session, Period.year(2000), [])
    return _REFERENCE["tables"]


def _refused(source: str, period: str, reason: object) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP(
            "Errors", "The partial aggregates of {period} from {source} were refused: {reason}"
        ),
        period=period,
        source=source[:16],
        reason=reason,
    )


def accept_partials(ws: Workspace, session: Session, source: str, payload: dict[str, object]) -> None:
    """Check a partial received from installation `source` and keep it, in the caller's unit of work.

    Refused whole (UserError, one sentence) unless it is a partial of an ended, non-final calendar period
    with exactly the tables, codes and bounded integers this version makes, adding up, and naming only
    help desks this installation knows (by name). A newer partial of the same source and period replaces
    the older one: a release of that period made before is served as frozen, and says that the data
    changed since."""
    actor = ws.require_actor()
    if not isinstance(source, str) or not source.strip() or len(source) > MAX_SOURCE:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "Partial aggregates must name the installation they came from.")
        )
    code = payload.get("period") if isinstance(payload, dict) else None
    shown = str(code)[:30]
    try:
        size = len(json.dumps(payload, separators=(",", ":")))
    except (TypeError, ValueError) as exc:
        raise _refused(
            source,
            shown,
            parts.PartialError(
                QT_TRANSLATE_NOOP("Errors", "it is not a partial of this version of Ascolto.")
            ),
        ) from exc
    if size > MAX_PAYLOAD_BYTES:
        raise _refused(
            source,
            shown,
            parts.PartialError(
                QT_TRANSLATE_NOOP("Errors", "it is larger than {size} bytes."), size=MAX_PAYLOAD_BYTES
            ),
        )
    period = _calendar(code)
    _ended_not_final(period)
    try:
        partial = parts.read_partial(payload, period.code, _reference(session))
    except parts.PartialError as exc:
        raise _refused(source, period.code, exc) from exc
    desk_ids = _desk_ids(session, list(partial.desks))
    row = session.scalar(
        select(PartialAggregate).where(
            PartialAggregate.source == source, PartialAggregate.period_code == period.code
        )
    )
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode("utf-8")
    replaced = row is not None and row.payload is not None
    if row is None:
        row = PartialAggregate(
            source=source, period_code=period.code, period_start=period.start, period_end=period.end
        )
        session.add(row)
    row.payload, row.desks, row.digest = body, json.dumps(desk_ids, sort_keys=True), digest(payload)
    row.waived_by, row.received_at = None, utcnow()
    audit.record(
        session, actor.operator_id, "partials.received", "installation", source[:40],
        {"period": period.code, "replaced": replaced},
    )  # fmt: skip


def _desk_ids(session: Session, names: Sequence[str]) -> dict[str, int]:
    """Our desk of each name a partial carries: its name here now, or a former name (app.services.desks)."""
    by_name = desk_ids_by_name(session)
    out = {}
    for name in names:
        if folded(name) not in by_name:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The partial aggregates name the help desk {desk}, which this installation does not know: "
                    "add it (or rename it) under Administration with the same name, then receive them again.",
                ),
                desk=name[:60],
            )
        out[name] = by_name[folded(name)]
    return out


def release_without(ws: Workspace, period: Period, source: str) -> None:
    """Let `period` be released without installation `source`'s partial (an administrator's decision,
    audited): the release then says, in its PDF and its package, which installations it does not include.
    A partial received later for that period is added again (and a release made meanwhile says that the
    data changed since)."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    period = _calendar(period.code)
    _ended_not_final(period)
    with ws.transaction() as session:
        row = session.scalar(
            select(PartialAggregate).where(
                PartialAggregate.source == source, PartialAggregate.period_code == period.code
            )
        )
        if row is not None and row.payload is not None:
            return  # it has sent it: nothing to waive
        if row is None:
            session.add(
                PartialAggregate(
                    source=source, period_code=period.code, period_start=period.start, period_end=period.end,
                    waived_by=actor.operator_id,
                )
            )  # fmt: skip
        else:
            row.waived_by = actor.operator_id
        audit.record(
            session,
            actor.operator_id,
            "partials.waived",
            "installation",
            source[:40],
            {"period": period.code},
        )


def erase_final(session: Session, on: date | None = None) -> int:
    """Erase the partials (and waivers) of every final period; returns how many rows went. Called at each
    login (app.services.workspace.unlock), so whatever has become final goes at the next one."""
    day = on or today()
    rows = session.execute(select(PartialAggregate.id, PartialAggregate.period_end)).all()
    final = [row_id for row_id, end in rows if day > date(end.year + KEPT_YEARS, 12, 31)]
    if final:
        session.execute(delete(PartialAggregate).where(PartialAggregate.id.in_(final)))
    return len(final)


# --- the consolidated release (called from the preparation of a report) ------------------------------------
@dataclass(frozen=True)
class Consolidation:
    """Which of the centre's other installations a report's figures include."""

    included: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    """Released without them, by an administrator's decision (`release_without`)."""
    missing: tuple[str, ...] = ()
    """Not sent and not waived: the period may be previewed, not released."""
    final: bool = False
    """The period's partials were erased (final): only releases already made may be served."""


def consolidate(
    session: Session, period: Period, computed: Groups, every: set[int]
) -> tuple[Groups, Consolidation | None]:
    """The main office's true tables of each desk group plus the received partials of `period` (None when
    the centre has no other installation: nothing changes). The whole centre gets the partials' whole
    tables, a single desk its desk's; a union of some desks cannot be composed from them and is refused."""
    expected = expected_installations(session)
    rows = list(session.scalars(select(PartialAggregate).where(PartialAggregate.period_code == period.code)))
    if not expected and not rows:
        return computed, None
    final = is_final(period)
    received = {
        r.source: r
        for r in rows
        if r.payload is not None and not final and (not expected or r.source in expected)
    }
    waived = {r.source for r in rows if r.payload is None and r.waived_by is not None}
    names = {**{s: s[:16] for s in received}, **expected}
    consolidation = Consolidation(
        tuple(sorted(names[s] for s in received)),
        tuple(sorted(names[s] for s in expected if s in waived and s not in received)),
        tuple(sorted(names[s] for s in expected if s not in waived and s not in received)),
        final,
    )
    if not received:
        return computed, consolidation
    out: Groups = []
    parsed: list[tuple[PartialAggregate, parts.Partial]] = []
    for desks, tables in computed:
        ids = {d.id for d in desks}
        if ids != every and len(ids) > 1:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The figures of a union of help desks cannot be composed from the centre's installations: "
                    "choose the whole centre or one help desk.",
                )
            )
        parsed = parsed or [_parsed(row, period, tables) for row in received.values()]
        desk = None if ids == every else next(iter(ids))
        out.append((desks, parts.add_parts(tables, [_tables_of(row, p, desk) for row, p in parsed])))
    return out, consolidation


def _parsed(
    row: PartialAggregate, period: Period, own: list[AggregateTable]
) -> tuple[PartialAggregate, parts.Partial]:
    """A stored partial read again against this version's tables (one received before an update that
    changed them must be sent again)."""
    assert row.payload is not None
    try:
        return row, parts.read_partial(json.loads(row.payload), period.code, own)
    except parts.PartialError as exc:
        raise _refused(row.source, period.code, exc) from exc


def _tables_of(
    row: PartialAggregate, partial: parts.Partial, desk: int | None
) -> Mapping[str, parts.PartTable]:
    """A partial's tables for the whole centre (`desk` None) or for one of our desks (none: nothing)."""
    if desk is None:
        return partial.centre
    mapping = json.loads(row.desks)
    return next((tables for name, tables in partial.desks.items() if mapping.get(name) == desk), {})


def check_release(consolidation: Consolidation | None, period: str) -> None:
    """Refuse a new release of a period some installation has not sent (unless an administrator released
    it without), or whose partials were erased as final."""
    if consolidation is None:
        return
    if consolidation.final:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The figures of {period} are final and the partial aggregates of the centre's installations "
                "were erased: only releases made before can be written again.",
            ),
            period=period,
        )
    if consolidation.missing:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{period} cannot be released yet: {installations} of the centre did not send its figures. "
                "Receive them, or an administrator releases the period without them.",
            ),
            period=period,
            installations=", ".join(consolidation.missing),
        )


def method_note(consolidation: Consolidation | None, lang: str) -> str:
    """What the method note of a report says about the installations its figures add up."""
    if consolidation is None or not (consolidation.included or consolidation.without):
        return ""
    out = ""
    if consolidation.included:
        out += " " + translate_in(
            lang,
            RELEASES,
            QT_TRANSLATE_NOOP(
                "Releases",
                "The figures are computed as one archive from the cases of this installation and of {names}.",
            ),
        ).format(names=", ".join(consolidation.included))
    if consolidation.without:
        out += " " + translate_in(
            lang,
            RELEASES,
            QT_TRANSLATE_NOOP(
                "Releases",
                "Released without the figures of {names}, not received (an administrator's decision): their "
                "cases are not counted.",
            ),
        ).format(names=", ".join(consolidation.without))
    return out


def package_member(consolidation: Consolidation | None) -> dict[str, list[str]] | None:
    """The package's `consolidation` member (None for a centre on one PC)."""
    if consolidation is None:
        return None
    return {"installations": list(consolidation.included), "without": list(consolidation.without)}
