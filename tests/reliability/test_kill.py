"""kill -9 during writes through the real write path: nothing acknowledged is lost, nothing is half-saved.

A writer process (tests/reliability/writer.py) unlocks one data folder and saves cases, interviews and
services through app.services.cases, printing one line per call that returned. We SIGKILL it at random
moments (mostly mid-writing, sometimes mid-unlock). After EVERY kill the test reopens the folder as the
application would (Workspace.open + unlock) and checks it: a full check after every FULL_EVERY-th kill
and always after the last one, a quick check after the others.

Full check, over the whole database:
- every commit acknowledged since the first kill is present with its tag (no loss); no tag stored twice;
- no partial transaction: every case has its identity, name tokens, three consent events and one
  `case.created` event (and every such event its case); every interview has exactly its `intake.created`
  event and vice versa; per case, services = `service.created` events;
- `maintenance.verify`: cipher_integrity_check (every page's HMAC), integrity_check, the whole audit chain.
Its cost grows with the database, which grows with every kill: 0.15 s after the first kills, 0.8 s by
kill 300 and some 2 s by kill 1,000 on two cores, so a full check after each of 1,000 kills is quadratic
work (half an hour to an hour, depending on load).

Quick check, over the window of what was stored since the last full check, i.e. the rows and audit events
whose ids lie above the highest ids that check saw. Writers only insert, and only attach interviews and
services to a case they opened themselves, so every row touched since the last full check is in the
window; ids only grow (nothing is deleted, a rolled-back insert leaves no id behind, and an acknowledged id
at or below the marks is itself reported). Its cost stays flat (mostly the unlock):
- every commit acknowledged since the last full check is present with its tag;
- no tag of the window stored twice, within the window or among the tags stored at the last full check;
- the partial-transaction rules above, for the cases, interviews, services and events of the window;
- the audit events of the window chain onto the last event the last full check saw, each hashed over its
  content (the rule of app.services.audit.verify_chain, over the window only). A full check runs this
  too, for the events since the previous full check.

CI runs ASCOLTO_RELIABILITY_KILLS (default 50) kills with a full check after every one (FULL_EVERY 1, as
before the quick check existed); the full run does 1,000 kills with a full check every 10th
(ASCOLTO_RELIABILITY_FULL_EVERY overrides either). What a quick check does not see: a row or event stored
before the last full check that was lost or changed since, and damage to a page (HMAC, B-tree structure)
it does not read. Both persist (no writer stores an older tag again, a lost row does not come back, and a
writer that reads a damaged page fails, which fails the test), so the next full check finds them, only
attributed to the kills since the previous full check instead of to one kill. Damage that later writes
happen to overwrite entirely before the next full check would escape.

One folder is reused across kills so the database grows and WAL checkpoints happen under fire. Most kills
go through a fork server (one import, a forked writer per kill); every tenth starts a fresh interpreter.

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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.audit import GENESIS_HASH, AuditAnchor, AuditEvent
from app.models.base import utcnow
from app.models.cases import Case, ConsentEvent, Identity, Intake, NameToken, ServiceDelivery
from app.services import audit, maintenance
from app.services.workspace import Workspace
from tests.case_fixtures import FAST_KDF
from tests.reliability import figures
from tests.reliability.writer import SCOPES, USER

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="kills with SIGKILL and forks its writers: POSIX only"
)

PASSWORD = "lanterna torrente civetta brina"
REPO = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("ASCOLTO_RELIABILITY_KILLS", "0")) or figures.scaled(50, 1000)
FULL_EVERY = int(os.environ.get("ASCOLTO_RELIABILITY_FULL_EVERY", "0")) or figures.scaled(1, 10)
FRESH_EVERY = 10  # every tenth kill starts a fresh interpreter instead of forking
LINE_TIMEOUT_S = 60.0
KINDS = ("case", "intake", "service")
CREATED = ("case.created", "intake.created", "service.created")
NO_SUCH_CASE = 10**6


@dataclass(frozen=True)
class Ack:
    kind: str  # case, intake, service
    tag: str
    row_id: int
    case_id: int


@dataclass(frozen=True)
class Marks:
    """The highest ids a full check saw; the quick checks after it look at what lies above them."""

    case: int = 0
    intake: int = 0
    service: int = 0
    event: int = 0
    event_hash: str = GENESIS_HASH  # the hash of event `event`: the next event's prev_hash


@dataclass
class Ledger:
    acks: list[Ack] = field(default_factory=list)
    checks: int = 0  # acknowledged commits verified, summed over every reopen
    losses: set[str] = field(default_factory=set)  # distinct acknowledged tags found missing
    quick_checks: int = 0
    full_checks: int = 0
    marks: Marks = field(default_factory=Marks)  # as of the last full check (zeros: none yet)
    acks_at_full: int = 0  # acks[:acks_at_full] were acknowledged before the last full check
    tags_at_full: dict[str, set[str]] = field(default_factory=lambda: {kind: set() for kind in KINDS})


@dataclass
class Window:
    """What one read transaction finds above some marks (all of it, for the full check)."""

    cases: dict[int, str]  # case id -> tag of its identity notes ("" without identity)
    intakes: dict[int, tuple[str, int]]  # id -> (tag, case id)
    services: dict[int, tuple[str, int]]
    consents: Counter[int]  # case id -> consent events
    tokens: Counter[int]  # case id -> name tokens
    created: Counter[int]  # case id -> case.created events
    intake_events: Counter[int]  # interview id -> intake.created events
    service_events: Counter[int]  # case id -> service.created events
    top: Marks  # the highest ids in this snapshot


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


def _read(s: Session, since: Marks) -> Window:
    """Every case, interview, service and creation event above `since`, in one snapshot."""

    def per_case(case_id: Any) -> Counter[int]:
        query = select(case_id, func.count()).where(case_id > since.case).group_by(case_id)
        return Counter(dict(s.execute(query).all()))

    cases = {
        cid: _tag(notes)
        for cid, notes in s.execute(
            select(Case.id, Identity.notes)
            .outerjoin(Identity, Identity.case_id == Case.id)
            .where(Case.id > since.case)
        )
    }
    intakes = {
        iid: (_tag(n), cid)
        for iid, n, cid in s.execute(
            select(Intake.id, Intake.notes, Intake.case_id).where(Intake.id > since.intake)
        )
    }
    services = {
        sid: (_tag(n), cid)
        for sid, n, cid in s.execute(
            select(ServiceDelivery.id, ServiceDelivery.notes, ServiceDelivery.case_id).where(
                ServiceDelivery.id > since.service
            )
        )
    }
    created: Counter[int] = Counter()
    intake_events: Counter[int] = Counter()
    service_events: Counter[int] = Counter()
    for action, entity_id, detail in s.execute(
        select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.detail).where(
            AuditEvent.id > since.event, AuditEvent.action.in_(CREATED)
        )
    ):
        if action == "case.created":
            created[int(entity_id)] += 1
        elif action == "intake.created":
            intake_events[int(json.loads(detail)["intake"])] += 1
        else:
            service_events[int(entity_id)] += 1
    last_event = s.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    top = Marks(
        max(cases, default=since.case),
        max(intakes, default=since.intake),
        max(services, default=since.service),
        *(last_event if last_event is not None else (since.event, since.event_hash)),
    )
    return Window(
        cases,
        intakes,
        services,
        per_case(ConsentEvent.case_id),
        per_case(NameToken.case_id),
        created,
        intake_events,
        service_events,
        top,
    )


def _chain_problems(s: Session, since: Marks) -> list[str]:
    """The audit events above `since` follow on from it, each hashed over its content (verify_chain's rule)."""
    problems: list[str] = []
    expected_id, expected_prev = since.event + 1, since.event_hash
    if since.event == 0:  # no full check yet: the chain starts at the anchor (retention never runs here)
        anchor = s.get(AuditAnchor, 1)
        if anchor is not None:
            expected_id, expected_prev = anchor.last_id + 1, anchor.last_hash
    columns = (AuditEvent.at, AuditEvent.operator_id, AuditEvent.action, AuditEvent.entity)
    query = select(AuditEvent.id, *columns, AuditEvent.entity_id, AuditEvent.detail, AuditEvent.prev_hash)
    for row in s.execute(
        query.add_columns(AuditEvent.hash).where(AuditEvent.id > since.event).order_by(AuditEvent.id)
    ):
        event_id, at, operator_id, action, entity, entity_id, detail, prev_hash, stored_hash = row
        if event_id != expected_id:
            problems.append(f"audit events {expected_id}..{event_id - 1} missing")
        if prev_hash != expected_prev:
            problems.append(f"audit event {event_id}: previous hash does not match")
        if audit.event_hash(prev_hash, at, operator_id, action, entity, entity_id, detail) != stored_hash:
            problems.append(f"audit event {event_id}: content does not match its hash")
        expected_id, expected_prev = event_id + 1, stored_hash
        if len(problems) >= 20:
            break
    return problems


def _row_problems(window: Window, acks: list[Ack], since: Marks, earlier: dict[str, set[str]]) -> list[str]:
    """Losses, tags stored twice and partial transactions among the rows of `window`."""
    problems: list[str] = []
    stored = {
        "case": window.cases,
        "intake": {k: v[0] for k, v in window.intakes.items()},
        "service": {k: v[0] for k, v in window.services.items()},
    }
    floor = {"case": since.case, "intake": since.intake, "service": since.service}
    # 1. nothing acknowledged is lost
    for ack in acks:
        if ack.row_id <= floor[ack.kind]:
            problems.append(
                f"{ack.kind} {ack.tag} acknowledged with id {ack.row_id}, not above id {floor[ack.kind]}, "
                "the highest the last full check saw (an id given twice?)"
            )
        elif stored[ack.kind].get(ack.row_id) != ack.tag:
            problems.append(f"LOST {ack.kind} {ack.tag} (id {ack.row_id})")
    # 2. no commit stored twice
    for kind, rows in stored.items():
        tags = Counter(t for t in rows.values() if t)
        repeated = [t for t, n in tags.items() if n > 1 or t in earlier[kind]]
        if repeated:
            problems.append(f"{kind} tags stored twice: {repeated[:5]}")
    # 3. no partial transaction
    for cid, tag in window.cases.items():
        if not tag:
            problems.append(f"case {cid} has no identity (half-saved)")
        if window.consents[cid] != len(SCOPES):
            problems.append(f"case {cid} has {window.consents[cid]} consent events, expected {len(SCOPES)}")
        if window.tokens[cid] == 0:
            problems.append(f"case {cid} has no name tokens")
        if window.created[cid] != 1:
            problems.append(f"case {cid} has {window.created[cid]} case.created events")
    orphans = sorted(set(window.created) - set(window.cases))
    if orphans:
        problems.append(f"case.created events without their case: {orphans[:5]}")
    intakes, events = set(window.intakes), set(window.intake_events)
    if events != intakes or any(n != 1 for n in window.intake_events.values()):
        problems.append(
            f"interviews without their event: {sorted(intakes - events)[:5]}, "
            f"events without their interview: {sorted(events - intakes)[:5]}, "
            f"interviews with several events: {sorted(i for i, n in window.intake_events.items() if n > 1)[:5]}"
        )
    per_case = Counter(cid for _, cid in window.services.values())
    for cid in set(per_case) | set(window.service_events):
        if per_case[cid] != window.service_events[cid]:
            problems.append(f"case {cid}: {per_case[cid]} services but {window.service_events[cid]} events")
    return problems


def check_folder(folder: Path, ledger: Ledger, full: bool = True) -> list[str]:
    """Reopen as the application does, run the quick or the full check; return every problem found.

    Quick: the window above the last full check's marks. Full: everything, plus maintenance.verify; the
    marks then move up to what this check saw.
    """
    since = Marks() if full else ledger.marks
    acked = len(ledger.acks)
    acks = ledger.acks[:acked] if full else ledger.acks[ledger.acks_at_full : acked]
    ws = Workspace.open(folder)
    try:
        ws.unlock(USER, PASSWORD)
        with ws.transaction(write=False) as s:
            window = _read(s, since)
            chain = _chain_problems(s, ledger.marks)  # since the last full check (full: verify reads all)
        earlier = {kind: set() for kind in KINDS} if full else ledger.tags_at_full
        problems = _row_problems(window, acks, since, earlier) + chain
        ledger.losses.update(p.split()[2] for p in problems if p.startswith("LOST "))
        ledger.checks += len(acks)
        if full:
            report = maintenance.verify(ws)
            if not report.ok:
                problems.append("verify: " + "; ".join(report.lines()))
            ledger.full_checks += 1
            ledger.marks, ledger.acks_at_full = window.top, acked
            ledger.tags_at_full = {
                "case": set(window.cases.values()),
                "intake": {tag for tag, _ in window.intakes.values()},
                "service": {tag for tag, _ in window.services.values()},
            }
        else:
            ledger.quick_checks += 1
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
    failures: dict[str, list[str]] = {}
    spent: Counter[str] = Counter()  # seconds: killing (the writers' lives), quick checks, full checks
    started = time.monotonic()
    last_full = 0
    server, lines = _start_server(folder)
    try:
        for run in range(1, KILLS + 1):
            began = time.monotonic()
            if run % FRESH_EVERY == 0:
                _kill_fresh(folder, run, rng, ledger, errors)
            else:
                _kill_forked(server, lines, run, rng, ledger, errors)
            killed = time.monotonic()
            full = run % FULL_EVERY == 0 or run == KILLS
            problems = check_folder(folder, ledger, full)
            spent["kills"] += killed - began
            spent["full checks" if full else "quick checks"] += time.monotonic() - killed
            if problems:
                failures[_check_label(run, full, last_full)] = problems
            last_full = run if full else last_full
            if errors or len(failures) >= 3:
                break
    finally:
        server.kill()
        server.wait()
    if last_full != run:  # stopped early: what does the whole database say?
        problems = check_folder(folder, ledger, full=True)
        if problems:
            failures[_check_label(run, True, last_full)] = problems
    kinds = Counter(a.kind for a in ledger.acks)
    figures.add("kills run", run)
    figures.add("acknowledged commits (distinct)", len(ledger.acks))
    figures.add("acknowledged commits checked (summed over reopens)", ledger.checks)
    figures.add("full checks (whole database + verify)", ledger.full_checks)
    figures.add("quick checks (since the last full check)", ledger.quick_checks)
    figures.add("losses found", len(ledger.losses))
    figures.NOTES["kill test"] = (
        f"seed {seed}; {dict(kinds)} acknowledged; full check every {FULL_EVERY} kill(s) and after the last; "
        f"{time.monotonic() - started:.0f} s ("
        + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in sorted(spent.items()))
        + "); set ASCOLTO_RELIABILITY_SEED to replay"
    )
    assert not errors, f"the writer failed (seed {seed}): {errors[:3]}"
    assert not failures, f"problems (seed {seed}): {failures}"
    assert ledger.acks, "no commit was acknowledged: the kills came too early to test anything"
    if not figures.full_run():
        return
    assert len(ledger.acks) > KILLS


