"""Retention: the policy, what is due, erasure that leaves no trace on disk, and audit truncation.

Everything runs on real encrypted databases. To prove that an erased name is gone from the file itself,
and not only from the tables, the tests decrypt every page of the database and of its WAL with the data
key (free pages included, which no SQL query can reach) and also export a plaintext copy through
SQLCipher, inside tmp_path only; each scan first proves it does find the marker before the erasure.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.crypto.keyslots import DataKey, KeyStore
from app.models.audit import AuditAnchor, AuditEvent
from app.models.cases import (
    Case,
    ConsentEvent,
    Contact,
    Goal,
    Identity,
    Intake,
    NameToken,
    Pathway,
    Referral,
    RiskAssessment,
    ServiceDelivery,
)
from app.reports.indicators import compute_indicators
from app.reports.periods import Period
from app.services import audit, maintenance, retention
from app.services import cases as c
from app.services.errors import PermissionDenied, ValidationError
from app.services.workspace import Workspace
from app.storage import database, migrate
from tests.case_fixtures import (
    ADMIN,
    ALL_SCOPES,
    COORD,
    FAST_KDF,
    OP_A,
    PASSWORDS,
    audit_events,
    count_rows,
    profile,
    switch,
)
from tests.foundation_fixtures import run_cli

pytest_plugins = ["tests.case_fixtures"]

PAGE = database.PAGE_SIZE
RESERVE = 48  # SQLCipher 4: 16-byte IV + 32-byte HMAC-SHA256 (database.CIPHER_HMAC) at the end of every page
TODAY = date.today()


def _years_ago(years: int, days: int = 0) -> date:
    return date(TODAY.year - years, 6 if TODAY.month > 6 else 1, 15) - timedelta(days=days)


@pytest.fixture
def admin_ws(case_ws: Workspace) -> Workspace:
    switch(case_ws, ADMIN)
    return case_ws


def _marker() -> str:
    return "zq" + uuid.uuid4().hex[:12]


def old_case(ws: Workspace, marker: str, opened: date, closed: date | None) -> c.CaseRef:
    """A case with her name and every free-text field carrying `marker`, opened (and closed) long ago."""
    ref = c.open_case(
        ws,
        c.IdentityInput(
            f"{marker}nome",
            f"{marker}cognome",
            tax_code="RSSNCL85A41H501X",
            phone="333 1234567",
            email=f"{marker}@example.org",
            address=f"via {marker} 1",
            safe_contact_times=f"mattina {marker}",
            safe_contact_notes=f"contatto {marker}",
            notes=f"identita {marker}",
        ),
        profile(),
        c.ConsentInput(ALL_SCOPES, opened),
        opened_on=opened,
    )
    c.add_intake(
        ws,
        ref.id,
        c.IntakeInput(
            opened, "N1522", "TELEFONO", ("PSICOLOGICA", "FISICA"), "01", "1_5Y", notes=f"colloquio {marker}"
        ),
    )
    c.add_risk_assessment(ws, ref.id, opened + timedelta(days=1), "ELEVATO", "SARA_S", f"rischio {marker}")
    c.agree_pathway(ws, ref.id, opened + timedelta(days=2), f"percorso {marker}")
    c.add_goal(ws, ref.id, "SICUREZZA", f"obiettivo {marker}", None)
    c.add_pathway_review(ws, ref.id, opened + timedelta(days=10), f"verifica {marker}")
    for day in (3, 5):
        c.add_service(
            ws,
            ref.id,
            c.ServiceInput(
                opened + timedelta(days=day),
                "PSICO_IND",
                "PRESENZA",
                60,
                "PSICOLOGA",
                notes=f"servizio {marker}",
            ),
        )
    c.add_referral(
        ws,
        ref.id,
        c.ReferralInput(opened + timedelta(days=4), "CONSULTORIO", children_count=1, notes=f"invio {marker}"),
    )
    if closed is not None:
        c.close_case(ws, ref.id, "CONCLUSO_OBJ", closed)
    return ref


# --- raw views of the file ------------------------------------------------------------------------------------
def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[16 if first else 0 : PAGE - RESERVE]) + decryptor.finalize()


def decrypted_file(db: Path, key: bytes) -> bytes:
    """Every page of the database and every frame of its WAL, decrypted: free pages included."""
    data = db.read_bytes()
    pages = [_decrypt_page(data[n * PAGE : (n + 1) * PAGE], key, n == 0) for n in range(len(data) // PAGE)]
    assert pages[0][:2] == PAGE.to_bytes(2, "big"), "page 1 did not decrypt to a SQLite header"
    wal = db.with_name(db.name + "-wal")
    wal_data = wal.read_bytes() if wal.exists() else b""
    offset = 32
    while offset + 24 + PAGE <= len(wal_data):
        number = int.from_bytes(wal_data[offset : offset + 4], "big")
        pages.append(_decrypt_page(wal_data[offset + 24 : offset + 24 + PAGE], key, number == 1))
        offset += 24 + PAGE
    return b"".join(pages)


def plaintext_export(ws: Workspace, target: Path) -> bytes:
    """A plaintext copy through SQLCipher itself (test only, inside tmp_path)."""
    with database.raw_connection(ws.db_path, ws.data_key) as connection:
        connection.execute(f"ATTACH DATABASE '{target}' AS plaintext KEY ''")
        connection.execute("SELECT sqlcipher_export('plaintext')").fetchall()
        connection.execute("DETACH DATABASE plaintext")
    content = target.read_bytes()
    target.unlink()
    return content


def _needles(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def _found(content: bytes, marker: str) -> bool:
    return any(needle in content for needle in _needles(marker))


def _raw_files(ws: Workspace) -> bytes:
    wal = ws.db_path.with_name(ws.db_path.name + "-wal")
    return ws.db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


# --- coded content that aggregates are made of -----------------------------------------------------------------
FREE_TEXT = {"notes", "description", "identity_erased_on", "contact_allowed", "updated_at"}


def coded_rows(ws: Workspace, case_id: int) -> dict[str, list[dict[str, Any]]]:
    result: dict[str, list[dict[str, Any]]] = {}
    with ws.transaction(write=False) as session:
        pathway_ids = select(Pathway.id).where(Pathway.case_id == case_id)
        for model, where in (
            (Case, Case.id == case_id),
            (ConsentEvent, ConsentEvent.case_id == case_id),
            (Intake, Intake.case_id == case_id),
            (RiskAssessment, RiskAssessment.case_id == case_id),
            (Pathway, Pathway.case_id == case_id),
            (Goal, Goal.pathway_id.in_(pathway_ids)),
            (ServiceDelivery, ServiceDelivery.case_id == case_id),
            (Referral, Referral.case_id == case_id),
            (Contact, Contact.case_id == case_id),
        ):
            table = model.__table__  # type: ignore[attr-defined]
            rows = session.execute(select(table).where(where).order_by(*table.primary_key.columns)).mappings()
            result[table.name] = [{k: v for k, v in row.items() if k not in FREE_TEXT} for row in rows]
    return result


def indicators(ws: Workspace, year: int) -> list[Any]:
    with ws.transaction(write=False) as session:
        return compute_indicators(session, Period.year(year), None)


# --- policy ---------------------------------------------------------------------------------------------------------
def test_policy_defaults_limits_and_audit(admin_ws: Workspace) -> None:
    assert retention.get_policy(admin_ws) == retention.RetentionPolicy(7, 18, 10, False)
    base = retention.RetentionPolicy()
    for bad in (
        replace(base, case_years=0),
        replace(base, case_years=51),
        replace(base, contact_months=0),
        replace(base, contact_months=121),
        replace(base, audit_years=0),
        replace(base, audit_years=51),
        replace(base, case_years=True),
        replace(base, audit_years="10"),  # type: ignore[arg-type]
    ):
        with pytest.raises(ValidationError):
            retention.set_policy(admin_ws, bad)
    assert retention.get_policy(admin_ws) == base
    for edge in (retention.RetentionPolicy(1, 1, 1, True), retention.RetentionPolicy(50, 120, 50, False)):
        retention.set_policy(admin_ws, edge)
        assert retention.get_policy(admin_ws) == edge
    changed = audit_events(admin_ws, "setting.changed")
    assert {e.entity_id for e in changed} == {
        "retention_case_years",
        "retention_contact_months",
        "retention_audit_years",
        "retention_full_deletion",
    }


def test_only_an_amministratrice_changes_or_applies(admin_ws: Workspace) -> None:
    switch(admin_ws, COORD)
    plan = retention.due_records(admin_ws)  # a coordinatrice may look
    with pytest.raises(PermissionDenied):
        retention.set_policy(admin_ws, retention.RetentionPolicy(case_years=5))
    with pytest.raises(PermissionDenied):
        retention.apply_retention(admin_ws, plan)
    switch(admin_ws, OP_A)
    with pytest.raises(PermissionDenied):
        retention.due_records(admin_ws)
    with pytest.raises(PermissionDenied):
        retention.get_policy(admin_ws)
    switch(admin_ws, ADMIN)
    assert retention.get_policy(admin_ws) == retention.RetentionPolicy()


# --- what is due ----------------------------------------------------------------------------------------------------
def test_plan_lists_exactly_the_due_cases(admin_ws: Workspace) -> None:
    due = old_case(admin_ws, _marker(), _years_ago(9), _years_ago(8))
    recent = old_case(admin_ws, _marker(), _years_ago(9), _years_ago(6))
    still_open = old_case(admin_ws, _marker(), _years_ago(12), None)
    erased = old_case(admin_ws, _marker(), _years_ago(10), _years_ago(9))
    c.erase_identity(admin_ws, erased.id)
    edge_day = TODAY.replace(year=TODAY.year - 7) if not (TODAY.month == 2 and TODAY.day == 29) else None
    edge = old_case(admin_ws, _marker(), _years_ago(8), edge_day) if edge_day else None

    plan = retention.due_records(admin_ws)
    assert [item.code for item in plan.erase] == [due.code]
    assert plan.delete == ()
    assert plan.case_cutoff.year == TODAY.year - 7 and plan.case_cutoff.month == TODAY.month
    assert audit_events(admin_ws, "retention.reviewed")

    retention.set_policy(admin_ws, retention.RetentionPolicy(full_deletion=True))
    plan = retention.due_records(admin_ws)
    assert plan.erase == ()
    assert sorted(item.code for item in plan.delete) == sorted([due.code, erased.code])
    assert recent.code not in {i.code for i in plan.delete} and still_open.code not in {
        i.code for i in plan.delete
    }
    if edge is not None:
        assert edge.code not in {i.code for i in plan.delete}  # closed exactly 7 years ago: due tomorrow
        tomorrow = retention.due_records(admin_ws, today=TODAY + timedelta(days=1))
        assert edge.code in {i.code for i in tomorrow.delete}


def test_plans_for_a_future_date_or_another_policy_are_refused(admin_ws: Workspace) -> None:
    ref = old_case(admin_ws, _marker(), _years_ago(9), _years_ago(8))
    preview = retention.due_records(admin_ws, today=TODAY + timedelta(days=400))
    with pytest.raises(ValidationError):
        retention.apply_retention(admin_ws, preview)
    plan = retention.due_records(admin_ws)
    retention.set_policy(admin_ws, retention.RetentionPolicy(case_years=10))
    with pytest.raises(ValidationError):
        retention.apply_retention(admin_ws, plan)
    assert count_rows(admin_ws, Identity, case_id=ref.id) == 1


def test_a_case_reopened_after_the_plan_is_skipped(admin_ws: Workspace) -> None:
    ref = old_case(admin_ws, _marker(), _years_ago(9), _years_ago(8))
    plan = retention.due_records(admin_ws)
    c.reopen_case(admin_ws, ref.id)
    result = retention.apply_retention(admin_ws, plan)
    assert result.skipped == (ref.code,) and result.erased == ()
    assert count_rows(admin_ws, Identity, case_id=ref.id) == 1


# --- erasure ------------------------------------------------------------------------------------------------------------
def test_erasure_leaves_no_trace_on_disk_and_aggregates_unchanged(
    admin_ws: Workspace, tmp_path: Path
) -> None:
    gone, kept = _marker(), _marker()
    opened = _years_ago(9)
    ref = old_case(admin_ws, gone, opened, _years_ago(8))
    other = old_case(admin_ws, kept, _years_ago(3), _years_ago(2))
    c.record_contact(admin_ws, c.ContactInput(opened, "N1522", "TELEFONO"), case_id=None)
    coded_before = coded_rows(admin_ws, ref.id)
    indicators_before = indicators(admin_ws, opened.year)
    key = admin_ws.data_key.raw()
    assert _found(decrypted_file(admin_ws.db_path, key), gone)  # the scan does see names when present
    assert _found(plaintext_export(admin_ws, tmp_path / "before.db"), gone)

    plan = retention.due_records(admin_ws)
    assert [i.code for i in plan.erase] == [ref.code]
    result = retention.apply_retention(admin_ws, plan)
    assert result.erased == (ref.code,) and result.vacuumed

    # Nothing of her left: not in the tables, not in free pages, not in the WAL, not in a plaintext export.
    assert count_rows(admin_ws, Identity, case_id=ref.id) == 0
    assert count_rows(admin_ws, NameToken, case_id=ref.id) == 0
    decrypted = decrypted_file(admin_ws.db_path, key)
    assert not _found(decrypted, gone)
    assert _found(decrypted, kept)  # the other woman, still in care, is untouched
    export = plaintext_export(admin_ws, tmp_path / "after.db")
    assert not _found(export, gone) and _found(export, kept)
    assert not _found(_raw_files(admin_ws), gone)
    # Aggregates of past periods are unchanged: same coded rows, same indicators.
    assert coded_rows(admin_ws, ref.id) == coded_before
    assert indicators(admin_ws, opened.year) == indicators_before
    file = c.get_case(admin_ws, ref.id)
    assert file.identity is None and all(not s.notes for s in file.services)
    # Audited with the case id and the action only.
    events = audit_events(admin_ws, "identity.erased", entity_id=str(ref.id))
    assert len(events) == 1 and gone not in (events[0].detail or "")
    assert audit_events(admin_ws, "retention.applied")
    assert maintenance.verify(admin_ws).ok
    assert other.code not in {i.code for i in retention.due_records(admin_ws).erase}
    admin_ws.lock()
    assert not _found(decrypted_file(admin_ws.db_path, key), gone)


def test_full_deletion_removes_the_case_and_keeps_its_contacts_anonymous(admin_ws: Workspace) -> None:
    marker = _marker()
    opened = _years_ago(9)
    ref = c.open_case(
        admin_ws,
        c.IdentityInput(f"{marker}nome", "Rossi"),
        profile(),
        c.ConsentInput(ALL_SCOPES, opened),
        opened_on=opened,
        contact=c.ContactInput(opened, "N1522", "TELEFONO"),
    )
    c.add_service(admin_ws, ref.id, c.ServiceInput(opened, "ASCOLTO", "TELEFONO", 30, "ACCOGLIENZA"))
    c.close_case(admin_ws, ref.id, "INTERR_DONNA", _years_ago(8))
    retention.set_policy(admin_ws, retention.RetentionPolicy(full_deletion=True))
    contacts_before = count_rows(admin_ws, Contact)
    result = retention.apply_retention(admin_ws, retention.due_records(admin_ws))
    assert result.deleted == (ref.code,)
    for model in (Case, Identity, ServiceDelivery, ConsentEvent, NameToken):
        assert count_rows(admin_ws, model, **({"id": ref.id} if model is Case else {"case_id": ref.id})) == 0
    assert count_rows(admin_ws, Contact) == contacts_before  # the contact stays, unlinked and reduced
    with admin_ws.transaction(write=False) as session:
        contact = session.scalars(select(Contact).where(Contact.date == opened)).one()
        assert contact.case_id is None and contact.operator_id is None
    events = audit_events(admin_ws, "case.deleted", entity_id=str(ref.id))
    assert len(events) == 1 and marker not in (events[0].detail or "")
    assert not _found(decrypted_file(admin_ws.db_path, admin_ws.data_key.raw()), marker)
    assert maintenance.verify(admin_ws).ok


def test_contact_only_records_are_reduced_never_deleted(admin_ws: Workspace) -> None:
    old_day, recent_day = _years_ago(2), TODAY - timedelta(days=30)
    old_id = c.record_contact(admin_ws, c.ContactInput(old_day, "FFOO", "PRESENZA"))
    recent_id = c.record_contact(admin_ws, c.ContactInput(recent_day, "N1522", "TELEFONO"))
    before = indicators(admin_ws, old_day.year)
    plan = retention.due_records(admin_ws)
    assert plan.contacts == 1
    result = retention.apply_retention(admin_ws, plan)
    assert result.contacts_reduced == 1
    with admin_ws.transaction(write=False) as session:
        old = session.get_one(Contact, old_id)
        recent = session.get_one(Contact, recent_id)
        assert old.operator_id is None and old.created_at == datetime.combine(old_day, datetime.min.time())
        assert (old.date, old.access_channel, old.first_contact_mode) == (old_day, "FFOO", "PRESENZA")
        assert recent.operator_id is not None
    assert indicators(admin_ws, old_day.year) == before
    assert retention.due_records(admin_ws).contacts == 0  # reduced once, not again


# --- audit truncation ------------------------------------------------------------------------------------------------------
@pytest.fixture
def aged_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A folder whose first audit events were written twelve years ago."""
    long_ago = datetime(TODAY.year - 12, 3, 1, 9, 0, 0)
    ticks = iter(range(10_000))
    monkeypatch.setattr(audit, "utcnow", lambda: long_ago + timedelta(minutes=next(ticks)))
    ws, _ = Workspace.initialise(
        tmp_path / "data",
        centre_name="Aiuto Donna",
        centre_code="BG",
        desk_name="Bergamo",
        username=ADMIN,
        full_name="Anna Amministratrice",
        password=PASSWORDS[ADMIN],
        kdf=FAST_KDF,
    )
    ws.lock()
    ws.unlock(ADMIN, PASSWORDS[ADMIN])
    monkeypatch.undo()
    ws.lock()
    ws.unlock(ADMIN, PASSWORDS[ADMIN])
    yield ws
    ws.close()


