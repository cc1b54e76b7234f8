"""Migration 0015: a database of the previous version gets planned reviews and the goals' history. Each
existing pathway is planned one interval (the centre's, as it stored it) after its last review or its
agreement, copied where Oggi reads it; the schema then matches the models and the triggers keep it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.models import Base
from app.services import cases as c
from app.services import today
from app.storage import migrate
from tests.case_fixtures import D0, TODAY, open_case
from tests.foundation_fixtures import initialise

TABLES = ("goal_version", "pathway", "pathway_review", "case_activity")


def _columns(conn: object, table: str) -> set[str]:
    return {r[1] for r in conn.execute(text(f"PRAGMA table_info({table})"))}  # type: ignore[attr-defined]


def test_upgrade_from_0014_plans_every_pathway_one_interval_on(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        agreed_only, reviewed, no_pathway = open_case(ws, "Ada"), open_case(ws, "Bea"), open_case(ws, "Cora")
        c.agree_pathway(ws, agreed_only.id, D0 + timedelta(days=2))
        c.agree_pathway(ws, reviewed.id, D0 + timedelta(days=2))
        today.set_settings(ws, today.TodaySettings(6, 2, 0))  # the centre reviews every two months
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0014")
            conn.commit()
            assert "next_review_on" not in _columns(conn, "pathway")  # really the previous schema
            assert "goal_version" not in {
                r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
            }
            conn.execute(  # a review recorded by the previous version (its trigger moves review_from)
                text(
                    "INSERT INTO pathway_review (pathway_id, date, notes) "
                    "SELECT id, :day, 'verifica' FROM pathway WHERE case_id = :case"
                ),
                {"day": (D0 + timedelta(days=31)).isoformat(), "case": reviewed.id},
            )
            conn.commit()

            command.upgrade(config, "head")
            conn.commit()
            differences = [
                d
                for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
                if any(t in repr(d) for t in TABLES)
            ]
            assert differences == []
            planned = dict(
                conn.execute(text("SELECT case_id, review_due FROM case_activity")).all()  # type: ignore[arg-type]
            )
        assert migrate.current_revision(engine) == migrate.head_revision()

        expected = {
            agreed_only.id: c.add_months(D0 + timedelta(days=2), 2),
            reviewed.id: c.add_months(D0 + timedelta(days=31), 2),
        }
        for case_id, day in expected.items():
            pathway = c.get_case(ws, case_id).pathway
            assert pathway is not None and pathway.next_review_on == day
            assert planned[case_id] == day.isoformat()
        assert planned[no_pathway.id] is None

        # the triggers keep it from now on; Oggi reads it
        c.add_pathway_review(
            ws, agreed_only.id, TODAY - timedelta(days=1), next_review_on=TODAY + timedelta(days=2)
        )
        with ws.transaction(write=False) as session:
            rows = today.reviews_due_between(session, ws.require_actor(), TODAY, TODAY + timedelta(days=7))
        assert rows == [(agreed_only.id, TODAY + timedelta(days=2))]
        assert agreed_only.code in {i.code for i in today.overview(ws).items[today.REVIEW]}
