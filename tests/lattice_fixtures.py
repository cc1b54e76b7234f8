"""One year's whole release lattice of a demo centre: every calendar period x the whole centre and each desk.

The tables are computed by `indicators` and protected by `disclosure` directly (no release is made: the
lattice is what a centre would publish if it released everything it may, which is the intruder's best
case: every table for the whole centre, `indicators.DESK_TABLES` for each desk, as the releases do). Built once per size and kept as (true tables, published tables by p-table version).
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from app import demo
from app.crypto.keyslots import KdfParams
from app.models.accounts import HelpDesk
from app.reports import cellkey, disclosure, indicators
from app.reports.periods import Period
from app.reports.tables import AggregateTable
from app.services.workspace import Workspace

FAST = KdfParams(19456, 2, 1)
PASSWORD = "lanterna torrente civetta brina"
YEAR = 2025
CENTRE = "centre"
Lattice = dict[tuple[str, str], list[AggregateTable]]


def calendar(year: int = YEAR) -> tuple[list[Period], dict[str, list[list[str]]]]:
    """The year's 19 calendar periods, and how each larger one splits into smaller ones."""
    months = [Period.month(year, m) for m in range(1, 13)]
    quarters = [Period.quarter(year, q) for q in range(1, 5)]
    semesters = [Period.semester(year, s) for s in (1, 2)]
    whole = Period.year(year)
    codes = {p: p.code for p in [*months, *quarters, *semesters, whole]}

    def inside(big: Period, small: list[Period]) -> list[str]:
        return [codes[p] for p in small if big.start <= p.start and p.end <= big.end]

    splits: dict[str, list[list[str]]] = {
        whole.code: [inside(whole, months), inside(whole, quarters), inside(whole, semesters)]
    }
    for s in semesters:
        splits[s.code] = [inside(s, months), inside(s, quarters)]
    for q in quarters:
        splits[q.code] = [inside(q, months)]
    return list(codes), splits


@dataclass
class DemoLattice:
    women: int
    desks: list[str]  # the whole centre first, then each desk
    truth: Lattice
    splits: dict[str, list[list[str]]]
    folder: Path
    hours: list[list[tuple[float, int]]]
    """The year's hours cells for the whole centre (service type x mode): for each woman, her hours and
    the sum of her services' record keys (the cell key is the sum of them all)."""

    def published(self, table: cellkey.PTable, k: int = disclosure.DEFAULT_K) -> Lattice:
        return {key: disclosure.protect(tables, k, table).tables for key, tables in self.truth.items()}


def build(folder: Path, women: int, seed: int = 22, years: int = 2) -> DemoLattice:
    """A demo centre of `women` women over `years` years up to January 2026 (six desks), and its 2025
    lattice (with one year, every woman arrives in 2025: less data to compute, the same lattice)."""
    ws, _ = Workspace.initialise(
        folder, centre_name="Aiuto Donna", centre_code="BG", desk_name="Bergamo", username="anna",
        full_name="Anna", password=PASSWORD, kdf=FAST,
    )  # fmt: skip
    try:
        today = date(YEAR + 1, 1, 31) if years > 1 else date(YEAR, 12, 31)
        demo.generate(ws, cases=women, seed=seed, years=years, today=today)
        _seed_keys(ws, seed)
        periods, splits = calendar()
        truth: Lattice = {}
        with ws.parallel_reads(2) as sessions:
            desk_ids = sorted(d.id for d in sessions[0].query(HelpDesk))
            for period in periods:
                code = period.code
                truth[(CENTRE, code)] = indicators.compute_indicators(sessions, period, None)
                for desk, tables in indicators.compute_indicators_by_desk(sessions, period, desk_ids).items():
                    truth[(f"desk{desk}", code)] = [t for t in tables if t.id in indicators.DESK_TABLES]
            hours = _hours(sessions[0])
    finally:
        ws.close()
    return DemoLattice(women, [CENTRE, *(f"desk{d}" for d in desk_ids)], truth, splits, folder, hours)


def _hours(session: Session) -> list[list[tuple[float, int]]]:
    rows = session.execute(
        text(
            "SELECT service_type, mode, SUM(minutes), SUM(record_key) FROM service_delivery "
            "WHERE date BETWEEN :start AND :end GROUP BY service_type, mode, case_id"
        ),
        {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31"},
    ).all()
    cells: dict[tuple[str, str], list[tuple[float, int]]] = {}
    for service_type, mode, minutes, keys in rows:
        cells.setdefault((service_type, mode), []).append((int(minutes) / 60, int(keys)))
    return list(cells.values())


def remove(lattice: DemoLattice) -> None:
    shutil.rmtree(lattice.folder.parent, ignore_errors=True)


def _seed_keys(ws: Workspace, seed: int) -> None:
    """Record keys are drawn from the OS at random; redraw them from a seed so every run publishes the
    same values (and measures the same figures)."""
    rng = random.Random(seed)
    with ws.transaction() as session:
        for table in ("case_file", "contact", "service_delivery", "referral"):
            ids = session.execute(text(f"SELECT id FROM {table} ORDER BY id")).scalars().all()
            session.execute(
                text(f"UPDATE {table} SET record_key = :k WHERE id = :i"),
                [{"k": rng.randrange(cellkey.KEY_RANGE), "i": row_id} for row_id in ids],
            )
        session.execute(
            text(
                "UPDATE service_delivery SET woman_key = "
                "(SELECT record_key FROM case_file WHERE case_file.id = service_delivery.case_id)"
            )
        )
