"""A centre of several PCs: membership by fingerprint, hostile bundles refused, a case moved whole.

Three installations, each its own data folder in tmp with its own encrypted database (real SQLCipher,
real age and Ed25519): the main office and two desk PCs. Everything goes through the services, as the
command line and the window use them; `test_centre_cli.py` drives the same through `ascolto`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyrage
import pytest
from sqlalchemy import func, select

from app.crypto import bundles as crypto
from app.models.accounts import HelpDesk
from app.models.agenda import Appointment
from app.models.base import Base
from app.models.cases import (
    Case,
    ConsentEvent,
    Goal,
    Identity,
    Intake,
    Pathway,
    PathwayReview,
    Referral,
    RiskAssessment,
    ServiceDelivery,
)
from app.models.centre import CaseTombstone, Installation
from app.models.ledger import LedgerLine
from app.services import agenda, centre
from app.services import cases as c
from app.services.cases import documents as docs
from app.services.cases import transfer
from app.services.errors import UserError
from app.services.workspace import Workspace
from tests.case_fixtures import D0, TODAY, audit_events, db_snapshot, full_case
from tests.document_fixtures import make_pdf, make_png
from tests.foundation_fixtures import ADMIN, ADMIN_PW, FAST_KDF, OTHER_PW, initialise


@dataclass
class Centre:
    main: Workspace
    desk: Workspace
    other: Workspace
    folder: Path  # where the bundles travel (the USB stick)


def _join(main: Workspace, desk: Workspace, name: str, folder: Path) -> None:
    made = centre.invite(main, name, folder / f"invite-{name}.json")
    joined = centre.join(desk, made.path, folder / f"answer-{name}.json", made.fingerprint)
    centre.accept(main, joined.path, joined.own_fingerprint)


@pytest.fixture(scope="module")
def network_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three PCs set up once as a centre, closed; each test opens its own copy."""
    base = tmp_path_factory.mktemp("centre")
    main, _ = initialise(base / "main", desk_name="Sede")
    desk, _ = initialise(base / "desk", desk_name="Sportello Treviglio")
    other, _ = initialise(base / "other", desk_name="Sportello Dalmine")
    stick = base / "stick"
    stick.mkdir()
    try:
        _join(main, desk, "Sportello Treviglio", stick)
        _join(main, other, "Sportello Dalmine", stick)
    finally:
        for ws in (main, desk, other):
            ws.close()
    for made in stick.iterdir():
        made.unlink()
    return base


def _unlocked(folder: Path) -> Workspace:
    ws = Workspace.open(folder)
    ws.unlock(ADMIN, ADMIN_PW)
    return ws


@pytest.fixture
def network(network_template: Path, tmp_path: Path) -> Iterator[Centre]:
    shutil.copytree(network_template, tmp_path / "centre")
    base = tmp_path / "centre"
    opened = [_unlocked(base / name) for name in ("main", "desk", "other")]
    try:
        yield Centre(*opened, base / "stick")
    finally:
        for ws in opened:
            ws.close()


def _consent_to_transfer(ws: Workspace, case_id: int) -> None:
    c.record_consent(ws, case_id, transfer.CONSENT_SCOPE, True, TODAY)


def _transfer(ws: Workspace, to: str, out: Path, name: str = "Maria") -> tuple[int, str]:
    ref = c.open_case(
        ws,
        c.IdentityInput(name, "Bianchi"),
        c.ProfileInput(birth_year=1985, country="IT"),
        c.ConsentInput(("TRATTAMENTO", "STATISTICHE"), D0),
        opened_on=D0,
    )
    _consent_to_transfer(ws, ref.id)
    transfer.transfer_case(ws, ref.id, to, out)
    return ref.id, ref.code


def _counts(ws: Workspace) -> dict[str, int]:
    models: tuple[type[Base], ...] = (
        Case,
        Identity,
        ConsentEvent,
        Intake,
        RiskAssessment,
        Pathway,
        Goal,
        PathwayReview,
        ServiceDelivery,
        Referral,
        Appointment,
    )
    with ws.transaction(write=False) as session:
        return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0 for m in models}


def _own_identity(ws: Workspace) -> bytes:
    with ws.transaction(write=False) as session:
        me = centre.own(session)
        assert me is not None and me.age_identity is not None
        return me.age_identity


