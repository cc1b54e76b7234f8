"""Migration 0008: a database of the previous version gets a record key on every counted row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import text

from app.services import cases
from app.storage import migrate
from tests.case_fixtures import full_case
from tests.foundation_fixtures import add_women, initialise

KEYED = ("case_file", "contact", "service_delivery", "referral")


def test_upgrade_from_0007_gives_every_counted_row_a_key(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        add_women(ws, 30)
        full_case(ws)
        for _ in range(3):
            cases.record_contact(ws, cases.ContactInput(date(2025, 3, 2), "AUTONOMA", "TELEFONO"))
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0007")
            conn.commit()
            columns = {row[1] for row in conn.execute(text("PRAGMA table_info(case_file)"))}
            assert "record_key" not in columns  # really the previous schema
            command.upgrade(config, "head")
            conn.commit()
            for table in KEYED:
                keys = [row[0] for row in conn.execute(text(f"SELECT record_key FROM {table}"))]
                assert keys, table
                assert all(0 <= k < 4096 for k in keys), table
                if len(keys) >= 20:  # drawn at random, not a constant or the row id
                    assert len(set(keys)) > len(keys) // 2, table
            mismatched = conn.execute(
                text(
                    "SELECT count(*) FROM service_delivery s JOIN case_file c ON c.id = s.case_id "
                    "WHERE s.woman_key != c.record_key"
                )
            ).scalar()
            assert mismatched == 0  # each service carries her case's key
            index = conn.execute(text("PRAGMA index_info(ix_service_delivery_year)")).fetchall()
            assert {"record_key", "woman_key"} <= {row[2] for row in index}  # the indicators stay index-only
            indexes = {row[1] for row in conn.execute(text("PRAGMA index_list(case_file)"))}
            # expression and partial indexes a batch rebuild would have lost
            assert {"ix_case_file_code_nocase", "ix_case_file_no_statistics"} <= indexes
        assert migrate.current_revision(engine) == migrate.head_revision()


def test_a_new_service_carries_its_womans_key(tmp_path: Path) -> None:
    """Written through the services or by the demo generator, a service knows her case's record key."""
    from app import demo

    ws, _ = initialise(tmp_path / "data")
    with ws:
        case = full_case(ws)
        demo.generate(ws, cases=20, seed=3, years=1, into_real_archive=True)
        assert ws._engine is not None
        with ws._engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT s.woman_key, c.record_key, s.case_id FROM service_delivery s "
                    "JOIN case_file c ON c.id = s.case_id"
                )
            ).all()
        assert len(rows) > 20 and any(r[2] == case.id for r in rows)
        assert all(woman == own for woman, own, _ in rows)
