"""Migration 0016: a database of the previous version keeps its appointments, now with an empty purpose
(nobody recorded one: shown as a dash), and takes purposes afterwards."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.models import Base
from app.services import agenda, week
from app.services import cases as c
from app.services.agenda import AppointmentInput
from app.storage import migrate
from tests.foundation_fixtures import initialise


def test_upgrade_from_0015_keeps_appointments_without_a_purpose(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        ref = c.open_case(
            ws,
            c.IdentityInput("Ada", "Prova"),
            c.ProfileInput(),
            c.ConsentInput(("TRATTAMENTO",), date.today()),
        )
        day = date.today() + timedelta(days=1)
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0015")
            conn.commit()
            columns = {r[1] for r in conn.execute(text("PRAGMA table_info(appointment)"))}
            assert "purpose" not in columns  # really the previous schema
            conn.execute(
                text(
                    "INSERT INTO appointment (case_id, help_desk_id, date, time, status, created_at, updated_at) "
                    "VALUES (:case, 1, :day, '10:00', 'PROGRAMMATO', '2026-01-01', '2026-01-01')"
                ),
                {"case": ref.id, "day": day.isoformat()},
            )
            conn.commit()
            command.upgrade(config, "head")
            conn.commit()
            differences = [
                d
                for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
                if "appointment" in repr(d)
            ]
            assert differences == []
            indexes = {r[1]: r[2] for r in conn.execute(text("PRAGMA index_list(appointment)"))}
            assert indexes.get("ix_appointment_day_desk") == 0  # the partial index survives
        assert migrate.current_revision(engine) == migrate.head_revision()
        following = c.get_case(ws, ref.id).next_appointment
        assert following is not None and (following.date, following.purpose) == (day, None)
        [line] = week.week(ws, day).lines
        assert (line.time, line.detail) == ("10:00", None)
        agenda.move_appointment(ws, line.appointment.id, AppointmentInput(day, "11:00", purpose="LEGALE"))  # type: ignore[union-attr]
        assert [x.detail for x in week.week(ws, day).lines] == ["LEGALE"]
