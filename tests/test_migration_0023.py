"""Migration 0023: a database of revision 0022 gets each case's latest risk assessment in `case_profile`,
filled for the assessments written before, kept by triggers from then on; every figure is what looking up
every woman's assessment (as before 0023) gives, and the profile looks up only those of the women assessed
after the period's end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.models import Base
from app.reports.indicators import compute_indicators, compute_indicators_by_desk
from app.reports.indicators.profile import profile
from app.reports.indicators.scope import Scope
from app.reports.periods import Period
from app.services import cases
from app.storage import migrate
from tests.migration_fixtures import downgraded
from tests.query_plans import plans_of
from tests.test_case_profile import REFERENCE, STORED, assert_current


def _figures(session: Session) -> list[str]:
    out = []
    for period in (Period.year(2025), Period.year(2026), Period.quarter(2025, 2), Period.quarter(2026, 1)):
        out.append(repr(compute_indicators(session, period, None)))
        out.append(repr(compute_indicators(session, period, [1])))
        out.append(repr(compute_indicators_by_desk(session, period, [1, 2])))
    return out


def test_upgrade_from_0022_keeps_the_latest_assessment_and_every_figure(tmp_path: Path) -> None:
    with downgraded(tmp_path / "data", "0022", cases=80, seed=23) as m:
        ws, engine, conn = m.ws, m.engine, m.conn
        columns = {row[1] for row in conn.execute(text("PRAGMA table_info(case_profile)"))}
        assert "risk_on" not in columns and "risk_level" not in columns  # really 0022
        # written at 0022, with no triggers to keep the row: the upgrade must find them
        conn.execute(
            text("UPDATE risk_assessment SET level = 'BASSO', date = date(date, '-3 day') WHERE id % 3 = 0")
        )
        conn.execute(text("DELETE FROM risk_assessment WHERE id % 5 = 0"))
        conn.commit()
        m.upgrade()
        stored = [tuple(r) for r in conn.execute(text(STORED))]
        assert stored == [tuple(r) for r in conn.execute(text(REFERENCE))]
        assert sum(1 for r in stored if r[-1] is not None) > 20  # the kept levels are not all empty
        differences = [
            d
            for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
            if "case_profile" in repr(d)
        ]
        assert differences == []
        assert migrate.current_revision(engine) == migrate.head_revision()
        with ws.transaction(write=False) as session:
            kept = _figures(session)
        with ws.transaction() as session:  # every woman's assessment looked up, as the code of 0022 did
            session.execute(text("UPDATE case_profile SET risk_on = '9999-12-31', risk_level = NULL"))
            assert _figures(session) == kept
            session.rollback()
        with ws.transaction(write=False) as session:
            year = Scope(Period.year(2025), None)
            plan = plans_of(session, lambda: profile(session, year, "it"))
            # one lookup of the assessment, for the women with a later record only (two before: one a woman)
            assert (
                plan.count("SEARCH risk_assessment_1 USING COVERING INDEX ix_risk_assessment_case_date") == 1
            )
            assert "risk_assessment_2" not in plan
        case_id = next(r[0] for r in stored if r[4] is None)  # an open case (closed_on NULL)
        cases.add_risk_assessment(ws, case_id, date.today(), "ELEVATO", "SARA_S")
        kept = {r[0]: r[-2:] for r in assert_current(ws)}  # the triggers work
        assert kept[case_id] == (date.today().isoformat(), "ELEVATO")
