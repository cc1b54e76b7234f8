"""Migration 0018: a database of revision 0017 gets the index of the notes, filled with every note it
holds, and kept by triggers from then on."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from app import demo
from app.models.notes import SOURCES, TABLE
from app.services import cases
from app.storage import migrate
from tests.case_fixtures import D0, full_case
from tests.foundation_fixtures import initialise


def test_upgrade_from_0017_indexes_every_note_and_keeps_it(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        made = full_case(ws, "Irene", "Sala", note="antefatto")
        demo.generate(ws, cases=40, seed=5, years=2, into_real_archive=True)
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0017")
            conn.commit()
            names = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
            assert not {n for n in names if n.startswith(TABLE) or n.startswith("tr_note_")}  # really 0017
            # written at 0017, with no index to keep: the upgrade must find it
            conn.execute(
                text("UPDATE referral SET notes = 'scritta prima' WHERE id = :id"), {"id": made.referral_id}
            )
            conn.commit()
            command.upgrade(config, "head")
            conn.commit()
            notes = sum(
                conn.execute(text(f"SELECT count(*) FROM {s.table} WHERE {s.column} != ''")).scalar_one()
                for s in SOURCES
            )
            assert conn.execute(text(f"SELECT count(*) FROM {TABLE}_docsize")).scalar_one() == notes > 40
        assert migrate.current_revision(engine) == migrate.head_revision()
        found = cases.search_notes(ws, "antefatto", statuses=None).items
        assert [(h.code, h.notes) for h in found] == [(made.code, 8)]  # nine notes, the referral's changed
        (hit,) = cases.search_notes(ws, "scritta prima", statuses=None).items
        assert hit.field == "referral"
        cases.add_risk_assessment(ws, made.id, D0, "MEDIO", "SARA_S", "zibaldone")  # triggers work
        assert [h.field for h in cases.search_notes(ws, "zibaldone", statuses=None).items] == ["risk"]
