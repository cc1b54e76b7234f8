"""Migration 0009: a database of revision 0008 gets appointments and the case_activity summary, filled
from what it holds and kept by triggers afterwards, whoever writes (services or bulk inserts)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import Connection, text

from app import demo
from app.services import agenda, cases, today
from app.services.workspace import Workspace
from app.storage import migrate
from tests.case_fixtures import full_case
from tests.foundation_fixtures import initialise

RECOMPUTED = """
SELECT c.id, c.help_desk_id, CASE WHEN c.processing_consent THEN c.status ELSE 'BLOCCATO' END,
  max(c.opened_on, coalesce(
    (SELECT max(d) FROM (SELECT max(date) AS d FROM service_delivery WHERE case_id = c.id
                         UNION ALL SELECT max(date) FROM contact WHERE case_id = c.id
                         UNION ALL SELECT max(date) FROM intake WHERE case_id = c.id)), '')),
  (SELECT max(date) FROM intake WHERE case_id = c.id),
  (SELECT max(p.agreed_on, coalesce((SELECT max(r.date) FROM pathway_review r WHERE r.pathway_id = p.id), ''))
     FROM pathway p WHERE p.case_id = c.id),
  (SELECT e.notice_version FROM consent_event e WHERE e.case_id = c.id AND e.scope = 'TRATTAMENTO'
     AND e.granted ORDER BY e.date DESC, e.id DESC LIMIT 1)
FROM case_file c ORDER BY c.id
"""
STORED = """
SELECT c.id, a.desk_id, a.status, a.last_on, a.intake_on, a.review_from, a.consent_notice
FROM case_file c LEFT JOIN case_activity a ON a.case_id = c.id ORDER BY c.id
"""


def activity_matches(conn: Connection) -> int:
    expected = conn.execute(text(RECOMPUTED)).all()
    assert conn.execute(text(STORED)).all() == expected
    return len(expected)


def engine_of(ws: Workspace) -> object:
    assert ws._engine is not None
    return ws._engine


def test_upgrade_from_0008_fills_case_activity_and_triggers_keep_it(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        case = full_case(ws)
        cases.record_contact(ws, cases.ContactInput(date.today(), "AUTONOMA", "TELEFONO"), case.id)
        demo.generate(ws, cases=40, seed=5, years=2, into_real_archive=True)
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
            assert not {"appointment", "case_activity"} & tables  # really the previous schema
            command.upgrade(config, "head")
            conn.commit()
            assert activity_matches(conn) > 40
            indexes = {row[1] for row in conn.execute(text("PRAGMA index_list(case_file)"))}
            # the batch rebuilds of earlier revisions' indexes survive (no table was rebuilt)
            assert {
                "ix_case_file_closed_identity",
                "ix_case_file_code_nocase",
                "ix_case_file_no_statistics",
            } <= indexes
            partial = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'ix_appointment_day_desk'")
            )
            assert "WHERE status = 'PROGRAMMATO'" in (partial.scalar() or "")
        assert migrate.current_revision(engine) == migrate.head_revision()

        # afterwards the triggers keep it: bulk inserts of the demo generator and the services alike
        demo.generate(ws, cases=20, seed=6, years=1, into_real_archive=True)
        c = case.id
        cases.add_pathway_review(ws, c, date.today())
        cases.record_consent(
            ws, c, "TRATTAMENTO", True, date.today() - timedelta(days=400), notice_version="2019"
        )
        cases.add_intake(ws, c, cases.IntakeInput(date.today(), "AUTONOMA", "PRESENZA"))
        cases.close_case(ws, c, "CONCLUSO_OBJ", date.today())
        cases.reopen_case(ws, c)
        other = cases.search_cases(ws, "").items[-1].id
        cases.record_consent(ws, other, "TRATTAMENTO", False, date.today())  # frozen: BLOCCATO
        agenda.schedule_appointment(ws, c, agenda.AppointmentInput(date.today() + timedelta(days=1), "10:00"))
        with engine.connect() as conn:
            activity_matches(conn)  # the late-dated old consent did not overrule the current one
        tomorrow = date.today() + timedelta(days=1)
        booked = [(a.case_id, a.time) for a in today.overview(ws).appointments if a.date == tomorrow]
        assert booked.count((c, "10:00")) == 1  # beside the demo's own appointments
