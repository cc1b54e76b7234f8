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

# Relative cost of each section over a year at full scale, to balance the lanes (2025 of the benchmark
# data, encrypted, median of three), for the whole centre and for its six desks at once: services 610 ms
# and 640 (per desk, the year's services are sorted once by desk), services to minors 77 and 94, profile
# 480 and 600, women taken in charge 300 and 300, contacts and flow 220 and 260, referrals 76 and 137.
# Heaviest first onto the lighter lane: on two threads, about 0.9 s each for the whole centre.
_SECTIONS: dict[Section, tuple[int, int]] = {
    services: (61, 64),
    profile: (48, 60),
    in_charge: (30, 30),
    contacts_and_flow: (22, 26),
    services_to_minors: (8, 9),
    referrals: (8, 14),
}


def _lanes(count: int, by_desk: bool = False) -> list[list[Section]]:
    """The sections spread over `count` lanes, heaviest first onto the least loaded lane."""
    lanes: list[list[Section]] = [[] for _ in range(max(1, count))]
    loads = [0] * len(lanes)
    costs = {section: cost[1 if by_desk else 0] for section, cost in _SECTIONS.items()}
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
    lanes = _lanes(len(pool), scope.by_desk)

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
