"""kill -9 during writes through the real write path: nothing acknowledged is lost, nothing is half-saved.

A writer process (tests/reliability/writer.py) unlocks one data folder and saves cases, interviews and
services through app.services.cases, printing one line per call that returned. We SIGKILL it at random
moments (mostly mid-writing, sometimes mid-unlock), reopen the folder as the application would
(Workspace.open + unlock) and check after every kill:

- every acknowledged commit is present with its tag (no loss), and no tag is stored twice;
- no partial transaction: every case has its identity, name tokens, three consent events and one
  `case.created` event; every interview has exactly its `intake.created` event (and every such event its
  interview); each case has as many services as `service.created` events;
- `cipher_integrity_check`, `integrity_check` and the audit chain pass (app.services.maintenance.verify).

One folder is reused across kills so the database grows and WAL checkpoints happen under fire. CI runs
ASCOLTO_RELIABILITY_KILLS (default 50) kills, most through a fork server (one import, a forked writer per
kill) and every tenth through a fresh interpreter; the full run does 1,000.

What this proves is process-crash safety (SIGKILL leaves the OS page cache intact). Power loss is the job
of synchronous=FULL and is not simulated here.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models.audit import AuditEvent
from app.models.cases import Case, ConsentEvent, Identity, Intake, NameToken, ServiceDelivery
from app.services import maintenance
from app.services.workspace import Workspace
from tests.case_fixtures import FAST_KDF
from tests.reliability import figures
from tests.reliability.writer import SCOPES, USER

PASSWORD = "lampada fiume gatto neve"
REPO = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("ASCOLTO_RELIABILITY_KILLS", "0")) or figures.scaled(50, 1000)
FRESH_EVERY = 10  # every tenth kill starts a fresh interpreter instead of forking
LINE_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Ack:
    kind: str  # case, intake, service
    tag: str
    row_id: int
    case_id: int


@dataclass
class Ledger:
    acks: list[Ack] = field(default_factory=list)
    checks: int = 0  # acknowledged commits verified, summed over every reopen
    losses: list[str] = field(default_factory=list)


class Lines:
    """Lines of a child's stdout, read by a thread so the test can time its kills."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.queue: queue.Queue[str | None] = queue.Queue()
        assert process.stdout is not None
        stream = process.stdout

        def pump() -> None:
            for raw in iter(stream.readline, b""):
                self.queue.put(raw.decode(errors="replace").rstrip("\n"))
            self.queue.put(None)

        threading.Thread(target=pump, daemon=True).start()

    def next(self, timeout: float = LINE_TIMEOUT_S) -> str:
        line = self.queue.get(timeout=timeout)
        if line is None:
            raise AssertionError("the writer's output ended unexpectedly")
        return line


def _initialise(folder: Path) -> None:
    ws, _ = Workspace.initialise(
        folder,
        centre_name="Centro affidabilità",
        centre_code="RL",
        desk_name="Sportello",
        username=USER,
        full_name="Anna",
        password=PASSWORD,
        kdf=FAST_KDF,
    )
    ws.close()


def _parse(line: str, ledger: Ledger, errors: list[str]) -> None:
    parts = line.split()
    if parts and parts[0] == "ACK":
        ledger.acks.append(Ack(parts[1], parts[2], int(parts[3]), int(parts[4])))
    elif parts and parts[0] == "ERROR":
        errors.append(line)


def _tag(notes: str | None) -> str:
    return (notes or "").split("|", 1)[0]


