"""Migration 0009: a database of revision 0008 gets the appointment table and the indexes "Oggi" reads."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import text

from app.services import agenda, cases, today
from app.storage import migrate
from tests.case_fixtures import full_case
from tests.foundation_fixtures import initialise


def test_upgrade_from_0008_adds_appointments(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        case = full_case(ws)
        cases.record_contact(ws, cases.ContactInput(date(2025, 3, 2), "AUTONOMA", "TELEFONO"), case.id)
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
            conn.commit()
            tables = {
                row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
            }
            assert "appointment" not in tables  # really the previous schema
            command.upgrade(config, "head")
            conn.commit()
            indexes = {row[1] for row in conn.execute(text("PRAGMA index_list(contact)"))}
            assert {"ix_contact_case_date", "ix_contact_date_desk_case"} <= indexes
            partial = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'ix_appointment_day_desk'")
            ).scalar()
            assert "WHERE status = 'PROGRAMMATO'" in (partial or "")
            plan = " ".join(
                str(row[-1])
                for row in conn.execute(
                    text(
                        "EXPLAIN QUERY PLAN SELECT id FROM appointment WHERE status = 'PROGRAMMATO' "
                        "AND date = '2026-01-01' AND help_desk_id = 1"
                    )
                )
            )
            assert "ix_appointment_day_desk" in plan
        assert migrate.current_revision(engine) == migrate.head_revision()
        tomorrow = date.today() + timedelta(days=1)
        agenda.schedule_appointment(ws, case.id, agenda.AppointmentInput(tomorrow, "10:00"))
        assert [a.case_id for a in today.overview(ws).appointments] == [case.id]
