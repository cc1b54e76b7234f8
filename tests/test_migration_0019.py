"""Migration 0019: a database of revision 0018 gets `case_profile`, filled with every case's profile and
latest interview, and kept by triggers from then on."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app import demo
from app.models import Base
from app.services import cases
from app.storage import migrate
from tests.case_fixtures import D0, full_case
from tests.foundation_fixtures import initialise
from tests.test_case_profile import REFERENCE, STORED, assert_current


def test_upgrade_from_0018_fills_case_profile_and_triggers_keep_it(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        made = full_case(ws, "Irene", "Sala")
        demo.generate(ws, cases=40, seed=5, years=2, into_real_archive=True)
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0018")
            conn.commit()
            names = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
            assert not {n for n in names if "case_profile" in n or n.startswith("tr_profile_")}  # really 0018
            # written at 0018, with no table to keep: the upgrade must find it
            conn.execute(text(f"UPDATE intake SET date = '2020-01-01' WHERE case_id = {made.id}"))
            conn.execute(text("UPDATE case_file SET education = 'LAUREA' WHERE id % 4 = 0"))
            conn.commit()
            command.upgrade(config, "head")
            conn.commit()
            stored = [tuple(r) for r in conn.execute(text(STORED))]
            assert stored == [tuple(r) for r in conn.execute(text(REFERENCE))] and len(stored) > 40
            differences = [
                d
                for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
                if "case_profile" in repr(d)
            ]
            assert differences == []
        assert migrate.current_revision(engine) == migrate.head_revision()
        cases.add_intake(
            ws, made.id, cases.IntakeInput(D0 + timedelta(days=5), "N1522", violence_forms=("MGF",))
        )
        assert_current(ws)  # the triggers work