def _raw_execute(ws: Workspace, sql: str) -> None:
    with database.raw_connection(ws.db_path, ws.data_key) as connection:
        connection.execute(sql)


def test_audit_truncation_keeps_the_chain_verifiable(aged_ws: Workspace) -> None:
    ws = aged_ws
    old = [e for e in audit_events(ws) if e.at.year == TODAY.year - 12]
    assert len(old) >= 4
    plan = retention.due_records(ws)
    assert plan.audit_events == len(old) and plan.audit_through_id == old[-1].id
    result = retention.apply_retention(ws, plan)
    assert result.audit_events_removed == len(old)
    remaining = audit_events(ws)
    assert remaining[0].id == old[-1].id + 1 and all(e.at.year > TODAY.year - 12 for e in remaining)
    with ws.transaction(write=False) as session:
        anchor = session.get_one(AuditAnchor, 1)
        assert (anchor.last_id, anchor.last_hash, anchor.removed) == (old[-1].id, old[-1].hash, len(old))
    assert audit_events(ws, "audit.truncated")
    report = maintenance.verify(ws)
    assert report.ok, report.lines()
    assert retention.due_records(ws).audit_events == 0

    # The guard rails still hold: no deleting above the anchor, no moving it back or off the chain.
    for sql in (
        f"DELETE FROM audit_event WHERE id = {remaining[0].id}",
        f"UPDATE audit_anchor SET last_id = {old[0].id}",
        f"UPDATE audit_anchor SET last_id = {remaining[0].id}, last_hash = '{'1' * 64}'",
        "DELETE FROM audit_anchor",
        "UPDATE audit_event SET detail = 'x'",
    ):
        with pytest.raises(database.sqlcipher.DatabaseError):
            _raw_execute(ws, sql)

    # A tampered remaining event is still detected.
    _raw_execute(ws, "DROP TRIGGER audit_event_no_update")
    _raw_execute(ws, f"UPDATE audit_event SET detail = '{{\"x\": 1}}' WHERE id = {remaining[1].id}")
    report = maintenance.verify(ws)
    assert not report.ok and report.failed_checks() == ["audit_chain", "audit_triggers"]


