"""Migration 0010: a database of the previous version gains the ISTAT survey fields and tables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import text

from app.services import cases
from app.storage import migrate
from tests.case_fixtures import full_case
from tests.foundation_fixtures import add_women, initialise

NEW_INTAKE_COLUMNS = {
    "help_sought", "perpetrators_count", "perpetrator_sex", "perpetrator_age", "perpetrator_citizenship",
    "perpetrator_weapons", "perpetrator_alcohol", "perpetrator_drugs", "perpetrator_prior_violence",
}  # fmt: skip


def test_upgrade_from_0008_keeps_interviews_and_marks_new_answers_not_available(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        add_women(ws, 12)
        case = full_case(ws)
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            intakes_before = conn.execute(text("SELECT count(*) FROM intake")).scalar()
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
            conn.commit()
            columns = {row[1] for row in conn.execute(text("PRAGMA table_info(intake)"))}
            assert not NEW_INTAKE_COLUMNS & columns  # really the previous schema
            tables = {
                row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
            }
            assert not {"police_report_event", "structure_value"} & tables
            command.upgrade(config, "head")
            conn.commit()
            columns = {row[1] for row in conn.execute(text("PRAGMA table_info(intake)"))}
            assert columns >= NEW_INTAKE_COLUMNS
            rows = conn.execute(
                text(
                    "SELECT help_sought, perpetrators_count, perpetrator_sex, perpetrator_weapons FROM intake"
                )
            ).all()
            assert len(rows) == intakes_before and rows
            assert set(rows) == {("", None, "ND", "ND")}  # earlier interviews: not asked, so not available
            indexes = {row[1] for row in conn.execute(text("PRAGMA index_list(intake)"))}
            assert {"ix_intake_date_case", "ix_intake_case_date"} <= indexes
        assert migrate.current_revision(engine) == migrate.head_revision()
        # the upgraded database takes the new records through the services
        cases.add_police_report_event(ws, case.id, date(2025, 6, 1), "PRESENTATA")
        cases.add_police_report_event(ws, case.id, date(2025, 9, 1), "RITIRATA")
        stages = [e.stage for e in cases.get_case(ws, case.id).police_report_events]
        assert stages == ["PRESENTATA", "RITIRATA"]
