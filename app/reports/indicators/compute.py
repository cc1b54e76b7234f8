"""The entry points: every section of the indicators for a scope, spread over the sessions' threads."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy.orm import Session

from app.reports.indicators.flow import contacts_and_flow
from app.reports.indicators.grids import TABLE_IDS
from app.reports.indicators.in_charge import in_charge
from app.reports.indicators.profile import profile
from app.reports.indicators.referrals import referrals
from app.reports.indicators.scope import Group, Scope
from app.reports.indicators.services import services, services_to_minors
from app.reports.periods import Period
from app.reports.tables import AggregateTable

Section = Callable[[Session, Scope, str], dict[Group, list[AggregateTable]]]

# Relative cost of each section, to balance the lanes: CPU at full scale (2025 of the benchmark data,
# encrypted, pages cold as after any commit, measured inside `reports.prepare`), for the whole centre's
# year, for one desk's quarter and for the six desks' year at once: services 281, 23 and 326 ms; profile
# 204, 35 and 259; women taken in charge 155, 18 and 197; contacts and flow 105, 17 and 132; referrals 45,
# 8 and 54; services to minors 15, 2 and 17. Heaviest first onto the lighter lane: about 400, 52 and 510
# ms of CPU on each of two.
_SECTIONS: dict[Section, tuple[int, int, int]] = {
    services: (281, 23, 326),
    profile: (204, 35, 259),
    in_charge: (155, 18, 197),
    contacts_and_flow: (105, 17, 132),
    referrals: (45, 8, 54),
    services_to_minors: (15, 2, 17),
}


def _lanes(count: int, scope: Scope) -> list[list[Section]]:
    """The sections spread over `count` lanes, heaviest first onto the least loaded lane."""
    lanes: list[list[Section]] = [[] for _ in range(max(1, count))]
    loads = [0] * len(lanes)
    column = 2 if scope.by_desk else 0 if scope.desks is None else 1
    costs = {section: cost[column] for section, cost in _SECTIONS.items()}
    for section, cost in sorted(costs.items(), key=lambda item: -item[1]):
        lightest = loads.index(min(loads))
        lanes[lightest].append(section)
        loads[lightest] += cost
    return [lane for lane in lanes if lane]


def compute_indicators(
    sessions: Session | Sequence[Session],
    period: Period,
    help_desk_ids: Sequence[int] | None,
    lang: str = "it",
) -> list[AggregateTable]:
    """Every indicator table of DOMAIN.md for `period` and the given desks (None = all), in `TABLE_IDS` order.

    Read-only: run it in ``with ws.transaction(write=False) as session``. Given several sessions that
    see one snapshot (``ws.parallel_reads(n)``), the sections run on that many threads, one session each:
    SQLite releases the GIL while it aggregates, so a 2-core PC computes a year in about half the time.
    The tables carry contributors (distinct women) for disclosure control; protect them before anything
    leaves the PC.
    """
    return _compute(sessions, Scope(period, help_desk_ids), lang)[None]


def compute_indicators_by_desk(
    sessions: Session | Sequence[Session],
    period: Period,
    help_desk_ids: Sequence[int],
    lang: str = "it",
) -> dict[int, list[AggregateTable]]:
    """For each desk, exactly the tables of ``compute_indicators(sessions, period, [desk], lang)``.

    Each section reads the period once, grouped by the desk its rule names, instead of once per desk:
    a full scan per desk made a report laid out by desk cost as many scans as the centre has desks.
    """
    by_group = _compute(sessions, Scope(period, help_desk_ids, by_desk=True), lang)
    return {int(desk): tables for desk, tables in by_group.items() if desk is not None}


def _compute(
    sessions: Session | Sequence[Session], scope: Scope, lang: str
) -> dict[Group, list[AggregateTable]]:
    """Every section for `scope`, on as many threads as sessions; each group's tables in `TABLE_IDS` order."""
    pool = [sessions] if isinstance(sessions, Session) else list(sessions)
    lanes = _lanes(len(pool), scope)

    def run(session: Session, lane: list[Section]) -> list[dict[Group, list[AggregateTable]]]:
        return [section(session, scope, lang) for section in lane]

    if len(lanes) == 1:
        results = run(pool[0], lanes[0])
    else:
        with ThreadPoolExecutor(max_workers=len(lanes), thread_name_prefix="indicators") as executor:
            futures = [
                executor.submit(run, session, lane) for session, lane in zip(pool, lanes, strict=False)
            ]
            results = [result for future in futures for result in future.result()]
    order = {tid: i for i, tid in enumerate(TABLE_IDS)}
    return {
        group: sorted((t for result in results for t in result[group]), key=lambda t: order[t.id])
        for group in scope.groups
    }
