"""Preparing a report: the indicators computed in SQL and put under disclosure control.

`prepare` computes the indicators and applies disclosure control (the cell key method); what it returns
is what the preview shows, what the PDF prints (laid out by `releases.document`) and what the signed
package carries, so the three never differ. A period and desk set released before is served its
release, exactly as it left (`app.services.releases` makes, checks and logs releases;
`app.services.network` merges the packages of a network's centres).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, language_code
from app.models.accounts import Centre, HelpDesk, Role
from app.reports import cellkey, disclosure, indicators, package
from app.reports.periods import Period
from app.reports.tables import AggregateTable
from app.services import audit, partials, releases, settings
from app.services.errors import NotFound, ValidationError
from app.services.validation import today
from app.services.workspace import Workspace

INDICATOR_LANES = min(2, os.cpu_count() or 1)
"""Threads computing the indicators (DESIGN's target machine has two cores; more buys little)."""


@dataclass(frozen=True)
class ReleaseInfo:
    """A frozen release being served again: when it first left, and whether the data changed since."""

    released_at: datetime
    changed_since: bool


@dataclass(frozen=True)
class ReportData:
    """Protected tables and everything needed to describe them."""

    centre: str
    desk_ids: list[int]
    desk_names: list[str]
    period: Period
    lang: str
    tables: list[AggregateTable]
    rule: dict[str, Any]
    hidden: int
    population: int = 0
    """True number of women in the flow table (kept in memory to refuse tiny releases, never shown)."""
    tables_digest: str = ""
    release: ReleaseInfo | None = None
    omitted: tuple[str, ...] = ()
    data_as_of: date | None = None
    """Set to the day the data were read when the period has not ended yet (partial figures)."""
    whole_centre: bool = False
    """Every help desk of the centre, as a release's scope (see `Scope`), whichever desks exist."""
    consolidation: partials.Consolidation | None = None
    """A centre of several PCs: which other installations the figures add up (None: one PC)."""

    @property
    def fewer_tables(self) -> bool:
        """A single desk published with `indicators.DESK_TABLES` only (a desk's release frozen before
        that rule keeps every table it had)."""
        return not self.whole_centre and {t.id for t in self.tables} <= set(indicators.DESK_TABLES)


# --- settings ---------------------------------------------------------------------------------------
def disclosure_threshold(ws: Workspace) -> int:
    ws.require_actor()
    with ws.transaction(write=False) as session:
        return settings.get(session, settings.DISCLOSURE_K)


def set_disclosure_threshold(ws: Workspace, k: int) -> None:
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    if not settings.DISCLOSURE_K.accepts(k):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The threshold must be a whole number from {low} to 50 (the SISTAN ethics rules for "
                "statistics, art. 5, allow no less than 3).",
            ),
            field="threshold",
            low=disclosure.MIN_K,
        )
    with ws.transaction() as session:
        settings.put(session, settings.DISCLOSURE_K, k)
        audit.record(
            session, actor.operator_id, "setting.changed", "setting", settings.DISCLOSURE_K.key, {"value": k}
        )


# --- preparing ------------------------------------------------------------------------------------------
def prepare(
    ws: Workspace, period: Period, desk_ids: Sequence[int] | None = None, lang: str = "it"
) -> ReportData:
    """Compute and protect every indicator for the period and help desks (None = all desks).

    When this period and desk set was released before, the tables are those of the release, exactly as
    they left, and `release` says when and whether the data changed since.
    """
    return _prepare(ws, period, desk_ids, lang, by_desk=False)[0]


def prepare_by_desk(
    ws: Workspace, period: Period, desk_ids: Sequence[int], lang: str = "it"
) -> list[ReportData]:
    """For each desk (in id order), what ``prepare(ws, period, [desk], lang)`` gives, from one pass over the data.

    A report laid out by desk (profile finanziatore) needs every desk: the indicators are read once,
    grouped by desk, instead of one full read per desk. Each desk's frozen release is served as `prepare`
    serves it.
    """
    return _prepare(ws, period, desk_ids, lang, by_desk=True)


