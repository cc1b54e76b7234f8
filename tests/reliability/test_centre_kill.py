"""kill -9 during transfer, send and receive between a centre's PCs: nothing lost, a case at one place.

A child process opens the desk PC's (or the main office's) data folder and runs the real service; a fault
point injected in the child (the only thing replaced) says where it stands and waits; the test kills it
with SIGKILL there. Then the folders are opened again as the application would, the protocol is finished
the ordinary way (transfer again, send, receive), and the case must be at exactly one of the two PCs,
whole (her services and her documents, byte for byte), never at both and never lost.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models.cases import Case, ServiceDelivery
from app.models.centre import CaseTombstone
from app.services import cases as c
from app.services import centre
from app.services.cases import documents as docs
from app.services.cases import transfer
from app.services.workspace import Workspace
from tests.case_fixtures import TODAY, full_case
from tests.document_fixtures import make_pdf, make_png
from tests.foundation_fixtures import ADMIN, ADMIN_PW, initialise

REPO = Path(__file__).resolve().parents[2]
MAIN = "Centro Antiviolenza Prova"

CHILD = r"""
import sys, time
from pathlib import Path
from app.services import centre
from app.services.cases import transfer
from app.services.workspace import Workspace

point, folder, user, password, *rest = sys.argv[1:]
ws = Workspace.open(Path(folder))
ws.unlock(user, password)

def pause(*args, **kwargs):
    print("AT_FAULT", flush=True)
    time.sleep(600)

def after(original):
    def wrapped(*args, **kwargs):
        result = original(*args, **kwargs)
        pause()
        return result
    return wrapped

if point == "transfer-before-commit":  # the case deleted, the tombstone and number recorded, not committed
    transfer.delete_case = after(transfer.delete_case)
    transfer.transfer_case(ws, int(rest[0]), rest[1], Path(rest[2]))
elif point == "transfer-after-commit":  # committed; the file not yet under its name
    centre.place_file = pause
    transfer.transfer_case(ws, int(rest[0]), rest[1], Path(rest[2]))
elif point == "send":  # the bundle kept and numbered; its file not written
    centre.bundles.atomic_write_bytes = pause  # the module that writes a bundle's file
    centre.send(ws, Path(rest[0]))
elif point == "receive":  # the case added at the main office, not committed
    transfer._arrive = after(transfer._arrive)
    centre.receive_one(ws, Path(rest[0]))