def test_a_deleted_event_after_the_anchor_is_detected(aged_ws: Workspace) -> None:
    ws = aged_ws
    retention.apply_retention(ws, retention.due_records(ws))
    victim = audit_events(ws)[1]
    _raw_execute(ws, "DROP TRIGGER audit_event_no_delete")
    _raw_execute(ws, f"DELETE FROM audit_event WHERE id = {victim.id}")
    report = maintenance.verify(ws)
    assert not report.ok and any("missing" in line for line in report.lines())


# --- migration 0003 ------------------------------------------------------------------------------------------------------
def test_upgrade_from_0002_keeps_rows_and_the_chain(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    db = folder / "ascolto.db"
    key = DataKey.generate()
    keystore = KeyStore.create(folder / "keyslots.json")
    database.create_database(db, key)
    engine = database.open_engine(db, key)
    migrate.upgrade(engine, revision="0002")
    assert migrate.current_revision(engine) == "0002"
    slot_id = keystore.add_slot(ADMIN, PASSWORDS[ADMIN], [key], FAST_KDF)
    with Session(engine.execution_options(immediate=True)) as session, session.begin():
        session.execute(
            text(
                "INSERT INTO centre (id, name, code, database_id, signing_key, created_at) "
                "VALUES (1, 'Centro', 'BG', :db, :sk, '2020-01-01 00:00:00.000000')"
            ),
            {"db": keystore.database_id, "sk": b"\x00" * 32},
        )
        session.execute(
            text(
                "INSERT INTO help_desk (id, name, town, opening_hours, active, created_at) "
                "VALUES (1, 'Sportello Antico', '', '', 1, '2020-01-01 00:00:00.000000')"
            )
        )
        session.execute(
            text(
                "INSERT INTO operator (id, username, full_name, role, help_desk_id, slot_id, active, created_at) "
                "VALUES (1, :u, 'Anna', 'amministratrice', 1, :slot, 1, '2020-01-01 00:00:00.000000')"
            ),
            {"u": ADMIN, "slot": slot_id},
        )
        for n in range(3):
            audit.record(session, 1, "test.old", "centre", 1, {"n": n}, at=datetime(2020, 1, 1 + n))
    engine.dispose()
    keystore.save()

    ws = Workspace.open(folder)
    try:
        ws.unlock(ADMIN, PASSWORDS[ADMIN])
        assert ws.schema_revision() == migrate.head_revision()
        with ws.transaction(write=False) as session:
            anchor = session.get_one(AuditAnchor, 1)
            assert (anchor.last_id, anchor.removed) == (0, 0)
            assert session.scalar(text("SELECT name FROM help_desk WHERE id = 1")) == "Sportello Antico"
            assert len(session.scalars(select(AuditEvent).where(AuditEvent.action == "test.old")).all()) == 3
        assert maintenance.verify(ws).ok
        with pytest.raises(database.sqlcipher.DatabaseError):  # still append-only below an unmoved anchor
            _raw_execute(ws, "DELETE FROM audit_event WHERE id = 1")
        # The 2020 events are past a 1-year audit period: the new schema can truncate them.
        retention.set_policy(ws, retention.RetentionPolicy(audit_years=1))
        result = retention.apply_retention(ws, retention.due_records(ws))
        assert result.audit_events_removed == 3
        assert maintenance.verify(ws).ok
    finally:
        ws.close()


# --- command line ------------------------------------------------------------------------------------------------------------
def test_cli_lists_then_applies_after_confirmation(admin_ws: Workspace, tmp_path: Path) -> None:
    ref = old_case(admin_ws, _marker(), _years_ago(9), _years_ago(8))
    folder = admin_ws.folder
    admin_ws.close()
    base = ["retention", "--data-dir", str(folder), "--user", ADMIN, "--password-stdin"]
    listing = run_cli(base, tmp_path / "home", PASSWORDS[ADMIN])
    assert listing.returncode == 0, listing.stderr
    assert ref.code in listing.stdout and "nome" not in listing.stdout
    declined = run_cli([*base, "--apply"], tmp_path / "home", PASSWORDS[ADMIN] + "\nn")
    assert declined.returncode == 0 and "Nothing was changed" in declined.stdout
    applied = run_cli([*base, "--apply"], tmp_path / "home", PASSWORDS[ADMIN] + "\ny")
    assert applied.returncode == 0, applied.stderr
    assert "1 identities erased" in applied.stdout
    with Workspace.open(folder) as ws:
        ws.unlock(ADMIN, PASSWORDS[ADMIN])
        assert count_rows(ws, Identity, case_id=ref.id) == 0
        assert asdict(retention.get_policy(ws)) == asdict(retention.RetentionPolicy())


@pytest.mark.parametrize("how", ["erasure on request", "withdrawn processing consent"])
def test_an_erasure_made_by_hand_leaves_no_trace_in_the_file(admin_ws: Workspace, how: str) -> None:
    """Not only retention: the WAL frames written before an erasure would keep her name until compacted."""
    gone, kept = _marker(), _marker()
    ref = old_case(admin_ws, gone, _years_ago(1), None)
    old_case(admin_ws, kept, _years_ago(1), None)
    key = admin_ws.data_key.raw()
    assert _found(decrypted_file(admin_ws.db_path, key), gone)
    if how == "erasure on request":
        c.erase_identity(admin_ws, ref.id)
    else:
        c.record_consent(admin_ws, ref.id, "TRATTAMENTO", False, date.today())
    decrypted = decrypted_file(admin_ws.db_path, key)
    assert not _found(decrypted, gone)
    assert _found(decrypted, kept)