def _prepare(
    ws: Workspace, period: Period, desk_ids: Sequence[int] | None, lang: str, *, by_desk: bool
) -> list[ReportData]:
    """`prepare` for one desk set (`desk_ids`, None = all) or for each of `desk_ids` alone (`by_desk`)."""
    actor = ws.require_actor(Role.COORDINATRICE)
    if period.start > today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The period {period} has not begun yet."),
            field="period",
            period=period.code,
        )
    lang = language_code(lang)
    k = disclosure_threshold(ws)
    with ws.parallel_reads(INDICATOR_LANES) as sessions:
        centre = sessions[0].get_one(Centre, 1)
        desks = _desks(sessions[0], desk_ids)
        every = set(sessions[0].scalars(select(HelpDesk.id)))
        computed: list[tuple[list[HelpDesk], list[AggregateTable]]]
        if by_desk:
            by_id = indicators.compute_indicators_by_desk(sessions, period, [d.id for d in desks], lang)
            computed = [([d], by_id[d.id]) for d in desks]
        else:
            # every desk: no desk filter at all (the same rows, and the planner keeps its best plans)
            desk_filter = None if desk_ids is None else [d.id for d in desks]
            computed = [(desks, indicators.compute_indicators(sessions, period, desk_filter, lang))]
        # --- a centre of several PCs (issue #24): the other installations' partial aggregates of the
        # period are added to these true tables before disclosure control (app.services.partials)
        computed, consolidation = partials.consolidate(sessions[0], period, computed, every)
    prepared = [
        (
            replace(
                _protected(centre.name, group, period, lang, tables, k),
                whole_centre=whole,
                consolidation=consolidation,
            ),
            tables,
        )
        for group, all_tables in computed
        for whole in [{d.id for d in group} == every]
        for tables in [_published(all_tables, whole)]
    ]
    with ws.transaction() as session:
        releases.merge_log(ws, session)
        return [_served(session, actor.operator_id, data, tables) for data, tables in prepared]


def _published(tables: list[AggregateTable], whole_centre: bool) -> list[AggregateTable]:
    """The tables a release of this scope publishes: every table for the whole centre, `DESK_TABLES`
    for a desk (a desk's profile tables would let a woman alone at her desk be placed in her category)."""
    if whole_centre:
        return tables
    return [t for t in tables if t.id in indicators.DESK_TABLES]


def _protected(
    centre: str, desks: Sequence[HelpDesk], period: Period, lang: str, tables: list[AggregateTable], k: int
) -> ReportData:
    """The computed tables of one desk set under disclosure control, with what describes them."""
    flow = next(t for t in tables if t.id == "flow")
    result = disclosure.protect(tables, k)
    return ReportData(
        centre,
        [d.id for d in desks],
        [d.name for d in desks],
        period,
        lang,
        result.tables,
        dict(result.rule),
        sum(hidden_count(t) for t in result.tables),
        population=int(flow.total or 0),
        tables_digest=tables_digest(result.tables),
        data_as_of=today() if period.end >= today() else None,
    )


def _served(
    session: Session, operator_id: int, data: ReportData, computed: Sequence[AggregateTable]
) -> ReportData:
    """Record the computation; a desk set released before is served its release, exactly as it left.

    Whether the data changed since is judged under the release's own perturbation table: a release
    frozen under an older p-table would otherwise always look changed (`computed`: the true tables)."""
    frozen = releases.frozen_release(session, data)
    audit.record(
        session,
        operator_id,
        "report.computed",
        "centre",
        1,
        {"period": data.period.code, "desks": list(data.desk_ids), "released_before": frozen is not None},
    )
    if frozen is None or frozen.package is None:
        return data
    released = package.load_package(frozen.package)
    digest, version = data.tables_digest, str(released.disclosure.get("ptable_version", ""))
    if version != data.rule.get("ptable_version") and version in cellkey.VERSIONS:
        then = disclosure.protect(computed, frozen.threshold, cellkey.ptable(version))
        digest = tables_digest(then.tables)
    final = data.consolidation is not None and data.consolidation.final  # the parts are gone: not judged
    info = ReleaseInfo(frozen.created_at, frozen.tables_digest != digest and not final)
    return replace(
        data, tables=released.tables, rule=dict(released.disclosure), release=info,
        hidden=sum(hidden_count(t) for t in released.tables),
    )  # fmt: skip


def tables_digest(tables: Sequence[AggregateTable]) -> str:
    """A digest of the published values, to tell whether the data changed since a release."""
    values = [(t.id, t.cells, t.row_totals, t.col_totals, t.total) for t in tables]
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode("utf-8")).hexdigest()


def hidden_count(table: AggregateTable) -> int:
    """How many values of a protected (or released, or merged) table are not published."""
    return sum(disclosure.value_at(table, pos) is None for pos in disclosure.positions(table))


def _desks(session: Session, desk_ids: Sequence[int] | None) -> list[HelpDesk]:
    if desk_ids is None:
        return list(session.scalars(select(HelpDesk).order_by(HelpDesk.name)))
    desks = [session.get(HelpDesk, i) for i in sorted(set(desk_ids))]
    if not desks or any(d is None for d in desks):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such help desk."))
    return [d for d in desks if d is not None]


def desk_ids_by_name(ws: Workspace, names: Sequence[str]) -> list[int]:
    """For the command line: help desks named by the user, case-insensitively."""
    ws.require_actor()
    with ws.transaction(write=False) as session:
        by_name = {d.name.casefold(): d.id for d in session.scalars(select(HelpDesk))}
    missing = [n for n in names if n.casefold() not in by_name]
    if missing:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No help desk named {name}."), name=missing[0])
    return [by_name[n.casefold()] for n in names]