print("FINISHED", flush=True)
"""


@dataclass
class Pair:
    main: Path
    desk: Path
    stick: Path
    case_id: int
    services: int
    documents: list[tuple[str, bytes]]  # (name, content) of her documents, as the desk holds them


def _open(folder: Path) -> Workspace:
    ws = Workspace.open(folder)
    ws.unlock(ADMIN, ADMIN_PW)
    return ws


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    main, _ = initialise(tmp_path / "main", desk_name="Sede")
    desk, _ = initialise(tmp_path / "desk", desk_name="Sportello Treviglio")
    stick = tmp_path / "stick"
    stick.mkdir()
    with main, desk:
        made = centre.invite(main, "Sportello Treviglio", stick / "invite.json")
        joined = centre.join(desk, made.path, stick / "answer.json", made.fingerprint)
        centre.accept(main, joined.path, joined.own_fingerprint)
        whole = full_case(desk, "Lucia", "Verdi")
        for day in range(1, 20):
            c.add_service(
                desk, whole.id, c.ServiceInput(TODAY, "ASCOLTO", "PRESENZA", day * 5, "ACCOGLIENZA")
            )
        docs.add_document_bytes(desk, whole.id, "ordinanza.pdf", make_pdf("Ordinanza", pages=3))
        docs.add_document_bytes(desk, whole.id, "referto.png", make_png())
        c.record_consent(desk, whole.id, transfer.CONSENT_SCOPE, True, TODAY)
        services = _services(desk)
        documents = _documents(desk, whole.id)
    yield Pair(tmp_path / "main", tmp_path / "desk", stick, whole.id, services, documents)


def _documents(ws: Workspace, case_id: int) -> list[tuple[str, bytes]]:
    return sorted((d.name, docs.open_document(ws, d.id).content) for d in docs.list_documents(ws, case_id))


def _services(ws: Workspace) -> int:
    with ws.transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(ServiceDelivery)) or 0


def _cases(ws: Workspace) -> int:
    with ws.transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(Case)) or 0


def _kill_at(point: str, folder: Path, *rest: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, point, str(folder), ADMIN, ADMIN_PW, *rest],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "AT_FAULT":
        child.kill()
        _, err = child.communicate(timeout=30)
        raise AssertionError(f"the child did not reach {point}: {line!r} {err[-2000:]}")
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def _where(pair: Pair) -> tuple[int, int]:
    """(cases at the desk, cases at the main office)."""
    with _open(pair.desk) as desk, _open(pair.main) as main:
        return _cases(desk), _cases(main)


def _finish(pair: Pair, out: Path | None) -> None:
    """The ordinary way on: the desk writes what is pending, the main office receives it; one place."""
    with _open(pair.desk) as desk:
        if _cases(desk):
            transfer.transfer_case(desk, pair.case_id, MAIN, out)
        written = centre.send(desk, pair.stick)
    files = written if out is None or not out.exists() else [out, *written]
    with _open(pair.main) as main:
        results = centre.receive(main, sorted(set(files)))
        cases = [r for r in results if isinstance(r, centre.Received) and r.kind == transfer.KIND]
        assert len(cases) == 1 and all(isinstance(r, centre.Received) for r in results), results
        assert _cases(main) == 1 and _services(main) == pair.services  # whole
        with main.transaction(write=False) as session:
            case_id = session.scalar(select(Case.id))
        assert case_id is not None and _documents(main, case_id) == pair.documents  # byte for byte
        centre.receive(main, sorted(set(files)))  # the same files again (a replay): nothing twice
        assert _cases(main) == 1 and _documents(main, case_id) == pair.documents
    assert _where(pair) == (0, 1)


def test_kill_during_transfer_before_its_commit(pair: Pair) -> None:
    out = pair.stick / "transfer.age"
    _kill_at("transfer-before-commit", pair.desk, str(pair.case_id), MAIN, str(out))
    assert not out.exists()  # a file only under its final name once the case has left
    assert _where(pair) == (1, 0)  # still at the desk, whole
    with _open(pair.desk) as desk:
        assert _services(desk) == pair.services
        with desk.transaction(write=False) as session:
            assert session.scalar(select(func.count()).select_from(CaseTombstone)) == 0
    _finish(pair, out)


def test_kill_during_transfer_after_its_commit(pair: Pair) -> None:
    out = pair.stick / "transfer.age"
    _kill_at("transfer-after-commit", pair.desk, str(pair.case_id), MAIN, str(out))
    assert _where(pair) == (0, 0)  # on its way: the bundle is kept at the desk, encrypted
    with _open(pair.desk) as desk, desk.transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(CaseTombstone)) == 1
    _finish(pair, None)


def test_kill_during_send(pair: Pair) -> None:
    with _open(pair.desk) as desk:
        transfer.transfer_case(desk, pair.case_id, MAIN)  # no file: the next send writes it
    _kill_at("send", pair.desk, str(pair.stick))
    assert not list(pair.stick.glob("*.age"))
    _finish(pair, None)


def test_kill_during_receive(pair: Pair) -> None:
    out = pair.stick / "transfer.age"
    with _open(pair.desk) as desk:
        transfer.transfer_case(desk, pair.case_id, MAIN, out)
    _kill_at("receive", pair.main, str(out))
    assert _where(pair) == (0, 0)
    with _open(pair.main) as main:
        received = centre.receive_one(main, out)  # the same file again: nothing of it was kept
        assert received.seq == 1 and _services(main) == pair.services
    assert _where(pair) == (0, 1)
