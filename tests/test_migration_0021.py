"""Migration 0021: a database of revision 0020 gets the indicators' covering indexes, every figure stays
what it was, and the sections read the narrow indexes instead of the wide rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.orm import Session

from app import demo
from app.models import Base
from app.models.cases import CASE_PROFILE_DESK_INDEX
from app.reports.indicators import compute_indicators, compute_indicators_by_desk
from app.reports.indicators.in_charge import in_charge
from app.reports.indicators.referrals import referrals
from app.reports.indicators.scope import Scope
from app.reports.periods import Period
from app.storage import migrate
from tests.foundation_fixtures import initialise
from tests.query_plans import plans_of

INDEXES = {
    "ix_case_file_in_charge": ("case_file", 10),
    "ix_case_file_flow": ("case_file", 7),
    "ix_case_file_key": ("case_file", 4),
    "ix_referral_date": ("referral", 6),
    "ix_risk_assessment_level": ("risk_assessment", 2),
    "ix_case_profile_desk": ("case_profile", len(CASE_PROFILE_DESK_INDEX)),  # every column since 0024
    "ix_case_profile_intake": ("case_profile", 4),
}


def _width(conn: Any, name: str) -> int:
    return len(list(conn.execute(text(f"PRAGMA index_info({name})"))))


def _figures(session: Session) -> list[str]:
    out = []
    for period in (Period.year(2025), Period.year(2026), Period.quarter(2025, 2)):
        out.append(repr(compute_indicators(session, period, None)))
        out.append(repr(compute_indicators(session, period, [1])))
        out.append(repr(compute_indicators_by_desk(session, period, [1, 2])))
    return out


def test_upgrade_from_0020_adds_the_covering_indexes_and_keeps_every_figure(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        demo.generate(ws, cases=80, seed=21, years=2)
        # the figures of the data before the round trip: the code of head reads columns 0023 adds
        with ws.transaction(write=False) as session:
            before = _figures(session)
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0020")
            conn.commit()
            assert _width(conn, "ix_referral_date") == 1  # really 0020
            assert _width(conn, "ix_case_file_key") == 0
            command.upgrade(config, "head")
            conn.commit()
            assert {name: _width(conn, name) for name in INDEXES} == {n: w for n, (_, w) in INDEXES.items()}
            differences = [
                d
                for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
                if any(name in repr(d) for name in INDEXES)
            ]
            assert differences == []
        assert migrate.current_revision(engine) == migrate.head_revision()
        with ws.transaction(write=False) as session:
            assert _figures(session) == before
            count = session.scalar(text("SELECT count(*) FROM referral"))
            assert count and count > 10  # the figures compared are not all empty
            desk_quarter = Scope(Period.quarter(2025, 2), [1])
            plan = plans_of(session, lambda: referrals(session, desk_quarter, "it"))
            # a desk's quarter of referrals: one range of the dated index, each case by its id
            assert "COVERING INDEX ix_referral_date" in plan
            assert "COVERING INDEX ix_case_file_key" in plan
            year = Scope(Period.year(2025), None)
            plan = plans_of(session, lambda: in_charge(session, year, "it"))
            assert "COVERING INDEX ix_case_file_in_charge" in plan  # never the wide case rows