def check_folder(folder: Path, ledger: Ledger) -> list[str]:
    """Reopen as the application does; return every problem found (empty: all good)."""
    problems: list[str] = []
    ws = Workspace.open(folder)
    try:
        ws.unlock(USER, PASSWORD)
        with ws.transaction(write=False) as s:
            cases = {
                cid: _tag(notes)
                for cid, notes in s.execute(
                    select(Case.id, Identity.notes).outerjoin(Identity, Identity.case_id == Case.id)
                )
            }
            intakes = {
                iid: (_tag(n), cid)
                for iid, n, cid in s.execute(select(Intake.id, Intake.notes, Intake.case_id))
            }
            services = {
                sid: (_tag(n), cid)
                for sid, n, cid in s.execute(
                    select(ServiceDelivery.id, ServiceDelivery.notes, ServiceDelivery.case_id)
                )
            }
            consents = Counter(
                dict(
                    s.execute(select(ConsentEvent.case_id, func.count()).group_by(ConsentEvent.case_id)).all()
                )
            )
            tokens = Counter(
                dict(s.execute(select(NameToken.case_id, func.count()).group_by(NameToken.case_id)).all())
            )
            created: Counter[int] = Counter()
            intake_events: Counter[int] = Counter()
            service_events: Counter[int] = Counter()
            for action, entity_id, detail in s.execute(
                select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.detail).where(
                    AuditEvent.action.in_(("case.created", "intake.created", "service.created"))
                )
            ):
                if action == "case.created":
                    created[int(entity_id)] += 1
                elif action == "intake.created":
                    intake_events[int(json.loads(detail)["intake"])] += 1
                else:
                    service_events[int(entity_id)] += 1
        # 1. nothing acknowledged is lost
        stored = {
            "case": cases,
            "intake": {k: v[0] for k, v in intakes.items()},
            "service": {k: v[0] for k, v in services.items()},
        }
        for ack in ledger.acks:
            if stored[ack.kind].get(ack.row_id) != ack.tag:
                problems.append(f"LOST {ack.kind} {ack.tag} (id {ack.row_id})")
                ledger.losses.append(ack.tag)
        ledger.checks += len(ledger.acks)
        # 2. no commit stored twice
        for kind, rows in stored.items():
            repeated = [t for t, n in Counter(t for t in rows.values() if t).items() if n > 1]
            if repeated:
                problems.append(f"{kind} tags stored twice: {repeated[:5]}")
        # 3. no partial transaction
        for cid, tag in cases.items():
            if not tag:
                problems.append(f"case {cid} has no identity (half-saved)")
            if consents[cid] != len(SCOPES):
                problems.append(f"case {cid} has {consents[cid]} consent events, expected {len(SCOPES)}")
            if tokens[cid] == 0:
                problems.append(f"case {cid} has no name tokens")
            if created[cid] != 1:
                problems.append(f"case {cid} has {created[cid]} case.created events")
        if set(intake_events) != set(intakes) or any(n != 1 for n in intake_events.values()):
            problems.append(
                f"interviews without their event: {sorted(set(intakes) - set(intake_events))[:5]}, "
                f"events without their interview: {sorted(set(intake_events) - set(intakes))[:5]}"
            )
        per_case = Counter(cid for _, cid in services.values())
        for cid in set(per_case) | set(service_events):
            if per_case[cid] != service_events[cid]:
                problems.append(f"case {cid}: {per_case[cid]} services but {service_events[cid]} events")
        # 4. the file and the audit chain
        report = maintenance.verify(ws)
        if not report.ok:
            problems.append("verify: " + "; ".join(report.lines()))
    finally:
        ws.close()
    return problems


def _start_server(folder: Path) -> tuple[subprocess.Popen[bytes], Lines]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.writer", "serve", str(folder)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(PASSWORD.encode() + b"\n")
    process.stdin.flush()
    return process, Lines(process)


def _kill_delay(rng: random.Random) -> tuple[bool, float]:
    """(wait for START first?, seconds to wait before the SIGKILL)."""
    if rng.random() < 0.15:
        return False, rng.uniform(0.0, 0.25)  # during open, unlock or the first case
    return True, rng.choice((0.0, rng.uniform(0.0, 0.05), rng.uniform(0.0, 0.3), rng.uniform(0.0, 0.8)))


def _kill_forked(
    server: subprocess.Popen[bytes],
    lines: Lines,
    run: int,
    rng: random.Random,
    ledger: Ledger,
    errors: list[str],
) -> None:
    assert server.stdin is not None
    server.stdin.write(f"RUN {run} {rng.randrange(1 << 30)}\n".encode())
    server.stdin.flush()
    line = lines.next()
    assert line.startswith(f"FORKED {run} "), line
    pid = int(line.split()[2])
    wait_start, delay = _kill_delay(rng)
    if wait_start:
        while True:
            line = lines.next()
            _parse(line, ledger, errors)
            if line.startswith(("START", "ERROR")):
                break
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    while True:
        line = lines.next()
        if line.startswith(f"REAPED {run} "):
            status = int(line.split()[2])
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, line
            return
        _parse(line, ledger, errors)