def _unchanged(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    return db_snapshot(ws, exclude=("audit_event", "audit_anchor"))


def _refused(ws: Workspace, path: Path, words: str) -> None:
    """Receiving `path` is refused with one sentence naming `words`, nothing changes, and it is audited."""
    before = _unchanged(ws)
    refusals = len(audit_events(ws, "centre.bundle.refused"))
    with pytest.raises(UserError) as refused:
        centre.receive_one(ws, path)
    text = refused.value.text()
    assert words in text and "\n" not in text, text
    assert _unchanged(ws) == before
    assert len(audit_events(ws, "centre.bundle.refused")) == refusals + 1


# --- membership -------------------------------------------------------------------------------------------
def test_a_wrong_fingerprint_is_refused_on_both_sides(tmp_path: Path) -> None:
    main, _ = initialise(tmp_path / "main", desk_name="Sede")
    desk, _ = initialise(tmp_path / "desk", desk_name="Sportello Treviglio")
    with main, desk:
        made = centre.invite(main, "Sportello Treviglio", tmp_path / "invite.json")
        wrong = "0000 1111 2222 3333 4444 5555 6666 7777"
        before = _unchanged(desk)
        with pytest.raises(UserError, match="does not match"):
            centre.join(desk, made.path, tmp_path / "answer.json", wrong)
        assert _unchanged(desk) == before and not (tmp_path / "answer.json").exists()
        joined = centre.join(desk, made.path, tmp_path / "answer.json", made.fingerprint.upper())
        before = _unchanged(main)
        with pytest.raises(UserError, match="does not match"):
            centre.accept(main, joined.path, made.fingerprint)  # the main office's own, not the desk's
        assert _unchanged(main) == before
        assert [m.state for m in centre.members(main) if not m.is_self] == ["invited"]
        member = centre.accept(main, joined.path, joined.own_fingerprint.replace(" ", ""))
        assert member.name == "Sportello Treviglio"
        views = {m.name: m for m in centre.members(main)}
        assert views["Sportello Treviglio"].fingerprint == joined.own_fingerprint  # both sides show the same
        assert {m.name: m.fingerprint for m in centre.members(desk)}[
            "Centro Antiviolenza Prova"
        ] == made.fingerprint
        assert audit_events(main, "centre.accepted") and audit_events(desk, "centre.joined")
        with pytest.raises(UserError, match="answers no invitation"):  # an answer is accepted once
            centre.accept(main, joined.path, joined.own_fingerprint)


def test_an_altered_invitation_is_refused(tmp_path: Path) -> None:
    main, _ = initialise(tmp_path / "main", desk_name="Sede")
    desk, _ = initialise(tmp_path / "desk", desk_name="Sportello")
    with main, desk:
        made = centre.invite(main, "Sportello", tmp_path / "invite.json")
        document = json.loads(made.path.read_text())
        document["desk"] = "Altro"
        made.path.write_text(json.dumps(document))
        with pytest.raises(UserError, match="altered"):
            centre.join(desk, made.path, tmp_path / "answer.json", made.fingerprint)


def test_only_administrators_manage_the_centre(network: Centre) -> None:
    from app.services import accounts

    accounts.add_operator(network.main, "bea", "Bea Verdi", "coordinatrice", None, OTHER_PW, kdf=FAST_KDF)
    network.main.lock()
    network.main.unlock("bea", OTHER_PW)
    with pytest.raises(UserError):
        centre.invite(network.main, "Sportello Nuovo", network.folder / "x.json")
    with pytest.raises(UserError):
        centre.remove(network.main, "Sportello Treviglio")


# --- moving a case ---------------------------------------------------------------------------------------
def test_a_transfer_moves_everything_and_leaves_a_tombstone(network: Centre) -> None:
    whole = full_case(network.desk, "Lucia", "Verdi")
    agenda.schedule_appointment(
        network.desk, whole.id, agenda.AppointmentInput(TODAY + timedelta(days=7), "10:30")
    )
    c.record_consent(network.desk, whole.id, "CONTATTO_SICURO", False, TODAY)  # a ledger line
    out = network.folder / "transfer.age"
    before_desk, before_main = _counts(network.desk), _counts(network.main)
    with pytest.raises(UserError, match="consent to the transfer"):
        transfer.transfer_case(network.desk, whole.id, "Centro Antiviolenza Prova", out)
    assert _counts(network.desk) == before_desk and not out.exists()
    _consent_to_transfer(network.desk, whole.id)
    before_desk = _counts(network.desk)
    done = transfer.transfer_case(network.desk, whole.id, "Centro Antiviolenza Prova", out)
    assert done.code == whole.code and out.exists()
    assert not list(network.folder.glob(".*partial"))
    after_desk = _counts(network.desk)
    assert all(n == 0 for n in after_desk.values()), after_desk  # nothing of her stays
    with network.desk.transaction(write=False) as session:
        stone = session.scalar(select(CaseTombstone))
        assert stone is not None and stone.code == whole.code
        assert session.get(Installation, stone.to_installation_id).name == "Centro Antiviolenza Prova"
    assert transfer.tombstone(network.desk, whole.code) is not None
    with pytest.raises(UserError, match="No such case"):  # the second transfer: the case is no longer here
        transfer.transfer_case(network.desk, whole.id, "Centro Antiviolenza Prova", network.folder / "2.age")
    # the main office receives it whole
    received = centre.receive_one(network.main, out)
    after_main = _counts(network.main)
    assert {k: after_main[k] - before_main[k] for k in after_main} == before_desk  # the counts add up
    arrived = c.search_cases(network.main, "Lucia").items
    assert len(arrived) == 1 and received.summary == arrived[0].code
    events = audit_events(network.main, "case.arrived")
    assert events and "Sportello Treviglio" in (events[-1].detail or "")
    with network.main.transaction(write=False) as session:
        case = session.get_one(Case, arrived[0].id)
        with network.desk.transaction(write=False) as desk_session:
            assert desk_session.scalar(select(func.count()).select_from(Case)) == 0
        assert case.record_key == whole_record_key(network, case.id)
        services = session.scalars(select(ServiceDelivery).where(ServiceDelivery.case_id == case.id)).all()
        assert all(s.woman_key == case.record_key for s in services)
        desk_names = {d.id: d.name for d in session.scalars(select(HelpDesk))}
        # the main office knows the desk PC's desk since it accepted that PC: her case stays at her desk
        assert desk_names[case.help_desk_id] == "Sportello Treviglio"
        assert session.scalar(
            select(Appointment.date).where(Appointment.case_id == case.id)
        ) == TODAY + timedelta(days=7)
        lines = session.scalars(select(LedgerLine.line)).all()
        assert any('"scope":"CONTATTO_SICURO"' in line for line in lines)  # her withdrawal follows her
    # the same bundle again: refused, nothing changed
    _refused(network.main, out, "already received")


def test_her_documents_travel_with_her_and_too_many_are_refused_before_anything_changes(
    network: Centre, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = c.open_case(
        network.desk,
        c.IdentityInput("Lucia", "Verdi"),
        c.ProfileInput(birth_year=1985, country="IT"),
        c.ConsentInput(("TRATTAMENTO", "STATISTICHE"), D0),
        opened_on=D0,
    )
    pdf, png = make_pdf("ordinanza", pages=2), make_png()
    docs.add_document_bytes(network.desk, ref.id, "ordinanza.pdf", pdf)
    docs.add_document_bytes(network.desk, ref.id, "referto.png", png)
    _consent_to_transfer(network.desk, ref.id)
    out = network.folder / "transfer.age"
    monkeypatch.setattr(transfer, "MAX_TRANSFER_DOCUMENT_BYTES", len(pdf) + len(png) - 1)
    before = _counts(network.desk)
    with pytest.raises(UserError, match="carries at most 0 MB of documents: nothing was transferred"):
        transfer.transfer_case(network.desk, ref.id, "Centro Antiviolenza Prova", out)
    assert _counts(network.desk) == before and not out.exists()
    assert len(docs.list_documents(network.desk, ref.id)) == 2
    monkeypatch.undo()
    transfer.transfer_case(network.desk, ref.id, "Centro Antiviolenza Prova", out)
    centre.receive_one(network.main, out)
    (arrived,) = c.search_cases(network.main, "Lucia").items
    listed = docs.list_documents(network.main, arrived.id)
    assert [(d.name, d.kind, d.added_by) for d in listed] == [
        ("referto.png", "PNG", None),
        ("ordinanza.pdf", "PDF", None),
    ]
    assert {docs.open_document(network.main, d.id).content for d in listed} == {pdf, png}


def _refused_with_a_document_changed(
    network: Centre, name: str, data: bytes, content: bytes, digest: str
) -> None:
    """A case with one document, bundled by the desk with the document's bytes and digest replaced after
    the sender's checks (signed all the same), and refused whole by the main office."""
    with network.desk.transaction(write=False) as session:
        peer = centre.active_member(session, "Centro Antiviolenza Prova")
        me = centre.require_own(session).name
    ref = c.open_case(
        network.desk,
        c.IdentityInput("Lucia", "Verdi"),
        c.ProfileInput(),
        c.ConsentInput(("TRATTAMENTO",), D0),
        opened_on=D0,
    )
    docs.add_document_bytes(network.desk, ref.id, name, data)
    with network.desk.transaction() as session:
        payload = transfer.case_payload(network.desk, session, session.get_one(Case, ref.id), me)
        assert payload["format"] == transfer.FORMAT_WITH_DOCUMENTS
        payload["documents"][0]["content"] = base64.b64encode(content).decode()
        payload["documents"][0]["sha256"] = digest
        made = centre.make_bundle(session, peer, transfer.KIND, payload)
    out = network.folder / "forged.age"
    out.write_bytes(made.content)
    _refused(network.main, out, "not in a form this version reads")


def test_a_bundle_whose_document_does_not_match_its_digest_is_refused_whole(network: Centre) -> None:
    png = make_png()
    _refused_with_a_document_changed(
        network, "referto.png", png, make_png(rgb=(0, 0, 0)), hashlib.sha256(png).hexdigest()
    )


def test_a_bundle_carrying_a_pdf_pdfium_cannot_open_is_refused_whole(network: Centre) -> None:
    """The receiver checks a document as an attachment is checked (PDFium opens it), not only its digest
    and first bytes: a bundle made past the sender's checks cannot bring the main office a PDF that
    attaching would have refused."""
    broken = b"%PDF-1.7\n" + b"\x00not a pdf" * 40
    _refused_with_a_document_changed(
        network, "ordinanza.pdf", make_pdf("ordinanza"), broken, hashlib.sha256(broken).hexdigest()
    )


def whole_record_key(network: Centre, case_id: int) -> int:
    with network.main.transaction(write=False) as session:
        return session.get_one(Case, case_id).record_key


def test_a_case_moves_to_another_desk_with_its_next_appointments(network: Centre) -> None:
    from app.services import accounts

    second = accounts.add_help_desk(network.desk, "Sportello Caravaggio")
    whole = full_case(network.desk)
    agenda.schedule_appointment(
        network.desk, whole.id, agenda.AppointmentInput(TODAY + timedelta(days=3), "09:00")
    )
    moved = transfer.move_case_to_desk(network.desk, whole.id, second.id)
    assert moved == 1
    with network.desk.transaction(write=False) as session:
        assert session.get_one(Case, whole.id).help_desk_id == second.id
        assert set(session.scalars(select(Appointment.help_desk_id))) == {second.id}
    assert audit_events(network.desk, "case.moved")


def test_a_code_that_left_is_never_given_again(network: Centre) -> None:
    _, code = _transfer(network.desk, "Centro Antiviolenza Prova", network.folder / "t.age")
    ref = c.open_case(
        network.desk,
        c.IdentityInput("Anna", "Neri"),
        c.ProfileInput(birth_year=1990, country="IT"),
        c.ConsentInput(("TRATTAMENTO",), D0),
        opened_on=D0,
    )
    assert ref.code != code


# --- hostile bundles ---------------------------------------------------------------------------------------
def test_replay_and_reordering_are_refused(network: Centre) -> None:
    first, second = network.folder / "1.age", network.folder / "2.age"
    _transfer(network.desk, "Centro Antiviolenza Prova", first, "Prima")
    _transfer(network.desk, "Centro Antiviolenza Prova", second, "Seconda")
    _refused(network.main, second, "has not been received yet")  # early: kept for later, not lost
    centre.receive_one(network.main, first)
    centre.receive_one(network.main, second)
    _refused(network.main, first, "already received")
    _refused(network.main, second, "already received")
    assert len(c.search_cases(network.main, "Bianchi").items) == 2


def test_receive_puts_files_in_order(network: Centre) -> None:
    first, second = network.folder / "1.age", network.folder / "2.age"
    _transfer(network.desk, "Centro Antiviolenza Prova", first, "Prima")
    _transfer(network.desk, "Centro Antiviolenza Prova", second, "Seconda")
    results = centre.receive(network.main, [second, first])
    assert all(isinstance(r, centre.Received) for r in results)


def test_a_bundle_for_another_installation_is_refused(network: Centre) -> None:
    out = network.folder / "for-other.age"
    with network.main.transaction() as session:
        peer = centre.active_member(session, "Sportello Dalmine")
        made = centre.make_bundle(session, peer, transfer.KIND, {"format": 1})
    out.write_bytes(made.content)
    _refused(network.desk, out, "encrypted for another installation")


def test_a_removed_installation_is_refused(network: Centre) -> None:
    out = network.folder / "after-theft.age"
    _transfer(network.desk, "Centro Antiviolenza Prova", out)
    centre.remove(network.main, "Sportello Treviglio")
    _refused(network.main, out, "removed from the centre")
    assert audit_events(network.main, "centre.removed")


def _forge(
    network: Centre, *, signing_key: bytes | None = None, sender: str | None = None, **change: Any
) -> Path:
    """A bundle for the main office built by hand, as an intruder holding some of the keys would."""
    with network.desk.transaction(write=False) as session:
        me = centre.own(session)
        assert me is not None and me.signing_key is not None
        key = signing_key or me.signing_key
        sender_id = sender or me.install_id
    with network.main.transaction(write=False) as session:
        main = centre.own(session)
        assert main is not None
        recipient, recipient_id = main.recipient, main.install_id
    body = json.dumps({"format": 1}).encode()
    envelope = {
        "sender": sender_id,
        "recipient": recipient_id,
        "seq": 1,
        "kind": transfer.KIND,
        "created_at": "2026-01-01T00:00:00Z",
        "payload_sha256": crypto.digest(body),
    }
    envelope.update(change)
    canonical = json.dumps(envelope, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    import base64

    header = {
        "format": centre.BUNDLE_FORMAT,
        "envelope": envelope,
        "signature": base64.b64encode(crypto.sign_envelope(key, canonical)).decode(),
    }
    path = network.folder / f"forged-{len(list(network.folder.iterdir()))}.age"
    plain = json.dumps(header, sort_keys=True, separators=(",", ":")).encode() + b"\n" + body
    path.write_bytes(crypto.encrypt(plain, recipient))
    return path


def test_a_bad_signature_is_refused(network: Centre) -> None:
    _refused(network.main, _forge(network, signing_key=crypto.generate_signing_key()), "signature")


def test_an_unknown_sender_is_refused(network: Centre) -> None:
    _refused(network.main, _forge(network, sender="ab" * 16), "not a member")


def test_an_altered_payload_is_refused(network: Centre) -> None:
    _refused(network.main, _forge(network, payload_sha256="0" * 64), "does not match its signed envelope")


def test_a_bundle_addressed_to_another_is_refused(network: Centre) -> None:
    _refused(network.main, _forge(network, recipient="cd" * 16), "addressed to another installation")


def test_a_truncated_bundle_is_refused(network: Centre) -> None:
    out = network.folder / "whole.age"
    _transfer(network.desk, "Centro Antiviolenza Prova", out)
    cut = network.folder / "cut.age"
    cut.write_bytes(out.read_bytes()[:-40])
    _refused(network.main, cut, "damaged, truncated")
    garbage = network.folder / "garbage.age"
    garbage.write_bytes(os.urandom(500))
    _refused(network.main, garbage, "damaged, truncated")
    centre.receive_one(network.main, out)  # the whole one still arrives


def test_an_oversized_bundle_is_refused_before_it_is_read(network: Centre) -> None:
    huge = network.folder / "huge.age"
    with open(huge, "wb") as handle:
        handle.truncate(centre.MAX_BUNDLE_BYTES + 1)  # sparse: costs no disk
    _refused(network.main, huge, "larger than a bundle may be")


def test_a_case_that_is_already_here_is_refused(network: Centre) -> None:
    out = network.folder / "t.age"
    _transfer(network.desk, "Centro Antiviolenza Prova", out)
    centre.receive_one(network.main, out)
    plain = crypto.decrypt(out.read_bytes(), _own_identity(network.main))
    payload = json.loads(plain.partition(b"\n")[2])
    again = network.folder / "again.age"
    with network.desk.transaction() as session:  # a desk restored from an old backup sends her again
        peer = centre.active_member(session, "Centro Antiviolenza Prova")
        again.write_bytes(centre.make_bundle(session, peer, transfer.KIND, payload).content)
    _refused(network.main, again, "is already here")


# --- the standard age tool ----------------------------------------------------------------------------------
def test_a_bundle_opens_with_the_identity_alone(network: Centre) -> None:
    out = network.folder / "t.age"
    _, code = _transfer(network.desk, "Centro Antiviolenza Prova", out)
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n")
    identity = pyrage.x25519.Identity.from_str(_own_identity(network.main).decode())
    plain = pyrage.decrypt(out.read_bytes(), [identity])
    head, _, body = plain.partition(b"\n")
    header = json.loads(head)
    assert set(header["envelope"]) == {"sender", "recipient", "seq", "kind", "created_at", "payload_sha256"}
    assert header["envelope"]["kind"] == "case_transfer" and header["envelope"]["seq"] == 1
    assert json.loads(body)["case"]["code"] == code


# --- desks that know each other through the main office ------------------------------------------------------
def _send_rosters(network: Centre) -> None:
    written = centre.send(network.main, network.folder)
    by_desk = {"Treviglio": network.desk, "Dalmine": network.other}
    for path in written:
        for town, ws in by_desk.items():
            if town in path.name:
                centre.receive_one(ws, path)
    assert not centre.send(network.main, network.folder)  # nothing new to say: nothing sent


def test_a_case_moves_between_two_desks_and_a_removal_reaches_every_desk(network: Centre) -> None:
    with pytest.raises(UserError, match="No installation"):
        _transfer(network.desk, "Sportello Dalmine", network.folder / "unknown.age", "Prima")
    _send_rosters(network)
    assert {m.name for m in centre.members(network.desk)} == {
        "Sportello Treviglio",
        "Centro Antiviolenza Prova",
        "Sportello Dalmine",
    }
    out = network.folder / "desk-to-desk.age"
    _transfer(network.desk, "Sportello Dalmine", out)
    received = centre.receive_one(network.other, out)
    assert [i.code for i in c.search_cases(network.other, "Maria").items] == [received.summary]
    # the main office removes Dalmine (stolen); its roster tells Treviglio, which then refuses it
    centre.remove(network.main, "Sportello Dalmine")
    _send_rosters(network)
    back = network.folder / "back.age"
    case_id = c.search_cases(network.other, "Maria").items[0].id
    _consent_to_transfer(network.other, case_id)
    transfer.transfer_case(network.other, case_id, "Sportello Treviglio", back)
    _refused(network.desk, back, "removed from the centre")


def test_only_the_main_office_sends_the_list_of_installations(network: Centre) -> None:
    out = network.folder / "roster.age"
    with network.desk.transaction() as session:
        peer = centre.active_member(session, "Centro Antiviolenza Prova")
        out.write_bytes(centre.make_bundle(session, peer, centre.ROSTER, {"installations": []}).content)
    _refused(network.main, out, "Only the main office")


def test_a_restore_from_before_the_transfer_brings_back_neither_her_nor_old_numbers(network: Centre) -> None:
    from app.services import backup

    ref = c.open_case(
        network.desk,
        c.IdentityInput("Maria", "Bianchi"),
        c.ProfileInput(birth_year=1985, country="IT"),
        c.ConsentInput(("TRATTAMENTO",), D0),
        opened_on=D0,
    )
    _consent_to_transfer(network.desk, ref.id)
    made = backup.make_backup(network.desk, network.folder.parent / "usb")
    transfer.transfer_case(network.desk, ref.id, "Centro Antiviolenza Prova", network.folder / "t.age")
    backup.restore_backup(network.desk, made.path, ADMIN, password=ADMIN_PW)
    assert c.search_cases(network.desk, "Maria").total == 0  # the ledger deleted her again: one place
    centre.receive_one(network.main, network.folder / "t.age")
    assert c.search_cases(network.main, "Maria").total == 1
    # the centre's rows were carried over the restore: her tombstone, and the numbers the main office knows
    assert transfer.tombstone(network.desk, ref.code) is not None
    _transfer(network.desk, "Centro Antiviolenza Prova", network.folder / "next.age", "Dopo")
    assert centre.receive_one(network.main, network.folder / "next.age").seq == 2
