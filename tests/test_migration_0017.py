"""Migration 0017: a database of the previous version (0016, with a case in it) gets the documents' tables,
empty, matching the models; her case then takes a document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.models import Base
from app.services import cases as c
from app.services.cases import documents as docs
from app.storage import migrate
from tests.document_fixtures import make_pdf
from tests.foundation_fixtures import initialise

TABLES = {"case_document", "case_document_content"}


def test_upgrade_from_0016_adds_the_documents(tmp_path: Path) -> None:
    ws, _ = initialise(tmp_path / "data")
    with ws:
        engine = ws._engine
        assert engine is not None
        config = migrate.alembic_config()
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0016")
            conn.commit()
        ref = c.open_case(  # a case made at 0016
            ws,
            c.IdentityInput("Maria", "Rossi"),
            c.ProfileInput(),
            c.ConsentInput(("TRATTAMENTO",), dt.date.today()),
        )
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
            assert not tables & TABLES  # really the previous schema
            command.upgrade(config, "head")
            conn.commit()
            differences = [
                d
                for d in compare_metadata(MigrationContext.configure(conn), Base.metadata)
                if any(t in repr(d) for t in TABLES)
            ]
            assert differences == []
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert docs.list_documents(ws, ref.id) == []
        doc_id = docs.add_document_bytes(ws, ref.id, "denuncia.pdf", make_pdf("denuncia"))
        assert docs.open_document(ws, doc_id).content.startswith(b"%PDF-")