def _kill_fresh(folder: Path, run: int, rng: random.Random, ledger: Ledger, errors: list[str]) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.reliability.writer",
            "child",
            str(folder),
            str(run),
            str(rng.randrange(1 << 30)),
        ],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(PASSWORD.encode() + b"\n")
    process.stdin.close()
    lines = Lines(process)
    wait_start, delay = _kill_delay(rng)
    if wait_start:
        while True:
            line = lines.next()
            _parse(line, ledger, errors)
            if line.startswith(("START", "ERROR")):
                break
    else:
        delay += rng.uniform(0.0, 1.5)  # somewhere in the interpreter's start-up, imports, unlock
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=LINE_TIMEOUT_S) == -signal.SIGKILL
    while (line := lines.queue.get(timeout=LINE_TIMEOUT_S)) is not None:
        _parse(line, ledger, errors)


def test_kill_minus_nine_loses_nothing_acknowledged(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _initialise(folder)
    seed = int(os.environ.get("ASCOLTO_RELIABILITY_SEED", "0")) or random.randrange(1 << 30)
    rng = random.Random(seed)
    ledger, errors = Ledger(), []
    failures: dict[int, list[str]] = defaultdict(list)
    started = time.monotonic()
    server, lines = _start_server(folder)
    try:
        for run in range(1, KILLS + 1):
            if run % FRESH_EVERY == 0:
                _kill_fresh(folder, run, rng, ledger, errors)
            else:
                _kill_forked(server, lines, run, rng, ledger, errors)
            problems = check_folder(folder, ledger)
            if problems:
                failures[run] = problems
            if errors or len(failures) >= 3:
                break
    finally:
        server.kill()
        server.wait()
    kinds = Counter(a.kind for a in ledger.acks)
    figures.add("kills run", run)
    figures.add("acknowledged commits (distinct)", len(ledger.acks))
    figures.add("acknowledged commits checked (summed over reopens)", ledger.checks)
    figures.add("losses found", len(ledger.losses))
    figures.NOTES["kill test"] = (
        f"seed {seed}; {dict(kinds)} acknowledged; {time.monotonic() - started:.0f} s; set "
        "ASCOLTO_RELIABILITY_SEED to replay"
    )
    assert not errors, f"the writer failed (seed {seed}): {errors[:3]}"
    assert not failures, f"after kill(s) {sorted(failures)} (seed {seed}): {dict(failures)}"
    assert ledger.acks, "no commit was acknowledged: the kills came too early to test anything"
    if not figures.full_run():
        return
    assert len(ledger.acks) > KILLS


@pytest.mark.parametrize("where", ["fork", "fresh"])
def test_writer_acknowledges_commits(tmp_path: Path, where: str) -> None:
    """The harness itself: a writer left alone for a moment acknowledges commits that are then found."""
    folder = tmp_path / "data"
    _initialise(folder)
    ledger, errors = Ledger(), []
    rng = random.Random(7)
    if where == "fork":
        server, lines = _start_server(folder)
        try:
            assert server.stdin is not None
            server.stdin.write(b"RUN 1 7\n")
            server.stdin.flush()
            pid = int(lines.next().split()[2])
            while sum(1 for a in ledger.acks) < 20:
                _parse(lines.next(), ledger, errors)
                assert not errors, errors
            os.kill(pid, signal.SIGKILL)
            while not (line := lines.next()).startswith("REAPED"):
                _parse(line, ledger, errors)
        finally:
            server.kill()
            server.wait()
    else:
        _kill_fresh(folder, 1, rng, ledger, errors)
    assert not errors, errors
    assert check_folder(folder, ledger) == []
    assert ledger.checks == len(ledger.acks)
    if where == "fork":  # and the checker does see a lost commit
        lost = next(a for a in ledger.acks if a.kind == "service")
        ws = Workspace.open(folder)
        try:
            ws.unlock(USER, PASSWORD)
            with ws.transaction() as session:
                session.execute(ServiceDelivery.__table__.delete().where(ServiceDelivery.id == lost.row_id))
        finally:
            ws.close()
        problems = check_folder(folder, ledger)
        assert f"LOST service {lost.tag} (id {lost.row_id})" in problems
        assert any("services but" in p for p in problems)