def _check_label(run: int, full: bool, last_full: int) -> str:
    if not full:
        return f"quick check after kill {run}"
    if last_full == run - 1:
        return f"full check after kill {run}"
    return f"full check after kill {run} (covers kills {last_full + 1}-{run})"


def _write_for_a_moment(
    server: subprocess.Popen[bytes], lines: Lines, run: int, ledger: Ledger, errors: list[str]
) -> list[Ack]:
    """One forked writer, killed once it has acknowledged 20 commits, one of them a service at least."""
    assert server.stdin is not None
    server.stdin.write(f"RUN {run} {run}\n".encode())
    server.stdin.flush()
    line = lines.next()
    assert line.startswith(f"FORKED {run} "), line
    first = len(ledger.acks)
    while len(ledger.acks) - first < 20 or all(a.kind != "service" for a in ledger.acks[first:]):
        _parse(lines.next(), ledger, errors)
        assert not errors, errors
    os.kill(int(line.split()[2]), signal.SIGKILL)
    while not (line := lines.next()).startswith(f"REAPED {run} "):
        _parse(line, ledger, errors)
    return ledger.acks[first:]


@pytest.mark.parametrize("where", ["fork", "fresh"])
def test_writer_acknowledges_commits(tmp_path: Path, where: str) -> None:
    """The harness itself: a writer left alone for a moment acknowledges commits that are then found."""
    folder = tmp_path / "data"
    _initialise(folder)
    ledger, errors = Ledger(), []
    if where == "fork":
        server, lines = _start_server(folder)
        try:
            _write_for_a_moment(server, lines, 1, ledger, errors)
        finally:
            server.kill()
            server.wait()
    else:
        _kill_fresh(folder, 1, random.Random(7), ledger, errors)
    assert not errors, errors
    assert check_folder(folder, ledger, full=False) == []
    assert check_folder(folder, ledger) == []
    assert ledger.checks == 2 * len(ledger.acks)
    assert (ledger.quick_checks, ledger.full_checks) == (1, 1)


def test_checks_see_losses_and_a_broken_chain(tmp_path: Path) -> None:
    """The checkers can fail: the quick check sees what went wrong since the last full check, the full
    check sees it all. Run 1 is checked in full, run 2 only quickly; then one service of each run is
    deleted (their `service.created` events stay), an interview of run 1 is stored again (a new row,
    no event), a `case.created` event names a case that does not exist and an audit event with a wrong
    hash is appended."""
    folder = tmp_path / "data"
    _initialise(folder)
    ledger, errors = Ledger(), []
    server, lines = _start_server(folder)
    try:
        before = _write_for_a_moment(server, lines, 1, ledger, errors)
        assert check_folder(folder, ledger) == []
        after = _write_for_a_moment(server, lines, 2, ledger, errors)
    finally:
        server.kill()
        server.wait()
    assert check_folder(folder, ledger, full=False) == []
    assert ledger.checks == len(before) + len(after)  # the quick check looked at run 2 only
    old = next(a for a in before if a.kind == "service")
    new = next(a for a in after if a.kind == "service")
    twice = next(a for a in before if a.kind == "intake")
    copied = [column for column in Intake.__table__.c if column.name != "id"]
    ws = Workspace.open(folder)
    try:
        ws.unlock(USER, PASSWORD)
        with ws.transaction() as session:
            session.execute(
                ServiceDelivery.__table__.delete().where(ServiceDelivery.id.in_((old.row_id, new.row_id)))
            )
            copy_id = session.execute(
                Intake.__table__.insert().from_select(
                    copied, select(*copied).where(Intake.id == twice.row_id)
                )
            ).lastrowid
            audit.record(session, None, "case.created", "case", NO_SUCH_CASE)  # well chained, but no case
            session.add(AuditEvent(at=utcnow(), action="forged", prev_hash=GENESIS_HASH, hash=GENESIS_HASH))
    finally:
        ws.close()

    quick = check_folder(folder, ledger, full=False)
    assert f"LOST service {new.tag} (id {new.row_id})" in quick
    assert any(p.startswith(f"case {new.case_id}: ") and "services but" in p for p in quick)
    assert any(p.startswith("audit event ") and p.endswith("previous hash does not match") for p in quick)
    assert any(p.startswith("audit event ") and p.endswith("content does not match its hash") for p in quick)
    assert f"intake tags stored twice: ['{twice.tag}']" in quick  # stored again after the full check
    assert any(p.startswith(f"interviews without their event: [{copy_id}], ") for p in quick)
    assert f"case.created events without their case: [{NO_SUCH_CASE}]" in quick
    assert ledger.losses == {new.tag}

    full = check_folder(folder, ledger)
    for lost in (old, new):
        assert f"LOST service {lost.tag} (id {lost.row_id})" in full
        assert any(p.startswith(f"case {lost.case_id}: ") and "services but" in p for p in full)
    assert f"intake tags stored twice: ['{twice.tag}']" in full
    assert any(p.startswith(f"interviews without their event: [{copy_id}], ") for p in full)
    assert any(p.startswith("verify: ") and "audit_chain: FAILED" in p for p in full)
    assert f"case.created events without their case: [{NO_SUCH_CASE}]" in full
    assert ledger.losses == {old.tag, new.tag}
